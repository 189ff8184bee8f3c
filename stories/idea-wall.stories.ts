import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/idea-wall/idea-wall.js';
import type { IdeaWall } from '../src/idea-wall/idea-wall.component.js';
import { widgetRoot } from './support/shadow.js';
import { renderWidget } from './support/widget-args.js';

const ideas = 'data/ideas.json';
const settled = '.card, [part="error"], [part="empty"]';

const meta: Meta = {
  title: 'Widgets/idea-wall',
  component: 'idea-wall',
  render: renderWidget('idea-wall'),
  // Storybook's own page is `lang="en"`; the widgets follow the page, so the German stories say so.
  args: { eager: true, lang: 'de' },
};
export default meta;
type Story = StoryObj;

/** The sample feed (23 ideas) with supports and the submit form switched on; only ideas still open take support. */
export const Data: Story = {
  args: { src: ideas, 'support-endpoint': '/api/support', 'submit-endpoint': '/api/ideas', 'privacy-url': '#datenschutz', onStLoad: fn() },
  play: async ({ canvasElement, args }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'idea-wall', settled);
    // The first screen of cards comes first, the rest right after it (all 23 a moment later).
    await waitFor(() => expect(root.querySelectorAll('.card').length).toBe(23));
    await expect(await screen.findByText('Was aus den Ideen wird')).toBeTruthy();
    // `support-statuses` (default new, review, planned, in-progress): done, declined and withdrawn ideas take no support.
    const feed = (await (await fetch(ideas)).json()) as { ideas: { status: string }[] };
    const open = feed.ideas.filter((idea) => ['new', 'review', 'planned', 'in-progress'].includes(idea.status)).length;
    await expect(open).toBeLessThan(23);
    await expect(screen.getAllByRole('button', { name: /Unterstützen/ }).length).toBe(open);
    await waitFor(() => expect(args.onStLoad).toHaveBeenCalledTimes(1));
    const detail = (args.onStLoad as ReturnType<typeof fn>).mock.calls[0][0].detail;
    await expect(detail.count).toBe(23);
  },
};

/** `sort="support"`: the most supported idea first. */
export const SortedBySupport: Story = {
  args: { src: ideas, sort: 'support' },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'idea-wall', '.card');
    const counts = [...root.querySelectorAll('.card')].map((c) => Number(c.querySelector('.count')?.textContent?.match(/\d+/)?.[0] ?? 0));
    await expect(counts.join(',')).toBe([...counts].sort((a, b) => b - a).join(','));
    await expect(root.querySelector('.card')?.getAttribute('data-id')).toBe('skateanlage');
  },
};

export const ListLayout: Story = {
  args: { src: ideas, layout: 'list' },
};

/** A feed that does not answer: the placeholder holds the room and says it is loading. */
export const Loading: Story = {
  args: { src: 'data/slow.json' },
  play: async ({ canvasElement }) => {
    const { screen } = await widgetRoot(canvasElement, 'idea-wall', '[part="loading"]');
    await expect((await screen.findByRole('status')).textContent).toContain('Wird geladen');
  },
};

export const Empty: Story = {
  args: { data: { title: 'Ideen für Harzstedt', ideas: [] } },
  play: async ({ canvasElement }) => {
    const { screen } = await widgetRoot(canvasElement, 'idea-wall', settled);
    await expect(await screen.findByText('Noch keine Ideen eingetragen.')).toBeTruthy();
  },
};

/** A missing feed: a calm message in the page's language, a retry button, the detail folded away, and `st-error`. */
export const LoadError: Story = {
  name: 'Error',
  args: { src: 'data/gibt-es-nicht.json', onStError: fn() },
  play: async ({ canvasElement, args }) => {
    const { screen } = await widgetRoot(canvasElement, 'idea-wall', settled);
    await expect(await screen.findByText('Die Ideen können gerade nicht angezeigt werden.')).toBeTruthy();
    await expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
    await waitFor(() => expect(args.onStError).toHaveBeenCalled());
    const detail = (args.onStError as ReturnType<typeof fn>).mock.calls[0][0].detail;
    await expect(detail.status).toBe(404);
  },
};

const bad = {
  categories: [{ id: 'kultur', label: 'Kultur', color: 'url(javascript:alert(1))' }],
  ideas: [
    {
      id: 'html',
      title: '<b>Fett?</b> <script>alert(1)</script>',
      description: 'Ein <img src=x onerror=alert(1)> Bild',
      category: 'kultur',
      image: { src: 'javascript:alert(1)', alt: '' },
    },
    { id: 'unknown', title: 'Unbekannte Kategorie und Status', category: 'sport', status: 'vertagt' },
    { id: 'long', title: 'Sehr lange Beschreibung', description: 'Lorem ipsum dolor sit amet. '.repeat(2000) },
    { id: 'html', title: 'Doppelte ID (wird übersprungen)' },
    { id: 'no-title', description: 'Ohne Titel (wird übersprungen)' },
  ],
};

/** Markup in the feed stays text, unsafe URLs are dropped, broken entries are skipped (see the console). */
export const BadData: Story = {
  name: 'Bad data',
  args: { data: bad },
  play: async ({ canvasElement }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'idea-wall', settled);
    await expect(root.querySelectorAll('.card').length).toBe(3);
    await expect(await screen.findByText('<b>Fett?</b> <script>alert(1)</script>')).toBeTruthy();
    await expect(root.querySelectorAll('b, script, img').length).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: /Fett\?/ }));
    await waitFor(() => expect(root.querySelector('dialog')?.open).toBe(true));
    await expect(root.querySelectorAll('dialog img').length).toBe(0);
  },
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

/** 10,000 ideas: the first page shows, "Mehr laden" adds the next. (Not on the docs page: too heavy next to the others.) */
export const TenThousandIdeas: Story = {
  tags: ['!autodocs'],
  render: renderWidget('idea-wall', { extra: { data: many } }),
};

/** A visitor opens an idea: the dialog shows it, and `st-idea-select` tells the page which. */
export const DetailOpen: Story = {
  args: { src: ideas, onStIdeaSelect: fn() },
  play: async ({ canvasElement, args }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'idea-wall', '.card');
    await userEvent.click(screen.getByRole('button', { name: 'Das rollende Sofa' }));
    await waitFor(() => expect(root.querySelector('dialog')?.open).toBe(true));
    await expect(root.querySelector('#detail-title')?.textContent).toBe('Das rollende Sofa');
    await expect(args.onStIdeaSelect).toHaveBeenCalledTimes(1);
    await expect((args.onStIdeaSelect as ReturnType<typeof fn>).mock.calls[0][0].detail.id).toBe('rollendes-sofa');
    // Focus is inside the dialog, not lost to <body>.
    await expect(root.querySelector('dialog')?.contains(root.activeElement)).toBe(true);
  },
};

export const SubmitOpen: Story = {
  args: { src: ideas, 'submit-endpoint': '/api/ideas', 'privacy-url': '#datenschutz' },
  play: async ({ canvasElement }) => {
    const { screen } = await widgetRoot(canvasElement, 'idea-wall', '.card');
    await userEvent.click(screen.getByRole('button', { name: /Idee einreichen/ }));
    await expect(await screen.findByLabelText('Titel *', {}, { timeout: 10_000 })).toBeTruthy();
    await expect(screen.getByLabelText('Beschreibung *')).toBeTruthy();
    await expect(screen.getByRole('button', { name: 'Idee absenden' })).toBeTruthy();
  },
};

/** No server behind the endpoint: a clear message, and what the visitor typed is still there. */
export const SubmitFailed: Story = {
  args: { src: ideas, 'submit-endpoint': '/api/nicht-erreichbar', 'privacy-url': '#datenschutz' },
  play: async ({ canvasElement }) => {
    localStorage.clear();
    const { el, root, screen } = await widgetRoot<IdeaWall>(canvasElement, 'idea-wall', '.card');
    await userEvent.click(screen.getByRole('button', { name: /Idee einreichen/ }));
    const title = await screen.findByLabelText<HTMLInputElement>('Titel *', {}, { timeout: 10_000 });
    await userEvent.type(title, 'Trinkwasserbrunnen am Bahnhof');
    await userEvent.type(screen.getByLabelText('Beschreibung *'), 'Im Sommer brauchen Reisende und Pendler*innen Wasser.');
    const category = root.querySelector<HTMLSelectElement>('select[name="category"]');
    if (category) await userEvent.selectOptions(category, 'ortsbild');
    await userEvent.click(root.querySelector<HTMLInputElement>('input[name="consent"]')!);
    await el.updateComplete;
    await userEvent.click(screen.getByRole('button', { name: 'Idee absenden' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert.textContent).toContain('Ihre Idee konnte nicht gesendet werden.');
    await expect(root.querySelector<HTMLInputElement>('input[name="title"]')?.value).toBe('Trinkwasserbrunnen am Bahnhof');
  },
};

export const Decidim: Story = {
  args: { format: 'decidim', src: 'data/ideas-decidim.json?component=42&results=43' },
};

export const Consul: Story = {
  args: { format: 'consul', src: 'data/ideas-consul.json', sort: 'support' },
};

export const English: Story = {
  args: { lang: 'en', src: ideas, 'support-endpoint': '/api/support', 'submit-endpoint': '/api/ideas' },
};

export const DarkTheme: Story = {
  args: { theme: 'dark', src: ideas },
};
