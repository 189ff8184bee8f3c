// Big bodies are decoded in steps (core/decode-slices.ts): the text must equal one TextDecoder
// call, also where a step ends inside a character, and the old fallbacks must still apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSliced } from '../../src/core/decode-slices.js';
import { decodeBody } from '../../src/core/request.js';

const text = '\uFEFFMETA\nkey;value\nname;Jugendbudget Größe ä ö ü ß € 😀 𝄞 – Łódź\n'.repeat(50);
const bytes = new TextEncoder().encode(text).buffer;

test('steps of 1–13 bytes split characters of 2, 3 and 4 bytes and give the same text as one call', async () => {
  const whole = new TextDecoder().decode(bytes);
  assert.ok(whole.startsWith('META'), 'the byte order mark is dropped, as by one call');
  for (let step = 1; step <= 13; step++) assert.equal(await decodeSliced(bytes, 'text/plain', step), whole, `step ${step}`);
  assert.equal(await decodeSliced(bytes, 'text/plain; charset=utf-8', 5), whole);
});

test('bytes that are not UTF-8 (Excel saving CSV as Windows-1252) read as Windows-1252, as before', async () => {
  const latin = new Uint8Array([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x3b, 0x80, 0x0a]).buffer; // "Größe;€\n"
  // (Node decodes 0x80 as U+0080 where browsers write €: compare with decodeBody here.)
  const read = await decodeSliced(latin, 'text/csv', 3);
  assert.ok(read.startsWith('Größe;'), read);
  assert.equal(read, decodeBody(latin, 'text/csv'));
});

test('a declared charset other than UTF-8 is honoured', async () => {
  const latin = new Uint8Array([0x47, 0x72, 0xf6, 0xdf, 0x65]).buffer;
  assert.equal(await decodeSliced(latin, 'text/csv; charset=ISO-8859-1', 2), 'Größe');
});

test('the page gets turns while a big body is decoded', async () => {
  let turns = 0;
  const timer = setInterval(() => turns++, 0);
  const big = new TextEncoder().encode('x'.repeat(1 << 16)).buffer;
  await decodeSliced(big, '', 1 << 10);
  clearInterval(timer);
  assert.ok(turns > 0, `other tasks ran in between (${turns})`);
});
