import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/ehrenamt-card/ehrenamt-card.js';
import { widgetRoot } from './support/shadow.js';
import { renderWidget } from './support/widget-args.js';

const feed = 'data/ehrenamt.json';
const settled = '[part="base"], [part="error"]';

const meta: Meta = {
  title: 'Widgets/ehrenamt-card',
  component: 'ehrenamt-card',
  render: renderWidget('ehrenamt-card'),
  // Storybook's own page is `lang="en"`; the widgets follow the page, so the German stories say so.
  args: { eager: true, lang: 'de' },
};
export default meta;
type Story = StoryObj;

/** Fills the self-check like a visitor and presses "Prüfen"; returns the widget's shadow root. */
async function check(canvas: HTMLElement, values: Record<string, string>, flags: string[]) {
  const { root, screen } = await widgetRoot(canvas, 'ehrenamt-card', 'form');
  const form = root.querySelector('form')!;
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    if (field instanceof HTMLSelectElement) await userEvent.selectOptions(field, value);
    else await userEvent.type(field, value);
  }
  for (const f of flags) await userEvent.click(form.querySelector<HTMLInputElement>(`input[value="${f}"]`)!);
  await userEvent.click(screen.getByRole('button', { name: 'Prüfen' }));
  await waitFor(() => expect(root.querySelector('[part="result"]')).toBeTruthy());
  return root;
}
const verdicts = (root: ShadowRoot) =>
  [...root.querySelectorAll('.outcome')].map((o) => (o.classList.contains('yes') ? 'yes' : o.classList.contains('no') ? 'no' : 'open'));

/** Card, self-check, partners and their map, from the sample feed. */
export const Full: Story = {
  args: { src: feed, sections: 'card check partners map', 'page-size': 9, onStLoad: fn() },
  play: async ({ canvasElement, args }) => {
    const { root } = await widgetRoot(canvasElement, 'ehrenamt-card', '[part="partner"]');
    for (const part of ['card', 'check', 'partners']) await expect(root.querySelector(`[part~="${part}"]`) !== null).toBe(true);
    // What reaches past the bottom of the screen comes first, the rest right after it (all 9 a moment later).
    await waitFor(() => expect(root.querySelectorAll('[part="partner"]').length).toBe(9));
    await waitFor(() => expect(args.onStLoad).toHaveBeenCalled());
  },
};

export const CardOnly: Story = {
  args: { src: feed, sections: 'card' },
};

export const EligibilityQualifies: Story = {
  args: { src: feed, sections: 'check' },
  play: async ({ canvasElement }) => {
    const root = await check(canvasElement, { age: '34', hours: '6', hoursUnit: 'week', years: '3', allowance: '0' }, [
      'ort',
      'gemeinnuetzig',
    ]);
    await expect(verdicts(root)).toContain('yes');
    await expect(root.querySelector('.outcome.yes')?.textContent).toContain('Sie erfüllen die Voraussetzungen');
  },
};

export const EligibilityDoesNotQualify: Story = {
  args: { src: feed, sections: 'check' },
  play: async ({ canvasElement }) => {
    const root = await check(canvasElement, { age: '34', hours: '150', hoursUnit: 'year', years: '1', allowance: '1200' }, [
      'ort',
      'gemeinnuetzig',
    ]);
    await expect(verdicts(root).includes('yes')).toBe(false);
    await expect(root.querySelector('[part="result"]')?.textContent).toContain('noch nicht erfüllt');
  },
};

export const EligibilityAlternativeRoute: Story = {
  name: 'Eligibility: alternative route (volunteer fire brigade)',
  args: { src: feed, sections: 'check' },
  play: async ({ canvasElement }) => {
    const root = await check(canvasElement, { age: '19', hours: '2', years: '1', allowance: '0' }, ['ort', 'gemeinnuetzig', 'feuerwehr']);
    await expect(verdicts(root)).toContain('yes');
  },
};

export const EligibilityUnknownRule: Story = {
  name: 'Eligibility: a rule the widget cannot check (shown as text)',
  args: {
    sections: 'card check',
    data: {
      name: 'Ehrenamts-Card Musterkreis',
      region: 'Landkreis Musterkreis',
      tiers: [
        {
          id: 'e',
          name: 'E-Card',
          colour: 'green',
          validityYears: 2,
          rule: {
            type: 'all',
            of: [
              { type: 'hoursPerWeek', min: 5 },
              { type: 'districtRules', label: 'Weitere Voraussetzungen legt der Landkreis fest.' },
            ],
          },
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const root = await check(canvasElement, { hours: '6' }, []);
    await expect(verdicts(root)).toEqual(['open']);
    await expect(root.querySelector('[part="result"]')?.textContent).toContain('Weitere Voraussetzungen legt der Landkreis fest.');
  },
};

export const PartnersSearch: Story = {
  args: { src: feed, sections: 'partners', 'page-size': 9 },
  play: async ({ canvasElement }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'ehrenamt-card', '[part="partner"]');
    await userEvent.type(screen.getByRole('searchbox'), 'museum');
    await waitFor(() => expect(root.querySelectorAll('[part="partner"]').length).toBeLessThan(9));
    const names = [...root.querySelectorAll('[part="partner"]')].map((p) => p.textContent!.toLowerCase());
    await expect(names.length).toBeGreaterThan(0);
    await expect(names.every((n) => n.includes('museum'))).toBe(true);
  },
};

export const PartnersCategory: Story = {
  args: { src: feed, sections: 'partners', 'page-size': 9 },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'ehrenamt-card', '.chip');
    const chip = [...root.querySelectorAll<HTMLButtonElement>('.chip')].find((c) => c.textContent!.includes('Essen'))!;
    await userEvent.click(chip);
    await waitFor(() => expect(chip.getAttribute('aria-pressed')).toBe('true'));
  },
};

export const PartnersNearMe: Story = {
  name: 'Partners: near me (position simulated at Harzstedt station)',
  args: { src: feed, sections: 'partners map', 'page-size': 9 },
  play: async ({ canvasElement }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'ehrenamt-card', '.tools button');
    const real = Object.getOwnPropertyDescriptor(navigator, 'geolocation');
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 51.7165, longitude: 11.2475 } } as GeolocationPosition),
      },
    });
    try {
      await userEvent.click(screen.getByRole('button', { name: /In meiner Nähe/ }));
      await waitFor(() => expect(root.textContent).toContain('Sortiert nach Entfernung von Ihrem Standort'));
    } finally {
      if (real) Object.defineProperty(navigator, 'geolocation', real);
      else delete (navigator as { geolocation?: unknown }).geolocation;
    }
  },
};

/** 5,000 partners spread over Saxony-Anhalt, generated with a fixed seed. */
function manyPartners(count: number) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const kinds = ['Bäckerei', 'Museum', 'Freibad', 'Fahrradladen', 'Kino', 'Bibliothek', 'Café', 'Buchhandlung', 'Friseur', 'Gärtnerei'];
  const towns = [
    'Harzstedt',
    'Selkeheim',
    'Meisental',
    'Magdeburg',
    'Halle (Saale)',
    'Dessau-Roßlau',
    'Wernigerode',
    'Quedlinburg',
    'Stendal',
    'Naumburg',
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: i,
    name: `${kinds[i % kinds.length]} ${towns[(i * 7) % towns.length]} Nr. ${i + 1}`,
    category: String(i % 10),
    benefit: `${5 + (i % 4) * 5} % Ermäßigung`,
    locations: [{ city: towns[(i * 7) % towns.length], lat: 51.0 + rnd() * 1.9, lng: 10.6 + rnd() * 2.4 }],
  }));
}

/** 5,000 partners with the map. (Not on the docs page: too heavy next to the others.) */
export const FiveThousandPartners: Story = {
  name: 'Partners: 5,000 (a whole state)',
  tags: ['!autodocs'],
  args: { sections: 'partners map' },
  render: renderWidget('ehrenamt-card', { extra: { data: { name: 'Ehrenamtskarte (Last-Test)', partners: manyPartners(5000) } } }),
};

/** Partners from the Ehrenamtskarte app's CSV import file (the JSON feed's own partners left out). */
export const CsvInput: Story = {
  name: 'CSV input (Ehrenamtskarte app import format)',
  args: { src: feed, sections: 'partners', 'partners-src': 'data/ehrenamt-partner.csv', 'partners-format': 'csv' },
  render: renderWidget('ehrenamt-card', { extra: { transform: (raw: { partners?: unknown }) => ({ ...raw, partners: [] }) } }),
};

export const Loading: Story = {
  args: { src: 'data/slow.json' },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'ehrenamt-card', '[part="loading"]');
    await expect(root.querySelector('[part="loading"]')?.textContent).toContain('Wird geladen');
  },
};

export const Empty: Story = {
  args: { sections: 'partners', data: { name: 'Ehrenamtskarte Harzstedt', partners: [] } },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'ehrenamt-card', '[part="base"]');
    await waitFor(() => expect(root.textContent).toContain('Noch keine Partner eingetragen.'));
  },
};

export const FeedError: Story = {
  name: 'Error',
  args: { src: 'data/gibt-es-nicht.json', onStError: fn() },
  play: async ({ canvasElement, args }) => {
    const { screen } = await widgetRoot(canvasElement, 'ehrenamt-card', settled);
    await expect(await screen.findByText('Die Informationen zur Ehrenamtskarte können gerade nicht angezeigt werden.')).toBeTruthy();
    await waitFor(() => expect(args.onStError).toHaveBeenCalled());
  },
};

/** Markup stays text; a javascript: link is no link; partners without a name are skipped (see the console). */
export const BadData: Story = {
  name: 'Bad data',
  args: {
    sections: 'card partners',
    data: {
      name: '<b>Ehrenamtskarte</b> <script>alert(1)</script>',
      tiers: [{ id: 'x', name: 'Karte', colour: 'url(javascript:alert(1))', validityYears: 2 }],
      apply: { url: 'javascript:alert(1)' },
      partners: [{ name: 'Partner <img src=x onerror=alert(1)>', website: 'javascript:alert(1)' }, { name: '' }, { id: 5 }],
    },
  },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'ehrenamt-card', '[part="partner"]');
    await expect(root.textContent).toContain('<b>Ehrenamtskarte</b> <script>alert(1)</script>');
    await expect(root.querySelectorAll('[part="partner"]').length).toBe(1);
    await expect(root.querySelectorAll('b, script, img').length).toBe(0);
    await expect(root.querySelectorAll('a[href^="javascript"]').length).toBe(0);
  },
};

export const English: Story = {
  args: { lang: 'en', src: feed, 'page-size': 6 },
};
