// CI: the release and plugin zips must be byte-identical whatever the build machine's time zone
// (same commit → same bytes), and must carry the licence and the third-party notices next to the
// code. Builds and packs twice (`npm run package` under TZ=UTC, then TZ=Europe/Berlin) and compares
// the checksums. --no-build packs the current dist/ twice instead (quicker, but does not cover the build).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
  [`stadttraum-wordpress-${version}.zip`]: ['stadttraum/LICENSE', `stadttraum/widgets/${version}/LICENSE`, `stadttraum/widgets/${version}/THIRD-PARTY-NOTICES.txt`, `stadttraum/widgets/${version}/stadttraum.css`],
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
if (failed) process.exit(1);
console.log(`zips reproducible across time zones and complete:\n${sums.UTC}`);
