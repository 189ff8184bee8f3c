/**
 * Decidim (https://decidim.org) through its public GraphQL API, loaded only for
 * `format="decidim"`. The feed URL is the API endpoint plus the component to show:
 *
 *   src="https://beteiligung.example.de/api?component=42"
 *
 * Optional: `&results=43` adds an accountability component (results with progress and
 * timeline), `&locale=de` picks the language of translated fields (default: the widget's),
 * `&taxonomies` asks for taxonomies (Decidim 0.30+) instead of categories (up to 0.29).
 * The query is sent as a POST body by the core; `after=<cursor>` (set by the adapter for the
 * next page) continues a long list.
 */
import type { FeedAdapter, FeedContext } from '../../core/feed-types.js';
import { FeedError } from '../../core/feed-error.js';
import type { Lang } from '../../core/i18n.js';
import type { Probe } from '../../core/feed-types.js';
import { connectionItems, derivedId, graphqlData, isConnection, nextPage, plainText, str } from './shared.js';

const translated = (field: string) => `${field} { translations { locale text } }`;

function query(url: string, lang: Lang): string {
  const u = new URL(url);
  const component = u.searchParams.get('component');
  if (!component)
    throw new FeedError(
      'no-source',
      lang === 'en'
        ? 'Decidim: the URL lacks ?component=<id of the proposals component>.'
        : 'Decidim: in der URL fehlt ?component=<ID der Vorschläge-Komponente>.',
    );
  const after = u.searchParams.get('after');
  const results = u.searchParams.get('results');
  const modern = u.searchParams.has('taxonomies');
  const category = modern ? `taxonomies { id ${translated('name')} }` : `category { id ${translated('name')} }`;
  // Custom states with their own titles exist from Decidim 0.28 on; older servers reject the field.
  const state = modern || u.searchParams.has('states') ? `proposalState { ${translated('title')} }` : '';
  const page = `first: 100${after ? `, after: ${JSON.stringify(after)}` : ''}`;
  let q = `proposals: component(id: ${JSON.stringify(component)}) { id ... on Proposals { proposals(${page}) {
    pageInfo { hasNextPage endCursor }
    edges { node { id reference ${translated('title')} ${translated('body')} state ${translated('answer')} answeredAt
      publishedAt voteCount address coordinates { latitude longitude } withdrawnAt ${category} ${state} author { name } } } } } }`;
  if (results && !after) {
    q += ` results: component(id: ${JSON.stringify(results)}) { id ... on Accountability { results(first: 100) {
      edges { node { id reference ${translated('title')} ${translated('description')} progress startDate endDate
        status { ${translated('name')} } timelineEntries { entryDate ${translated('description')} } } } } } }`;
  }
  return `{ ${q.replace(/\s+/g, ' ')} }`;
}

type Translated = { translations?: { locale?: string; text?: string }[] } | null | undefined;

function pick(field: unknown, lang: string): string {
  const list = (field as Translated)?.translations ?? [];
  const hit = list.find((t) => t.locale === lang && t.text) ?? list.find((t) => t.locale === 'de' && t.text) ?? list.find((t) => t.text);
  return plainText(hit?.text);
}

/** Decidim states and their place in the follow-through story (custom states keep their token). */
const states: Record<string, string> = {
  not_answered: 'new',
  evaluating: 'review',
  accepted: 'planned',
  rejected: 'declined',
  withdrawn: 'withdrawn',
};

function map(raw: unknown, ctx: FeedContext, url: string): unknown {
  const data = graphqlData(raw, 'Decidim', ctx.lang);
  const lang = new URL(url).searchParams.get('locale') ?? ctx.lang;
  const en = ctx.lang === 'en';
  // `proposals:` is the alias our query sets; a saved answer to an unaliased query says `component`.
  const component = (data.proposals ?? data.component) as { proposals?: unknown } | null;
  if (!component)
    throw new FeedError(
      'shape',
      en
        ? 'Decidim: component not found (wrong id, or not public?).'
        : 'Decidim: Komponente nicht gefunden (ID falsch oder nicht öffentlich?).',
    );
  if (!isConnection(component.proposals)) {
    throw new FeedError(
      'shape',
      en
        ? 'Decidim: the component has no proposal list (is it a proposals component?).'
        : 'Decidim: Die Komponente enthält keine Vorschlagsliste (ist es eine Vorschläge-Komponente?).',
    );
  }
  const categories = new Map<string, { id: string; label: string }>();
  const custom = new Map<string, { id: string; label: string }>();
  const ideas: unknown[] = connectionItems(component.proposals).map((p) => {
    const cat = (p.category ?? (Array.isArray(p.taxonomies) ? p.taxonomies[0] : undefined)) as { id?: unknown; name?: unknown } | undefined;
    const catId = str(cat?.id);
    if (catId && !categories.has(catId)) categories.set(catId, { id: catId, label: pick(cat?.name, lang) || catId });
    const state = p.withdrawnAt ? 'withdrawn' : (str(p.state) ?? 'not_answered');
    const known = Object.hasOwn(states, state);
    const status = known ? states[state] : state;
    // A custom state: its title from the platform (0.28+), else its token made readable.
    const title = pick((p.proposalState as { title?: unknown } | null)?.title, lang);
    if (!known && !custom.has(state))
      custom.set(state, { id: state, label: title || state.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) });
    const coords = p.coordinates as { latitude?: number; longitude?: number } | null;
    const answer = pick(p.answer, lang);
    const id = str(p.id);
    return {
      id: id ?? derivedId('decidim', str(p.reference) ?? pick(p.title, lang), p.publishedAt),
      readOnly: id ? undefined : true,
      reference: str(p.reference),
      title: pick(p.title, lang),
      description: pick(p.body, lang),
      category: catId,
      created: str(p.publishedAt),
      author: str((p.author as { name?: unknown } | null)?.name),
      status,
      answer: answer ? { text: answer, date: str(p.answeredAt) } : undefined,
      supporters: typeof p.voteCount === 'number' ? p.voteCount : undefined,
      location:
        p.address || coords?.latitude != null
          ? { label: str(p.address), lat: coords?.latitude ?? undefined, lng: coords?.longitude ?? undefined }
          : undefined,
    };
  });
  const results = data.results as { results?: unknown } | null | undefined;
  for (const r of connectionItems(results?.results)) {
    const progress = typeof r.progress === 'number' ? Math.max(0, Math.min(100, r.progress)) : undefined;
    const timeline = Array.isArray(r.timelineEntries) ? r.timelineEntries : [];
    ideas.push({
      id: `result-${str(r.id) ?? derivedId('r', pick(r.title, lang), r.startDate)}`,
      reference: str(r.reference),
      title: pick(r.title, lang),
      description: pick(r.description, lang),
      created: str(r.startDate),
      due: str(r.endDate),
      status: progress === undefined ? 'planned' : progress >= 100 ? 'done' : progress > 0 ? 'in-progress' : 'planned',
      nextSteps: pick((r.status as { name?: unknown } | null)?.name, lang) || undefined,
      progress,
      timeline: timeline
        .map((t: { entryDate?: unknown; description?: unknown }) => ({ date: str(t?.entryDate), text: pick(t?.description, lang) }))
        .filter((t) => t.text),
    });
  }
  return { categories: [...categories.values()], statuses: [...custom.values()], ideas, next: nextPage(component.proposals, url) };
}

export const decidimAdapter: FeedAdapter = {
  requestBody: (url, lang) => JSON.stringify({ query: query(url, lang) }),
  map: (raw, ctx) => map(raw, ctx, ctx.baseUrl),
};

/** A Decidim answer: a component (aliased `proposals` or `component`) holding a proposal connection. */
export function detectDecidim({ json }: Probe): boolean {
  const data = (json as { data?: Record<string, unknown> } | null)?.data;
  const component = (data?.proposals ?? data?.component) as { proposals?: unknown } | null | undefined;
  return !!component && typeof component === 'object' && isConnection(component.proposals);
}
