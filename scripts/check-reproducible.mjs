// CI: the release and plugin zips must be byte-identical whatever the build machine's time zone
// (same commit → same bytes), and must carry the licence and the third-party notices next to the
// code. Builds and packs twice (`npm run package` under TZ=UTC, then TZ=Europe/Berlin) and compares
// the checksums. --no-build packs the current dist/ twice instead (quicker, but does not cover the build).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const pack = (tz) => {
  const args = ['scripts/package.mjs', ...(process.argv.includes('--no-build') ? ['--no-build'] : [])];
  const r = spawnSync(process.execPath, args, { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  return readFileSync('dist/release/SHA256SUMS', 'utf8');
};
const sums = Object.fromEntries(['UTC', 'Europe/Berlin'].map((tz) => [tz, pack(tz)]));
let failed = false;
if (sums.UTC !== sums['Europe/Berlin']) {
  console.error(`zips differ between time zones:\nTZ=UTC\n${sums.UTC}TZ=Europe/Berlin\n${sums['Europe/Berlin']}`);
  failed = true;
}
// Entry names are stored uncompressed, so a byte search finds them.
const required = {
  [`stadttraum-wordpress-${version}.zip`]: [
    'stadttraum/LICENSE',
    `stadttraum/widgets/${version}/LICENSE`,
    `stadttraum/widgets/${version}/THIRD-PARTY-NOTICES.txt`,
    `stadttraum/widgets/${version}/stadttraum.css`,
  ],
  [`stadttraum-${version}.zip`]: [
    `stadttraum-${version}/LICENSE`,
    `stadttraum-${version}/THIRD-PARTY-NOTICES.txt`,
    `stadttraum-${version}/stadttraum/${version}/LICENSE`,
    `stadttraum-${version}/stadttraum/${version}/THIRD-PARTY-NOTICES.txt`,
    `stadttraum-${version}/EINBINDEN.html`,
    `stadttraum-${version}/EMBEDDING.html`,
  ],
};
for (const [zip, names] of Object.entries(required)) {
  const bytes = readFileSync(`dist/release/${zip}`);
  for (const name of names) {
    if (!bytes.includes(Buffer.from(name))) {
      console.error(`${zip}: ${name} fehlt`);
      failed = true;
    }
  }
}
/** The entries of a zip (name → bytes), read from its central directory. */
function unzip(buf) {
  const entries = new Map();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(body) : body);
    at += 46 + skip;
  }
  return entries;
}
// The guides' snippets: the stylesheet and the loader with the SRI hashes of the files next to them
// (a wrong hash makes the browser refuse the file, so the page would show nothing).
const release = unzip(readFileSync(`dist/release/stadttraum-${version}.zip`));
const sri = (name) =>
  `sha384-${createHash('sha384')
    .update(release.get(`stadttraum-${version}/stadttraum/${version}/${name}`))
    .digest('base64')}`;
for (const guide of ['EINBINDEN.html', 'EMBEDDING.html']) {
  const html = release.get(`stadttraum-${version}/${guide}`)?.toString('utf8') ?? '';
  for (const [file, tag] of [
    ['stadttraum.css', 'link rel="stylesheet" href'],
    ['stadttraum.js', 'script type="module" async src'],
  ]) {
    const snippet = `&lt;${tag}="/stadttraum/${version}/${file}"`;
    const at = html.indexOf(snippet);
    if (at < 0 || !html.slice(at, at + 300).includes(`integrity="${sri(file)}"`)) {
      console.error(`${guide}: ${file} fehlt im Snippet oder hat nicht die SRI-Prüfsumme der mitgelieferten Datei`);
      failed = true;
    }
  }
  // The optional <head> lines (modulepreload per widget): each with its file's hash, every widget there.
  const hints = [
    ...html.matchAll(new RegExp(`&lt;link rel="modulepreload" href="/stadttraum/${version}/([^"]+)"\\s+integrity="([^"]+)"`, 'g')),
  ];
  const bad = hints.filter(([, file, hash]) => !release.has(`stadttraum-${version}/stadttraum/${version}/${file}`) || hash !== sri(file));
  if (hints.length < 4 || bad.length) {
    console.error(
      `${guide}: ${hints.length} modulepreload-Zeilen, falsche Prüfsumme oder Datei fehlt: ${bad.map(([, f]) => f).join(', ')}`,
    );
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`zips reproducible across time zones and complete; the guides' snippets carry the files' SRI hashes:\n${sums.UTC}`);
