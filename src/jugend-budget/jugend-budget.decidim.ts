/**
 * Decidim's budgets component (read-only) through its GraphQL API, for `format="decidim"`:
 *
 *   src="https://beteiligung.example.de/api?component=42"        (optional &budget=7, &locale=de)
 *
 * Reads the component's budgets (the one named by `budget`, else the first) with their total
 * and projects: title, description, budget amount, confirmed votes and `selected`. Decidim
 * publishes votes only once the vote is over, and `selected` once the result is decided.
 */
import { FeedError } from '../core/feed-error.js';
import type { Lang } from '../core/i18n.js';
import type { FeedAdapter, FeedContext } from '../core/feed-types.js';

const tr = (field: string) => `${field} { translations { locale text } }`;

function query(url: string, lang: Lang): string {
  const component = new URL(url).searchParams.get('component');
  if (!component)
    throw new FeedError(
      'no-source',
      lang === 'en'
        ? 'Decidim: the URL lacks ?component=<id of the budgets component>.'
        : 'Decidim: in der URL fehlt ?component=<ID der Budgets-Komponente>.',
    );
  return `{ component(id: ${JSON.stringify(component)}) { id ${tr('name')} ... on Budgets { budgets { id ${tr('title')} ${tr('description')} total_budget
    projects { id ${tr('title')} ${tr('description')} budget_amount confirmedVotes selected category { id ${tr('name')} } } } } } }`.replace(
    /\s+/g,
    ' ',
  );
}

type Translated = { translations?: { locale?: string; text?: string }[]; translation?: string } | string | null | undefined;
type Obj = Record<string, unknown>;

/** Decidim's rich text as plain text: feed content is text, never HTML. */
function plain(html: string | undefined): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function pick(field: Translated, lang: string): string {
  if (typeof field === 'string') return plain(field);
  if (field?.translation) return plain(field.translation);
  const list = field?.translations ?? [];
  const hit = list.find((t) => t.locale === lang && t.text) ?? list.find((t) => t.locale === 'de' && t.text) ?? list.find((t) => t.text);
  return plain(hit?.text);
}

const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(+v) ? +v : undefined;

function map(raw: unknown, ctx: FeedContext): unknown {
  const r = raw as { data?: { component?: Obj | null }; errors?: { message?: string }[] } | null;
  if (r?.errors?.length && !r.data) throw new FeedError('shape', `Decidim: ${r.errors.map((e) => e.message).join('; ')}`);
  const component = r?.data?.component;
  const en = ctx.lang === 'en';
  if (!component)
    throw new FeedError(
      'shape',
      en
        ? 'Decidim: component not found (wrong id, not public or not a budgets component?).'
        : 'Decidim: Komponente nicht gefunden (ID falsch, nicht öffentlich oder keine Budgets-Komponente?).',
    );
  const lang = new URL(ctx.baseUrl).searchParams.get('locale') ?? ctx.lang;
  const wanted = new URL(ctx.baseUrl).searchParams.get('budget');
  const budgets = (
    Array.isArray(component.budgets) ? component.budgets : ((component.budgets as { nodes?: unknown[] })?.nodes ?? [])
  ) as Obj[];
  const budget = budgets.find((b) => String(b.id) === wanted) ?? budgets[0];
  if (!budget) throw new FeedError('shape', en ? 'Decidim: the component has no budgets.' : 'Decidim: die Komponente hat keine Budgets.');
  const projects = ((budget.projects as Obj[] | undefined) ?? []).map((p) => ({
    id: String(p.id),
    title: pick(p.title as Translated, lang) || String(p.id),
    description: pick(p.description as Translated, lang),
    category: pick((p.category as Obj | null)?.name as Translated, lang) || undefined,
    cost: num(p.budget_amount ?? p.budgetAmount),
    votes: num(p.confirmedVotes ?? p.confirmed_orders_count),
    selected: typeof p.selected === 'boolean' ? p.selected || undefined : p.selectedAt || p.selected_at ? true : undefined,
  }));
  // Decidim marks only the selected ones; once any is, the others are not funded.
  const anySelected = projects.some((p) => p.selected);
  return {
    schemaVersion: 1,
    title: pick(budget.title as Translated, lang) || pick(component.name as Translated, lang) || 'Decidim',
    intro: pick(budget.description as Translated, lang) || undefined,
    budget: num(budget.total_budget ?? budget.totalBudget) ?? 0,
    rule: 'greedy',
    projects: projects.map((p) => ({ ...p, selected: anySelected ? !!p.selected : undefined })),
  };
}

export const decidimAdapter: FeedAdapter = {
  requestBody: (url, lang) => JSON.stringify({ query: query(url, lang) }),
  map: (raw, ctx) => map(raw, ctx),
};
export default decidimAdapter;
