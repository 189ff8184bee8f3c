/**
 * Loaded before every test file (web-test-runner.config.mjs, testRunnerHtml).
 *
 * Why: the test runner sends a failed test's `actual` and `expected` to Node through
 * `structuredClone`. A DOM node (in a shadow root or not), a function or a window cannot be
 * cloned, the send rejects, and the page never reports: the file "did not finish" after 300 s
 * and every result in it is lost. Here every assertion error gets a readable, cloneable
 * stand-in for such values before it leaves chai, so the failure shows at once.
 */
// The chai instance @open-wc/testing re-exports. Not @open-wc/testing itself: importing it before
// mocha is there would skip its afterEach fixture cleanup for the whole page.
import { Assertion, AssertionError } from '@esm-bundle/chai';

function describeValue(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    if (Array.isArray(value)) return value.map(describeValue);
    if (value instanceof Element) {
      const root = value.getRootNode();
      const where = root instanceof ShadowRoot ? ` in the shadow root of <${root.host.localName}>` : '';
      const html = value.outerHTML;
      return `${html.length > 200 ? `${html.slice(0, 200)}…` : html}${where}`;
    }
    if (value instanceof Node) return `[${value.nodeName}] ${String(value.textContent ?? '').slice(0, 200)}`;
    if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
    return Object.prototype.toString.call(value);
  }
}

const original = Assertion.prototype.assert;
Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof original>) {
  try {
    return original.apply(this, args);
  } catch (error) {
    if (error instanceof AssertionError) {
      const e = error as Error & { actual?: unknown; expected?: unknown };
      e.actual = describeValue(e.actual);
      e.expected = describeValue(e.expected);
    }
    throw error;
  }
};
