// The plugin's counting rules (includes/class-budget-rules.php) on the real Pabulib elections the
// widget's rules are tested with (test/jugend-budget/fixtures): each header's rule reproduces the
// published selection, and PHP chooses exactly what the widget's compiled rules choose, in the same
// order, also where ties decide. Needs php-cli and the built widget (dist/lib, `npx rollup -c`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pabulibAdapter } from '../../dist/lib/jugend-budget/jugend-budget.pabulib.js';
import { electionOf, parseBudgetFeed } from '../../dist/lib/jugend-budget/jugend-budget.model.js';
import { ruleRun, runSync } from '../../dist/lib/jugend-budget/jugend-budget.rules.js';

const rules = fileURLToPath(new URL('../../wordpress/stadttraum/includes/class-budget-rules.php', import.meta.url));
const ctx = { baseUrl: 'http://localhost/', lang: 'de', warn: () => {} };

/** The feed the widget reads from a fixture. */
function fixture(file) {
  const text = readFileSync(new URL(`../jugend-budget/fixtures/${file}`, import.meta.url), 'utf8');
  return parseBudgetFeed(pabulibAdapter.map(pabulibAdapter.decode(text, ctx), ctx), ctx);
}

/** Runs elections through the PHP rules: [{ rule, election }] → [{ rule, selected, cost }]. */
function php(runs) {
  const dir = mkdtempSync(join(tmpdir(), 'st-rules-'));
  try {
    const input = join(dir, 'runs.json');
    writeFileSync(input, JSON.stringify(runs));
    const script = `define('ABSPATH', '/'); require ${JSON.stringify(rules)};
      $out = array();
      foreach (json_decode(file_get_contents(${JSON.stringify(input)}), true) as $r) $out[] = Stadttraum_Budget_Rules::run($r['rule'], $r['election']);
      echo json_encode($out);`;
    const r = spawnSync('php', ['-d', 'memory_limit=512M', '-r', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr || r.stdout);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases = [
  ['Poland_Warszawa_2017_CentrumWola_GrzybowskaGroszowka.pb', 'greedy'],
  ['Netherlands_Assen_2024.pb', 'equalshares/add1'],
  ['Poland_Swiecie_2023.pb', 'equalshares/add1'],
];

test('PHP counts real elections as published and as the widget does (Warsaw 2017 greedy, Assen 2024 and Świecie 2023 add1)', () => {
  const feeds = cases.map(([file]) => fixture(file));
  const out = php(feeds.map((f) => ({ rule: f.rule, election: electionOf(f) })));
  cases.forEach(([file, rule], i) => {
    const feed = feeds[i];
    assert.equal(feed.ruleId, rule, `${file}: header rule`);
    const published = feed.projects.filter((p) => p.selected).map((p) => p.id);
    assert.ok(published.length > 0 && published.length < feed.projects.length, `${file}: the rule had to decide`);
    assert.equal(out[i].rule, rule, `${file}: rule used`);
    assert.deepEqual([...out[i].selected].sort(), [...published].sort(), `${file}: published selection`);
    const widget = runSync(ruleRun(feed.ruleId, electionOf(feed)));
    assert.deepEqual(out[i].selected, widget.selected, `${file}: the widget's selection in the widget's order`);
    assert.ok(Math.abs(out[i].cost - widget.cost) < 1e-6, `${file}: cost`);
  });
});

test('equal shares on the Assen youth budget is not greedy: the server runs the rule the round names', () => {
  const feed = fixture('Netherlands_Assen_2024.pb');
  const [shares, greedy] = php([
    { rule: 'equalshares/add1', election: electionOf(feed) },
    { rule: 'greedy', election: electionOf(feed) },
  ]);
  assert.notDeepEqual([...shares.selected].sort(), [...greedy.selected].sort());
});

test('ties are broken as the widget breaks them: more votes, then lower cost, then feed order', () => {
  // Four voters; a and b tie on votes and cost (feed order decides), c has as many votes but costs more.
  const election = {
    budget: 300,
    projects: [
      { id: 'b', cost: 100, votes: 2, feasible: true },
      { id: 'a', cost: 100, votes: 2, feasible: true },
      { id: 'c', cost: 150, votes: 2, feasible: true },
      { id: 'd', cost: 50, votes: 1, feasible: false },
    ],
    ballots: [[0, 2], [1, 2], [0, 1], [3]],
  };
  const rulesUsed = ['greedy', 'equalshares/add1', 'equalshares'];
  const out = php(rulesUsed.map((rule) => ({ rule, election })));
  rulesUsed.forEach((rule, i) => {
    const widget = runSync(ruleRun(rule, election));
    assert.deepEqual(out[i].selected, widget.selected, `${rule}: same projects in the same order`);
    assert.ok(!out[i].selected.includes('d'), `${rule}: a project found not feasible is never funded`);
  });
  assert.deepEqual(out[0].selected, ['b', 'a'], 'greedy: equal votes and cost → feed order; the dearer one does not fit');
});
