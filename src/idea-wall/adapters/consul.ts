/**
 * CONSUL Democracy (https://consuldemocracy.org) through its public, read-only GraphQL API,
 * loaded only for `format="consul"`:
 *
 *   src="https://mitreden.example.de/graphql"
 *
 * The query uses the snake_case field names of CONSUL's documented API (still accepted by
 * current versions, which also offer camelCase); answers in either casing are read.
 * CONSUL pages by 25; `after=<cursor>` (set by the adapter) continues the list. Retired
 * proposals carry a reason (duplicated, started, unfeasible, done, other) that tells what
 * became of them.
 */
import type { FeedAdapter, FeedContext } from '../../core/feed-types.js';
import { FeedError } from '../../core/feed-error.js';
import type { Probe } from '../../core/feed-types.js';
import { connectionItems, derivedId, graphqlData, isConnection, nextPage, plainText, str } from './shared.js';

function query(url: string): string {
  const after = new URL(url).searchParams.get('after');
  return `{ proposals(first: 25${after ? `, after: ${JSON.stringify(after)}` : ''}) { pageInfo { hasNextPage endCursor } edges { node {
    id title summary description cached_votes_up public_created_at retired_at retired_reason retired_explanation
    public_author { username } geozone { name } tags { edges { node { name } } } } } } }`.replace(/\s+/g, ' ');
}

/** What a retirement means for the follow-through story. */
const retired: Record<string, string> = {
  done: 'done',
  started: 'in-progress',
  unfeasible: 'declined',
  duplicated: 'declined',
  other: 'withdrawn',
};

const get = (o: Record<string, unknown>, snake: string, camel: string) => o[snake] ?? o[camel];

function map(raw: unknown, ctx: FeedContext, url: string): unknown {
  const data = graphqlData(raw, 'CONSUL', ctx.lang);
  const conn = data.proposals;
  if (!isConnection(conn)) {
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'CONSUL: the answer has no “proposals” list (edges or nodes).'
        : 'CONSUL: Die Antwort enthält keine Liste „proposals“ (edges oder nodes).',
    );
  }
  const ideas = connectionItems(conn).map((p) => {
    const reason = str(get(p, 'retired_reason', 'retiredReason'));
    const summary = plainText(p.summary);
    const description = plainText(p.description);
    const tags = connectionItems(p.tags)
      .map((t) => str(t.name))
      .filter(Boolean);
    const votes = get(p, 'cached_votes_up', 'cachedVotesUp');
    const geozone = str((p.geozone as { name?: unknown } | null)?.name);
    const id = str(p.id);
    const created = str(get(p, 'public_created_at', 'publicCreatedAt'));
    return {
      // Without an id (a server that hides it) the card is shown read-only under a derived one.
      id: id ?? derivedId('consul', p.title, created),
      readOnly: id ? undefined : true,
      title: plainText(p.title),
      description: [summary, description].filter(Boolean).join('\n\n'),
      created,
      author: str((get(p, 'public_author', 'publicAuthor') as { username?: unknown } | null)?.username),
      tags,
      status: reason ? (Object.hasOwn(retired, reason) ? retired[reason] : 'withdrawn') : 'new',
      statusReason: plainText(get(p, 'retired_explanation', 'retiredExplanation')) || undefined,
      supporters: typeof votes === 'number' ? votes : undefined,
      location: geozone ? { label: geozone } : undefined,
    };
  });
  return { ideas, next: nextPage(conn, url) };
}

export const consulAdapter: FeedAdapter = {
  requestBody: (url) => JSON.stringify({ query: query(url) }),
  map: (raw, ctx) => map(raw, ctx, ctx.baseUrl),
};

/** A CONSUL answer: `data.proposals` as a connection whose items have a plain-text title. */
export function detectConsul({ json }: Probe): boolean {
  const conn = (json as { data?: { proposals?: unknown } } | null)?.data?.proposals;
  if (!isConnection(conn)) return false;
  const first = connectionItems(conn)[0];
  return !first || typeof first.title === 'string';
}
