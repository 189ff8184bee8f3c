import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { fixture, html, settled } from '../helpers.js';
import { onPhone, onPhoneViewport } from '../phone.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';

/** The demo's youth budget on the phone, as a first visitor sees it. */
const budgetOnPhone = () =>
  onPhone<JugendBudget>(html`<jugend-budget eager src="/demo/data/jugendbudget.json" heading-level="3"></jugend-budget>`);
/** The result is computed by the rule in its own chunk: waits until it is shown. */
async function resultShown(el: JugendBudget): Promise<void> {
  for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part="summary"]'); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
}
const phaseButton = (el: JugendBudget, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.phase-button')].find((b) => b.textContent!.includes(name))!;

describe('jugend-budget on a phone (390 × 844)', () => {
  onPhoneViewport();

  it('the result stays within the screen: rank, project, votes, cost and funded-or-not are all visible without scrolling sideways', async () => {
    const el = await budgetOnPhone();
    phaseButton(el, 'Ergebnis').click();
    await resultShown(el);
    const root = el.shadowRoot!;
    const right = Math.round(el.getBoundingClientRect().right);
    expect(Math.round(root.querySelector('.base')!.getBoundingClientRect().right), 'widget right edge').to.be.at.most(right);
    expect(Math.round(root.querySelector('[part="summary"]')!.getBoundingClientRect().right), 'summary right edge').to.be.at.most(right);
    const box = root.querySelector<HTMLElement>('[part="table"]')!;
    const edge = box.getBoundingClientRect();
    expect(Math.round(edge.right), 'table box right edge').to.be.at.most(right);
    expect(box.scrollWidth <= box.clientWidth, `no sideways scrolling (${box.scrollWidth} px in ${box.clientWidth} px)`).to.equal(true);
    // The columns a visitor sees, by their headers, each fully inside the box.
    const visible = (c: Element) => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && r.left >= edge.left - 0.5 && r.right <= edge.right + 0.5;
    };
    const heads = [...root.querySelectorAll('thead th')].filter(visible).map((c) => c.textContent!.trim());
    expect(heads.join(' | ')).to.equal('Platz | Projekt | Stimmen | Kosten | Ergebnis');
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.length > 3, 'rows rendered').to.equal(true);
    for (const row of rows.slice(0, 10)) {
      const cells = [...row.children].filter(visible).map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      expect(cells.length, `visible cells of "${cells[1]}"`).to.equal(5);
      expect(cells[0], 'rank').to.match(/^\d+$/);
      expect(cells[2], 'votes').to.match(/^[\d.]+$/);
      expect(cells[3], 'cost').to.match(/^[\d.]+\s€$/);
      expect(cells[4], 'funded or not').to.match(/^(● Gefördert|⊠ Nicht gefördert)$/);
    }
    // Why a project was not funded opens under its title: the row stays a few lines, not a tower.
    const not = rows.find((r) => r.querySelector('th details.why'))!;
    expect(!!not, 'a not-funded row with its reason').to.equal(true);
    const why = not.querySelector<HTMLDetailsElement>('th details.why')!;
    const summary = why.querySelector('summary')!;
    expect(summary.textContent!.trim()).to.equal('Warum nicht?');
    expect(
      summary.getBoundingClientRect().height >= 44,
      `"Warum nicht?" ${Math.round(summary.getBoundingClientRect().height)} px tall`,
    ).to.equal(true);
    const em = parseFloat(getComputedStyle(not.querySelector('th')!).fontSize);
    const closed = not.getBoundingClientRect().height;
    console.log(`[phone] not-funded row: ${Math.round(closed)} px closed`);
    expect(closed <= 12 * em, `row ${Math.round(closed)} px tall`).to.equal(true);
    summary.click();
    await new Promise((r) => requestAnimationFrame(r));
    expect(why.open && not.getBoundingClientRect().height > closed, 'the reason opens under the title').to.equal(true);
    expect(box.tabIndex).to.equal(0); // still reachable by keyboard, as a named region
  });

  it('no label in the chart sits on another; the legend names the budget line', async () => {
    const el = await budgetOnPhone();
    phaseButton(el, 'Ergebnis').click();
    await resultShown(el);
    const root = el.shadowRoot!;
    const boxes = [...root.querySelectorAll('.chart text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    expect(root.querySelectorAll('.chart text.votes').length).to.equal(8); // one vote count per project
    const overlaps: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom)
          overlaps.push(`${a.text} / ${b.text}`);
      }),
    );
    expect(overlaps.join(', ')).to.equal('');
    expect(root.querySelector('.legend')!.textContent!.replace(/\s+/g, ' ')).to.contain('Budget 5.000 €');
  });
});

/**
 * Words of a cell's own text (not its "why not" disclosure) split across lines although they are narrower
 * than `room` (the table's width: a layout could have given them a line): each word (a hyphenated one counts
 * as its parts) is a Range; a word on one line has all its boxes at one top.
 */
function splitWords(cell: HTMLElement, room: number): string[] {
  const split: string[] = [];
  const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (node.parentElement!.closest('details')) continue;
    for (const m of node.textContent!.matchAll(/[^\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
      const width = boxes.reduce((sum, r) => sum + r.width, 0);
      if (new Set(boxes.map((r) => Math.round(r.top))).size > 1 && width <= room) split.push(m[0]);
    }
  }
  return split;
}

/** The demo page's column on a phone: 390 px less its margins, its 17 px sans-serif text (the widget inherits the page's font). */
describe('jugend-budget result table in a phone-wide column (358 px, 17 px text)', () => {
  const column = (budget: TemplateResult) =>
    fixture<HTMLDivElement>(html`<div style="width: 358px; font: 1.0625rem/1.55 sans-serif">${budget}</div>`);
  async function result(box: HTMLDivElement): Promise<JugendBudget> {
    const el = box.firstElementChild as JugendBudget;
    await settled(el);
    await resultShown(el);
    return el;
  }

  for (const [lang, src] of [
    ['de', '/demo/data/jugendbudget.json'],
    ['en', '/demo/data/en/jugendbudget.json'],
  ]) {
    it(`${lang}: no project title is broken mid-word where the word fits, and nothing scrolls sideways`, async () => {
      const el = await result(await column(html`<jugend-budget eager lang=${lang} phase="result" src=${src}></jugend-budget>`));
      const root = el.shadowRoot!;
      const titles = [...root.querySelectorAll<HTMLElement>('tbody th')];
      expect(titles.length).to.equal(8);
      const box = root.querySelector<HTMLElement>('[part="table"]')!;
      const split = titles.flatMap((t) => splitWords(t, box.clientWidth));
      expect(split.join(', '), 'words split across lines').to.equal('');
      expect(box.scrollWidth <= box.clientWidth, `no sideways scrolling (${box.scrollWidth} px in ${box.clientWidth} px)`).to.equal(true);
      const cut = [...root.querySelectorAll<HTMLElement>('th, td')]
        .filter((c) => c.getClientRects().length && c.scrollWidth > c.clientWidth)
        .map((c) => c.textContent!.trim());
      expect(cut.join(', '), 'cells whose text is wider than the cell').to.equal('');
      // Still a data table for a screen reader: the grid layout keeps the roles that say so explicitly.
      const roles = [...root.querySelectorAll('table, tr, th, td')].map((c) => c.getAttribute('role') ?? c.localName);
      expect(new Set(roles).size, roles.join()).to.equal(5); // table, row, columnheader, rowheader, cell
      expect(root.querySelectorAll('tbody [role="rowheader"][scope="row"]').length).to.equal(8);
    });
  }

  it('a word longer than the whole row still wraps inside the table (no sideways scrolling)', async () => {
    const feed = await (await fetch('/demo/data/jugendbudget.json')).json();
    feed.projects[0].title = 'Jugendfreizeitstättenaufenthaltsraumrenovierungsmaßnahmenfinanzierung';
    const el = await result(await column(html`<jugend-budget eager phase="result" .data=${feed}></jugend-budget>`));
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="table"]')!;
    expect(box.scrollWidth <= box.clientWidth, `no sideways scrolling (${box.scrollWidth} px in ${box.clientWidth} px)`).to.equal(true);
  });
});

describe('jugend-budget in plain words and plain controls', () => {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  for (const [lang, oneDay, range] of [
    ['de', '14. Juni 2025', '1. März – 31. Mai 2025'],
    ['en', 'June 14, 2025', 'March 1 – May 31, 2025'],
  ]) {
    it(`${lang}: a one-day vote shows its date once, a range names its year once`, async () => {
      const el = await fixture<JugendBudget>(
        html`<jugend-budget lang=${lang} eager src=${lang === 'en' ? '/demo/data/en/jugendbudget.json' : '/demo/data/jugendbudget.json'}></jugend-budget>`,
      );
      await settled(el);
      const when = [...el.shadowRoot!.querySelectorAll('.phase-button .when')].map((w) => norm(w.textContent));
      expect(when[0]).to.equal(range);
      expect(when[2]).to.equal(oneDay);
    });
  }

  it('the timeline toggle shows its disclosure triangle, is at least 44 px tall and opens', async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager src="/demo/data/jugendbudget.json"></jugend-budget>`);
    await settled(el);
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.follow summary'); i++) {
      await new Promise((r) => setTimeout(r, 20)); // the funded projects follow the computed result
      await el.updateComplete;
    }
    const summary = el.shadowRoot!.querySelector<HTMLElement>('.follow summary')!;
    expect(norm(summary.textContent)).to.equal('Verlauf');
    expect(getComputedStyle(summary).display, 'a list item carries the triangle marker').to.equal('list-item');
    expect(summary.getBoundingClientRect().height).to.be.at.least(44);
    summary.click();
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
  });
});

describe('jugend-budget project titles', () => {
  for (const level of [2, 3, 4]) {
    it(`heading-level ${level}: each project's title is at least as large as its description`, async () => {
      const el = await fixture<JugendBudget>(
        html`<jugend-budget eager heading-level=${level} phase="proposals" src="/demo/data/jugendbudget.json"></jugend-budget>`,
      );
      await settled(el);
      const project = el.shadowRoot!.querySelector('.project')!;
      const title = project.firstElementChild!;
      expect(title.localName).to.equal(`h${level + 2}`);
      const size = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
      expect(size(title)).to.be.at.least(size(project.querySelector('p:not(.meta)')!));
    });
  }
});

describe('jugend-budget phases by keyboard', () => {
  it('after Enter on each phase, focus stays on that phase button (pressed), also while the ballot loads', async () => {
    const base = await (await fetch('/demo/data/jugendbudget.json')).json();
    // Voting runs: the vote phase shows the ballot from its lazy chunk.
    const data = { ...base, phase: 'vote', voting: { url: '/api/vote/ballot', access: 'code' } };
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${data}></jugend-budget>`);
    await settled(el);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.phase-button')];
    expect(buttons.length).to.equal(5);
    for (const i of [4, 3, 2, 1, 0, 2]) {
      buttons[i].focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      for (let k = 0; k < 50 && i === 2 && !el.shadowRoot!.querySelector('st-budget-ballot'); k++) {
        await new Promise((r) => setTimeout(r, 20));
        await el.updateComplete;
      }
      expect(el.shadowRoot!.activeElement === buttons[i], `focus on phase ${i + 1}`).to.equal(true);
      expect(buttons[i].getAttribute('aria-pressed')).to.equal('true');
    }
    expect(!!el.shadowRoot!.querySelector('st-budget-ballot'), 'the ballot is shown').to.equal(true);
  });
});

describe('jugend-budget for a screen reader', () => {
  it("switching phase announces the phase's name, not its whole list or table", async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager src="/demo/data/jugendbudget.json"></jugend-budget>`);
    await settled(el);
    for (const name of ['Ergebnis', 'Vorschläge sammeln']) {
      phaseButton(el, name).click();
      if (name === 'Ergebnis') await resultShown(el);
      await el.updateComplete;
      const live = [...el.shadowRoot!.querySelectorAll('[aria-live="polite"], [aria-live="assertive"]')].map((r) =>
        r.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(live.join(' | ')).to.equal(name);
    }
  });
});
