// What the WordPress test files do alike against the site scripts/test-wordpress.mjs started
// (WP_URL, WP_DIR, WP_USER, WP_PASSWORD): a setup.php step, a Chromium whose tabs are closed after
// each test, the admin login. No side effects on import: node --test may load it as a test file.
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';

const setup = fileURLToPath(new URL('./setup.php', import.meta.url));
const timeout = 20000;

/**
 * A step of setup.php against the test site (`wp('page', content)`), its last line parsed as JSON.
 * When PHP fails, the error says why.
 */
export function wp(step, ...args) {
  let out;
  try {
    out = execFileSync('php', [setup, step, process.env.WP_DIR, process.env.WP_URL, ...args.map(String)], { encoding: 'utf8' });
  } catch (e) {
    // WordPress answers a fatal error with its "critical error" page; the cause is in its debug log.
    const log = process.env.WP_DEBUG_LOG && existsSync(process.env.WP_DEBUG_LOG) ? readFileSync(process.env.WP_DEBUG_LOG, 'utf8') : '';
    const fatal = log.split('\n').findLast((l) => l.includes('PHP Fatal error')) ?? '';
    throw new Error(`setup.php ${step} failed: ${fatal || `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ')}`);
  }
  return JSON.parse(out.trim().split('\n').pop());
}

/**
 * Logs tab `p` in as the test admin. WordPress focuses (and on a retry selects) the user field from
 * a timer after load: letters typed before that were lost now and then ("dmin"), so wait for the
 * focus, then set both values at once.
 */
export async function logIn(p) {
  await p.goto(`${process.env.WP_URL}/wp-login.php`);
  await p.waitForFunction(() => document.activeElement?.id === 'user_login');
  await p.$eval('#user_login', (el, v) => (el.value = v), process.env.WP_USER);
  await p.$eval('#user_pass', (el, v) => (el.value = v), process.env.WP_PASSWORD);
  await Promise.all([p.waitForNavigation({ waitUntil: 'domcontentloaded' }), p.click('#wp-submit')]);
  const error = await p.$eval('#login_error', (el) => el.textContent.trim()).catch(() => '');
  assert.match(p.url(), /wp-admin/, `admin login failed ${error}`);
}

/**
 * The Chromium of a test file (or of the describe block it is called in): launched before the tests,
 * closed after them. Tabs from `newPage` are closed after each test, also a failed one, so no tab is
 * left behind to stall the next test's requests; `{ keep: true }` keeps one until the browser closes.
 * `defaults` are options every `newPage` of this browser gets (see there).
 */
export function useBrowser(defaults = {}) {
  // Node 20 runs a file's top-level before() hooks as they are registered, without waiting for
  // the one before: a file's own hook that opens a tab awaits the launch through `launched`.
  let launched;
  let browser;
  let loggedIn = false;
  const tabs = new Set();
  before(async () => {
    launched = launchBrowser();
    browser = await launched;
  });
  afterEach(async () => {
    for (const p of [...tabs]) await p.close().catch(() => {});
  });
  after(async () => {
    await (await launched?.catch(() => undefined))?.close();
  });

  /**
   * A tab with a 20 s default timeout. `p.errors` collects its uncaught errors; with `consoleErrors`
   * its console errors too, except for core files the 6.5 build lacks (router.php marks their 404:
   * not ours). With `widgets` the page records each widget's st-load (window.__loaded, tag names) and
   * st-error (window.__failed, [tag, message]).
   */
  async function newPage(options = {}) {
    const { keep = false, consoleErrors = false, widgets = false } = { ...defaults, ...options };
    const p = await (await launched).newPage();
    if (!keep) {
      tabs.add(p);
      p.once('close', () => tabs.delete(p));
    }
    p.setDefaultTimeout(timeout);
    const thrown = [];
    const logged = [];
    const stripped = new Set();
    p.on('pageerror', (e) => thrown.push(String(e)));
    if (consoleErrors) {
      p.on('response', (r) => r.headers()['x-stadttraum-stripped'] && stripped.add(r.url()));
      p.on('console', (m) => m.type() === 'error' && logged.push({ url: m.location()?.url, text: m.text() }));
    }
    // Filtered when read, not when logged: a 404's console line can come before its response event,
    // and a stripped core file then counted as ours (seen once in CI on WordPress 6.5).
    Object.defineProperty(p, 'errors', {
      get: () => [...thrown, ...logged.filter((e) => !stripped.has(e.url)).map((e) => (e.url ? `${e.text} (${e.url})` : e.text))],
    });
    if (widgets) {
      await p.evaluateOnNewDocument(() => {
        window.__loaded = [];
        window.__failed = [];
        addEventListener('st-load', (e) => window.__loaded.push(e.composedPath()[0].localName), true);
        addEventListener('st-error', (e) => window.__failed.push([e.composedPath()[0].localName, e.detail?.message]), true);
      });
    }
    return p;
  }

  /**
   * A tab of the admin, at `target` when given (`goto`: its navigation options). The first one logs
   * in; the browser keeps the cookie for the others.
   */
  async function adminPage(target, { goto, ...options } = {}) {
    const p = await newPage(options);
    if (!loggedIn) {
      await logIn(p);
      loggedIn = true;
    }
    if (target) await p.goto(target, goto);
    return p;
  }

  return {
    get browser() {
      return browser;
    },
    newPage,
    adminPage,
  };
}
