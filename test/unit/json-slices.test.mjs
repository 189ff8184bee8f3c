// The sliced JSON parse of big feeds: the same value as JSON.parse, the same failures, and slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonSliced, parseSteps } from '../../src/core/json-slices.js';

/** Runs the parse at once and counts its steps. */
function sliced(text) {
  const gen = parseSteps(text);
  let steps = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { value: r.value, steps };
    steps++;
  }
}

/** Equal as JSON.parse gives it: values, key order at every level, prototypes, -0. */
function same(actual, expected, path = '$') {
  if (typeof expected !== 'object' || expected === null) {
    assert.ok(Object.is(actual, expected), `${path}: ${String(actual)} !== ${String(expected)}`);
    return;
  }
  assert.equal(Array.isArray(actual), Array.isArray(expected), `${path}: array or object`);
  assert.equal(Object.getPrototypeOf(actual), Object.getPrototypeOf(expected), `${path}: prototype`);
  assert.deepEqual(Object.keys(actual), Object.keys(expected), `${path}: keys in order`);
  for (const key of Object.keys(expected)) same(actual[key], expected[key], `${path}.${key}`);
}

const check = (text) => {
  const { value, steps } = sliced(text);
  same(value, JSON.parse(text));
  return steps;
};

/** A small deterministic generator (mulberry32): the same documents every run. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tricky = ['', 'a"b', 'back\\slash\\', '\\"', 'ümlaut ß €', '😀 astral', '\u2028\u2029', 'tab\tnew\nline', '{[,:]}', '\\'];

function generate(rnd, depth) {
  const r = rnd();
  if (depth > 4 || r < 0.35) {
    const k = Math.floor(rnd() * 8);
    if (k === 0) return null;
    if (k === 1) return rnd() < 0.5;
    if (k === 2) return Math.floor(rnd() * 1e6) - 5e5;
    if (k === 3) return (rnd() - 0.5) * 1e-7;
    if (k === 4) return tricky[Math.floor(rnd() * tricky.length)];
    return `text ${Math.floor(rnd() * 1e9)}`;
  }
  const n = Math.floor(rnd() * 12);
  if (r < 0.65) return Array.from({ length: n }, () => generate(rnd, depth + 1));
  const o = {};
  for (let i = 0; i < n; i++) o[rnd() < 0.1 ? String(Math.floor(rnd() * 50)) : `k${Math.floor(rnd() * 300)}`] = generate(rnd, depth + 1);
  return o;
}

/** A document of 400 random members at the top (an array or an object): about a megabyte. */
function document(seed) {
  const rnd = random(seed);
  const members = Array.from({ length: 400 }, () => generate(rnd, 1));
  if (seed % 2) return members;
  return Object.fromEntries(members.map((m, i) => [rnd() < 0.1 ? String(i) : `k${i}`, m]));
}

test('generated documents of several hundred KB parse to exactly what JSON.parse gives, in many steps', () => {
  for (let seed = 1; seed <= 8; seed++) {
    const text = JSON.stringify(document(seed), null, seed % 3 ? undefined : 2);
    assert.ok(text.length > 3 * 65536, `seed ${seed}: ${text.length} characters`);
    assert.ok(check(text) > 3, `seed ${seed}: taken apart in steps`);
  }
});

test('a feed like the youth budget (100,000 ballots) parses in steps of at most about 64 KB each', () => {
  const ballots = Array.from({ length: 100_000 }, (_, i) => [`p${i % 997}`, `p${(i * 7) % 991}`]);
  const text = JSON.stringify({ title: 'Jugendbudget', projects: [{ id: 'p1', cost: 1500.5 }], ballots });
  const steps = check(text);
  assert.ok(steps >= text.length / 65536, `${steps} steps for ${text.length} characters`);
});

test('duplicate keys (last wins, first place), __proto__ as own data, integer keys, unicode escapes', () => {
  const filler = `"pad":"${'x'.repeat(70_000)}"`;
  const inner = `{"b":1,"a":2,"b":3,"__proto__":{"polluted":true},"2":"two","1":"one"}`;
  const big = `[${Array.from({ length: 3000 }, () => inner).join(',')}]`;
  const text = `{"z":${big},${filler},"a":"\\u00fc\\ud83d\\ude00\\n","z":{"again":${big}},"__proto__":${big},"10":0,"9":1}`;
  check(text);
  const { value } = sliced(text);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.equal(Object.hasOwn(value, '__proto__'), true);
  assert.equal({}.polluted, undefined);
  assert.deepEqual(Object.keys(value), ['9', '10', 'z', 'pad', 'a', '__proto__']);
});

test('deep nesting, big strings, arrays of arrays, white space and empty containers', () => {
  check(`${'['.repeat(5000)}${'1,'.repeat(40_000)}2${']'.repeat(5000)}`);
  check(`${'{"a":'.repeat(2000)}[${'"x",'.repeat(30_000)}"y"]${'}'.repeat(2000)}`);
  check(JSON.stringify(['a'.repeat(300_000), { s: 'ü\\"'.repeat(100_000) }]));
  check(JSON.stringify(Array.from({ length: 2000 }, (_, i) => Array.from({ length: 30 }, (_, j) => [i, j, []]))));
  check(` \r\n\t[ ${Array.from({ length: 20_000 }, (_, i) => ` { } , [ ] , "${i}" `).join(' ,\n\t')} ] \n `);
  check(JSON.stringify({ list: Array.from({ length: 50_000 }, (_, i) => (i % 2 ? -0.5e-3 : 1e21 + i)) }));
});

test('invalid documents fail like JSON.parse: at the end, in the middle, trailing commas, stray text', () => {
  const good = JSON.stringify({ ballots: Array.from({ length: 30_000 }, (_, i) => [`p${i}`]) });
  const bad = [
    good.slice(0, -1),
    `${good}}`,
    `${good} x`,
    good.replace('["p20000"]', '["p20000",]'),
    good.replace('["p20000"]', '["p20000"],'),
    good.replace('["p20000"]', '[p20000]'),
    good.replace('["p20000"]', '["p20000"}'),
    good.replace(']]', '],]'),
    good.replace('{"ballots"', '{ballots'),
    good.replace('{"ballots":', '{"ballots" '),
    good.replace('"p29999"', '"p29999\n"'),
    good.replace('"p15000"', '"p15000'),
    `\uFEFF${good}`,
    good.replace('"p1"', '"p1"\u00a0'),
  ];
  for (const text of bad) {
    assert.throws(() => JSON.parse(text), SyntaxError, 'the test document is invalid');
    assert.throws(() => sliced(text), SyntaxError, text.slice(0, 40));
  }
});

test('small documents go to JSON.parse whole (one step) and the async form gives the value', async () => {
  assert.equal(check('{"a":[1,2,3]}'), 0);
  assert.equal(check('"only a string"'), 0);
  const text = JSON.stringify({ ideas: Array.from({ length: 10_000 }, (_, i) => ({ id: i, title: `Idee ${i}` })) });
  same(await parseJsonSliced(text, { sliceMs: 1 }), JSON.parse(text));
});
