// The demo server (npm start): static files only from its folders, malformed URLs answered,
// and the idea wall's write contract that no other site can forge and no retry can double.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { startDemoServer } from '../../demo/server.mjs';
import { stats } from '../../demo/write-api.mjs';

let server;
let base;
let host;
before(async () => {
  delete process.env.HOST;
  server = await startDemoServer(0);
  host = `127.0.0.1:${server.address().port}`;
  base = `http://${host}`;
});
after(() => new Promise((r) => server.close(r)));

/** A raw request: the path exactly as written (fetch would normalise `..`). */
function raw(path) {
  return new Promise((resolve, reject) => {
    const socket = connect(server.address().port, '127.0.0.1', () =>
      socket.end(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('end', () => resolve({ status: Number(text.split(' ')[1]), text }));
    socket.on('error', reject);
  });
}

const token = () => crypto.randomUUID().replace(/-/g, '');
const sample = JSON.parse(readFileSync(new URL('../../demo/data/ideas.json', import.meta.url), 'utf8'));
const ids = sample.ideas.map((i) => String(i.id));
/** The wall's own page posting: JSON from the server's origin. */
const post = (path, body, headers = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: base,
      'Sec-Fetch-Site': 'same-origin',
      'Idempotency-Key': crypto.randomUUID(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
const count = async (id) => (await (await fetch(`${base}/demo/data/ideas.json`)).json()).ideas.find((i) => String(i.id) === id).supporters;
const idea = (title) => ({ title, description: 'Eine ausreichend lange Beschreibung.', consent: true });

describe('demo server: files', () => {
  it('listens on the loopback interface unless HOST says otherwise', () => {
    assert.equal(server.address().address, '127.0.0.1');
  });

  it('answers path traversal with 404 and never serves a file outside its folders', async () => {
    for (const path of [
      '/demo/..%2f.git/config',
      '/demo/../.git/config',
      '/demo/..%2f..%2fpackage.json',
      '/dist/%2e%2e/package.json',
      '/demo/%2e%2e%2fpackage.json',
      '/demo/..\\package.json',
      '/package.json',
      '/demo/data/../../package.json',
    ]) {
      const res = await raw(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(res.text, /\[core\]|"devDependencies"/, path);
    }
  });

  it('answers malformed URLs with 400 and stays up', async () => {
    for (const path of ['/demo/%E0%A4%A', '/%', '/demo/%ZZ']) assert.equal((await raw(path)).status, 400, path);
    const res = await fetch(`${base}/demo/index.html`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<idea-wall/);
  });

  it('serves the demo, the built files and the strict-CSP page with ETag / 304', async () => {
    const page = await fetch(`${base}/demo/csp.html`);
    assert.match(page.headers.get('content-security-policy'), /require-trusted-types-for/);
    const feed = await fetch(`${base}/demo/data/ideas.json`);
    const etag = feed.headers.get('etag');
    assert.equal((await fetch(`${base}/demo/data/ideas.json`, { headers: { 'If-None-Match': etag } })).status, 304);
  });

  it('pages, searches and filters the idea feed like the plugin, and says so in "query"', async () => {
    const whole = await (await fetch(`${base}/demo/data/ideas.json`)).json();
    assert.deepEqual(whole.query, ['search', 'category', 'status', 'sort']);
    assert.equal(whole.total, sample.ideas.length);
    assert.equal(whole.ideas.length, sample.ideas.length, 'without per_page: every idea');
    assert.equal(whole.next, undefined);
    const ideas = [];
    let page = await (await fetch(`${base}/demo/data/ideas.json?per_page=5`)).json();
    for (let guard = 0; guard < 20; guard++) {
      ideas.push(...page.ideas);
      if (!page.next) break;
      page = await (await fetch(new URL(page.next, base))).json();
    }
    assert.deepEqual(
      ideas.map((i) => i.id),
      sample.ideas.map((i) => i.id),
      'the pages hold every idea once, in order',
    );
    const planned = sample.ideas.filter((i) => i.status === 'planned');
    const first = await (await fetch(`${base}/demo/data/ideas.json?status=planned&per_page=1`)).json();
    assert.equal(first.total, planned.length);
    assert.deepEqual(
      first.ideas.map((i) => i.id),
      [planned[0].id],
    );
    const next = new URL(first.next, base).searchParams;
    assert.deepEqual([next.get('status'), next.get('per_page'), next.get('page')], ['planned', '1', '2']);
    // Words anywhere in title or description, any case, umlauts folded ("banke" finds "Bänke").
    const found = await (await fetch(`${base}/demo/data/ideas.json?search=${encodeURIComponent('RUHEBANKE selketal')}`)).json();
    assert.deepEqual(
      found.ideas.map((i) => i.title),
      ['Ruhebänke am Selketal-Stieg'],
    );
    const category = sample.ideas[0].category;
    const inCategory = await (await fetch(`${base}/demo/data/ideas.json?category=${category}`)).json();
    assert.ok(inCategory.total > 0 && inCategory.ideas.every((i) => i.category === category));
  });

  it('sorts on request across pages (most supported, follow-through status), and `next` keeps the order', async () => {
    const all = [];
    let page = await (await fetch(`${base}/demo/data/ideas.json?sort=support&per_page=3`)).json();
    assert.equal(new URL(page.next, base).searchParams.get('sort'), 'support');
    for (let guard = 0; guard < 40 && page; guard++) {
      all.push(...page.ideas);
      page = page.next && (await (await fetch(new URL(page.next, base))).json());
    }
    assert.equal(all.length, sample.ideas.length, 'every idea once');
    const counts = all.map((i) => i.supporters ?? 0);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      'most supporters first, over all pages',
    );
    assert.notDeepEqual(
      all.map((i) => i.id),
      sample.ideas.map((i) => i.id),
      'not the file order (else the test proves nothing)',
    );
    const order = ['new', 'review', 'planned', 'in-progress', 'done', 'declined', 'withdrawn'];
    const byStatus = (await (await fetch(`${base}/demo/data/ideas.json?sort=status`)).json()).ideas.map((i) =>
      order.indexOf(i.status ?? 'new'),
    );
    assert.deepEqual(
      byStatus,
      [...byStatus].sort((a, b) => a - b),
    );
    const unknown = await (await fetch(`${base}/demo/data/ideas.json?sort=%3Cx%3E`)).json();
    assert.deepEqual(
      unknown.ideas.map((i) => i.id),
      sample.ideas.map((i) => i.id),
      'an unknown order: the feed’s own',
    );
  });
});

describe('demo server: writes', () => {
  it('refuses forged writes from another origin, as text/plain or with a null Origin, and stores nothing', async () => {
    const id = ids[0];
    const before = await count(id);
    const held = stats();
    const other = 'http://127.0.0.1:1';
    const plain = await fetch(`${base}/api/support`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: other, 'Sec-Fetch-Site': 'same-site' },
      body: JSON.stringify({ idea: id, visitor: token() }),
    });
    assert.equal(plain.status, 403);
    assert.equal((await plain.json()).code, 'content-type');
    const json = await post('/api/support', { idea: id, visitor: token() }, { Origin: other, 'Sec-Fetch-Site': 'same-site' });
    assert.equal(json.status, 403);
    const refusal = await json.json();
    assert.equal(refusal.code, 'origin');
    assert.match(refusal.message, /ALLOWED_ORIGINS=http:\/\/127\.0\.0\.1:1/, 'the webmaster reads how to allow it (console)');
    const submit = await post('/api/ideas', idea('Gefälschte Idee'), { Origin: other });
    assert.equal(submit.status, 403);
    const sandboxed = await post('/api/support', { idea: id, visitor: token() }, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' });
    assert.equal((await sandboxed.json()).code, 'cross-site');
    assert.equal(await count(id), before);
    assert.deepEqual(stats(), held);
  });

  it('accepts Origin: null from its own page (Sec-Fetch-Site: same-origin) and an allowed origin, with CORS', async () => {
    const id = ids[1];
    const before = await count(id);
    assert.equal(
      (await post('/api/support', { idea: id, visitor: token() }, { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status,
      200,
    );
    process.env.ALLOWED_ORIGINS = 'http://127.0.0.1:1';
    try {
      const pre = await fetch(`${base}/api/support`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'POST' },
      });
      assert.match(pre.headers.get('access-control-allow-headers'), /Idempotency-Key/);
      const res = await post(
        '/api/support',
        { idea: id, visitor: token() },
        { Origin: 'http://127.0.0.1:1', 'Sec-Fetch-Site': 'same-site' },
      );
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:1');
    } finally {
      delete process.env.ALLOWED_ORIGINS;
    }
    assert.equal(await count(id), before + 2, 'the feed shows the accepted supports');
  });

  it('counts 50 supports with one token and 50 User-Agents once; without tokens only up to the daily cap', async () => {
    const once = ids[2];
    const before = await count(once);
    const visitor = token();
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('/api/support', { idea: once, visitor }, { 'User-Agent': `Browser/${i}` }).then((r) => r.status),
      ),
    );
    assert.equal(statuses.filter((s) => s === 200).length, 1);
    assert.equal(await count(once), before + 1);
    process.env.SUPPORT_CAP = '5';
    try {
      const capped = ids[3];
      const start = await count(capped);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          post('/api/support', { idea: capped }, { 'User-Agent': `Browser/${i}` }).then(async (r) => ({
            status: r.status,
            body: await r.json(),
          })),
        ),
      );
      assert.equal(answers.filter((a) => a.status === 200).length, 5);
      const refused = answers.filter((a) => a.status === 403);
      assert.equal(refused.length, 45);
      assert.equal(refused[0].body.code, 'cap');
      assert.equal(await count(capped), start + 5);
    } finally {
      delete process.env.SUPPORT_CAP;
    }
  });

  it('keys per endpoint and visitor: a submit reusing a support key is stored; one key in 20 parallel submits → one idea', async () => {
    const key = crypto.randomUUID();
    const visitor = token();
    assert.equal((await post('/api/support', { idea: ids[4], visitor }, { 'Idempotency-Key': key })).status, 200);
    const pendingBefore = stats().pending;
    const submitted = await post('/api/ideas', { ...idea('Gleicher Schlüssel'), visitor }, { 'Idempotency-Key': key });
    assert.equal(submitted.status, 202);
    assert.ok((await submitted.json()).id, 'the idea got its own answer');
    assert.equal(stats().pending, pendingBefore + 1);
    const shared = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post('/api/ideas', idea('Zwanzigmal gesendet'), { 'Idempotency-Key': shared }).then((r) => r.json()),
      ),
    );
    assert.equal(new Set(answers.map((a) => a.id)).size, 1);
    assert.equal(stats().pending, pendingBefore + 2);
  });

  it('200 concurrent supports from distinct visitors across 20 ideas: every count exact', async () => {
    const chosen = ids.slice(0, 20);
    const feed = await (await fetch(`${base}/demo/data/ideas.json`)).json();
    const before = new Map(feed.ideas.map((i) => [String(i.id), i.supporters]));
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, k) => post('/api/support', { idea: chosen[k % 20], visitor: token() }).then((r) => r.status)),
    );
    assert.deepEqual([...new Set(statuses)], [200]);
    for (const id of chosen) assert.equal(await count(id), before.get(id) + 10, id);
  });

  it('1,000 writes with fresh keys that fail validation store nothing', async () => {
    const held = stats();
    for (let i = 0; i < 1000; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          (k % 2
            ? post('/api/ideas', { title: 'x', consent: false })
            : post('/api/support', { idea: `gibt-es-nicht-${i + k}`, visitor: token() })
          ).then((r) => r.status),
        ),
      );
      assert.deepEqual([...new Set(batch)].sort(), [404, 422]);
    }
    assert.deepEqual(stats(), held);
  });

  it('a submitted idea waits for approval: the answer says so and the wall does not show it', async () => {
    const res = await post('/api/ideas', idea('Ein Trinkbrunnen am Markt'));
    assert.equal(res.status, 202);
    const body = await res.json();
    assert.equal(body.status, 'pending');
    assert.match(body.message, /nach der Freigabe/);
    assert.match(body.receipt, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const feed = await (await fetch(`${base}/demo/data/ideas.json`)).json();
    assert.ok(!feed.ideas.some((i) => i.title === 'Ein Trinkbrunnen am Markt'));
  });
});
