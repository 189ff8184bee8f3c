// `npm run test:wordpress`: the WordPress plugin against a real WordPress, from nothing.
// scripts/wordpress-site.mjs installs what is missing (Debian packages), builds the plugin zip
// and starts MariaDB + WordPress on 127.0.0.1 with test content; then
// `node --test test/wordpress/` drives headless Chromium against the site.
// Two WordPress versions, one after the other: 6.1 (Debian's, full core) runs every test file;
// 6.5 (@wp-playground/wordpress-builds, no admin assets) runs the files that cover the front
// end, REST, script modules and block registration (VERSIONED below).
// --wordpress=6.5 runs one version only. Everything started is stopped again; --keep leaves the
// site running for a look, --serve only sets it up (no tests).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureChrome } from './find-chrome.mjs';
import { ensurePackages, log, pluginZip, root, startWordPress } from './wordpress-site.mjs';

const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--wordpress='))?.split('=')[1];
const all = ['6.1', '6.5'];
const versions = only ? [only] : all;
/** Test files for the WordPress without admin assets. */
const VERSIONED = ['test/wordpress/versions.test.mjs', 'test/wordpress/preload-hints.test.mjs'];
const serve = args.has('--serve'); // only set up the site and leave it running
const keep = args.has('--keep') || serve;

let site;
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void (site?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));

async function main() {
  ensurePackages();
  const chrome = ensureChrome();
  const { zip, version } = pluginZip({ build: args.has('--build') });
  let status = 0;
  for (const wordpress of versions) {
    status = (await runOn(wordpress, { zip, version, chrome })) || status;
    if (serve) break;
  }
  process.exit(status);
}

async function runOn(wordpress, { zip, version, chrome }) {
  site = await startWordPress({ zip, keep, wordpress });
  const { url, pages } = site;
  const env = {
    ...process.env,
    WP_URL: url,
    WP_USER: 'admin',
    WP_PASSWORD: 'stadttraum-test',
    WP_PAGES: JSON.stringify(pages),
    WP_DEBUG_LOG: site.debugLog,
    WP_DIR: site.dir,
    WP_VERSION: version,
    WP_CORE: site.wordpress,
    WP_NEWEST: all.at(-1), // readme.txt's "Tested up to" must name it
    CHROME_PATH: chrome,
  };
  if (serve) {
    console.log(`[wordpress] WP_URL=${url} WP_DIR=${site.dir} WP_PAGES='${JSON.stringify(pages)}'`);
  }
  const files = process.env.WP_TESTS ? process.env.WP_TESTS.split(',') : wordpress === '6.1' ? ['test/wordpress/'] : VERSIONED;
  log(`WordPress ${site.wordpress}: ${files.join(' ')}`);
  const result = serve
    ? { status: 0 }
    : await new Promise((resolve) => {
        const tests = spawn('node', ['--test', '--test-concurrency=1', ...files], { cwd: root, stdio: 'inherit', env });
        tests.on('exit', (status) => resolve({ status }));
      });
  if (result.status !== 0) {
    console.error('[wordpress] PHP-Server (letzte Zeilen):\n' + readFileSync(site.serverLog, 'utf8').split('\n').slice(-15).join('\n'));
  }
  log(
    result.status === 0 ? `alle Tests auf WordPress ${site.wordpress} bestanden` : `Tests auf WordPress ${site.wordpress} fehlgeschlagen`,
  );
  if (keep) {
    console.log(
      `[wordpress] --keep: ${url}/wp-admin/ (admin / stadttraum-test), Dateien in ${site.tmp}. Beenden: kill -- ${site.pids.map((p) => `-${p}`).join(' ')}`,
    );
    return result.status ?? 1;
  }
  await site.stop();
  site = undefined;
  return result.status ?? 1;
}

main().catch(async (error) => {
  console.error(`[wordpress] ${error.stack ?? error}`);
  await site?.stop();
  process.exit(1);
});
