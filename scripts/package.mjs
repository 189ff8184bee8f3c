// `npm run package`: builds the widgets (unless --no-build) and writes two zips to dist/release/:
//   stadttraum-wordpress-<version>.zip  the WordPress plugin, widgets under stadttraum/widgets/<version>/
//   stadttraum-<version>.zip            widgets under stadttraum-<version>/stadttraum/<version>/, sample
//                                       feeds, JSON Schemas and a one-page guide in German (EINBINDEN.html)
//                                       and English (EMBEDDING.html) whose snippets carry SRI hashes, and the
//                                       static Storybook as the English API reference (api/).
// Both carry LICENSE and THIRD-PARTY-NOTICES.txt next to the code.
// Reproducible: the same commit gives the same bytes on any machine and in any time zone (every entry
// is stamped with the last commit's time in UTC, files in sorted order, fixed modes); CI builds under
// two time zones and compares (scripts/check-reproducible.mjs).

// Zip times are DOS local times without a zone; yazl (like every zip writer) takes them from a Date's
// local fields. Pinning this process to UTC makes them the same everywhere (Node applies a change of
// process.env.TZ at once). Deflate output can still differ between zlib versions, i.e. Node versions.
process.env.TZ = 'UTC';

import { strictCsp } from '../demo/server.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { brokenLinks } from './doc-links.mjs';
import { build as buildTranslations } from './wordpress-i18n.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = pkg.version;
const out = join(root, 'dist', 'release');

if (!args.has('--no-build')) {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// --- files ------------------------------------------------------------------------------------
/** All files below dir (sorted, for reproducible zips), as paths relative to dir with '/'. */
function walk(dir) {
  const files = [];
  const visit = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (name === '.DS_Store') continue;
      if (statSync(full).isDirectory()) visit(full);
      else files.push(relative(dir, full).split(sep).join('/'));
    }
  };
  visit(dir);
  return files;
}

const dist = join(root, 'dist');
let widgetFiles;
try {
  // preload.json: which files each widget's first render needs, for <head> hints (the plugin reads it).
  widgetFiles = ['stadttraum.js', 'stadttraum.css', 'preload.json', ...walk(join(dist, 'chunks')).map((f) => `chunks/${f}`)];
  statSync(join(dist, 'stadttraum.js'));
} catch {
  console.error('dist/stadttraum.js fehlt: erst `npm run build` (oder ohne --no-build aufrufen).');
  process.exit(1);
}
const widget = (f) => readFileSync(join(dist, f));
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

// --- zip ----------------------------------------------------------------------------------------
// yazl (instead of the former hand-written writer): the local/central headers, CRCs, zip64 and
// UTF-8 names are its job, read-tested by millions of installs; we fix what makes bytes differ:
// entry order (as given, sorted), timestamps (one fixed time, DOS field only) and modes.

/** Time of the last commit (reproducible), or SOURCE_DATE_EPOCH, or now. */
function buildTime() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  const r = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' });
  const t = Number(r.stdout?.trim());
  return t ? new Date(t * 1000) : new Date();
}
const mtime = buildTime();

/** entries: [path, Buffer|string][] (a later entry for the same path replaces an earlier one);
 * a directory entry is added for every parent path. Resolves to the zip's bytes. */
function zip(entries) {
  const files = new Map();
  for (const [path, data] of entries) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++)
      if (!files.has(parts.slice(0, i).join('/') + '/')) files.set(parts.slice(0, i).join('/') + '/', null);
    files.set(path, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  }
  const z = new yazl.ZipFile();
  // forceDosTimestamp: no extra field with the machine's idea of UTC, only the pinned DOS time.
  for (const [path, data] of files) {
    if (data === null) z.addEmptyDirectory(path, { mtime, mode: 0o40755, forceDosTimestamp: true });
    else z.addBuffer(data, path, { mtime, mode: 0o100644, forceDosTimestamp: true, compressionLevel: 9 });
  }
  z.end();
  return new Promise((resolve, reject) => {
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

// --- licences ---------------------------------------------------------------------------------
// The project's MIT licence and the notices of every bundled package travel with the code: next
// to the widget files (they are what gets copied onto a web server) and at the top of each zip.
const licence = readFileSync(join(root, 'LICENSE'));
let notices;
try {
  notices = readFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'));
} catch {
  console.error('dist/THIRD-PARTY-NOTICES.txt fehlt: erst `npm run build`.');
  process.exit(1);
}
const legal = (dir) => [
  [`${dir}LICENSE`, licence],
  [`${dir}THIRD-PARTY-NOTICES.txt`, notices],
];

// --- WordPress plugin -------------------------------------------------------------------------
// languages/: the .pot from the code, .mo and editor JSON from the .po files; a string without a
// German translation stops the package (a German site would show it in English).
const translations = buildTranslations();
for (const [locale, missing] of Object.entries(translations.missing)) {
  if (missing.length) {
    console.error(
      `wordpress/stadttraum/languages/stadttraum-${locale}.po: ${missing.length} Texte ohne Übersetzung:\n  ${missing.join('\n  ')}`,
    );
    process.exit(1);
  }
}
const pluginSrc = join(root, 'wordpress', 'stadttraum');
const pluginEntries = walk(pluginSrc).map((f) => {
  let data = readFileSync(join(pluginSrc, f));
  if (f === 'stadttraum.php' || f === 'readme.txt') {
    data = data
      .toString('utf8')
      .replace(/^( \* Version:\s*).+$/m, `$1${version}`)
      .replace(/define\( 'STADTTRAUM_VERSION', '[^']*' \)/, `define( 'STADTTRAUM_VERSION', '${version}' )`)
      .replace(/^(Stable tag:\s*).+$/m, `$1${version}`);
  }
  return [`stadttraum/${f}`, data];
});
for (const f of widgetFiles) pluginEntries.push([`stadttraum/widgets/${version}/${f}`, widget(f)]);
// The bench editor's map picker (assets/bench-map.js) imports the widgets' pinned Leaflet as an ES
// module of its own (its licence is in THIRD-PARTY-NOTICES.txt with the map chunk's).
for (const f of ['leaflet.js', 'leaflet.css']) {
  const text = readFileSync(join(root, 'node_modules', 'leaflet', 'dist', f), 'utf8').replace(/\n\/[/*]# sourceMappingURL=.*$/, '\n');
  pluginEntries.push([`stadttraum/assets/vendor/${f}`, Buffer.from(text)]);
}
// The root LICENSE wins over a copy in wordpress/stadttraum/, so the two can never differ in the zip.
pluginEntries.push(...legal('stadttraum/'), ...legal(`stadttraum/widgets/${version}/`));
// Caching on Apache: hashed chunks for a year, the loader for 10 minutes (docs/self-hosting.md).
const htaccess = readFileSync(join(root, 'scripts', 'widgets.htaccess'));
pluginEntries.push([`stadttraum/widgets/${version}/.htaccess`, htaccess]);

// --- plain release ----------------------------------------------------------------------------
const top = `stadttraum-${version}`;
const base = `/stadttraum/${version}`;
const loaderSri = sri(widget('stadttraum.js'));
const cssSri = sri(widget('stadttraum.css'));
const integrityMap = Object.fromEntries(widgetFiles.filter((f) => !f.endsWith('.json')).map((f) => [`${base}/${f}`, sri(widget(f))]));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The stylesheet first: it reserves each widget's space before the script runs (CLS 0.000 with it,
// 0.24 without on the demo page with all four widgets).
const snippet = `<link rel="stylesheet" href="${base}/stadttraum.css"
      integrity="${cssSri}" crossorigin="anonymous">
<script type="module" async src="${base}/stadttraum.js"
        integrity="${loaderSri}" crossorigin="anonymous"></script>`;
const importMap = `<script type="importmap">
${JSON.stringify({ integrity: integrityMap }, null, 2)}
</script>`;
// Optional <head> lines per widget (dist/preload.json): the loader and its first render's chunks as
// modulepreload, with the same SRI hashes as above, and the feed hint for a widget at the top.
const preloadManifest = JSON.parse(widget('preload.json'));
const feeds = {
  'idea-wall': 'ideas.json',
  'mitfahrbank-map': 'benches.json',
  'ehrenamt-card': 'ehrenamt.json',
  'partner-logos': 'partners.json',
};
const hintLines = (tag, dataDir, comment) =>
  [preloadManifest.loader, ...preloadManifest.widgets[tag].code]
    .map((f) => `<link rel="modulepreload" href="${base}/${f}"\n      integrity="${sri(widget(f))}" crossorigin="anonymous">`)
    .concat(`<!-- ${comment} -->`, `<link rel="preload" as="fetch" href="${dataDir}${feeds[tag]}" crossorigin="anonymous">`)
    .join('\n');
const hintBlocks = (dataDir, comment) => Object.keys(feeds).map((tag) => [tag, hintLines(tag, dataDir, comment)]);
// The same header the demo's strict page is served with.
const csp = strictCsp;
const widgetsSnippet = (dataDir) => `<idea-wall src="${dataDir}ideas.json">
  <a href="/ideas">…</a>
</idea-wall>

<mitfahrbank-map src="${dataDir}benches.json" privacy-url="/privacy"></mitfahrbank-map>

<ehrenamt-card src="${dataDir}ehrenamt.json"></ehrenamt-card>

<partner-logos src="${dataDir}partners.json"></partner-logos>`;

const guideText = {
  de: {
    file: 'EINBINDEN.html',
    other: { file: 'EMBEDDING.html', label: 'English version', lang: 'en' },
    title: `stadttraum ${version} – so binden Sie es ein`,
    intro: `Vier barrierefreie Widgets für Websites von Kommunen und Vereinen: Ideenwand, Mitfahrbänke, Ehrenamtskarte,
Partnerlogos. Ohne Cookies, ohne Drittanbieter vor einer Zustimmung, unter strenger Content-Security-Policy.`,
    files: `<h2>1. Dateien auf Ihren Server legen</h2>
<p>Kopieren Sie den Ordner <code>stadttraum/${version}/</code> aus dieser ZIP-Datei so auf Ihren Webserver, dass er unter
<code>https://ihre-seite.de${base}/</code> erreichbar ist. Ein CDN ist nicht nötig. Legen Sie spätere Versionen daneben
(<code>/stadttraum/0.2.0/</code>) – zwischengespeicherte Seiten finden so immer ihre Dateien. <code>LICENSE</code> und
<code>THIRD-PARTY-NOTICES.txt</code> im Ordner gehören dazu: Die Lizenzen von stadttraum und der enthaltenen Bibliotheken
(Lit, Leaflet, valibot …) verlangen, dass diese Hinweise mit dem Code weitergegeben werden.</p>`,
    script: `<h2>2. Stylesheet und Skript einbinden (einmal je Seite, im <code>&lt;head&gt;</code>)</h2>
<pre><code>${esc(snippet)}</code></pre>
<p>Das Stylesheet hält den Platz der Widgets frei, bevor das Skript läuft – nichts springt beim Laden.
<code>integrity</code> prüft, dass der Browser genau diese Dateien verwendet. Die Widgets selbst lädt das Skript
nach, sobald ihr Tag auf der Seite steht. Wer auch diese nachgeladenen Teile prüfen lassen will (Chrome/Edge ab
127, Safari ab 18, Firefox ab 138), setzt zusätzlich <em>vor</em> das Skript diese Import-Map (unter CSP braucht
sie einen <code>'sha256-…'</code>-Eintrag in <code>script-src</code>):</p>
<pre><code>${esc(importMap)}</code></pre>`,
    hints: `<h3>Optional: eine Wartezeit weniger (Zeilen für den <code>&lt;head&gt;</code>)</h3>
<p>Ohne diese Zeilen erfährt der Browser erst aus dem Skript, welchen Code und welche Daten ein Widget braucht: Seite,
Skript, dann Code und Daten – drei Wartezeiten, im Mobilfunknetz je 0,1–0,2 Sekunden. Nennt die Seite sie selbst, kommen
Skript, Code und Daten zusammen gleich nach der Seite. Setzen Sie für jedes Widget, das oben auf der Seite steht,
seine Zeilen <em>vor</em> das Skript (Zeilen, die zwei Widgets teilen, nur einmal). Die Dateinamen ändern sich mit jeder
Version: Kopieren Sie die Zeilen bei jedem Update neu (veraltete Zeilen kosten nur eine unnötige Anfrage). Die letzte
Zeile lädt die Daten vorab; nehmen Sie sie nur für ein Widget, das beim Laden sichtbar ist oder <code>eager</code> hat
(sonst lädt jeder Besucher Daten, die er vielleicht nie sieht), mit genau der Adresse aus <code>src</code>. Safari lädt
die Daten dann zweimal (kleine Dateien: ein paar KB); Chrome, Edge und Firefox nur einmal.</p>
${hintBlocks('/daten/', 'nur wenn das Widget oben steht oder eager hat:')
  .map(([tag, lines]) => `<details><summary><code>&lt;${tag}&gt;</code></summary>\n<pre><code>${esc(lines)}</code></pre></details>`)
  .join('\n')}`,
    widgets: `<h2>3. Widgets auf die Seite setzen</h2>
<p>Die Beispieldaten liegen im Ordner <code>beispieldaten/</code>; legen Sie Ihre eigenen Dateien z. B. unter
<code>/daten/</code> ab. Der Inhalt im Tag erscheint, solange kein JavaScript läuft.</p>
<pre><code>${esc(widgetsSnippet('/daten/').replace('/ideas"', '/ideen"').replace('>…<', '>Alle Ideen als Liste<').replace('/privacy', '/datenschutz'))}</code></pre>
<p>Ohne eigenen Server für Daten: JSON direkt in den Tag schreiben:</p>
<pre><code>${esc(`<partner-logos>
  <script type="application/json">{ "groups": [ … ] }</script>
</partner-logos>`)}</code></pre>
<p>Das Format jeder Datei beschreibt <code>schemas/*.schema.json</code> (JSON Schema); Editoren wie VS Code prüfen
Ihre Datei damit, wenn Sie <code>"$schema"</code> darauf zeigen lassen (relativ zur Datei, z. B.
<code>"$schema": "../schemas/idea-wall.schema.json"</code>).</p>`,
    csp: `<h2>4. Content-Security-Policy (empfohlen)</h2>
<pre><code>Content-Security-Policy: ${esc(csp)}</code></pre>
<p>Nutzen Sie einen anderen Kachel-Server für Karten, tragen Sie ihn statt <code>https://tile.openstreetmap.org</code>
ein. Liegen die Daten auf einem anderen Server, ergänzen Sie ihn unter <code>connect-src</code>.</p>`,
    consent: `<h2>5. Zustimmung für Karten</h2>
<p>Karten laden Kacheln erst nach einem Klick auf „Karte anzeigen“. Fragt Ihr Consent-Manager schon, rufen Sie
in dessen Opt-in-Code <code>window.stadttraum.consent.grant('map')</code> und im Opt-out-Code
<code>window.stadttraum.consent.revoke('map')</code> auf.</p>`,
    wordpress: `<h2>WordPress</h2>
<p>Nehmen Sie statt dieser Dateien das Plugin <code>stadttraum-wordpress-${version}.zip</code>:
Plugins → Installieren → Plugin hochladen. Es bringt Blöcke, Shortcodes und eine Ideenverwaltung mit.</p>`,
    checker: `<h2>Daten prüfen</h2>
<p><code>pruefen/index.html</code> (über einen Webserver geöffnet) prüft Ihre JSON- oder CSV-Datei, zeigt jedes
Problem mit Zeile und Feld und baut den Einbau-Code. Tabellen-Vorlagen liegen in <code>pruefen/templates/</code>.</p>`,
    more: `<h2>Mehr</h2>
<p>Anleitungen für WordPress, TYPO3, statische Seiten und das Selbst-Hosten, ein Textbaustein für die
Datenschutzerklärung und eine Hilfe zur Barrierefreiheitserklärung stehen im Ordner <code>docs/</code>.
Lizenz: MIT (<code>LICENSE</code>); enthaltene Bibliotheken: <code>THIRD-PARTY-NOTICES.txt</code>.</p>`,
  },
  en: {
    file: 'EMBEDDING.html',
    other: { file: 'EINBINDEN.html', label: 'Deutsche Fassung', lang: 'de' },
    title: `stadttraum ${version} – how to embed it`,
    intro: `Four accessible widgets for the websites of towns and associations: idea wall, ride-share benches
(Mitfahrbänke), volunteer card (Ehrenamtskarte), partner logos. No cookies, nothing third-party before consent,
works under a strict Content Security Policy.`,
    files: `<h2>1. Put the files on your server</h2>
<p>Copy the folder <code>stadttraum/${version}/</code> from this zip onto your web server so that it is served at
<code>https://your-site.example${base}/</code>. No CDN is needed. Put later versions next to it
(<code>/stadttraum/0.2.0/</code>), so cached pages always find their files. <code>LICENSE</code> and
<code>THIRD-PARTY-NOTICES.txt</code> in that folder belong with it: the licences of stadttraum and of the libraries it
contains (Lit, Leaflet, valibot …) require these notices to travel with the code.</p>`,
    script: `<h2>2. Include the stylesheet and the script (once per page, in the <code>&lt;head&gt;</code>)</h2>
<pre><code>${esc(snippet)}</code></pre>
<p>The stylesheet reserves the widgets' space before the script runs, so nothing jumps while the page loads.
<code>integrity</code> makes the browser check that it uses exactly these files. The script loads each widget's
code once its tag is on the page. To have those parts checked too (Chrome/Edge 127+, Safari 18+, Firefox 138+),
also put this import map <em>before</em> the script (under a CSP it needs a <code>'sha256-…'</code> entry in
<code>script-src</code>):</p>
<pre><code>${esc(importMap)}</code></pre>`,
    hints: `<h3>Optional: one wait less (lines for the <code>&lt;head&gt;</code>)</h3>
<p>Without these lines the browser learns only from the script which code and data a widget needs: page, script, then
code and data, three waits, each 0.1–0.2 seconds on a phone network. When the page names them itself, script, code and
data come together right after the page. For each widget at the top of the page, put its lines <em>before</em> the
script (lines two widgets share only once). The file names change with every version: copy the lines again with each
update (stale lines only cost a needless request). The last line fetches the data early; use it only for a widget that
is visible when the page loads or has <code>eager</code> (otherwise every visitor loads data they may never see), with
exactly the address in <code>src</code>. Safari then loads the data twice (small files: a few KB); Chrome, Edge and
Firefox once.</p>
${hintBlocks('/data/', 'only if the widget is at the top or has eager:')
  .map(([tag, lines]) => `<details><summary><code>&lt;${tag}&gt;</code></summary>\n<pre><code>${esc(lines)}</code></pre></details>`)
  .join('\n')}`,
    widgets: `<h2>3. Put widgets on the page</h2>
<p>Sample data is in the folder <code>beispieldaten/</code> (English samples in <code>beispieldaten/en/</code>); put
your own files under e.g. <code>/data/</code>. The content inside the tag shows as long as no JavaScript runs.
<code>lang="en"</code> on the tag or on <code>&lt;html&gt;</code> switches the widgets to English.</p>
<pre><code>${esc(widgetsSnippet('/data/').replace('>…<', '>All ideas as a list<'))}</code></pre>
<p>Without a server for data: write the JSON into the tag:</p>
<pre><code>${esc(`<partner-logos>
  <script type="application/json">{ "groups": [ … ] }</script>
</partner-logos>`)}</code></pre>
<p>The format of each file is described by <code>schemas/*.schema.json</code> (JSON Schema); editors such as VS Code
check your file against it when its <code>"$schema"</code> points there (relative to the file, e.g.
<code>"$schema": "../schemas/idea-wall.schema.json"</code>).</p>`,
    csp: `<h2>4. Content Security Policy (recommended)</h2>
<pre><code>Content-Security-Policy: ${esc(csp)}</code></pre>
<p>If your maps use another tile server, put it in place of <code>https://tile.openstreetmap.org</code>. If the data
comes from another server, add it to <code>connect-src</code>.</p>`,
    consent: `<h2>5. Consent for maps</h2>
<p>Maps load tiles only after a click on “Show map”. If your consent manager already asks, call
<code>window.stadttraum.consent.grant('map')</code> in its opt-in code and
<code>window.stadttraum.consent.revoke('map')</code> in its opt-out code.</p>`,
    wordpress: `<h2>WordPress</h2>
<p>Instead of these files, use the plugin <code>stadttraum-wordpress-${version}.zip</code>:
Plugins → Add New → Upload Plugin. It brings blocks, shortcodes and an idea manager.</p>`,
    checker: `<h2>Check your data</h2>
<p><code>pruefen/index.html</code> (opened through a web server) checks your JSON or CSV file, shows every problem
with its row and field, and builds the embed code. Spreadsheet templates are in <code>pruefen/templates/</code>.</p>`,
    more: `<h2>More</h2>
<p>Guides for WordPress, TYPO3, static sites and self-hosting, a text block for the privacy policy and help with
the accessibility statement are in the folder <code>docs/</code> (German). Licence: MIT (<code>LICENSE</code>);
bundled libraries: <code>THIRD-PARTY-NOTICES.txt</code>.</p>`,
  },
};

const guide = (lang) => {
  const t = guideText[lang];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
  body { font: 1rem/1.55 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1f2937; }
  pre { background: #f3f4f6; padding: .75rem; overflow-x: auto; border-radius: 6px; font-size: .85rem; }
  code { font-size: .9em; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  a { color: #1d4ed8; }
</style>
</head>
<body>
<p><a href="${t.other.file}" hreflang="${t.other.lang}" lang="${t.other.lang}">${t.other.label}</a></p>
<h1>${t.title}</h1>
<p>${t.intro}</p>

${[t.files, t.script, t.hints, t.widgets, t.csp, t.consent, t.wordpress, t.checker, t.more].join('\n\n')}
</body>
</html>
`;
};

const releaseEntries = [[`${top}/${guideText.de.file}`, guide('de')], [`${top}/${guideText.en.file}`, guide('en')], ...legal(`${top}/`)];
for (const f of widgetFiles) releaseEntries.push([`${top}/stadttraum/${version}/${f}`, widget(f)]);
releaseEntries.push(...legal(`${top}/stadttraum/${version}/`));
releaseEntries.push([`${top}/stadttraum/${version}/.htaccess`, htaccess]);
for (const f of walk(join(root, 'demo', 'data')))
  releaseEntries.push([`${top}/beispieldaten/${f}`, readFileSync(join(root, 'demo', 'data', f))]);
for (const f of walk(join(root, 'schemas')).filter((f) => f.endsWith('.json')))
  releaseEntries.push([`${top}/schemas/${f}`, readFileSync(join(root, 'schemas', f))]);
// The documents the npm package ships (README, CHANGELOG, guides, the widgets' API docs with their
// images, CSV templates), under the same paths, so the README's links work in the zip as well.
const packed = JSON.parse(
  spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }).stdout,
)[0].files.map((f) => f.path);
for (const f of packed.filter((f) => !/^(dist\/|package\.json$|custom-elements\.json$)/.test(f)).sort())
  releaseEntries.push([`${top}/${f}`, readFileSync(join(root, f))]);
// The feed checker and snippet builder, with the spreadsheet templates, as a page of the release.
const checkerHtml = readFileSync(join(root, 'demo', 'checker.html'), 'utf8')
  .replace('../dist/stadttraum.js', `../stadttraum/${version}/stadttraum.js`)
  .replace('../dist/checker.js', 'checker.js');
releaseEntries.push([`${top}/pruefen/index.html`, checkerHtml]);
releaseEntries.push([`${top}/pruefen/checker.js`, readFileSync(join(dist, 'checker.js'))]);
for (const f of walk(join(dist, 'checker-chunks')))
  releaseEntries.push([`${top}/pruefen/checker-chunks/${f}`, readFileSync(join(dist, 'checker-chunks', f))]);
for (const f of walk(join(root, 'demo', 'templates')))
  releaseEntries.push([`${top}/pruefen/templates/${f}`, readFileSync(join(root, 'demo', 'templates', f))]);
releaseEntries.push([`${top}/stadttraum/${version}/integrity.json`, JSON.stringify(integrityMap, null, 2) + '\n']);
releaseEntries.push(...apiReferenceEntries());

/**
 * The English API reference for developers: the static Storybook (docs page per widget with
 * attributes, events, parts and tokens from custom-elements.json, and the live stories) as `api/`.
 * Built here unless --no-build. project.json is left out: Storybook's telemetry metadata, with
 * build timestamps (the zip would differ per build) and nothing the pages need.
 */
function apiReferenceEntries() {
  // --no-api: the WordPress tests need only the plugin zip, before any Storybook is built.
  if (args.has('--no-api')) return [];
  const sb = join(root, 'storybook-static');
  if (!args.has('--no-build')) {
    const r = spawnSync('npm', ['run', 'build-storybook', '--silent'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  try {
    statSync(join(sb, 'index.html'));
  } catch {
    console.error('storybook-static/ fehlt: erst `npm run build-storybook` (oder ohne --no-build aufrufen).');
    process.exit(1);
  }
  const readme = `stadttraum ${version} – API reference (English)

Open api/index.html through a web server (any path works), e.g. \`python3 -m http.server\` in the
unpacked folder, then http://localhost:8000/api/ – opened as a file, the browser blocks the pages'
requests. Each widget has a Docs page: attributes and properties with their types and defaults,
events, slots, CSS parts and custom properties, and live examples whose controls change the widget.
`;
  return [
    [`${top}/api/README.txt`, readme],
    ...walk(sb)
      .filter((f) => f !== 'project.json')
      .map((f) => [`${top}/api/${f}`, readFileSync(join(sb, f))]),
  ];
}

// Every relative link in the zip's Markdown must lead to a file in the zip.
{
  const inZip = new Set(releaseEntries.map(([p]) => p.slice(top.length + 1)));
  const problems = releaseEntries
    .filter(([p]) => p.endsWith('.md'))
    .flatMap(([p, data]) => brokenLinks(p.slice(top.length + 1), data.toString('utf8'), inZip).problems);
  if (problems.length) {
    console.error(`${top}.zip: Links ins Leere:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}

// --- write ------------------------------------------------------------------------------------
mkdirSync(out, { recursive: true });
const written = [];
for (const [name, entries] of [
  [`stadttraum-wordpress-${version}.zip`, pluginEntries],
  [`stadttraum-${version}.zip`, releaseEntries],
]) {
  const data = await zip(entries);
  writeFileSync(join(out, name), data);
  written.push([name, data]);
}
writeFileSync(
  join(out, 'SHA256SUMS'),
  written.map(([name, data]) => `${createHash('sha256').update(data).digest('hex')}  ${name}\n`).join(''),
);
for (const [name, data] of written) console.log(`dist/release/${name}  ${(data.length / 1024).toFixed(0)} KB`);
console.log(`Lader-Integrity: ${loaderSri}`);
console.log(`Stylesheet-Integrity: ${cssSri}`);
