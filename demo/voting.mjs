// Voting in a youth budget, for the demo server (and the browser tests' middleware): one-time
// codes in batches, ballots checked by the widget's own rules, paper ballots, and the result
// computed by the widget's own rules once voting has closed.
//
// The rules are the widget's compiled modules (dist/lib, built by `npm run build` / `rollup -c`),
// never a copy: what the ballot allows is exactly what this server accepts.
//
// Routes (all under /api/vote/):
//   GET  feed[?lang=en]        the youth budget feed: phases by this server's clock, the `voting`
//                              block the ballot reads; votes, ballots and the result only once closed
//   POST ballot                { code | voter, projects: [ids] } with an Idempotency-Key →
//                              200 { counted: true } | 409 code-used | 403 voting-closed / voting-not-open
//                              | 422 code-invalid / a ballot problem (over-budget, too-many …)
//   GET  result.pb             the result as a Pabulib file (after close)
//   organisers (Authorization: Bearer <admin token>):
//   POST admin/batches         { label, count, format: json | csv | html } → the codes, this once only
//   GET  admin/turnout         per batch: codes issued and used; ballots online and on paper
//   POST admin/paper           { projects: [ids] } a paper ballot (checked by the same rules)
//
// Storage is in memory (a demo): codes are kept only as HMAC hashes with their batch, ballots as
// lists of project ids in random order with nothing that links them to a code or a browser.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = (name) => import(new URL(`../dist/lib/jugend-budget/jugend-budget.${name}.js`, import.meta.url).href);
let modules;
/** The widget's rules, ballot checks and Pabulib writer (compiled); a clear error when not built. */
function widgetModules() {
  modules ??= Promise.all([lib('ballot'), lib('rules'), lib('pabulib')]).then(
    ([ballot, rules, pabulib]) => ({ ballot, rules, pabulib }),
    (error) => {
      modules = undefined;
      throw new Error(`demo/voting.mjs braucht den gebauten Code (npm run build): ${error.message}`);
    },
  );
  return modules;
}

const DAY = 86_400_000;
const messages = {
  'voting-not-open': 'Die Abstimmung hat noch nicht begonnen.',
  'voting-closed': 'Die Abstimmung ist beendet.',
  'code-invalid': 'Diesen Code gibt es nicht. Bitte prüfe ihn auf deinem Zettel.',
  'code-used': 'Mit diesem Code wurde schon abgestimmt.',
  'code-missing': 'Bitte gib deinen Abstimm-Code ein.',
  'voter-used': 'Aus diesem Browser wurde schon abgestimmt.',
  empty: 'Der Stimmzettel ist leer.',
  'min-count': 'Es sind zu wenige Projekte gewählt.',
  'min-share': 'Die gewählten Projekte erreichen den Mindestanteil am Budget nicht.',
  'over-budget': 'Die gewählten Projekte kosten mehr als das Budget.',
  'too-many': 'Es sind zu viele Projekte gewählt.',
  'unknown-project': 'Der Stimmzettel nennt ein Projekt, über das nicht abgestimmt wird.',
  duplicate: 'Der Stimmzettel nennt ein Projekt doppelt.',
  unauthorized: 'Nur für das Organisationsteam.',
  hidden: 'Die Zahlen werden erst nach dem Ende der Abstimmung gezeigt.',
};
const fail = (status, code) => [status, { error: { code, message: messages[code] ?? code } }];

/**
 * One vote: `opens`/`closes` (ms) by this server's clock, `now` replaceable in tests, `rules` the
 * ballot rules besides the feed's budget, `access` 'code' or 'browser'.
 */
export function createVoting(options = {}) {
  const now = options.now ?? (() => Date.now());
  const opens = options.opens ?? now() - DAY;
  const closes = options.closes ?? now() + 14 * DAY;
  const access = options.access ?? 'code';
  const rules = { withinBudget: true, ...(options.rules ?? {}) };
  const secret = randomBytes(32);
  const adminToken = options.adminToken ?? randomBytes(18).toString('base64url');
  const hash = (s) => createHmac('sha256', secret).update(s).digest('base64url');
  const feedFile = { de: options.feedFile ?? 'demo/data/jugendbudget.json', en: options.feedFileEn ?? 'demo/data/en/jugendbudget.json' };
  /** Test hook: throws inside casting, after the checks and before anything is stored. */
  const faults = { failNextStore: false };

  const batches = []; // { id, label, issued, used, created }
  const codes = new Map(); // hash -> { batch, used }
  const voters = new Set(); // hashes of browser tokens that voted
  const ballots = []; // { projects, paper } in random order
  const answers = new Map(); // hash of Idempotency-Key -> [status, body]
  let resultCache;

  const feeds = {};
  async function baseFeed(lang) {
    feeds[lang] ??= readFile(new URL(feedFile[lang], `file://${root}/`), 'utf8').then((t) => JSON.parse(t));
    return feeds[lang];
  }
  const state = () => (now() < opens ? 'before' : now() < closes ? 'open' : 'closed');
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);

  /** The projects on the ballot: those the administration found feasible. */
  const onBallot = (feed) =>
    feed.projects.filter((p) => p.feasible !== false).map((p) => ({ id: String(p.id), cost: Number(p.cost) || 0 }));
  const ballotRules = (feed) => ({ ...rules, budget: feed.budget });

  async function result() {
    if (resultCache) return resultCache;
    const { rules: r } = await widgetModules();
    const feed = await baseFeed('de');
    const projects = feed.projects.map((p) => String(p.id));
    const index = new Map(projects.map((id, i) => [id, i]));
    const votes = new Array(projects.length).fill(0);
    const asIndexes = ballots.map((b) => b.projects.map((id) => index.get(id)));
    for (const b of asIndexes) for (const i of b) votes[i]++;
    const election = {
      budget: feed.budget,
      projects: feed.projects.map((p, i) => ({
        id: String(p.id),
        cost: Number(p.cost) || 0,
        votes: votes[i],
        feasible: p.feasible !== false,
      })),
      ballots: asIndexes,
    };
    const rule = r.ruleOf(feed.rule) ?? 'greedy';
    const outcome = r.runSync(r.ruleRun(rule, election) ?? r.greedy(election));
    resultCache = { outcome, votes, rule };
    return resultCache;
  }

  /** The feed as the widget reads it: this vote's dates; votes and the result only when closed. */
  async function feed(lang) {
    const base = await baseFeed(lang === 'en' ? 'en' : 'de');
    const closed = state() === 'closed';
    const phases = base.phases.map((p) => {
      if (p.id === 'vote') return { ...p, start: day(opens), end: day(closes - 1) };
      if (p.id === 'result') return { ...p, start: day(closes), end: undefined };
      if (p.id === 'implementation') return { ...p, start: undefined };
      if (p.id === 'check') return { ...p, start: day(opens - 14 * DAY), end: day(opens - DAY) };
      if (p.id === 'proposals') return { ...p, start: day(opens - 60 * DAY), end: day(opens - 15 * DAY) };
      return p;
    });
    const out = {
      ...base,
      phase: state() === 'before' ? 'check' : closed ? 'result' : 'vote',
      phases,
      voting: { url: '/api/vote/ballot', access, opens: new Date(opens).toISOString(), closes: new Date(closes).toISOString(), ...rules },
      // Nothing of the earlier round's counts or follow-through.
      projects: base.projects.map((project) => {
        const p = { ...project };
        for (const key of ['votes', 'selected', 'status', 'statusReason', 'progress', 'timeline']) delete p[key];
        return p;
      }),
    };
    if (closed) {
      const { outcome, votes } = await result();
      const chosen = new Set(outcome.selected);
      out.projects = out.projects.map((p, i) => ({ ...p, votes: votes[i], selected: chosen.has(String(p.id)) }));
      out.ballots = ballots.map((b) => b.projects);
    }
    return out;
  }

  /** Stores a ballot at a random place, so the order says nothing about who voted when. */
  function store(projects, paper) {
    if (faults.failNextStore) {
      faults.failNextStore = false;
      throw new Error('simulated storage failure');
    }
    ballots.splice(randomInt(ballots.length + 1), 0, { projects, paper });
    resultCache = undefined;
  }

  async function cast(body, key) {
    const { ballot } = await widgetModules();
    const feed = await baseFeed('de');
    // Everything below runs without an await: checking and using a code cannot interleave.
    if (key && answers.has(key)) return answers.get(key); // the visitor's own retry: the first answer
    const s = state();
    if (s === 'before') return fail(403, 'voting-not-open');
    if (s === 'closed') return fail(403, 'voting-closed');
    let mark;
    if (access === 'code') {
      if (typeof body.code !== 'string' || !body.code.trim()) return fail(422, 'code-missing');
      const code = ballot.normalizeCode(body.code);
      const entry = code && codes.get(hash(code));
      if (!entry) return fail(422, 'code-invalid');
      if (entry.used) return fail(409, 'code-used');
      mark = () => {
        entry.used = true;
        entry.batch.used++;
      };
    } else {
      const token = typeof body.voter === 'string' && body.voter.length >= 16 ? hash(`voter:${body.voter}`) : undefined;
      if (!token) return fail(422, 'code-missing');
      if (voters.has(token)) return fail(409, 'voter-used');
      mark = () => voters.add(token);
    }
    const checked = ballot.checkBallot(ballotRules(feed), onBallot(feed), body.projects);
    if (!checked.ok) return fail(422, checked.problem);
    store(checked.ids, false); // throws on a storage failure: then the code stays unused
    mark();
    const answer = [200, { counted: true }];
    if (key) answers.set(key, answer);
    return answer;
  }

  async function createBatch(body) {
    const { ballot } = await widgetModules();
    const count = Math.min(5000, Math.max(1, Math.floor(Number(body.count) || 0)));
    const label =
      String(body.label ?? '')
        .trim()
        .slice(0, 80) || `Stapel ${batches.length + 1}`;
    const batch = { id: batches.length + 1, label, issued: 0, used: 0, created: new Date(now()).toISOString() };
    const plain = [];
    while (plain.length < count) {
      const code = ballot.newCode(randomInt);
      const h = hash(code);
      if (codes.has(h)) continue;
      codes.set(h, { batch, used: false });
      plain.push(ballot.formatCode(code));
    }
    batch.issued = plain.length;
    batches.push(batch);
    return { batch, codes: plain };
  }

  async function handle(req, res, path) {
    const url = new URL(req.url ?? '/', 'http://x');
    const sub = path.slice('/api/vote/'.length);
    const admin = () => {
      const given = Buffer.from(String(req.headers.authorization ?? ''));
      const wanted = Buffer.from(`Bearer ${adminToken}`);
      return given.length === wanted.length && timingSafeEqual(given, wanted);
    };
    if (req.method === 'GET' && sub === 'feed') return send(res, 200, await feed(url.searchParams.get('lang')));
    if (req.method === 'GET' && sub === 'result.pb') {
      if (state() !== 'closed') return send(res, ...fail(403, 'hidden'));
      const { pabulib } = await widgetModules();
      const f = await feed('de');
      const vote = f.phases.find((p) => p.id === 'vote');
      const { outcome } = await result();
      const text = pabulib.toPabulib(
        {
          title: f.title,
          budget: f.budget,
          currency: f.currency ?? 'EUR',
          projects: f.projects,
          ballots: f.ballots,
          voteStart: vote?.start,
          voteEnd: vote?.end,
        },
        outcome,
      );
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': 'attachment; filename="jugendbudget.pb"',
        'Cache-Control': 'no-store',
      });
      return res.end(text);
    }
    if (sub.startsWith('admin/') && !admin()) return send(res, ...fail(401, 'unauthorized'));
    if (req.method === 'GET' && sub === 'admin/turnout') {
      const online = ballots.filter((b) => !b.paper).length;
      return send(res, 200, {
        state: state(),
        batches: batches.map(({ id, label, issued, used, created }) => ({ id, label, issued, used, created })),
        ballots: { online, paper: ballots.length - online },
      });
    }
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'method', message: 'Methode nicht erlaubt.' } });
    let body;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, { error: { code: 'bad-json', message: 'Die Anfrage war kein gültiges JSON.' } });
    }
    if (sub === 'ballot') {
      const key = typeof req.headers['idempotency-key'] === 'string' ? hash(`key:${req.headers['idempotency-key']}`) : undefined;
      return send(res, ...(await cast(body, key)));
    }
    if (sub === 'admin/batches') {
      const { batch, codes: list } = await createBatch(body);
      if (body.format === 'csv') {
        res.writeHead(201, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="codes-${batch.id}.csv"`,
          'Cache-Control': 'no-store',
        });
        return res.end(`batch;code\n${list.map((c) => `${csvField(batch.label)};${c}`).join('\n')}\n`);
      }
      if (body.format === 'html') {
        res.writeHead(201, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        });
        return res.end(await sheet(batch, list));
      }
      return send(res, 201, { batch: { id: batch.id, label: batch.label, issued: batch.issued }, codes: list });
    }
    if (sub === 'admin/paper') {
      const { ballot } = await widgetModules();
      const f = await baseFeed('de');
      const checked = ballot.checkBallot(ballotRules(f), onBallot(f), body.projects);
      if (!checked.ok) return send(res, ...fail(422, checked.problem));
      store(checked.ids, true);
      return send(res, 201, { stored: true, paper: ballots.filter((b) => b.paper).length });
    }
    return send(res, 404, { error: { code: 'not-found', message: 'Unbekannter Endpunkt.' } });
  }

  /** A printable sheet: one slip per code, cut along the lines. Text only, escaped. */
  async function sheet(batch, list) {
    const f = await baseFeed('de');
    const slips = list
      .map(
        (c) =>
          `<div class="slip"><p><strong>${esc(f.title)}</strong></p><p>Dein Abstimm-Code (gilt einmal):</p><p class="code">${esc(c)}</p><p>${esc(batch.label)}</p></div>`,
      )
      .join('\n');
    return `<!DOCTYPE html><html lang="de"><meta charset="utf-8"><title>Abstimm-Codes: ${esc(batch.label)}</title>
<style>body{font:12pt system-ui,sans-serif;margin:1cm}.slips{display:grid;grid-template-columns:repeat(3,1fr);gap:0}.slip{border:1px dashed #555;padding:.5cm;break-inside:avoid}.code{font:bold 18pt ui-monospace,monospace;letter-spacing:.1em}@media print{h1,.hint{display:none}}</style>
<h1>Abstimm-Codes: ${esc(batch.label)} (${list.length})</h1><p class="hint">Drucken und an den Linien schneiden. Die Codes werden nur dieses eine Mal gezeigt; der Server kennt sie nur verschlüsselt.</p>
<div class="slips">${slips}</div></html>`;
  }

  return {
    handle,
    faults,
    adminToken,
    state,
    result,
    feed,
    get counted() {
      return ballots.length;
    },
  };
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const csvField = (s) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

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

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
