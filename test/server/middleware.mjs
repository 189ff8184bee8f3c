// Programmable endpoints for browser tests that need a real server: ETag/304, slow answers,
// status codes and the write contract. Plain Koa-style middleware for @web/test-runner.
import { existsSync, readFileSync } from 'node:fs';
import { strictCsp } from '../../demo/server.mjs';
import { roundTrip } from './round-trip.mjs';
import { secondOriginControl } from './second-origin.mjs';
import { writeMock } from './write-mock.mjs';

const counters = new Map();

export async function testServer(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  // Pages under /test/csp/ are served with the strict policy the README documents.
  if (/^\/test\/csp\/[^/]+\.html$/.test(url.pathname)) {
    ctx.set('Content-Security-Policy', strictCsp);
    return next();
  }
  if (url.pathname.startsWith('/test/hostile/')) {
    const hostile = hostilePage(ctx, url.pathname);
    if (hostile) return hostile;
  }
  const copy = /^\/copies\/(same|v[\d.]+)\/([\w./-]+\.js)$/.exec(url.pathname);
  if (copy && serveCopy(ctx, copy[1], copy[2])) return;
  if (!url.pathname.startsWith('/mock/')) return next();
  if (url.pathname.startsWith('/mock/xo/')) return (await secondOriginControl(ctx, url)) || next();
  if (url.pathname.startsWith('/mock/write/')) return (await writeMock(ctx, url)) || next();
  if (url.pathname.startsWith('/mock/rtt')) return (await roundTrip(ctx, url)) || next();
  const key = url.searchParams.get('key') ?? url.pathname;
  const count = (counters.get(key) ?? 0) + 1;
  counters.set(key, count);

  // /mock/count?key=…  how often another mock URL with that key was hit (read without counting)
  if (url.pathname === '/mock/count') {
    counters.set(key, count - 1);
    const target = url.searchParams.get('of');
    ctx.body = { count: counters.get(target) ?? 0 };
    return;
  }
  // /mock/etag?version=N  answers 304 when If-None-Match matches "vN"
  if (url.pathname === '/mock/etag') {
    const version = url.searchParams.get('version') ?? '1';
    const etag = `"v${version}"`;
    if (ctx.get('if-none-match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.set('ETag', etag);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ items: [{ name: `Partner v${version}` }] });
    return;
  }
  // /mock/slow?ms=N  waits, then answers with a small feed
  if (url.pathname === '/mock/slow') {
    await new Promise((r) => setTimeout(r, Number(url.searchParams.get('ms') ?? 1000)));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ items: [{ name: 'Spät' }] });
    return;
  }
  // /mock/status?code=N&times=K  answers N for the first K hits of this key, then a feed
  if (url.pathname === '/mock/status') {
    const times = Number(url.searchParams.get('times') ?? 999);
    if (count <= times) {
      ctx.status = Number(url.searchParams.get('code') ?? 500);
      ctx.type = 'text/html';
      ctx.body = '<!DOCTYPE html><html><body>Fehler</body></html>';
      return;
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ items: [{ name: 'Erholt' }] });
    return;
  }
  // /mock/hits?key=…  counts requests and answers with a feed (request sharing)
  if (url.pathname === '/mock/hits') {
    await new Promise((r) => setTimeout(r, 150));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ items: [{ name: `Abruf ${count}` }] });
    return;
  }
  return next();
}

// --- the hostile host page (issue 8) ----------------------------------------------------------
const repo = new URL('../../', import.meta.url);
/** Strict CSP with Trusted Types required and an allow-list naming the CMS's own policies too. */
export const hostileCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types cms-sanitizer default lit-html 'allow-duplicates'",
].join('; ');

/**
 * /test/hostile/*.html: served with hostileCsp and __ORIGIN__ filled in (the page's <base> points
 * elsewhere). /test/hostile/old-leaflet.{js,css}: the real Leaflet 1.9.4 if `npm run bench` has
 * vendored it, else a stand-in, so the test never needs the network.
 */
function hostilePage(ctx, path) {
  const read = (rel) => readFileSync(new URL(rel, repo), 'utf8');
  if (/^\/test\/hostile\/[\w-]+\.html$/.test(path)) {
    ctx.set('Content-Security-Policy', hostileCsp);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html';
    ctx.body = read(path.slice(1)).replaceAll('__ORIGIN__', ctx.origin);
    return true;
  }
  const old = {
    '/test/hostile/old-leaflet.js': ['bench/.vendor/leaflet/dist/leaflet.js', 'test/hostile/leaflet-stub.js'],
    '/test/hostile/old-leaflet.css': ['bench/.vendor/leaflet/dist/leaflet.css', 'test/hostile/leaflet-stub.css'],
  }[path];
  if (old) {
    const file = existsSync(new URL(old[0], repo)) ? old[0] : old[1];
    ctx.type = path.endsWith('.js') ? 'text/javascript' : 'text/css';
    ctx.body = read(file);
    return true;
  }
  return false;
}

// --- copies of the build (define guard) ---------------------------------------------------------
/**
 * /copies/same/<file>: dist/ served again under another path, a separate module graph (its chunks
 * import each other relatively, so nothing is shared with /dist/). /copies/v0.0.9/<file>: the same,
 * but claiming another version, as an older plugin's bundled copy would.
 */
function serveCopy(ctx, name, file) {
  const path = new URL(`dist/${file}`, repo);
  if (file.includes('..') || !existsSync(path)) return false;
  let code = readFileSync(path, 'utf8');
  if (name !== 'same') {
    const { version } = JSON.parse(readFileSync(new URL('package.json', repo), 'utf8'));
    code = code.replaceAll(JSON.stringify(version), JSON.stringify(name.slice(1)));
  }
  ctx.type = 'text/javascript';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = code;
  return true;
}
