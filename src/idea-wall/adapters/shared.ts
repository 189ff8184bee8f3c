import { FeedError } from '../../core/feed-error.js';

/**
 * Platform texts are rich text (HTML). They become plain text here, by pattern and never by
 * parsing into the DOM: the widget shows feed text as text, and DOMParser is a Trusted Types sink.
 */
export function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/<(br|\/p|\/li|\/h\d|\/div|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
      if (e[0] !== '#') return named[e.toLowerCase()];
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A GraphQL answer's data, or a FeedError with the server's own message. */
export function graphqlData(raw: unknown, platform: string): Record<string, unknown> {
  const r = (raw ?? {}) as { data?: Record<string, unknown>; errors?: { message?: string }[] };
  if (r.errors?.length && !r.data) {
    throw new FeedError('shape', `${platform} meldet: ${r.errors.map((e) => e.message).join('; ').slice(0, 300)}`);
  }
  if (!r.data || typeof r.data !== 'object') throw new FeedError('shape', `${platform}: Antwort ohne „data“ – ist die URL die GraphQL-API?`);
  return r.data;
}

/** Items of a Relay connection, whether the query asked for `nodes` or `edges { node }`. */
export function connectionItems(conn: unknown): Record<string, unknown>[] {
  const c = (conn ?? {}) as { nodes?: unknown[]; edges?: { node?: unknown }[] };
  const list = c.nodes ?? c.edges?.map((e) => e?.node) ?? [];
  return list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
}

/** The URL of the next page: the same URL with `after=<cursor>`. */
export function nextPage(conn: unknown, url: string): string | undefined {
  const info = (conn as { pageInfo?: { hasNextPage?: boolean; endCursor?: string } } | undefined)?.pageInfo;
  if (!info?.hasNextPage || !info.endCursor) return undefined;
  const u = new URL(url);
  u.searchParams.set('after', info.endCursor);
  return u.href;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
