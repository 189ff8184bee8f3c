import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { settled } from '../helpers.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';
import { frame, reasonToSkip, type Page } from './visual-frame.js';

/**
 * Visual baselines of <jugend-budget> with the demo's youth budget, in each phase a visitor of the
 * demo sees: the proposals (looked back at), the ballot while voting runs (the demo vote page's
 * feed), the result with its chart and table, and the follow-through (the demo's current phase).
 * Each phase: light and dark on their own page, auto on a light and a dark page (800 px), and a
 * phone (390 px) on both pages. The frame shows the phase's own section, where a visitor lands
 * after choosing the phase; on the phone, the current phase shows the widget's first screen. Chromium only, with DejaVu Sans (see visual-frame.ts).
 */
const MAX_SHOTS = 24; // 4 phases × (4 desktop + 2 phone)

type Phase = 'proposals' | 'vote' | 'result' | 'implementation';
const phases: Phase[] = ['proposals', 'vote', 'result', 'implementation'];
const looks = [
  { page: 'light', theme: 'light', width: 800, height: 640 },
  { page: 'dark', theme: 'dark', width: 800, height: 640 },
  { page: 'light', theme: 'auto', width: 800, height: 640 },
  { page: 'dark', theme: 'auto', width: 800, height: 640 },
  { page: 'light', theme: 'auto', width: 390, height: 760 },
  { page: 'dark', theme: 'auto', width: 390, height: 760 },
] as const;
const shots = phases.flatMap((phase) => looks.map((l) => ({ phase, ...l })));

/** The demo feed as the demo's vote page serves it while voting runs (demo/voting.mjs): no counts, a ballot. */
async function votingFeed(): Promise<Record<string, unknown>> {
  const base = await (await fetch('/demo/data/jugendbudget.json')).json();
  const strip = ['votes', 'selected', 'status', 'statusReason', 'progress', 'timeline'];
  return {
    ...base,
    phase: 'vote',
    voting: { url: '/api/vote/ballot', access: 'code', withinBudget: true },
    projects: base.projects.map((p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => !strip.includes(k)))),
  };
}

async function ballotRendered(el: JugendBudget): Promise<void> {
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('st-budget-ballot'); i++) {
    await new Promise((r) => setTimeout(r, 20)); // the ballot's lazy chunk
    await el.updateComplete;
  }
  const ballot = el.shadowRoot!.querySelector('st-budget-ballot') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
  expect(!!ballot, 'ballot rendered').to.equal(true);
  await ballot!.updateComplete;
}

describe('visual baselines: jugend-budget', () => {
  const skip = reasonToSkip();
  let voting: Record<string, unknown>;
  before(async function () {
    if (skip) {
      console.log(`[visual] skipped: ${skip}`);
      this.skip();
    }
    voting = await votingFeed();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it(`stays within ${MAX_SHOTS} shots`, () => {
    expect(shots.length).to.be.at.most(MAX_SHOTS);
  });

  for (const s of shots) {
    const name = `jugend-budget-${s.phase}-${s.width}-${s.theme}-on-${s.page}`;
    it(name, async () => {
      await setViewport({ width: s.width, height: 900 });
      const widget =
        s.phase === 'vote'
          ? html`<jugend-budget theme=${s.theme} heading-level="3" .data=${voting} eager></jugend-budget>`
          : html`<jugend-budget theme=${s.theme} heading-level="3" src="/demo/data/jugendbudget.json" eager></jugend-budget>`;
      const box = await fixture<HTMLDivElement>(frame(s.page as Page, s.width, s.height, widget));
      const el = box.firstElementChild as JugendBudget;
      await settled(el);
      const root = el.shadowRoot!;
      if (s.phase === 'vote') await ballotRendered(el);
      else if (s.phase !== 'implementation') {
        // As a visitor does: the phase's button in the list of phases.
        const button = [...root.querySelectorAll<HTMLButtonElement>('.phase-button')][
          phases.indexOf(s.phase) + (s.phase === 'proposals' ? 0 : 1)
        ];
        button.click();
        await el.updateComplete;
        expect(button.getAttribute('aria-pressed')).to.equal('true');
      }
      // The result (and so the funded projects) comes from the rule's own chunk a moment later.
      for (let i = 0; i < 100 && s.phase !== 'vote' && !el.result; i++) await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      // The phase's own section at the top of the frame; the phone's landing state (the current phase) shows the first screen.
      const first = s.phase === 'implementation' && s.width < 500;
      const top = first ? 0 : root.querySelector<HTMLElement>('.view')!.getBoundingClientRect().top - box.getBoundingClientRect().top - 16;
      box.scrollTop = top;
      // (A short section, like the three funded projects, ends the widget: then the frame shows its end.)
      expect(Math.round(box.scrollTop)).to.equal(Math.round(Math.min(top, box.scrollHeight - box.clientHeight)));
      expect(el.getAttribute('resolved-theme')).to.equal(s.theme === 'auto' ? s.page : s.theme);
      await visualDiff(box, name);
    });
  }
});
