import { expect } from '@open-wc/testing';
import { fixture, html, settled } from '../helpers.js';
import '../../src/idea-wall/idea-wall.js';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';

/**
 * A widget in a narrow column (a phone) draws its narrow layout from its very first frame: no
 * wide layout (filters open, full intro) that jumps to the narrow one a frame later.
 */
const intro =
  'Was fehlt in unserer Stadt? Schreiben Sie uns Ihre Idee für Plätze, Wege, Spielplätze und Treffpunkte. Der Stadtrat liest jede Idee und antwortet hier öffentlich, meist innerhalb von vier Wochen.';
const feed = {
  title: 'Ideen für Musterstadt',
  intro,
  categories: [
    { id: 'plaetze', label: 'Plätze' },
    { id: 'wege', label: 'Wege' },
  ],
  ideas: [
    { id: 'a', title: 'Bank am Marktplatz', category: 'plaetze' },
    { id: 'b', title: 'Radweg zum Bahnhof', category: 'wege' },
  ],
};

interface Frame {
  narrow: boolean;
  ideas: boolean;
  toggle: string | null;
  filtersHidden: boolean | null;
  introButton: boolean;
}

/** Mounts an idea wall in a column of the given width and records what each render drew, from the first. */
async function mount(width: number, fontSize = 16): Promise<{ el: IdeaWall; frames: Frame[] }> {
  const column = await fixture<HTMLDivElement>(html`<div style="width: ${width}px; font-size: ${fontSize}px"></div>`);
  const el = document.createElement('idea-wall') as IdeaWall;
  const frames: Frame[] = [];
  // Runs after every render of the widget, the first included (a controller added before it connects).
  el.addController({
    hostUpdated() {
      const root = el.shadowRoot!;
      frames.push({
        narrow: el.hasAttribute('narrow'),
        ideas: !!root.querySelector('.card'),
        toggle: root.querySelector('[aria-controls="filters"]')?.getAttribute('aria-expanded') ?? null,
        filtersHidden: root.querySelector<HTMLElement>('#filters')?.hidden ?? null,
        introButton: !!root.querySelector('[aria-controls="intro"]'),
      });
    },
  });
  el.eager = true;
  el.data = feed;
  column.append(el);
  await settled(el);
  await el.updateComplete;
  return { el, frames };
}

describe('idea-wall: the narrow layout from the first render', () => {
  it('in a 320 px column the first render is already narrow, and the first one with ideas has the filters behind a closed button', async () => {
    const { el, frames } = await mount(320);
    expect(frames.length > 0, 'rendered').to.equal(true);
    expect(frames[0].narrow, 'narrow on the first render').to.equal(true);
    expect(
      frames.every((f) => f.narrow),
      'never wide in between',
    ).to.equal(true);
    const first = frames.find((f) => f.ideas);
    expect(!!first, 'ideas rendered').to.equal(true);
    expect(first!.toggle, 'filters button, closed').to.equal('false');
    expect(first!.filtersHidden, 'filters hidden').to.equal(true);
    expect(first!.introButton, 'long intro behind "more"').to.equal(true);
    expect(el.hasAttribute('narrow'), 'still narrow once settled').to.equal(true);
  });

  it('in an 800 px column it is wide from the first render: filters open, no filters button', async () => {
    const { el, frames } = await mount(800);
    expect(frames[0].narrow, 'wide on the first render').to.equal(false);
    const first = frames.find((f) => f.ideas)!;
    expect(first.toggle, 'no filters button').to.equal(null);
    expect(first.filtersHidden, 'filters shown').to.equal(false);
    expect(el.hasAttribute('narrow'), 'still wide once settled').to.equal(false);
  });

  it("counts 36em in the page's font size: 640 px is narrow at 20 px text (720 px), wide at 16 px (576 px)", async () => {
    const large = await mount(640, 20);
    expect(large.frames[0].narrow, '20 px text').to.equal(true);
    const normal = await mount(640, 16);
    expect(normal.frames[0].narrow, '16 px text').to.equal(false);
  });
});
