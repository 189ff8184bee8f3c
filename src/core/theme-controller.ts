import type { ReactiveController, ReactiveElement } from 'lit';

export type ResolvedTheme = 'light' | 'dark';

interface ThemedHost extends ReactiveElement {
  theme: 'light' | 'dark' | 'auto';
  resolvedTheme: ResolvedTheme;
}

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` string, or undefined when it is mostly transparent. */
export function opaqueLuminance(colour: string): number | undefined {
  const m = colour.match(/rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?/);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = parseFloat(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The element above `el`, stepping out of shadow roots. */
function above(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

const systemDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * Is the page dark where `el` sits? The nearest ancestor with an opaque background decides
 * (darker than the point where white text reads better than black); with none, the page's
 * canvas does, which is dark when the root's `color-scheme` (or `<meta name="color-scheme">`)
 * allows only dark, or allows dark and the system is dark.
 */
export function pageTheme(el: Element): ResolvedTheme {
  for (let node = above(el); node; node = above(node)) {
    const lum = opaqueLuminance(getComputedStyle(node).backgroundColor);
    if (lum !== undefined) return lum < 0.18 ? 'dark' : 'light';
  }
  let scheme = getComputedStyle(document.documentElement).colorScheme || 'normal';
  if (scheme === 'normal') scheme = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
  const dark = /\bdark\b/.test(scheme);
  return dark && (!/\blight\b/.test(scheme) || systemDark()) ? 'dark' : 'light';
}

/**
 * Resolves `theme` to what the visitor sees: `auto` is dark only where the host page is dark
 * (not merely the system), and follows the page's own dark-mode switch without a reload — class,
 * style or data attributes on any ancestor, a stylesheet added to `<head>`, a background
 * transition ending, or the system setting. The host gets `resolved-theme="light|dark"`, and
 * `own-surface` when its theme differs from the page behind it, so it paints its own background
 * instead of putting light text on a light page (or dark on dark).
 */
/*
 * A theme unlike the page behind it (dark on a light page, light on a dark one): the widget
 * paints its own canvas, so its text never lands on the page's background. Added to each
 * widget's shadow root from here, with the controller: the core chunk has no room for it.
 */
let ownSurface: CSSStyleSheet | undefined;
function addOwnSurfaceStyles(root: Node): void {
  if (!(root instanceof ShadowRoot) || !('adoptedStyleSheets' in root) || typeof CSSStyleSheet !== 'function') return;
  if (!ownSurface) {
    ownSurface = new CSSStyleSheet();
    ownSurface.replaceSync(
      ':host([own-surface]){background:var(--_canvas)!important;padding:.75rem!important;border-radius:var(--_radius)}',
    );
  }
  if (!root.adoptedStyleSheets.includes(ownSurface)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ownSurface];
}

export class ThemeController implements ReactiveController {
  private observer?: MutationObserver;
  private media?: MediaQueryList;
  private frame = 0;
  private lastTheme?: string;

  constructor(private readonly host: ThemedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addOwnSurfaceStyles(this.host.renderRoot);
    this.resolve();
    if (typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver(this.schedule);
    for (let node = above(this.host); node; node = above(node)) this.observer.observe(node, { attributes: true });
    if (document.head) this.observer.observe(document.head, { childList: true });
    this.media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
    this.media?.addEventListener('change', this.schedule);
    document.addEventListener('transitionend', this.onTransition, true);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.media?.removeEventListener('change', this.schedule);
    document.removeEventListener('transitionend', this.onTransition, true);
    cancelAnimationFrame(this.frame);
  }

  /** Before each update: a changed `theme` attribute resolves again at once. */
  hostUpdate(): void {
    if (this.host.theme !== this.lastTheme) this.resolve();
  }

  private onTransition = (e: Event): void => {
    if (e.target instanceof Node && e.target.contains(this.host)) this.schedule();
  };

  /** In the next frame: one look at the page for a burst of changes. */
  private schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.resolve());
  };

  private resolve(): void {
    const host = this.host;
    this.lastTheme = host.theme;
    const page = pageTheme(host);
    const resolved: ResolvedTheme = host.theme === 'dark' || host.theme === 'light' ? host.theme : page;
    host.setAttribute('resolved-theme', resolved);
    host.toggleAttribute('own-surface', resolved !== page);
    if (host.resolvedTheme !== resolved) {
      host.resolvedTheme = resolved;
      host.requestUpdate();
    }
  }
}
