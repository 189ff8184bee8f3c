// A far-away server for the loader's round-trip test: /mock/rtt/<run>/<path> serves the built
// dist/, demo/data/ and test/fixtures/round-trip/ after a fixed delay per request (every request costs a round trip, as on a
// phone network) and logs when each request arrived and when its answer was sent;
// /mock/rtt-log?run=<run> returns that log. /mock/rtt/<run>/page.html?body=<html>&head=<html> is a host page
// with the README's embed snippet around the given markup (and `head` before the loader's tag; with
// `tail=<html>&hold=<ms>` the page's end follows `hold` ms later, as a long page's would); big/… are big feeds that stream in
// slowly (big-feeds.mjs).
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { bigFeed } from './big-feeds.mjs';

const repo = new URL('../../', import.meta.url);
export const RTT_DELAY_MS = 400;
const logs = new Map();
const types = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.csv': 'text/csv' };

export async function roundTrip(ctx, url) {
  if (url.pathname === '/mock/rtt-log') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = logs.get(url.searchParams.get('run')) ?? [];
    return true;
  }
  const match = /^\/mock\/rtt\/([\w-]+)\/(.+)$/.exec(url.pathname);
  if (!match) return false;
  const [, run, path] = match;
  ctx.set('Cache-Control', 'no-store');
  if (path === 'page.html') {
    ctx.type = 'text/html';
    const start = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>round trips</title>
${url.searchParams.get('head') ?? ''}<script type="module" async src="dist/stadttraum.js"></script></head><body>${url.searchParams.get('body') ?? ''}`;
    const tail = url.searchParams.get('tail');
    if (tail === null) {
      ctx.body = `${start}</body></html>`;
      return true;
    }
    // A long host page: its end (`tail`) comes `hold` ms after its start, logged as 'page-tail'.
    if (!logs.has(run)) logs.set(run, []);
    const body = new PassThrough();
    // Padded past the first kilobytes some engines buffer before they parse (WebKit's content sniffing).
    body.write(`${start}<!--${' '.repeat(4096)}-->`);
    setTimeout(
      () => {
        logs.get(run).push({ path: 'page-tail', start: Date.now(), end: Date.now() });
        body.end(`${tail}</body></html>`);
      },
      Number(url.searchParams.get('hold') ?? RTT_DELAY_MS * 3),
    );
    ctx.body = body;
    return true;
  }
  if (!logs.has(run)) logs.set(run, []);
  const entry = { path, start: Date.now(), end: 0 };
  logs.get(run).push(entry);
  await new Promise((r) => setTimeout(r, RTT_DELAY_MS));
  ctx.res.once('finish', () => (entry.end = Date.now()));
  if (path.startsWith('tiles/')) {
    ctx.status = 204;
    return true;
  }
  if (bigFeed(ctx, path)) return true;
  if (!/^(dist|demo\/data|test\/fixtures\/round-trip)\/[\w./-]+$/.test(path) || path.includes('..')) {
    ctx.status = 404;
    return true;
  }
  try {
    ctx.body = await readFile(new URL(path, repo));
    ctx.type = types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
  } catch {
    ctx.status = 404;
  }
  return true;
}
