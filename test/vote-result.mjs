// One check for every server that counts the youth budget vote (the demo server in test/node, the
// WordPress plugin in test/wordpress): the closed vote publishes what the widget itself computes
// from the same ballots. Needs the built library (npx rollup -c --silent).
import assert from 'node:assert/strict';
import { greedy, runSync } from '../dist/lib/jugend-budget/jugend-budget.rules.js';
import { readPabulib } from '../dist/lib/jugend-budget/jugend-budget.pabulib.js';

/**
 * Asserts that a greedy vote's result feed selects what the widget's greedy rule selects from the
 * feed's ballots, with the same vote counts, and that its Pabulib file (`pabulib`: the text) counts
 * `ballots` votes and marks the same projects selected. Returns the widget's result.
 */
export function assertWidgetResult(feed, pabulib, ballots) {
  const election = {
    budget: feed.budget,
    projects: feed.projects.map((p) => ({
      id: p.id,
      cost: p.cost,
      votes: feed.ballots.filter((b) => b.includes(p.id)).length,
      feasible: p.feasible !== false,
    })),
  };
  const widget = runSync(greedy(election));
  const selected = [...widget.selected].sort();
  assert.deepEqual(
    feed.projects
      .filter((p) => p.selected)
      .map((p) => p.id)
      .sort(),
    selected,
    'the feed selects what the widget computes',
  );
  assert.deepEqual(
    feed.projects.map((p) => p.votes),
    election.projects.map((p) => p.votes),
    'the feed counts the votes of its ballots',
  );
  const pb = readPabulib(pabulib);
  assert.equal(Number(pb.meta.num_votes), ballots);
  assert.deepEqual(
    pb.projects
      .filter((p) => p.selected === '1')
      .map((p) => p.project_id)
      .sort(),
    selected,
    'the Pabulib file selects the same projects',
  );
  return widget;
}
