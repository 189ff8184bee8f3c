// The idea wall's fast path for plain ideas (src/idea-wall/idea-wall.plain.ts) against the idea
// schema it stands in for: where it answers, its output is the schema's; where the schema finds
// fault, it does not answer (so every message about bad data stays valibot's own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { plainIdea } from '../../src/idea-wall/idea-wall.plain.js';
import { IdeaSchema } from '../../src/idea-wall/idea-wall.schema.js';
import { ideas as generated } from '../../bench/generate.mjs';

const demo = JSON.parse(readFileSync(new URL('../../demo/data/ideas.json', import.meta.url), 'utf8')).ideas;
const long = 'x'.repeat(20005);
const base = { id: 'a', title: 'Bank am Markt' };
/** Items with every plain field, odd but valid values, and invalid ones (as a feed may have them). */
const variants = [
  base,
  { ...base, id: 7 },
  { ...base, id: '  b  ', title: '  Mit Leerraum  ', description: '  bleibt  ' },
  { ...base, title: long, reference: long, description: long },
  { ...base, reference: '', author: '   ', group: 'Verein', status: 'done', statusReason: 'x', nextSteps: 'y', responsible: 'z' },
  { ...base, created: '2024-01-02', due: ' 2025-03-04 ' },
  { ...base, category: 3, tags: ['a', ' b ', ''], supporters: 0, readOnly: false, progress: 100 },
  { ...base, category: 'mobil', supporters: 12, progress: 0, timeline: [{ text: 'Schritt' }, 'kaputt'] },
  { ...base, unknownField: { deep: true } },
  // Not plain: the schema decides.
  { ...base, answer: { text: 'Antwort' } },
  { ...base, image: { src: 'bild.jpg' } },
  { ...base, location: { lat: 1, lng: 2 } },
  // Invalid: the schema's messages.
  {},
  { id: 'a' },
  { title: 'ohne id' },
  { ...base, id: '   ' },
  { ...base, id: NaN },
  { ...base, id: null },
  { ...base, title: '   ' },
  { ...base, title: 5 },
  { ...base, description: null },
  { ...base, category: NaN },
  { ...base, category: true },
  { ...base, tags: 'a' },
  { ...base, tags: ['a', 1] },
  { ...base, supporters: -1 },
  { ...base, supporters: 1.5 },
  { ...base, supporters: '3' },
  { ...base, readOnly: 'yes' },
  { ...base, progress: 101 },
  { ...base, progress: -0.5 },
  { ...base, timeline: {} },
  { ...base, status: 3 },
  { ...base, created: null },
  { ...base, status: undefined },
  [base],
  'idee',
  null,
];

test('plain ideas: the fast path gives exactly the schema output, and never answers for an item the schema rejects', () => {
  let fast = 0;
  for (const item of [...demo, ...generated(300).ideas, ...variants]) {
    const schema = v.safeParse(IdeaSchema, item);
    const plain = plainIdea(item);
    if (!schema.success) assert.equal(plain, undefined, `fast path accepted an invalid item: ${JSON.stringify(item)?.slice(0, 80)}`);
    else if (plain) {
      fast++;
      // Keys the schema leaves out and keys it sets to undefined read the same for the wall.
      const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
      assert.deepEqual(defined(plain), defined(schema.output), JSON.stringify(item).slice(0, 80));
    }
  }
  // The generated 1,000-idea bench feed's kind of items all take the fast path.
  assert.ok(
    generated(300).ideas.every((i) => plainIdea(i)),
    'generated plain ideas take the fast path',
  );
  assert.ok(fast > 300, `fast path taken ${fast} times`);
});
