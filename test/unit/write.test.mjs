// The write contract (support, submit): one POST per call, never retried, the same key never twice at once.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { newIdempotencyKey, sendWrite, WriteError } from '../../src/core/write.js';

const realFetch = globalThis.fetch;
let calls;
const answer = (respond) => {
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init });
    return respond(init);
  };
};
const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const request = (over = {}) => ({
  url: '/api/support',
  body: { idea: 'a' },
  idempotencyKey: newIdempotencyKey(),
  credentials: 'omit',
  timeoutMs: 1000,
  ...over,
});
const failure = (promise) =>
  promise.then(
    () => assert.fail('expected a failure'),
    (e) => e,
  );

beforeEach(() => (calls = []));
afterEach(() => (globalThis.fetch = realFetch));

test('POSTs JSON once, with the key, content type, accept and credentials', async () => {
  answer(() => json({ supporters: 13 }, 201));
  const req = request({ credentials: 'include', body: { idea: 'sofa', support: true } });
  const result = await sendWrite(req);
  assert.deepEqual(result, { status: 201, duplicate: false, data: { supporters: 13 } });
  assert.equal(calls.length, 1);
  const { url, init } = calls[0];
  assert.equal(url, '/api/support');
  assert.equal(init.method, 'POST');
  assert.deepEqual(init.headers, { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': req.idempotencyKey });
  assert.equal(init.body, '{"idea":"sofa","support":true}');
  assert.equal(init.credentials, 'include');
  assert.ok(init.signal instanceof AbortSignal);
});

test('a 2xx without a JSON body is a success with empty data', async () => {
  answer(() => new Response(null, { status: 204 }));
  assert.deepEqual(await sendWrite(request()), { status: 204, duplicate: false, data: {} });
  answer(() => new Response('[1,2]', { status: 200 }));
  assert.deepEqual((await sendWrite(request())).data, {});
  answer(() => new Response('null', { status: 200 }));
  assert.deepEqual((await sendWrite(request())).data, {});
  answer(() => new Response('"gespeichert"', { status: 200 }));
  assert.deepEqual((await sendWrite(request())).data, {}, 'a JSON string is no data');
});

test('409 is "already done", with the server data', async () => {
  answer(() => json({ supporters: 4 }, 409));
  assert.deepEqual(await sendWrite(request()), { status: 409, duplicate: true, data: { supporters: 4 } });
});

test('the same key at once is one POST; after it settles, the next call posts again', async () => {
  let release;
  answer(() => new Promise((r) => (release = () => r(json({ ok: true })))));
  const req = request();
  const a = sendWrite(req);
  const b = sendWrite(req);
  assert.equal(a, b, 'the running promise is shared');
  await new Promise((r) => setImmediate(r));
  release();
  await a;
  assert.equal(calls.length, 1);
  answer(() => json({}));
  await sendWrite(req);
  assert.equal(calls.length, 2, 'a later visitor action with that key is sent');
  const other = sendWrite(request());
  await other;
  assert.equal(calls.length, 3, 'another key is its own action');
});

test('a failed write is not kept as running: the visitor may send it again', async () => {
  answer(() => Promise.reject(new TypeError('Failed to fetch')));
  const req = request();
  await failure(sendWrite(req));
  await failure(sendWrite(req));
  assert.equal(calls.length, 2, 'one POST per call, none in between');
});

test('network error: one POST, reason network, the URL and the cause in the message', async () => {
  answer(() => Promise.reject(new TypeError('Failed to fetch')));
  const e = await failure(sendWrite(request({ url: '/api/x' })));
  assert.ok(e instanceof WriteError);
  assert.equal(e.name, 'WriteError');
  assert.equal(e.reason, 'network');
  assert.equal(e.message, 'Netzwerkfehler bei /api/x: Failed to fetch');
  assert.equal(calls.length, 1);
});

test('timeout: aborted after timeoutMs, reason timeout, one POST', async () => {
  answer(
    (init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  );
  const started = Date.now();
  const e = await failure(sendWrite(request({ url: '/api/x', timeoutMs: 30 })));
  assert.equal(e.reason, 'timeout');
  assert.equal(e.message, 'Keine vollständige Antwort nach 0.03 s: /api/x');
  assert.ok(Date.now() - started < 1000);
  assert.equal(calls.length, 1);
});

test('an answer in time clears the timer (no abort afterwards)', async () => {
  let signal;
  answer((init) => ((signal = init.signal), json({})));
  await sendWrite(request({ timeoutMs: 20 }));
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(signal.aborted, false);
});

test('5xx: reason server, status, the server message for the visitor (at most 300 characters), one POST', async () => {
  answer(() => json({ error: { code: 'unavailable', message: 'W'.repeat(400) } }, 503));
  const e = await failure(sendWrite(request({ url: '/api/x' })));
  assert.equal(e.reason, 'server');
  assert.equal(e.status, 503);
  assert.equal(e.code, 'unavailable');
  assert.equal(e.serverMessage, 'W'.repeat(300));
  assert.equal(e.message, 'HTTP 503 von /api/x');
  assert.equal(calls.length, 1);
  answer(() => new Response('<html>Bad Gateway</html>', { status: 500 }));
  const html = await failure(sendWrite(request({ url: '/api/x' })));
  assert.equal(html.reason, 'server');
  assert.equal(html.message, 'HTTP 500 von /api/x (keine JSON-Antwort)');
  assert.equal(html.serverMessage, undefined);
});

test('4xx: rejected with a JSON body, invalid-response without; field messages kept as text', async () => {
  answer(() =>
    json({ error: { code: 'invalid', message: 'Titel fehlt.', fields: { title: 'Zu kurz.', n: 5, long: 'x'.repeat(400) } } }, 422),
  );
  const e = await failure(sendWrite(request()));
  assert.equal(e.reason, 'rejected');
  assert.equal(e.status, 422);
  assert.equal(e.serverMessage, 'Titel fehlt.');
  assert.deepEqual(e.fields, { title: 'Zu kurz.', long: 'x'.repeat(300) });
  answer(() => json({ error: { code: 7, message: 8, fields: 'nein' } }, 400));
  const odd = await failure(sendWrite(request()));
  assert.equal(odd.code, undefined);
  assert.equal(odd.serverMessage, undefined);
  assert.equal(odd.fields, undefined);
  answer(() => json({}, 400));
  const empty = await failure(sendWrite(request()));
  assert.equal(empty.reason, 'rejected');
  assert.equal(empty.fields, undefined);
  answer(() => new Response('"Fehler"', { status: 400 }));
  assert.equal((await failure(sendWrite(request()))).reason, 'invalid-response', 'a JSON string is no error body');
  answer(() => new Response('<html>Login</html>', { status: 403 }));
  const login = await failure(sendWrite(request()));
  assert.equal(login.reason, 'invalid-response');
  assert.equal(login.status, 403);
});

test('keys are unique, 128 random bits from getRandomValues (randomUUID is missing on plain http pages)', () => {
  const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
  assert.equal(keys.size, 100);
  for (const key of keys) assert.match(key, /^[0-9a-f]{32}$/);
  const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  const real = globalThis.crypto;
  // Not a secure context: randomUUID is undefined there, getRandomValues is not.
  Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: (a) => real.getRandomValues(a) }, configurable: true });
  try {
    const key = newIdempotencyKey();
    assert.match(key, /^[0-9a-f]{32}$/);
    assert.notEqual(newIdempotencyKey(), key);
  } finally {
    Object.defineProperty(globalThis, 'crypto', crypto);
  }
});

test('messages in the widget’s language: English with lang "en" (timeout, network, HTTP, refused), German without', async () => {
  answer(() => Promise.reject(new TypeError('Failed to fetch')));
  assert.equal((await failure(sendWrite(request({ url: '/api/x', lang: 'en' })))).message, 'Network error at /api/x: Failed to fetch');
  answer(
    (init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  );
  assert.equal(
    (await failure(sendWrite(request({ url: '/api/x', timeoutMs: 30, lang: 'en' })))).message,
    'No complete answer after 0.03 s: /api/x',
  );
  answer(() => new Response('<html>Bad Gateway</html>', { status: 500 }));
  assert.equal((await failure(sendWrite(request({ url: '/api/x', lang: 'en' })))).message, 'HTTP 500 from /api/x (not a JSON answer)');
  answer(() => json({ code: 'rest_forbidden_origin', message: 'Origin not allowed' }, 403));
  assert.equal(
    (await failure(sendWrite(request({ url: '/api/x', lang: 'en' })))).message,
    'HTTP 403 from /api/x – refused (rest_forbidden_origin): Origin not allowed',
  );
  answer(() => json({ code: 'rest_forbidden_origin', message: 'Origin not allowed' }, 403));
  assert.equal(
    (await failure(sendWrite(request({ url: '/api/x', lang: 'de' })))).message,
    'HTTP 403 von /api/x – abgelehnt (rest_forbidden_origin): Origin not allowed',
  );
});
