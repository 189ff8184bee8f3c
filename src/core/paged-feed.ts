import { TaskStatus } from '@lit/task';
import { FeedController } from './feed-controller.js';
import type { FeedAdapters, FeedContext } from './feed-types.js';
import { pageUrl } from './safe-url.js';
import type { WidgetElement } from './widget-element.js';

export interface PagedFeedOptions<P, I> {
  /** Reads one later page (the widget may fill in what only the first page carries). */
  parse(raw: unknown, ctx: FeedContext): P;
  items(page: P): I[];
  id(item: I): string;
  /** The page's link to the one after it. */
  next(page: P): string | undefined;
  adapters?: FeedAdapters;
  /** An inline `<script type="application/json">` child holding the next page (static pages). */
  inlineSelector: string;
  /** An empty page in the feed's own shape: what the inner feed reads while no page is asked. */
  empty: unknown;
}

/**
 * A feed's later pages (`next` links), loaded on demand ("Mehr laden") through a second, silent
 * FeedController (no st-load), which is created on the first request only. New items are
 * handed over once, without those already shown; a failed page is tried again by the next request.
 * The inner FeedController is the one registered with the host; this class only steers it.
 */
export class PagedFeedController<P, I> {
  private nextUrl?: string;
  private pending?: string;
  private feed?: FeedController<P>;
  private taken?: P;
  /** The address each page was read from: the inner feed also reads `empty` between pages. */
  private readonly readFrom = new WeakMap<object, string>();

  constructor(
    private readonly host: WidgetElement,
    private readonly options: PagedFeedOptions<P, I>,
  ) {}

  /** A new first page (not a refresh): later pages start again from its `next`. */
  reset(next: string | undefined): void {
    this.nextUrl = next;
    this.pending = undefined;
  }

  /** There is a page to load (or to try again). */
  get hasMore(): boolean {
    return !!this.nextUrl;
  }

  /** A page is on its way. */
  get loading(): boolean {
    return !!this.pending && this.feed?.status !== TaskStatus.ERROR;
  }

  /** The last page could not be loaded; `more()` tries again. */
  get failed(): boolean {
    return !!this.pending && this.feed?.status === TaskStatus.ERROR;
  }

  /** Loads the next page, or the failed one again. */
  more(): void {
    if (this.pending) return this.feed?.retry();
    if (!this.nextUrl) return;
    this.pending = this.nextUrl;
    this.feed ??= new FeedController<P>(this.host, {
      parse: (raw, ctx) => {
        const page = this.options.parse(raw, ctx);
        this.readFrom.set(page as object, ctx.baseUrl);
        return page;
      },
      count: (page) => this.options.items(page).length,
      adapters: this.options.adapters,
      announce: false,
      source: (host) => ({
        data: this.pending ? undefined : this.options.empty,
        src: this.pending,
        // Between pages the placeholder is native data: no platform adapter reads it (no false warning).
        format: this.pending ? host.format : undefined,
        transform: this.pending ? host.transform : undefined,
        inlineSelector: this.options.inlineSelector,
      }),
    });
    this.host.requestUpdate();
  }

  /**
   * The page that arrived since the last call, once: its items minus those in `known`
   * (undefined when nothing new arrived). Call from the host's willUpdate.
   */
  take(known: ReadonlySet<string>): I[] | undefined {
    const page = this.feed?.value;
    if (!page || page === this.taken || !this.pending || this.readFrom.get(page as object) !== new URL(this.pending, pageUrl()).href)
      return undefined;
    this.taken = page;
    const next = this.options.next(page);
    this.nextUrl = next && next !== this.pending ? next : undefined;
    this.pending = undefined;
    return this.options.items(page).filter((i) => !known.has(this.options.id(i)));
  }
}
