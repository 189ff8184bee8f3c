/**
 * Storybook serves the sample files of demo/data at data/ with a static server, so two things
 * the widgets meet in production are simulated here, once for all stories:
 * - Platforms are asked by POST (GraphQL); a POST to data/ becomes a GET of the fixture in that
 *   platform's shape. The adapter code runs exactly as in production.
 * - `data/slow.json` (and any URL with `st-hang`) never answers, to show the loading state.
 */
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const raw = input instanceof Request ? input.url : String(input);
  const url = new URL(raw, location.href);
  // The stories name their files relative to the page, so the built Storybook works under any path.
  if (url.pathname.endsWith('/data/slow.json') || raw.includes('st-hang')) return new Promise<Response>(() => {});
  if (init?.method === 'POST' && url.pathname.includes('/data/')) return realFetch(raw);
  return realFetch(input, init);
};
