// The consent gate: nothing third-party before consent, one page-wide state, stored only on request.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { consent, StConsentChangeEvent } from '../../src/core/consent.js';

/** A browser-like page in Node: window, events and localStorage. */
function page({ storage = true } = {}) {
  const target = new EventTarget();
  const store = new Map();
  const events = [];
  const localStorage = {
    getItem: (k) => (store.has(k) ? store.get(k) : null),
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k),
  };
  globalThis.window = globalThis;
  globalThis.dispatchEvent = (e) => (events.push(e), target.dispatchEvent(e));
  if (storage) Object.defineProperty(globalThis, 'localStorage', { value: localStorage, configurable: true });
  else
    Object.defineProperty(globalThis, 'localStorage', {
      get: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      configurable: true,
    });
  delete globalThis.stadttraum;
  return { store, events };
}

beforeEach(() => {
  delete globalThis.stadttraum;
});

test('without a window (Node, server rendering) each call gets its own working object', () => {
  delete globalThis.window;
  delete globalThis.dispatchEvent;
  const a = consent();
  assert.notEqual(a, consent());
  assert.equal(a.has('map'), false);
  a.grant('map');
  assert.equal(a.has('map'), true);
  assert.equal(globalThis.stadttraum, undefined);
});

test('one object on window.stadttraum, shared with any other copy of the script', () => {
  page();
  const api = consent();
  assert.equal(globalThis.stadttraum.consent, api);
  assert.equal(consent(), api);
  const other = { grant() {}, revoke() {}, has: () => true };
  delete globalThis.stadttraum;
  globalThis.stadttraum = { version: '0.0.9', consent: other };
  assert.equal(consent(), other, 'an existing API (another copy) is used, not replaced');
  assert.equal(globalThis.stadttraum.version, '0.0.9');
});

test('nothing is granted before the visitor says so; grant and revoke announce the change once', () => {
  const { events, store } = page();
  const api = consent();
  assert.equal(api.has('map'), false);
  api.grant('map');
  assert.equal(store.size, 0, 'nothing stored without remember');
  api.grant('map');
  assert.equal(api.has('map'), true);
  assert.equal(api.has('video'), false, 'per purpose');
  api.revoke('map');
  api.revoke('map');
  assert.equal(api.has('map'), false);
  assert.deepEqual(
    events.map((e) => [e.type, e.detail]),
    [
      ['st-consent-change', { purpose: 'map', granted: true }],
      ['st-consent-change', { purpose: 'map', granted: false }],
    ],
  );
  assert.ok(events[0] instanceof StConsentChangeEvent);
  assert.equal(StConsentChangeEvent.eventName, 'st-consent-change');
  assert.equal(store.size, 0, 'nothing left stored');
});

test('remember stores one key until revoked; a later page load reads it', () => {
  const { store, events } = page();
  consent().grant('map', { remember: true });
  assert.deepEqual([...store], [['stadttraum.consent.map', 'granted']]);
  consent().grant('map', { remember: true }); // again: still one key, no second event
  assert.equal(events.length, 1);
  delete globalThis.stadttraum; // a new page load, same storage
  assert.equal(consent().has('map'), true);
  consent().revoke('map');
  assert.equal(store.size, 0);
  delete globalThis.stadttraum;
  assert.equal(consent().has('map'), false);
});

test('remember on a purpose already granted still stores it', () => {
  const { store } = page();
  consent().grant('map');
  consent().grant('map', { remember: true });
  assert.equal(store.get('stadttraum.consent.map'), 'granted');
});

test('a stored value other than "granted" is no consent', () => {
  const { store } = page();
  store.set('stadttraum.consent.map', 'denied');
  assert.equal(consent().has('map'), false);
  store.set('stadttraum.consent.map', 'granted');
  assert.equal(consent().has('map'), true);
});

test('revoke also forgets a remembered choice that was never granted on this page', () => {
  const { store, events } = page();
  store.set('stadttraum.consent.map', 'granted');
  consent().revoke('map');
  assert.equal(store.size, 0);
  assert.equal(events.length, 0, 'nothing was granted on this page: no change to announce');
});

test('blocked storage (privacy mode): consent still works for the page, nothing throws', () => {
  page({ storage: false });
  const api = consent();
  assert.equal(api.has('map'), false);
  api.grant('map', { remember: true });
  assert.equal(api.has('map'), true);
  api.revoke('map');
  assert.equal(api.has('map'), false);
});
