// The URL sanitizer: only http(s) and relative URLs become links or images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageUrl, safeMail, safeTel, safeUrl } from '../../src/core/safe-url.js';
import { quiet } from './quiet.mjs';

const BASE = 'https://feeds.example.org/daten/feed.json';

test('http(s) and relative URLs resolve against the feed, trimmed', () => {
  assert.equal(safeUrl('https://a.example/x', BASE), 'https://a.example/x');
  assert.equal(safeUrl('http://a.example/x', BASE), 'http://a.example/x');
  assert.equal(safeUrl('logo.svg', BASE), 'https://feeds.example.org/daten/logo.svg');
  assert.equal(safeUrl('  /bild.png ', BASE), 'https://feeds.example.org/bild.png');
  assert.equal(safeUrl('//cdn.example/x.png', BASE), 'https://cdn.example/x.png');
  // Copied from a spreadsheet or word processor: no-break spaces around the address.
  assert.equal(safeUrl('\u00a0https://a.example/x\u00a0', BASE), 'https://a.example/x');
});

test('anything else is dropped with a warning naming where and why', () => {
  for (const [value, why] of [
    ['javascript:alert(1)', 'javascript:'],
    [' JavaScript:alert(1)', 'javascript:'],
    ['data:image/svg+xml,<svg/>', 'data:'],
    ['vbscript:x', 'vbscript:'],
    ['ftp://a.example/x', 'ftp:'],
    ['blob:https://a.example/1', 'blob:'],
  ]) {
    const warnings = quiet(() => assert.equal(safeUrl(value, BASE, 'logo.src'), undefined, value));
    assert.equal(warnings.length, 1, value);
    assert.match(warnings[0], /^\[stadttraum\] logo\.src: unsichere URL/);
    assert.ok(warnings[0].includes(`(${why})`), warnings[0]);
  }
  const bad = quiet(() => assert.equal(safeUrl('http://[zz', BASE, 'url'), undefined));
  assert.match(bad[0], /url: ungültige URL „http:\/\/\[zz“/);
  const notText = quiet(() => assert.equal(safeUrl(42, BASE, 'url'), undefined));
  assert.match(notText[0], /url: keine Zeichenkette/);
  const long = quiet(() => safeUrl(`javascript:${'x'.repeat(200)}`, BASE));
  assert.ok(long[0].includes(`javascript:${'x'.repeat(69)}“`), 'quotes at most 80 characters');
  assert.ok(!long[0].includes('x'.repeat(71)));
});

test('empty values are simply absent, without a warning', () => {
  for (const value of [undefined, null, ''])
    assert.deepEqual(
      quiet(() => assert.equal(safeUrl(value, BASE), undefined)),
      [],
    );
  assert.equal(quiet(() => safeUrl('x', BASE)).length, 0);
  assert.match(quiet(() => safeUrl('javascript:x', BASE))[0], /^\[stadttraum\] URL: unsichere URL/, 'a default name for where');
});

test('tel: only from digits and what people type around them', () => {
  assert.equal(safeTel(' +49 (3946) 123-45 '), 'tel:+49394612345');
  assert.equal(safeTel('03946/123'), 'tel:03946123');
  assert.equal(safeTel('123'), 'tel:123');
  for (const v of ['12', 'x123', '123;x', '1'.repeat(31), '+49 123 45\nx', 42, undefined]) assert.equal(safeTel(v), undefined, String(v));
  assert.equal(safeTel('1'.repeat(30)), `tel:${'1'.repeat(30)}`);
});

test('mailto: only for exactly one address', () => {
  assert.equal(safeMail(' info@verein.de '), 'mailto:info@verein.de');
  assert.equal(safeMail('A.B@Example.ORG'), 'mailto:A.B@Example.ORG');
  for (const v of [
    'a@b',
    'a@b.c',
    'a b@c.de',
    'a@b.de,c@d.de',
    'a@b.de?subject=x',
    '<a@b.de>',
    'a@@b.de',
    '@b.de',
    'a@.de',
    'x a@b.de',
    'a@b.de x',
    42,
  ]) {
    assert.equal(safeMail(v), undefined, String(v));
  }
});

test('the page address never comes from a <base>', () => {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'location');
  assert.equal(pageUrl(), 'http://localhost/');
  globalThis.location = { href: 'https://stadt.example/seite' };
  try {
    assert.equal(pageUrl(), 'https://stadt.example/seite');
  } finally {
    if (had) Object.defineProperty(globalThis, 'location', had);
    else delete globalThis.location;
  }
});
