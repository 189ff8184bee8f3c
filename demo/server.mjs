// The demo server behind `npm start`: serves the demo pages, the built widgets and the sample
// feeds (with ETag / 304), a page under a strict Content-Security-Policy, and the idea wall's
// write contract in memory (support and submit). No dependencies beyond Node.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVoting } from './voting.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8000);
const served = ['/demo/', '/dist/', '/schemas/'];
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

// --- write contract (in memory) -----------------------------------------------------------
const supporters = new Map(); // idea id -> Set of visitor hashes
const submissions = [];
const seenKeys = new Map(); // Idempotency-Key -> [status, body]
const salt = createHash('sha256').update(String(Math.random())).digest('hex');
const visitor = (req) => createHash('sha256').update(salt + (req.socket.remoteAddress ?? '') + (req.headers['user-agent'] ?? '')).digest('hex').slice(0, 16);

// The counts the sample feed starts with, so an answer's `supporters` is the idea's total.
let baseCounts;
async function baseCount(id) {
  baseCounts ??= readFile(join(root, 'demo/data/ideas.json'), 'utf8')
    .then((text) => new Map(JSON.parse(text).ideas.map((i) => [String(i.id), Number(i.supporters) || 0])))
    .catch(() => new Map());
  return (await baseCounts).get(id) ?? 0;
}

async function supportIdea(req, body) {
  const id = typeof body.idea === 'string' ? body.idea : '';
  if (!id) return [422, { error: { code: 'invalid', message: 'Keine Idee angegeben.' } }];
  const base = await baseCount(id);
  const set = supporters.get(id) ?? new Set();
  supporters.set(id, set);
  const who = visitor(req);
  if (body.support === false) {
    set.delete(who);
    return [200, { idea: id, supported: false, supporters: base + set.size }];
  }
  if (set.has(who)) return [409, { idea: id, supported: true, supporters: base + set.size, error: { code: 'duplicate', message: 'Sie haben diese Idee bereits unterstützt.' } }];
  set.add(who);
  return [200, { idea: id, supported: true, supporters: base + set.size }];
}

function submitIdea(body) {
  if (typeof body.website === 'string' && body.website !== '') return [202, { status: 'pending' }]; // honeypot: bots see success
  const title = String(body.title ?? '').trim();
  const description = String(body.description ?? '').trim();
  const fields = {};
  if (title.length < 5) fields.title = 'Bitte geben Sie einen Titel mit mindestens 5 Zeichen ein.';
  if (title.length > 120) fields.title = 'Der Titel darf höchstens 120 Zeichen haben.';
  if (description.length < 20) fields.description = 'Bitte beschreiben Sie Ihre Idee in mindestens 20 Zeichen.';
  if (description.length > 2000) fields.description = 'Die Beschreibung darf höchstens 2000 Zeichen haben.';
  if (body.consent !== true) fields.consent = 'Bitte stimmen Sie der Datenverarbeitung zu.';
  if (Object.keys(fields).length) return [422, { error: { code: 'invalid', message: 'Bitte prüfen Sie die markierten Felder.', fields } }];
  const id = `demo-${submissions.length + 1}`;
  submissions.push({ id, title, description, category: body.category, name: body.name, consentText: body.consentText, at: new Date().toISOString() });
  return [202, { id, status: 'pending' }];
}

async function readBody(req) {
  let size = 0;
  const chunks = [];
  for await (const c of req) {
    size += c.length;
    if (size > 64 * 1024) throw new Error('too large');
    chunks.push(c);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

async function api(req, res, path) {
  if (req.method !== 'POST') return send(res, 405, { error: { code: 'method', message: 'Nur POST.' } });
  let body;
  try {
    body = await readBody(req);
  } catch {
    return send(res, 400, { error: { code: 'bad-json', message: 'Die Anfrage war kein gültiges JSON.' } });
  }
  const key = req.headers['idempotency-key'];
  if (key && seenKeys.has(key)) return send(res, ...seenKeys.get(key)); // a replay gets the first answer
  let result;
  if (path === '/api/support') result = await supportIdea(req, body);
  else if (path === '/api/ideas') result = submitIdea(body);
  else if (path === '/api/fail') result = [503, { error: { code: 'unavailable', message: 'Der Dienst ist gerade nicht erreichbar.' } }];
  else return send(res, 404, { error: { code: 'not-found', message: 'Unbekannter Endpunkt.' } });
  if (key) seenKeys.set(key, result);
  send(res, ...result);
}

// --- static files -----------------------------------------------------------------------
async function file(req, res, path) {
  // The strict-CSP page is the German demo page, served with the strict header.
  const csp = path === '/demo/csp.html';
  const full = normalize(join(root, csp ? '/demo/index.html' : path));
  if (!full.startsWith(root) || !served.some((p) => path.startsWith(p))) return notFound(res);
  let info;
  try {
    info = await stat(full);
  } catch {
    return notFound(res);
  }
  if (info.isDirectory()) {
    res.writeHead(302, { Location: path.replace(/\/?$/, '/') + 'index.html' });
    return res.end();
  }
  const data = await readFile(full);
  const etag = `"${createHash('sha1').update(data).digest('base64url').slice(0, 16)}"`;
  const headers = {
    'Content-Type': types[extname(full)] ?? 'application/octet-stream',
    ETag: etag,
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
  };
  if (csp) headers['Content-Security-Policy'] = strictCsp;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, headers);
  res.end(data);
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!DOCTYPE html><title>404</title><p>Nicht gefunden.</p>');
}

export const voting = createVoting({ rules: { maxProjects: 4 } });

export function startDemoServer(listenPort = port) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res.writeHead(302, { Location: '/demo/' });
      return res.end();
    }
    if (path.startsWith('/api/vote/')) return void voting.handle(req, res, path).catch(() => send(res, 500, { error: { code: 'server', message: 'Interner Fehler.' } }));
    if (path.startsWith('/api/')) return void api(req, res, path).catch(() => send(res, 500, { error: { code: 'server', message: 'Interner Fehler.' } }));
    void file(req, res, path).catch(() => notFound(res));
  });
  return new Promise((resolve) => server.listen(listenPort, '0.0.0.0', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await startDemoServer();
  console.log(`stadttraum-Demo: http://localhost:${port}/demo/  (englisch: /demo/en.html, strenge CSP: /demo/csp.html)`);
  console.log(`Abstimmung: /demo/abstimmung.html – Organisationsteam: Authorization: Bearer ${voting.adminToken}`);
}
