import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/mitfahrbank-map/mitfahrbank-map.js';
import { widgetRoot } from './support/shadow.js';
import { renderWidget } from './support/widget-args.js';

const benches = 'data/benches.json';
const settled = '[part="base"], [part="error"]';

const meta: Meta = {
  title: 'Widgets/mitfahrbank-map',
  component: 'mitfahrbank-map',
  render: renderWidget('mitfahrbank-map'),
  // Storybook's own page is `lang="en"`; the widgets follow the page, so the German stories say so.
  args: { eager: true, lang: 'de' },
};
export default meta;
type Story = StoryObj;

/** Tiles are third-party: before consent the placeholder names the provider, and no tile is requested. */
export const ConsentPlaceholder: Story = {
  args: { src: benches, 'privacy-url': '#datenschutz' },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'mitfahrbank-map', '[part="base"]');
    await expect(root.querySelector('.status')?.textContent).toBe('14 Mitfahrbänke');
    const map = await waitFor(() => {
      const button = root.querySelector('st-map')?.shadowRoot?.querySelector('button');
      if (!button) throw new Error('no consent placeholder yet');
      return button;
    });
    await expect(map.textContent).toContain('Karte laden');
    await expect(performance.getEntriesByType('resource').some((e) => e.name.includes('tile.openstreetmap.org'))).toBe(false);
  },
};

/** The site's consent manager has already asked (`consent="granted"`). */
export const MapShown: Story = {
  args: { src: benches, consent: 'granted' },
};

export const List: Story = {
  args: { src: benches, view: 'list' },
  play: async ({ canvasElement }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'mitfahrbank-map', '.item');
    await expect(root.querySelectorAll('.item').length).toBe(14);
    await expect(screen.getByRole('button', { name: 'Liste' }).getAttribute('aria-pressed')).toBe('true');
  },
};

/** A visitor picks a destination: the list and the count follow. */
export const DestinationFilter: Story = {
  args: { src: benches, view: 'list' },
  play: async ({ canvasElement }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'mitfahrbank-map', '.item');
    const select = screen.getByLabelText<HTMLSelectElement>('Wohin möchten Sie?');
    const option = [...select.options].find((o) => o.textContent!.trim() === 'Quedlinburg')!;
    await userEvent.selectOptions(select, option);
    await waitFor(() =>
      expect(root.querySelector('.status')?.textContent).toMatch(/^\d+ von 14 Bänken (fährt|fahren) nach Quedlinburg\.$/),
    );
    const shown = Number(root.querySelector('.status')!.textContent!.match(/^\d+/)![0]);
    await expect(root.querySelectorAll('.item').length).toBe(shown);
    await expect(shown).toBeLessThan(14);
  },
};

export const DetailsOpen: Story = {
  args: { src: benches, selected: 'harzstedt-markt' },
};

export const Loading: Story = {
  args: { src: 'data/slow.json' },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'mitfahrbank-map', '[part="loading"]');
    await expect(root.querySelector('[part="loading"]')?.textContent).toContain('Wird geladen');
  },
};

export const Empty: Story = {
  args: { data: { benches: [] } },
  play: async ({ canvasElement }) => {
    const { root } = await widgetRoot(canvasElement, 'mitfahrbank-map', '[part="empty"]');
    await expect(root.querySelector('[part="empty"]')?.textContent).toBe('Noch keine Bänke eingetragen.');
  },
};

export const LoadError: Story = {
  name: 'Error',
  args: { src: 'data/does-not-exist.json', onStError: fn() },
  play: async ({ canvasElement, args }) => {
    const { screen } = await widgetRoot(canvasElement, 'mitfahrbank-map', settled);
    await expect(await screen.findByText('Die Mitfahrbänke können gerade nicht angezeigt werden.')).toBeTruthy();
    await waitFor(() => expect(args.onStError).toHaveBeenCalled());
  },
};

/** Markup stays text; swapped coordinates, duplicates and benches without a position are skipped (see the console). */
export const BadData: Story = {
  name: 'Bad data',
  args: {
    view: 'list',
    data: {
      benches: [
        {
          id: 'markt',
          name: '<b>Markt</b> <script>alert(1)</script>',
          position: { lat: 51.7331, lon: 11.2622 },
          destinations: ['Quedlinburg'],
          photo: { src: 'javascript:alert(1)', alt: 'Foto' },
        },
        { id: 'bahnhof', name: 'Bahnhof', position: { lat: 51.7402, lon: 11.2418 } },
        { id: 'nord', name: 'Nord', position: { lat: 51.7451, lon: 11.2555 } },
        { id: 'vertauscht', name: 'Vertauscht', position: { lat: 11.25, lon: 51.73 } },
        { id: 'markt', name: 'Doppelte ID', position: { lat: 51.73, lon: 11.26 } },
        { id: 'ohne-ort', name: 'Ohne Position' },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { root, screen } = await widgetRoot(canvasElement, 'mitfahrbank-map', '.item');
    await expect([...root.querySelectorAll('.item')].map((i) => i.getAttribute('data-id')).join(',')).toBe('markt,bahnhof,nord');
    await expect(screen.getByRole('button', { name: '<b>Markt</b> <script>alert(1)</script>' })).toBeTruthy();
    await expect(root.querySelectorAll('b, script').length).toBe(0);
  },
};

/** A tile server that fails: a quiet note, markers and list keep working. */
export const TilesFail: Story = {
  args: { src: benches, consent: 'granted', 'tile-url': 'data/no-tiles/{z}/{x}/{y}.png' },
};

const tenThousand = {
  benches: Array.from({ length: 10000 }, (_, i) => ({
    id: `b${i}`,
    name: `Bank ${i + 1}`,
    municipality: `Ort ${Math.floor(i / 100) + 1}`,
    position: { lat: 50.3 + (((i * 7919) % 10000) / 10000) * 3, lon: 8 + (((i * 104729) % 10000) / 10000) * 6 },
    destinations: [['Quedlinburg', 'Thale', 'Gernrode', 'Harzgerode'][i % 4]],
  })),
};

/** 10,000 benches, clustered. (Not on the docs page: too heavy next to the others.) */
export const TenThousandBenches: Story = {
  tags: ['!autodocs'],
  args: { consent: 'granted' },
  render: renderWidget('mitfahrbank-map', { extra: { data: tenThousand } }),
};

/** A uMap/GeoJSON export: property names such as `Name`, `Ziele`, `Gemeinde`; a line is skipped with a warning. */
export const GeoJsonInput: Story = {
  args: { view: 'list', format: 'geojson', src: 'data/benches.geojson' },
};

/** OpenStreetMap via the Overpass API (`out json`): `name`, `destination`, `addr:city` tags. */
export const OsmOverpassInput: Story = {
  args: { view: 'list', format: 'overpass', src: 'data/benches-overpass.json' },
};

export const English: Story = {
  args: { lang: 'en', src: benches },
};
