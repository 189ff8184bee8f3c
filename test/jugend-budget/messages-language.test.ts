/**
 * <jugend-budget>'s own messages follow the page's language (issue 16 leftover): the model's notes
 * on the feed, a Pabulib file that is none, a feed that is no object, and the ballot's console line
 * for an unusable voting address. English on an English page, German on a German one.
 */
import { expect } from '@open-wc/testing';
import { fixture, settled, textOf } from '../helpers.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A feed with what the model notes: a project twice, an unknown status, no cost, an unknown rule, ballots that are no list. */
const noted = {
  title: 'Jugendbudget',
  budget: 10000,
  rule: 'borda',
  projects: [
    { id: 'rampe', title: 'Skate-Rampe', cost: 6000, votes: 3, status: 'verschoben' },
    { id: 'rampe', title: 'Skate-Rampe (doppelt)', cost: 6000 },
    { id: 'bank', title: 'Sitzecke', votes: 2 },
  ],
  ballots: 'alle',
};

/** The vote phase with a voting address that is not http(s). */
const badVoting = {
  title: 'Jugendbudget',
  budget: 10000,
  phases: [
    { id: 'vote', start: iso(-1), end: iso(10) },
    { id: 'result', start: iso(11) },
  ],
  projects: [{ id: 'rampe', title: 'Skate-Rampe', cost: 6000 }],
  voting: { url: 'javascript:alert(1)' },
};

/** Shows `<jugend-budget>` on a page in `lang`; returns its text and every console line it wrote. */
async function show(
  lang: 'de' | 'en',
  set: (el: JugendBudget) => void,
  attrs = '',
): Promise<{ el: JugendBudget; text: string; console: string }> {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    const holder = await fixture<HTMLElement>(`<div lang="${lang}"><jugend-budget eager ${attrs}></jugend-budget></div>`);
    const el = holder.firstElementChild as JugendBudget;
    set(el);
    await settled(el);
    await el.updateComplete;
    return { el, text: textOf(el), console: lines.join('\n') };
  } finally {
    console.warn = original;
  }
}

/** Waits for a console line the lazy ballot writes once its chunk has loaded. */
async function ballotLine(lang: 'de' | 'en'): Promise<string> {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    const holder = await fixture<HTMLElement>(`<div lang="${lang}"><jugend-budget eager></jugend-budget></div>`);
    const el = holder.firstElementChild as JugendBudget;
    el.data = badVoting;
    await settled(el);
    const end = Date.now() + 5000;
    while (!lines.some((l) => l.includes('voting.url')) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return lines.join('\n');
  } finally {
    console.warn = original;
  }
}

describe('jugend-budget: messages in the page’s language', () => {
  it('the model’s notes are English on an English page, German on a German one', async () => {
    const en = await show('en', (el) => (el.data = noted));
    expect(en.text).to.contain('This result needs ballots or a rule the widget can compute.');
    expect(en.console).to.contain('note(s) on the data');
    expect(en.console).to.contain('projects: duplicate id(s) “rampe” – only the first entry of each is shown.');
    expect(en.console).to.contain('projects „rampe“: unknown status “verschoben” – shown as text.');
    expect(en.console).to.contain('projects „bank“: no cost – counts as 0 and cannot use up the budget.');
    expect(en.console).to.contain('ballots is not a list of ballots – they do not count.');
    expect(en.console).to.contain('rule “borda” cannot be computed by the widget');
    expect(en.console).not.to.match(/unbekannter|ohne Kosten|Stimmzettel|kann das Widget|doppelt|Hinweis/);
    const de = await show('de', (el) => (el.data = noted));
    expect(de.console).to.contain('Hinweis(e) zu den Daten');
    expect(de.console).to.contain('projects: doppelte ID(s) „rampe“ – jeweils nur der erste Eintrag wird gezeigt.');
    expect(de.console).to.contain('projects „rampe“: unbekannter Status „verschoben“ – er wird als Text gezeigt.');
    expect(de.console).to.contain('projects „bank“: ohne Kosten (cost) – zählt mit 0 und kann das Budget nicht belasten.');
    expect(de.console).to.contain('ballots ist keine Liste von Stimmzetteln – die Stimmzettel zählen nicht.');
    expect(de.console).to.contain('rule „borda“ kann das Widget nicht berechnen');
  });

  it('ballots naming unknown projects or not a list of ids: the sentence in the page’s language', async () => {
    const ballots = { ...noted, rule: 'greedy', projects: noted.projects.slice(0, 1), ballots: [['rampe'], ['schwimmbad'], 7] };
    const en = await show('en', (el) => (el.data = ballots));
    expect(en.console).to.contain('ballots: 1 ballot(s) are not a list of project ids – they do not count.');
    expect(en.console).to.contain('ballots name projects the feed does not have: schwimmbad – these votes do not count.');
    const de = await show('de', (el) => (el.data = ballots));
    expect(de.console).to.contain('ballots: 1 Stimmzettel sind keine Liste von Projekt-IDs – sie zählen nicht.');
    expect(de.console).to.contain('ballots nennen Projekte, die es im Feed nicht gibt: schwimmbad – diese Stimmen zählen nicht.');
  });

  it('a Pabulib file that is none: the widget and the console say so in the page’s language', async () => {
    const text = '<html><body>Fehlerseite</body></html>';
    const en = await show('en', (el) => (el.data = text), 'format="pabulib"');
    expect(en.text)
      .to.contain('The data does not have the expected shape.')
      .and.contain('Pabulib file: line 1 comes before the META section');
    expect(en.console).to.contain('Pabulib file: line 1 comes before the META section');
    expect(en.text).not.to.contain('Zeile');
    const de = await show('de', (el) => (el.data = text), 'format="pabulib"');
    expect(de.text)
      .to.contain('Die Daten haben nicht die erwartete Form.')
      .and.contain('Pabulib-Datei: Zeile 1 steht vor dem Abschnitt META');
    const empty = await show('en', (el) => (el.data = 'vote_type;approval'), 'format="pabulib"');
    expect(empty.text).to.contain('Pabulib file: line 1 comes before the META section');
    const noSections = await show('en', (el) => (el.data = 'META\nkey;value\nname;x\n'), 'format="pabulib"');
    expect(noSections.text).to.contain('Not a Pabulib file: the META and PROJECTS sections are missing.');
  });

  it('a feed that is not an object: the schema’s message in the page’s language', async () => {
    const en = await show('en', (el) => (el.data = 42 as never));
    expect(en.text).to.contain('jugend-budget: value: expected an object');
    const de = await show('de', (el) => (el.data = 42 as never));
    expect(de.text).to.contain('jugend-budget: Wert: erwartet ein Objekt');
  });

  it('a Decidim answer without the component or without budgets: the reason in the page’s language', async () => {
    const gone = { data: { component: null } };
    const en = await show('en', (el) => (el.data = gone), 'format="decidim"');
    expect(en.text).to.contain('Decidim: component not found (wrong id, not public or not a budgets component?).');
    const de = await show('de', (el) => (el.data = gone), 'format="decidim"');
    expect(de.text).to.contain('Decidim: Komponente nicht gefunden');
    const empty = { data: { component: { id: '7', budgets: [] } } };
    expect((await show('en', (el) => (el.data = empty), 'format="decidim"')).text).to.contain('Decidim: the component has no budgets.');
    expect((await show('de', (el) => (el.data = empty), 'format="decidim"')).console).to.contain(
      'Decidim: die Komponente hat keine Budgets.',
    );
  });

  it('a voting address that is not http(s): the ballot’s console line in the page’s language', async () => {
    const en = await ballotLine('en');
    expect(en).to.contain('<jugend-budget>: voting.url “javascript:alert(1)” is not an http(s) address – no ballot is shown.');
    const de = await ballotLine('de');
    expect(de).to.contain(
      '<jugend-budget>: voting.url „javascript:alert(1)“ ist keine http(s)-Adresse – es wird kein Stimmzettel gezeigt.',
    );
  });
});
