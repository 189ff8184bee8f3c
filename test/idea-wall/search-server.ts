// A feed server that searches, filters and sorts (`"query": [...]` in its answer, as the WordPress
// plugin and the demo server send it), for stubFetch; and typing into the wall's search box.
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { jsonResponse } from '../helpers.js';
import { $ } from './helpers.js';

export interface ServerIdea {
  id: string;
  title: string;
  created: string;
  status: string;
  category?: string;
  description?: string;
  supporters?: number;
}

export interface ServerOptions {
  /** Ideas per page. */
  size?: number;
  /** What the feed says the server can do (`query`); null: nothing, the wall filters itself. */
  query?: string[] | null;
  /** The feed's categories, sent with every page. */
  categories?: { id: string; label: string }[];
}

const rank = (status: string) => (status === 'planned' ? 2 : 0);

/**
 * The answer to `url`: the ideas with every word of `search` in the title, of `category` and
 * `status`, in the order of `sort` (support, status) when `query` lists it; one page of them,
 * with `total`, and `next` keeping the filters.
 */
export function searchServer(
  ideas: ServerIdea[],
  url: string,
  { size = 10, query = ['search', 'category', 'status'], categories }: ServerOptions = {},
) {
  const u = new URL(url, location.href);
  const p = u.searchParams;
  const words = (p.get('search') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const found = ideas.filter(
    (i) =>
      words.every((w) => i.title.toLowerCase().includes(w)) &&
      (!p.get('category') || i.category === p.get('category')) &&
      (!p.get('status') || i.status === p.get('status')),
  );
  const sort = query?.includes('sort') ? p.get('sort') : null;
  if (sort === 'support') found.sort((a, b) => (b.supporters ?? 0) - (a.supporters ?? 0));
  if (sort === 'status') found.sort((a, b) => rank(a.status) - rank(b.status));
  const page = Number(p.get('page') ?? 1);
  const body: Record<string, unknown> = { ideas: found.slice((page - 1) * size, page * size), total: found.length };
  if (categories) body.categories = categories;
  if (query) body.query = query;
  if (page * size < found.length) {
    const next = new URL(u);
    next.searchParams.set('page', String(page + 1));
    body.next = next.pathname + next.search;
  }
  return jsonResponse(body);
}

export const searchBox = (el: IdeaWall) => $<HTMLInputElement>(el, 'input[type="search"]')!;

/** Types `text` into the wall's search box, as one input event. */
export function typeSearch(el: IdeaWall, text: string) {
  searchBox(el).value = text;
  searchBox(el).dispatchEvent(new Event('input'));
}
