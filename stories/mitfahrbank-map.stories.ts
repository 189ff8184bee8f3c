import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/mitfahrbank-map/mitfahrbank-map.js';

const meta: Meta = {
  title: 'Widgets/mitfahrbank-map',
  component: 'mitfahrbank-map',
};
export default meta;

/** Before consent: the placeholder names the tile provider; no tile has been requested. */
export const ConsentPlaceholder: StoryObj = {
  render: () => html`<mitfahrbank-map eager src="/data/benches.json" privacy-url="#datenschutz"></mitfahrbank-map>`,
};

/** The site's consent manager has already asked (`consent="granted"`). */
export const MapShown: StoryObj = {
  render: () => html`<mitfahrbank-map eager consent="granted" src="/data/benches.json"></mitfahrbank-map>`,
};

export const List: StoryObj = {
  render: () => html`<mitfahrbank-map eager view="list" src="/data/benches.json"></mitfahrbank-map>`,
};

export const DestinationFilter: StoryObj = {
  render: () => html`<mitfahrbank-map eager view="list" destination="Quedlinburg" src="/data/benches.json"></mitfahrbank-map>`,
};

export const DetailsOpen: StoryObj = {
  render: () => html`<mitfahrbank-map eager selected="harzstedt-markt" src="/data/benches.json"></mitfahrbank-map>`,
};

export const Empty: StoryObj = {
  render: () => html`<mitfahrbank-map eager .data=${{ benches: [] }}></mitfahrbank-map>`,
};

export const LoadError: StoryObj = {
  render: () => html`<mitfahrbank-map eager src="/data/does-not-exist.json"></mitfahrbank-map>`,
};

/** A tile server that fails: a quiet note, markers and list keep working. */
export const TilesFail: StoryObj = {
  render: () => html`<mitfahrbank-map eager consent="granted" tile-url="/data/no-tiles/{z}/{x}/{y}.png" src="/data/benches.json"></mitfahrbank-map>`,
};

const tenThousand = {
  benches: Array.from({ length: 10000 }, (_, i) => ({
    id: `b${i}`,
    name: `Bank ${i + 1}`,
    municipality: `Ort ${Math.floor(i / 100) + 1}`,
    position: { lat: 50.3 + ((i * 7919) % 10000) / 10000 * 3, lon: 8 + ((i * 104729) % 10000) / 10000 * 6 },
    destinations: [['Quedlinburg', 'Thale', 'Gernrode', 'Harzgerode'][i % 4]],
  })),
};

export const TenThousandBenches: StoryObj = {
  render: () => html`<mitfahrbank-map eager consent="granted" .data=${tenThousand}></mitfahrbank-map>`,
};

/** A uMap/GeoJSON export: property names such as `Name`, `Ziele`, `Gemeinde`; a line is skipped with a warning. */
export const GeoJsonInput: StoryObj = {
  render: () => html`<mitfahrbank-map eager view="list" format="geojson" src="/data/benches.geojson"></mitfahrbank-map>`,
};

/** OpenStreetMap via the Overpass API (`out json`): `name`, `destination`, `addr:city` tags. */
export const OsmOverpassInput: StoryObj = {
  render: () => html`<mitfahrbank-map eager view="list" format="overpass" src="/data/benches-overpass.json"></mitfahrbank-map>`,
};

export const English: StoryObj = {
  render: () => html`<mitfahrbank-map eager lang="en" src="/data/benches.json"></mitfahrbank-map>`,
};
