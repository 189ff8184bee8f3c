// Programmable endpoints for browser tests that need a real server: ETag/304, slow answers,
// status codes and the write contract. Plain Koa-style middleware for @web/test-runner.
import { strictCsp } from '../../demo/server.mjs';

const counters = new Map();

export async function testServer(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  // Pages under /test/csp/ are served with the strict policy the README documents.
  if (/^\/test\/csp\/[^/]+\.html$/.test(url.pathname)) {
    ctx.set('Content-Security-Policy', strictCsp);
    return next();
  }
  if (!url.pathname.startsWith('/mock/')) return next();
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
