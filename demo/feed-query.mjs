// The demo feed's paging, search and filters, the same parameters as the WordPress plugin's feed
// (wordpress/stadttraum/includes/class-feed.php): `search` (every word, in title, description,
// reference, tags), `category` (id), `status` (id), `sort` (`support`: most supporters first;
// `status`: follow-through order; both then newest; anything else: newest first, the file's
// order), `page` and `per_page` (without it, one page with every idea). The answer says `total` and, when more follow, `next` (keeping the filters);
// `query` tells a wall it may search and filter here instead of in its loaded pages only.

/** The parameters this feed understands, advertised in every answer. */
export const QUERY = ['search', 'category', 'status', 'sort'];

/** The follow-through order of the built-in statuses (src/core/follow-through.ts). */
const STATUSES = ['new', 'review', 'planned', 'in-progress', 'done', 'declined', 'withdrawn'];

/**
 * The wall's rank of a status: built-in by position, the feed's own right after its `base`,
 * others last (as src/idea-wall/idea-wall.model.ts orders them).
 * @param {{ statuses?: { id?: string, base?: string }[] }} feed
 */
function statusRank(feed) {
  const own = new Map((Array.isArray(feed.statuses) ? feed.statuses : []).map((s) => [String(s?.id), STATUSES.indexOf(String(s?.base))]));
  return (id) => {
    const at = STATUSES.indexOf(id);
    if (at >= 0) return at;
    const base = own.get(id);
    return base === undefined ? 99 : base >= 0 ? base + 0.5 : 50;
  };
}

/** Newest first (ISO dates compare as strings), the file's order on ties. */
const time = (idea) => String(idea.created ?? '');

/** Lower case without accents, ß as ss: "Strasse" finds "Straße". */
const fold = (text) =>
  String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');

/**
 * One page of `feed` for the request's query string.
 * @param {{ ideas?: object[] }} feed The whole feed.
 * @param {URLSearchParams} params The request's query.
 * @param {string} path The feed's path, for `next`.
 */
export function feedPage(feed, params, path) {
  const words = fold(params.get('search')).split(/\s+/).filter(Boolean).slice(0, 20);
  const category = params.get('category') ?? '';
  const status = params.get('status') ?? '';
  const all = feed.ideas ?? [];
  const found = all.filter((idea) => {
    if (category && String(idea.category ?? '') !== category) return false;
    if (status && String(idea.status ?? 'new') !== status) return false;
    if (!words.length) return true;
    const text = fold([idea.title, idea.description, idea.reference, ...(idea.tags ?? [])].join(' '));
    return words.every((w) => text.includes(w));
  });
  const sort = params.get('sort') ?? '';
  if (sort === 'support' || sort === 'status') {
    const rank = statusRank(feed);
    const key = sort === 'support' ? (i) => -Math.max(0, Number(i.supporters) || 0) : (i) => rank(String(i.status ?? 'new'));
    // Stable: ties keep newest first, then the file's order.
    found.sort((a, b) => key(a) - key(b) || (time(a) < time(b) ? 1 : time(a) > time(b) ? -1 : 0));
  }
  const perPage = Math.min(1000, Math.max(1, Number.parseInt(params.get('per_page') ?? '', 10) || found.length || 1));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);
  const answer = { ...feed, ideas: found.slice((page - 1) * perPage, page * perPage), total: found.length, query: QUERY };
  if (page * perPage < found.length) {
    const next = new URLSearchParams();
    for (const [key, value] of [
      ['search', params.get('search')],
      ['category', category],
      ['status', status],
      ['sort', sort === 'support' || sort === 'status' ? sort : ''],
      ['per_page', params.get('per_page')],
      ['page', String(page + 1)],
    ])
      if (value) next.set(key, value);
    answer.next = `${path}?${next}`;
  }
  return answer;
}
