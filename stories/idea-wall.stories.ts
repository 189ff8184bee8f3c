import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/idea-wall/idea-wall.js';
import type { IdeaWall } from '../src/idea-wall/idea-wall.component.js';

/**
 * The sample files are served at /data/. Platforms are asked by POST (GraphQL); Storybook's
 * static server only answers GET, so POSTs to /data/ are turned into GETs of the fixture in
 * that platform's shape. The adapter code runs exactly as in production.
 */
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  if (init?.method === 'POST' && new URL(url, location.href).pathname.startsWith('/data/')) return realFetch(url);
  if (new URL(url, location.href).pathname === '/data/slow.json') return new Promise<Response>(() => {});
  return realFetch(input, init);
};

const meta: Meta = {
  title: 'Widgets/idea-wall',
  component: 'idea-wall',
};
export default meta;

const wall = (canvas: HTMLElement) => canvas.querySelector<IdeaWall>('idea-wall')!;
async function ready(canvas: HTMLElement): Promise<ShadowRoot> {
  for (let i = 0; i < 100; i++) {
    const root = wall(canvas)?.shadowRoot;
    if (root?.querySelector('.card, [part="error"], [part="empty"]')) return root;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('idea-wall did not render');
}

export const Data: StoryObj = {
  render: () => html`<idea-wall eager src="/data/ideas.json" support-endpoint="/api/support" submit-endpoint="/api/ideas" privacy-url="#datenschutz"></idea-wall>`,
};

export const ListLayout: StoryObj = {
  render: () => html`<idea-wall eager layout="list" src="/data/ideas.json"></idea-wall>`,
};

export const Loading: StoryObj = {
  render: () => html`<idea-wall eager src="/data/slow.json"></idea-wall>`,
};

export const Empty: StoryObj = {
  render: () => html`<idea-wall eager .data=${{ title: 'Ideen für Harzstedt', ideas: [] }}></idea-wall>`,
};

export const LoadError: StoryObj = {
  name: 'Error',
  render: () => html`<idea-wall eager src="/data/gibt-es-nicht.json"></idea-wall>`,
};

const bad = {
  categories: [{ id: 'kultur', label: 'Kultur', color: 'url(javascript:alert(1))' }],
  ideas: [
    { id: 'html', title: '<b>Fett?</b> <script>alert(1)</script>', description: 'Ein <img src=x onerror=alert(1)> Bild', category: 'kultur', image: { src: 'javascript:alert(1)', alt: '' } },
    { id: 'unknown', title: 'Unbekannte Kategorie und Status', category: 'sport', status: 'vertagt' },
    { id: 'long', title: 'Sehr lange Beschreibung', description: 'Lorem ipsum dolor sit amet. '.repeat(2000) },
    { id: 'html', title: 'Doppelte ID (wird übersprungen)' },
    { id: 'no-title', description: 'Ohne Titel (wird übersprungen)' },
  ],
};
export const BadData: StoryObj = {
  render: () => html`<idea-wall eager .data=${bad}></idea-wall>`,
};

const statuses = ['new', 'review', 'planned', 'in-progress', 'done', 'declined', 'withdrawn'];
const words = ['Bank', 'Brunnen', 'Spielplatz', 'Radweg', 'Fest', 'Garten', 'Bus', 'Bücherei', 'Straße', 'Café', 'Markt', 'Jugendclub'];
const many = {
  title: '10.000 Ideen',
  categories: [
    { id: 'a', label: 'Begegnung', color: '#c2410c' },
    { id: 'b', label: 'Mobilität', color: '#0369a1' },
    { id: 'c', label: 'Natur', color: '#15803d' },
  ],
  ideas: Array.from({ length: 10_000 }, (_, i) => ({
    id: `i${i}`,
    reference: `2025-${String(i + 1).padStart(5, '0')}`,
    title: `${words[i % words.length]} ${words[(i * 7) % words.length]} Nr. ${i + 1}`,
    description: `Vorschlag ${i + 1}: mehr ${words[(i * 3) % words.length]} für Harzstedt und die Ortsteile.`,
    category: 'abc'[i % 3],
    status: statuses[i % statuses.length],
    supporters: (i * 37) % 200,
    created: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
  })),
};
export const TenThousandIdeas: StoryObj = {
  render: () => html`<idea-wall eager .data=${many}></idea-wall>`,
};

export const DetailOpen: StoryObj = {
  render: () => html`<idea-wall eager src="/data/ideas.json"></idea-wall>`,
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    root.querySelector<HTMLButtonElement>('[data-id="rollendes-sofa"] .open')?.click();
  },
};

export const SubmitOpen: StoryObj = {
  render: () => html`<idea-wall eager src="/data/ideas.json" submit-endpoint="/api/ideas" privacy-url="#datenschutz"></idea-wall>`,
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    root.querySelector<HTMLButtonElement>('.submit-open button')?.click();
  },
};

export const SubmitFailed: StoryObj = {
  // No server behind this endpoint in Storybook: the answer is not the contract's JSON.
  render: () => html`<idea-wall eager src="/data/ideas.json" submit-endpoint="/api/nicht-erreichbar" privacy-url="#datenschutz"></idea-wall>`,
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    root.querySelector<HTMLButtonElement>('.submit-open button')?.click();
    let form: HTMLFormElement | null = null;
    for (let i = 0; i < 100 && !form; i++) {
      await new Promise((r) => setTimeout(r, 50));
      form = root.querySelector('form.form');
    }
    if (!form) return;
    const set = (name: string, value: string) => {
      const el = form!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      el.value = value;
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
    };
    set('title', 'Trinkwasserbrunnen am Bahnhof');
    set('description', 'Im Sommer brauchen Reisende und Pendler*innen Wasser.');
    set('category', 'ortsbild');
    const consent = form.querySelector<HTMLInputElement>('[name="consent"]')!;
    consent.checked = true;
    consent.dispatchEvent(new Event('change'));
    await wall(canvasElement).updateComplete;
    form.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
  },
};

export const Decidim: StoryObj = {
  render: () => html`<idea-wall eager format="decidim" src="/data/ideas-decidim.json?component=42&results=43"></idea-wall>`,
};

export const Consul: StoryObj = {
  render: () => html`<idea-wall eager format="consul" src="/data/ideas-consul.json" sort="support"></idea-wall>`,
};

export const English: StoryObj = {
  render: () => html`<idea-wall eager lang="en" src="/data/ideas.json" support-endpoint="/api/support" submit-endpoint="/api/ideas"></idea-wall>`,
};

export const DarkTheme: StoryObj = {
  render: () => html`<idea-wall eager theme="dark" src="/data/ideas.json"></idea-wall>`,
};
