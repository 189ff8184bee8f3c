import { expect } from '@open-wc/testing';
import { fixture, html, settled, textOf } from '../helpers.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';

// A file of its own: a fresh page, so the request log shows only what these widgets loaded.
const loaded = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

describe('<jugend-budget>: what it loads before its first content', () => {
  it('reads it as Pabulib at once: shows the result, and loads neither format detection nor the detectors', async () => {
    const el = await fixture<JugendBudget>(
      html`<jugend-budget eager src="/test/jugend-budget/fixtures/Netherlands_Assen_2024.pb?v=1"></jugend-budget>`,
    );
    await settled(el);
    await el.updateComplete;
    expect(textOf(el)).to.contain('9 von 14 Projekten gefördert');
    expect(el.result?.rule).to.equal('equalshares/add1');
    expect(loaded().filter((p) => p.includes('jugend-budget.pabulib')).length, loaded().join('\n')).to.equal(1);
    // Each of these is a round trip after the feed: what a `.pb` file went through before.
    expect(
      loaded()
        .filter((p) => /format-detect|jugend-budget\.formats|csv\/detect/.test(p))
        .join(', '),
    ).to.equal('');
  });

  it('a greedy result after the vote is in the first render with the data: the funded projects, no "computing" line, no rules chunk', async () => {
    const el = document.createElement('jugend-budget') as JugendBudget;
    el.eager = true;
    el.data = {
      title: 'Jugendbudget',
      budget: 100,
      rule: 'greedy',
      phase: 'implementation',
      projects: [
        { id: 'a', title: 'Netze am Bolzplatz', cost: 60, votes: 10, status: 'done' },
        { id: 'b', title: 'Sommerkonzert', cost: 50, votes: 9 },
        { id: 'c', title: 'Graffiti-Wand', cost: 30, votes: 8, status: 'planned' },
      ],
    };
    document.body.append(el);
    await settled(el);
    // The first render with the data, before any chunk could arrive: no second update needed.
    await el.updateComplete;
    const text = textOf(el);
    expect(text).to.contain('Netze am Bolzplatz').and.contain('Graffiti-Wand').and.not.contain('berechnet');
    expect(text).not.to.contain('Sommerkonzert');
    expect(el.result?.selected.join(',')).to.equal('a,c');
    expect(el.result?.computed).to.equal(true);
    expect(
      loaded()
        .filter((p) => p.includes('jugend-budget.rules'))
        .join(', '),
    ).to.equal('');
    el.remove();
  });

  it('shows data that is already in within the task that connects it: no task (nor frame) without its content first', async () => {
    const el = document.createElement('jugend-budget') as JugendBudget;
    el.data = {
      title: 'Jugendbudget',
      budget: 100,
      rule: 'greedy',
      phase: 'implementation',
      projects: [{ id: 'a', title: 'Netze am Bolzplatz', cost: 60, votes: 10, status: 'done' }],
    };
    document.body.append(el);
    // Queued right after connecting: the page's next task (a frame comes after it). The first render must be done by then.
    const next = await new Promise<string>((resolve) => setTimeout(() => resolve(textOf(el))));
    expect(next).to.contain('Netze am Bolzplatz');
    el.remove();
  });
});
