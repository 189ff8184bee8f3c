import type { ReactiveController } from 'lit';
import type { KeyOf, LocalizeController } from '../core/i18n.js';
import { warn } from '../core/log.js';
import { StIdeaSupportEvent } from './idea-wall.events.js';
import type { IdeaWallHost } from './idea-wall.host.js';
import type { Idea } from './idea-wall.model.js';
import { readJson, supportKey, writeJson } from './idea-wall.storage.js';
import type { strings } from './idea-wall.strings.js';

/**
 * Supports on an idea wall: the write contract (POST `{ idea, support, visitor }` to `support-endpoint`
 * with an idempotency key that a retry of the same support reuses, through `sendAction`), the supports this browser remembers
 * (localStorage per endpoint, nothing else, no cookie), the optimistic +1 shown while the request
 * runs, and its rollback with a message next to the button when the request fails. One request
 * per idea at a time: the button is disabled until it settles, so nothing is sent twice.
 */
export class SupportController implements ReactiveController {
  private supported = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, string>();
  private endpoint?: string;

  constructor(
    private readonly host: IdeaWallHost,
    private readonly l10n: LocalizeController<KeyOf<typeof strings>>,
    /** Announces a result in the wall's live region. */
    private readonly say: (message: string) => void,
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
    // The write path (core's write contract, keys, the browser token) loads on the first click:
    // a wall that is only read never downloads it.
    const write = import('./idea-wall.write.js');
    try {
      const { endpointUrl, sendAction, text, visitorToken } = await write;
      // A retry of the same support reuses its key; the browser token lets the server count one
      // support per browser whatever its User-Agent says.
      const result = await sendAction(`support ${endpoint} ${idea.id}`, {
        url: endpointUrl(endpoint),
        body: { idea: idea.id, support: want, visitor: visitorToken() },
        credentials: this.host.credentials,
        lang: this.l10n.lang,
        timeoutMs: Math.max(1, this.host.timeout) * 1000,
      });
      const count = result.data.supporters;
      if (typeof count === 'number' && count >= 0) idea.supporters = count;
      const now = typeof result.data.supported === 'boolean' ? result.data.supported : want;
      this.mark(idea.id, now);
      writeJson('localStorage', supportKey(endpoint), [...this.supported]);
      this.say(text(this.l10n, result.duplicate ? 'supportDuplicate' : now ? 'supportThanks' : 'supportRemoved'));
      this.host.dispatchEvent(
        new StIdeaSupportEvent({ id: idea.id, supported: now, supporters: idea.supporters, duplicate: result.duplicate }),
      );
    } catch (error) {
      idea.supporters = before;
      this.mark(idea.id, !want);
      const { text, writeMessage } = await write.catch(() => ({ text: () => '', writeMessage: async () => this.l10n.t('errorNetwork') }));
      const message = `${text(this.l10n, 'supportFailed')} ${await writeMessage(error, this.l10n)}`.trim();
      this.failures.set(idea.id, message);
      this.say(message);
      warn(`idea-wall: ${(error as Error).message}`);
    } finally {
      this.pending.delete(idea.id);
      this.host.requestUpdate();
    }
  }

  private mark(id: string, on: boolean): void {
    if (on) this.supported.add(id);
    else this.supported.delete(id);
  }
}
