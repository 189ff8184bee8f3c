// A file of its own: lit prepares each template once per page, on its first use, so only a fresh page
// shows how many the first screen needs (each one's HTML parsed and its parts found before the first
// frame, issue 18). The facts and the phases' dates share one template per kind; what a visitor reads
// stays the same, word for word and in order.
import { expect } from '@open-wc/testing';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';
import { countTemplates } from '../templates-count.js';

const feed = {
  title: 'Jugendbudget Sonnenberg',
  budget: 10000,
  eligible: '12–21 Jahre',
  rule: 'greedy',
  phase: 'check',
  phases: [
    { id: 'proposals', start: '2025-03-01', end: '2025-03-31' },
    { id: 'check', start: '2025-04-01', end: '2025-04-30' },
    { id: 'vote', start: '2025-05-10', end: '2025-05-10' },
  ],
  projects: [{ id: 'a', title: 'Netze am Bolzplatz', cost: 600, feasible: true }],
};

describe('<jugend-budget>: templates of the first screen', () => {
  it('facts, "now", "next" and the dated phases: 13 of lit’s templates (17 before), the same words in the same order', async () => {
    const el = document.createElement('jugend-budget') as JugendBudget;
    el.data = feed;
    const made = await countTemplates(async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    const root = el.shadowRoot!;
    const facts = [...root.querySelectorAll('.facts > div')].map(
      (d) => `${d.querySelector('dt')!.textContent}=${d.querySelector('dd')!.textContent!.replace(/\u00a0/g, ' ')}`,
    );
    expect(facts.join(' | ')).to.equal('Budget=10.000 € | Mitmachen können=12–21 Jahre | Auszählung=nach Stimmen, solange das Geld reicht');
    const lines = [...root.querySelectorAll('[part="now"] > p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines.join(' | ')).to.equal('Jetzt: Prüfung durch die Verwaltung (1.–30. April 2025) | Danach: Abstimmung (10. Mai 2025)');
    expect([...root.querySelectorAll('[part="now"] .when')].map((s) => s.textContent).join(' | ')).to.equal(
      '(1.–30. April 2025) | (10. Mai 2025)',
    );
    const steps = [...root.querySelectorAll('[part="phase"] .when')].map((s) => s.textContent!.trim());
    expect(steps.join(' | ')).to.equal('1.–31. März 2025 | 1.–30. April 2025 | 10. Mai 2025');
    expect(made).to.equal(13);
    el.remove();
  });
});
