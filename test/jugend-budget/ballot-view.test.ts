import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixture, html, jsonResponse, settled } from '../helpers.js';
import '../../src/jugend-budget/jugend-budget.js';
import type { JugendBudget } from '../../src/jugend-budget/jugend-budget.component.js';
import { draftKey, type StBudgetBallot } from '../../src/jugend-budget/jugend-budget.ballot-view.js';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const VOTE_URL = 'https://votes.example.org/api/vote/ballot';

function feed(voting: Record<string, unknown> = {}) {
  return {
    title: 'Jugendbudget Sonnenberg 2026',
    budget: 10000,
    currency: 'EUR',
    rule: 'greedy',
    phases: [
      { id: 'proposals', start: iso(-60), end: iso(-31) },
      { id: 'check', start: iso(-30), end: iso(-2) },
      { id: 'vote', start: iso(-1), end: iso(14) },
      { id: 'result', start: iso(15) },
    ],
    voting: { url: VOTE_URL, ...voting },
    projects: [
      { id: 'rampe', title: 'Skate-Rampe', description: 'Eine Rampe am Jugendtreff.', cost: 6000, feasible: true },
      { id: 'buehne', title: 'Open-Air-Bühne', cost: 3000, feasible: true },
      { id: 'bank', title: 'Sitzecke am Bolzplatz', cost: 1000, feasible: true },
      { id: 'graffiti', title: 'Graffiti-Wand', cost: 1001, feasible: true },
      { id: 'pool', title: 'Freibad-Dach', cost: 900000, feasible: false },
    ],
  };
}

const realFetch = window.fetch;
/** Answers ballot POSTs; records what was sent. */
function server(answer: (body: Record<string, unknown>, n: number) => Response | Promise<Response>) {
  const sent: { body: Record<string, unknown>; key: string }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== VOTE_URL) return realFetch(input, init);
    const body = JSON.parse(String(init!.body));
    sent.push({ body, key: (init!.headers as Record<string, string>)['Idempotency-Key'] });
    return answer(body, sent.length);
  };
  return sent;
}

async function ballotOf(el: JugendBudget): Promise<StBudgetBallot> {
  await settled(el);
  // The ballot is a lazy chunk: wait for it (a busy machine took longer than the 1 s a counted loop gave).
  await waitUntil(() => el.shadowRoot!.querySelector('st-budget-ballot'), 'the ballot', { timeout: 5000 });
  const b = el.shadowRoot!.querySelector('st-budget-ballot') as StBudgetBallot;
  await b.updateComplete;
  return b;
}
const q = <T extends Element = HTMLElement>(b: StBudgetBallot, s: string) => b.shadowRoot!.querySelector<T>(s);
const boxes = (b: StBudgetBallot) => [...b.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
const live = (b: StBudgetBallot) => q(b, '[aria-live="polite"]')!.innerText.replace(/\s+/g, ' ').trim();
async function check(b: StBudgetBallot, ...indexes: number[]) {
  for (const i of indexes) boxes(b)[i].click();
  await b.updateComplete;
}
async function typeCode(b: StBudgetBallot, code: string) {
  const input = q<HTMLInputElement>(b, '#code')!;
  input.value = code;
  input.dispatchEvent(new Event('input'));
}
async function cast(b: StBudgetBallot) {
  const done = oneEvent(b, 'st-budget-vote');
  q<HTMLButtonElement>(b, 'button[type=submit]')!.click();
  await done;
  await b.updateComplete;
}
const focused = (b: StBudgetBallot) => b.shadowRoot!.activeElement?.id ?? '';

describe('<jugend-budget> ballot', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    window.fetch = realFetch;
    sessionStorage.clear();
    localStorage.clear();
  });

  it('is a list of checkboxes (feasible projects only) with the running total announced politely, axe clean', async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    const labels = [...b.shadowRoot!.querySelectorAll('label.row .name')].map((l) => l.textContent);
    expect(labels).to.deep.equal(['Skate-Rampe', 'Open-Air-Bühne', 'Sitzecke am Bolzplatz', 'Graffiti-Wand']);
    expect(q(b, 'fieldset legend')!.textContent).to.equal('Projekte, für die du stimmst');
    expect(q(b, '#rules')!.textContent).to.match(/höchstens 10\.000\s*€/);
    expect(live(b)).to.match(/^0\s*€ von 10\.000\s*€ ausgewählt, noch 10\.000\s*€ übrig\./);
    await check(b, 0);
    expect(live(b)).to.match(/6\.000\s*€ von 10\.000\s*€ ausgewählt, noch 4\.000\s*€ übrig\. 1 Projekt gewählt\./);
    expect(boxes(b)[0].getAttribute('aria-describedby')).to.equal('d0');
    await expect(el).to.be.accessible();
  });

  it('a project that no longer fits says why, stays focusable, and cannot be checked; exactly the budget can', async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 0, 1); // 9,000 €
    const graffiti = boxes(b)[3];
    expect(graffiti.getAttribute('aria-disabled')).to.equal('true');
    expect(graffiti.disabled).to.equal(false);
    expect(q(b, `#${graffiti.getAttribute('aria-describedby')}`)!.textContent).to.match(/Passt nicht mehr ins Budget: 1\s*€ zu viel/);
    graffiti.click();
    await b.updateComplete;
    expect(graffiti.checked).to.equal(false);
    expect(live(b)).to.contain('„Graffiti-Wand“ kann nicht gewählt werden');
    await check(b, 2); // + 1,000 € = exactly 10,000 €
    expect(boxes(b)[2].checked).to.equal(true);
    expect(live(b)).to.match(/10\.000\s*€ von 10\.000\s*€ ausgewählt, noch 0\s*€ übrig/);
    await expect(el).to.be.accessible();
  });

  it('at most N projects (feed rule): the others are blocked with the count reason', async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed({ maxProjects: 1 })}></jugend-budget>`);
    const b = await ballotOf(el);
    expect(q(b, '#rules')!.textContent).to.contain('Höchstens 1 Projekt.');
    await check(b, 2);
    expect(q(b, '#b0')!.textContent).to.equal('Du hast schon 1 Projekt gewählt, mehr geht nicht. Wähle es ab, um dieses zu wählen.');
    expect(live(b)).to.contain('Mehr geht nicht: höchstens 1 Projekt.');
  });

  it('keyboard: Tab reaches the checkboxes, Space checks one', async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    boxes(b)[0].focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(b)).to.equal('p1');
    await sendKeys({ press: ' ' }); // ' ', not 'Space': Firefox's WebDriver BiDi does not know that key name
    await b.updateComplete;
    expect(boxes(b)[1].checked).to.equal(true);
    expect(live(b)).to.match(/3\.000\s*€ von/);
  });

  it('the unfinished ballot survives a reload of the tab (session storage), the code is never stored', async () => {
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 1, 2);
    await typeCode(b, 'AC3F7-KMN9X');
    const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage });
    expect(stored).to.contain('buehne');
    expect(stored).not.to.contain('AC3F7');
    el.remove();
    const again = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b2 = await ballotOf(again);
    expect(boxes(b2).map((x) => x.checked)).to.deep.equal([false, true, true, false]);
    expect(q<HTMLInputElement>(b2, '#code')!.value).to.equal('');
  });

  it('refuses to cast an incomplete ballot or a malformed code, and says why, without sending', async () => {
    const sent = server(() => jsonResponse({ counted: true }));
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed({ minShare: 0.5 })}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 2);
    q<HTMLButtonElement>(b, 'button[type=submit]')!.click();
    await b.updateComplete;
    await b.updateComplete;
    expect(q(b, '#problems')!.textContent).to.contain('es fehlen noch 4.000');
    expect(focused(b)).to.equal('problems');
    await check(b, 0);
    await typeCode(b, 'AC3F7');
    q<HTMLButtonElement>(b, 'button[type=submit]')!.click();
    await b.updateComplete;
    await b.updateComplete;
    expect(focused(b)).to.equal('code');
    expect(q(b, '#code')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(b, '#code-error')!.textContent).to.contain('10 Zeichen');
    expect(sent).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('counted: focus on the answer; on the shared computer no ballot and no code remain', async () => {
    const sent = server(() => jsonResponse({ counted: true }));
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 0, 2);
    await typeCode(b, ' ac3f7 kmn9x ');
    await cast(b);
    expect(sent[0].body).to.deep.equal({ projects: ['rampe', 'bank'], code: 'AC3F7KMN9X' });
    expect(q(b, '#answer')!.textContent).to.contain('Deine Stimme wurde gezählt.');
    expect(focused(b)).to.equal('answer');
    expect(sessionStorage.getItem(draftKey(VOTE_URL))).to.equal(null);
    expect(localStorage.length).to.equal(0);
    expect(b.shadowRoot!.querySelectorAll('input').length).to.equal(0);
    const memory = b as unknown as { code: string; key?: unknown };
    expect(memory.code).to.equal('');
    expect(memory.key === undefined).to.equal(true);
    await expect(el).to.be.accessible();
    // Dark theme on a dark page (the widget takes the page's background).
    const page = await fixture<HTMLDivElement>(html`<div style="background:#15191c;padding:1px"></div>`);
    page.append(el);
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(page).to.be.accessible();
  });

  it('a used code is not "counted": the ballot says so and stays, for another code', async () => {
    server(() => jsonResponse({ error: { code: 'code-used', message: 'Mit diesem Code wurde schon abgestimmt.' } }, { status: 409 }));
    const page = await fixture<HTMLDivElement>(
      html`<div style="background:#15191c;padding:1px"><jugend-budget eager theme="dark" .data=${feed()}></jugend-budget></div>`,
    );
    const el = page.querySelector('jugend-budget')!;
    const b = await ballotOf(el);
    await check(b, 1);
    await typeCode(b, 'AC3F7KMN9X');
    await cast(b);
    expect(q(b, '#answer')!.textContent).to.contain('Mit diesem Code wurde schon abgestimmt. Deine Auswahl wurde nicht gezählt.');
    expect(q(b, '#answer')!.textContent).not.to.contain('gezählt. Danke');
    expect(focused(b)).to.equal('answer');
    expect(boxes(b)[1].checked).to.equal(true);
    expect(q<HTMLInputElement>(b, '#code')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('voting closed: says the choice was not counted and clears it', async () => {
    server(() => jsonResponse({ error: { code: 'voting-closed', message: 'Die Abstimmung ist beendet.' } }, { status: 403 }));
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 1);
    await typeCode(b, 'AC3F7KMN9X');
    await cast(b);
    expect(q(b, '#answer')!.textContent).to.contain('Die Abstimmung ist beendet.');
    expect(sessionStorage.getItem(draftKey(VOTE_URL))).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a wrong code: the field says so and gets focus; nothing is lost', async () => {
    server(() => jsonResponse({ error: { code: 'code-invalid', message: 'Diesen Code gibt es nicht.' } }, { status: 422 }));
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 1);
    await typeCode(b, 'AC3F7KMN9X');
    q<HTMLButtonElement>(b, 'button[type=submit]')!.click();
    await waitUntil(() => focused(b) === 'code', 'focus on the code field', { timeout: 5000 }).catch(() => {});
    expect(focused(b)).to.equal('code');
    expect(q(b, '#code-error')!.textContent).to.contain('Diesen Code gibt es nicht');
    expect(boxes(b)[1].checked).to.equal(true);
    expect(q<HTMLInputElement>(b, '#code')!.value).to.equal('AC3F7KMN9X');
  });

  it("a ballot the server refuses (another site, the write guard) shows the widget's sentence, not the webmaster's, and keeps choice and code", async () => {
    const refusal = 'stadttraum: https://elsewhere.example may not write here. Allow it under Settings → stadttraum.';
    server(() => jsonResponse({ code: 'origin', message: refusal, error: { code: 'origin', message: refusal } }, { status: 403 }));
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 1);
    await typeCode(b, 'AC3F7KMN9X');
    await cast(b);
    const answer = q(b, '#answer')!.textContent!;
    expect(answer).to.contain('der Server hatte einen Fehler');
    expect(answer.includes('may not write here')).to.equal(false);
    expect(boxes(b)[1].checked).to.equal(true);
    expect(q<HTMLInputElement>(b, '#code')!.value).to.equal('AC3F7KMN9X');
  });

  it('a failure while casting keeps choice and code; the retry reuses the key and is then counted', async () => {
    const sent = server((_, n) => (n === 1 ? Promise.reject(new TypeError('Failed to fetch')) : jsonResponse({ counted: true })));
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${feed()}></jugend-budget>`);
    const b = await ballotOf(el);
    await check(b, 2);
    await typeCode(b, 'AC3F7KMN9X');
    await cast(b);
    expect(q(b, '#answer')!.textContent).to.contain('keine Verbindung zum Server');
    expect(focused(b)).to.equal('answer');
    expect(boxes(b)[2].checked).to.equal(true);
    expect(q<HTMLInputElement>(b, '#code')!.value).to.equal('AC3F7KMN9X');
    await expect(el).to.be.accessible();
    await cast(b);
    expect(sent).to.have.length(2);
    expect(sent[1].key).to.equal(sent[0].key);
    expect(q(b, '#answer')!.textContent).to.contain('Deine Stimme wurde gezählt.');
  });

  it('English, and one vote per browser where the feed allows it', async () => {
    const sent = server((_, n) =>
      n === 1 ? jsonResponse({ counted: true }) : jsonResponse({ error: { code: 'voter-used' } }, { status: 409 }),
    );
    const el = await fixture<JugendBudget>(
      html`<jugend-budget eager lang="en" .data=${feed({ access: 'browser', maxProjects: 2 })}></jugend-budget>`,
    );
    const b = await ballotOf(el);
    expect(q(b, '#code') === null).to.equal(true);
    expect(q(b, '.privacy')!.textContent).to.contain('localStorage');
    await check(b, 2);
    expect(live(b)).to.contain('1 project chosen. You can choose 1 more project.');
    await cast(b);
    expect(typeof sent[0].body.voter).to.equal('string');
    expect(q(b, '#answer')!.textContent).to.contain('Your vote was counted.');
    el.remove();
    const again = await fixture<JugendBudget>(html`<jugend-budget eager lang="en" .data=${feed({ access: 'browser' })}></jugend-budget>`);
    const b2 = await ballotOf(again);
    expect(q(b2, '#answer')!.textContent).to.contain('Someone already voted from this browser.');
    await expect(again).to.be.accessible();
  });

  it('without a voting block the vote phase lists the projects, without a ballot', async () => {
    const data = feed();
    delete (data as { voting?: unknown }).voting;
    const el = await fixture<JugendBudget>(html`<jugend-budget eager .data=${data}></jugend-budget>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('st-budget-ballot') === null).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part="project"]').length).to.equal(4);
  });
});
