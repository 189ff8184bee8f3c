// The plugin's PHP ballot rules against the same table of cases as the widget and the demo server
// (test/jugend-budget/ballot-cases.json). Needs only php-cli (npm run test:wordpress installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const rules = fileURLToPath(new URL('../../wordpress/stadttraum/includes/class-ballot-rules.php', import.meta.url));
const casesFile = fileURLToPath(new URL('../jugend-budget/ballot-cases.json', import.meta.url));
const table = JSON.parse(readFileSync(casesFile, 'utf8'));

/** Runs every case through the PHP class and returns its answers as JSON. */
function php() {
  const script = `
    require ${JSON.stringify(rules)};
    $t = json_decode(file_get_contents(${JSON.stringify(casesFile)}), true);
    $out = array('cases' => array(), 'codes' => array(), 'new' => array());
    foreach ($t['cases'] as $c) {
      $check = Stadttraum_Ballot_Rules::check($c['rules'], $t['projects'], $c['chosen']);
      $state = is_array($c['chosen']) ? Stadttraum_Ballot_Rules::state($c['rules'], $t['projects'], $c['chosen']) : null;
      if ($state) $state['blocked'] = (object) $state['blocked'];
      $out['cases'][] = array('check' => $check, 'state' => $state);
    }
    foreach ($t['codes'] as $c) $out['codes'][] = Stadttraum_Ballot_Rules::normalize_code($c['typed']);
    for ($i = 0; $i < 50; $i++) { $n = Stadttraum_Ballot_Rules::new_code(); $out['new'][] = array($n, Stadttraum_Ballot_Rules::normalize_code(strtolower(Stadttraum_Ballot_Rules::format_code($n)))); }
    echo json_encode($out);`;
  const r = spawnSync('php', ['-r', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr || r.stdout);
  return JSON.parse(r.stdout);
}

test('PHP ballot rules give the answers of the shared case table', () => {
  const out = php();
  table.cases.forEach((c, i) => {
    const { check, state } = out.cases[i];
    assert.equal(check.ok, c.castable, `${c.name}: castable`);
    if (!check.ok) assert.equal(check.problem, c.problems[0], `${c.name}: first problem`);
    if (!state) return;
    assert.deepEqual(state.problems, c.problems, `${c.name}: problems`);
    if (c.total !== undefined) assert.equal(state.total, c.total, `${c.name}: total`);
    if (c.left !== undefined) assert.equal(state.left, c.left, `${c.name}: left`);
    if (c.minTotal !== undefined) assert.equal(state.minTotal, c.minTotal, `${c.name}: minTotal`);
    if (c.blocked) assert.deepEqual(state.blocked, c.blocked, `${c.name}: blocked`);
  });
  table.codes.forEach((c, i) => assert.equal(out.codes[i], c.code, `code “${c.typed}”`));
  for (const [code, read] of out.new) assert.equal(read, code, 'a generated code reads back from its printed, lower-cased form');
});
