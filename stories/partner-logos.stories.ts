import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/partner-logos/partner-logos.js';

const meta: Meta = {
  title: 'Widgets/partner-logos',
  component: 'partner-logos',
  parameters: {
    docs: {
      description: {
        component:
          'Partner- und Förderlogos in Gruppen („Ein Gemeinschaftsprojekt von …“, „Gefördert durch …“): gleiche optische Größe (nach Fläche), reservierter Platz (kein Verrutschen), kaputte Logos werden zum Namen, Druck als Text.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const logo = (file: string, width?: number, height?: number, darkSrc?: string) => ({ src: `/assets/logos/${file}`, width, height, darkSrc });

/** The funders alone, with the sentence the funder requires under the logos. */
const funders = {
  groups: [
    {
      heading: 'Gefördert durch',
      notice: 'Gefördert durch das Musterministerium für Regionale Entwicklung aufgrund eines Beschlusses des Deutschen Bundestages. (Beispieltext)',
      greyscale: false,
      partners: [
        { name: 'Musterministerium für Regionale Entwicklung', minHeight: 96, scale: false, logo: logo('musterministerium.svg', 240, 160, '/assets/logos/musterministerium-dark.svg') },
        { name: 'Musterstiftung Ländlicher Raum', url: 'https://example.org/', newTab: true, logo: logo('musterstiftung.svg', 280, 70, '/assets/logos/musterstiftung-dark.svg') },
      ],
    },
  ],
};

/** The workshop's block: "Ein Gemeinschaftsprojekt von …" and "Gefördert durch …", from the sample feed. */
export const Workshop: Story = {
  render: () => html`<partner-logos eager src="/data/partners.json"></partner-logos>`,
};

export const FundersWithNotice: Story = {
  name: 'Funders with notice',
  render: () => html`<partner-logos eager .data=${funders}></partner-logos>`,
};

/** Greyscale until hover or focus; the funders' group keeps its colours (it opts out in the feed). */
export const Greyscale: Story = {
  render: () => html`<partner-logos eager greyscale src="/data/partners.json"></partner-logos>`,
};

export const Row: Story = {
  render: () => html`<partner-logos eager layout="row" min-height="36" src="/data/partners.json"></partner-logos>`,
};

/** Moves only when the logos do not fit (here: a narrow column); pause button, stops on hover and focus. */
export const StripMoving: Story = {
  name: 'Strip (moving)',
  render: () => html`<div style="max-width: 34rem"><partner-logos eager layout="strip" src="/data/partners.json"></partner-logos></div>`,
};

/**
 * With the system setting "reduce motion" (prefers-reduced-motion) the same strip never moves:
 * all logos are shown wrapped, without the pause button. Switch the setting in your OS (or in the
 * browser's rendering tools) to see it here.
 */
export const StripReducedMotion: Story = {
  name: 'Strip (reduced motion)',
  render: () => html`<p><small>Bei „Bewegung reduzieren“ im System steht dieses Laufband still und zeigt alle Logos.</small></p>
    <div style="max-width: 34rem"><partner-logos eager layout="strip" src="/data/partners.json"></partner-logos></div>`,
};

/** A logo that cannot be loaded becomes the partner's name, in the same box. */
export const BrokenLogos: Story = {
  name: 'Broken logos',
  render: () => html`<partner-logos
    eager
    .data=${{
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
    }}
  ></partner-logos>`,
};

export const DarkMode: Story = {
  name: 'Dark mode',
  render: () => html`<div style="background: #15191c; padding: 1.5rem">
    <partner-logos eager theme="dark" src="/data/partners.json"></partner-logos>
  </div>`,
};

/** Names as text; printing always looks like this. */
export const TextOnly: Story = {
  name: 'Text only',
  render: () => html`<partner-logos eager text-only target="_blank" src="/data/partners.json"></partner-logos>`,
};

export const English: Story = {
  render: () => html`<partner-logos
    eager
    lang="en"
    layout="strip"
    .data=${{ groups: [{ ...funders.groups[0], heading: 'Funded by', notice: 'Funded by the Sample Ministry for Regional Development on the basis of a decision by the German Bundestag. (sample text)' }] }}
  ></partner-logos>`,
};

/** A feed request that never answers (only for URLs with `st-hang`), to show the loading state. */
function hangingFeed(): string {
  const w = window as typeof window & { __stHang?: boolean };
  if (!w.__stHang) {
    const real = window.fetch.bind(window);
    window.fetch = (input, init) => (String(input instanceof Request ? input.url : input).includes('st-hang') ? new Promise(() => {}) : real(input, init));
    w.__stHang = true;
  }
  return '/data/partners.json?st-hang';
}

export const Loading: Story = {
  render: () => html`<partner-logos eager timeout="600" src=${hangingFeed()}></partner-logos>`,
};

/** Fallback content in the tag stays visible while loading and when the feed fails. */
export const FallbackContent: Story = {
  name: 'Fallback content',
  render: () => html`<partner-logos eager src="/data/gibt-es-nicht.json">
    <p>Ein Gemeinschaftsprojekt von IÖW, BTU Cottbus-Senftenberg, Bundesverband Soziokultur, heimatBEWEGEN e.V., Netzwerk Zukunftsorte und Werktewandel e.V.</p>
  </partner-logos>`,
};

export const Empty: Story = {
  render: () => html`<partner-logos eager .data=${{ groups: [{ heading: 'Gefördert durch', partners: [] }] }}></partner-logos>`,
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<partner-logos eager src="/data/gibt-es-nicht.json"></partner-logos>`,
};

/** Unsafe links and logos are dropped (see the console): no link for javascript:, the name instead of a data: logo. */
export const BadData: Story = {
  name: 'Bad data',
  render: () => html`<partner-logos
    eager
    .data=${{
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
    }}
  ></partner-logos>`,
};
