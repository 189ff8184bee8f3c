// The caching story (docs/self-hosting.md, the .htaccess the release and the plugin ship): every
// chunk of the build carries its content hash in a name the "immutable" rule matches, and the
// loader, which keeps its name across releases, does not. Needs the build (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const htaccess = readFileSync(new URL('../../scripts/widgets.htaccess', import.meta.url), 'utf8');
const docs = readFileSync(new URL('../../docs/self-hosting.md', import.meta.url), 'utf8');
const immutable = (text) => new RegExp([...text.matchAll(/<FilesMatch "([^"]+)">\s*Header set Cache-Control "[^"]*immutable/g)][0][1]);

test('the .htaccess keeps every built chunk for a year and the loader only briefly', () => {
  const rule = immutable(htaccess);
  const chunks = readdirSync(new URL('../../dist/chunks/', import.meta.url)).filter((f) => f.endsWith('.js'));
  assert.ok(chunks.length > 10, 'built chunks in dist/chunks');
  for (const f of chunks) assert.match(f, rule, `${f} is cached as immutable`);
  assert.doesNotMatch('stadttraum.js', rule);
});

test('docs/self-hosting.md shows the same rule as the shipped .htaccess', () => {
  assert.equal(String(immutable(docs)), String(immutable(htaccess)));
});
