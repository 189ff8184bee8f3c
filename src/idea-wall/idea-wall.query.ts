/**
 * Search and filters asked of the server: a lazy chunk, loaded when a visitor filters a paged feed
 * (one with `next`) that says it can (`"query": ["search", "category", "status"]`, as the WordPress
 * plugin and the demo server do). Without that the wall filters the ideas it has loaded.
 * The request goes out once typing pauses; a newer one aborts the older; the answer pages with
 * its own `next` ("Mehr laden") and counts with its `total`. Until it arrives, and when it fails,
 * the wall shows the matches among the ideas it has.
 * A feed that also lists `sort` is asked for the wall's order ("support", "status"), with or
 * without a filter: its pages then come in that order, so cards stay where they are when more
 * pages arrive. Without it (and for the random order, which is the visit's own) the wall sorts
 * what it has loaded so far.
 * With `refresh`, the current search is asked again as often as the feed is (the pages loaded so
 * far, revalidated by the browser): counts stay current, focus stays, only new matches are announced.
 */
import { resolveLang } from '../core/i18n.js';
import { warn } from '../core/log.js';
import { requestFeed, type Lease } from '../core/request.js';
import { pageUrl } from '../core/safe-url.js';
import type { FeedContext } from '../core/feed-types.js';
import type { IdeaWallHost } from './idea-wall.host.js';
import { sortIdeas, sortKeys, type Idea, type IdeaFeed, type SortKey } from './idea-wall.model.js';

/** The wall's filter, by the feed's parameter names, and its order. */
export interface ServerFilter {
  search: string;
  category: string;
  status: string;
  sort: string;
}

/** Orders a server is asked for: "newest" is every feed's own order, "random" is the visit's. */
const SERVER_SORTS = ['support', 'status'];

/** The query parameters for this filter (the order only when the feed lists `sort`). */
function params(feed: IdeaFeed | undefined, filter: ServerFilter): [string, string][] {
  const out = (['search', 'category', 'status'] as const).map((k): [string, string] => [k, filter[k].trim()]).filter(([, v]) => v);
  const query = feed?.query;
  if (SERVER_SORTS.includes(filter.sort) && Array.isArray(query) && query.includes('sort')) out.push(['sort', filter.sort]);
  return out;
}

/** What the server search uses of its `<idea-wall>` (members marked @internal there). */
export interface SearchingWall extends IdeaWallHost {
  /** Reads one answer like a later page of the feed. */
  parsePage(raw: unknown, ctx: FeedContext): IdeaFeed;
  /** A later page arrived: its ideas start at this index of the list (a page of them shown, focus on the first). */
  showFrom(start: number): void;
  /** A refresh brought this many matches the visitor has not seen (0: only counts or texts changed). */
  announceNew(fresh: number): void;
  /** The count of matches, said in the live region when the first answer for a filter arrived. */
  countText(): string;
  say(message: string): void;
}

/** Pause after the last keystroke before the server is asked. */
export const DEBOUNCE_MS = 300;

/**
 * Whether to ask this feed's server: a filter (or an order the feed lists) is set, the feed is read
 * from `src` as it is (no `format`, no `transform`) and lists every parameter the filter uses.
 */
export function canQuery(feed: IdeaFeed | undefined, host: IdeaWallHost, filter: ServerFilter): boolean {
  const query = feed?.query;
  const used = params(feed, filter);
  if (!used.length || !Array.isArray(query) || !host.src || host.transform || (host.format && host.format !== 'native')) return false;
  return used.every(([k]) => query.includes(k));
}

/**
 * Asks the wall's server for this filter when the feed can answer it; else stops asking (the wall
 * shows the matches among the ideas it has). Returns the search to keep (made on the first ask).
 */
export function askServer(
  wall: SearchingWall,
  remote: RemoteSearch | undefined,
  filter: ServerFilter,
  feed: IdeaFeed,
): RemoteSearch | undefined {
  if (!canQuery(feed, wall, filter)) remote?.stop();
  else (remote ??= new RemoteSearch(wall)).ask(filter, feed);
  return remote;
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
  /** The order the server was asked for ('' when the wall sorts). */
  private sortedBy = '';
  /** Counts the requests `load` starts: a refresh that overlaps one ("Mehr laden") is dropped. */
  private loads = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: SearchingWall) {}

  /** Asked, and no answer yet: the wall says it is loading instead of "no match". */
  get pending(): boolean {
    return !!this.key && !this.on;
  }

  /** The matches in the wall's order (each page of the server's answer comes newest first). */
  view(sort: SortKey, seed: string): Idea[] {
    // Already in this order across all pages: sorting the loaded part again would only agree.
    if (sort === this.sortedBy) return this.ideas!;
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
    const asked = params(feed, filter);
    for (const [k, v] of asked) url.searchParams.set(k, v);
    if (url.href === this.key) return;
    this.stop();
    this.key = url.href;
    this.sortedBy = asked.find(([k]) => k === 'sort')?.[1] ?? '';
    this.all = typeof feed.total === 'number' ? feed.total : 0;
    this.timer = setTimeout(() => this.load(url.href, true), DEBOUNCE_MS);
  }

  /** No filter any more (or one this feed cannot ask for): back to the loaded ideas. */
  stop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.refreshTimer);
    this.lease?.release();
    this.lease = undefined;
    Object.assign(this, { on: false, ideas: undefined, key: '', nextUrl: undefined, busy: false, broken: false });
  }

  more(): void {
    if (this.busy) return;
    if (this.broken) this.load(this.url!, !this.ideas);
    else if (this.nextUrl) this.load(this.nextUrl, false);
  }

  /** One page of the answer, parsed (warnings to the console). */
  private async fetchPage(url: string): Promise<IdeaFeed> {
    const host = this.host;
    const lease = (this.lease = requestFeed({
      url,
      credentials: host.credentials,
      timeoutMs: Math.max(1, host.timeout) * 1000,
      lang: resolveLang(host),
    }));
    try {
      const res = await lease.promise;
      const warnings: string[] = [];
      const page = host.parsePage(JSON.parse(res.text), { baseUrl: res.url, lang: resolveLang(host), warn: (m) => warnings.push(m) });
      if (warnings.length) warn(`idea-wall: ${url}\n${warnings.join('\n')}`);
      return page;
    } finally {
      if (this.lease === lease) this.lease = undefined;
    }
  }

  /** With `refresh`: the search is asked again in the feed's rhythm (not while the page is hidden). */
  private schedule(): void {
    clearTimeout(this.refreshTimer);
    const seconds = this.host.refresh;
    if (seconds > 0 && this.host.isConnected)
      this.refreshTimer = setTimeout(() => void (document.hidden ? this.schedule() : this.refresh()), Math.max(5, seconds) * 1000);
  }

  /**
   * Asks again for the pages loaded so far and shows the answer in place: as many cards as
   * before (or as still match), focus left where it is, only matches not shown before announced.
   */
  private async refresh(): Promise<void> {
    const { key, loads } = this;
    const before = this.ideas;
    if (!before || this.busy || this.broken) return this.schedule();
    const ideas: Idea[] = [];
    const seen = new Set<string>();
    let url: string | undefined = key;
    let page: IdeaFeed | undefined;
    try {
      while (url && (!page || ideas.length < before.length)) {
        const at: string = url;
        page = await this.fetchPage(at);
        if (key !== this.key || loads !== this.loads) return;
        for (const i of page.ideas) {
          if (!seen.has(i.id)) ideas.push(i);
          seen.add(i.id);
        }
        url = page.next && page.next !== at ? page.next : undefined;
      }
    } catch (error) {
      if (key === this.key && (error as Error).name !== 'AbortError')
        warn(`idea-wall: Aktualisierung der Suche fehlgeschlagen, die bisherigen Treffer bleiben (${key}): ${(error as Error).message}`);
      return;
    } finally {
      if (key === this.key) this.schedule();
    }
    this.nextUrl = url;
    this.total = typeof page!.total === 'number' ? page!.total : ideas.length;
    this.all = Math.max(this.all, this.total);
    const same = (a: Idea, b?: Idea) =>
      !!b &&
      a.id === b.id &&
      a.supporters === b.supporters &&
      a.status.id === b.status.id &&
      a.title === b.title &&
      a.description === b.description &&
      a.answer?.text === b.answer?.text;
    if (ideas.length === before.length && ideas.every((i, n) => same(i, before[n]))) return;
    const known = new Set(before.map((i) => i.id));
    this.ideas = ideas;
    this.host.requestUpdate();
    this.host.announceNew(ideas.filter((i) => !known.has(i.id)).length);
  }

  private async load(url: string, first: boolean): Promise<void> {
    const key = this.key;
    const host = this.host;
    this.loads++;
    clearTimeout(this.refreshTimer);
    this.url = url;
    this.busy = true;
    this.broken = false;
    host.requestUpdate();
    try {
      const page = await this.fetchPage(url);
      if (key !== this.key) return;
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
      if (first) host.say(host.countText());
      else host.showFrom(start);
    } catch (error) {
      if (key !== this.key || (error as Error).name === 'AbortError') return;
      this.busy = false;
      this.broken = true;
      this.on = true;
      warn(
        `idea-wall: ${resolveLang(host) === 'en' ? 'server search failed' : 'Suche auf dem Server fehlgeschlagen'} (${url}): ${(error as Error).message}`,
      );
    } finally {
      host.requestUpdate();
      if (key === this.key) this.schedule();
    }
  }
}
