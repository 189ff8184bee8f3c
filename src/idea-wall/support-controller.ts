import type { ReactiveController } from 'lit';
import type { KeyOf, LocalizeController } from '../core/i18n.js';
import { warn } from '../core/log.js';
import type { IdeaWallHost } from './idea-wall.host.js';
import type { Idea } from './idea-wall.model.js';
import { readJson, supportKey } from './idea-wall.storage.js';
import type { strings } from './idea-wall.strings.js';

/**
 * Supports on an idea wall: the write contract (POST `{ idea, support, visitor }` to `support-endpoint`
 * with an idempotency key that a retry of the same support reuses, through `sendAction`), the supports this browser remembers
 * (localStorage per endpoint, nothing else, no cookie), the optimistic +1 shown while the request
 * runs, and its rollback with a message next to the button when the request fails. One request
 * per idea at a time: the button is disabled until it settles, so nothing is sent twice.
 */
export class SupportController implements ReactiveController {
  /** @internal */
  supported = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, string>();
  private endpoint?: string;

  constructor(
    /** @internal */
    readonly host: IdeaWallHost,
    /** @internal */
    readonly l10n: LocalizeController<KeyOf<typeof strings>>,
    /** @internal Announces a result in the wall's live region. */
    readonly say: (message: string) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const endpoint = this.host.supportEndpoint;
    if (endpoint === this.endpoint) return;
    this.endpoint = endpoint;
    this.supported = new Set(endpoint ? (readJson<string[]>('localStorage', supportKey(endpoint)) ?? []) : []);
  }

  /** This browser supports the idea (remembered, or just sent). */
  has(id: string): boolean {
    return this.supported.has(id);
  }

  /** A request for this idea is on its way. */
  busy(id: string): boolean {
    return this.pending.has(id);
  }

  /** Why the last request for this idea failed, for the visitor. */
  failure(id: string): string | undefined {
    return this.failures.get(id);
  }

  /** Supports the idea, or withdraws the support. Counts and remembers optimistically; rolls back on failure. */
  async toggle(idea: Idea): Promise<void> {
    const endpoint = this.host.supportEndpoint;
    if (!endpoint || this.pending.has(idea.id)) return;
    const want = !this.supported.has(idea.id);
    const before = idea.supporters;
    this.pending.add(idea.id);
    this.failures.delete(idea.id);
    this.mark(idea.id, want);
    idea.supporters = Math.max(0, before + (want ? 1 : -1));
    this.host.requestUpdate();
    // The write path (core's write contract, keys, the browser token, what the answer changes)
    // loads on the first click: a wall that is only read never downloads it.
    try {
      await (await import('./idea-wall.write.js')).sendSupport(this, idea, want, before, endpoint);
    } catch (error) {
      // Its chunk did not load: nothing was sent.
      this.fail(idea, want, before, this.l10n.t('errorNetwork'), error);
    } finally {
      this.settle(idea.id);
    }
  }

  /** @internal The request for this idea is over: its button is enabled again. */
  settle(id: string): void {
    this.pending.delete(id);
    this.host.requestUpdate();
  }

  /** @internal Takes an optimistic support back and says why, next to the button and in the live region. */
  fail(idea: Idea, want: boolean, before: number, message: string, error: unknown): void {
    idea.supporters = before;
    this.mark(idea.id, !want);
    this.failures.set(idea.id, message);
    this.say(message);
    warn(`idea-wall: ${(error as Error).message}`);
  }

  /** @internal */
  mark(id: string, on: boolean): void {
    if (on) this.supported.add(id);
    else this.supported.delete(id);
  }
}
