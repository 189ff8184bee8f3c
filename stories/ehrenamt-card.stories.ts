import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ehrenamt-card/ehrenamt-card.js';

const meta: Meta = {
  title: 'Widgets/ehrenamt-card',
  component: 'ehrenamt-card',
};
export default meta;

type Story = StoryObj;
const feed = '/data/ehrenamt.json';

/** Waits for the widget's shadow root to contain `selector` (data and lazy chunks load asynchronously). */
async function find<T extends Element>(canvas: HTMLElement, selector: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const hit = canvas.querySelector('ehrenamt-card')?.shadowRoot?.querySelector<T>(selector);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} not found`);
}

/** Fills the self-check like a visitor would and presses "Prüfen". */
async function check(canvas: HTMLElement, values: Record<string, string>, flags: string[]) {
  const form = await find<HTMLFormElement>(canvas, 'form');
  for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
  for (const f of flags) form.querySelector<HTMLInputElement>(`input[value="${f}"]`)!.checked = true;
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

export const Full: Story = {
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="card check partners map" page-size="9"></ehrenamt-card>`,
};

export const CardOnly: Story = {
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="card"></ehrenamt-card>`,
};

export const EligibilityQualifies: Story = {
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="check"></ehrenamt-card>`,
  play: ({ canvasElement }) => check(canvasElement, { age: '34', hours: '6', hoursUnit: 'week', years: '3', allowance: '0' }, ['ort', 'gemeinnuetzig']),
};

export const EligibilityDoesNotQualify: Story = {
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="check"></ehrenamt-card>`,
  play: ({ canvasElement }) => check(canvasElement, { age: '34', hours: '150', hoursUnit: 'year', years: '1', allowance: '1200' }, ['ort', 'gemeinnuetzig']),
};

export const EligibilityAlternativeRoute: Story = {
  name: 'Eligibility: alternative route (fire brigade)',
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="check"></ehrenamt-card>`,
  play: ({ canvasElement }) => check(canvasElement, { age: '19', hours: '2', years: '1', allowance: '0' }, ['ort', 'gemeinnuetzig', 'feuerwehr']),
};

export const EligibilityUnknownRule: Story = {
  name: 'Eligibility: a rule the widget cannot check (shown as text)',
  render: () => html`<ehrenamt-card
    lang="de"
    eager
    sections="card check"
    .data=${{
      name: 'Ehrenamts-Card Musterkreis',
      region: 'Landkreis Musterkreis',
      tiers: [
        {
          id: 'e',
          name: 'E-Card',
          colour: 'green',
          validityYears: 2,
          rule: { type: 'all', of: [{ type: 'hoursPerWeek', min: 5 }, { type: 'districtRules', label: 'Weitere Voraussetzungen legt der Landkreis fest.' }] },
        },
      ],
    }}
  ></ehrenamt-card>`,
  play: ({ canvasElement }) => check(canvasElement, { hours: '6' }, []),
};

export const PartnersSearch: Story = {
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="partners" page-size="9"></ehrenamt-card>`,
  play: async ({ canvasElement }) => {
    const input = await find<HTMLInputElement>(canvasElement, 'input[type=search]');
    input.value = 'museum';
    input.dispatchEvent(new Event('input'));
  },
};

export const PartnersCategory: Story = {
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="partners" page-size="9"></ehrenamt-card>`,
  play: async ({ canvasElement }) => {
    await find(canvasElement, '.chip');
    const chips = [...canvasElement.querySelector('ehrenamt-card')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')];
    chips.find((c) => c.textContent!.includes('Essen'))?.click();
  },
};

export const PartnersNearMe: Story = {
  name: 'Partners: near me (position simulated at Harzstedt station)',
  render: () => html`<ehrenamt-card lang="de" eager src=${feed} sections="partners map" page-size="9"></ehrenamt-card>`,
  play: async ({ canvasElement }) => {
    const button = await find<HTMLButtonElement>(canvasElement, '.tools button');
    const real = Object.getOwnPropertyDescriptor(navigator, 'geolocation');
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 51.7165, longitude: 11.2475 } } as GeolocationPosition) },
    });
    button.click();
    if (real) Object.defineProperty(navigator, 'geolocation', real);
    else delete (navigator as { geolocation?: unknown }).geolocation;
  },
};

/** 5,000 partners spread over Saxony-Anhalt, generated with a fixed seed. */
function manyPartners(count: number) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const kinds = ['Bäckerei', 'Museum', 'Freibad', 'Fahrradladen', 'Kino', 'Bibliothek', 'Café', 'Buchhandlung', 'Friseur', 'Gärtnerei'];
  const towns = ['Harzstedt', 'Selkeheim', 'Meisental', 'Magdeburg', 'Halle (Saale)', 'Dessau-Roßlau', 'Wernigerode', 'Quedlinburg', 'Stendal', 'Naumburg'];
  return Array.from({ length: count }, (_, i) => ({
    id: i,
    name: `${kinds[i % kinds.length]} ${towns[(i * 7) % towns.length]} Nr. ${i + 1}`,
    category: String(i % 10),
    benefit: `${5 + (i % 4) * 5} % Ermäßigung`,
    locations: [{ city: towns[(i * 7) % towns.length], lat: 51.0 + rnd() * 1.9, lng: 10.6 + rnd() * 2.4 }],
  }));
}

export const FiveThousandPartners: Story = {
  name: 'Partners: 5,000 (a whole state)',
  render: () => html`<ehrenamt-card
    lang="de"
    eager
    sections="partners map"
    .data=${{ name: 'Ehrenamtskarte (Last-Test)', partners: manyPartners(5000) }}
  ></ehrenamt-card>`,
};

export const CsvInput: Story = {
  name: 'CSV input (Ehrenamtskarte app import format)',
  render: () => html`<ehrenamt-card
    lang="de"
    eager
    src=${feed}
    .transform=${(raw: { partners?: unknown }) => ({ ...raw, partners: [] })}
    sections="partners"
    partners-src="/data/ehrenamt-partner.csv"
    partners-format="csv"
  ></ehrenamt-card>`,
};

export const FeedError: Story = {
  name: 'Error',
  render: () => html`<ehrenamt-card lang="de" eager src="/data/gibt-es-nicht.json"></ehrenamt-card>`,
};

export const English: Story = {
  render: () => html`<ehrenamt-card eager lang="en" src=${feed} page-size="6"></ehrenamt-card>`,
};
