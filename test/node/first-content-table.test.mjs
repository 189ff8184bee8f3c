// The first-content table of `npm run bench` (bench/first-content.mjs, issue 18): its "least Lit
// widget" columns compare our widget with the floor of our stack run by run, and each number
// lands under its own heading. No browser: the rows come from made-up samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstContentMarkdown, firstRow } from '../../bench/first-content.mjs';

const pages = ['widget', 'static', 'floor', 'hints', 'embed', 'chain', 'lit', 'litchain'];
/** Samples per page, one value per run (first content in ms). */
const samples = (runs) =>
  Object.fromEntries(pages.map((v) => [v, runs.map((r) => ({ first: r[v] ?? 100, code: 10, defined: 20, feed: 30 }))]));
// Three runs whose pages swing differently (the load of a shared machine): run by run the widget
// took 2×, 3× and 1.25× its Lit page (median 2×), while its median over its median is 250 ÷ 100.
const runs = [
  { widget: 200, lit: 100, litchain: 160, static: 80 },
  { widget: 300, lit: 100, litchain: 150, static: 100 },
  { widget: 250, lit: 200, litchain: 250, static: 125 },
];
const words = { words: 3, staticWords: 3, onlyWidget: [], onlyStatic: [] };
const text = { first: words, complete: words, litFirst: words, litComplete: { ...words, onlyStatic: ['Partner'] } };

test('widget ÷ Lit widget is taken run by run, not as a ratio of medians', () => {
  const row = firstRow('idea-wall', 'normal', samples(runs), text);
  assert.equal(row.oursLit.median, 2);
  assert.equal(row.oursLit.q1, 1.625);
  assert.equal(row.oursLit.q3, 2.5);
  assert.equal(row.oursLitchain.median, 1.25); // 1.25, 2, 1 (medians: 250 ÷ 160)
  assert.equal(row.litRatio.median, 1.25); // 1.25, 1, 1.6 (medians: 100 ÷ 100)
  assert.equal(row.lit.median, 100);
  assert.equal(row.litchain.median, 160);
});

test('the Lit widget columns stand under their own headings, and the word check names the Lit page', () => {
  const md = firstContentMarkdown([firstRow('idea-wall', 'normal', samples(runs), text)]);
  const rows = md.split('\n').filter((l) => l.startsWith('|'));
  const cells = (l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, ''));
  const [head, , row] = rows.map(cells);
  assert.equal(row.length, head.length, 'as many cells as headings');
  const at = (heading) => row[head.indexOf(heading)];
  assert.equal(at('least Lit widget (one module: lit, fetch, templates)'), '100 ms (100–150)');
  assert.match(at('Lit ÷ static'), /^1\.25× \(/);
  assert.equal(at('widget ÷ Lit widget'), '2.00× (1.63–2.50)');
  assert.equal(at('Lit widget via a loader'), '160 ms (155–205)');
  assert.equal(at('via loader ÷ static'), '2.00× (1.75–2.00)');
  assert.match(at('widget ÷ Lit via loader'), /^1\.25× \(/);
  assert.match(md, /least Lit widget against the same static page[^\n]*`<idea-wall>` first 3 \/ 3 words[^\n]*only static 1 \(Partner\)/);
});
