// `npm run package`: builds the widgets (unless --no-build) and writes two zips to dist/release/:
//   stadttraum-wordpress-<version>.zip  the WordPress plugin, widgets under stadttraum/widgets/<version>/
//   stadttraum-<version>.zip            widgets under stadttraum-<version>/stadttraum/<version>/, sample
//                                       feeds, JSON Schemas and a one-page "So binden Sie es ein"
//                                       (EINBINDEN.html) whose snippets carry SRI integrity hashes.
// Zip files are written here with node:zlib (deflate + CRC-32); no dependency, no `zip` binary.
import { strictCsp } from '../demo/server.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
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
  widgetFiles = ['stadttraum.js', 'stadttraum.css', ...walk(join(dist, 'chunks')).map((f) => `chunks/${f}`)];
  statSync(join(dist, 'stadttraum.js'));
} catch {
  console.error('dist/stadttraum.js fehlt: erst `npm run build` (oder ohne --no-build aufrufen).');
  process.exit(1);
}
const widget = (f) => readFileSync(join(dist, f));
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

// --- zip writer -------------------------------------------------------------------------------
const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 =
  typeof zlib.crc32 === 'function'
    ? (data) => zlib.crc32(data) >>> 0
    : (data) => {
        let c = -1;
        for (const b of data) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
        return (c ^ -1) >>> 0;
      };

/** Time of the last commit (reproducible), or SOURCE_DATE_EPOCH, or now. */
function buildTime() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  const r = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' });
  const t = Number(r.stdout?.trim());
  return t ? new Date(t * 1000) : new Date();
}
const when = buildTime();
const dosTime = (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2);
const dosDate = ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();

/** entries: [path, Buffer|string][]; directories are added for every parent path. */
function zip(entries) {
  const files = new Map();
  for (const [path, data] of entries) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) files.set(parts.slice(0, i).join('/') + '/', null);
    files.set(path, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  }
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [path, data] of files) {
    const name = Buffer.from(path, 'utf8');
    const isDir = data === null;
    const raw = isDir ? Buffer.alloc(0) : data;
    const deflated = isDir ? raw : zlib.deflateRawSync(raw, { level: 9 });
    const store = isDir || deflated.length >= raw.length;
    const body = store ? raw : deflated;
    const crc = isDir ? 0 : crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((((isDir ? 0o40755 : 0o100644) << 16) | (isDir ? 0x10 : 0)) >>> 0, 38); // unix mode + DOS dir flag
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// --- WordPress plugin -------------------------------------------------------------------------
// languages/: the .pot from the code, .mo and editor JSON from the .po files; a string without a
// German translation stops the package (a German site would show it in English).
const translations = buildTranslations();
for (const [locale, missing] of Object.entries(translations.missing)) {
  if (missing.length) {
    console.error(`wordpress/stadttraum/languages/stadttraum-${locale}.po: ${missing.length} Texte ohne Übersetzung:\n  ${missing.join('\n  ')}`);
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

// --- plain release ----------------------------------------------------------------------------
const top = `stadttraum-${version}`;
const base = `/stadttraum/${version}`;
const loaderSri = sri(widget('stadttraum.js'));
const integrityMap = Object.fromEntries(widgetFiles.map((f) => [`${base}/${f}`, sri(widget(f))]));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const snippet = `<script type="module" src="${base}/stadttraum.js"
        integrity="${loaderSri}" crossorigin="anonymous"></script>`;
const importMap = `<script type="importmap">
${JSON.stringify({ integrity: integrityMap }, null, 2)}
</script>`;
// The same header the demo's strict page is served with.
const csp = strictCsp;

const guide = `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stadttraum ${version} – so binden Sie es ein</title>
<style>
  body { font: 1rem/1.55 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1f2937; }
  pre { background: #f3f4f6; padding: .75rem; overflow-x: auto; border-radius: 6px; font-size: .85rem; }
  code { font-size: .9em; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  a { color: #1d4ed8; }
</style>
</head>
<body>
<h1>stadttraum ${version} – so binden Sie es ein</h1>
<p>Vier barrierefreie Widgets für Websites von Kommunen und Vereinen: Ideenwand, Mitfahrbänke, Ehrenamtskarte,
Partnerlogos. Ohne Cookies, ohne Drittanbieter vor einer Zustimmung, unter strenger Content-Security-Policy.</p>

<h2>1. Dateien auf Ihren Server legen</h2>
<p>Kopieren Sie den Ordner <code>stadttraum/${version}/</code> aus dieser ZIP-Datei so auf Ihren Webserver, dass er unter
<code>https://ihre-seite.de${base}/</code> erreichbar ist. Ein CDN ist nicht nötig. Legen Sie spätere Versionen daneben
(<code>/stadttraum/0.2.0/</code>) – zwischengespeicherte Seiten finden so immer ihre Dateien.</p>

<h2>2. Das Skript einbinden (einmal je Seite)</h2>
<pre><code>${esc(snippet)}</code></pre>
<p><code>integrity</code> prüft, dass der Browser genau diese Datei ausführt. Die Widgets selbst lädt das Skript
nach, sobald ihr Tag auf der Seite steht. Wer auch diese nachgeladenen Teile prüfen lassen will (Chrome/Edge ab
127, Safari ab 18, Firefox ab 138), setzt zusätzlich <em>vor</em> das Skript diese Import-Map (unter CSP braucht
sie einen <code>'sha256-…'</code>-Eintrag in <code>script-src</code>):</p>
<pre><code>${esc(importMap)}</code></pre>

<h2>3. Widgets auf die Seite setzen</h2>
<p>Die Beispieldaten liegen im Ordner <code>beispieldaten/</code>; legen Sie Ihre eigenen Dateien z. B. unter
<code>/daten/</code> ab. Der Inhalt im Tag erscheint, solange kein JavaScript läuft.</p>
<pre><code>${esc(`<idea-wall src="/daten/ideas.json">
  <a href="/ideen">Alle Ideen als Liste</a>
</idea-wall>

<mitfahrbank-map src="/daten/benches.json" privacy-url="/datenschutz"></mitfahrbank-map>

<ehrenamt-card src="/daten/ehrenamt.json"></ehrenamt-card>

<partner-logos src="/daten/partners.json"></partner-logos>`)}</code></pre>
<p>Ohne eigenen Server für Daten: JSON direkt in den Tag schreiben:</p>
<pre><code>${esc(`<partner-logos>
  <script type="application/json">{ "groups": [ … ] }</script>
</partner-logos>`)}</code></pre>
<p>Das Format jeder Datei beschreibt <code>schemas/*.schema.json</code> (JSON Schema); Editoren wie VS Code prüfen
Ihre Datei damit, wenn Sie <code>"$schema"</code> darauf zeigen lassen.</p>

<h2>4. Content-Security-Policy (empfohlen)</h2>
<pre><code>Content-Security-Policy: ${esc(csp)}</code></pre>
<p>Nutzen Sie einen anderen Kachel-Server für Karten, tragen Sie ihn statt <code>https://tile.openstreetmap.org</code>
ein. Liegen die Daten auf einem anderen Server, ergänzen Sie ihn unter <code>connect-src</code>.</p>

<h2>5. Zustimmung für Karten</h2>
<p>Karten laden Kacheln erst nach einem Klick auf „Karte anzeigen“. Fragt Ihr Consent-Manager schon, rufen Sie
in dessen Opt-in-Code <code>window.stadttraum.consent.grant('map')</code> und im Opt-out-Code
<code>window.stadttraum.consent.revoke('map')</code> auf.</p>

<h2>WordPress</h2>
<p>Nehmen Sie statt dieser Dateien das Plugin <code>stadttraum-wordpress-${version}.zip</code>:
Plugins → Installieren → Plugin hochladen. Es bringt Blöcke, Shortcodes und eine Ideenverwaltung mit.</p>

<h2>Daten prüfen</h2>
<p><code>pruefen/index.html</code> (über einen Webserver geöffnet) prüft Ihre JSON- oder CSV-Datei, zeigt jedes
Problem mit Zeile und Feld und baut den Einbau-Code. Tabellen-Vorlagen liegen in <code>pruefen/templates/</code>.</p>

<h2>Mehr</h2>
<p>Anleitungen für WordPress, TYPO3, statische Seiten und das Selbst-Hosten, ein Textbaustein für die
Datenschutzerklärung und eine Hilfe zur Barrierefreiheitserklärung stehen im Ordner <code>docs/</code>.</p>
</body>
</html>
`;

const releaseEntries = [[`${top}/EINBINDEN.html`, guide]];
for (const f of widgetFiles) releaseEntries.push([`${top}/stadttraum/${version}/${f}`, widget(f)]);
for (const f of walk(join(root, 'demo', 'data'))) releaseEntries.push([`${top}/beispieldaten/${f}`, readFileSync(join(root, 'demo', 'data', f))]);
for (const f of walk(join(root, 'schemas')).filter((f) => f.endsWith('.json'))) releaseEntries.push([`${top}/schemas/${f}`, readFileSync(join(root, 'schemas', f))]);
try {
  for (const f of walk(join(root, 'docs')).filter((f) => f.endsWith('.md'))) releaseEntries.push([`${top}/docs/${f}`, readFileSync(join(root, 'docs', f))]);
} catch {
  /* no docs yet */
}
for (const f of ['README.md', 'CHANGELOG.md']) {
  try {
    releaseEntries.push([`${top}/${f}`, readFileSync(join(root, f))]);
  } catch {
    /* optional */
  }
}
// The feed checker and snippet builder, with the spreadsheet templates, as a page of the release.
const checkerHtml = readFileSync(join(root, 'demo', 'checker.html'), 'utf8')
  .replace('../dist/stadttraum.js', `../stadttraum/${version}/stadttraum.js`)
  .replace('../dist/checker.js', 'checker.js');
releaseEntries.push([`${top}/pruefen/index.html`, checkerHtml]);
releaseEntries.push([`${top}/pruefen/checker.js`, readFileSync(join(dist, 'checker.js'))]);
for (const f of walk(join(dist, 'checker-chunks'))) releaseEntries.push([`${top}/pruefen/checker-chunks/${f}`, readFileSync(join(dist, 'checker-chunks', f))]);
for (const f of walk(join(root, 'demo', 'templates'))) releaseEntries.push([`${top}/pruefen/templates/${f}`, readFileSync(join(root, 'demo', 'templates', f))]);
releaseEntries.push([`${top}/stadttraum/${version}/integrity.json`, JSON.stringify(integrityMap, null, 2) + '\n']);

// --- write ------------------------------------------------------------------------------------
mkdirSync(out, { recursive: true });
const written = [];
for (const [name, entries] of [
  [`stadttraum-wordpress-${version}.zip`, pluginEntries],
  [`stadttraum-${version}.zip`, releaseEntries],
]) {
  const data = zip(entries);
  writeFileSync(join(out, name), data);
  written.push([name, data]);
}
writeFileSync(
  join(out, 'SHA256SUMS'),
  written.map(([name, data]) => `${createHash('sha256').update(data).digest('hex')}  ${name}\n`).join(''),
);
for (const [name, data] of written) console.log(`dist/release/${name}  ${(data.length / 1024).toFixed(0)} KB`);
console.log(`Lader-Integrity: ${loaderSri}`);
