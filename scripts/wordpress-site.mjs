// A real WordPress with the plugin on 127.0.0.1, from nothing: used by the WordPress tests
// (scripts/test-wordpress.mjs) and by the feed benchmark (bench/wordpress.mjs).
// 1. Debian's wordpress, php, php-mysql, mariadb-server (and unzip) are installed when missing
//    (apt-get, needs root; otherwise it says what to install).
// 2. `npm run package` builds the plugin zip (reuses dist/ if built; build: true forces a build).
// 3. In a temporary directory: MariaDB (mariadb-install-db, mariadbd on a loopback port), a copy
//    of WordPress with its own wp-config.php, PHP's built-in server on 127.0.0.1, wp_install(),
//    the plugin unzipped from the zip and activated, test content.
// Two WordPress versions: '6.1' is Debian's /usr/share/wordpress (full core: admin and editor);
// '6.5' comes from the npm package @wp-playground/wordpress-builds, fetched once with `npm pack`
// into a cache folder (like the benchmark's Leaflet 1.9.4; 158 MB, so no dependency of `npm ci`).
// Its static admin assets are stripped (the playground loads them from a CDN): front end, REST,
// script modules and block registration work, the editor does not.
// Everything started here is stopped again by stop() (by pid, and on exit).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
export const log = (m) => console.log(`[wordpress] ${((Date.now() - started) / 1000).toFixed(1)} s  ${m}`);
const isRoot = process.getuid?.() === 0;
const sbin = (name) => ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].map((d) => join(d, name)).find(existsSync) ?? name;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0 || sbin(cmd) !== cmd;

export function ensurePackages() {
  const missing = [];
  if (!has('php')) missing.push('php-cli');
  if (!has('php') || !/^mysqli$/m.test(spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout ?? '')) missing.push('php-mysql');
  if (!has('mariadbd') || !has('mariadb-install-db')) missing.push('mariadb-server');
  if (!existsSync('/usr/share/wordpress/wp-settings.php')) missing.push('wordpress');
  if (!existsSync('/usr/share/wordpress/wp-content/themes/twentytwentythree')) missing.push('wordpress-theme-twentytwentythree');
  if (!has('unzip')) missing.push('unzip');
  if (!missing.length) return;
  if (!isRoot) {
    console.error(
      `[wordpress] Es fehlen Debian-Pakete: ${missing.join(' ')}\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    if (!install()) {
      console.error('[wordpress] apt-get install ist fehlgeschlagen.');
      process.exit(1);
    }
  }
}

/** Where fetched WordPress builds are kept between runs (CI can cache this folder). */
export const cacheDir = process.env.STADTTRAUM_CACHE || join(homedir(), '.cache', 'stadttraum');
const BUILDS = '@wp-playground/wordpress-builds@0.9.19';

/**
 * The folder of a WordPress version's files: Debian's for '6.1', the unpacked playground build for
 * '6.5' (npm pack into the cache once, then only the one zip of the 158 MB package is unpacked).
 */
export function wordpressSource(version = '6.1') {
  if (version === '6.1') return '/usr/share/wordpress';
  const dir = join(cacheDir, 'wordpress');
  const target = join(dir, `wp-${version}`);
  if (existsSync(join(target, 'wp-settings.php'))) return target;
  mkdirSync(dir, { recursive: true });
  const [name, spec] = ['wp-playground-wordpress-builds-0.9.19.tgz', BUILDS];
  if (!existsSync(join(dir, name))) {
    log(`${spec} holen (npm pack, 158 MB) nach ${dir}`);
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const member = `package/src/wordpress/wp-${version}.zip`;
  const work = mkdtempSync(join(dir, 'unpack-'));
  try {
    execFileSync('tar', ['-xzf', join(dir, name), '-C', work, member]);
    execFileSync('unzip', ['-q', join(work, member), '-d', join(work, 'wp')]);
    // The playground's own wp-config.php is replaced per site anyway; remove it here.
    rmSync(join(work, 'wp', 'wp-config.php'), { force: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(join(work, 'wp'), target); // complete or not there: a cut-off run unpacks again
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

/** The version string of the WordPress in a folder ('6.5.5'). */
export const wordpressVersion = (dir) => readFileSync(join(dir, 'wp-includes/version.php'), 'utf8').match(/wp_version = '([^']+)'/)?.[1];

export const freePort = () =>
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

/** Builds (unless dist/ exists and build is false) and returns the plugin zip's path. */
export function pluginZip({ build = false } = {}) {
  const built = existsSync(join(root, 'dist', 'stadttraum.js'));
  log(built && !build ? 'npm run package (dist/ vorhanden)' : 'npm run build + package');
  execFileSync('node', ['scripts/package.mjs', '--no-api', ...(built && !build ? ['--no-build'] : [])], { cwd: root, stdio: 'inherit' });
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  return { zip: join(root, 'dist', 'release', `stadttraum-wordpress-${version}.zip`), version };
}

/**
 * Starts MariaDB, WordPress under PHP's built-in server, installs the plugin from the zip and the
 * test content (test/wordpress/setup.php). Returns { url, pages, dir, tmp, debugLog, serverLog,
 * php(args…) (setup.php steps against this site), stop(), pids }.
 */
export async function startWordPress({ zip, keep = false, workers = 4, wordpress = '6.1' }) {
  const source = wordpressSource(wordpress);
  const children = [];
  const tmp = mkdtempSync(join(tmpdir(), 'stadttraum-wp-'));
  let stopped = false;
  const stop = async () => {
    if (keep || stopped) return;
    stopped = true;
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
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
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
  try {
    // --- database ---------------------------------------------------------------------------
    const data = join(tmp, 'db');
    const socket = join(tmp, 'mysqld.sock');
    const dbPort = await freePort();
    const asRoot = isRoot ? ['--user=root'] : [];
    log(`MariaDB in ${data}`);
    execFileSync(
      sbin('mariadb-install-db'),
      ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=socket', '--skip-test-db', ...asRoot],
      { stdio: 'ignore' },
    );
    const db = spawn(
      sbin('mariadbd'),
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--port=${dbPort}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${join(tmp, 'mysqld.pid')}`,
        `--log-error=${join(tmp, 'mysqld.err')}`,
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        '--innodb-log-file-size=16M',
        ...asRoot,
      ],
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
    sql(
      `CREATE DATABASE wp CHARACTER SET utf8mb4; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY '${dbPass}'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';`,
    );

    // --- WordPress --------------------------------------------------------------------------
    const wp = join(tmp, 'wp');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    log(`WordPress ${wordpressVersion(source)} nach ${wp}`);
    // Dereferenced: Debian links some files to system packages with relative links
    // (underscore.js → ../../../javascript/…), which would point nowhere in the copy.
    cpSync(source, wp, { recursive: true, dereference: true });
    rmSync(join(wp, '.htaccess'), { force: true });
    const salt = () => randomBytes(32).toString('base64');
    const debugLog = join(tmp, 'debug.log');
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
define( 'WP_DEBUG_LOG', '${debugLog}' );
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

    const setup = join(root, 'test/wordpress/setup.php');
    const php = (...a) =>
      execFileSync('php', [setup, a[0], wp, url, ...a.slice(1)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      });
    log('wp_install()');
    php('install');
    log('Plugin aktivieren, Inhalte anlegen');
    const pages = JSON.parse(php('content').trim().split('\n').pop());

    // The access log goes to a file: a pipe nobody reads while the tests run would fill up and
    // block the server.
    const serverLog = join(tmp, 'php-server.log');
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wp, join(root, 'test/wordpress/router.php')], {
      stdio: ['ignore', 'ignore', openSync(serverLog, 'a')],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(workers) },
      detached: true,
    });
    children.push(server);
    await waitFor('PHP-Server', async () => (await fetch(`${url}/wp-login.php`)).ok);
    log(`Website läuft: ${url}`);
    return { url, pages, dir: wp, tmp, wordpress: wordpressVersion(wp), debugLog, serverLog, php, stop, pids: children.map((c) => c.pid) };
  } catch (error) {
    await stop();
    throw error;
  }
}
