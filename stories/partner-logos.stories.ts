import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/partner-logos/partner-logos.js';
import { widgetRoot } from './support/shadow.js';
import { renderWidget } from './support/widget-args.js';

const partners = 'data/partners.json';

const meta: Meta = {
  title: 'Widgets/partner-logos',
  component: 'partner-logos',
  render: renderWidget('partner-logos'),
  // Storybook's own page is `lang="en"`; the widgets follow the page, so the German stories say so.
  args: { eager: true, lang: 'de' },
};
export default meta;
type Story = StoryObj;

const logo = (file: string, width?: number, height?: number, darkSrc?: string) => ({ src: `assets/logos/${file}`, width, height, darkSrc });

/** The funders alone, with the sentence the funder requires under the logos. */
const funders = {
  groups: [
    {
      heading: 'Gefördert durch',
      notice:
        'Gefördert durch das Musterministerium für Regionale Entwicklung aufgrund eines Beschlusses des Deutschen Bundestages. (Beispieltext)',
      greyscale: false,
      partners: [
        {
          name: 'Musterministerium für Regionale Entwicklung',
          minHeight: 96,
          scale: false,
          logo: logo('musterministerium.svg', 240, 160, 'assets/logos/musterministerium-dark.svg'),
        },
        {
          name: 'Musterstiftung Ländlicher Raum',
          url: 'https://example.org/',
          newTab: true,
          logo: logo('musterstiftung.svg', 280, 70, 'assets/logos/musterstiftung-dark.svg'),
        },
      ],
    },
  ],
};

/** The workshop's block: "Ein Gemeinschaftsprojekt von …" and "Gefördert durch …", from the sample feed. */
export const Workshop: Story = {
  args: { src: partners, onStLoad: fn() },
  play: async ({ canvasElement, args }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="item"]');
    await expect([...root.querySelectorAll('[part="heading"]')].map((h) => h.textContent).join(' | ')).toBe(
      'Ein Gemeinschaftsprojekt von | Gefördert durch',
    );
    await expect(root.querySelectorAll('[part="item"]').length).toBe(8);
    // Every logo has a text alternative: the partner's name.
    await expect([...root.querySelectorAll('img')].every((img) => img.alt.trim().length > 0)).toBe(true);
    await waitFor(() => expect(args.onStLoad).toHaveBeenCalled());
  },
};

export const FundersWithNotice: Story = {
  name: 'Funders with notice',
  args: { data: funders },
};

/** Greyscale until hover or focus; the funders' group keeps its colours (it opts out in the feed). */
export const Greyscale: Story = {
  args: { src: partners, greyscale: true },
};

export const Row: Story = {
  args: { src: partners, layout: 'row', 'min-height': 36 },
};

/** Moves only when the logos do not fit (here: a narrow column); pause button, stops on hover and focus. */
export const StripMoving: Story = {
  name: 'Strip (moving)',
  args: { src: partners, layout: 'strip' },
  render: renderWidget('partner-logos', { wrap: (widget) => html`<div style="max-width: 34rem">${widget}</div>` }),
};

/**
 * With the system setting "reduce motion" (prefers-reduced-motion) the same strip never moves:
 * all logos are shown wrapped, without the pause button. Switch the setting in your OS (or in the
 * browser's rendering tools) to see it here.
 */
export const StripReducedMotion: Story = {
  name: 'Strip (reduced motion)',
  args: { src: partners, layout: 'strip' },
  render: renderWidget('partner-logos', {
    wrap: (widget) => html`<p><small>Bei „Bewegung reduzieren“ im System steht dieses Laufband still und zeigt alle Logos.</small></p>
      <div style="max-width: 34rem">${widget}</div>`,
  }),
};

/** A logo that cannot be loaded becomes the partner's name, in the same box. */
export const BrokenLogos: Story = {
  name: 'Broken logos',
  args: {
    data: {
      groups: [
        {
          heading: 'Ein Gemeinschaftsprojekt von',
          partners: [
            { name: 'Institut für ökologische Wirtschaftsforschung IÖW', logo: logo('ioew.svg', 260, 80) },
            { name: 'Verein mit verschobenem Logo', url: 'https://example.org/', logo: logo('gibt-es-nicht.svg', 200, 100) },
            { name: 'Bundesverband Soziokultur', logo: logo('soziokultur.svg', 120, 120) },
            { name: 'Logo ohne Maße', logo: logo('zukunftsorte.svg') },
          ],
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="item"]');
    const item = () => [...root.querySelectorAll('[part="item"]')].find((i) => i.textContent!.includes('Verein mit verschobenem Logo'))!;
    await waitFor(() => expect(item().querySelectorAll('img').length).toBe(0), { timeout: 10_000 });
    await expect(item().querySelector('[part="name"]')?.textContent).toBe('Verein mit verschobenem Logo');
    await expect(root.querySelectorAll('img').length).toBe(3);
  },
};

export const DarkMode: Story = {
  name: 'Dark mode',
  args: { src: partners, theme: 'dark' },
  render: renderWidget('partner-logos', { wrap: (widget) => html`<div style="background: #15191c; padding: 1.5rem">${widget}</div>` }),
};

/** Names as text; printing always looks like this. */
export const TextOnly: Story = {
  name: 'Text only',
  args: { src: partners, 'text-only': true, target: '_blank' },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="item"]');
    await expect(root.querySelectorAll('img').length).toBe(0);
    await expect(root.querySelectorAll('[part="name"]').length).toBe(8);
  },
};

export const English: Story = {
  args: {
    lang: 'en',
    layout: 'strip',
    data: {
      groups: [
        {
          ...funders.groups[0],
          heading: 'Funded by',
          notice:
            'Funded by the Sample Ministry for Regional Development on the basis of a decision by the German Bundestag. (sample text)',
        },
      ],
    },
  },
};

export const Loading: Story = {
  args: { src: 'data/slow.json', timeout: 600 },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="loading"]');
    await expect(root.querySelector('[part="loading"]')?.textContent).toContain('Wird geladen');
  },
};

/** Fallback content in the tag stays visible while loading and when the feed fails. */
export const FallbackContent: Story = {
  name: 'Fallback content',
  args: { src: 'data/gibt-es-nicht.json' },
  render: renderWidget('partner-logos', {
    content: html`<p>Ein Gemeinschaftsprojekt von IÖW, BTU Cottbus-Senftenberg, Bundesverband Soziokultur, heimatBEWEGEN e.V., Netzwerk Zukunftsorte und Werktewandel e.V.</p>`,
  }),
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="error"]');
    await expect(root.querySelector('[part="error"] slot') !== null).toBe(true);
    await expect(canvasElement.querySelector('partner-logos p')?.textContent).toContain('Ein Gemeinschaftsprojekt von');
  },
};

export const Empty: Story = {
  args: { data: { groups: [{ heading: 'Gefördert durch', partners: [] }] } },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="empty"]');
    await expect(root.querySelector('[part="empty"]')?.textContent).toBe('Noch keine Partner eingetragen.');
  },
};

export const ErrorState: Story = {
  name: 'Error',
  args: { src: 'data/gibt-es-nicht.json', onStError: fn() },
  play: async ({ canvasElement, args }) => {
    const { screen } = await widgetRoot(canvasElement, 'partner-logos', '[part="error"]');
    await expect(await screen.findByText('Die Partner können gerade nicht angezeigt werden.')).toBeTruthy();
    await waitFor(() => expect(args.onStError).toHaveBeenCalled());
  },
};

/** Unsafe links and logos are dropped (see the console): no link for javascript:, the name instead of a data: logo. */
export const BadData: Story = {
  name: 'Bad data',
  args: {
    data: {
      groups: [
        {
          heading: 'Partner',
          partners: [
            { name: 'javascript:-Link wird kein Link', url: 'javascript:alert(1)', logo: logo('ioew.svg', 260, 80) },
            { name: 'data:-Logo wird zum Namen', logo: { src: 'data:image/svg+xml,<svg/>', width: 10, height: 10 } },
            { name: '' },
          ],
        },
        { heading: 'Leere Gruppe (wird übersprungen)', partners: [] },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'partner-logos', '[part="item"]');
    await expect(root.querySelectorAll('[part="item"]').length).toBe(2);
    await expect(root.querySelectorAll('a').length).toBe(0);
    await expect(root.querySelectorAll('img[src^="data:"]').length).toBe(0);
    await expect(root.querySelectorAll('[part="heading"]').length).toBe(1);
  },
};
