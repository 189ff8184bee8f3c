/**
 * Media emulation that works the same in every engine. The DevTools protocol's emulateMedia exists
 * only in Chromium (Firefox over WebDriver BiDi and WebKitGTK's WebDriver have none), so instead the
 * media queries the widgets ship are rewritten in the page: every `@media` rule of the document's
 * sheets and of constructed sheets (Lit's adopted styles, also ones created later), every
 * `<source media>` inside shadow roots, and `matchMedia`. A query for the emulated state becomes
 * always true, one for the other state always false; everything else is left as written.
 *
 * Same call as @web/test-runner-commands' emulateMedia: `await emulateMedia({ colorScheme: 'dark' })`.
 */
type Options = { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference'; media?: 'screen' | 'print' };

const forced: Options = {};
const ALWAYS = '(min-width: 0px)';
const NEVER = '(not (min-width: 0px))';
const original = new WeakMap<object, string>();
const sheets = new Set<CSSStyleSheet>();

function rewriteQuery(query: string): string {
  let q = query;
  if (forced.media) {
    // The media type (outside parentheses): the emulated one matches, the other never does.
    const type = /^\s*(only\s+)?(screen|print)\b/i.exec(q);
    if (type) {
      if (type[2].toLowerCase() !== forced.media) return 'not all';
      q = q.replace(type[0], ' all');
    }
  }
  if (forced.colorScheme) {
    q = q.replace(/\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/gi, (_, v: string) =>
      v.toLowerCase() === forced.colorScheme ? ALWAYS : NEVER,
    );
  }
  if (forced.reducedMotion) {
    q = q.replace(/\(\s*prefers-reduced-motion\s*(?::\s*(reduce|no-preference)\s*)?\)/gi, (_, v: string | undefined) =>
      (v ?? 'reduce').toLowerCase() === forced.reducedMotion ? ALWAYS : NEVER,
    );
  }
  return q;
}

export const rewriteMedia = (list: string) => list.split(',').map(rewriteQuery).join(',');

function applyToRules(rules: CSSRuleList) {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule) {
      if (!original.has(rule)) original.set(rule, rule.media.mediaText);
      rule.media.mediaText = rewriteMedia(original.get(rule)!);
    }
    if ('cssRules' in rule) applyToRules((rule as CSSGroupingRule).cssRules);
  }
}

function applyToSheet(sheet: CSSStyleSheet) {
  try {
    applyToRules(sheet.cssRules);
  } catch {
    /* a cross-origin sheet: not ours */
  }
}

/** Every shadow root below `root`, however deep. */
function* shadowRoots(root: Document | ShadowRoot): Generator<ShadowRoot> {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.shadowRoot) {
      yield el.shadowRoot;
      yield* shadowRoots(el.shadowRoot);
    }
  }
}

function applyToSources(root: Document | ShadowRoot) {
  for (const source of Array.from(root.querySelectorAll<HTMLSourceElement>('source[media]'))) {
    if (!original.has(source)) original.set(source, source.getAttribute('media')!);
    const media = rewriteMedia(original.get(source)!);
    if (source.getAttribute('media') !== media) source.setAttribute('media', media);
  }
}

function applyEverywhere() {
  for (const sheet of Array.from(document.styleSheets)) applyToSheet(sheet);
  for (const sheet of document.adoptedStyleSheets) applyToSheet(sheet);
  for (const sheet of sheets) applyToSheet(sheet);
  applyToSources(document);
  for (const root of shadowRoots(document)) {
    for (const sheet of root.adoptedStyleSheets) applyToSheet(sheet);
    for (const sheet of Array.from(root.styleSheets)) applyToSheet(sheet);
    applyToSources(root);
  }
}

// Sheets Lit constructs later (a widget class defined after the call) get the same treatment.
const replaceSync = CSSStyleSheet.prototype.replaceSync;
CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
  replaceSync.call(this, text);
  sheets.add(this);
  applyToSheet(this);
};
const realMatchMedia = window.matchMedia.bind(window);
window.matchMedia = (query: string) => realMatchMedia(rewriteMedia(query));

/** Emulates the given media features (and keeps the others as they are) in this page. */
export async function emulateMedia(options: Options): Promise<void> {
  Object.assign(forced, options);
  applyEverywhere();
  // Let style and <picture> selection catch up before the caller reads computed styles.
  await new Promise((r) => requestAnimationFrame(() => r(null)));
}

/** Back to the engine's own media (light, motion allowed, screen in every headless browser). */
export async function resetMedia(): Promise<void> {
  for (const key of Object.keys(forced) as (keyof Options)[]) delete forced[key];
  applyEverywhere();
}
