import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController } from 'lit';
import { StErrorEvent, StLoadEvent } from './events.js';
import { FeedError, isAbort } from './feed-error.js';
import { toWarning, type Detectors, type FeedAdapter, type FeedAdapters, type FeedContext, type FeedWarning } from './feed-types.js';
import { resolveLang } from './i18n.js';
import { warn } from './log.js';
import { requestFeed, type FeedResponse } from './request.js';
import { BIG_BODY, bigBody } from './read-body.js';
import { pageUrl } from './safe-url.js';
import { whenNearViewport } from './visibility.js';
import type { WidgetElement } from './widget-element.js';

export interface SourceSpec {
  data: unknown;
  src: string | undefined;
  format: string | undefined;
  transform: ((raw: unknown) => unknown) | undefined;
  /** Selects the inline `<script type="application/json">` child for this source. */
  inlineSelector: string;
}

export interface FeedOptions<T> {
  parse(raw: unknown, ctx: FeedContext): T;
  count(value: T): number;
  /** The formats this feed reads besides native JSON (`csv` among them, when the widget reads spreadsheets). */
  adapters?: FeedAdapters;
  /**
   * Detectors (lazily loaded) of the formats the widget reads or recognises, tried when no
   * `format` is set and the native reading failed.
   */
  detect?: () => Promise<Detectors>;
  /** A second feed of a widget (e.g. `partners-src`); the main one by default. */
  source?: (host: WidgetElement) => SourceSpec;
  /** Named sources do not fire the widget's st-load. */
  announce?: boolean;
}

const mainSource = (host: WidgetElement): SourceSpec => ({
  data: host.data,
  src: host.src,
  format: host.format,
  transform: host.transform,
  inlineSelector: ':scope > script[type="application/json"]:not([data-source])',
});

/**
 * Loads, decodes, adapts and validates one feed through @lit/task. Adds what widgets need
 * beyond the task: lazy start near the viewport, a shared request per URL, refresh polling
 * (revalidated by the browser's HTTP cache) that does not re-render when nothing changed,
 * and a retry for the error view.
 */
export class FeedController<T> implements ReactiveController {
  /** The last good value; kept while a refresh or a retry runs. */
  value?: T;
  private valueKey?: string;
  private near = false;
  private stopWatching?: () => void;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollAbort?: AbortController;
  private pollDue = false;
  private reloads = 0;
  private lastRefresh = 0;
  /**
   * The response behind the value on screen, set only once it parsed: a refresh with the same
   * bytes changes nothing, and a garbage answer never becomes the yardstick for "unchanged".
   * Per widget, so one widget's refresh cannot make another's look current.
   */
  private shown?: { url: string; text: string };
  /** Lets go of the current initial load's shared request when the widget leaves the page. */
  private abortLoad?: () => void;
  private readonly task: Task<readonly unknown[], T>;
  /**
   * A load started when the widget connected, before its first update, so the first frame can
   * show the data instead of "loading" (issue 18); the task adopts it when its arguments match.
   */
  private skipped = false;
  private early?: { args: readonly unknown[]; promise: Promise<T>; abort: AbortController };

  constructor(
    private readonly host: WidgetElement,
    private readonly options: FeedOptions<T>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => this.args(),
      // Not while detached: the first update may come a frame after a quick removal, and a read
      // started then would never be let go. Reconnecting reads (hostConnected).
      task: (args, { signal }) =>
        this.host.isConnected
          ? (this.adoptEarly(args, signal) ?? this.load(signal))
          : ((this.skipped = true), initialState as unknown as T),
      onComplete: (value) => this.accept(value),
      onError: (error) => this.report(error),
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get error(): FeedError | undefined {
    const e = this.task.error;
    return e instanceof FeedError ? e : e ? new FeedError('shape', String(e)) : undefined;
  }

  /** Resolves when the current load has settled (success or failure). */
  async settled(): Promise<void> {
    await this.task.taskComplete.catch(() => {});
  }

  render(r: { pending: () => unknown; complete: (value: T) => unknown; error: (e: FeedError) => unknown }): unknown {
    const status = this.task.status;
    if (status === TaskStatus.ERROR) return r.error(this.error!);
    // this.value, not task.value: a refresh replaces it without a pending state.
    if (status === TaskStatus.COMPLETE) return r.complete((this.value ?? this.task.value) as T);
    if (this.value !== undefined && this.valueKey === this.key()) return r.complete(this.value);
    return r.pending();
  }

  /** Loads again (the error view's retry button). */
  retry = (): void => {
    this.reloads++;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    if (this.skipped) {
      this.skipped = false;
      this.reloads++;
      this.host.requestUpdate();
    }
    // Answers at once (no frame's wait) for a tag near the viewport: the same check the loader made before it primed the feed.
    if (!this.near && !this.host.eager)
      this.stopWatching = whenNearViewport(this.host, () => {
        this.near = true;
        this.host.requestUpdate();
      });
    if (!this.host.hasUpdated) this.startEarly();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.pollAbort?.abort();
    this.abortLoad?.();
    this.early?.abort.abort();
    this.early = undefined;
  }

  hostUpdated(): void {
    if (this.host.refresh !== this.lastRefresh) {
      this.lastRefresh = this.host.refresh;
      this.schedule();
    }
  }

  private args(): readonly unknown[] {
    const s = this.spec();
    return [s.data, s.src, s.format, s.transform, this.host.credentials, this.near || this.host.eager, this.reloads];
  }

  /**
   * Before the first update: starts the load at once when its input is there (data, inline JSON,
   * or a `src` that is `eager` or near the viewport, whose read the loader has usually primed), and
   * lets the element wait for it up to the next frame (widget-element.ts): a fast feed shows in
   * the first frame, a slow one shows "loading" there as before.
   */
  private startEarly(): void {
    const s = this.spec();
    if (s.data == null && !(s.src ? this.near || this.host.eager : this.host.querySelector(s.inlineSelector))) return;
    const args = this.args();
    const abort = new AbortController();
    const promise = this.load(abort.signal);
    this.early = { args, promise, abort };
    // Shown by render() while the task adopts it; st-load follows from the task as before.
    this.host.firstData.push(
      promise.then(
        (value) => this.early?.promise === promise && ((this.value = value), (this.valueKey = this.key())),
        () => {},
      ),
    );
  }

  /** The early load, when the task asks for exactly what it read; otherwise it is let go. */
  private adoptEarly(args: readonly unknown[], signal: AbortSignal): Promise<T> | undefined {
    const e = this.early;
    this.early = undefined;
    // All but "near": the early load only started where it may read, and the observer may have come since.
    if (e?.args.every((a, i) => i == 5 || a === args[i])) {
      signal.addEventListener('abort', () => e.abort.abort(), { once: true });
      return e.promise;
    }
    e?.abort.abort();
  }

  private spec(): SourceSpec {
    return (this.options.source ?? mainSource)(this.host);
  }

  private key(): string {
    const s = this.spec();
    return `${s.src ?? ''}|${s.format ?? ''}`;
  }

  private context(baseUrl: string, warnings: FeedWarning[]): FeedContext {
    return { baseUrl, lang: resolveLang(this.host), warn: (message, info) => warnings.push(toWarning(message, info)) };
  }

  private async load(signal: AbortSignal): Promise<T> {
    const s = this.spec();
    const data = s.data;
    // Set by property: a string is read like a file (JSON, CSV …), an object as parsed JSON; both
    // go through format detection like `src`, so a GeoJSON or Overpass object needs no `format`.
    if (data != null) {
      const text = typeof data == 'string';
      return this.read(
        { url: pageUrl(), status: 0, contentType: '', text: text ? data : '', raw: text ? undefined : data },
        s,
        await this.adapter(s.format),
      );
    }
    if (s.src) {
      if (!this.near && !this.host.eager) return initialState as unknown as T;
      return (await this.readSrc(s, signal, false)) as T;
    }
    const inline = this.host.querySelector(s.inlineSelector);
    if (inline) {
      return this.read(
        { url: pageUrl(), text: inline.textContent ?? '', contentType: 'application/json', status: 200 },
        s,
        await this.adapter(s.format),
      );
    }
    throw new FeedError('no-source', this.en() ? 'No src, no data and no embedded JSON.' : 'Weder src noch data noch eingebettetes JSON.');
  }

  /**
   * Fetches, decodes and parses `src` (detecting its format when none is set). For a `poll`,
   * resolves to undefined when the answer has the same bytes as the one on screen.
   */
  private async readSrc(s: SourceSpec, signal: AbortSignal, poll: boolean): Promise<T | undefined> {
    const adapter = await this.adapter(s.format);
    const url = new URL(s.src!, pageUrl()).href;
    const res = await this.fetch(url, adapter, signal, poll);
    if (poll && this.shown?.url === url && this.shown.text === res.text) return undefined;
    const value = await this.read(res, s, adapter);
    this.shown = { url, text: res.text };
    return value;
  }

  /**
   * Reads a response natively or in `format`. Without one, a failed native read, or one that
   * shows nothing (a GeoJSON's `name` may fit a widget's shape), tries the detected format.
   */
  private async read(res: FeedResponse, s: SourceSpec, adapter: FeedAdapter | undefined): Promise<T> {
    let value: T | undefined;
    let error: unknown;
    // A spreadsheet by its type or address, and not JSON: read as CSV at once (the loader asked for the
    // reader with the code), not after a failed JSON read and the detectors' three chunks, one round
    // trip each (issue 18). If it fails, detection below says what it is, as before.
    if (
      !adapter &&
      !s.format &&
      !s.transform &&
      this.options.adapters?.csv &&
      !/^\s*[[{]/.test(res.text) &&
      (/\bcsv\b/i.test(res.contentType) || /\.csv([?#]|$)|[?&](output|format)=csv\b/i.test(res.url))
    )
      adapter = await this.adapter('csv');
    // Parsed once: format detection and a detected JSON format reuse it (a big feed takes slices).
    let raw = res.raw;
    try {
      raw ??= await this.decode(res, adapter);
      value = this.process(raw, res.url, s, adapter);
    } catch (e) {
      error = e;
    }
    const guess = !s.format && !s.transform && this.options.detect;
    if (value !== undefined && (!guess || this.options.count(value))) return value;
    // Both at once: the detectors' chunk does not wait for this one's round trip.
    const [d, detectors] = await Promise.all([import('./format-detect.js'), guess && guess()]);
    const lang = resolveLang(this.host);
    if (!detectors) throw d.explain(error, res, lang);
    const format = d.chooseFormat(
      { ...res, raw },
      detectors,
      Object.keys(this.options.adapters ?? {}),
      this.host.localName,
      lang,
      error,
      value !== undefined,
    );
    if (!format) return value!;
    const used = await this.adapter(format);
    return this.process(used?.decode || raw === undefined ? await this.decode(res, used) : raw, res.url, s, used);
  }

  private async fetch(url: string, adapter: FeedAdapter | undefined, signal: AbortSignal, poll: boolean) {
    // Let go before asking (an early load whose widget left while its adapter loaded): an abort
    // listener added now would never fire, and the shared request would stay.
    signal.throwIfAborted();
    const lang = resolveLang(this.host);
    const lease = requestFeed({
      url,
      credentials: this.host.credentials,
      timeoutMs: Math.max(1, this.host.timeout) * 1000,
      body: adapter?.requestBody?.(url, lang),
      maxBytes: this.host.maxSize * 1e6,
      lang,
    });
    const release = () => lease.release();
    signal.addEventListener('abort', release, { once: true });
    if (!poll) this.abortLoad = release;
    try {
      return await lease.promise;
    } finally {
      signal.removeEventListener('abort', release);
      release();
    }
  }

  private async adapter(format: string | undefined): Promise<FeedAdapter | undefined> {
    if (!format || format === 'json' || format === 'native') return undefined;
    const all = this.options.adapters ?? {};
    if (!Object.hasOwn(all, format))
      throw (await import('./format-detect.js')).unknownFormat(format, Object.keys(all), this.host.localName, resolveLang(this.host));
    return all[format]();
  }

  private async decode(res: FeedResponse, adapter: FeedAdapter | undefined): Promise<unknown> {
    if (adapter?.decode) {
      const warnings: FeedWarning[] = [];
      try {
        // Awaited: a big file's reader may take slices (a Pabulib file's 100,000 vote lines).
        return await adapter.decode(res.text, this.context(res.url, warnings));
      } finally {
        this.flush(warnings, res.url);
      }
    }
    const text = res.text.replace(/^\uFEFF/, '');
    try {
      // A big body (a 10,000-idea feed, a youth budget's 100,000 ballots) in slices, from a lazy chunk (read-body.ts).
      return text.length > BIG_BODY ? await (await bigBody()).parseJsonSliced(text) : JSON.parse(text);
    } catch {
      // The wording (an error page? which format?) comes from detect.ts, loaded only now.
      throw new FeedError('not-json', '', res.status, res.url);
    }
  }

  private process(raw: unknown, baseUrl: string, s: SourceSpec, adapter?: FeedAdapter): T {
    const warnings: FeedWarning[] = [];
    const ctx = this.context(baseUrl, warnings);
    let value: T;
    try {
      let data = raw;
      if (s.transform) data = s.transform(data);
      if (adapter?.map) data = adapter.map(data, ctx);
      value = this.options.parse(data, ctx);
    } catch (error) {
      if (error instanceof FeedError) throw Object.assign(error, { url: error.url ?? (s.src ? baseUrl : undefined) });
      const why = (error as Error).message;
      throw new FeedError(
        'shape',
        this.en() ? `The data could not be read: ${why}` : `Daten konnten nicht gelesen werden: ${why}`,
        undefined,
        s.src ? baseUrl : undefined,
      );
    } finally {
      this.flush(warnings, s.src ? baseUrl : undefined);
    }
    return value;
  }

  /** Console texts follow the widget's language, like the warnings the parsers write. */
  private en(): boolean {
    return resolveLang(this.host) === 'en';
  }

  /** The console is the widget's consumer of the warnings: one message per load with everything skipped or repaired. */
  private flush(warnings: FeedWarning[], url: string | undefined): void {
    const n = warnings.length;
    if (n)
      warn(
        `${this.host.localName}: ${n} ${this.en() ? 'note(s) on the data' : 'Hinweis(e) zu den Daten'}${url ? ` (${url})` : ''}:\n- ${warnings.map((w) => w.message).join('\n- ')}`,
      );
  }

  private accept(value: T): void {
    this.value = value;
    this.valueKey = this.key();
    if (this.options.announce !== false) this.host.dispatchEvent(new StLoadEvent(this.options.count(value)));
  }

  private report(error: unknown): void {
    if (isAbort(error)) return;
    const e = error instanceof FeedError ? error : new FeedError('shape', String(error));
    warn(`${this.host.localName}: ${e.message}${e.status ? ` (HTTP ${e.status})` : ''}${e.url ? ` – ${e.url}` : ''}`);
    this.host.dispatchEvent(new StErrorEvent({ message: e.message, status: e.status, url: e.url }));
  }

  // --- refresh polling -------------------------------------------------------------------

  private schedule(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    const seconds = this.host.refresh;
    if (!seconds || seconds <= 0 || !this.host.isConnected) return;
    this.pollTimer = setTimeout(
      () => {
        if (document.hidden) this.pollDue = true;
        else void this.poll().finally(() => this.schedule());
      },
      Math.max(5, seconds) * 1000,
    );
  }

  private onVisibility = (): void => {
    if (!document.hidden && this.pollDue) {
      this.pollDue = false;
      void this.poll().finally(() => this.schedule());
    }
  };

  /**
   * Asks the server whether the feed changed. Returns true when new data was shown.
   * A failed refresh keeps the data on screen and only warns. A widget showing its error view
   * polls too, quietly, and loads again once the feed reads (a kiosk that met a maintenance page
   * at start recovers on its own).
   */
  async poll(): Promise<boolean> {
    const s = this.spec();
    const failed = this.task.status === TaskStatus.ERROR;
    if (!s.src || s.data != null || (!failed && this.task.status !== TaskStatus.COMPLETE)) return false;
    this.pollAbort = new AbortController();
    if (failed) this.shown = undefined; // what is on screen is the error, whatever came before
    try {
      const value = await this.readSrc(s, this.pollAbort.signal, true);
      if (value === undefined) return false;
      if (failed) {
        // Out of the error state through the task; the value shows meanwhile instead of "loading".
        this.value = value;
        this.valueKey = this.key();
        this.retry();
        return true;
      }
      this.accept(value);
      this.host.requestUpdate();
      return true;
    } catch (error) {
      if (!isAbort(error) && !failed)
        warn(
          `${this.host.localName}: ${this.en() ? 'refresh failed, the data shown stays.' : 'Aktualisierung fehlgeschlagen, die bisherigen Daten bleiben.'}`,
          error,
        );
      return false;
    }
  }
}
