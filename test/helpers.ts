import { fixture, html } from '@open-wc/testing';
import type { WidgetElement } from '../src/core/widget-element.js';

/**
 * Waits until a widget's feed has settled and it has rendered the result. Gives up after 8 s, not
 * after a count of rounds: 50 rounds took about 1 s, too short for a lazy chunk on a busy machine.
 */
export async function settled(el: WidgetElement): Promise<void> {
  for (const end = Date.now() + 8000; Date.now() < end;) {
    await el.updateComplete;
    const feed = (el as unknown as { feed?: { settled(): Promise<void> } }).feed;
    await feed?.settled();
    await el.updateComplete;
    if (!el.shadowRoot?.querySelector('[part="loading"]')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The visible text of a widget's shadow root, white space folded. */
export function textOf(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Collects console.warn calls while `fn` runs. */
export async function captureWarnings(fn: () => Promise<unknown> | unknown): Promise<string[]> {
  const original = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** A JSON Response as a server would send it. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });
}

export { fixture, html };

/**
 * Puts this test page under a policy that forbids style attributes, as a strict CSP does, and
 * returns the list the page's violations are collected in. Call once at the top of its own test file.
 */
export function forbidStyleAttributes(): string[] {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src-attr 'none'";
  document.head.append(meta);
  return violations;
}

/**
 * A node as its markup, `null` when absent: assert `expect(markupOf(x)).to.equal(null)` so a
 * failure names what was found (and carries a string, not a DOM node, to the runner).
 */
export function markupOf(node: Element | null | undefined): string | null {
  return node ? node.outerHTML : null;
}
