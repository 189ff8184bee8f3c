// A feed server on a second loopback origin (127.0.0.1, a free port), for refresh across origins.
// It sends exactly what the feed checker advises (`Access-Control-Allow-Origin: *`) and the
// validators a static file server sends (ETag and Last-Modified, or Last-Modified only), answers
// conditional GETs with 304, and logs every request so tests can see what the browser sent.
// A preflight (OPTIONS) gets no Access-Control-Allow-Headers, like the servers the checker's
// snippets configure: a widget that needed one would fail here as it fails there.
import { createServer } from 'node:http';

/** key → { version, name?, raw?, validators: 'etag' | 'modified' } */
const feeds = new Map();
/** key → [{ method, ifNoneMatch, ifModifiedSince, status }] */
const logs = new Map();
let started;

export function secondOrigin() {
  started ??= new Promise((resolve, reject) => {
    const server = createServer(serveFeed);
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
    server.unref();
  });
  return started;
}

const lastModified = (version) => new Date(Date.UTC(2026, 0, 1) + Number(version) * 60_000).toUTCString();

export function serveFeed(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  const key = url.searchParams.get('key') ?? '';
  const entry = {
    method: req.method,
    origin: req.headers.origin ?? null,
    ifNoneMatch: req.headers['if-none-match'] ?? null,
    ifModifiedSince: req.headers['if-modified-since'] ?? null,
    status: 0,
  };
  if (!logs.has(key)) logs.set(key, []);
  logs.get(key).push(entry);
  const end = (status, headers = {}, body) => {
    entry.status = status;
    res.writeHead(status, { 'Access-Control-Allow-Origin': '*', ...headers });
    res.end(body);
  };
  const feed = feeds.get(key);
  if (req.method === 'OPTIONS') return end(204);
  if (req.method !== 'GET' || !feed) return end(404, { 'Content-Type': 'text/plain' }, 'not found');
  const modified = lastModified(feed.version);
  const etag = `"v${feed.version}"`;
  const headers = { 'Last-Modified': modified, ...(feed.validators === 'etag' ? { ETag: etag } : {}) };
  const fresh =
    feed.validators === 'etag'
      ? entry.ifNoneMatch === etag
      : entry.ifModifiedSince !== null && Date.parse(entry.ifModifiedSince) >= Date.parse(modified);
  if (fresh) return end(304, headers);
  const body = feed.raw ?? JSON.stringify({ items: [{ name: feed.name }] });
  end(200, { ...headers, 'Content-Type': feed.raw ? 'text/html' : 'application/json' }, body);
}

/**
 * Same-origin control for the page (Koa middleware part):
 * /mock/xo/set?key=K&version=N&name=…|raw=…&validators=etag|modified → { origin }
 * /mock/xo/log?key=K → the requests the feed server saw for K
 * /mock/xo/feed?key=K → the same feed, served from the page's own origin
 */
export async function secondOriginControl(ctx, url) {
  const key = url.searchParams.get('key') ?? '';
  if (url.pathname === '/mock/xo/set') {
    const q = (n) => url.searchParams.get(n) ?? undefined;
    feeds.set(key, { version: q('version') ?? '1', name: q('name'), raw: q('raw'), validators: q('validators') ?? 'etag' });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { origin: await secondOrigin() };
    return true;
  }
  if (url.pathname === '/mock/xo/log') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = logs.get(key) ?? [];
    return true;
  }
  if (url.pathname === '/mock/xo/feed') {
    ctx.respond = false;
    serveFeed(ctx.req, ctx.res);
    return true;
  }
  return false;
}
