// Big feeds for the round-trip test (round-trip.mjs): a 10,000-bench map feed (1.6 MB of JSON) and
// a youth budget's Pabulib file (1,000 projects, 60,000 ballots, 1.1 MB), made here from a fixed
// seed, and sent the way a phone network delivers them: after the round trip, in 64 KB pieces
// with a pause between them (about 5 Mbit/s), so the body takes one and a half to two and a half
// seconds to arrive: time enough for the widget's code to arrive and start reading it, also on a
// busy test machine.
import { Readable } from 'node:stream';

const PIECE = 65536;
export const PIECE_GAP_MS = 100;

/** A small deterministic random generator (no Math.random: every run sends the same bytes). */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function benches(n) {
  const r = rng(n);
  const towns = ['Harzstedt', 'Ballenstedt', 'Quedlinburg', 'Thale', 'Gernrode', 'Wernigerode'];
  return JSON.stringify({
    schemaVersion: 1,
    benches: Array.from({ length: n }, (_, i) => ({
      id: `bank-${i + 1}`,
      name: `Mitfahrbank ${i + 1}`,
      municipality: towns[i % towns.length],
      position: { lat: +(47.4 + r() * 7.5).toFixed(5), lon: +(6 + r() * 8.8).toFixed(5) },
      destinations: [towns[(i + 1) % towns.length], towns[(i + 2) % towns.length]],
    })),
  });
}

function pabulib(projects, votes) {
  const r = rng(projects + votes);
  const lines = ['META', 'key;value', 'description;Jugendbudget (Test)', 'country;Germany', 'unit;Harzstedt', 'instance;2026'];
  lines.push(`num_projects;${projects}`, `num_votes;${votes}`, 'budget;500000', 'vote_type;approval', 'rule;greedy', 'currency;EUR');
  lines.push('PROJECTS', 'project_id;cost;name');
  for (let p = 1; p <= projects; p++) lines.push(`${p};${1000 + Math.floor(r() * 20000)};Projekt ${p}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= votes; v++) {
    const chosen = new Set(Array.from({ length: 3 }, () => 1 + Math.floor(r() * projects)));
    lines.push(`${v};${[...chosen].join(',')}`);
  }
  return lines.join('\n') + '\n';
}

const made = new Map();
const feeds = {
  'big/benches-10000.json': ['application/json', () => benches(10000)],
  'big/budget-1000.pb': ['text/plain; charset=utf-8', () => pabulib(1000, 60000)],
};

/** Serves `path` if it is one of the big feeds: true when it did. */
export function bigFeed(ctx, path) {
  const feed = feeds[path];
  if (!feed) return false;
  if (!made.has(path)) made.set(path, Buffer.from(feed[1](), 'utf8'));
  const bytes = made.get(path);
  ctx.type = feed[0];
  // No Content-Length: a chunked answer, as from a script or with compression on the fly.
  ctx.body = Readable.from(
    (async function* () {
      for (let at = 0; at < bytes.length; at += PIECE) {
        if (at) await new Promise((r) => setTimeout(r, PIECE_GAP_MS));
        yield bytes.subarray(at, at + PIECE);
      }
    })(),
  );
  return true;
}
