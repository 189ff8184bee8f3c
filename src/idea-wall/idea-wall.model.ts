import { FeedError } from '../core/feed-error.js';
import type { FeedContext } from '../core/feed-types.js';
import { safeUrl } from '../core/safe-url.js';
import { fold } from '../core/text.js';
import { builtinStatuses, statusAliases, statusSlug, type BuiltinStatus, type TimelineStep } from '../core/follow-through.js';
import { parseItems, parseShape } from '../core/validate.js';
import { sentences } from '../core/valibot-messages.js';
import { plainIdea } from './idea-wall.plain.js';
import { CategorySchema, FeedSchema, IdeaSchema, StatusSchema, TimelineSchema, type IdeaInput } from './idea-wall.schema.js';

/** Today as YYYY-MM-DD in the visitor's time zone (feed dates are ISO, so strings compare). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Category {
  id: string;
  label: string;
  color?: string;
  /** The feed named a category it does not define; shown with its raw id. */
  unknown?: boolean;
}

export interface Status {
  id: string;
  /** The built-in status it behaves like (order, icon, colour). */
  base: BuiltinStatus | 'custom' | 'unknown';
  /** From the feed; built-in statuses take their label from the string table. */
  label?: string;
  color?: string;
  rank: number;
}

export type { TimelineStep };

export interface Idea {
  id: string;
  reference?: string;
  title: string;
  description: string;
  category?: Category;
  tags: string[];
  created?: string;
  createdTime: number;
  author?: string;
  group?: string;
  status: Status;
  statusReason?: string;
  answer?: { text: string; date?: string; by?: string };
  supporters: number;
  readOnly?: boolean;
  progress?: number;
  nextSteps?: string;
  responsible?: string;
  due?: string;
  timeline: TimelineStep[];
  image?: { src: string; alt: string; credit?: string };
  /** Where the idea is about; `lon` is the feed's `lng`. */
  location?: { label?: string; lat?: number; lon?: number };
  /** The words a search looks in, folded, made at its first search (`foldedText`). */
  folded?: string;
  /** Position in the feed (stable tie-breaker). */
  index: number;
}

export interface IdeaFeed {
  title?: string;
  intro?: string;
  categories: Category[];
  /** Every status the wall knows, in follow-through order (built-in, then the feed's own). */
  statuses: Status[];
  ideas: Idea[];
  next?: string;
  /** As the feed said (checked where used): all ideas, or a search's matches. */
  total?: unknown;
  /** The query parameters the server understands, as the feed said (checked where used). */
  query?: unknown;
}

// The follow-through vocabulary is shared with other widgets (core/follow-through.ts).
export { builtinStatuses, statusIcon, type BuiltinStatus } from '../core/follow-through.js';
const aliases = statusAliases;
const slug = statusSlug;

/** Own keys only: a status called "constructor" is unknown, not Object.prototype's. */
const alias = (key: string): BuiltinStatus | undefined => (Object.hasOwn(aliases, key) ? aliases[key] : undefined);

/** Only plain colour values reach CSS (no url(), no declarations). */
export function safeColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return /^#[0-9a-f]{3,8}$/i.test(v) || /^(rgb|hsl)a?\([\d\s.,%/+-]+\)$/i.test(v) || /^[a-z]{3,20}$/i.test(v) ? v : undefined;
}

/** Short text for a card: the first `max` characters, cut at a word. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, '')} …`;
}

function time(value: string | undefined): number {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** Validates the feed item by item, resolves categories and statuses, drops unsafe URLs. */
export function parseIdeaFeed(raw: unknown, ctx: FeedContext): IdeaFeed {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'Expected an object with “ideas” (see schemas/idea-wall.schema.json).'
        : 'Erwartet wird ein Objekt mit „ideas“ (siehe schemas/idea-wall.schema.json).',
    );
  }
  const feed = parseShape(FeedSchema, raw, 'idea-wall', ctx.lang);
  const categories = parseItems(CategorySchema, feed.categories, ctx, 'categories').map((c) => ({
    id: c.id,
    label: c.label,
    color: safeColor(c.color),
  }));
  const byCategory = new Map(categories.map((c) => [c.id, c]));

  const statuses: Status[] = builtinStatuses.map((id, rank) => ({ id, base: id, rank }));
  const byStatus = new Map<string, Status>(statuses.map((s) => [s.id, s]));
  for (const s of parseItems(StatusSchema, feed.statuses, ctx, 'statuses')) {
    const base = s.base
      ? (builtinStatuses as readonly string[]).includes(s.base)
        ? (s.base as BuiltinStatus)
        : alias(slug(s.base))
      : undefined;
    const existing = byStatus.get(s.id);
    const status: Status = {
      id: s.id,
      base: base ?? (existing?.base as BuiltinStatus | undefined) ?? 'custom',
      label: s.label,
      color: safeColor(s.color),
      rank: existing?.rank ?? (base ? builtinStatuses.indexOf(base) + 0.5 : statuses.length),
    };
    if (existing) statuses[statuses.indexOf(existing)] = status;
    else statuses.push(status);
    byStatus.set(s.id, status);
  }

  const unknownCategories = new Set<string>();
  const unknownStatuses = new Set<string>();
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const ideas: Idea[] = [];
  // A feed of plain ideas (the common case) skips valibot; with any other item, the schema reads
  // them all, item by item, with its messages.
  const plain = feed.ideas.map(plainIdea);
  const items = plain.every(Boolean) ? (plain as IdeaInput[]) : parseItems(IdeaSchema, feed.ideas, ctx, 'ideas');
  for (const item of items) {
    if (seen.has(item.id)) {
      duplicates.add(item.id);
      continue;
    }
    seen.add(item.id);
    const where = `ideas „${item.id}“`;

    let category: Category | undefined;
    if (item.category !== undefined && item.category !== '') {
      const key = String(item.category);
      category = byCategory.get(key);
      if (!category) {
        unknownCategories.add(key);
        category = { id: key, label: key, unknown: true };
      }
    }

    let status = byStatus.get(item.status ?? 'new');
    if (!status && item.status) {
      const key = slug(item.status);
      const known = alias(key) ?? ((builtinStatuses as readonly string[]).includes(key) ? key : undefined);
      status = known ? byStatus.get(known) : undefined;
      if (!status) {
        unknownStatuses.add(item.status);
        status = { id: item.status, base: 'unknown', label: item.status, rank: 99 };
        byStatus.set(item.status, status);
      }
    }
    status ??= byStatus.get('new')!;

    // Most ideas have no timeline: no item-by-item pass, no arrays made for nothing.
    const timeline = item.timeline.length
      ? parseItems(TimelineSchema, item.timeline, ctx, `${where}.timeline`)
          .map((t) => ({ date: t.date, text: t.text, url: safeUrl(t.url, ctx, `${where}: timeline.url`, item.id) }))
          .sort((a, b) => time(a.date) - time(b.date))
      : [];
    const imageSrc = item.image && safeUrl(item.image.src, ctx, `${where}: image.src`, item.id);
    const tags = item.tags.map((t) => t.trim()).filter(Boolean);
    ideas.push({
      id: item.id,
      reference: item.reference,
      title: item.title,
      description: item.description.trim(),
      category,
      tags,
      created: item.created,
      createdTime: time(item.created),
      author: item.author,
      group: item.group,
      status,
      statusReason: item.statusReason,
      answer: item.answer,
      supporters: item.supporters ?? 0,
      readOnly: item.readOnly,
      progress: item.progress,
      nextSteps: item.nextSteps,
      responsible: item.responsible,
      due: item.due,
      timeline,
      image: imageSrc ? { src: imageSrc, alt: item.image!.alt, credit: item.image!.credit } : undefined,
      location: item.location && { label: item.location.label, lat: item.location.lat, lon: item.location.lng },
      index: ideas.length,
    });
  }
  if (duplicates.size)
    ctx.warn(sentences.duplicates('ideas', duplicates, ctx.lang), {
      code: 'item.duplicate',
      path: 'ideas',
      item: [...duplicates][0],
      severity: 'error',
    });
  if (unknownCategories.size)
    ctx.warn(sentences.unknown('categories', unknownCategories, 'id', ctx.lang), {
      code: 'value.unknown',
      path: 'categories',
      severity: 'note',
    });
  if (unknownStatuses.size)
    ctx.warn(sentences.unknown('statuses', unknownStatuses, 'unknown', ctx.lang), {
      code: 'value.unknown',
      path: 'statuses',
      severity: 'note',
    });
  for (const s of byStatus.values()) if (s.base === 'unknown' && !statuses.includes(s)) statuses.push(s);
  return {
    title: feed.title,
    intro: feed.intro,
    categories,
    statuses,
    ideas,
    next: safeUrl(feed.next, ctx, 'next'),
    total: feed.total,
    query: feed.query,
  };
}

export type SortKey = 'newest' | 'support' | 'status' | 'random';
export const sortKeys: SortKey[] = ['newest', 'support', 'status', 'random'];

/** A small string hash (FNV-1a), for the stable random order. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function sortIdeas(ideas: Idea[], key: SortKey, seed: string): Idea[] {
  const out = ideas.slice();
  const newest = (a: Idea, b: Idea) => b.createdTime - a.createdTime || a.index - b.index;
  if (key === 'support') out.sort((a, b) => b.supporters - a.supporters || newest(a, b));
  else if (key === 'status') out.sort((a, b) => a.status.rank - b.status.rank || newest(a, b));
  else if (key === 'random') {
    const rank = new Map(out.map((i) => [i, hash(seed + i.id)]));
    out.sort((a, b) => rank.get(a)! - rank.get(b)!);
  } else out.sort(newest);
  return out;
}

/**
 * An idea's folded search text, made at its first search, not while the feed is read: folding
 * (NFD, umlauts) every idea took ~5 ms of a 1,000-idea wall's way to its first frame, and
 * joining its fields (a copy of every description) made ~1 MB of strings for the collector.
 */
export const foldedText = (idea: Idea): string =>
  (idea.folded ??= fold(
    [
      idea.title,
      idea.reference,
      idea.description,
      idea.category?.label,
      idea.tags.join(' '),
      idea.author,
      idea.group,
      idea.location?.label,
    ].join(' '),
  ));

/** Splits a query into folded words once, so filtering 10,000 ideas does no folding. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

export interface Filter {
  words: string[];
  category: string;
  status: string;
}

/** Whether an idea passes the filter (`words`: those not yet known to be in its text). */
export const passes = (idea: Idea, f: Filter, words = f.words): boolean =>
  (!f.category || idea.category?.id === f.category) &&
  (!f.status || idea.status.id === f.status) &&
  words.every((w) => foldedText(idea).includes(w));
