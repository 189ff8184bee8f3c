import { expect } from '@open-wc/testing';
import type { FeedContext } from '../../src/core/feed-types.js';
import { ballotIndexes, countVotes, electionOf, parseBudgetFeed } from '../../src/jugend-budget/jugend-budget.model.js';
import {
  blobOf,
  pabulibAdapter,
  pabulibBlob,
  readPabulib,
  readPabulibSteps,
  splitLine,
  toPabulib,
} from '../../src/jugend-budget/jugend-budget.pabulib.js';
import { equalShares, greedy, ruleRun, runChunked, runSync, type Election } from '../../src/jugend-budget/jugend-budget.rules.js';

const warnings: string[] = [];
const ctx: FeedContext = { baseUrl: location.href, lang: 'de', warn: (m) => warnings.push(m) };

async function election(file: string) {
  const text = await (await fetch(`/test/jugend-budget/fixtures/${file}`)).text();
  // The adapter reads a file in slices, as the widget does (a promise).
  const raw = pabulibAdapter.map!(await pabulibAdapter.decode!(text, ctx), ctx);
  const feed = parseBudgetFeed(raw, ctx);
  // Over 5,000 ballots wait for the widget's slices; here at once, as the widget does it.
  if (feed.pendingBallots) {
    feed.ballots = runSync(ballotIndexes(feed.pendingBallots, feed.projects, (m) => warnings.push(m), 'de'));
    feed.pendingBallots = undefined;
    countVotes(feed.projects, feed.ballots);
  }
  return feed;
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

// Shared with the plugin's PHP test (test/wordpress/budget-rules.test.mjs): one list of elections for both.
const cases: { file: string; rule: string }[] = (await (await fetch('/test/jugend-budget/rule-cases.json')).json()).elections;

describe('jugend-budget rules on real Pabulib elections', () => {
  it('the shared case table names an election for every rule a feed can name with ballots', () => {
    expect(sorted(new Set(cases.map((c) => c.rule)))).to.deep.equal(['equalshares/add1', 'equalshares/add1-comparison', 'greedy']);
  });
  for (const { file, rule } of cases) {
    it(`${file}: the header's rule (${rule}) reproduces the published selection`, async () => {
      const feed = await election(file);
      expect(feed.rule).to.equal(rule);
      const published = feed.projects.filter((p) => p.selected).map((p) => p.id);
      expect(published.length).to.be.greaterThan(0);
      expect(published.length).to.be.lessThan(feed.projects.length); // some project was not funded: the rule had to decide
      const outcome = runSync(ruleRun(feed.ruleId!, electionOf(feed))!);
      expect(sorted(outcome.selected)).to.deep.equal(sorted(published));
      expect(outcome.cost).to.be.at.most(feed.budget);
    });
  }

  it('Wieliczka 2023: the comparison step keeps equal shares, which more voters prefer, where greedy would fund other projects', async () => {
    const e = electionOf(await election('Poland_Wieliczka_2023_Green_Budget.pb'));
    const out = runSync(equalShares(e, true, true));
    expect(out.rule).to.equal('equalshares/add1-comparison');
    expect(out.comparison!.chosen).to.equal('shares');
    expect(out.comparison!.shares).to.be.greaterThan(out.comparison!.greedy);
    expect(sorted(out.selected)).to.deep.equal(sorted(runSync(equalShares(e)).selected));
    expect(sorted(out.selected)).not.to.deep.equal(sorted(runSync(greedy(e)).selected));
  });

  it('equal shares and greedy choose differently on the Assen youth budget', async () => {
    const e = electionOf(await election('Netherlands_Assen_2024.pb'));
    expect(sorted(runSync(greedy(e)).selected)).not.to.deep.equal(sorted(runSync(equalShares(e)).selected));
  });

  it('the chunked run gives the page turns and ends with the same result', async () => {
    const e = electionOf(await election('Poland_Swiecie_2023.pb'));
    let slices = 0;
    const chunked = await runChunked(equalShares(e), { sliceMs: 1, onSlice: () => slices++ });
    expect(slices).to.be.greaterThan(1);
    expect(chunked.selected).to.deep.equal(runSync(equalShares(e)).selected);
  });

  it('a chunked run stops when its signal aborts', async () => {
    const e = electionOf(await election('Poland_Swiecie_2023.pb'));
    const abort = new AbortController();
    const run = runChunked(equalShares(e), { sliceMs: 1, signal: abort.signal });
    abort.abort();
    let name = '';
    await run.catch((err: Error) => (name = err.name));
    expect(name).to.equal('AbortError');
  });
});

const p = (id: string, cost: number, votes: number, feasible = true) => ({ id, cost, votes, feasible });

describe('jugend-budget rules by hand', () => {
  it('greedy skips a project that no longer fits and funds a cheaper one after it', () => {
    const out = runSync(greedy({ budget: 100, projects: [p('a', 60, 10), p('b', 50, 9), p('c', 30, 8)] }));
    expect(out.selected).to.deep.equal(['a', 'c']);
    expect(out.cost).to.equal(90);
    expect(out.reasons.get('b')).to.equal('budget');
  });

  it('greedy never funds a project found not feasible, nor one without votes', () => {
    const out = runSync(greedy({ budget: 100, projects: [p('a', 10, 50, false), p('b', 10, 0), p('c', 10, 5)] }));
    expect(out.selected).to.deep.equal(['c']);
    expect(out.reasons.get('a')).to.equal('not-feasible');
    expect(out.reasons.get('b')).to.equal('no-votes');
  });

  it('ties in votes go to the cheaper project, then to the feed order', () => {
    expect(runSync(greedy({ budget: 50, projects: [p('x', 40, 7), p('y', 30, 7)] })).selected).to.deep.equal(['y']);
    expect(runSync(greedy({ budget: 30, projects: [p('x', 30, 7), p('y', 30, 7)] })).selected).to.deep.equal(['x']);
  });

  it('equal shares gives a minority its share where greedy gives the majority everything', () => {
    // 6 young people want two skate ramps, 4 want a music room; 100 to spend.
    const e: Election = {
      budget: 100,
      projects: [p('ramp1', 50, 6), p('ramp2', 50, 6), p('music', 40, 4)],
      ballots: [...Array(6).fill([0, 1]), ...Array(4).fill([2])],
    };
    expect(runSync(greedy(e)).selected).to.deep.equal(['ramp1', 'ramp2']);
    const mes = runSync(equalShares(e));
    expect(sorted(mes.selected)).to.deep.equal(['music', 'ramp1']);
    expect(mes.rule).to.equal('equalshares/add1');
  });

  it("the comparison step takes greedy's outcome when more voters fund more of their projects with it", () => {
    // 10 voters, 100 to spend. Six approve only "big" (100), four only "small" (10):
    // equal shares funds "small" (the six's 60 cannot pay 100), greedy funds "big" (6 votes first, then nothing fits).
    const e: Election = {
      budget: 100,
      projects: [p('big', 100, 6), p('small', 10, 4)],
      ballots: [...Array(6).fill([0]), ...Array(4).fill([1])],
    };
    expect(runSync(equalShares(e)).selected).to.deep.equal(['small']);
    const out = runSync(ruleRun('equalshares/add1-comparison', e)!);
    expect(out.selected).to.deep.equal(['big']);
    expect(out.comparison).to.deep.equal({ shares: 4, greedy: 6, chosen: 'greedy' });
    expect(out.reasons.get('small')).to.equal('budget');
  });

  it('a tie in the comparison keeps equal shares', () => {
    // Five and five: each side gets its own project under one of the two outcomes.
    const e: Election = {
      budget: 100,
      projects: [p('big', 100, 5), p('small', 10, 5)],
      ballots: [...Array(5).fill([0]), ...Array(5).fill([1])],
    };
    const out = runSync(ruleRun('equalshares/add1-comparison', e)!);
    expect(out.comparison!.chosen).to.equal('shares');
    expect(out.selected).to.deep.equal(runSync(equalShares(e)).selected);
  });

  it('the add1 completion spends money equal shares alone leaves over', () => {
    // 4 voters, 100: each has 25. "b" (cost 60) is wanted by two (50 < 60): not funded by equal shares alone,
    // but a 20 % higher share makes it affordable while the outcome still fits.
    const e: Election = {
      budget: 100,
      projects: [p('a', 40, 2), p('b', 60, 2)],
      ballots: [[0], [0], [1], [1]],
    };
    expect(runSync(equalShares(e, false)).selected).to.deep.equal(['a']);
    expect(sorted(runSync(equalShares(e)).selected)).to.deep.equal(['a', 'b']);
  });
});

describe('Pabulib files', () => {
  it('reads quoted fields with semicolons and doubled quotes', () => {
    expect(splitLine('81;68000;"Park ""Stok""; Wieliczka";0')).to.deep.equal(['81', '68000', 'Park "Stok"; Wieliczka', '0']);
  });

  it('reads META, PROJECTS and VOTES and counts votes from the ballots when the column is missing', () => {
    const file = readPabulib(
      'META\nkey;value\nbudget;100\nrule;greedy\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;60;Rampe\n2;50;"Musik; Raum"\nVOTES\nvoter_id;vote\n1;1,2\n2;2\n',
    );
    const feed = parseBudgetFeed(pabulibAdapter.map!(file, ctx), ctx);
    expect(feed.projects.map((x) => [x.id, x.title, x.votes])).to.deep.equal([
      ['1', 'Rampe', 1],
      ['2', 'Musik; Raum', 2],
    ]);
    expect(feed.current).to.equal('result');
  });

  it('stops with a clear message when the text is not a .pb file', () => {
    expect(() => readPabulib('<html>Fehlerseite</html>')).to.throw(/META/);
  });

  it('exports a result as .pb that reads back to the same selection and ballots', async () => {
    const feed = await election('Netherlands_Assen_2024.pb');
    const outcome = runSync(equalShares(electionOf(feed)));
    const text = toPabulib(
      {
        title: feed.title,
        budget: feed.budget,
        currency: feed.currency,
        projects: feed.projects,
        ballots: feed.ballots!.map((b) => b.map((i) => feed.projects[i].id)),
      },
      outcome,
    );
    expect(text).to.match(/^META\nkey;value\n/);
    expect(text).to.contain('rule;equalshares/add1');
    const back = parseBudgetFeed(pabulibAdapter.map!(readPabulib(text), ctx), ctx);
    expect(sorted(back.projects.filter((x) => x.selected).map((x) => x.id))).to.deep.equal(sorted(outcome.selected));
    expect(back.ballots!.length).to.equal(84);
    expect(sorted(runSync(equalShares(electionOf(back))).selected)).to.deep.equal(sorted(outcome.selected));
  });
  describe('big files in steps', () => {
    const projects = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      title: i % 10 ? `Projekt ${i}` : `Größe „${i}“; ✓`,
      cost: 1000 + i,
    }));
    const ballots = Array.from({ length: 100_000 }, (_, v) => [v % 50, (v * 7) % 50]);
    const outcome = { rule: 'greedy' as const, selected: ['p1', 'p2'], cost: 2003, reasons: new Map() };
    const input = { title: 'Jugendbudget Musterstadt', budget: 20_000, currency: 'EUR', projects, ballots };

    it('reads a .pb file with 100,000 vote lines in many steps, to what the one-piece reading gives', () => {
      const text = toPabulib(input, outcome);
      const steps = readPabulibSteps(text, 'de');
      let count = 0;
      let r = steps.next();
      for (; !r.done; r = steps.next()) count++;
      expect(count).to.be.at.least(6);
      const file = r.value;
      const once = readPabulib(text);
      expect(file.votes.length).to.equal(100_000);
      expect(JSON.stringify([file.meta, file.projects])).to.equal(JSON.stringify([once.meta, once.projects]));
      expect(JSON.stringify([...file.votes].slice(-3))).to.equal(JSON.stringify([...once.votes].slice(-3)));
    });

    it('the download is the written file in UTF-8, encoded in steps and cut only at line breaks', async () => {
      const text = toPabulib(input, outcome);
      const steps = blobOf(text);
      let count = 0;
      let r = steps.next();
      for (; !r.done; r = steps.next()) count++;
      expect(count).to.be.at.least(Math.floor(text.length / 262144));
      expect(await r.value.text()).to.equal(text);
      expect(r.value.type).to.equal('text/plain;charset=utf-8');
      const blob = await pabulibBlob(input, outcome);
      expect(blob.size).to.equal(new TextEncoder().encode(text).length);
      expect(await blob.text()).to.equal(text);
    });
  });
});
