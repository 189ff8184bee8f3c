// The demo server behind `npm start`: serves the demo pages, the built widgets and the sample
// feeds (with ETag / 304), a page under a strict Content-Security-Policy, and the idea wall's
// write contract in memory (demo/write-api.mjs). Listens on 127.0.0.1 unless HOST says
// otherwise (HOST=0.0.0.0 to show it to another device); PORT sets the port.
// Static files come from sirv, one instance per served folder (demo/, dist/, schemas/): a
// maintained file server that resolves paths inside its folder only, instead of a hand-written
// path check (the old one let /demo/..%2f.git/config through).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { corsAllowed, guard, supportCount, write } from './write-api.mjs';
import { createVoting } from './voting.mjs';
import { feedPage } from './feed-query.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';
export const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
};

/** The header documented in the README for strict sites; the demo's csp pages use it. */
export const strictCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https://tile.openstreetmap.org",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');

// --- write routes -------------------------------------------------------------------------
/** The sample feed's ideas: id -> count, for the write routes (404 for unknown ideas). */
let known;
const knownIdeas = () =>
  (known ??= readFile(join(root, 'demo/data/ideas.json'), 'utf8')
    .then((text) => new Map(JSON.parse(text).ideas.map((i) => [String(i.id), Number(i.supporters) || 0])))
    .catch(() => new Map()));

async function readBody(req) {
  let size = 0;
  const chunks = [];
  for await (const c of req) {
    size += c.length;
    if (size > 64 * 1024) throw new Error('too large');
    chunks.push(c);
  }
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
  return body;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

async function api(req, res, path) {
  const origin = String(req.headers.origin ?? '');
  // CORS only for allowed origins (the page itself needs none); a refused one cannot read answers.
  const cors = origin && corsAllowed(req, origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      ...(cors['Access-Control-Allow-Origin']
        ? {
            'Access-Control-Allow-Methods': 'POST',
            'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
            'Access-Control-Max-Age': '600',
          }
        : {}),
    });
    return res.end();
  }
  if (req.method !== 'POST') return send(res, 405, { error: { code: 'method', message: 'Nur POST.' } }, cors);
  if (!['/api/support', '/api/ideas', '/api/fail'].includes(path))
    return send(res, 404, { error: { code: 'not-found', message: 'Unbekannter Endpunkt.' } }, cors);
  const refused = guard(req);
  if (refused) {
    req.resume();
    return send(res, ...refused, cors);
  }
  let body;
  try {
    body = await readBody(req);
  } catch {
    return send(res, 400, { error: { code: 'bad-json', message: 'Die Anfrage war kein gültiges JSON.' } }, cors);
  }
  const [status, answer] = write(req, path, body, await knownIdeas());
  send(res, status, answer, cors);
}

// --- idea feeds with the accepted supports, paging, search and filters ----------------------
const feeds = new Set(['/demo/data/ideas.json', '/demo/data/en/ideas.json']);

async function ideaFeed(req, res, path) {
  const text = await readFile(join(root, path), 'utf8');
  // Paged, searched and filtered like the plugin's feed (demo/feed-query.mjs).
  const feed = feedPage(JSON.parse(text), new URL(req.url ?? '/', 'http://x').searchParams, path);
  for (const idea of feed.ideas ?? []) {
    const added = supportCount(idea.id);
    if (added) idea.supporters = (Number(idea.supporters) || 0) + added;
  }
  const body = JSON.stringify(feed);
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    ETag: etag,
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, headers);
  res.end(body);
}

// --- static files -------------------------------------------------------------------------
const staticHeaders = (res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
};
const folders = Object.fromEntries(
  ['demo', 'dist', 'schemas'].map((dir) => [
    `/${dir}/`,
    sirv(join(root, dir), { dev: true, etag: true, dotfiles: false, extensions: [], setHeaders: staticHeaders }),
  ]),
);

function notFound(res, status = 404, text = 'Nicht gefunden.') {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><title>${status}</title><p>${text}</p>`);
}

function handle(req, res) {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return notFound(res, 400, 'Ungültige Adresse.');
  }
  if (path === '/') {
    res.writeHead(302, { Location: '/demo/' });
    return res.end();
  }
  if (path.startsWith('/api/vote/'))
    return void voting
      .handle(req, res, path)
      .catch(() => !res.headersSent && send(res, 500, { error: { code: 'server', message: 'Interner Fehler.' } }));
  if (path.startsWith('/api/'))
    return void api(req, res, path).catch(
      () => !res.headersSent && send(res, 500, { error: { code: 'server', message: 'Interner Fehler.' } }),
    );
  if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res, 405, 'Nur GET.');
  if (feeds.has(path)) return void ideaFeed(req, res, path).catch(() => !res.headersSent && notFound(res));
  // The strict-CSP page is the German demo page, served with the strict header.
  const csp = path === '/demo/csp.html';
  if (csp) res.setHeader('Content-Security-Policy', strictCsp);
  const prefix = Object.keys(folders).find((p) => path.startsWith(p));
  if (!prefix || path.split('/').some((part) => part.startsWith('.'))) return notFound(res);
  const rest = csp ? '/index.html' : path.slice(prefix.length - 1);
  if (rest.endsWith('/')) {
    res.writeHead(302, { Location: `${path}index.html` });
    return res.end();
  }
  // sirv sees the path inside its folder, still percent-encoded as the client sent it.
  req.url = csp ? rest : req.url.replace(/^[^?]*?\/(demo|dist|schemas)(?=\/)/, '');
  folders[prefix](req, res, () => notFound(res));
}

export const voting = createVoting({ rules: { maxProjects: 4 } });

export function startDemoServer(listenPort = port, listenHost = host) {
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      console.warn('[demo]', error);
      if (!res.headersSent) notFound(res, 500, 'Interner Fehler.');
    }
  });
  // A request Node cannot even parse gets a 400 instead of a silent drop.
  server.on('clientError', (error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  return new Promise((resolve) => server.listen(listenPort, listenHost, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await startDemoServer();
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`stadttraum-Demo: http://${shown}:${port}/demo/  (englisch: /demo/en.html, strenge CSP: /demo/csp.html)`);
  console.log(`Abstimmung: /demo/abstimmung.html – Organisationsteam: Authorization: Bearer ${voting.adminToken}`);
}
