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
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, e: string) => {
      if (e[0] !== '#') return entity(e) ?? whole;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The named entities CKEditor (CONSUL, Decidim up to 0.27) and Decidim's own sanitiser write:
 * umlauts and accented letters, typographic quotes and dashes, spaces, common signs. Name and
 * character pairs in one string keep the table small; an unknown name stays as written.
 */
const ENTITIES =
  'amp&lt<gt>quot"apos\'nbsp\u00a0ensp\u2002emsp\u2003thinsp\u2009shy\u00adzwnj\u200czwj\u200d' +
  'auml\u00e4ouml\u00f6uuml\u00fcAuml\u00c4Ouml\u00d6Uuml\u00dcszlig\u00dfeuml\u00ebiuml\u00ef' +
  'eacute\u00e9egrave\u00e8ecirc\u00eaaacute\u00e1agrave\u00e0acirc\u00e2iacute\u00edoacute\u00f3ocirc\u00f4uacute\u00faccedil\u00e7ntilde\u00f1Eacute\u00c9' +
  'ndash\u2013mdash\u2014hellip\u2026bdquo\u201eldquo\u201crdquo\u201dsbquo\u201alsquo\u2018rsquo\u2019laquo\u00abraquo\u00bblsaquo\u2039rsaquo\u203a' +
  'bull\u2022middot\u00b7euro\u20accopy\u00a9reg\u00aetrade\u2122deg\u00b0sect\u00a7para\u00b6times\u00d7divide\u00f7plusmn\u00b1' +
  'frac12\u00bdfrac14\u00bcfrac34\u00besup2\u00b2sup3\u00b3micro\u00b5rarr\u2192larr\u2190harr\u2194check\u2713';
let table: Map<string, string> | undefined;
function entity(name: string): string | undefined {
  if (!table) {
    table = new Map();
    for (const [, n, c] of ENTITIES.matchAll(/([A-Za-z][a-z0-9]*)([^A-Za-z])/g)) table.set(n, c);
  }
  return table.get(name) ?? table.get(name.toLowerCase());
}

/** A GraphQL answer's data, or a FeedError with the server's own message. */
export function graphqlData(raw: unknown, platform: string, lang = 'de'): Record<string, unknown> {
  const r = (raw ?? {}) as { data?: Record<string, unknown>; errors?: { message?: string }[] };
  if (Array.isArray(r.errors) && r.errors.length && !r.data) {
    throw new FeedError(
      'shape',
      `${platform} ${lang === 'en' ? 'reports' : 'meldet'}: ${r.errors
        .map((e) => e?.message)
        .join('; ')
        .slice(0, 300)}`,
    );
  }
  if (!r.data || typeof r.data !== 'object') {
    throw new FeedError(
      'shape',
      lang === 'en'
        ? `${platform}: answer without “data” – is the URL the GraphQL API?`
        : `${platform}: Antwort ohne „data“ – ist die URL die GraphQL-API?`,
    );
  }
  return r.data;
}

/**
 * Items of a Relay connection, whether the query asked for `nodes` or `edges { node }`, or a
 * plain list (some servers and saved answers drop the connection).
 */
export function connectionItems(conn: unknown): Record<string, unknown>[] {
  const c = (conn ?? {}) as { nodes?: unknown; edges?: unknown };
  const list = Array.isArray(conn)
    ? conn
    : Array.isArray(c.nodes)
      ? c.nodes
      : Array.isArray(c.edges)
        ? c.edges.map((e: { node?: unknown } | null) => e?.node)
        : [];
  return list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
}

/** Whether a connection-like value holds a list at all (empty or not). */
export const isConnection = (conn: unknown): boolean => {
  const c = (conn ?? {}) as { nodes?: unknown; edges?: unknown };
  return Array.isArray(conn) || Array.isArray(c.nodes) || Array.isArray(c.edges);
};

/**
 * A stable id for an item the platform sent without one (a public API may hide ids): derived
 * from its title and date, so the same item keeps its id across loads. Such items are read-only.
 */
export function derivedId(prefix: string, ...parts: unknown[]): string {
  let h = 2166136261;
  for (const ch of parts.map((p) => String(p ?? '')).join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return `${prefix}-${(h >>> 0).toString(36)}`;
}

/** The URL of the next page: the same URL with `after=<cursor>`. */
export function nextPage(conn: unknown, url: string): string | undefined {
  const info = (conn as { pageInfo?: { hasNextPage?: boolean; endCursor?: string } } | undefined)?.pageInfo;
  if (!info?.hasNextPage || !info.endCursor) return undefined;
  const u = new URL(url);
  u.searchParams.set('after', info.endCursor);
  return u.href;
}

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
