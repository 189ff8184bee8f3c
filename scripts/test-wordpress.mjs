// `npm run test:wordpress`: the WordPress plugin against a real WordPress, from nothing.
// 1. Debian's wordpress, php, php-mysql, mariadb-server (and unzip) are installed when missing
//    (apt-get, needs root; otherwise it says what to install).
// 2. `npm run package` builds the plugin zip (reuses dist/ if built; --build forces a build).
// 3. In a temporary directory: MariaDB (mariadb-install-db, mariadbd on a loopback port),
//    a copy of /usr/share/wordpress with its own wp-config.php, PHP's built-in server on
//    127.0.0.1, wp_install(), the plugin unzipped from the zip and activated, test content.
// 4. `node --test test/wordpress/` drives headless Chromium against the site.
// Everything started here is stopped again; --keep leaves the site running for a look,
// --serve only sets it up (no tests).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { ensureChrome } from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const serve = args.has('--serve'); // only set up the site and leave it running
const keep = args.has('--keep') || serve;
const started = Date.now();
const log = (m) => console.log(`[wordpress] ${((Date.now() - started) / 1000).toFixed(1)} s  ${m}`);
const isRoot = process.getuid?.() === 0;
const sbin = (name) => ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].map((d) => join(d, name)).find(existsSync) ?? name;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0 || sbin(cmd) !== cmd;

// --- 1. packages -------------------------------------------------------------------------------
function ensurePackages() {
  const missing = [];
  if (!has('php')) missing.push('php-cli');
  if (!has('php') || !/^mysqli$/m.test(spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout ?? '')) missing.push('php-mysql');
  if (!has('mariadbd') || !has('mariadb-install-db')) missing.push('mariadb-server');
  if (!existsSync('/usr/share/wordpress/wp-settings.php')) missing.push('wordpress');
  if (!existsSync('/usr/share/wordpress/wp-content/themes/twentytwentythree')) missing.push('wordpress-theme-twentytwentythree');
  if (!has('unzip')) missing.push('unzip');
  if (!missing.length) return;
  if (!isRoot) {
    console.error(`[wordpress] Es fehlen Debian-Pakete: ${missing.join(' ')}\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    process.exit(1);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    if (!install()) {
      console.error('[wordpress] apt-get install ist fehlgeschlagen.');
      process.exit(1);
    }
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what, check, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`${what}: keine Antwort nach ${timeoutMs / 1000} s`);
    await sleep(150);
  }
}

// --- processes we start (stopped by their pid at the end) --------------------------------------
const children = [];
let tmp;
/** Stops what this script started (by pid), waits for it, then removes the temporary site. */
async function stop() {
  if (keep) return;
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const gone = new Promise((r) => child.once('exit', r));
    const signal = (sig) => {
      try {
        process.kill(-child.pid, sig); // its process group: the process and anything it forked
      } catch {
        child.kill(sig);
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10000);
    await gone;
    clearTimeout(timer);
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  tmp = undefined;
}
process.on('exit', () => {
  if (keep) return;
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void stop().finally(() => process.exit(130)));

function php(...a) {
  return execFileSync('php', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

async function main() {
  ensurePackages();
  const chrome = ensureChrome();

  // --- 2. the plugin zip ---------------------------------------------------------------------
  const built = existsSync(join(root, 'dist', 'stadttraum.js'));
  log(built && !args.has('--build') ? 'npm run package (dist/ vorhanden)' : 'npm run build + package');
  execFileSync('node', ['scripts/package.mjs', ...(built && !args.has('--build') ? ['--no-build'] : [])], { cwd: root, stdio: 'inherit' });
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const zip = join(root, 'dist', 'release', `stadttraum-wordpress-${version}.zip`);

  // --- 3. database ---------------------------------------------------------------------------
  tmp = mkdtempSync(join(tmpdir(), 'stadttraum-wp-'));
  const data = join(tmp, 'db');
  const socket = join(tmp, 'mysqld.sock');
  const dbPort = await freePort();
  const asRoot = isRoot ? ['--user=root'] : [];
  log(`MariaDB in ${data}`);
  execFileSync(sbin('mariadb-install-db'), ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=socket', '--skip-test-db', ...asRoot], { stdio: 'ignore' });
  const db = spawn(
    sbin('mariadbd'),
    ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${dbPort}`, '--bind-address=127.0.0.1', `--pid-file=${join(tmp, 'mysqld.pid')}`, `--log-error=${join(tmp, 'mysqld.err')}`, '--skip-name-resolve', '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M', ...asRoot],
    { stdio: 'ignore', detached: true },
  );
  children.push(db);
  const sql = (q) => execFileSync(sbin('mariadb'), ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', q], { stdio: 'pipe' });
  await waitFor('mariadbd', () => {
    if (db.exitCode !== null) throw Object.assign(new Error('mariadbd beendet'), { fatal: true });
    sql('SELECT 1');
    return true;
  });
  const dbPass = randomBytes(12).toString('hex');
  sql(`CREATE DATABASE wp CHARACTER SET utf8mb4; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY '${dbPass}'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';`);

  // --- WordPress -----------------------------------------------------------------------------
  const wp = join(tmp, 'wp');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  log(`WordPress ${readFileSync('/usr/share/wordpress/wp-includes/version.php', 'utf8').match(/wp_version = '([^']+)'/)?.[1]} nach ${wp}`);
  cpSync('/usr/share/wordpress', wp, { recursive: true, verbatimSymlinks: true });
  rmSync(join(wp, '.htaccess'), { force: true });
  const salt = () => randomBytes(32).toString('base64');
  writeFileSync(
    join(wp, 'wp-config.php'),
    `<?php
define( 'DB_NAME', 'wp' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '${dbPass}' );
define( 'DB_HOST', '127.0.0.1:${dbPort}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define( '${k}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', '${url}/wp-content' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '${join(tmp, 'debug.log')}' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // Sample feeds for the other widgets, served as plain files.
  cpSync(join(root, 'demo', 'data'), join(wp, 'daten'), { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', join(wp, 'wp-content', 'plugins')]);

  log('wp_install()');
  php(join(root, 'test/wordpress/setup.php'), 'install', wp, url);
  log('Plugin aktivieren, Inhalte anlegen');
  const pages = JSON.parse(php(join(root, 'test/wordpress/setup.php'), 'content', wp, url).trim().split('\n').pop());

  // The access log goes to a file: a pipe nobody reads while the tests run would fill up and
  // block the server.
  const serverLogFile = join(tmp, 'php-server.log');
  const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wp, join(root, 'test/wordpress/router.php')], {
    stdio: ['ignore', 'ignore', openSync(serverLogFile, 'a')],
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    detached: true,
  });
  children.push(server);
  await waitFor('PHP-Server', async () => (await fetch(`${url}/wp-login.php`)).ok);
  log(`Website läuft: ${url}`);

  // --- 4. browser tests ----------------------------------------------------------------------
  const env = {
    ...process.env,
    WP_URL: url,
    WP_USER: 'admin',
    WP_PASSWORD: 'stadttraum-test',
    WP_PAGES: JSON.stringify(pages),
    WP_DEBUG_LOG: join(tmp, 'debug.log'),
    WP_VERSION: version,
    CHROME_PATH: chrome,
  };
  if (serve) {
    console.log(`[wordpress] WP_URL=${url} WP_PAGES='${JSON.stringify(pages)}'`);
  }
  const result = serve
    ? { status: 0 }
    : await new Promise((resolve) => {
        const tests = spawn('node', ['--test', '--test-concurrency=1', 'test/wordpress/'], { cwd: root, stdio: 'inherit', env });
        tests.on('exit', (status) => resolve({ status }));
      });
  if (result.status !== 0) {
    console.error('[wordpress] PHP-Server (letzte Zeilen):\n' + readFileSync(serverLogFile, 'utf8').split('\n').slice(-15).join('\n'));
  }
  log(result.status === 0 ? 'alle WordPress-Tests bestanden' : 'WordPress-Tests fehlgeschlagen');
  if (keep) {
    console.log(`[wordpress] --keep: ${url}/wp-admin/ (admin / stadttraum-test), Dateien in ${tmp}. Beenden: kill -- -${server.pid} -${db.pid}`);
    server.unref();
    db.unref();
    process.exit(result.status ?? 1);
  }
  await stop();
  process.exit(result.status ?? 1);
}

main().catch(async (error) => {
  console.error(`[wordpress] ${error.stack ?? error}`);
  await stop();
  process.exit(1);
});
