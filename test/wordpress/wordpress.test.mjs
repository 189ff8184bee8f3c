// The plugin in a real WordPress, driven through headless Chromium (puppeteer-core, which
// @web/test-runner-chrome brings). Started by scripts/test-wordpress.mjs, which sets WP_URL etc.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useBrowser, wp } from './site.mjs';

const url = process.env.WP_URL;
const pages = JSON.parse(process.env.WP_PAGES ?? '{}');
const version = process.env.WP_VERSION;
const feedUrl = `${url}/wp-json/stadttraum/v1/ideas`;
const supportUrl = `${url}/wp-json/stadttraum/v1/support`;
const tags = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos', 'jugend-budget'];
const timeout = 20000;

if (!url) throw new Error('Start with: npm run test:wordpress');

/** Every tab records its widgets' st-load / st-error events and console errors. */
const { newPage, adminPage } = useBrowser({ consoleErrors: true, widgets: true });
/** The tab the walkthroughs share; the others are closed after each test. */
let page;

/** Waits until every widget on the page has shown its data. */
async function allLoaded(p, expected) {
  await p.waitForFunction((n) => window.__loaded.length >= n || window.__failed.length > 0, { timeout }, expected.length);
  const failed = await p.evaluate(() => window.__failed);
  assert.deepEqual(failed, [], `Widgets meldeten Fehler: ${JSON.stringify(failed)}`);
  assert.deepEqual((await p.evaluate(() => window.__loaded)).sort(), [...expected].sort());
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const loaderPath = () => `/wp-content/plugins/stadttraum/widgets/${version}/stadttraum.js`;
const stylePath = () => `/wp-content/plugins/stadttraum/widgets/${version}/stadttraum.css`;
/** Every `<link rel="stylesheet">` of the widgets' stylesheet in a piece of HTML (either quote style). */
const styleLinks = (html) =>
  (html.match(/<link\b[^>]*>/g) ?? []).filter(
    (tag) => /\brel=['"]stylesheet['"]/.test(tag) && new RegExp(`href=['"][^'"]*${escapeRe(stylePath())}['"]`).test(tag),
  );
const headOf = (html) => html.slice(0, html.indexOf('</head>'));

const post = (path, body, headers = {}) =>
  fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'User-Agent': 'node-test', ...headers },
    body: JSON.stringify(body),
  });

const feed = async () => (await fetch(feedUrl)).json();

before(async () => {
  page = await newPage({ keep: true });
});

describe('front end: shortcodes and blocks', () => {
  it('renders every shortcode as a working widget, with the module loaded once as type="module"', async () => {
    const html = await (await fetch(pages.shortcodes)).text();
    const loader = `/wp-content/plugins/stadttraum/widgets/${version}/stadttraum.js`;
    const tagsFor = html.match(new RegExp(`<script[^>]*${loader.replace(/[./]/g, '\\$&')}[^>]*>`, 'g')) ?? [];
    assert.equal(tagsFor.length, 1, 'genau ein Skript-Tag für den Lader');
    assert.match(tagsFor[0], /type="module"/);
    for (const tag of tags) assert.match(html, new RegExp(`<${tag}[\\s>]`), `<${tag}> fehlt im HTML`);
    // Without JavaScript the wall's fallback lists the ideas.
    assert.match(html, /<idea-wall[^>]*>.*<li>Das rollende Sofa<\/li>/s);
    // …as text: a title with markup is escaped there, never markup of the page.
    const wall = html.match(/<idea-wall[^>]*>(.*?)<\/idea-wall>/s)?.[1] ?? '';
    assert.match(wall, /<li>Bank &lt;b&gt;am Markt&lt;\/b&gt;<\/li>/);
    assert.doesNotMatch(wall, /<b>/);

    await page.goto(pages.shortcodes);
    await allLoaded(page, tags);
    const titles = await page.evaluate(() => document.querySelector('idea-wall').shadowRoot.textContent);
    assert.match(titles, /Das rollende Sofa/);
    assert.match(titles, /Mitfahrbank am Bahnhof/);
    // Inline JSON between [partner_logos] and [/partner_logos] survived wpautop.
    const partners = await page.evaluate(() => document.querySelector('partner-logos').shadowRoot.textContent);
    assert.ok(partners.trim().length > 20, 'Partnerlogos zeigen Inhalt');
    assert.deepEqual(page.errors, []);
  });

  it('renders every block the same way', async () => {
    const p = await newPage();
    await p.goto(pages.blocks);
    await allLoaded(p, tags);
    const wall = await p.$eval('idea-wall', (el) => ({
      layout: el.getAttribute('layout'),
      submit: el.hasAttribute('submit-endpoint'),
      support: el.hasAttribute('support-endpoint'),
    }));
    assert.deepEqual(wall, { layout: 'list', submit: false, support: true }, 'Block-Einstellungen kommen am Element an');
    assert.ok(
      await p.$eval('partner-logos', (el) => el.querySelector('script[type="application/json"]') !== null),
      'JSON aus dem Block steht im Tag',
    );
    await p.close();
  });

  it('loads nothing on a page without a widget', async () => {
    const html = await (await fetch(pages.plain)).text();
    assert.doesNotMatch(html, /stadttraum\.js/);
    assert.doesNotMatch(html, /stadttraum\.css/);
    assert.deepEqual(styleLinks(html), []);
    assert.doesNotMatch(html, /consent-bridge/);
  });

  for (const kind of ['shortcodes', 'blocks']) {
    it(`puts the stylesheet that keeps the page still once into the <head>, before the module (${kind})`, async () => {
      const html = await (await fetch(pages[kind])).text();
      assert.ok(html.includes('</head>'), 'die Seite hat einen <head>');
      const links = styleLinks(html);
      assert.equal(links.length, 1, `genau ein <link> auf stadttraum.css, gefunden: ${JSON.stringify(links)}`);
      assert.ok(headOf(html).includes(links[0]), 'das Stylesheet steht im <head>');
      assert.doesNotMatch(links[0], /[?&]ver=/, 'versionierter Pfad, kein ?ver=');
      const loader = html.search(new RegExp(`<script[^>]*${escapeRe(loaderPath())}`));
      assert.ok(loader > 0, 'der Lader ist auf der Seite');
      assert.ok(html.indexOf(links[0]) < loader, 'das Stylesheet kommt vor dem Modul');
      // The file is there and is CSS (a 404 would leave the page unstyled and still jump).
      const href = links[0].match(/href=['"]([^'"]+)['"]/)[1];
      const res = await fetch(new URL(href, url));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/css/);
      assert.match(await res.text(), /:not\(:defined\)/);
    });
  }

  it('reserves the space before the script runs: the widget is as tall as its placeholder while undefined', async () => {
    const p = await newPage();
    try {
      // The module never arrives: what the visitor sees in the moment before the script runs.
      await p.setRequestInterception(true);
      p.on('request', (r) => (r.url().includes(loaderPath()) ? r.abort() : r.continue()));
      await p.goto(pages.shortcodes, { waitUntil: 'domcontentloaded' });
      const wall = await p.$eval('idea-wall', (el) => ({
        defined: el.matches(':defined'),
        height: el.getBoundingClientRect().height,
        viewport: innerHeight,
      }));
      assert.equal(wall.defined, false);
      assert.ok(
        wall.height >= wall.viewport - 1,
        `die Ideenwand hält eine Bildschirmhöhe frei (${wall.height} px von ${wall.viewport} px)`,
      );
    } finally {
      await p.close(); // a tab left intercepting would stall the other tabs' requests
    }
  });

  it('classic theme: the check of the page puts the stylesheet into the <head>, before the module', async () => {
    // A classic theme renders the content after wp_head(): only the wp_enqueue_scripts check can do this.
    const html = await (await fetch(`${pages.shortcodes}?classic`)).text();
    assert.match(html, /<aside>/, 'die klassische Test-Vorlage ist aktiv');
    const links = styleLinks(html);
    assert.equal(links.length, 1, `genau ein <link> auf stadttraum.css, gefunden: ${JSON.stringify(links)}`);
    assert.ok(headOf(html).includes(links[0]), 'das Stylesheet steht im <head>');
    assert.ok(
      html.indexOf(links[0]) < html.search(new RegExp(`<script[^>]*${escapeRe(loaderPath())}`)),
      'das Stylesheet kommt vor dem Modul',
    );
  });

  it('classic theme: a widget in a widget area brings the stylesheet late, once; a page without widgets none', async () => {
    const html = await (await fetch(`${pages.plain}?classic`)).text();
    const aside = html.indexOf('<aside>');
    assert.ok(aside > 0, 'die klassische Test-Vorlage ist aktiv');
    assert.match(html.slice(aside), /<partner-logos[\s>]/, 'das Widget steht im Widget-Bereich');
    const links = styleLinks(html);
    assert.equal(links.length, 1, `genau ein <link> auf stadttraum.css, gefunden: ${JSON.stringify(links)}`);
    assert.ok(!headOf(html).includes(links[0]) && html.indexOf(links[0]) > aside, 'spät, am Seitenende (das Widget stand nicht im Inhalt)');
    // Not in the head of a page whose content has no widget.
    assert.deepEqual(styleLinks(headOf(html)), []);
    const p = await newPage();
    try {
      await p.goto(`${pages.plain}?classic`);
      await allLoaded(p, ['partner-logos']);
    } finally {
      await p.close();
    }
  });

  it('still brings the stylesheet, once, for a widget the content check cannot see (synced pattern)', async () => {
    const html = await (await fetch(pages.synced)).text();
    assert.match(html, /<partner-logos[\s>]/, 'das Widget aus dem synchronisierten Muster ist auf der Seite');
    assert.equal(styleLinks(html).length, 1, 'genau ein <link> auf stadttraum.css (im <head> oder spät am Seitenende)');
    assert.equal((html.match(new RegExp(`<script[^>]*${escapeRe(loaderPath())}`, 'g')) ?? []).length, 1);
  });

  it('escapes every attribute and drops values that are not allowed', async () => {
    const html = await (await fetch(pages.escaping)).text();
    const body = html.slice(html.indexOf('<partner-logos'), html.lastIndexOf('</idea-wall>'));
    assert.ok(body.length > 0, 'beide Widgets sind auf der Seite');
    assert.doesNotMatch(body, /<script>alert/);
    assert.doesNotMatch(body, /\son(mouseover|focus|click)=/i, 'kein Ereignis-Attribut am Element');
    assert.doesNotMatch(body, /javascript:/);
    assert.doesNotMatch(body, /heading-level="9"/);
    assert.doesNotMatch(body, /layout="/, 'ein unbekanntes layout wird weggelassen');
    assert.match(
      body,
      /strings="\{&quot;de&quot;:\{&quot;retry&quot;:&quot;Noch &amp; mal&quot;\}\}"/,
      'JSON-Attribut ist als Attributwert maskiert',
    );
  });
});

describe('ideas: feed, support, submit', () => {
  it('serves the native feed with an ETag and answers If-None-Match with 304', async () => {
    const res = await fetch(feedUrl);
    assert.equal(res.status, 200);
    const etag = res.headers.get('etag');
    assert.ok(etag, 'ETag gesetzt');
    const data = await res.json();
    assert.equal(data.schemaVersion, 1);
    assert.deepEqual(data.categories.map((c) => c.id).sort(), ['begegnung', 'mobilitaet']);
    const sofa = data.ideas.find((i) => i.title === 'Das rollende Sofa');
    assert.equal(sofa.status, 'in-progress');
    assert.equal(sofa.category, 'begegnung');
    assert.equal(sofa.progress, 60);
    assert.equal(sofa.answer.by, 'Bürgermeisterin Karin Vollmer');
    assert.equal(sofa.timeline[0].text, 'Idee in der Visionswerkstatt entwickelt');
    const bank = data.ideas.find((i) => i.title === 'Mitfahrbank am Bahnhof');
    assert.doesNotMatch(bank.description, /<p>/, 'Beschreibung ist Text, kein HTML');
    const again = await fetch(feedUrl, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.text()).length, 0);
  });

  it('counts a support once: a second one from the same browser is refused with 409', async () => {
    const before = (await feed()).ideas.find((i) => i.title === 'Das rollende Sofa').supporters;
    await page.goto(pages.shortcodes);
    await allLoaded(page, tags);
    const click = () =>
      page.evaluate(() => {
        const root = document.querySelector('idea-wall').shadowRoot;
        const button = [...root.querySelectorAll('button.support-button')].find((b) => b.textContent.includes('Das rollende Sofa'));
        button.click();
      });
    const first = page.waitForResponse((r) => r.url().startsWith(supportUrl) && r.request().method() === 'POST');
    await click();
    const r1 = await first;
    assert.equal(r1.status(), 200);
    assert.equal((await r1.json()).supporters, before + 1);

    // The wall forgets which ideas it supported; its visitor token (when the wall sends one) stays,
    // and the server recognises the browser by it (walls without a token: by the browser on this address).
    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('stadttraum.idea-wall.supported'))
        .forEach((k) => localStorage.removeItem(k)),
    );
    await page.reload();
    await allLoaded(page, tags);
    const second = page.waitForResponse((r) => r.url().startsWith(supportUrl) && r.request().method() === 'POST');
    await click();
    const r2 = await second;
    assert.equal(r2.status(), 409);
    const body = await r2.json();
    assert.equal(body.error.code, 'duplicate');
    // The wall tells the visitor (German: the plugin's language setting is "de").
    await page.waitForFunction(() =>
      document.querySelector('idea-wall').shadowRoot.querySelector('[role="status"]')?.textContent.includes('bereits unterstützt'),
    );
    assert.equal((await feed()).ideas.find((i) => i.title === 'Das rollende Sofa').supporters, before + 1);
  });

  it('stores no address or browser in clear for a support', async () => {
    // The only trace is a salted hash; the feed and the REST answer carry no personal data.
    const res = await post(supportUrl, { idea: 'mitfahrbank-am-bahnhof' });
    assert.equal(res.status, 200);
    const text = JSON.stringify(await res.json());
    assert.doesNotMatch(text, /127\.0\.0\.1|node-test/);
    const replay = await post(supportUrl, { idea: 'mitfahrbank-am-bahnhof', support: false });
    assert.deepEqual(await replay.json(), { idea: 'mitfahrbank-am-bahnhof', supported: false, supporters: 0 });
  });

  it('answers a replayed Idempotency-Key with the first answer', async () => {
    const key = crypto.randomUUID();
    const a = await post(supportUrl, { idea: 'mitfahrbank-am-bahnhof' }, { 'Idempotency-Key': key });
    const b = await post(supportUrl, { idea: 'mitfahrbank-am-bahnhof' }, { 'Idempotency-Key': key });
    assert.equal(a.status, 200);
    assert.equal(b.status, 200, 'die Wiederholung ist kein zweites Unterstützen');
    await post(supportUrl, { idea: 'mitfahrbank-am-bahnhof', support: false });
  });

  it('rejects invalid submissions with messages per field', async () => {
    const res = await post(feedUrl, { title: 'kurz', description: 'zu kurz', category: 'gibt-es-nicht', consent: false });
    assert.equal(res.status, 422);
    const { error } = await res.json();
    assert.deepEqual(Object.keys(error.fields).sort(), ['category', 'consent', 'description', 'title']);
    assert.equal((await post(supportUrl, { idea: 'gibt-es-nicht' })).status, 404);
    const bad = await fetch(feedUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{kaputt' });
    assert.ok(bad.status === 400, `kaputtes JSON: ${bad.status}`);
  });

  it('shows bots success but keeps nothing (honeypot)', async () => {
    const title = `Spam ${Date.now()}`;
    const res = await post(feedUrl, {
      title,
      description: 'Günstige Uhren und noch viel mehr hier kaufen',
      category: 'begegnung',
      consent: true,
      website: 'https://spam.example',
    });
    assert.equal(res.status, 202);
    const body = await res.json();
    assert.equal(body.status, 'pending');
    assert.match(body.receipt, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/, 'Bots bekommen dieselbe Antwort wie Menschen, mit Belegcode');
    const admin = await adminPage();
    await admin.goto(`${url}/wp-admin/edit.php?post_type=stadttraum_idee&post_status=all`);
    assert.doesNotMatch(await admin.content(), new RegExp(title));
    await admin.close();
  });

  it('an idea submitted through the wall is pending, is published in the admin, then shows on the wall', async () => {
    const title = 'Trinkwasserbrunnen am Marktplatz';
    await page.goto(pages.shortcodes);
    await allLoaded(page, tags);
    const field = (id) => page.waitForSelector(`idea-wall >>> ${id}`, { visible: true });
    await (await field('button[aria-expanded]')).click();
    await (await field('#f-title')).type(title);
    await (await field('#f-description')).type('Ein Brunnen, an dem man im Sommer kostenlos Wasser trinken und Flaschen füllen kann.');
    await (await field('#f-category')).select('begegnung');
    await (await field('#f-name')).type('Mia');
    await (await field('#f-consent')).click();
    const sent = page.waitForResponse((r) => r.url().startsWith(feedUrl) && r.request().method() === 'POST');
    await (await field('button[type="submit"]')).click();
    assert.equal((await sent).status(), 202);
    await page.waitForFunction(() =>
      document.querySelector('idea-wall').shadowRoot.querySelector('.success')?.textContent.includes('Danke'),
    );
    assert.ok(!(await feed()).ideas.some((i) => i.title === title), 'noch nicht auf der Wand');

    const admin = await adminPage();
    await admin.goto(`${url}/wp-admin/edit.php?post_type=stadttraum_idee&post_status=pending`);
    const row = await admin.waitForSelector(`xpath///tr[.//a[contains(@class,"row-title") and contains(., "${title}")]]`);
    assert.ok(row, 'die Idee wartet als ausstehend');
    // The consent text was stored with the submission.
    const edit = await row.$eval('a.row-title', (a) => a.href);
    const editor = await adminPageAt(edit);
    assert.match(await editor.$eval('#stadttraum-submission', (el) => el.textContent), /Ich bin einverstanden/);
    await editor.close();
    // Row actions show on hover; follow the link as a keyboard user would.
    const publish = await row.$eval('.stadttraum_publish a', (a) => a.href);
    await admin.goto(publish);
    assert.match(await admin.$eval('.notice-success', (el) => el.textContent), /is approved and on the idea wall/);
    await admin.close();

    const published = (await feed()).ideas.find((i) => i.title === title);
    assert.ok(published, 'freigegebene Idee ist im Feed');
    assert.equal(published.status, 'new');
    assert.equal(published.author, 'Mia');
    assert.equal(published.category, 'begegnung');
    await page.reload();
    await allLoaded(page, tags);
    assert.match(await page.evaluate(() => document.querySelector('idea-wall').shadowRoot.textContent), new RegExp(title));
  });
});

describe('editor and admin', () => {
  it('shows a live preview of the block in the editor', async () => {
    const editor = await adminPageAt(`${url}/wp-admin/post.php?post=${pages.blocksId}&action=edit`);
    await editor.waitForFunction(
      () => {
        const wall =
          document.querySelector('.wp-block-stadttraum-idea-wall idea-wall') ??
          document.querySelector('iframe[name="editor-canvas"]')?.contentDocument?.querySelector('idea-wall');
        return wall?.shadowRoot?.textContent.includes('Das rollende Sofa');
      },
      { timeout: 30000 },
    );
    await editor.close();
  });

  it('shows the widgets inside the iframed canvas of the site editor', async () => {
    const editor = await adminPageAt(`${url}/wp-admin/site-editor.php?postType=wp_template&postId=${encodeURIComponent(pages.template)}`);
    // The canvas is an iframe with its own custom element registry: the widgets must be defined
    // and show their content in there, not only in the editor's window.
    const shown = await editor.waitForFunction(
      () => {
        const canvas = document.querySelector('iframe[name="editor-canvas"]');
        const doc = canvas?.contentDocument;
        const wall = doc?.querySelector('idea-wall');
        const logos = doc?.querySelector('partner-logos');
        if (!wall?.shadowRoot?.textContent.includes('Das rollende Sofa') || !(logos?.shadowRoot?.textContent.trim().length > 20))
          return false;
        return { defined: !!canvas.contentWindow.customElements.get('idea-wall'), outside: document.querySelector('idea-wall') !== null };
      },
      { timeout: 45000 },
    );
    assert.deepEqual(await shown.jsonValue(), { defined: true, outside: false });
    await editor.close();
  });

  it('has a settings page that saves the tile server and the consent mode', async () => {
    const admin = await adminPageAt(`${url}/wp-admin/options-general.php?page=stadttraum`);
    await admin.$eval('#st-tile_url', (el) => (el.value = 'https://tiles.harzstedt.example/{z}/{x}/{y}.png'));
    await admin.click('input[name="stadttraum_settings[consent_mode]"][value="cmp"]');
    await Promise.all([admin.waitForNavigation({ waitUntil: 'domcontentloaded' }), admin.click('#submit')]);
    assert.equal(await admin.$eval('#st-tile_url', (el) => el.value), 'https://tiles.harzstedt.example/{z}/{x}/{y}.png');
    await admin.close();
    const html = await (await fetch(pages.shortcodes)).text();
    assert.match(html, /<mitfahrbank-map[^>]*tile-url="https:\/\/tiles\.harzstedt\.example\/\{z\}\/\{x\}\/\{y\}\.png"/);
    assert.match(html, /id=['"]stadttraum-consent-js['"]/, 'Consent-Brücke eingebunden');
    const p = await newPage();
    await p.goto(pages.shortcodes);
    await p.waitForFunction(() => window.stadttraum?.consent?.has('map') === true);
    await p.close();
  });

  it('reads in English on an English site, in German (informal de_DE, formal de_DE_formal) on a German one: admin, block titles, editor script', async () => {
    const locale = (value) => wp('locale', value);
    const read = async () => {
      const admin = await adminPageAt(`${url}/wp-admin/options-general.php?page=stadttraum`);
      const settings = await admin.evaluate(() => ({
        h1: document.querySelector('h1').textContent,
        tiles: document.querySelector('label[for="st-tile_url"]').textContent,
        consent: document.querySelector('#wpbody-content').textContent,
      }));
      await admin.close();
      const editor = await adminPageAt(`${url}/wp-admin/post.php?post=${pages.blocksId}&action=edit`);
      await editor.waitForFunction(() =>
        window.wp?.data
          ?.select('core/block-editor')
          ?.getBlocks()
          .some((b) => b.name === 'stadttraum/idea-wall'),
      );
      const block = await editor.evaluate(async () => {
        const { select, dispatch } = window.wp.data;
        const wall = select('core/block-editor')
          .getBlocks()
          .find((b) => b.name === 'stadttraum/idea-wall');
        dispatch('core/block-editor').selectBlock(wall.clientId);
        await dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
        return { title: window.wp.blocks.getBlockType('stadttraum/idea-wall').title };
      });
      // The inspector's panels come from the editor script's own strings (JSON translations).
      const panel = await editor.waitForSelector(
        'xpath///button[contains(@class,"components-panel__body-toggle")][contains(., "ettings") or contains(., "instellungen")]',
      );
      const panels = await editor.$$eval('.components-panel__body-toggle', (bs) => bs.map((b) => b.textContent.trim()));
      assert.ok(panel);
      await editor.close();
      return { ...settings, block: block.title, panels };
    };
    try {
      const en = await read();
      assert.equal(en.h1, 'stadttraum – Settings');
      assert.equal(en.tiles, 'Tile server');
      assert.equal(en.block, 'Idea wall');
      assert.ok(en.panels.includes('More settings'), en.panels.join(' | '));

      locale('de_DE');
      const du = await read();
      assert.equal(du.h1, 'stadttraum – Einstellungen');
      assert.equal(du.tiles, 'Kachel-Server');
      assert.equal(du.block, 'Ideenwand');
      assert.ok(du.panels.includes('Weitere Einstellungen'), du.panels.join(' | '));
      assert.match(du.consent, /Lass den Consent-Manager/);

      locale('de_DE_formal');
      const sie = await read();
      assert.equal(sie.h1, 'stadttraum – Einstellungen');
      assert.equal(sie.block, 'Ideenwand');
      assert.ok(sie.panels.includes('Weitere Einstellungen'), sie.panels.join(' | '));
      assert.match(sie.consent, /Lassen Sie den Consent-Manager/);
    } finally {
      locale('');
    }
  });

  it('a site editor creates a bench in the admin; the block without a data address shows it, from a feed with an ETag', async () => {
    const admin = await adminPageAt(`${url}/wp-admin/post-new.php?post_type=stadttraum_bank`);
    const fill = (selector, value) => admin.$eval(selector, (el, v) => (el.value = v), value);
    await fill('#title', 'Harzstedt, Rathaus');
    await fill('#st-st-lat', '51.7302');
    await fill('#st-st-lon', '11.2590');
    await fill('#st-st-municipality', 'Harzstedt');
    await fill('#st-st-destinations', 'Quedlinburg | quedlinburg-bahnhof\nMeisdorf');
    await fill('#st-st-bus-stops', 'Rathaus | 318 | 25');
    await admin.click('input[name="_st_resting_sign"]');
    // The saved form shows the published notice and the number as stored.
    await publish(admin);
    assert.equal(await (await admin.waitForSelector('#st-st-lat')).evaluate((el) => el.value), '51.7302');
    await admin.close();

    const feedUrl = `${url}/wp-json/stadttraum/v1/benches`;
    const res = await fetch(feedUrl);
    const etag = res.headers.get('etag');
    const bench = (await res.json()).benches.find((b) => b.name === 'Harzstedt, Rathaus');
    assert.deepEqual(bench, {
      id: 'harzstedt-rathaus',
      name: 'Harzstedt, Rathaus',
      position: { lat: 51.7302, lon: 11.259 },
      municipality: 'Harzstedt',
      destinations: [{ name: 'Quedlinburg', returnBench: 'quedlinburg-bahnhof' }, 'Meisdorf'],
      otherDestinations: false,
      restingSign: true,
      busStops: [{ name: 'Rathaus', lines: '318', distance: 25 }],
    });
    assert.ok(etag);
    assert.equal((await fetch(feedUrl, { headers: { 'If-None-Match': etag } })).status, 304);

    const { url: page } = wp('page', '<!-- wp:stadttraum/mitfahrbank-map {"view":"list","eager":true} /-->');
    const p = await newPage();
    await p.goto(page);
    await allLoaded(p, ['mitfahrbank-map']);
    assert.match(await p.evaluate(() => document.querySelector('mitfahrbank-map').shadowRoot.textContent), /Harzstedt, Rathaus/);
    await p.close();
  });

  it('a town’s existing benches.json imports into benches kept in WordPress; a second import updates instead of doubling', async () => {
    const file = fileURLToPath(new URL('../../demo/data/benches.json', import.meta.url));
    const benches = JSON.parse(readFileSync(file, 'utf8')).benches;
    const admin = await adminPageAt(`${url}/wp-admin/edit.php?post_type=stadttraum_bank&page=stadttraum-benches-import`);
    const upload = async () => {
      await (await admin.waitForSelector('#st-benches-json')).uploadFile(file);
      await Promise.all([admin.waitForNavigation({ waitUntil: 'load' }), admin.click('form [type="submit"][value="Import"]')]);
      return (await admin.waitForSelector('.notice-success')).evaluate((el) => el.textContent);
    };
    assert.match(await upload(), new RegExp(`Import done: ${benches.length} new, 0 updated, 0 entries skipped`));
    assert.match(await upload(), new RegExp(`Import done: 0 new, ${benches.length} updated, 0 entries skipped`));
    await admin.close();
    const feed = (await (await fetch(`${url}/wp-json/stadttraum/v1/benches`)).json()).benches;
    for (const original of benches) {
      const mine = feed.find((b) => b.id === original.id);
      assert.ok(mine, original.id);
      assert.deepEqual(
        [mine.name, mine.position, mine.destinations, mine.busStops ?? [], mine.restingSign, mine.howItWorks],
        [
          original.name,
          { lat: Number(original.position.lat), lon: Number(original.position.lon) },
          original.destinations ?? [],
          original.busStops ?? [],
          !!original.restingSign,
          original.howItWorks,
        ],
        original.id,
      );
    }
  });

  it('a site editor imports the Ehrenamtskarte app’s CSV, adds a partner by hand, exports them again; the card shows them', async () => {
    const csvFile = fileURLToPath(new URL('../../demo/templates/ehrenamt-partner.csv', import.meta.url));
    const ids = new Set(
      readFileSync(csvFile, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(';').at(-1)),
    );
    const partnersUrl = `${url}/wp-json/stadttraum/v1/partners`;
    // Partners of an earlier run on the same site (--keep) are updated, not doubled.
    const known = new Set((await (await fetch(partnersUrl)).json()).partners.map((p) => p.id));
    const updated = [...ids].filter((id) => known.has(id)).length;
    const admin = await adminPageAt(`${url}/wp-admin/edit.php?post_type=stadttraum_partner&page=stadttraum-partners-csv`);
    await (await admin.waitForSelector('#st-partners-csv')).uploadFile(csvFile);
    await Promise.all([admin.waitForNavigation({ waitUntil: 'load' }), admin.click('form [type="submit"][value="Import"]')]);
    assert.match(
      await (await admin.waitForSelector('.notice-success')).evaluate((el) => el.textContent),
      new RegExp(`Import done: ${ids.size - updated} new, ${updated} updated, 0 rows skipped`),
    );
    const imported = (await (await fetch(partnersUrl)).json()).partners.length;

    await admin.goto(`${url}/wp-admin/post-new.php?post_type=stadttraum_partner`, { waitUntil: 'load' });
    const fill = (selector, value) => admin.$eval(selector, (el, v) => (el.value = v), value);
    await fill('#title', 'Weinhandlung Testkeller');
    await fill('#st-st-benefit', '10 % auf alle Weine');
    await fill('#st-st-benefit-en', '10 % off all wines');
    await fill('#st-st-locations', 'Kellergasse 2 | 06499 | Harzstedt | 51.72 | 11.24');
    await publish(admin);

    const res = await fetch(partnersUrl);
    const { partners } = await res.json();
    assert.ok(res.headers.get('etag'));
    assert.equal(partners.length, imported + 1);
    const sommer = partners.find((p) => p.id === 'baeckerei-sommer');
    assert.equal(sommer.locations.length, 2, 'zwei Zeilen mit derselben ID: ein Partner, zwei Standorte');
    assert.deepEqual(sommer.locations[0], { street: 'Markt 4', postalCode: '06499', city: 'Harzstedt', lat: 51.7191, lng: 11.2408 });
    assert.deepEqual(partners.find((p) => p.name === 'Weinhandlung Testkeller').benefit, {
      de: '10 % auf alle Weine',
      en: '10 % off all wines',
    });

    // Export in the app's format (the form's POST, read in the page).
    await admin.goto(`${url}/wp-admin/edit.php?post_type=stadttraum_partner&page=stadttraum-partners-csv`, { waitUntil: 'load' });
    const csv = await admin.evaluate(async () => {
      const form = document.querySelector('input[name="action"][value="stadttraum_partners_export"]').form;
      // getAttribute: the input named "action" shadows form.action.
      return (await fetch(form.getAttribute('action'), { method: 'POST', body: new FormData(form) })).text();
    });
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    assert.ok(
      !csv.includes('<html'),
      csv
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 400),
    );
    assert.equal(
      lines[0],
      'Name;Vorteil;"Vorteil (englisch)";Kategorie;Straße;PLZ;Ort;Breitengrad;Längengrad;Webseite;Telefon;E-Mail;Öffnungszeiten;"Öffnungszeiten (englisch)";ID',
    );
    const wine = lines.find((l) => l.includes('Weinhandlung Testkeller')) ?? '';
    assert.match(wine, /;"?10 % auf alle Weine"?;"?10 % off all wines"?;/, wine);
    assert.match(wine, /;51,72;11,24;/, 'Koordinaten mit Dezimalkomma wie in der App');
    assert.equal(lines.filter((l) => l.endsWith(';baeckerei-sommer')).length, 2);
    await admin.close();

    const { url: page } = wp('page', '<!-- wp:stadttraum/ehrenamt-card {"src":"/daten/ehrenamt.json","page-size":"500","eager":true} /-->');
    const html = await (await fetch(page)).text();
    assert.match(html, /<ehrenamt-card[^>]*partners-src="[^"]*\/wp-json\/stadttraum\/v1\/partners"/);
    const p = await newPage();
    await p.goto(page);
    await allLoaded(p, ['ehrenamt-card']);
    await p.waitForFunction(() => document.querySelector('ehrenamt-card').shadowRoot.textContent.includes('Weinhandlung Testkeller'));
    await p.close();
  });

  it('a site editor builds a logo group from the media library (order, link, minimum height); the logos block shows it', async () => {
    const land = wp('attachment', 'Landkreis Harz', 240, 80);
    const bund = wp('attachment', 'Bundesprogramm Ländliche Entwicklung', 300, 100);

    const admin = await adminPageAt(`${url}/wp-admin/post-new.php?post_type=stadttraum_logos`);
    await admin.$eval('#title', (el) => (el.value = 'Gefördert durch'));
    await admin.$eval('#st-min-height', (el) => (el.value = '60'));
    await admin.click('#st-add-logos');
    // WordPress's media frame: pick both images, then "Add to the group".
    for (const { id } of [land, bund])
      await (await admin.waitForSelector(`.media-modal .attachments .attachment[data-id="${id}"]`, { visible: true })).click();
    await (await admin.waitForSelector('.media-modal .media-button-select:not([disabled])', { visible: true })).click();
    await admin.waitForFunction(() => document.querySelectorAll('#st-logos li').length === 2);
    // The federal programme first (funders' order), with a link.
    const rows = await admin.$$('#st-logos li');
    await (await rows[1].$('input[type="url"]')).evaluate((el) => (el.value = 'https://www.bund.example/laendlich'));
    await (await rows[1].$('.st-up')).click();
    assert.equal(await admin.evaluate(() => document.activeElement?.classList.contains('st-up')), true, 'der Fokus bleibt auf dem Knopf');
    await publish(admin);
    await admin.close();

    const res = await fetch(`${url}/wp-json/stadttraum/v1/logos`);
    assert.ok(res.headers.get('etag'));
    const { groups } = await res.json();
    // This run's group (other tests and earlier runs may have added groups with other logos).
    const mine = groups.filter((g) => g.partners.some((p) => p.logo?.src === bund.url));
    assert.equal(mine.length, 1);
    assert.equal(mine[0].heading, 'Gefördert durch');
    assert.equal(mine[0].minHeight, 60);
    assert.deepEqual(
      mine[0].partners.map((p) => [p.name, p.url, p.logo.src, p.logo.width, p.logo.height, p.logo.alt]),
      [
        [
          'Bundesprogramm Ländliche Entwicklung',
          'https://www.bund.example/laendlich',
          bund.url,
          300,
          100,
          'Bundesprogramm Ländliche Entwicklung',
        ],
        ['Landkreis Harz', undefined, land.url, 240, 80, 'Landkreis Harz'],
      ],
    );

    const { url: page } = wp('page', '<!-- wp:stadttraum/partner-logos {"eager":true} /-->');
    const p = await newPage();
    await p.goto(page);
    await allLoaded(p, ['partner-logos']);
    const shown = await p.evaluate(() => {
      const root = document.querySelector('partner-logos').shadowRoot;
      return { text: root.textContent, images: [...root.querySelectorAll('img')].map((i) => i.getAttribute('src')) };
    });
    assert.match(shown.text, /Gefördert durch/);
    const path = (u) => new URL(u, url).pathname;
    assert.deepEqual(
      shown.images.map(path).filter((s) => s === path(bund.url) || s === path(land.url)),
      [path(bund.url), path(land.url)],
      JSON.stringify(shown.images),
    );
    await p.close();
  });

  it('logs no PHP notice or warning from the plugin', () => {
    const logFile = process.env.WP_DEBUG_LOG;
    const text = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const ours = text.split('\n').filter((l) => /plugins\/stadttraum\//.test(l));
    assert.deepEqual(ours, []);
  });
});

// --- admin helpers ---------------------------------------------------------------------------
/**
 * Publishes the post in the classic editor. WordPress autosaves a new post 200 ms after its title
 * loses focus and ignores a click on Publish while that runs (the button carries .disabled), which
 * is how the walkthroughs lost their save now and then: autosave is stopped first (as WordPress
 * does itself on submit), then the click waits until the buttons are enabled again.
 */
async function publish(p) {
  await p.evaluate(() => window.wp.autosave?.server.suspend());
  await p.waitForFunction(() => !document.querySelector('#publish').classList.contains('disabled'));
  await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#publish')]);
  await p.waitForSelector('#message.updated');
}
const adminPageAt = (target) => adminPage(target);
