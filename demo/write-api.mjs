// The idea wall's write contract in memory, as the demo server answers it (the WordPress plugin
// answers the same way; docs/wordpress.md):
//   POST /api/support  { idea, support?, visitor }  200 | 409 duplicate | 403 cap
//   POST /api/ideas    { title, description, category?, name?, consent, consentText? }  202 pending
// - Only JSON bodies from this server's own origin or an allowed one (ALLOWED_ORIGINS,
//   comma-separated); `Origin: null` or none is decided by Sec-Fetch-Site. Refusal: 403 with
//   { code, message } (also inside `error`, the widget's error format); `message` is for the
//   webmaster (console), the visitor reads the wall's own sentence for the code.
// - A support belongs to the browser's token (`visitor`); per idea and address at most
//   SUPPORT_CAP (default 40) a day, whatever the headers say.
// - Idempotency-Key per endpoint and visitor; only accepted answers are remembered (a day).
// - The served idea feeds show accepted supports; a submitted idea waits for approval.
import { createHash, randomInt } from 'node:crypto';

const salt = createHash('sha256').update(String(Math.random())).digest('hex');
const hash = (text) =>
  createHash('sha256')
    .update(salt + text)
    .digest('hex')
    .slice(0, 24);
// Read on every request, so a running server (and a test) can change them.
const supportCap = () => Number(process.env.SUPPORT_CAP) || 40;
const allowedOrigins = () =>
  String(process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);

const supporters = new Map(); // idea id -> Map(visitor hash -> address hash)
const submissions = [];
const answers = new Map(); // endpoint|visitor|key -> { at, result }
const KEY_TTL = 24 * 3600 * 1000;
const MAX_KEYS = 10000;

/** Accepted supports per idea: the static feeds add them to their counts. */
export const supportCount = (id) => supporters.get(String(id))?.size ?? 0;
/** What the write routes hold in memory (tests: failed writes must leave nothing behind). */
export const stats = () => ({
  pending: submissions.length,
  keys: answers.size,
  supports: [...supporters.values()].reduce((n, m) => n + m.size, 0),
});

/** A refusal: `message` is for the webmaster (the wall logs it with the code). */
function refuse(code, message, extra = {}) {
  return [403, { code, message, ...extra, error: { code, message } }];
}

/** null when the write may go ahead, else the refusal. */
export function guard(req) {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json')
    return refuse('content-type', `stadttraum-Demo: Schreibzugriffe brauchen Content-Type: application/json (gekommen: „${type}“).`);
  const origin = String(req.headers.origin ?? '').trim();
  const site = String(req.headers['sec-fetch-site'] ?? '').toLowerCase();
  if (!origin || origin === 'null') {
    if (!site || site === 'same-origin' || site === 'none') return null;
    return refuse(
      'cross-site',
      `stadttraum-Demo: Schreibzugriff ohne Origin von einer anderen Website (Sec-Fetch-Site: ${site}) abgelehnt.`,
    );
  }
  if (corsAllowed(req, origin)) return null;
  console.warn(`[demo] abgelehnter Schreibzugriff von ${origin} (erlauben: ALLOWED_ORIGINS=${origin})`);
  return refuse('origin', `stadttraum-Demo: ${origin} darf hier nichts eintragen; erlauben mit ALLOWED_ORIGINS=${origin} npm start.`);
}

/** The server's own origin or one from ALLOWED_ORIGINS. */
export function corsAllowed(req, origin) {
  return origin === `http://${req.headers.host}` || allowedOrigins().includes(origin);
}

function address(req) {
  const ip = String(req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!ip.includes(':')) return ip;
  // IPv6 by /64: the first four groups of the expanded address (one household or phone).
  const [head, tail] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups.slice(0, 4).join(':')}::/64`;
}

const token = (body) => (typeof body.visitor === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(body.visitor) ? body.visitor : '');
/** The visitor: the browser's token, or (older walls) address and browser. */
const visitorOf = (req, body) => hash(token(body) ? `t:${token(body)}` : `a:${address(req)}|${req.headers['user-agent'] ?? ''}`);

function supportIdea(req, body, known) {
  const id = typeof body.idea === 'string' || typeof body.idea === 'number' ? String(body.idea) : '';
  if (!id) return [422, { error: { code: 'invalid', message: 'Keine Idee angegeben.' } }];
  if (!known.has(id)) return [404, { error: { code: 'not-found', message: 'Diese Idee gibt es nicht (mehr).' } }];
  const base = known.get(id);
  const map = supporters.get(id) ?? new Map();
  const who = visitorOf(req, body);
  if (body.support === false) {
    map.delete(who);
    supporters.set(id, map);
    return [200, { idea: id, supported: false, supporters: base + map.size }];
  }
  if (map.has(who))
    return [
      409,
      {
        idea: id,
        supported: true,
        supporters: base + map.size,
        error: { code: 'duplicate', message: 'Sie haben diese Idee bereits unterstützt.' },
      },
    ];
  const addr = `${hash(address(req))}|${new Date().toISOString().slice(0, 10)}`;
  const today = [...map.values()].filter((a) => a === addr).length;
  if (today >= supportCap()) {
    return refuse(
      'cap',
      `stadttraum-Demo: Tagesgrenze erreicht – je Idee und Anschluss zählen höchstens ${supportCap()} Unterstützungen am Tag (SUPPORT_CAP).`,
      { idea: id, supported: false, supporters: base + map.size },
    );
  }
  map.set(who, addr);
  supporters.set(id, map);
  return [200, { idea: id, supported: true, supporters: base + map.size }];
}

const receipt = () => {
  const a = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const c = Array.from({ length: 8 }, () => a[randomInt(a.length)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4)}`;
};

function submitIdea(body) {
  const ok = { status: 'pending', message: 'Danke! Ihre Idee wird geprüft und erscheint nach der Freigabe auf der Wand.' };
  if (typeof body.website === 'string' && body.website !== '') return [202, { ...ok, receipt: receipt() }]; // honeypot: bots see success
  const title = String(body.title ?? '').trim();
  const description = String(body.description ?? '').trim();
  const fields = {};
  if (title.length < 5) fields.title = 'Bitte geben Sie einen Titel mit mindestens 5 Zeichen ein.';
  if (title.length > 120) fields.title = 'Der Titel darf höchstens 120 Zeichen haben.';
  if (description.length < 20) fields.description = 'Bitte beschreiben Sie Ihre Idee in mindestens 20 Zeichen.';
  if (description.length > 2000) fields.description = 'Die Beschreibung darf höchstens 2000 Zeichen haben.';
  if (body.consent !== true) fields.consent = 'Bitte stimmen Sie der Datenverarbeitung zu.';
  if (Object.keys(fields).length) return [422, { error: { code: 'invalid', message: 'Bitte prüfen Sie die markierten Felder.', fields } }];
  if (submissions.length >= 1000) submissions.shift(); // a demo: keep memory bounded
  const id = `demo-${Date.now().toString(36)}-${submissions.length + 1}`;
  const code = receipt();
  submissions.push({
    id,
    receipt: code,
    title,
    description,
    category: body.category,
    name: body.name,
    consentText: body.consentText,
    at: new Date().toISOString(),
  });
  return [202, { id, ...ok, receipt: code }];
}

/** Forgets expired answers; the oldest go first when there are too many. */
function prune() {
  const now = Date.now();
  for (const [k, v] of answers) if (now - v.at > KEY_TTL) answers.delete(k);
  while (answers.size > MAX_KEYS) answers.delete(answers.keys().next().value);
}

/**
 * One write: the answer as [status, body]. `known` maps the wall's idea ids to their feed counts.
 * Check, write and store of the Idempotency-Key are one synchronous step (no await between
 * them), so a parallel duplicate always finds the first one's answer.
 */
export function write(req, path, body, known) {
  const run = () =>
    path === '/api/support'
      ? supportIdea(req, body, known)
      : path === '/api/ideas'
        ? submitIdea(body)
        : [503, { error: { code: 'unavailable', message: 'Der Dienst ist gerade nicht erreichbar.' } }];
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !key || key.length > 200) return run();
  const id = `${path}|${token(body) || hash(address(req))}|${key}`;
  const seen = answers.get(id);
  if (seen) return seen.result;
  const result = run();
  if (result[0] >= 200 && result[0] < 300) {
    answers.set(id, { at: Date.now(), result });
    prune();
  }
  return result;
}
