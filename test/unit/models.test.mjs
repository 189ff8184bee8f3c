// The widgets' models in Node (for mutation testing): feed parsing, sorting, filtering, sizes.
// The browser tests cover the same through the widgets; these pin the rules down directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clampText, parseIdeaFeed, passes, queryWords, safeColor, sortIdeas } from '../../src/idea-wall/idea-wall.model.js';
import { SearchIndex } from '../../src/idea-wall/idea-wall.search.js';
import { logoBox, parsePartnerFeed } from '../../src/partner-logos/partner-logos.model.js';
import { parseBenchFeed, sortByName } from '../../src/mitfahrbank-map/mitfahrbank-map.model.js';
import { parseProgramme } from '../../src/ehrenamt-card/ehrenamt-card.model.js';
import { distance } from '../../src/map/geo.js';

/** The one distance function (src/map/geo.ts, metres) in kilometres, as the card shows it. */
const distanceKm = (lat1, lon1, lat2, lon2) => distance({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 }) / 1000;
import { quiet } from './quiet.mjs';

const demo = (file) => JSON.parse(readFileSync(new URL(`../../demo/data/${file}`, import.meta.url), 'utf8'));
const context = () => {
  const warnings = [];
  const details = [];
  return {
    warnings,
    details,
    ctx: { baseUrl: 'https://feeds.example.org/daten/feed.json', lang: 'de', warn: (m, d) => (warnings.push(m), details.push(d)) },
  };
};

test('idea feed: the demo feed reads completely, without warnings', () => {
  const { ctx, warnings } = context();
  const feed = parseIdeaFeed(demo('ideas.json'), ctx);
  assert.equal(feed.ideas.length, 23);
  assert.deepEqual(warnings, []);
  const sofa = feed.ideas.find((i) => i.id === 'rollendes-sofa');
  assert.equal(sofa.title, 'Das rollende Sofa');
  assert.equal(sofa.category.label, 'Begegnung & Kultur');
});

test('idea feed: not an object is a clear error; bad items are skipped with a warning, the rest shown', () => {
  const { ctx, warnings } = context();
  for (const raw of [null, [], 'x', 3]) assert.throws(() => parseIdeaFeed(raw, ctx), /„ideas“/);
  const feed = parseIdeaFeed({ ideas: [{ id: 'a', title: 'Gut' }, { id: 'b' }, { title: 'ohne id' }, 'x'] }, ctx);
  assert.deepEqual(
    feed.ideas.map((i) => i.id),
    ['a'],
  );
  assert.ok(warnings.length >= 1);
});

test('idea feed: only http(s)/relative images and links, resolved against the feed', () => {
  const { ctx } = context();
  const feed = parseIdeaFeed(
    {
      ideas: [
        { id: 'a', title: 'Bild', image: { src: 'bild.jpg', alt: 'x' }, url: 'javascript:alert(1)' },
        { id: 'b', title: 'Zwei', image: { src: 'data:image/png,x', alt: '' } },
      ],
    },
    ctx,
  );
  const [a, b] = feed.ideas;
  assert.equal(a.image?.src, 'https://feeds.example.org/daten/bild.jpg');
  assert.equal(a.url, undefined);
  assert.equal(b.image, undefined);
});

test('ideas sort newest first, by support (ties: newest), by status; random is stable per seed', () => {
  const { ctx } = context();
  const { ideas } = parseIdeaFeed(
    {
      ideas: [
        { id: 'alt', title: 'Alt', created: '2024-01-01', supporters: 5, status: 'done' },
        { id: 'neu', title: 'Neu', created: '2024-03-01', supporters: 5, status: 'new' },
        { id: 'mitte', title: 'Mitte', created: '2024-02-01', supporters: 9, status: 'planned' },
      ],
    },
    ctx,
  );
  const ids = (list) => list.map((i) => i.id);
  assert.deepEqual(ids(sortIdeas(ideas, 'newest', '')), ['neu', 'mitte', 'alt']);
  assert.deepEqual(ids(sortIdeas(ideas, 'support', '')), ['mitte', 'neu', 'alt']);
  assert.deepEqual(ids(sortIdeas(ideas, 'status', '')), ['neu', 'mitte', 'alt']);
  assert.deepEqual(ids(sortIdeas(ideas, 'random', 'a')), ids(sortIdeas(ideas, 'random', 'a')));
  const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((s) => ids(sortIdeas(ideas, 'random', s)).join()));
  assert.ok(orders.size > 1, 'another seed, another order');
  assert.deepEqual(ids(ideas), ['alt', 'neu', 'mitte'], 'the feed order is untouched');
});

test('ideas filter by every word (folded), category and status', () => {
  const { ctx } = context();
  const { ideas } = parseIdeaFeed(
    {
      categories: [
        { id: 'k', label: 'Kultur' },
        { id: 'v', label: 'Verkehr' },
      ],
      ideas: [
        { id: 'a', title: 'Größere Bänke am Markt', category: 'k', status: 'new' },
        { id: 'b', title: 'Bänke am Bahnhof', category: 'v', status: 'done' },
        { id: 'c', title: 'Radweg', category: 'v', status: 'new' },
      ],
    },
    ctx,
  );
  // The wall's search, both ways: a long wall's index over the ideas in their order (searched from
  // the start to the end), and `passes`, which a short wall filters with; they agree.
  const ids = (x) => {
    const f = { words: [], category: '', status: '', ...x };
    const found = new SearchIndex(ideas).find(f, 0, Infinity).found.map((i) => i.id);
    assert.deepEqual(
      ideas.filter((i) => passes(i, f)).map((i) => i.id),
      found,
    );
    return found;
  };
  assert.deepEqual(queryWords('  GRÖSSERE   bänke '), ['grossere', 'banke']);
  assert.deepEqual(ids({ words: queryWords('bänke') }), ['a', 'b']);
  assert.deepEqual(ids({ words: queryWords('bänke markt') }), ['a']);
  assert.deepEqual(ids({ category: 'v' }), ['b', 'c']);
  assert.deepEqual(ids({ status: 'new' }), ['a', 'c']);
  assert.deepEqual(ids({ category: 'v', status: 'new' }), ['c']);
  assert.deepEqual(ids({}), ['a', 'b', 'c']);
  assert.deepEqual(ids({ words: ['nichts'] }), []);
});

test('clampText cuts at a word and marks the cut; safeColor lets only plain colours through', () => {
  assert.equal(clampText('kurz', 10), 'kurz');
  assert.equal(clampText('abcdefghij', 10), 'abcdefghij');
  assert.equal(clampText('abcdefghij', 5), 'abcde …');
  assert.equal(clampText('Ein Sofa für alle Leute', 12), 'Ein Sofa …'); // cut at the last space inside the limit
  assert.equal(clampText('Ein Sofa für alle Leute', 13), 'Ein Sofa für …');
  assert.equal(clampText('Eins, zwei drei', 6), 'Eins …');
  for (const ok of ['#fff', '#A1B2C3D4', 'rgb(1, 2, 3)', 'hsla(120 50% 50% / .5)', 'teal']) assert.equal(safeColor(` ${ok} `), ok);
  for (const bad of [undefined, '', 'red;x:y', 'url(x)', '#ff', 'var(--x)', 'expression(1)', 'ab'])
    assert.equal(safeColor(bad), undefined, String(bad));
});

test('partner feed: logos resolved against the feed, unsafe links dropped, groups kept', () => {
  const { ctx } = context();
  const feed = parsePartnerFeed(demo('partners.json'), ctx);
  assert.ok(feed.groups.length >= 2);
  const first = feed.groups[0].partners[0];
  assert.equal(first.logo.src, 'https://feeds.example.org/assets/logos/ioew.svg');
  // The unsafe link is dropped and reported through the feed context (the one warning per load), not the console.
  const hostile = context();
  const console = quiet(() =>
    assert.equal(
      parsePartnerFeed({ groups: [{ heading: 'H', partners: [{ name: 'X', url: 'javascript:alert(1)' }] }] }, hostile.ctx).groups[0]
        .partners[0].url,
      undefined,
    ),
  );
  assert.equal(console.length, 0);
  assert.deepEqual(
    hostile.details.map((d) => [d?.code, d?.severity]),
    [['url.unsafe', 'error']],
  );
  assert.throws(() => parsePartnerFeed('nein', ctx));
});

test('logo boxes: equal area (the feed default), clamped, the funder minimum wins, unknown sizes fixed 2:1', () => {
  const area = { scale: true };
  // The area of a square with side 2 × 48 = 96 (9216 px²): 136 × 68, 96 × 96, 192 × 48.
  assert.deepEqual(logoBox({ width: 200, height: 100 }, area, 48), { width: 136, height: 68, fixed: false });
  assert.deepEqual(logoBox({ width: 100, height: 100 }, area, 48), { width: 96, height: 96, fixed: false });
  assert.deepEqual(logoBox({ width: 400, height: 100 }, area, 48), { width: 192, height: 48, fixed: false });
  assert.deepEqual(logoBox({ width: 1000, height: 100 }, area, 48), { width: 480, height: 48, fixed: false }, 'never below the minimum');
  assert.deepEqual(logoBox({ width: 100, height: 400 }, area, 48), { width: 30, height: 120, fixed: false }, 'at most 1.25 × the side');
  assert.deepEqual(
    logoBox({ width: 400, height: 100 }, { scale: false }, 48),
    { width: 384, height: 96, fixed: false },
    'no area scaling: the full side',
  );
  assert.deepEqual(logoBox({ width: 200, height: 100 }, { ...area, minHeight: 120 }, 48), { width: 240, height: 120, fixed: false });
  assert.deepEqual(logoBox(undefined, area, 48), { width: 136, height: 68, fixed: true });
  assert.deepEqual(
    logoBox({ width: 200 }, { scale: false }, 48),
    { width: 136, height: 68, fixed: true },
    'unknown size: area box even without scaling',
  );
  assert.deepEqual(logoBox({ width: 100, height: 100 }, area, 4), { width: 32, height: 32, fixed: false }, 'a minimum of 16');
  assert.deepEqual(logoBox({ width: 100, height: 100 }, area, NaN), { width: 88, height: 88, fixed: false }, 'default 44');
});

test('bench feed: the demo benches with coordinates, destinations and the region', () => {
  const { ctx, warnings } = context();
  const feed = parseBenchFeed(demo('benches.json'), ctx);
  assert.equal(feed.benches.length, 14);
  assert.deepEqual(warnings, []);
  for (const b of feed.benches) {
    assert.ok(b.lat > 51 && b.lat < 52 && b.lon > 10 && b.lon < 12, b.id);
    assert.ok(b.label.length > 0);
  }
  assert.ok(feed.destinations.length > 0);
  assert.throws(() => parseBenchFeed(null, ctx));
});

test('bench feed: a bench without a valid position is skipped with a warning', () => {
  const { ctx, warnings } = context();
  const feed = parseBenchFeed(
    {
      benches: [
        { id: 'a', name: 'Gut', position: { lat: 51.7, lon: 11.2 }, destinations: ['X'] },
        { id: 'b', name: 'Ohne', position: { lat: 'x', lon: 11 }, destinations: ['X'] },
        { id: 'c', name: 'Weit', position: { lat: 95, lon: 11 }, destinations: ['X'] },
      ],
    },
    ctx,
  );
  assert.deepEqual(
    feed.benches.map((b) => b.id),
    ['a'],
  );
  assert.ok(warnings.length >= 1);
});

test('bench feed: labels, destinations and return benches as the map and the list show them', () => {
  const { ctx, warnings } = context();
  const feed = parseBenchFeed(
    {
      schemaVersion: 1,
      benches: [
        {
          id: 'a',
          name: 'Mitfahrbank Güntersberge Markt',
          municipality: 'Güntersberge',
          position: { lat: 51.64, lon: 11.04 },
          destinations: ['Harzgerode', 'harzgerode', { name: 'Ballenstedt', returnBench: 'b' }],
        },
        {
          id: 'b',
          name: ' Bahnhof ',
          municipality: 'Ballenstedt',
          position: { lat: 51.72, lon: 11.23 },
          destinations: [{ name: 'Güntersberge', returnBench: 'vor dem Rathaus' }, 'Harzgerode'],
        },
        {
          id: 7,
          name: 'Schule',
          municipality: 'GUENTERSBERGE',
          position: { lat: 51.65, lon: 11.05 },
          busStops: ['Schule', { name: 'Markt', lines: '318', distance: 80 }],
        },
        { id: 'd', name: 'Strassenecke', municipality: 'Straße', position: { lat: 51.66, lon: 11.06 } },
      ],
    },
    ctx,
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    feed.benches.map((b) => [b.id, b.name, b.label]),
    [
      ['a', 'Mitfahrbank Güntersberge Markt', 'Mitfahrbank Güntersberge Markt'],
      ['b', 'Bahnhof', 'Bahnhof, Ballenstedt'],
      ['7', 'Schule', 'Schule, GUENTERSBERGE'],
      ['d', 'Strassenecke', 'Strassenecke'],
    ],
    'the town is added to a name that does not contain it (case, umlauts and ß folded)',
  );
  const [a, b, c] = feed.benches;
  assert.deepEqual(
    a.destinations.map((d) => ({ ...d })),
    [
      { name: 'Harzgerode', key: 'harzgerode' },
      { name: 'Ballenstedt', key: 'ballenstedt', returnId: 'b' },
    ],
    'a destination twice (by its folded name) is listed once; a return bench in the feed is linked',
  );
  assert.deepEqual(
    b.destinations.map((d) => ({ ...d })),
    [
      { name: 'Güntersberge', key: 'guntersberge', returnText: 'vor dem Rathaus' },
      { name: 'Harzgerode', key: 'harzgerode' },
    ],
  );
  assert.deepEqual(c.busStops, [{ name: 'Schule' }, { name: 'Markt', lines: '318', distance: 80 }]);
  assert.deepEqual(c.destinations, []);
  assert.deepEqual(
    feed.destinations.map((d) => d.name),
    ['Ballenstedt', 'Güntersberge', 'Harzgerode'],
  );
});

test('bench feed: the destination filter lists each destination once, in the spelling the feed uses first', () => {
  const { ctx, warnings } = context();
  const at = (lat) => ({ lat, lon: 11.1 });
  const feed = parseBenchFeed(
    {
      benches: [
        { id: 'a', name: 'Markt', position: at(51.6), destinations: ['Altdorf', 'ALTDORF', { name: 'neustadt', returnBench: 'c' }] },
        { id: 'b', name: 'Schule', position: at(51.61), destinations: ['altdorf', 'Neustadt', 'Ölmühle'] },
        { id: 'c', name: 'Kirche', position: at(51.62), destinations: [{ name: 'NEUSTADT', returnBench: 'vor der Post' }, 'Olmuhle'] },
      ],
    },
    ctx,
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    feed.destinations.map((d) => [d.key, d.name]),
    [
      ['altdorf', 'Altdorf'],
      ['neustadt', 'neustadt'],
      ['olmuhle', 'Ölmühle'],
    ],
  );
});

test("bench feed: an outer shape that is not plainly right still gets the schema's message", () => {
  const { ctx } = context();
  assert.throws(() => parseBenchFeed({ benches: 'keine Liste' }, ctx), /mitfahrbank-map/);
  assert.throws(() => parseBenchFeed({ schemaVersion: 'eins', benches: [] }, ctx), /mitfahrbank-map/);
  const { ctx: ctx2, warnings } = context();
  const feed = parseBenchFeed({ benches: [{ id: 'x', name: 'Markt', position: { lat: '51,7', lon: '11.2' } }] }, ctx2);
  assert.deepEqual(
    feed.benches.map((b) => [b.id, b.lat, b.lon]),
    [['x', 51.7, 11.2]],
    'string coordinates go through the schema and arrive as numbers',
  );
  assert.deepEqual(warnings, []);
});

test('Ehrenamtskarte: the demo programme, and distances on the earth', () => {
  const { ctx } = context();
  const p = parseProgramme(demo('ehrenamt.json'), ctx);
  assert.equal(p.tiers.length, 2);
  assert.equal(p.tiers[0].validityYears, 3);
  assert.equal(p.tiers[1].validityYears, 'unlimited'); // the gold card: its face says so
  assert.equal(p.partners.length, 34);
  assert.throws(() => parseProgramme([], ctx));
  assert.equal(distanceKm(51.7, 11, 51.7, 11), 0);
  const berlinHamburg = distanceKm(52.52, 13.405, 53.551, 9.994);
  assert.ok(berlinHamburg > 250 && berlinHamburg < 260, String(berlinHamburg));
  assert.ok(Math.abs(distanceKm(0, 0, 0, 1) - 111.2) < 0.2);
});

test('bench feed: destination names sorted as the German collator sorts them, with or without it', () => {
  const names = [
    'Zell',
    'Ärztehaus',
    'apolda',
    'Bad Harzburg',
    'Bad-Harzburg',
    'Badeborn',
    'Öhrenfeld',
    'Ohrdruf',
    'Straßberg',
    'Strasburg',
    'B 185',
    'B185',
    'Élancourt',
    'Elbingerode',
    '10 Eichen',
    '2 Linden',
  ];
  const collator = [...names].sort((a, b) => a.localeCompare(b, 'de'));
  // These names take the way without the collator: it must not be asked.
  const localeCompare = String.prototype.localeCompare;
  String.prototype.localeCompare = () => assert.fail('collator used');
  try {
    assert.deepEqual(
      sortByName(names.map((name) => ({ name }))).map((d) => d.name),
      collator,
    );
  } finally {
    String.prototype.localeCompare = localeCompare;
  }
  const odd = ['Zoo (Nord)', 'Zoo-Süd', 'Ørsted', 'Oberhof'];
  assert.deepEqual(
    sortByName(odd.map((name) => ({ name }))).map((d) => d.name),
    [...odd].sort((a, b) => a.localeCompare(b, 'de')),
    'other characters: the collator decides',
  );
});
