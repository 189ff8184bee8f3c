// Generates the benchmark feeds into bench/.data/ (deterministic, so every run sees the same data):
// ideas-N.json (idea wall and the vanilla page), benches-N.json (bench map and the Leaflet
// baseline), ehrenamt-5000.json (Ehrenamtskarte with 5,000 partners).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

const words = (
  'Bank Sofa Markt Garten Jugend Treffpunkt Bücherei Spielplatz Radweg Bus Dorfladen Feuerwehr Verein Schule ' +
  'Kita Brunnen Park Wiese Baum Bühne Café Werkstatt Reparatur Nachbarschaft Senioren Kino Konzert Fest Musik Sport ' +
  'Schwimmbad Wanderweg Beleuchtung Parkplatz Ladestation Mitfahrbank Kiosk Hofladen Streuobst Blühstreifen Teich'
).split(' ');
const places = [
  'am Marktplatz',
  'im Schlosspark',
  'an der Grundschule',
  'im Neubaugebiet',
  'am Bahnhof',
  'in Selkeheim',
  'in Kronberg',
  'am Sportplatz',
  'an der Kirche',
  'im Gewerbegebiet',
];
const sentence = (r, n) =>
  Array.from({ length: n }, () => pick(r, words))
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase()) + '.';

export function ideas(n) {
  const r = rng(n);
  const demo = JSON.parse(readFileSync(`${root}demo/data/ideas.json`, 'utf8'));
  const statuses = ['new', 'review', 'planned', 'in-progress', 'done', 'declined'];
  const list = [];
  for (let i = 0; i < n; i++) {
    const title = `${pick(r, words)} ${pick(r, places)} ${i + 1}`;
    const status = pick(r, statuses);
    const idea = {
      id: `idee-${i + 1}`,
      reference: `2024-${String(i + 1).padStart(5, '0')}`,
      title,
      description: Array.from({ length: 3 + Math.floor(r() * 6) }, () => sentence(r, 8 + Math.floor(r() * 10))).join(' '),
      category: pick(r, demo.categories).id,
      tags: [pick(r, words), pick(r, words)],
      created: `202${3 + Math.floor(r() * 3)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      status,
      supporters: Math.floor(r() * 200),
    };
    if (status === 'in-progress') idea.progress = Math.floor(r() * 100);
    list.push(idea);
  }
  return { schemaVersion: 1, title: 'Ideen (Benchmark)', categories: demo.categories, ideas: list };
}

/** Points spread over Germany, denser around towns, like real benches or shops. */
function points(n, seed) {
  const r = rng(seed);
  const towns = Array.from({ length: 400 }, () => [47.4 + r() * 7.5, 6 + r() * 8.8]);
  return Array.from({ length: n }, () => {
    const [lat, lon] = pick(r, towns);
    const d = r() * r() * 0.35;
    const a = r() * Math.PI * 2;
    return [+(lat + Math.sin(a) * d).toFixed(5), +(lon + Math.cos(a) * d * 1.5).toFixed(5)];
  });
}

export function benches(n) {
  const r = rng(n + 7);
  const dest = places.map((p) => p.replace(/^(am|im|an der|in) /, ''));
  const pts = points(n, n);
  return {
    schemaVersion: 1,
    benches: pts.map(([lat, lon], i) => ({
      id: `bank-${i + 1}`,
      name: `Mitfahrbank ${pick(r, words)} ${i + 1}`,
      municipality: pick(r, dest),
      position: { lat, lon },
      destinations: [pick(r, dest), pick(r, dest)],
    })),
  };
}

export function ehrenamt(n) {
  const r = rng(n + 11);
  const demo = JSON.parse(readFileSync(`${root}demo/data/ehrenamt.json`, 'utf8'));
  const cats = ['mobility', 'multimedia', 'health', 'culture', 'services', 'fashion', 'home', 'leisure', 'food', 'other'];
  const cities = ['Harzstedt', 'Kronberg', 'Selkeheim', 'Ballenstedt', 'Quedlinburg', 'Gernrode', 'Meisdorf'];
  const pts = points(n, n + 3);
  demo.partners = pts.map(([lat, lng], i) => ({
    id: `partner-${i + 1}`,
    name: `${pick(r, ['Bäckerei', 'Café', 'Buchhandlung', 'Fahrradladen', 'Museum', 'Kino', 'Friseur', 'Hofladen', 'Gasthaus', 'Sportverein'])} ${pick(r, words)} ${i + 1}`,
    category: pick(r, cats),
    benefit: {
      de: `${5 + Math.floor(r() * 20)} % Rabatt auf ${pick(r, words)}`,
      en: `${5 + Math.floor(r() * 20)} % off ${pick(r, words)}`,
    },
    locations: [
      {
        street: `${pick(r, words)}straße ${1 + Math.floor(r() * 80)}`,
        postalCode: `0${6400 + Math.floor(r() * 200)}`,
        city: pick(r, cities),
        lat,
        lng,
      },
    ],
    phone: `03946 ${1000 + Math.floor(r() * 8999)}`,
  }));
  return demo;
}

/**
 * The iframe embed stand-in's assets, of typical weight for a hosted embed: a vendor bundle of real
 * library code (Leaflet 1.9.4 + markercluster + supercluster, ~560 KB raw), a utility CSS framework
 * (~120 KB raw, ~16 KB gzip, like a CSS framework build), and two web fonts (~35 KB each, incompressible like real woff2).
 */
export function embedAssets() {
  const dir = `${dataDir}embed/`;
  mkdirSync(dir, { recursive: true });
  const vendor = [
    'bench/.vendor/leaflet/dist/leaflet-src.js',
    'bench/.vendor/leaflet.markercluster/dist/leaflet.markercluster-src.js',
    'node_modules/supercluster/dist/supercluster.js',
  ];
  writeFileSync(`${dir}vendor.js`, vendor.map((f) => readFileSync(`${root}${f}`, 'utf8')).join(';\n'));
  const css = [];
  const props = {
    m: 'margin',
    p: 'padding',
    mt: 'margin-top',
    mb: 'margin-bottom',
    ml: 'margin-left',
    mr: 'margin-right',
    pt: 'padding-top',
    pb: 'padding-bottom',
    pl: 'padding-left',
    pr: 'padding-right',
    gap: 'gap',
    w: 'width',
    h: 'height',
    'max-w': 'max-width',
    top: 'top',
    left: 'left',
  };
  const media = ['', 'sm', 'md', 'lg', 'xl'];
  const colours = ['slate', 'gray', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink'];
  for (const bp of media) {
    const rules = [];
    for (const [k, prop] of Object.entries(props))
      for (let i = 0; i <= 24; i++) rules.push(`.${bp ? `${bp}\\:` : ''}${k}-${i}{${prop}:${i * 0.25}rem}`);
    colours.forEach((c, ci) =>
      [50, 100, 200, 300, 400, 500, 600, 700, 800, 900].forEach((shade, si) => {
        const hex = `#${((ci * 2654435761 + si * 40503) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`;
        for (const what of ['text', 'bg', 'border'])
          rules.push(
            `.${bp ? `${bp}\\:` : ''}${what}-${c}-${shade}{${what === 'text' ? 'color' : what === 'bg' ? 'background-color' : 'border-color'}:${hex}}`,
          );
      }),
    );
    css.push(bp ? `@media (min-width:${{ sm: 640, md: 768, lg: 1024, xl: 1280 }[bp]}px){${rules.join('\n')}}` : rules.join('\n'));
  }
  writeFileSync(`${dir}framework.css`, css.join('\n'));
  const r = rng(42);
  for (const name of ['font-regular', 'font-bold'])
    writeFileSync(`${dir}${name}.woff2`, Buffer.from(Array.from({ length: 35000 }, () => Math.floor(r() * 256))));
}

export function generate({ ideaSizes = [1000, 10000], mapSizes = [1000, 10000, 100000], partners = 5000 } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const write = (name, make) => {
    const file = `${dataDir}${name}`;
    if (!existsSync(file)) writeFileSync(file, JSON.stringify(make()));
  };
  for (const n of ideaSizes) write(`ideas-${n}.json`, () => ideas(n));
  // The Leaflet baseline page reads the very same benches-N.json.
  for (const n of mapSizes) write(`benches-${n}.json`, () => benches(n));
  write(`ehrenamt-${partners}.json`, () => ehrenamt(partners));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
