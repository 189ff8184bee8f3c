// Issue 15 against a real WordPress: writes that no other site can forge, no retry can double,
// no crowd can lose; a feed that shows only what is public, in pages, cheap to revalidate.
// Started by scripts/test-wordpress.mjs (WP_URL, WP_DIR, CHROME_PATH). All servers on 127.0.0.1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { logIn, useBrowser, wp } from './site.mjs';

const url = process.env.WP_URL;
const dir = process.env.WP_DIR;
if (!url || !dir) throw new Error('Start with: npm run test:wordpress');
const feedUrl = `${url}/wp-json/stadttraum/v1/ideas`;
const supportUrl = `${url}/wp-json/stadttraum/v1/support`;
const setting = (key, value) => wp('setting', key, JSON.stringify(value));
const token = () => crypto.randomUUID().replace(/-/g, '');

const post = (target, body, headers = {}) =>
  fetch(target, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'User-Agent': 'node-test', ...headers },
    body: JSON.stringify(body),
  });

/** Every idea of the feed, following `next`. */
async function allIdeas(start = feedUrl) {
  const ideas = [];
  for (let next = start, guard = 0; next && guard < 50; guard++) {
    const page = await (await fetch(next)).json();
    ideas.push(...page.ideas);
    next = page.next;
  }
  return ideas;
}
const countOf = async (id) => (await allIdeas()).find((i) => i.id === id)?.supporters;
/** The feed id of bulk idea n ("Idee n: …"). */
const idOf = async (n) => (await allIdeas()).find((i) => i.title.startsWith(`Idee ${n}:`)).id;

/** Runs fn over items with at most `n` in flight. */
async function pool(items, n, fn) {
  const out = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) {
        const k = i++;
        out[k] = await fn(items[k], k);
      }
    }),
  );
  return out;
}

const validIdea = (title) => ({
  title,
  description: 'Eine ausreichend lange Beschreibung der Idee für den Test.',
  category: 'begegnung',
  consent: true,
  consentText: 'Ich bin einverstanden.',
});

// A second origin on the loopback: a page of "another site" that tries what an attacker would.
let other;
let otherOrigin;
const session = useBrowser();
before(async () => {
  other = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Andere Website</title><p>Fremde Seite</p>');
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${other.address().port}`;
  wp('bulk', 25); // ideas "Idee 1: …" to "Idee 25: …"
});
after(async () => {
  await new Promise((r) => other.close(r));
});

/** A tab for fn alone, closed when fn is done (and by useBrowser when fn fails). */
async function withPage(fn) {
  const p = await session.newPage();
  const out = await fn(p);
  await p.close();
  return out;
}

/**
 * Runs fn in an admin tab of a browser context of its own: its login cookie stays out of the tabs
 * that play the visitor and the other site. The context is closed after, also when fn fails.
 */
async function asAdmin(fn) {
  const context = await session.browser.createBrowserContext();
  try {
    const p = await context.newPage();
    p.setDefaultTimeout(20000);
    await logIn(p);
    return await fn(p);
  } finally {
    await context.close();
  }
}

/** The two forgeries of the issue, run in a page of the other origin. */
const forge = (p, idea, title) =>
  p.evaluate(
    async (supportUrl, feedUrl, idea, title) => {
      const plain = (target, body) =>
        fetch(target, { method: 'POST', mode: 'no-cors', body: JSON.stringify(body) }).then(
          () => 'sent',
          (e) => String(e),
        );
      const json = (target, body) =>
        fetch(target, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(body),
        }).then(
          async (r) => ({ status: r.status, body: await r.json().catch(() => null) }),
          (e) => ({ status: 0, body: String(e) }),
        );
      const body = { title, description: 'Gefälschte Idee von einer fremden Website, lang genug.', category: 'begegnung', consent: true };
      return {
        plainSupport: await plain(supportUrl, { idea, visitor: 'forged-visitor-token-1' }),
        plainSubmit: await plain(feedUrl, body),
        jsonSupport: await json(supportUrl, { idea, visitor: 'forged-visitor-token-2' }),
        jsonSubmit: await json(feedUrl, body),
      };
    },
    supportUrl,
    feedUrl,
    idea,
    title,
  );

describe('writes from other sites', () => {
  it('refuses a forged support and submit from a second loopback origin: count unchanged, no idea stored', async () => {
    const before = await countOf('mitfahrbank-am-bahnhof');
    const title = `Gefälscht ${Date.now()}`;
    const result = await withPage(async (p) => {
      await p.goto(`${otherOrigin}/`);
      return forge(p, 'mitfahrbank-am-bahnhof', title);
    });
    assert.equal(result.jsonSupport.status, 403, JSON.stringify(result));
    assert.equal(result.jsonSupport.body.code, 'origin');
    // `message` is the webmaster's detail (the wall logs it and shows its own sentence for the code).
    assert.match(
      result.jsonSupport.body.message,
      new RegExp(`${otherOrigin.replace(/[.:/]/g, '\\$&')}.*Other sites with the idea wall`),
      'nennt die Herkunft und wo man sie erlaubt',
    );
    assert.equal(result.jsonSupport.body.error.code, 'origin');
    assert.equal(result.jsonSubmit.status, 403);
    assert.equal(await countOf('mitfahrbank-am-bahnhof'), before, 'die Zahl bleibt');
    assert.equal(wp('count', title).titled, 0, 'keine Idee gespeichert');
  });

  it('refuses bodies that are not JSON and a null Origin from another site, with a code', async () => {
    const plain = await fetch(supportUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ idea: 'mitfahrbank-am-bahnhof' }),
    });
    assert.equal(plain.status, 403);
    assert.equal((await plain.json()).code, 'content-type');
    const sandboxed = await post(
      supportUrl,
      { idea: 'mitfahrbank-am-bahnhof', visitor: token() },
      { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
    );
    assert.equal(sandboxed.status, 403);
    assert.equal((await sandboxed.json()).code, 'cross-site');
  });

  it('accepts a same-origin write from a host page with Referrer-Policy: no-referrer (Origin: null, Sec-Fetch-Site decides)', async () => {
    const id = await idOf(1);
    const before = await countOf(id);
    const res = await withPage(async (p) => {
      const response = await p.goto(`${url}/?noreferrer`);
      assert.equal(response.headers()['referrer-policy'], 'no-referrer');
      const out = await p.evaluate(
        (target, visitor, idea) =>
          fetch(target, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify({ idea, visitor }),
          }).then((r) => r.status),
        supportUrl,
        token(),
        id,
      );
      return { out };
    });
    assert.equal(res.out, 200);
    assert.equal(await countOf(id), before + 1);
  });

  it('lists the refused origin for the admin; one click on "Allow" lets that site write', async () => {
    await asAdmin(async (p) => {
      await p.goto(`${url}/wp-admin/options-general.php?page=stadttraum`);
      const row = await p.waitForSelector(`xpath///tr[.//code[text()="${otherOrigin}"]]`);
      await Promise.all([p.waitForNavigation({ waitUntil: 'domcontentloaded' }), row.$eval('button[name="allow"]', (b) => b.click())]);
      assert.match(await p.$eval('#st-allowed_origins', (t) => t.value), new RegExp(otherOrigin.replace(/[.:/]/g, '\\$&')));
    });
    const id = await idOf(2);
    const before = await countOf(id);
    const title = `Von der Partnerseite ${Date.now()}`;
    const result = await withPage(async (p) => {
      await p.goto(`${otherOrigin}/`);
      return forge(p, id, title);
    });
    assert.equal(result.jsonSupport.status, 200, JSON.stringify(result.jsonSupport));
    assert.equal(result.jsonSubmit.status, 202);
    // The no-cors text/plain requests stay refused even from an allowed origin.
    assert.equal(await countOf(id), before + 1);
    assert.equal(wp('count', title).titled, 1);
  });

  it('gives an allowed origin CORS for Content-Type and Idempotency-Key and lets it read ETag', async () => {
    const pre = await fetch(supportUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: otherOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    assert.match(allowed, /idempotency-key/);
    assert.match(allowed, /content-type/);
    const get = await fetch(feedUrl, { headers: { Origin: otherOrigin } });
    assert.match((get.headers.get('access-control-expose-headers') ?? '').toLowerCase(), /etag/);
  });
});

describe('support dedupe and the daily cap', () => {
  it('counts 50 supports with one browser token and 50 User-Agents once', async () => {
    const id = await idOf(3);
    const before = await countOf(id);
    const visitor = token();
    const statuses = await pool([...Array(50).keys()], 5, (i) =>
      post(supportUrl, { idea: id, visitor }, { 'User-Agent': `Browser/${i}` }).then((r) => r.status),
    );
    assert.equal(statuses.filter((s) => s === 200).length, 1);
    assert.equal(await countOf(id), before + 1);
  });

  it('counts 50 supports with 50 User-Agents and no or fresh tokens from one address only up to the cap, refused with code cap', async () => {
    setting('support_cap', 5);
    try {
      const id = await idOf(4);
      const before = await countOf(id);
      const answers = await pool([...Array(50).keys()], 5, (i) =>
        post(supportUrl, i % 2 ? { idea: id } : { idea: id, visitor: token() }, { 'User-Agent': `Browser/${i}` }).then(async (r) => ({
          status: r.status,
          body: await r.json(),
        })),
      );
      assert.equal(answers.filter((a) => a.status === 200).length, 5);
      assert.equal(await countOf(id), before + 5);
      const capped = answers.filter((a) => a.status === 403);
      assert.equal(capped.length, 45, 'the rest refused with 403');
      assert.equal(capped[0].body.code, 'cap');
      assert.match(capped[0].body.message, /at most 5 supports per idea count each day/);
    } finally {
      setting('support_cap', 40);
    }
  });

  it('honours X-Forwarded-For only from a trusted proxy (cap and rate limit see the forwarded address)', async () => {
    setting('support_cap', 2);
    try {
      const a = await idOf(5);
      const b = await idOf(6);
      const beforeA = await countOf(a);
      for (let i = 0; i < 4; i++) await post(supportUrl, { idea: a, visitor: token() }, { 'X-Forwarded-For': `198.51.100.${i + 1}` });
      assert.equal(await countOf(a), beforeA + 2, 'ohne vertrauenswürdigen Proxy zählt die Adresse der Verbindung');
      setting('trusted_proxies', '127.0.0.1');
      const beforeB = await countOf(b);
      for (let i = 0; i < 4; i++)
        await post(supportUrl, { idea: b, visitor: token() }, { 'X-Forwarded-For': `203.0.113.9, 198.51.100.${i + 1}` });
      assert.equal(await countOf(b), beforeB + 4, 'hinter dem Proxy ist jede weitergeleitete Adresse ein eigener Anschluss');
      // IPv6 by /64: two addresses of one household count as one.
      const v6 = await Promise.all(
        [1, 2, 3].map((n) =>
          post(supportUrl, { idea: a, visitor: token() }, { 'X-Forwarded-For': `2001:db8:1:2::${n}` }).then((r) => r.status),
        ),
      );
      assert.deepEqual(v6.sort(), [200, 200, 403]);
    } finally {
      setting('trusted_proxies', '');
      setting('support_cap', 40);
    }
  });
});

describe('idempotency and crowds', () => {
  it('20 parallel submits with one key store exactly one idea and all get the same answer', async () => {
    const title = `Parallel ${Date.now()}`;
    const key = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(feedUrl, validIdea(title), { 'Idempotency-Key': key }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [202], JSON.stringify(answers.filter((a) => a.status !== 202)));
    assert.equal(new Set(answers.map((a) => a.body.receipt)).size, 1, 'ein Belegcode für alle');
    assert.equal(wp('count', title).titled, 1);
  });

  it('200 concurrent supports from distinct visitors across 20 ideas: every count exact', async () => {
    const all = await allIdeas();
    const chosen = Array.from({ length: 20 }, (_, i) => all.find((idea) => idea.title.startsWith(`Idee ${i + 6}:`)));
    assert.equal(chosen.filter(Boolean).length, 20);
    const before = new Map(chosen.map((i) => [i.id, i.supporters]));
    const jobs = Array.from({ length: 200 }, (_, k) => chosen[k % 20].id);
    const statuses = await Promise.all(jobs.map((id) => post(supportUrl, { idea: id, visitor: token() }).then((r) => r.status)));
    assert.deepEqual([...new Set(statuses)], [200]);
    const after = new Map((await allIdeas()).map((i) => [i.id, i.supporters]));
    for (const [id, n] of before) assert.equal(after.get(id), n + 10, id);
  });

  it('1,000 writes with fresh keys that fail validation store nothing', async () => {
    const before = wp('count');
    const statuses = await pool([...Array(1000).keys()], 8, (i) =>
      (i % 2
        ? post(feedUrl, { title: 'x', description: 'kurz', consent: false })
        : post(supportUrl, { idea: `gibt-es-nicht-${i}`, visitor: token() })
      ).then((r) => r.status),
    );
    assert.deepEqual([...new Set(statuses)].sort(), [404, 422]);
    const now = wp('count');
    assert.deepEqual(now, before);
  });

  it('a replay of an accepted submit gets the first answer; a refused one is not remembered', async () => {
    const key = crypto.randomUUID();
    const bad = await post(feedUrl, { ...validIdea('kurz'), title: 'x' }, { 'Idempotency-Key': key });
    assert.equal(bad.status, 422);
    const title = `Nach Korrektur ${Date.now()}`;
    const good = await post(feedUrl, validIdea(title), { 'Idempotency-Key': key });
    assert.equal(good.status, 202, 'derselbe Schlüssel nach einer Ablehnung wird neu verarbeitet');
    const again = await post(feedUrl, validIdea(title), { 'Idempotency-Key': key });
    assert.deepEqual(await again.json(), await good.json());
    assert.equal(wp('count', title).titled, 1);
  });
});

describe('the feed', () => {
  it('never shows password-protected, private, draft, pending or trashed ideas, and they cannot be supported', async () => {
    const hidden = wp('hidden');
    const text = JSON.stringify(await allIdeas());
    assert.doesNotMatch(text, /Geheim|Vertraulich/);
    assert.equal((await post(supportUrl, { idea: 'geheim-protected', visitor: token() })).status, 404);
    assert.ok(hidden.protected > 0);
  });

  it('pages with next and total; search and filters find ideas on pages not loaded', async () => {
    setting('feed_page_size', 10);
    try {
      const first = await (await fetch(feedUrl)).json();
      assert.equal(first.ideas.length, 10);
      assert.ok(first.total > 25, `total ${first.total}`);
      assert.ok(first.next, 'next gesetzt');
      const all = await allIdeas();
      assert.equal(all.length, first.total);
      assert.equal(new Set(all.map((i) => i.id)).size, all.length, 'keine Idee doppelt');
      const found = await (await fetch(`${feedUrl}?search=${encodeURIComponent('Idee 25:')}`)).json();
      assert.ok(!first.ideas.some((i) => i.title.startsWith('Idee 25:')), 'nicht auf der ersten Seite');
      assert.ok(
        found.ideas.some((i) => i.title.startsWith('Idee 25:')),
        'die Suche findet sie',
      );
      const planned = await allIdeas(`${feedUrl}?status=planned`);
      assert.ok(planned.length > 0 && planned.every((i) => i.status === 'planned'));
      const cat = await allIdeas(`${feedUrl}?category=mobilitaet`);
      assert.ok(cat.length > 0 && cat.every((i) => i.category === 'mobilitaet'));
      // What a wall reads to ask the server instead of filtering only its loaded pages.
      assert.deepEqual(first.query, ['search', 'category', 'status', 'tag', 'sort']);
      // A filtered answer pages too: its total counts the matches, its next keeps the filters.
      const fresh = await (await fetch(`${feedUrl}?status=new&search=Idee`)).json();
      const every = await allIdeas(`${feedUrl}?status=new&search=Idee`);
      assert.equal(fresh.total, every.length);
      assert.ok(fresh.total > 10 && fresh.ideas.length === 10, `total ${fresh.total}`);
      assert.ok(every.every((i) => i.status === 'new'));
      const next = new URL(fresh.next);
      assert.deepEqual(
        [next.searchParams.get('status'), next.searchParams.get('search'), next.searchParams.get('page')],
        ['new', 'Idee', '2'],
      );
    } finally {
      setting('feed_page_size', 1000);
    }
  });

  it('sorts all matches before paging (sort=support, sort=status): the order holds over pages, next keeps it', async () => {
    setting('feed_page_size', 10);
    try {
      const newest = await allIdeas();
      const first = await (await fetch(`${feedUrl}?sort=support`)).json();
      assert.equal(new URL(first.next).searchParams.get('sort'), 'support');
      const bySupport = await allIdeas(`${feedUrl}?sort=support`);
      assert.deepEqual(bySupport.map((i) => i.id).sort(), newest.map((i) => i.id).sort(), 'every idea once');
      const counts = bySupport.map((i) => i.supporters);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'most supporters first over all pages',
      );
      // The first page holds the ten highest counts, some from pages not loaded by date.
      assert.deepEqual(
        first.ideas.map((i) => i.supporters),
        counts.slice(0, 10),
      );
      const dateFirst = new Set(newest.slice(0, 10).map((i) => i.id));
      assert.ok(
        first.ideas.some((i) => !dateFirst.has(i.id)),
        'ideas from later pages moved up (else this proves nothing)',
      );
      // Ties stay newest first, as the wall orders them.
      const tied = new Set(bySupport.filter((i) => i.supporters === counts.at(-1)).map((i) => i.id));
      assert.ok(tied.size > 1, 'ideas with the same count');
      assert.deepEqual(
        bySupport.filter((i) => tied.has(i.id)).map((i) => i.id),
        newest.filter((i) => tied.has(i.id)).map((i) => i.id),
      );
      const order = ['new', 'review', 'planned', 'in-progress', 'done', 'declined', 'withdrawn'];
      const byStatus = (await allIdeas(`${feedUrl}?sort=status&search=Idee`)).map((i) => order.indexOf(i.status));
      assert.ok(byStatus.includes(0) && byStatus.includes(2), 'new and planned ideas among the matches');
      assert.deepEqual(
        byStatus,
        [...byStatus].sort((a, b) => a - b),
      );
      const unknown = await (await fetch(`${feedUrl}?sort=${encodeURIComponent("title' OR 1=1")}`)).json();
      assert.deepEqual(
        unknown.ideas.map((i) => i.id),
        newest.slice(0, 10).map((i) => i.id),
        'an unknown order: newest first',
      );
    } finally {
      setting('feed_page_size', 1000);
    }
  });

  it('a save that changes what one idea says patches the cached page (no rebuild on the next read); a password rebuilds it', async () => {
    const before = await (await fetch(feedUrl)).json(); // built and cached
    const cached = wp('feedcache').current; // the page just read (pages of other page sizes are stale)
    assert.ok(cached >= 1, 'the page is cached');
    const target = before.ideas[3];
    const title = `Geändert ${Date.now()}`;
    wp('edit', target.id, JSON.stringify({ post_title: title, _st_status: 'in-progress', _st_answer_text: 'Die Verwaltung setzt es um.' }));
    assert.equal(wp('feedcache').current, cached, 'the cached page is current after the save: patched, not left to a rebuild');
    const after = await (await fetch(feedUrl)).json();
    assert.deepEqual(
      after.ideas.map((i) => i.id),
      before.ideas.map((i) => i.id),
      'the same ideas in the same order',
    );
    assert.equal(after.ideas[3].title, title);
    assert.equal(after.ideas[3].status, 'in-progress');
    assert.equal(after.ideas[3].answer.text, 'Die Verwaltung setzt es um.');
    const rest = (feed) => JSON.stringify(feed.ideas.filter((_, i) => i !== 3).map((i) => ({ ...i, supporters: 0 })));
    assert.equal(rest(after), rest(before), 'the other ideas unchanged');
    // A password takes the idea out of the feed: the page is built again, without it.
    wp('edit', target.id, JSON.stringify({ post_password: 'geheim' }));
    assert.equal(wp('feedcache').current, 0, 'no cached page is current');
    const hidden = await (await fetch(feedUrl)).json();
    assert.equal(
      hidden.ideas.some((i) => i.id === target.id),
      false,
    );
    assert.equal(hidden.total, before.total - 1);
    wp('edit', target.id, JSON.stringify({ post_password: '' }));
    const back = await (await fetch(feedUrl)).json();
    assert.equal(back.ideas[3].id, target.id);
    assert.equal(back.ideas[3].title, title);
  });

  it('has ETag and Last-Modified that change on a save and on a support; 304 otherwise', async () => {
    const a = await fetch(feedUrl);
    const etag = a.headers.get('etag');
    assert.ok(a.headers.get('last-modified'));
    assert.equal((await fetch(feedUrl, { headers: { 'If-None-Match': etag } })).status, 304);
    wp('touch');
    const b = await fetch(feedUrl, { headers: { 'If-None-Match': etag } });
    assert.equal(b.status, 200, 'nach dem Speichern');
    const etag2 = b.headers.get('etag');
    assert.notEqual(etag2, etag);
    // A submission waits for approval: the wall's feed is the same, so is its ETag.
    assert.equal((await post(feedUrl, validIdea(`Wartet ${Date.now()}`))).status, 202);
    assert.equal(
      (await fetch(feedUrl, { headers: { 'If-None-Match': etag2 } })).status,
      304,
      'eine wartende Einsendung ändert den Feed nicht',
    );
    await post(supportUrl, { idea: await idOf(7), visitor: token() });
    const c = await fetch(feedUrl, { headers: { 'If-None-Match': etag2 } });
    assert.equal(c.status, 200, 'nach einer Unterstützung');
  });
});

describe('admin and personal data', () => {
  it('the "published" notice names only ideas the user may edit', () => {
    const author = wp('user', `autorin${Date.now() % 100000}`, 'author').id;
    const secret = wp('hidden').private;
    assert.equal(wp('notice', author, secret).html, '');
    assert.match(wp('notice', 1, secret).html, /Geheim private/);
  });

  it('a submitter gets a receipt code; the admin search finds it, the privacy tools export and erase the submission by it', async () => {
    const title = `Mit Beleg ${Date.now()}`;
    const res = await post(feedUrl, { ...validIdea(title), name: 'Erika Muster' });
    const { receipt } = await res.json();
    assert.match(receipt, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The editors find it by the code in the list of ideas, and see the code at the idea.
    await asAdmin(async (p) => {
      await p.goto(
        `${url}/wp-admin/edit.php?post_type=stadttraum_idee&post_status=all&s=${encodeURIComponent(receipt.toLowerCase().replace('-', ''))}`,
      );
      const titles = await p.$$eval('a.row-title', (as) => as.map((a) => a.textContent.trim()));
      assert.deepEqual(titles, [title]);
      await p.goto(await p.$eval('a.row-title', (a) => a.href));
      assert.match(await p.$eval('#stadttraum-submission', (el) => el.textContent), new RegExp(receipt));
    });
    const exported = wp('privacy', 'export', `${receipt}@beleg.invalid`);
    assert.match(JSON.stringify(exported.data), new RegExp(title));
    assert.match(JSON.stringify(exported.data), /Erika Muster/);
    const erased = wp('privacy', 'erase', `${receipt.toLowerCase()}@beleg.invalid`);
    assert.equal(erased.items_removed, true);
    assert.equal(wp('count', title).titled, 0, 'die wartende Einreichung ist gelöscht');
  });

  it('registers a privacy policy text that says what is stored and for how long', () => {
    const { text } = wp('privacy', 'policy');
    // The test site is English: the text in English (the German one comes with the translation).
    assert.match(text, /hash/);
    assert.match(text, /two days/);
    assert.match(text, /receipt code/);
  });
});

describe('upkeep', () => {
  it('the daily clean-up deletes expired answers only', () => {
    const r = wp('cron');
    assert.equal(r.expired, 0, 'keine abgelaufene Antwort bleibt');
    assert.equal(r.after, r.before - 1, 'nur die abgelaufene ist weg');
    assert.equal(r.scheduled, true);
  });

  it('an update from 0.1.0 drops its idempotency transients and shows the notice about other sites until dismissed', async () => {
    const r = wp('upgrade');
    assert.deepEqual(r, { notice: true, old_transients: 0 });
    await asAdmin(async (p) => {
      await p.goto(`${url}/wp-admin/index.php`);
      const notice = await p.waitForSelector('xpath///div[contains(@class,"notice-warning")][contains(., "idea walls on other websites")]');
      const dismiss = await notice.$eval('a[href*="stadttraum_dismiss_upgrade"]', (a) => a.href);
      await p.goto(dismiss);
      assert.doesNotMatch(await p.content(), /idea walls on other websites now need/);
    });
  });

  it('prefixed shortcodes render the widgets; the short ones of 0.1.0 still work', async () => {
    const { url: page } = wp(
      'page',
      '[stadttraum_partner_logos eager]{"groups":[{"name":"Partner","partners":[{"name":"Stadtwerke"}]}]}[/stadttraum_partner_logos]\n\n[idea_wall]',
    );
    const html = await (await fetch(page)).text();
    assert.match(html, /<partner-logos[\s>]/);
    assert.match(html, /<idea-wall[\s>]/);
    assert.doesNotMatch(html, /\[stadttraum_partner_logos/);
  });

  it('logged no PHP notice or warning from the plugin during these tests', () => {
    const log = process.env.WP_DEBUG_LOG;
    const text = log && existsSync(log) ? readFileSync(log, 'utf8') : '';
    assert.deepEqual(
      text.split('\n').filter((l) => /plugins\/stadttraum\//.test(l)),
      [],
    );
  });

  it('uninstall on a multisite deletes the plugin’s data on every site, nothing of others', () => {
    const script = fileURLToPath(new URL('./multisite.php', import.meta.url));
    const run = (step) => JSON.parse(execFileSync('php', [script, step, dir], { encoding: 'utf8' }).trim().split('\n').pop());
    assert.deepEqual(run('install'), { network: true });
    const { sites } = run('check');
    assert.equal(Object.keys(sites).length, 2, 'two sites');
    for (const [id, site] of Object.entries(sites)) {
      assert.deepEqual(site, { tables: 0, ours: [], before: 3, foreign: true }, `site ${id}`);
    }
  });

  // Last: removes the plugin's data (then puts tables and settings back for nothing else to run).
  it('uninstall deletes only the plugin’s own data and keeps the ideas', () => {
    const r = wp('uninstall');
    // WordPress's own cache of the category tree belongs to the categories, which stay with the ideas;
    // the card's programme text is content too (kept like the ideas, benches and partners).
    const ours = r.ours.filter((name) => name !== 'stadttraum_kategorie_children' && name !== 'stadttraum_card_programme');
    assert.deepEqual(
      { settings: r.settings, tables: r.tables, ours, foreign: r.foreign, ideas: r.ideas > 0, terms: r.terms > 0 },
      { settings: false, tables: 0, ours: [], foreign: true, ideas: true, terms: true },
    );
  });

  it('uninstall with "delete the content too" switched on also deletes the ideas, their meta and categories, and nothing else', () => {
    const r = wp('uninstall', 'content');
    assert.deepEqual(
      {
        settings: r.settings,
        tables: r.tables,
        foreign: r.foreign,
        ideaRows: r.ideaRows,
        orphanMeta: r.ideaMeta,
        terms: r.terms,
        pages: r.pages > 0,
        programme: r.ours.includes('stadttraum_card_programme'),
      },
      { settings: false, tables: 0, foreign: true, ideaRows: 0, orphanMeta: 0, terms: 0, pages: true, programme: false },
    );
  });
});
