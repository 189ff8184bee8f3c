/**
 * Pabulib's `.pb` files (pabulib.org, the open data format of participatory-budget elections):
 * three sections `META`, `PROJECTS`, `VOTES`, each a `;`-separated table whose first line names
 * the columns; fields may be quoted with `"` (a quote inside doubled). This module reads a file
 * into the widget's native feed and writes a result back out.
 */
import { FeedError } from '../core/feed-error.js';
import type { FeedAdapter, FeedContext } from '../core/feed-types.js';
import type { Lang } from '../core/i18n.js';
import { runChunked } from '../core/big-body.js';
import type { BudgetFeed } from './jugend-budget.model.js';
import type { Outcome } from './jugend-budget.outcome.js';

export interface PabulibFile {
  meta: Record<string, string>;
  projects: Record<string, string>[];
  /** Each vote line becomes a row only when iterated: 100,000 lines at once were one long task. */
  votes: Iterable<Record<string, string>> & { readonly length: number };
}

/** One line into fields: `;` separates, `"…"` quotes (with `""` for a quote). */
export function splitLine(line: string): string[] {
  if (!line.includes('"')) return line.split(';');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;

/** Reads the three sections; throws a FeedError naming the line when the file is not a `.pb` file. VOTES is the last section. */
export function readPabulib(input: string, lang: Lang = 'de'): PabulibFile {
  return runAll(readPabulibSteps(input, lang));
}

/** `readPabulib` in steps (4,096 lines of META and PROJECTS, 16,384 vote lines at a time), for the widget to run in slices. */
export function* readPabulibSteps(input: string, lang: Lang): Generator<void, PabulibFile> {
  const en = lang === 'en';
  const text = input.replace(/^\uFEFF/, '');
  const file: PabulibFile = { meta: {}, projects: [], votes: [] };
  let section: (typeof SECTIONS)[number] | undefined;
  let header: string[] | undefined;
  for (let pos = 0, index = 0; pos < text.length; index++) {
    if (index % 4096 === 4095) yield;
    const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
    const line = text.slice(pos, end).trimEnd();
    pos = end + 1;
    if (!line) continue;
    const name = line.trim().toUpperCase();
    if ((SECTIONS as readonly string[]).includes(name)) {
      section = name as (typeof SECTIONS)[number];
      header = undefined;
      continue;
    }
    if (!section)
      throw new FeedError(
        'shape',
        en
          ? `Pabulib file: line ${index + 1} comes before the META section (“${line.slice(0, 40)}”).`
          : `Pabulib-Datei: Zeile ${index + 1} steht vor dem Abschnitt META („${line.slice(0, 40)}“).`,
      );
    const fields = splitLine(line);
    if (!header) {
      header = fields.map((f) => f.trim().toLowerCase());
      if (section === 'VOTES') {
        file.votes = yield* voteLines(text, pos, header);
        break;
      }
      continue;
    }
    if (section === 'META') {
      file.meta[fields[0].trim().toLowerCase()] = (fields[1] ?? '').trim();
      continue;
    }
    file.projects.push(rowOf(header, fields));
  }
  if (!file.meta.budget && !file.projects.length)
    throw new FeedError(
      'shape',
      en ? 'Not a Pabulib file: the META and PROJECTS sections are missing.' : 'Keine Pabulib-Datei: Abschnitte META und PROJECTS fehlen.',
    );
  return file;
}

function rowOf(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  header.forEach((h, i) => (row[h] = (fields[i] ?? '').trim()));
  return row;
}

/** The vote lines from `start` to the end, counted now and split into rows only when iterated. */
function* voteLines(text: string, start: number, header: readonly string[]): Generator<void, PabulibFile['votes']> {
  const lines = function* (): Generator<string> {
    for (let pos = start; pos < text.length;) {
      const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
      const line = text.slice(pos, end).trim();
      pos = end + 1;
      if (line) yield line;
    }
  };
  // Counted by line breaks alone (no copies of 100,000 lines while the feed is decoded in one task).
  let length = 0;
  for (let pos = start; pos < text.length;) {
    const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
    if (end - pos > (text[end - 1] === '\r' ? 1 : 0) && ++length % 16384 === 0) yield;
    pos = end + 1;
  }
  return {
    length,
    *[Symbol.iterator]() {
      for (const line of lines()) yield rowOf(header, splitLine(line));
    },
  };
}

/** "03.04.2023" → "2023-04-03" (Pabulib writes dates the European way). */
function isoDate(value: string | undefined): string | undefined {
  const m = value && /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(value);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

const num = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
};

/**
 * A `.pb` file as the widget's native feed: the election is in its result phase; projects keep
 * Pabulib's ids, costs, votes (counted from the ballots when the column is missing) and
 * `selected` when the file publishes it; approval ballots go to `ballots` for equal shares.
 */
export function pabulibToFeed(file: PabulibFile, ctx: FeedContext): unknown {
  const m = file.meta;
  const type = (m.vote_type ?? 'approval').toLowerCase();
  const approval = type === 'approval';
  const ids = (v: Record<string, string>) =>
    (v.vote ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  // Approval ballots go to the feed as they are (the widget counts them, in slices when many); other kinds are counted here.
  const counted = new Map<string, number>();
  if (!approval) for (const v of file.votes) for (const id of ids(v)) counted.set(id, (counted.get(id) ?? 0) + 1);
  if (!approval && file.votes.length)
    ctx.warn(
      ctx.lang === 'en'
        ? `Pabulib: vote type “${type}” – counted is how many ballots name a project (or the “score” column); equal shares computes only with approval voting.`
        : `Pabulib: Stimmart „${type}“ – gezählt wird, wie viele Stimmzettel ein Projekt nennen (bzw. die Spalte „score“); gleiche Anteile rechnen nur mit Zustimmungswahl.`,
      { code: 'value.rule', path: 'META: vote_type' },
    );
  const useScore = type === 'cumulative' && file.projects.some((p) => p.score);
  const hasSelected = file.projects.some((p) => p.selected !== undefined && p.selected !== '');
  const projects = file.projects.map((p) => {
    const lat = num(p.latitude);
    const lng = num(p.longitude);
    return {
      id: p.project_id,
      title: p.name || p.project_id,
      description: p.description || undefined,
      category: p.category ? p.category.split(',')[0].trim() : undefined,
      cost: num(p.cost),
      votes: (useScore ? num(p.score) : num(p.votes)) ?? (approval && file.votes.length ? undefined : (counted.get(p.project_id) ?? 0)),
      selected: hasSelected ? p.selected === '1' : undefined,
      location: lat !== undefined && lng !== undefined ? { lat, lng } : undefined,
    };
  });
  const place = [m.unit, m.subunit ?? m.district].filter(Boolean).join(' – ');
  return {
    schemaVersion: 1,
    title: m.description || [place, m.instance].filter(Boolean).join(' ') || 'Pabulib',
    budget: num(m.budget),
    currency: m.currency || undefined,
    rule: m.rule,
    phase: 'result',
    phases: [
      { id: 'vote', start: isoDate(m.date_begin), end: isoDate(m.date_end) },
      { id: 'result', start: isoDate(m.date_end) },
    ],
    projects,
    ballots:
      approval && file.votes.length
        ? {
            length: file.votes.length,
            *[Symbol.iterator]() {
              for (const v of file.votes) yield ids(v);
            },
          }
        : undefined,
  };
}

/** `format="pabulib"`: a `.pb` file, read in slices (a file with 100,000 votes is megabytes of lines). */
export const pabulibAdapter: FeedAdapter = {
  decode: (text, ctx) => runChunked(readPabulibSteps(text, ctx.lang)),
  map: (raw, ctx) => pabulibToFeed(typeof raw === 'string' ? readPabulib(raw, ctx.lang) : (raw as PabulibFile), ctx),
};
export default pabulibAdapter;

/** A field as Pabulib writes it: quoted when it holds `;`, `"` or a line break. */
function field(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value).replace(/\r?\n/g, ' ');
  return /[;"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface ExportInput {
  title: string;
  budget: number;
  currency?: string;
  projects: readonly { id: string; title: string; cost: number; votes?: number }[];
  /** Ballots as project ids, or as indexes into `projects`. */
  ballots?: readonly (readonly (string | number)[])[];
  voteStart?: string;
  voteEnd?: string;
}

/** A result as a `.pb` file: META with the rule, PROJECTS with `selected`, VOTES when the ballots are known. */
export function toPabulib(input: ExportInput, outcome: Outcome): string {
  return runAll(writePabulib(input, outcome));
}

function runAll<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `toPabulib` in steps of 4,096 ballots, for the widget to run in slices (100,000 ballots are several megabytes). */
export function* writePabulib(input: ExportInput, outcome: Outcome): Generator<void, string> {
  const chosen = new Set(outcome.selected);
  const d = (iso: string | undefined) =>
    iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : undefined;
  const meta: [string, string | number | undefined][] = [
    ['description', input.title],
    ['num_projects', input.projects.length],
    ['num_votes', input.ballots?.length ?? 0],
    ['budget', input.budget],
    ['vote_type', 'approval'],
    ['rule', outcome.rule],
    ['date_begin', d(input.voteStart)],
    ['date_end', d(input.voteEnd)],
    ['currency', input.currency],
  ];
  const lines = ['META', 'key;value', ...meta.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k};${field(v)}`)];
  lines.push('PROJECTS', 'project_id;cost;votes;name;selected');
  for (const p of input.projects) lines.push([p.id, p.cost, p.votes ?? 0, p.title, chosen.has(p.id) ? 1 : 0].map(field).join(';'));
  lines.push('VOTES', 'voter_id;vote');
  const ballots = input.ballots ?? [];
  for (let i = 0; i < ballots.length; i++) {
    lines.push(`${i + 1};${field(ballots[i].map((x) => (typeof x === 'number' ? input.projects[x].id : x)).join(','))}`);
    if (i % 4096 === 4095) yield;
  }
  return `${lines.join('\n')}\n`;
}

/** A result as a `.pb` download, written and encoded in slices (100,000 ballots are megabytes). */
export function pabulibBlob(input: ExportInput, outcome: Outcome): Promise<Blob> {
  return runChunked(
    (function* () {
      return yield* blobOf(yield* writePabulib(input, outcome));
    })(),
  );
}

/**
 * The widget's feed and result as a download and its file name ("jugendbudget-harzstedt-2025.pb"),
 * built here, in the lazy chunk, not in the widget's first-render chunk.
 */
export async function feedDownload(f: BudgetFeed, budget: number, outcome: Outcome): Promise<[Blob, string]> {
  const vote = f.phases.find((p) => p.id === 'vote');
  const slug =
    f.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'jugendbudget';
  return [await pabulibBlob({ ...f, budget, voteStart: vote?.start, voteEnd: vote?.end }, outcome), `${slug}.pb`];
}

/**
 * A written file as a download (UTF-8), encoded 256 KB of text at a time: `new Blob([text])` of
 * 100,000 ballots encoded megabytes in one task. Cut at line breaks, never inside a character.
 */
export function* blobOf(text: string): Generator<void, Blob> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (let pos = 0; pos < text.length;) {
    const cut = text.indexOf('\n', pos + 262144);
    const end = cut < 0 ? text.length : cut + 1;
    parts.push(encoder.encode(text.slice(pos, end)));
    pos = end;
    yield;
  }
  return new Blob(parts as BlobPart[], { type: 'text/plain;charset=utf-8' });
}
