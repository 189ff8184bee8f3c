import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { requireFacility } from '../engine.js';
import { captureWarnings, fixture, html, settled, textOf } from '../helpers.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';
import type { StBudgetResultEvent } from '../../src/jugend-budget/jugend-budget.events.js';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A youth budget whose dates put "today" in `phase`. */
function feed(phase: 'proposals' | 'check' | 'vote' | 'result' | 'implementation', extra: Record<string, unknown> = {}) {
  const offset = { proposals: 0, check: 1, vote: 2, result: 3, implementation: 4 }[phase];
  const start = (i: number) => iso((i - offset) * 30 - 1);
  const ended = offset >= 3;
  return {
    title: 'Jugendbudget Sonnenberg 2026',
    intro: 'Ihr entscheidet über 10.000 €.',
    budget: 10000,
    currency: 'EUR',
    eligible: '12–21 Jahre, wohnhaft in Sonnenberg',
    rule: 'greedy',
    phases: [
      {
        id: 'proposals',
        start: start(0),
        end: start(1),
        text: 'Ideen bis Ende des Monats im Jugendtreff abgeben.',
        url: 'https://example.org/vorschlag',
      },
      { id: 'check', start: start(1), end: start(2) },
      { id: 'vote', start: start(2), end: start(3), url: 'https://example.org/abstimmung' },
      { id: 'result', start: start(3) },
      { id: 'implementation', start: start(4) },
    ],
    projects: [
      {
        id: 'rampe',
        title: 'Skate-Rampe',
        group: 'Jugendtreff',
        cost: 6000,
        feasible: true,
        votes: ended ? 120 : undefined,
        status: 'in-progress',
        progress: 40,
        timeline: [{ date: '2026-05-01', text: 'Bestellt' }],
      },
      { id: 'buehne', title: 'Open-Air-Bühne', cost: 5000, feasible: true, votes: ended ? 100 : undefined },
      { id: 'bank', title: 'Sitzecke am Bolzplatz', cost: 3000, feasible: true, votes: ended ? 80 : undefined, status: 'done' },
      {
        id: 'pool',
        title: 'Freibad-Dach',
        cost: 900000,
        feasible: false,
        feasibilityReason: 'Viel zu teuer für das Jugendbudget.',
        votes: ended ? 150 : undefined,
      },
    ],
    ...extra,
  };
}

const root = (el: JugendBudget) => el.shadowRoot!;
/** Waits for the computed result (the rules load in their own chunk) and its render. */
async function computed(el: JugendBudget): Promise<void> {
  await settled(el);
  if (!el.result) await oneEvent(el, 'st-budget-result');
  await el.updateComplete;
}

describe('<jugend-budget>', () => {
  describe('phases', () => {
    it('shows what happens now and what comes next, with dates, while proposals are collected', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('proposals')}></jugend-budget>`);
      await settled(el);
      const now = root(el).querySelector('[part="now"]')!.textContent!.replace(/\s+/g, ' ');
      expect(now).to.contain('Jetzt: Vorschläge sammeln');
      expect(now).to.contain('Danach: Prüfung durch die Verwaltung');
      expect(now).to.match(/\d{4}/); // a date
      expect(root(el).querySelector('[aria-current="step"]')!.textContent).to.contain('Vorschläge sammeln');
      expect(root(el).querySelector<HTMLAnchorElement>('[part="now"] a')!.href).to.equal('https://example.org/vorschlag');
      await expect(el).to.be.accessible();
    });

    it('check phase: cost estimates and feasibility with its reason', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('check')}></jugend-budget>`);
      await settled(el);
      const text = textOf(el);
      expect(text).to.contain('Jetzt: Prüfung durch die Verwaltung');
      expect(text).to.match(/6\.000\s*€/);
      expect(text).to.contain('Nicht umsetzbar – Viel zu teuer für das Jugendbudget.');
      await expect(el).to.be.accessible();
    });

    it('vote phase: no votes and no result while voting is open, even when the feed brings votes', async () => {
      const data = feed('vote');
      data.projects.forEach((p, i) => (p.votes = 10 * (i + 1)));
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${data}></jugend-budget>`);
      await settled(el);
      const text = textOf(el);
      expect(text).to.contain('Die Stimmen werden nach dem Ende der Abstimmung gezeigt.');
      expect(text).not.to.contain('Freibad-Dach'); // not feasible: not on the ballot
      expect(root(el).querySelector('table') === null).to.equal(true);
      expect(el.result === undefined).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('result phase: computes greedy by votes, says why each project was not funded, fires st-budget-result', async () => {
      const el = document.createElement('jugend-budget') as JugendBudget;
      el.eager = true;
      el.data = feed('result');
      const event = oneEvent(el, 'st-budget-result') as Promise<StBudgetResultEvent>;
      document.body.append(el);
      const { detail } = await event;
      await settled(el);
      expect(detail.selected).to.deep.equal(['rampe', 'bank']);
      expect(detail.totalCost).to.equal(9000);
      expect(detail.rule).to.equal('greedy');
      expect(detail.computed).to.equal(true);
      expect(el.result!.selected).to.deep.equal(['rampe', 'bank']);
      const rows = [...root(el).querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows[0]).to.contain('Freibad-Dach').and.contain('Nicht umsetzbar').and.contain('Viel zu teuer');
      expect(rows[2]).to.contain('Open-Air-Bühne').and.contain('Das Geld reichte nicht mehr');
      expect(rows[1]).to.contain('Skate-Rampe').and.contain('Gefördert');
      // funded and not funded differ in shape, not only colour
      expect(root(el).querySelectorAll('svg circle.funded').length).to.equal(2);
      expect(root(el).querySelectorAll('svg .not-funded rect').length).to.equal(2);
      expect(root(el).querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('the result property is read-only', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('result')}></jugend-budget>`);
      await computed(el);
      const before = el.result;
      expect(() => ((el as unknown as { result: unknown }).result = { selected: [] })).to.throw();
      expect(el.result!.selected).to.deep.equal(before!.selected);
      expect(Object.isFrozen(el.result!.selected)).to.equal(true);
    });

    it('implementation phase: the funded projects with status, progress and timeline', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('implementation')}></jugend-budget>`);
      await computed(el);
      const follow = root(el).querySelector('[part="follow"]')!.textContent!.replace(/\s+/g, ' ');
      expect(follow).to.contain('Skate-Rampe').and.contain('In Umsetzung').and.contain('40 %');
      expect(follow).to.contain('Sitzecke am Bolzplatz').and.contain('Umgesetzt');
      expect(follow).not.to.contain('Open-Air-Bühne');
      expect(root(el).querySelector('progress')!.getAttribute('value')).to.equal('40');
      await expect(el).to.be.accessible();
    });

    it('a visitor opens another phase with the keyboard; focus stays on the button', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('implementation')}></jugend-budget>`);
      await settled(el);
      const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.phase-button')];
      buttons[3].focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(buttons[3].getAttribute('aria-pressed')).to.equal('true');
      expect(root(el).activeElement === buttons[3]).to.equal(true);
      expect(root(el).querySelector('table caption')!.textContent).to.equal('Alle Projekte nach Stimmen');
      await expect(el).to.be.accessible();
    });

    it('speaks English on an English page', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget lang="en" eager .data=${feed('result')}></jugend-budget>`);
      await computed(el);
      const text = textOf(el);
      expect(text).to.contain('Now: Result').and.contain('The money ran out');
    });

    it('writes progress as each language does: "Fortschritt: 40 %" in German, "Progress: 40%" in English', async () => {
      const de = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('implementation')}></jugend-budget>`);
      const en = await fixture<JugendBudget>(html`<jugend-budget lang="en" eager .data=${feed('implementation')}></jugend-budget>`);
      await computed(de);
      await computed(en);
      const progress = (el: JugendBudget) => root(el).querySelector('.progress span')!.textContent!.trim();
      expect(progress(de)).to.equal('Fortschritt: 40 %');
      expect(progress(en)).to.equal('Progress: 40%');
    });
  });

  describe('states', () => {
    it('loading is announced and accessible', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager src="/mock/slow?ms=3000&key=jb-slow"></jugend-budget>`);
      expect(root(el).querySelector('[part="loading"]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('empty: a budget without proposals says so', async () => {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed('proposals', { projects: [] })}></jugend-budget>`);
      await settled(el);
      expect(root(el).querySelector('[part="empty"]')!.textContent).to.contain('Noch keine Vorschläge');
      await expect(el).to.be.accessible();
    });

    it('error: a feed that fails shows a message and a retry button', async () => {
      let el!: JugendBudget;
      await captureWarnings(async () => {
        el = await fixture<JugendBudget>(html`<jugend-budget eager src="/mock/status?code=404&key=jb-404"></jugend-budget>`);
        await settled(el);
      });
      expect(root(el).querySelector('[part="error"]')!.textContent).to.contain('Das Jugendbudget kann gerade nicht angezeigt werden.');
      expect(root(el).querySelector('[part="error"] button') !== null).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('bad data: a feed without a budget is a clear error, a broken project is skipped with a warning', async () => {
      let el!: JugendBudget;
      const warnings = await captureWarnings(async () => {
        el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${{ title: 'Kaputt', projects: [] }}></jugend-budget>`);
        await settled(el);
      });
      expect(root(el).querySelector('[part="error"]') !== null).to.equal(true);
      expect(warnings.join(' ')).to.contain('budget');
      await expect(el).to.be.accessible();

      const data = feed('check');
      (data.projects as unknown[]).push({ id: 'x', cost: 5 });
      const logged = await captureWarnings(async () => {
        el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${data}></jugend-budget>`);
        await settled(el);
      });
      expect(root(el).querySelectorAll('[part="project"]').length).to.equal(4);
      expect(logged.join(' ')).to.contain('projects[4]');
    });
  });

  describe('formats', () => {
    it('a result published by a server shows the comparison counts it brings (add1-comparison), as when the widget computes them', async () => {
      const published = feed('result', {
        rule: 'equalshares/add1-comparison',
        result: {
          rule: 'equalshares/add1-comparison',
          selected: ['rampe', 'bank'],
          cost: 9000,
          comparison: { shares: 1234, greedy: 567, chosen: 'shares' },
        },
      });
      published.projects.forEach((p) => Object.assign(p, { selected: p.id === 'rampe' || p.id === 'bank' }));
      const el = await fixture<JugendBudget>(html`<jugend-budget eager lang="en" .data=${published}></jugend-budget>`);
      await settled(el);
      expect(textOf(el)).to.contain(
        'Comparison: 1,234 voters get more of their projects with equal shares, 567 by votes – the Method of Equal Shares counts.',
      );
      expect(el.result?.selected.join(',')).to.equal('rampe,bank');
      // A broken comparison loses only itself: the published selection still shows, the console says why.
      const broken = { ...published, result: { comparison: { shares: -1, greedy: 'viele', chosen: 'shares' } } };
      let again!: JugendBudget;
      const warnings = await captureWarnings(async () => {
        again = await fixture<JugendBudget>(html`<jugend-budget eager .data=${broken}></jugend-budget>`);
        await settled(again);
      });
      expect(textOf(again)).to.contain('Skate-Rampe').and.not.contain('Vergleich:');
      expect(again.result?.selected.join(',')).to.equal('rampe,bank');
      expect(warnings.join('\n')).to.contain('result:').and.contain('Vergleich wird nicht gezeigt');
    });

    it('reads a Pabulib file and shows its published selection', async () => {
      const el = await fixture<JugendBudget>(
        html`<jugend-budget eager format="pabulib" src="/test/jugend-budget/fixtures/Netherlands_Assen_2024.pb"></jugend-budget>`,
      );
      await settled(el);
      await el.updateComplete;
      expect(el.result!.computed).to.equal(false);
      expect(el.result!.rule).to.equal('equalshares/add1');
      expect([...el.result!.selected].sort()).to.deep.equal(['11', '12', '13', '14', '2', '3', '5', '6', '9']);
      expect(textOf(el)).to.contain('9 von 14 Projekten gefördert');
      await expect(el).to.be.accessible();
    });

    it('computes equal shares in slices when a feed brings ballots but no selection', async () => {
      const data = {
        title: 'Gleiche Anteile',
        budget: 100,
        rule: 'equalshares/add1',
        phase: 'result',
        projects: [
          { id: 'ramp1', title: 'Rampe 1', cost: 50 },
          { id: 'ramp2', title: 'Rampe 2', cost: 50 },
          { id: 'music', title: 'Musikraum', cost: 40 },
        ],
        ballots: [...Array(6).fill(['ramp1', 'ramp2']), ...Array(4).fill(['music'])],
      };
      const el = document.createElement('jugend-budget') as JugendBudget;
      el.eager = true;
      el.data = data;
      const event = oneEvent(el, 'st-budget-result') as Promise<StBudgetResultEvent>;
      document.body.append(el);
      const { detail } = await event;
      expect([...detail.selected].sort()).to.deep.equal(['music', 'ramp1']);
      expect(detail.rule).to.equal('equalshares/add1');
      el.remove();
    });

    it('while it computes a large result, the page stays usable: a key press on a button is handled before the result arrives', async function () {
      // Open question (see the report of issue 21): in Firefox the key press arrived 12 ms after a 1.7 s computation, every time;
      // whether WebDriver waits for a frame or Firefox holds input behind message-channel tasks is not settled.
      requireFacility(
        this,
        !/Firefox\//.test(navigator.userAgent),
        'WebDriver delivered the key press only after the computation in Firefox (open question: input behind message-channel tasks?)',
      );
      // About 2 s of equal shares on a quiet machine; with five test runs on two shared cores the same
      // slices took over 15 s. The check is the order of key press and result, not the time: wait for it.
      this.timeout(90_000);
      // 300 projects, 5,000 ballots (read at once: only the rule runs later), equal shares with add1: many runs of the rule, in slices.
      const projects = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, title: `Projekt ${i}`, cost: 80_000 + 700 * i }));
      let seed = 7;
      const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const ballots = Array.from({ length: 5_000 }, () => projects.filter(() => rnd() < 0.05).map((p) => p.id));
      const el = document.createElement('jugend-budget') as JugendBudget;
      el.eager = true;
      el.data = { title: 'Groß', budget: 6_000_000, rule: 'equalshares/add1', phase: 'result', projects, ballots };
      let resultAt = 0;
      const result = new Promise<void>((resolve) =>
        el.addEventListener('st-budget-result', () => resolve(void (resultAt = performance.now())), { once: true }),
      );
      const button = document.createElement('button');
      button.textContent = 'Weiter lesen';
      let pressedAt = 0;
      button.addEventListener('click', () => (pressedAt = performance.now()));
      document.body.append(button, el);
      for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('.state[role="status"]'); i++)
        await new Promise((r) => requestAnimationFrame(r));
      expect(el.shadowRoot!.querySelector('.state[role="status"]')?.textContent ?? '').to.contain('berechnet');
      const computingAt = performance.now();
      button.focus();
      await sendKeys({ press: 'Enter' });
      await result;
      // Run in one task, the rule would hold the key press back until after the result.
      expect(
        pressedAt > computingAt && pressedAt < resultAt,
        `computing from ${computingAt.toFixed(0)} ms, key press handled at ${pressedAt.toFixed(0)} ms, result at ${resultAt.toFixed(0)} ms`,
      ).to.equal(true);
      button.remove();
      el.remove();
    });

    it('a result with many projects shows the first 100 rows; the button adds the rest and focus moves to the table', async () => {
      const projects = Array.from({ length: 150 }, (_, i) => ({
        id: `p${i}`,
        title: `Projekt ${i}`,
        cost: 100,
        votes: 1000 - i,
        selected: i < 120,
      }));
      const el = await fixture<JugendBudget>(
        html`<jugend-budget eager .data=${{ title: 'Viele', budget: 12_000, phase: 'result', projects }}></jugend-budget>`,
      );
      await computed(el);
      expect(root(el).querySelectorAll('tbody tr').length).to.equal(100);
      expect(root(el).querySelectorAll('svg circle.funded').length).to.equal(100);
      expect(textOf(el)).to.contain('Gezeigt: die ersten 100 von 150 Projekten.');
      const button = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Alle 150 Projekte zeigen'))!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelectorAll('tbody tr').length >= 150, 'all 150 rows', { timeout: 5000 });
      expect(root(el).querySelectorAll('tbody tr').length).to.equal(150);
      expect(root(el).activeElement?.getAttribute('part')).to.equal('table');
      expect(textOf(el)).not.to.contain('Gezeigt:');
      await expect(el).to.be.accessible();
    });

    it('reads a spreadsheet, with the budget from the attribute', async () => {
      const csv = 'Projekt;Kosten;Umsetzbar;Stimmen\nRampe;6000;ja;120\nBühne;5000;ja;100\nSitzecke;3000;ja;80\n';
      const el = await fixture<JugendBudget>(
        html`<jugend-budget eager format="csv" budget="10000" rule="greedy" .data=${csv}></jugend-budget>`,
      );
      await settled(el);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(el.result!.selected).to.deep.equal(['rampe', 'sitzecke']);
    });

    it('reads a Decidim budgets answer', async () => {
      const t = (text: string) => ({ translations: [{ locale: 'de', text }] });
      const answer = {
        data: {
          component: {
            id: '7',
            name: t('Jugendbudget'),
            budgets: [
              {
                id: '1',
                title: t('Jugendbudget 2025'),
                description: t('<p>Ihr <b>entscheidet</b>.</p>'),
                total_budget: 8000,
                projects: [
                  {
                    id: '11',
                    title: t('Rampe'),
                    description: t('<script>x</script>Eine Rampe'),
                    budget_amount: 6000,
                    confirmedVotes: 50,
                    selected: true,
                  },
                  { id: '12', title: t('Bühne'), description: t(''), budget_amount: 5000, confirmedVotes: 40, selected: false },
                ],
              },
            ],
          },
        },
      };
      const el = await fixture<JugendBudget>(html`<jugend-budget eager format="decidim" .data=${answer}></jugend-budget>`);
      await settled(el);
      await el.updateComplete;
      expect(textOf(el)).to.contain('Jugendbudget 2025').and.contain('Ihr entscheidet.');
      expect(el.result!.selected).to.deep.equal(['11']);
      expect(root(el).querySelector('script') === null).to.equal(true);
    });
  });
});

describe('<jugend-budget> result download', () => {
  it('the result’s download link gets the .pb file and a file name from the title once the file is built', async () => {
    const data = {
      title: 'Jugendbudget Harzstedt 2025',
      budget: 100,
      rule: 'greedy',
      phase: 'result',
      projects: [
        { id: 'a', title: 'Netze', cost: 60, votes: 10 },
        { id: 'b', title: 'Konzert', cost: 50, votes: 9 },
      ],
    };
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${data}></jugend-budget>`);
    await settled(el);
    const link = () => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="download"]');
    await waitUntil(() => link()?.hasAttribute('download'), 'the .pb file was not built', { timeout: 10_000 });
    expect(link()!.getAttribute('download')).to.equal('jugendbudget-harzstedt-2025.pb');
    const text = await (await fetch(link()!.href)).text();
    expect(text.startsWith('META')).to.equal(true);
    expect(text).to.contain('selected');
  });

  it('the chart, whose styles come with its chunk, is styled: the budget line dashed, the crosses outlined', async () => {
    const data = {
      title: 'Jugendbudget',
      budget: 100,
      rule: 'greedy',
      phase: 'result',
      projects: [
        { id: 'a', title: 'Netze', cost: 60, votes: 10 },
        { id: 'b', title: 'Konzert', cost: 50, votes: 9 },
      ],
    };
    // Two widgets: the second gets the chart's styles too (the chunk is loaded once per page).
    for (let i = 0; i < 2; i++) {
      const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${data}></jugend-budget>`);
      await settled(el);
      await el.updateComplete;
      const line = el.shadowRoot!.querySelector('.chart .budget-line');
      const cross = el.shadowRoot!.querySelector('.chart .not-funded rect');
      expect(!!line && !!cross, 'chart rendered').to.equal(true);
      expect(getComputedStyle(line!).strokeDasharray.replace(/px/g, '').replace(/\s/g, '')).to.equal('6,4');
      expect(getComputedStyle(cross!).strokeWidth.replace(/px/, '')).to.equal('2');
    }
  });
});
