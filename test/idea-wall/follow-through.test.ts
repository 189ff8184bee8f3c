import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from '../helpers.js';
import { $, $$, clearStorage, feed, wall } from './helpers.js';

const idea = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Idee ${id}`,
  description: 'Beschreibung',
  created: '2024-01-01',
  status,
  supporters: 3,
  ...extra,
});
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('idea-wall: follow-through on the card, support where it matters, a way past the wall', () => {
  afterEach(clearStorage);

  it('shows where an idea stands, who is responsible, and an overdue date as overdue', async () => {
    const data = {
      ideas: [
        idea('late', 'in-progress', {
          responsible: 'Bauamt',
          due: '2020-05-03',
          answer: { text: 'Wird gemacht.', date: '2019-11-02' },
          timeline: [{ date: '2020-02-15', text: 'Angebote eingeholt' }],
        }),
        idea('future', 'planned', { due: '2999-01-31' }),
        idea('finished', 'done', { due: '2020-05-03' }),
      ],
    };
    const el = await wall(html`<idea-wall eager lang="de" .data=${data}></idea-wall>`);
    const late = text($(el, '[data-id="late"] [part="facts"]'));
    expect(late).to.contain('Stand 15. Februar 2020: Angebote eingeholt');
    expect(late).to.contain('Zuständig: Bauamt');
    expect(late).to.contain('Geplant bis: 3. Mai 2020 ⚠ überfällig');
    expect(text($(el, '[data-id="future"] [part="facts"]'))).to.equal('Geplant bis: 31. Januar 2999');
    // A finished idea has nothing left to be late for.
    expect($(el, '[data-id="finished"] [part="facts"]') === null).to.equal(true);
    $<HTMLButtonElement>(el, '[data-id="late"] .open')!.click();
    await el.updateComplete;
    expect(text($(el, 'dialog dl'))).to.contain('3. Mai 2020 (überfällig)');
    await expect(el).to.be.accessible();
  });

  it('says it in English too', async () => {
    const data = { ideas: [idea('late', 'review', { due: '2020-05-03', timeline: [{ date: '2020-02-15', text: 'Asked' }] })] };
    const el = await wall(html`<idea-wall eager lang="en" .data=${data}></idea-wall>`);
    const facts = text($(el, '[part="facts"]'));
    expect(facts).to.contain('As of February 15, 2020: Asked');
    expect(facts).to.contain('Planned by: May 3, 2020 ⚠ overdue');
    expect(text($(el, '[part="count"]'))).to.equal('1 idea');
  });

  it('offers support only while it still matters; support-statuses changes that', async () => {
    const data = {
      statuses: [{ id: 'pilot', label: 'Im Pilotbetrieb', base: 'in-progress' }],
      ideas: ['new', 'review', 'planned', 'in-progress', 'pilot', 'done', 'declined', 'withdrawn'].map((s) => idea(s, s)),
    };
    const el = await wall(html`<idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall>`);
    const withButton = $$(el, '.card')
      .filter((c) => c.querySelector('[part="support"]'))
      .map((c) => c.getAttribute('data-id'))
      .sort();
    expect(withButton).to.deep.equal(['in-progress', 'new', 'pilot', 'planned', 'review']);
    // Ended ideas still show how many supported them.
    expect(text($(el, '[data-id="done"] .count'))).to.equal('3 Unterstützungen');
    const custom = await wall(
      html`<idea-wall eager support-endpoint="/api/support" support-statuses="new done" .data=${data}></idea-wall>`,
    );
    const now = $$(custom, '.card')
      .filter((c) => c.querySelector('[part="support"]'))
      .map((c) => c.getAttribute('data-id'))
      .sort();
    expect(now).to.deep.equal(['done', 'new']);
  });

  it('a skip link takes the keyboard past every card', async () => {
    const el = await wall(html`<idea-wall eager page-size="12" .data=${feed(30)}></idea-wall>`);
    const skip = $<HTMLButtonElement>(el, '[part="skip"]')!;
    expect(text(skip)).to.equal('Ideenwand überspringen (12 Karten)');
    // Out of sight until focused, then visible.
    expect(skip.getBoundingClientRect().right < 0).to.equal(true);
    skip.focus();
    expect(skip.getBoundingClientRect().right > 0).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement?.className).to.contain('wall-end');
    // Behind the last card and the "more" button.
    const end = el.shadowRoot!.activeElement!;
    const more = $(el, '[part="more"]')!;
    expect(!!(more.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING)).to.equal(true);
  });
});
