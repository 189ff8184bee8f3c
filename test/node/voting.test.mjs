// The demo server's voting (demo/voting.mjs) over real HTTP on a free port: codes, closing time,
// failures, concurrency, and a result equal to what the widget's rules compute.
// Needs the built library (npm test builds it; by hand: npx rollup -c --silent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createVoting } from '../../demo/voting.mjs';
import { checkBallot, normalizeCode } from '../../dist/lib/jugend-budget/jugend-budget.ballot.js';
import { assertWidgetResult } from '../vote-result.mjs';

const DAY = 86_400_000;

/** A voting server whose clock the test moves. */
async function start(options = {}) {
  let clock = Date.parse('2026-06-14T10:00:00Z');
  const voting = createVoting({ now: () => clock, opens: clock - DAY, closes: clock + DAY, ...options });
  const server = createServer(
    (req, res) =>
      void voting.handle(req, res, new URL(req.url, 'http://x').pathname).catch((e) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'server', message: e.message } }));
      }),
  );
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/api/vote/`;
  const call = async (path, { body, key, admin, method } = {}) => {
    const res = await fetch(base + path, {
      method: method ?? (body ? 'POST' : 'GET'),
      headers: {
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
        ...(admin ? { Authorization: `Bearer ${voting.adminToken}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  const codes = async (count, label = 'Klasse 8b') => (await call('admin/batches', { body: { label, count }, admin: true })).json.codes;
  const cast = (code, projects, key = crypto.randomUUID()) => call('ballot', { body: { code, projects }, key });
  return {
    voting,
    call,
    codes,
    cast,
    close: () => (clock = Date.parse('2026-06-15T10:00:01Z')),
    stop: () => new Promise((r) => server.close(r)),
  };
}

test('organisers generate a batch of codes: printable sheet and CSV, only with the admin token, each code works once', async (t) => {
  const s = await start();
  t.after(s.stop);
  assert.equal((await s.call('admin/batches', { body: { count: 3 } })).status, 401);
  const csv = await s.call('admin/batches', { body: { label: 'Jugendclub "Alte Post"', count: 4, format: 'csv' }, admin: true });
  assert.equal(csv.status, 201);
  const lines = csv.text.trim().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[1], /^"Jugendclub ""Alte Post""";[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  const sheet = await s.call('admin/batches', { body: { label: '<b>Schule</b>', count: 2, format: 'html' }, admin: true });
  assert.match(sheet.headers.get('content-type'), /text\/html/);
  assert.equal((sheet.text.match(/class="slip"/g) ?? []).length, 2);
  assert.ok(!sheet.text.includes('<b>Schule</b>'), 'the label is escaped');
  const code = lines[1].split(';')[1];
  assert.ok(normalizeCode(code), 'a printed code is a valid code');
  assert.equal((await s.cast(code, ['sofa'])).status, 200);
  const turnout = (await s.call('admin/turnout', { admin: true })).json;
  assert.deepEqual(
    turnout.batches.map((b) => [b.label, b.issued, b.used]),
    [
      ['Jugendclub "Alte Post"', 4, 1],
      ['<b>Schule</b>', 2, 0],
    ],
  );
  assert.ok(!JSON.stringify(turnout).includes(code.replace('-', '')), 'the turnout does not reveal codes');
});

test("code entry: wrong, right (typed sloppily), used, and the visitor's own retry after a timeout", async (t) => {
  const s = await start();
  t.after(s.stop);
  const [code] = await s.codes(1);
  const wrong = await s.cast('AAAAA-AAAAA', ['sofa']);
  assert.equal(wrong.status, 422);
  assert.equal(wrong.json.error.code, 'code-invalid');
  assert.equal((await s.cast('', ['sofa'])).json.error.code, 'code-missing');
  // Lower case, spaces, and O/I for 0/1 where the code has them.
  const sloppy = ` ${code.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'I')} `;
  const key = crypto.randomUUID();
  const first = await s.cast(sloppy, ['sofa', 'graffiti'], key);
  assert.equal(first.status, 200);
  assert.equal(first.json.counted, true);
  // The answer was lost (a timeout): the ballot retries with the same key → counted, not "used".
  const retry = await s.cast(code, ['sofa', 'graffiti'], key);
  assert.equal(retry.status, 200);
  assert.equal(retry.json.counted, true);
  // Someone else with the same code (a new key) → used.
  const used = await s.cast(code, ['sofa'], crypto.randomUUID());
  assert.equal(used.status, 409);
  assert.equal(used.json.error.code, 'code-used');
  assert.equal(s.voting.counted, 1);
});

test('a ballot that breaks a rule is refused with the rule, and the code stays usable', async (t) => {
  const s = await start({ rules: { maxProjects: 2 } });
  t.after(s.stop);
  const [code] = await s.codes(1);
  const over = await s.cast(code, ['bolzplatz-netz', 'sommerkonzert', 'sofa']); // 5,100 € of 5,000 € (and three)
  assert.equal(over.status, 422);
  assert.equal(over.json.error.code, 'too-many');
  const budget = await s.cast(code, ['bolzplatz-netz', 'sommerkonzert']);
  assert.equal(budget.status, 200, 'the same code works for a valid ballot');
  const s2 = await start();
  t.after(s2.stop);
  const [c2] = await s2.codes(1);
  const r = await s2.cast(c2, ['bolzplatz-netz', 'sommerkonzert', 'sofa']);
  assert.equal(r.json.error.code, 'over-budget');
  assert.equal((await s2.cast(c2, ['skatepark'])).json.error.code, 'unknown-project', 'a project found not feasible is not on the ballot');
});

test("voting not yet open and closed by the server's clock", async (t) => {
  const later = await start({ opens: Date.parse('2026-06-14T10:00:00Z') + 1000 });
  t.after(later.stop);
  const [a] = await later.codes(1);
  assert.equal((await later.cast(a, ['sofa'])).json.error.code, 'voting-not-open');
  const s = await start();
  t.after(s.stop);
  const [code] = await s.codes(1);
  s.close();
  const closed = await s.cast(code, ['sofa']);
  assert.equal(closed.status, 403);
  assert.equal(closed.json.error.code, 'voting-closed');
});

test('a failure while casting stores nothing and leaves the code unused, so the retry counts', async (t) => {
  const s = await start();
  t.after(s.stop);
  const [code] = await s.codes(1);
  s.voting.faults.failNextStore = true;
  const key = crypto.randomUUID();
  const failed = await s.cast(code, ['sofa'], key);
  assert.equal(failed.status, 500);
  assert.equal(s.voting.counted, 0);
  const retry = await s.cast(code, ['sofa'], key);
  assert.equal(retry.status, 200);
  assert.equal(s.voting.counted, 1);
  assert.equal((await s.call('admin/turnout', { admin: true })).json.batches[0].used, 1);
});

test('500 ballots with distinct codes cast at the same time → 500 counted; one code twice at once → one counted', async (t) => {
  const s = await start();
  t.after(s.stop);
  const codes = await s.codes(500);
  assert.equal(new Set(codes).size, 500);
  const choices = [['sofa'], ['graffiti', 'wlan-treff'], ['bolzplatz-netz', 'sommerkonzert'], ['bank-park', 'sofa', 'graffiti']];
  const answers = await Promise.all(codes.map((c, i) => s.cast(c, choices[i % choices.length])));
  assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
  assert.equal(s.voting.counted, 500);
  const [twice] = await s.codes(1, 'Doppelt');
  const pair = await Promise.all([s.cast(twice, ['sofa']), s.cast(twice, ['graffiti'])]);
  assert.deepEqual(pair.map((a) => a.status).sort(), [200, 409]);
  assert.equal(s.voting.counted, 501);
});

test('counts are hidden while voting is open; once closed the feed and the Pabulib file carry the result the widget computes', async (t) => {
  const s = await start();
  t.after(s.stop);
  const codes = await s.codes(40);
  const choices = [
    ['sofa', 'graffiti'],
    ['bolzplatz-netz', 'sommerkonzert'],
    ['sommerkonzert'],
    ['bank-park', 'wlan-treff', 'sofa'],
    ['graffiti'],
  ];
  for (const [i, c] of codes.entries()) assert.equal((await s.cast(c, choices[i % choices.length])).status, 200);
  assert.equal((await s.call('admin/paper', { body: { projects: ['bank-park', 'graffiti'] }, admin: true })).status, 201);
  assert.equal(
    (await s.call('admin/paper', { body: { projects: ['bolzplatz-netz', 'sommerkonzert', 'sofa'] }, admin: true })).json.error.code,
    'over-budget',
  );

  const open = (await s.call('feed')).json;
  assert.equal(open.phase, 'vote');
  assert.ok(
    open.projects.every((p) => p.votes === undefined && p.selected === undefined),
    'no counts while open',
  );
  assert.equal(open.ballots, undefined);
  assert.equal((await s.call('result.pb')).status, 403);

  s.close();
  const feed = (await s.call('feed')).json;
  assert.equal(feed.phase, 'result');
  assert.equal(feed.ballots.length, 41);
  // What the widget computes from the same ballots with its own rules.
  const widget = assertWidgetResult(feed, (await s.call('result.pb')).text, 41);
  assert.ok(widget.selected.length > 0);
  // Every stored ballot keeps the rules (the same check the ballot in the browser makes).
  for (const b of feed.ballots)
    assert.equal(
      checkBallot(
        { budget: feed.budget, ...feed.voting },
        feed.projects.filter((p) => p.feasible !== false),
        b,
      ).ok,
      true,
    );
});

test('one vote per browser where the town allows it: a second ballot from the same browser token is refused', async (t) => {
  const s = await start({ access: 'browser' });
  t.after(s.stop);
  const voter = crypto.randomUUID();
  assert.equal((await s.call('ballot', { body: { voter, projects: ['sofa'] }, key: crypto.randomUUID() })).status, 200);
  const again = await s.call('ballot', { body: { voter, projects: ['graffiti'] }, key: crypto.randomUUID() });
  assert.equal(again.status, 409);
  assert.equal(again.json.error.code, 'voter-used');
  assert.equal(s.voting.counted, 1);
});

test('the shared case table holds for the rules the server imports', async () => {
  const table = JSON.parse(await readFile(new URL('../jugend-budget/ballot-cases.json', import.meta.url), 'utf8'));
  for (const c of table.cases) {
    const r = checkBallot(c.rules, table.projects, c.chosen);
    assert.equal(r.ok, c.castable, c.name);
    if (!r.ok) assert.equal(r.problem, c.problems[0], c.name);
  }
  for (const c of table.codes) assert.equal(normalizeCode(c.typed) ?? null, c.code, c.typed);
});
