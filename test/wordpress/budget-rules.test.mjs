// The plugin's counting rules (includes/class-budget-rules.php) on the real Pabulib elections the
// widget's rules are tested with (test/jugend-budget/fixtures, listed once for both in
// test/jugend-budget/rule-cases.json): each header's rule reproduces the published selection, and PHP
// chooses exactly what the widget's compiled rules choose, in the same order, also where ties decide.
// Needs php-cli and the built widget (dist/lib, `npx rollup -c`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pabulibAdapter } from '../../dist/lib/jugend-budget/jugend-budget.pabulib.js';
import { ballotIndexes, countVotes, electionOf, parseBudgetFeed } from '../../dist/lib/jugend-budget/jugend-budget.model.js';
import { equalShares, ruleRun, runSync } from '../../dist/lib/jugend-budget/jugend-budget.rules.js';

const rules = fileURLToPath(new URL('../../wordpress/stadttraum/includes/class-budget-rules.php', import.meta.url));
const ctx = { baseUrl: 'http://localhost/', lang: 'de', warn: () => {} };

/** The feed the widget reads from a fixture (the Pabulib adapter reads a file in steps: a promise). */
async function fixture(file) {
  const text = readFileSync(new URL(`../jugend-budget/fixtures/${file}`, import.meta.url), 'utf8');
  const feed = parseBudgetFeed(pabulibAdapter.map(await pabulibAdapter.decode(text, ctx), ctx), ctx);
  // Over 5,000 ballots (Wieliczka) wait for the widget's slices; here at once.
  if (feed.pendingBallots) {
    feed.ballots = runSync(ballotIndexes(feed.pendingBallots, feed.projects, () => {}));
    feed.pendingBallots = undefined;
    countVotes(feed.projects, feed.ballots);
  }
  return feed;
}

/** Runs elections through the PHP rules: [{ rule, election }] → [{ rule, selected, cost, comparison?, ms }] (ms: PHP's time for the rule alone). */
function php(runs) {
  const dir = mkdtempSync(join(tmpdir(), 'st-rules-'));
  try {
    const input = join(dir, 'runs.json');
    writeFileSync(input, JSON.stringify(runs));
    const script = `define('ABSPATH', '/'); require ${JSON.stringify(rules)};
      $out = array();
      foreach (json_decode(file_get_contents(${JSON.stringify(input)}), true) as $r) { $t = hrtime(true); $o = Stadttraum_Budget_Rules::run($r['rule'], $r['election']); $o['ms'] = (hrtime(true) - $t) / 1e6; $out[] = $o; }
      echo json_encode($out);`;
    const r = spawnSync('php', ['-d', 'memory_limit=512M', '-r', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr || r.stdout);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases = JSON.parse(readFileSync(new URL('../jugend-budget/rule-cases.json', import.meta.url), 'utf8')).elections;

test('PHP counts real elections as published and as the widget does (greedy, add1, add1-comparison)', async () => {
  const feeds = await Promise.all(cases.map(({ file }) => fixture(file)));
  const out = php(feeds.map((f) => ({ rule: f.rule, election: electionOf(f) })));
  cases.forEach(({ file, rule }, i) => {
    const feed = feeds[i];
    assert.equal(feed.ruleId, rule, `${file}: header rule`);
    const published = feed.projects.filter((p) => p.selected).map((p) => p.id);
    assert.ok(published.length > 0 && published.length < feed.projects.length, `${file}: the rule had to decide`);
    assert.equal(out[i].rule, rule, `${file}: rule used`);
    assert.deepEqual([...out[i].selected].sort(), [...published].sort(), `${file}: published selection`);
    const widget = runSync(ruleRun(feed.ruleId, electionOf(feed)));
    assert.deepEqual(out[i].selected, widget.selected, `${file}: the widget's selection in the widget's order`);
    assert.ok(Math.abs(out[i].cost - widget.cost) < 1e-6, `${file}: cost`);
    assert.deepEqual(out[i].comparison, widget.comparison, `${file}: the comparison step's counts`);
    console.log(`# PHP ${rule} on ${file}: ${feed.ballots.length} ballots, ${Math.round(out[i].ms)} ms`);
  });
});

test('Wieliczka 2023 on the server: add1 alone funds the published set, equal shares without the completion does not', async () => {
  const feed = await fixture('Poland_Wieliczka_2023_Green_Budget.pb');
  const [add1, plain] = php([
    { rule: 'equalshares/add1', election: electionOf(feed) },
    { rule: 'equalshares', election: electionOf(feed) },
  ]);
  const published = feed.projects
    .filter((p) => p.selected)
    .map((p) => p.id)
    .sort();
  assert.deepEqual([...add1.selected].sort(), published);
  assert.notDeepEqual([...plain.selected].sort(), published, 'equal shares alone leaves money unspent');
  assert.deepEqual(add1.selected, runSync(equalShares(electionOf(feed))).selected);
});

test('the comparison step on the server takes greedy only with strictly more voters (and keeps equal shares on a tie)', () => {
  const p = (id, cost, votes) => ({ id, cost, votes, feasible: true });
  // Six voters want only "big" (100), four only "small" (10): equal shares funds "small", greedy "big".
  const majority = {
    budget: 100,
    projects: [p('big', 100, 6), p('small', 10, 4)],
    ballots: [...Array(6).fill([0]), ...Array(4).fill([1])],
  };
  const tie = { budget: 100, projects: [p('big', 100, 5), p('small', 10, 5)], ballots: [...Array(5).fill([0]), ...Array(5).fill([1])] };
  const [a, b, c] = php([
    { rule: 'equalshares/add1-comparison', election: majority },
    { rule: 'mes/add1-comparison', election: tie },
    { rule: 'equalshares/add1', election: majority },
  ]);
  assert.deepEqual(c.selected, ['small']);
  assert.deepEqual(a.selected, ['big']);
  assert.deepEqual(a.comparison, { shares: 4, greedy: 6, chosen: 'greedy' });
  assert.equal(a.cost, 100);
  assert.equal(b.rule, 'equalshares/add1-comparison', 'Pabulib spellings (mes/…) are read as the widget reads them');
  assert.equal(b.comparison.chosen, 'shares');
  for (const [out, e] of [
    [a, majority],
    [b, tie],
  ]) {
    const widget = runSync(ruleRun('equalshares/add1-comparison', e));
    assert.deepEqual(out.selected, widget.selected);
    assert.deepEqual(out.comparison, widget.comparison);
  }
});

test('equal shares on the Assen youth budget is not greedy: the server runs the rule the round names', async () => {
  const feed = await fixture('Netherlands_Assen_2024.pb');
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
  const rulesUsed = ['greedy', 'equalshares/add1', 'equalshares', 'equalshares/add1-comparison'];
  const out = php(rulesUsed.map((rule) => ({ rule, election })));
  rulesUsed.forEach((rule, i) => {
    const widget = runSync(ruleRun(rule, election));
    assert.deepEqual(out[i].selected, widget.selected, `${rule}: same projects in the same order`);
    assert.ok(!out[i].selected.includes('d'), `${rule}: a project found not feasible is never funded`);
  });
  assert.deepEqual(out[0].selected, ['b', 'a'], 'greedy: equal votes and cost → feed order; the dearer one does not fit');
});
