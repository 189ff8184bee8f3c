// What must hold on every WordPress the plugin supports: run by scripts/test-wordpress.mjs on
// 6.1 (Debian's) and on 6.5 (@wp-playground/wordpress-builds, whose admin assets are stripped:
// front end, REST, script modules and block registration only).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, wp } from './site.mjs';

const url = process.env.WP_URL;
const dir = process.env.WP_DIR;
const core = process.env.WP_CORE;
const pages = JSON.parse(process.env.WP_PAGES ?? '{}');
const version = process.env.WP_VERSION;
const tags = ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos', 'jugend-budget'];
const timeout = 20000;
if (!url) throw new Error('Start with: npm run test:wordpress');

/** Script modules arrived in 6.5. */
const modern = Number(core.split('.').slice(0, 2).join('.')) >= 6.5;

const { newPage } = useBrowser({ consoleErrors: true, widgets: true });

describe(`WordPress ${core}`, () => {
  it(`renders the page with all five blocks as working widgets, the loader once as ${modern ? 'a script module' : 'type="module"'}`, async () => {
    const html = await (await fetch(pages.blocks)).text();
    const loader = `/wp-content/plugins/stadttraum/widgets/${version}/stadttraum.js`;
    const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((t) => t.includes(loader));
    assert.equal(scripts.length, 1, `genau ein Skript-Tag für den Lader: ${scripts.join(' ')}`);
    assert.match(scripts[0], /type=["']module["']/);
    // 6.5+: WordPress's Script Modules API prints it (id "<handle>-js-module"); 6.1: the classic
    // tag of the registered script, turned into a module by the plugin.
    assert.match(scripts[0], modern ? /id=["']stadttraum-js-module["']/ : /id=["']stadttraum-js["']/);
    assert.doesNotMatch(html, /editor-canvas\.js/, 'das Editor-Skript bleibt im Admin');
    // The youth budget block without a source shows the vote run on Settings → Youth budget vote.
    assert.match(html, /<jugend-budget[^>]*\ssrc="[^"]*stadttraum\/v1\/vote\/feed"/);

    const p = await newPage();
    await p.goto(pages.blocks);
    await p.waitForFunction((n) => window.__loaded.length >= n || window.__failed.length > 0, { timeout }, tags.length);
    assert.deepEqual(await p.evaluate(() => window.__failed), []);
    assert.deepEqual((await p.evaluate(() => window.__loaded)).sort(), [...tags].sort());
    const wall = await p.evaluate(() => document.querySelector('idea-wall').shadowRoot.textContent);
    assert.match(wall, /Das rollende Sofa/);
    assert.deepEqual(p.errors, []);
  });

  it('registers the five blocks from their block.json with apiVersion 3, every attribute, the supports and both scripts', () => {
    const { version: v, modules, blocks } = wp('blocks');
    assert.equal(v, core);
    assert.equal(modules, modern, 'Script Modules API vorhanden genau ab 6.5');
    assert.deepEqual(Object.keys(blocks).sort(), tags.map((t) => `stadttraum/${t}`).sort());
    for (const [name, b] of Object.entries(blocks)) {
      assert.equal(b.apiVersion, 3, name);
      assert.ok(b.render, `${name}: PHP rendert`);
      for (const a of [...b.definitions, 'data', 'align', 'className']) assert.ok(b.attributes.includes(a), `${name}: Attribut ${a} fehlt`);
      assert.deepEqual(b.supports.align, ['wide', 'full'], name);
      assert.equal(b.supports.color?.background, true, name);
      assert.deepEqual(b.editorScript, ['stadttraum-blocks'], name);
      assert.deepEqual(b.script, ['stadttraum-editor'], name);
    }
  });

  it('puts alignment and palette colours on the block as classes, never as style=""', async () => {
    const block = (attrs) =>
      `<!-- wp:stadttraum/partner-logos ${JSON.stringify({ data: '{"groups":[{"title":"Partner","logos":[{"name":"Verein"}]}]}', ...attrs })} /-->`;
    const { url: page } = wp(
      'page',
      [
        block({ align: 'wide', backgroundColor: 'contrast', textColor: 'base', className: 'mein-rahmen' }),
        block({ style: { color: { background: '#123456' } } }),
      ].join('\n'),
    );
    const html = await (await fetch(page)).text();
    const wrappers = html.match(/<div class="stadttraum-widget[^"]*"[^>]*>/g) ?? [];
    assert.equal(wrappers.length, 2, html.slice(0, 300));
    for (const cls of [
      'wp-block-stadttraum-partner-logos',
      'alignwide',
      'has-contrast-background-color',
      'has-background',
      'has-base-color',
      'has-text-color',
      'mein-rahmen',
    ]) {
      assert.match(wrappers[0], new RegExp(`[" ]${cls}[" ]`), `${cls} fehlt: ${wrappers[0]}`);
    }
    for (const w of wrappers) assert.doesNotMatch(w, /style=/, w);
    assert.doesNotMatch(html, /#123456/, 'eine eigene Farbe erreicht die Seite nicht als Inline-Stil');
  });

  it('serves the ideas feed over REST with an ETag and answers 304', async () => {
    const res = await fetch(`${url}/wp-json/stadttraum/v1/ideas`);
    assert.equal(res.status, 200);
    const etag = res.headers.get('etag');
    assert.ok(etag, 'ETag');
    const body = await res.json();
    assert.ok(JSON.stringify(body).includes('Das rollende Sofa'));
    assert.equal((await fetch(`${url}/wp-json/stadttraum/v1/ideas`, { headers: { 'If-None-Match': etag } })).status, 304);
  });

  it('serves the benches, card partners, logo groups and card programme kept in WordPress over REST in the static files’ formats, each with an ETag and 304', async () => {
    // One shared helper (includes/class-content-type.php) answers all four: each must keep its own
    // route, body and ETag.
    const etags = new Set();
    for (const [route, list] of [
      ['benches', 'benches'],
      ['partners', 'partners'],
      ['logos', 'groups'],
      ['card', 'partners'],
    ]) {
      const res = await fetch(`${url}/wp-json/stadttraum/v1/${route}`);
      assert.equal(res.status, 200, route);
      const body = await res.json();
      assert.equal(body.schemaVersion, 1, route);
      assert.ok(Array.isArray(body[list]), `${route}: ${list}`);
      const etag = res.headers.get('etag');
      assert.match(etag ?? '', /^"[a-z]-[0-9a-f]{32}"$/, route);
      etags.add(etag);
      assert.equal((await fetch(`${url}/wp-json/stadttraum/v1/${route}`, { headers: { 'If-None-Match': etag } })).status, 304, route);
    }
    assert.equal(etags.size, 4, 'every feed has its own ETag');
  });
});

// The plugin directory's rules for readme.txt and the main file's header
// (developer.wordpress.org/plugins/wordpress-org/how-your-readme-txt-works/, …/plugin-basics/header-requirements/),
// checked on the plugin as it was unzipped from the release zip into this site.
describe('plugin directory rules (the installed zip)', () => {
  const plugin = join(dir ?? '', 'wp-content/plugins/stadttraum');
  const field = (text, name) => text.match(new RegExp(`^[ *]*${name}:\\s*(.+)$`, 'mi'))?.[1].trim();

  it(`readme.txt: Tested up to ${process.env.WP_NEWEST}, licence with URI, stable tag = version, short description, tags, sections`, () => {
    const readme = readFileSync(join(plugin, 'readme.txt'), 'utf8');
    const main = readFileSync(join(plugin, 'stadttraum.php'), 'utf8');
    assert.match(readme, /^=== stadttraum ===$/m);
    assert.equal(field(readme, 'Tested up to'), process.env.WP_NEWEST, 'die neueste Version, auf der die Tests liefen');
    assert.equal(field(readme, 'License'), 'MIT');
    assert.match(field(readme, 'License URI') ?? '', /^https:\/\//);
    assert.equal(field(readme, 'Stable tag'), field(main, 'Version'));
    assert.equal(field(readme, 'Requires at least'), field(main, 'Requires at least'));
    assert.equal(field(readme, 'Requires PHP'), field(main, 'Requires PHP'));
    const tags = field(readme, 'Tags')
      .split(',')
      .map((t) => t.trim());
    assert.ok(tags.length >= 1 && tags.length <= 5, `höchstens 5 Tags: ${tags}`);
    const short = readme.split(/\r?\n\r?\n/)[1].trim();
    assert.ok(short.length > 20 && short.length <= 150 && !short.startsWith('=='), `Kurzbeschreibung (≤ 150 Zeichen): ${short.length}`);
    for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Screenshots', 'Changelog']) {
      assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'), `Abschnitt ${section}`);
    }
    assert.match(
      readme.split('== Changelog ==')[1],
      new RegExp(`^= ${field(main, 'Version').replace(/\./g, '\\.')} =$`, 'm'),
      'Changelog nennt die Version',
    );
  });

  it('main file header: name, licence with URI, text domain = folder, domain path; LICENSE in the folder; no npm advice to site owners', () => {
    const main = readFileSync(join(plugin, 'stadttraum.php'), 'utf8');
    assert.ok(field(main, 'Plugin Name'));
    assert.equal(field(main, 'License'), 'MIT');
    assert.match(field(main, 'License URI') ?? '', /^https:\/\//);
    assert.equal(field(main, 'Text Domain'), 'stadttraum');
    const domainPath = field(main, 'Domain Path');
    assert.ok(domainPath && existsSync(join(plugin, domainPath)), `Domain Path ${domainPath} gibt es im Plugin`);
    assert.match(readFileSync(join(plugin, 'LICENSE'), 'utf8'), /^MIT License\s+Copyright \(c\) \d{4} the stadttraum contributors/);
    const php = (d) =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? php(join(d, e.name)) : e.name.endsWith('.php') ? [join(d, e.name)] : [],
      );
    for (const file of php(plugin)) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /__\(\s*'[^']*npm run/, `${file}: Hinweis mit npm für Website-Betreiber`);
      // Global names carry the plugin's prefix (functions, classes, constants).
      for (const [, name] of text.matchAll(/^(?:final\s+|abstract\s+)?(?:function|class|interface|trait)\s+(\w+)/gm))
        assert.match(name, /^stadttraum_/i, `${file}: ${name}`);
      for (const [, name] of text.matchAll(/\bdefine\(\s*'(\w+)'/g)) assert.match(name, /^STADTTRAUM_/, `${file}: ${name}`);
      // Every translatable string in the plugin's own text domain.
      for (const [call] of text.matchAll(
        /\b(?:__|_e|_x|_n|esc_html__|esc_html_e|esc_attr__|esc_attr_e|esc_html_x|esc_attr_x)\(\s*'(?:[^'\\]|\\.)*'[^;]*?\)/g,
      )) {
        if (!/'stadttraum'\s*\)/.test(call)) assert.fail(`${file}: ohne Text-Domain stadttraum: ${call.slice(0, 80)}`);
      }
    }
  });
});
