// The plugin's preload hints in the <head> (includes/class-preload.php), against the real WordPress:
// a modulepreload for the loader and exactly the chunks of the widgets on the page (from the build's
// preload.json), a feed preload only for a widget set to load at once, nothing for Leaflet; the
// browser reads that feed once; pages without widgets get nothing. Run on 6.1 and 6.5 (script modules).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, wp } from './site.mjs';

const url = process.env.WP_URL;
const version = process.env.WP_VERSION;
const pages = JSON.parse(process.env.WP_PAGES ?? '{}');
if (!url) throw new Error('Start with: npm run test:wordpress');
const { newPage } = useBrowser({ consoleErrors: true, widgets: true });

const widgetsUrl = `${url}/wp-content/plugins/stadttraum/widgets/${version}/`;
const ideasFeed = `${url}/wp-json/stadttraum/v1/ideas`;
const decode = (s) => s.replace(/&#0?38;|&amp;/g, '&');
/** The <link> tags of the page's <head>: rel, as, href (entities decoded), crossorigin. */
function headLinks(html) {
  const head = html.slice(0, html.indexOf('</head>'));
  return (head.match(/<link\b[^>]*>/g) ?? []).map((tag) => {
    const attr = (name) => new RegExp(`\\s${name}=(['"])(.*?)\\1`).exec(tag)?.[2];
    return { rel: attr('rel'), as: attr('as'), href: decode(attr('href') ?? ''), crossorigin: attr('crossorigin') };
  });
}

let manifest;
let page;
before(async () => {
  manifest = await (await fetch(`${widgetsUrl}preload.json`)).json();
  // An eager idea wall (WordPress's ideas), then far down the page benches and a card without
  // `eager`: code for all three, a feed hint for the wall only.
  page = await wp(
    'page',
    '[idea_wall eager]\n\n' +
      '<p>Text.</p>\n'.repeat(200) +
      '<!-- wp:stadttraum/mitfahrbank-map {"src":"/daten/benches.json","view":"list"} /-->\n\n' +
      '[ehrenamt_card src="/daten/ehrenamt.json"]',
  );
});

describe('preload hints in <head>', () => {
  it('name the loader and exactly the chunks of the widgets on the page, each once, and no Leaflet', async () => {
    const links = headLinks(await (await fetch(page.url)).text());
    // Ours only: WordPress 6.5 preloads its own script modules (interactivity) on some themes.
    const code = links.filter((l) => l.rel === 'modulepreload' && l.href.startsWith(widgetsUrl)).map((l) => l.href.replace(widgetsUrl, ''));
    const expected = [
      ...new Set([
        manifest.loader,
        ...manifest.widgets['idea-wall'].code,
        ...manifest.widgets['mitfahrbank-map'].code,
        ...manifest.widgets['ehrenamt-card'].code,
      ]),
    ];
    assert.deepEqual([...code].sort(), [...expected].sort());
    assert.equal(new Set(code).size, code.length, 'no chunk twice');
    assert.ok(!code.some((f) => f.includes('partner-logos') || f.includes('jugend-budget')), 'nothing for widgets not on the page');
    assert.ok(!code.some((f) => /chunks\/map-/.test(f)), 'no Leaflet before consent');
    for (const f of code) assert.equal((await fetch(widgetsUrl + f)).status, 200, `${f} is there`);
  });

  it('preload the feed of the eager idea wall only (not those of the widgets far down), in CORS mode', async () => {
    const links = headLinks(await (await fetch(page.url)).text());
    const feeds = links.filter((l) => l.rel === 'preload');
    assert.deepEqual(
      feeds.map((l) => [l.as, l.href, l.crossorigin]),
      [['fetch', ideasFeed, 'anonymous']],
    );
  });

  it('the browser reads the hinted feed once and the wall shows it; the feeds far down are not read', async () => {
    const p = await newPage();
    const reads = [];
    p.on('request', (r) => /\/wp-json\/stadttraum\/v1\/ideas|\/daten\//.test(r.url()) && reads.push(`${r.method()} ${r.url()}`));
    await p.goto(page.url);
    await p.waitForFunction(() => window.__loaded.includes('idea-wall') || window.__failed.length > 0);
    await p.waitForFunction(() => document.querySelector('idea-wall').shadowRoot.querySelector('.card'));
    assert.deepEqual(await p.evaluate(() => window.__failed), []);
    assert.deepEqual(reads, [`GET ${ideasFeed}`], 'one read of the ideas feed, none of the others');
    assert.deepEqual(p.errors, []);
  });

  it('the shortcode page (every widget eager) hints each feed it reads, and still works', async () => {
    const links = headLinks(await (await fetch(pages.shortcodes)).text());
    const feeds = links.filter((l) => l.rel === 'preload').map((l) => l.href);
    assert.ok(feeds.includes(ideasFeed), feeds.join(', '));
    assert.ok(
      feeds.some((f) => f.endsWith('/daten/benches.json')),
      feeds.join(', '),
    );
    assert.ok(!feeds.some((f) => f.includes('partners')), 'the logos have inline data: no feed');
    const p = await newPage();
    await p.goto(pages.shortcodes);
    await p.waitForFunction(() => window.__loaded.length >= 5 || window.__failed.length > 0);
    assert.deepEqual(await p.evaluate(() => window.__failed), []);
  });

  it('the public feeds answer any origin without cookies and without Vary: Origin (so a preload is reused)', async () => {
    const res = await fetch(ideasFeed, { headers: { Origin: 'https://andere-seite.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    assert.ok(!/\borigin\b/i.test(res.headers.get('vary') ?? ''), `Vary: ${res.headers.get('vary')}`);
  });

  it('a page without widgets gets no hints', async () => {
    const links = headLinks(await (await fetch(pages.plain)).text());
    assert.deepEqual(
      links.filter((l) => l.href.startsWith(widgetsUrl) || l.as === 'fetch'),
      [],
    );
  });
});
