// The define guard: a page with the script twice, or two versions, keeps working.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { define } from '../../src/core/define.js';
import { VERSION } from '../../src/core/version.js';

let registry;
let warnings;
const originalWarn = console.warn;
beforeEach(() => {
  const defined = new Map();
  registry = {
    get: (tag) => defined.get(tag),
    define(tag, ctor) {
      if (defined.has(tag)) throw new DOMException(`"${tag}" has already been used`, 'NotSupportedError');
      defined.set(tag, ctor);
    },
  };
  globalThis.customElements = registry;
  warnings = [];
  console.warn = (...a) => warnings.push(a.join(' '));
});
afterEach(() => {
  delete globalThis.customElements;
  console.warn = originalWarn;
});

test('a free tag is defined, with this version on the class', () => {
  class A {}
  define('st-a', A);
  assert.equal(registry.get('st-a'), A);
  assert.equal(A.stVersion, VERSION);
  assert.deepEqual(warnings, []);
});

test('the same class again, or a copy of the same version: nothing happens, no warning', () => {
  class A {}
  define('st-b', A);
  define('st-b', A);
  class Copy {}
  assert.doesNotThrow(() => define('st-b', Copy));
  assert.equal(registry.get('st-b'), A);
  assert.equal(Copy.stVersion, undefined, 'the copy was not registered');
  assert.deepEqual(warnings, []);
});

test('another version holds the tag: one warning naming both versions, no error', () => {
  class Old {
    static stVersion = '0.0.1';
  }
  registry.define('st-c', Old);
  class New {}
  define('st-c', New);
  define('st-c', New);
  assert.equal(registry.get('st-c'), Old);
  assert.equal(warnings.length, 1);
  assert.equal(
    warnings[0],
    `[stadttraum] <st-c> ist bereits von einer anderen Version (0.0.1) registriert; diese Version (${VERSION}) wird für diesen Tag nicht verwendet.`,
  );
});

test('a class the page registered itself (without a version), passed again: no warning', () => {
  class Own {}
  registry.define('st-f', Own);
  define('st-f', Own);
  assert.deepEqual(warnings, []);
});

test('a foreign element without a version holds the tag: "unbekannt"', () => {
  registry.define('st-d', class Foreign {});
  define('st-d', class Mine {});
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0].includes('anderen Version (unbekannt)'));
});

test('without a registry (Node, server rendering) nothing happens', () => {
  delete globalThis.customElements;
  assert.doesNotThrow(() => define('st-e', class {}));
});
