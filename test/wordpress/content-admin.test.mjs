// Issue 19, the admin's remaining content: a town's partner-logos JSON imported into logo groups,
// the Ehrenamtskarte's programme text edited in the admin and served as the card's feed, and the
// bench editor's map picker (consent before tiles; the number fields stay the source).
// Started by scripts/test-wordpress.mjs (WP_URL, WP_DIR, CHROME_PATH); nothing leaves 127.0.0.1.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, wp } from './site.mjs';

const url = process.env.WP_URL;
if (!url || !process.env.WP_DIR) throw new Error('Start with: npm run test:wordpress');
const scratch = mkdtempSync(join(tmpdir(), 'st-content-'));
const file = (name, data) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};
const de = (text) => (typeof text === 'string' ? text : text.de);

const { newPage, adminPage } = useBrowser();
/** An admin tab at `target`. */
const admin = (target) => adminPage(target, { goto: { waitUntil: 'domcontentloaded' } });

/** Submits the form of `button` and waits for the page WordPress redirects to. */
async function submit(p, button) {
  await Promise.all([p.waitForNavigation({ waitUntil: 'domcontentloaded' }), p.click(button)]);
}

/** A group heading of this run (the site may hold groups of earlier runs under --keep). */
const heading = `Importtest Förderer ${crypto.randomUUID().slice(0, 6)}`;
const logosFeed = async () => (await (await fetch(`${url}/wp-json/stadttraum/v1/logos`)).json()).groups;

describe('logo groups: import of a town’s partner-logos JSON', () => {
  const importUrl = `${url}/wp-admin/edit.php?post_type=stadttraum_logos&page=stadttraum-logos-import`;
  const upload = async (path, base = '') => {
    const p = await admin(importUrl);
    await (await p.waitForSelector('#st-logos-json')).uploadFile(path);
    await p.$eval('#st-logos-base', (el, v) => (el.value = v), base);
    await submit(p, 'form [type="submit"][value="Import"]');
    const notice = await (await p.waitForSelector('.notice-success, .notice-error')).evaluate((el) => el.textContent.trim());
    await p.close();
    return notice;
  };

  it('imports the groups with their order, links and sizes; relative image paths are read from the file’s address, nothing is downloaded; a second import updates', async () => {
    const source = JSON.parse(readFileSync(fileURLToPath(new URL('../../demo/data/partners.json', import.meta.url)), 'utf8'));
    const base = 'https://www.harzstedt.example/daten/partners.json';
    const before = (await logosFeed()).map((g) => de(g.heading));
    const known = source.groups.filter((g) => before.includes(de(g.heading))).length;
    // Groups with the same heading made in the editor (the walkthrough's, under --keep) may exist:
    // the import updates one of them and adds none.
    const sameHeading = (groups, original) => groups.filter((g) => de(g.heading) === de(original.heading));
    const expected = Object.fromEntries(
      source.groups.map((g) => [de(g.heading), Math.max(1, before.filter((h) => h === de(g.heading)).length)]),
    );
    const path = file('partners.json', source);
    assert.equal(await upload(path, base), `Import done: ${source.groups.length - known} new groups, ${known} updated, 0 entries skipped.`);
    const check = async () => {
      const groups = await logosFeed();
      for (const original of source.groups) {
        assert.equal(sameHeading(groups, original).length, expected[de(original.heading)], de(original.heading));
        const names = original.partners.map((p) => p.name);
        const mine = sameHeading(groups, original).filter(
          (g) => JSON.stringify(g.partners.slice(0, names.length).map((p) => p.name)) === JSON.stringify(names),
        );
        assert.equal(mine.length, 1, de(original.heading));
        assert.deepEqual(mine[0].heading, original.heading);
        assert.deepEqual(
          mine[0].partners.slice(0, original.partners.length).map((p) => [p.name, p.url, p.logo?.src, p.logo?.width, p.logo?.height]),
          original.partners.map((p) => [p.name, p.url, p.logo && new URL(p.logo.src, base).href, p.logo?.width, p.logo?.height]),
        );
      }
      // The file's order is the groups' order on the page.
      const imported = groups.filter((g) =>
        source.groups.some((o) => de(o.heading) === de(g.heading) && o.partners.every((p, i) => g.partners[i]?.name === p.name)),
      );
      assert.deepEqual(
        imported.map((g) => de(g.heading)),
        source.groups.map((g) => de(g.heading)),
      );
      return groups.length;
    };
    const count = await check();
    assert.equal(await upload(path, base), `Import done: 0 new groups, ${source.groups.length} updated, 0 entries skipped.`);
    assert.equal(await check(), count, 'a second import doubles nothing');
  });

  it('skips and counts entries it cannot use (no heading, no name, a javascript: image, a relative path without the file’s address) and keeps the rest', async () => {
    const path = file('bad.json', {
      groups: [
        {
          heading,
          minHeight: 48,
          partners: [
            { name: '' },
            { name: 'Skript', logo: { src: 'javascript:alert(1)' } },
            { name: 'Relativ', logo: { src: '../logo.svg' } },
            {
              name: 'Land Sachsen-Anhalt',
              url: 'https://sachsen-anhalt.example/',
              logo: { src: 'https://cdn.example/lsa.svg', width: 200, height: 80, alt: 'Landeswappen' },
            },
            { name: 'Ohne Logo' },
          ],
        },
        { partners: [] },
        'kein Objekt',
      ],
    });
    assert.equal(await upload(path), 'Import done: 1 new groups, 0 updated, 5 entries skipped.');
    const group = (await logosFeed()).find((g) => g.heading === heading);
    assert.equal(group.minHeight, 48);
    assert.deepEqual(group.partners, [
      {
        name: 'Land Sachsen-Anhalt',
        logo: { src: 'https://cdn.example/lsa.svg', width: 200, height: 80, alt: 'Landeswappen' },
        url: 'https://sachsen-anhalt.example/',
      },
      { name: 'Ohne Logo' },
    ]);
  });

  it('refuses a file that is not a partner-logos file, with a message, and changes nothing', async () => {
    const before = await logosFeed();
    assert.match(await upload(file('benches.json', { benches: [] })), /not a partner logos file/);
    assert.match(await upload(file('broken.json', '{"groups": [')), /not a partner logos file/);
    assert.deepEqual(await logosFeed(), before);
  });

  it('keeps an imported logo’s external image when the group is saved in the editor', async () => {
    const p = await admin(`${url}/wp-admin/edit.php?post_type=stadttraum_logos`);
    const edit = await p.$eval(`xpath///a[contains(@class,"row-title")][contains(., "${heading}")]`, (a) => a.href);
    await p.goto(edit, { waitUntil: 'domcontentloaded' });
    assert.match(await p.$eval('#st-logos', (el) => el.textContent), /External image: https:\/\/cdn\.example\/lsa\.svg/);
    // The admin names the external image but never loads it (that would call its host).
    assert.equal(await p.$$eval('#st-logos img', (imgs) => imgs.length), 0);
    await p.$eval('#st-logos li input[type="url"]', (el) => (el.value = 'https://www.sachsen-anhalt.example/foerderung'));
    await submit(p, '#publish');
    await p.waitForSelector('#message.updated');
    const group = (await logosFeed()).find((g) => g.heading === heading);
    assert.deepEqual(group.partners[0], {
      name: 'Land Sachsen-Anhalt',
      logo: { src: 'https://cdn.example/lsa.svg', width: 200, height: 80, alt: 'Landeswappen' },
      url: 'https://www.sachsen-anhalt.example/foerderung',
    });
  });
});

describe('the Ehrenamtskarte’s programme kept in WordPress', () => {
  const pageUrl = `${url}/wp-admin/edit.php?post_type=stadttraum_partner&page=stadttraum-card-programme`;
  const cardFeed = `${url}/wp-json/stadttraum/v1/card`;
  const fill = (p, selector, value) => p.$eval(selector, (el, v) => (el.value = v), value);

  it('an editor writes the programme in the admin; the feed serves it with an ETag; the card block without data shows it', async () => {
    const p = await admin(pageUrl);
    // From an empty form, whatever an earlier run left.
    await p.$$eval('form input:not([type="hidden"]):not([type="submit"]):not([type="file"]), form textarea', (els) =>
      els.forEach((el) => (el.value = '')),
    );
    await fill(p, '#st-card-name', 'Ehrenamtskarte Harzstedt');
    await fill(p, '#st-card-name-en', 'Volunteer card Harzstedt');
    await fill(p, '#st-card-description', 'Danke für Ihr Engagement.\nDie Karte gilt im ganzen Landkreis.');
    await fill(p, '#st-card-benefits', 'Freier Eintritt ins Museum\n\nRabatt im Freibad');
    await fill(p, '#st-card-benefits-en', 'Free museum admission\nDiscount at the pool');
    await fill(p, '#st-card-apply-office', 'Bürgerbüro');
    await fill(p, '#st-card-apply-url', 'https://www.harzstedt.example/antrag');
    await fill(p, '#st-card-apply-email', 'ehrenamt@harzstedt.example');
    await fill(p, '#st-card-weeks', '48');
    await fill(p, '#st-card-levels', JSON.stringify({ tiers: [{ id: 'blau', name: 'Blaue Karte', rule: { type: 'age', min: 16 } }] }));
    await submit(p, '#submit');
    assert.match(await (await p.waitForSelector('#st-card-saved')).evaluate((el) => el.textContent), /Programme saved/);
    await p.close();

    const res = await fetch(cardFeed);
    const etag = res.headers.get('etag');
    assert.deepEqual(await res.json(), {
      schemaVersion: 1,
      name: { de: 'Ehrenamtskarte Harzstedt', en: 'Volunteer card Harzstedt' },
      description: 'Danke für Ihr Engagement.\nDie Karte gilt im ganzen Landkreis.',
      benefits: [
        { de: 'Freier Eintritt ins Museum', en: 'Free museum admission' },
        { de: 'Rabatt im Freibad', en: 'Discount at the pool' },
      ],
      apply: { office: 'Bürgerbüro', url: 'https://www.harzstedt.example/antrag', email: 'ehrenamt@harzstedt.example' },
      weeksPerYear: 48,
      tiers: [{ id: 'blau', name: 'Blaue Karte', rule: { type: 'age', min: 16 } }],
      partners: [],
    });
    assert.ok(etag);
    assert.equal((await fetch(cardFeed, { headers: { 'If-None-Match': etag } })).status, 304);

    const { url: page } = wp('page', '<!-- wp:stadttraum/ehrenamt-card {"eager":true} /-->');
    const html = await (await fetch(page)).text();
    assert.match(html, /<ehrenamt-card[^>]*\ssrc="[^"]*\/wp-json\/stadttraum\/v1\/card"/);
    const v = await newPage();
    await v.goto(page);
    await v.waitForFunction(() => document.querySelector('ehrenamt-card')?.shadowRoot?.textContent.includes('Ehrenamtskarte Harzstedt'));
    // The card draws what lies below the screen ("how to apply") right after its first frame;
    // updateComplete waits for that, so the text read is the complete card.
    const text = await v.evaluate(async () => {
      const card = document.querySelector('ehrenamt-card');
      await card.updateComplete;
      return card.shadowRoot.textContent;
    });
    assert.match(text, /Rabatt im Freibad/);
    assert.match(text, /Bürgerbüro/);
    // A foreign address still wins over the programme kept here.
    const { url: foreign } = wp('page', '<!-- wp:stadttraum/ehrenamt-card {"src":"/daten/ehrenamt.json"} /-->');
    assert.match(await (await fetch(foreign)).text(), /<ehrenamt-card[^>]*\ssrc="\/daten\/ehrenamt\.json"/);
  });

  it('a broken levels text is not saved: a message says why, the editor’s input stays in the form, the feed is unchanged', async () => {
    const before = await (await fetch(cardFeed)).json();
    const p = await admin(pageUrl);
    await fill(p, '#st-card-region', 'Landkreis Harz');
    await fill(p, '#st-card-levels', '{"tiers": [ {"id": "blau"');
    await submit(p, '#submit');
    assert.match(
      await (await p.waitForSelector('#st-card-error')).evaluate((el) => el.textContent),
      /not valid JSON.*your input is still in the form/,
    );
    assert.equal(await p.$eval('#st-card-region', (el) => el.value), 'Landkreis Harz');
    assert.equal(await p.$eval('#st-card-levels', (el) => el.value), '{"tiers": [ {"id": "blau"');
    assert.deepEqual(await (await fetch(cardFeed)).json(), before);
  });

  it('fills the programme from a town’s existing card file (its levels and self-check included, its partners left to the partner import)', async () => {
    const source = JSON.parse(readFileSync(fileURLToPath(new URL('../../demo/data/ehrenamt.json', import.meta.url)), 'utf8'));
    const p = await admin(pageUrl);
    await (await p.$('#st-card-json')).uploadFile(fileURLToPath(new URL('../../demo/data/ehrenamt.json', import.meta.url)));
    await submit(p, '#submit');
    await p.waitForSelector('#st-card-saved');
    // The form shows what was read, ready to edit.
    assert.equal(await p.$eval('#st-card-name', (el) => el.value), source.name.de);
    await p.close();
    const feed = await (await fetch(cardFeed)).json();
    for (const key of ['name', 'issuer', 'region', 'description', 'benefits', 'weeksPerYear', 'tiers', 'apply', 'categories']) {
      if (key in source) assert.deepEqual(feed[key], source[key], key);
    }
    assert.deepEqual(feed.partners, []);
  });
});

describe('the bench editor’s map picker', () => {
  it('loads nothing from the tile server before the editor asks; then click, drag, keyboard and the number fields all set the same position', async () => {
    const p = await admin(`${url}/wp-admin/post-new.php?post_type=stadttraum_bank`);
    const outside = [];
    p.on('request', (r) => new URL(r.url()).hostname !== '127.0.0.1' && outside.push(r.url()));
    const loaded = [];
    p.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    const fields = () =>
      p.evaluate(() => [Number(document.querySelector('#st-st-lat').value), Number(document.querySelector('#st-st-lon').value)]);
    const status = () => p.$eval('#st-bench-map .st-map-status', (el) => el.textContent);
    await p.$eval('#title', (el) => (el.value = 'Kartentest, Anger'));
    await p.$eval('#st-st-lat', (el) => (el.value = '51.7302'));
    await p.$eval('#st-st-lon', (el) => (el.value = '11.259'));
    // Before consent: the question names the tile server, no Leaflet, no tile.
    const tiles = new URL((await p.$eval('#st-bench-map', (el) => el.dataset.tiles)).replace(/\{[a-z]\}/g, '0')).hostname;
    assert.match(await p.$eval('#st-bench-map-consent', (el) => el.textContent), new RegExp(tiles.replace(/\./g, '\\.')));
    assert.deepEqual(outside, []);
    assert.equal(
      loaded.some((u) => u.endsWith('/vendor/leaflet.js')),
      false,
    );

    await p.click('#st-bench-map .st-map-show');
    await p.waitForSelector('#st-bench-map .leaflet-container .st-bench-pin');
    assert.equal(
      await p.evaluate(() => document.activeElement?.classList.contains('st-map-stage')),
      true,
      'the map takes the focus from the button that went away',
    );
    await p.waitForFunction((host) => performance.getEntriesByType('resource').some((e) => new URL(e.name).hostname === host), {}, tiles);
    assert.equal(await status(), 'Marker on the map at 51.73020, 11.25900.');

    // A click 60 px right of the centre: further east, same latitude (within a pixel).
    const stage = await (await p.$('#st-bench-map .st-map-stage')).boundingBox();
    await p.mouse.click(stage.x + stage.width / 2 + 60, stage.y + stage.height / 2);
    const clicked = await fields();
    assert.ok(clicked[1] > 11.259 && Math.abs(clicked[0] - 51.7302) < 0.0001, JSON.stringify(clicked));
    assert.equal(await status(), `Marker on the map at ${clicked[0].toFixed(5)}, ${clicked[1].toFixed(5)}.`);

    // Dragging the marker 40 px down: further south.
    const pin = await (await p.$('.st-bench-pin')).boundingBox();
    await p.mouse.move(pin.x + pin.width / 2, pin.y + pin.height / 2);
    await p.mouse.down();
    await p.mouse.move(pin.x + pin.width / 2, pin.y + pin.height / 2 + 20, { steps: 4 });
    await p.mouse.move(pin.x + pin.width / 2, pin.y + pin.height / 2 + 40, { steps: 4 });
    await p.mouse.up();
    await p.waitForFunction((lat) => Number(document.querySelector('#st-st-lat').value) < lat - 0.0001, {}, clicked[0]);
    const dragged = await fields();
    assert.ok(Math.abs(dragged[1] - clicked[1]) < 0.0002, JSON.stringify(dragged));

    // Keyboard: the focused marker moves north with ArrowUp.
    await p.focus('.st-bench-pin');
    await p.keyboard.press('ArrowUp');
    const keyed = await fields();
    assert.ok(keyed[0] > dragged[0] && keyed[1] === dragged[1], JSON.stringify([dragged, keyed]));

    // Keyboard: pan the map west, then take its centre.
    await p.focus('#st-bench-map .st-map-stage');
    for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowLeft');
    await p.waitForFunction(() => !document.querySelector('.leaflet-pan-anim'));
    await p.click('#st-bench-map .st-map-centre');
    const centred = await fields();
    assert.ok(centred[1] < keyed[1], JSON.stringify([keyed, centred]));

    // Typed coordinates move the marker (the fields stay the source).
    await p.click('#st-st-lat', { clickCount: 3 });
    await p.keyboard.type('51.7401');
    await p.click('#st-st-lon', { clickCount: 3 });
    await p.keyboard.type('11.2702');
    assert.equal(await status(), 'Marker on the map at 51.74010, 11.27020.');

    await p.evaluate(() => window.wp.autosave?.server.suspend());
    await p.waitForFunction(() => !document.querySelector('#publish').classList.contains('disabled'));
    await submit(p, '#publish');
    await p.waitForSelector('#message.updated');
    const bench = (await (await fetch(`${url}/wp-json/stadttraum/v1/benches`)).json()).benches.find((b) => b.name === 'Kartentest, Anger');
    assert.deepEqual(bench.position, { lat: 51.7401, lon: 11.2702 });
  });
});
