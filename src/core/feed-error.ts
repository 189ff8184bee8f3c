/** What went wrong with a feed, in terms a webmaster can act on. `kind` picks the visitor's message. */
export type FeedErrorKind = 'no-source' | 'network' | 'timeout' | 'http' | 'not-json' | 'shape' | 'no-valid-item' | 'too-large';

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly status?: number,
    readonly url?: string,
  ) {
    super(message);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
