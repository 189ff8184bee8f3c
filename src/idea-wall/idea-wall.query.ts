/**
 * Search and filters asked of the server: a lazy chunk, loaded when a visitor filters a paged feed
 * (one with `next`) that says it can (`"query": ["search", "category", "status"]`, as the WordPress
 * plugin and the demo server do). Without that the wall filters the ideas it has loaded.
 * The request goes out once typing pauses; a newer one aborts the older; the answer pages with
 * its own `next` ("Mehr laden") and counts with its `total`. Until it arrives, and when it fails,
 * the wall shows the matches among the ideas it has.
 */
import { resolveLang } from '../core/i18n.js';
import { warn } from '../core/log.js';
import { requestFeed, type Lease } from '../core/request.js';
import { pageUrl } from '../core/safe-url.js';
import type { FeedContext } from '../core/feed-types.js';
import type { IdeaWallHost } from './idea-wall.host.js';
import { sortIdeas, sortKeys, type Idea, type IdeaFeed, type SortKey } from './idea-wall.model.js';

/** The wall's filter, by the feed's parameter names. */
export interface ServerFilter {
  search: string;
  category: string;
  status: string;
}

export interface RemoteOptions {
  /** Reads one answer like a later page of the feed. */
  parse(raw: unknown, ctx: FeedContext): IdeaFeed;
  /** A later page arrived: its ideas start at this index of `ideas`. */
  added(start: number): void;
  /** The first answer for a filter arrived (for the live region). */
  answered(): void;
}

/** Pause after the last keystroke before the server is asked. */
export const DEBOUNCE_MS = 300;

/**
 * Whether to ask this feed's server: a filter is set, the feed is read from `src` as it is (no
 * `format`, no `transform`) and lists every parameter the filter uses.
 */
export function canQuery(feed: IdeaFeed | undefined, host: IdeaWallHost, filter: ServerFilter): boolean {
  const query = feed?.query;
  const used = (Object.keys(filter) as (keyof ServerFilter)[]).filter((k) => filter[k].trim());
  if (!used.length || !Array.isArray(query) || !host.src || host.transform || (host.format && host.format !== 'native')) return false;
  return used.every((k) => query.includes(k));
}

export class RemoteSearch {
  /** The current filter's answer (or failure) is there: the wall shows `ideas` and pages with this. */
  on = false;
  /** The server's matches, all pages loaded so far (undefined until the first page arrived). */
  ideas?: Idea[];
  /** Matches on the server, and ideas on the server (the feed's `total`). */
  total = 0;
  all = 0;
  private key = '';
  private url?: string;
  private nextUrl?: string;
  private lease?: Lease;
  private timer?: ReturnType<typeof setTimeout>;
  private busy = false;
  private broken = false;
  private viewed?: { ideas: Idea[]; sort: SortKey; list: Idea[] };

  constructor(
    private readonly host: IdeaWallHost,
    private readonly options: RemoteOptions,
  ) {}

  /** Asked, and no answer yet: the wall says it is loading instead of "no match". */
  get pending(): boolean {
    return !!this.key && !this.on;
  }

  /** The matches in the wall's order (each page of the server's answer comes newest first). */
  view(sort: SortKey, seed: string): Idea[] {
    const key = sortKeys.includes(sort) ? sort : 'newest';
    const v = this.viewed;
    if (v && v.ideas === this.ideas && v.sort === key) return v.list;
    const list = sortIdeas(this.ideas!, key, seed);
    this.viewed = { ideas: this.ideas!, sort: key, list };
    return list;
  }

  /** A page is on its way (the first one counts only for "Mehr laden"). */
  get loading(): boolean {
    return this.busy && !!this.ideas;
  }

  /** The last request failed; `more()` tries it again. */
  get failed(): boolean {
    return this.broken;
  }

  /** There is a page to load, or a failed one to try again. */
  get hasMore(): boolean {
    return !!this.nextUrl || this.broken;
  }

  /** Asks the server for this filter once typing pauses (a newer filter cancels it). */
  ask(filter: ServerFilter, feed: IdeaFeed): void {
    const url = new URL(this.host.src!, pageUrl());
    for (const [k, v] of Object.entries(filter)) if (v.trim()) url.searchParams.set(k, v.trim());
    if (url.href === this.key) return;
    this.stop();
    this.key = url.href;
    this.all = typeof feed.total === 'number' ? feed.total : 0;
    this.timer = setTimeout(() => this.load(url.href, true), DEBOUNCE_MS);
  }

  /** No filter any more (or one this feed cannot ask for): back to the loaded ideas. */
  stop(): void {
    clearTimeout(this.timer);
    this.lease?.release();
    this.lease = undefined;
    Object.assign(this, { on: false, ideas: undefined, key: '', nextUrl: undefined, busy: false, broken: false });
  }

  more(): void {
    if (this.busy) return;
    if (this.broken) this.load(this.url!, !this.ideas);
    else if (this.nextUrl) this.load(this.nextUrl, false);
  }

  private async load(url: string, first: boolean): Promise<void> {
    const key = this.key;
    const host = this.host;
    this.url = url;
    this.busy = true;
    this.broken = false;
    host.requestUpdate();
    const lease = (this.lease = requestFeed({ url, credentials: host.credentials, timeoutMs: Math.max(1, host.timeout) * 1000, lang: resolveLang(host) }));
    try {
      const res = await lease.promise;
      if (key !== this.key) return;
      const warnings: string[] = [];
      const page = this.options.parse(JSON.parse(res.text), { baseUrl: res.url, lang: resolveLang(host), warn: (m) => warnings.push(m) });
      if (warnings.length) warn(`idea-wall: ${url}\n${warnings.join('\n')}`);
      const known = new Set(first ? [] : this.ideas!.map((i) => i.id));
      const fresh = page.ideas.filter((i) => !known.has(i.id));
      const start = first ? 0 : this.ideas!.length;
      this.ideas = first ? fresh : [...this.ideas!, ...fresh];
      this.total = typeof page.total === 'number' ? page.total : this.ideas.length;
      this.all = Math.max(this.all, this.total);
      // Already checked by the parser (http(s) or relative only).
      this.nextUrl = page.next && page.next !== url ? page.next : undefined;
      this.on = true;
      this.busy = false;
      if (first) this.options.answered();
      else this.options.added(start);
    } catch (error) {
      if (key !== this.key || (error as Error).name === 'AbortError') return;
      this.busy = false;
      this.broken = true;
      this.on = true;
      warn(`idea-wall: ${resolveLang(host) === 'en' ? 'server search failed' : 'Suche auf dem Server fehlgeschlagen'} (${url}): ${(error as Error).message}`);
    } finally {
      if (this.lease === lease) this.lease = undefined;
      host.requestUpdate();
    }
  }
}
