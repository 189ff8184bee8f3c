// The forgery of issue 15 in a real browser against the demo server: a page on a second
// loopback origin makes its visitor's browser support an idea and submit one (a `no-cors`
// text/plain fetch and a JSON fetch). Nothing may count; from an allowed origin it works; a page
// of the demo's own origin under `Referrer-Policy: no-referrer` still writes.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { chromeArgs, ensureChrome } from '../../scripts/find-chrome.mjs';
import { startDemoServer } from '../../demo/server.mjs';
import { stats } from '../../demo/write-api.mjs';

let demo;
let base;
let other;
let otherOrigin;
let browser;
before(async () => {
  demo = await startDemoServer(0, '127.0.0.1');
  base = `http://127.0.0.1:${demo.address().port}`;
  other = createServer((req, res) => {
    // The "host page" of the same-origin check below is served by the demo itself; this is the other site.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Andere Website</title>');
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${other.address().port}`;
  browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
});
after(async () => {
  await browser?.close();
  await new Promise((r) => other.close(r));
  await new Promise((r) => demo.close(r));
});

const count = async (id) => (await (await fetch(`${base}/demo/data/ideas.json`)).json()).ideas.find((i) => i.id === id).supporters;

/** The attack in a tab of `origin`; the tab is closed again whatever happens. */
async function attack(origin, idea) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(
      async (base, idea) => {
        const body = { title: 'Gefälschte Idee', description: 'Von einer fremden Website eingereicht.', consent: true };
        const plain = (path, data) =>
          fetch(base + path, { method: 'POST', mode: 'no-cors', body: JSON.stringify(data) }).then(() => 'sent', String);
        const json = (path, data) =>
          fetch(base + path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify(data),
          }).then(
            async (r) => r.status,
            () => 'blocked',
          );
        return {
          plain: [await plain('/api/support', { idea, visitor: 'aaaaaaaaaaaaaaaa1' }), await plain('/api/ideas', body)],
          json: [await json('/api/support', { idea, visitor: 'aaaaaaaaaaaaaaaa2' }), await json('/api/ideas', body)],
        };
      },
      base,
      idea,
    );
  } finally {
    await page.close();
  }
}

it('a page on a second loopback origin cannot support or submit; an allowed origin can', async () => {
  const id = 'jugendbudget';
  const before = await count(id);
  const held = stats();
  const forged = await attack(otherOrigin, id);
  assert.deepEqual(forged.plain, ['sent', 'sent'], 'the browser did send the simple requests');
  assert.equal(await count(id), before, 'count unchanged');
  assert.deepEqual(stats(), held, 'no idea, no support, no key stored');

  process.env.ALLOWED_ORIGINS = otherOrigin;
  try {
    const allowed = await attack(otherOrigin, id);
    assert.deepEqual(allowed.json, [200, 202]);
    assert.equal(await count(id), before + 1, 'the JSON support counts, the text/plain one still does not');
    assert.equal(stats().pending, held.pending + 1);
  } finally {
    delete process.env.ALLOWED_ORIGINS;
  }
});

it('a host page of its own origin under Referrer-Policy: no-referrer still writes', async () => {
  const page = await browser.newPage();
  try {
    // What the server received (the browser sets Origin below what puppeteer sees).
    const origins = [];
    const seen = (req) => req.method === 'POST' && origins.push(`${req.headers.origin} ${req.headers['sec-fetch-site']}`);
    demo.on('request', seen);
    after(() => demo.off('request', seen));
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      // A host page of the demo's origin, served with the header that strips referrers.
      if (r.url() === `${base}/host-page`)
        return r.respond({
          status: 200,
          contentType: 'text/html',
          headers: { 'Referrer-Policy': 'no-referrer' },
          body: '<!doctype html><title>Host</title>',
        });
      r.continue();
    });
    await page.goto(`${base}/host-page`);
    const status = await page.evaluate(async () => {
      // referrerPolicy as the page's would be inherited by a wall that does not set its own.
      const r = await fetch('/api/support', {
        method: 'POST',
        referrerPolicy: 'no-referrer',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ idea: 'nebenan-de', visitor: 'bbbbbbbbbbbbbbbb1' }),
      });
      return r.status;
    });
    assert.equal(status, 200);
    // Chromium 156 sends its real origin here (the spec's `Origin: null` for no-referrer POSTs is
    // what older engines did); either way Sec-Fetch-Site says same-origin, and the guard lets
    // both through (the null case itself: test/node/demo-server.test.mjs).
    assert.equal(origins.length, 1);
    assert.match(origins[0], new RegExp(`^(null|${base.replace(/[.:/]/g, '\\$&')}) same-origin$`));
  } finally {
    await page.close();
  }
});
