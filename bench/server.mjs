// The benchmark's local server: static files from the repository (bench/, dist/, demo/),
// gzip for text like a real web server, ETag/304, nothing from the network.
import { types } from '../demo/server.mjs';
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const served = ['/bench/', '/dist/', '/demo/'];

const compressible = /^(text\/|application\/json|image\/svg)/;
const cache = new Map(); // path -> { mtime, data, gz, etag }

async function load(full) {
  const info = await stat(full);
  if (info.isDirectory()) return undefined;
  const hit = cache.get(full);
  if (hit && hit.mtime === info.mtimeMs) return hit;
  const data = await readFile(full);
  const type = types[extname(full)] ?? 'application/octet-stream';
  const entry = {
    mtime: info.mtimeMs,
    type,
    data,
    gz: compressible.test(type) ? gzipSync(data, { level: 6 }) : undefined,
    etag: `"${createHash('sha1').update(data).digest('base64url').slice(0, 16)}"`,
  };
  cache.set(full, entry);
  return entry;
}

/** Reads and compresses every file under these folders now, so no measured request waits for gzip. */
export async function preload(folders = ['bench/.data/', 'bench/pages/', 'bench/embed/', 'demo/data/', 'demo/assets/']) {
  for (const folder of folders) {
    let entries = [];
    try {
      entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isFile()) await load(join(e.parentPath ?? e.path, e.name));
  }
}

/** Starts the server on 127.0.0.1; resolves to { server, origin }. */
export function startBenchServer(port = 0, { distDir } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      // Map tiles: the bench never needs real ones; an empty 204 keeps Leaflet quiet.
      if (path.startsWith('/bench/tiles/') || path === '/favicon.ico') {
        res.writeHead(204, { 'Cache-Control': 'max-age=3600' });
        return res.end();
      }
      // /dist/ may be a private snapshot, so another build into dist/ mid-run cannot break a page.
      const full = distDir && path.startsWith('/dist/') ? normalize(join(distDir, path.slice(6))) : normalize(join(root, path));
      if (!full.startsWith(distDir && path.startsWith('/dist/') ? distDir : root) || !served.some((p) => path.startsWith(p)))
        throw new Error('not served');
      const f = await load(full);
      if (!f) throw new Error('directory');
      const headers = {
        'Content-Type': f.type,
        ETag: f.etag,
        'Cache-Control': 'no-cache',
        'Access-Control-Allow-Origin': '*',
        Vary: 'Accept-Encoding',
      };
      if (req.headers['if-none-match'] === f.etag) {
        res.writeHead(304, headers);
        return res.end();
      }
      const gzip = f.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (gzip) headers['Content-Encoding'] = 'gzip';
      const body = gzip ? f.gz : f.data;
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin } = await startBenchServer(Number(process.env.PORT ?? 8200));
  console.log(`bench server: ${origin}/bench/pages/`);
}
