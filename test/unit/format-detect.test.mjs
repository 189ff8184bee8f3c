// Format detection reuses the feed controller's parse: a big feed's text is not parsed a second time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeOf } from '../../src/core/format-detect.js';

const res = { contentType: 'application/json', url: 'https://example.org/feed.json', text: '{"type":"FeatureCollection","features":[]}' };

test('the probe takes the JSON the controller parsed (a raw key), even when that was no JSON at all', () => {
  const parsed = { type: 'FeatureCollection', features: [], from: 'controller' };
  assert.equal(probeOf({ ...res, raw: parsed }).json, parsed);
  // undefined under a raw key: the controller's parse failed, the text is not parsed again.
  assert.equal(probeOf({ ...res, raw: undefined }).json, undefined);
});

test('without a raw key (another caller) the probe parses the text itself, BOM and all', () => {
  assert.deepEqual(probeOf(res).json, { type: 'FeatureCollection', features: [] });
  assert.deepEqual(probeOf({ ...res, text: `\uFEFF${res.text}` }).json, { type: 'FeatureCollection', features: [] });
  assert.equal(probeOf({ ...res, text: 'name;lat;lng' }).json, undefined);
  assert.equal(probeOf(res).path, '/feed.json');
});
