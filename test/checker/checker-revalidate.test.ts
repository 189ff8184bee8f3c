import { expect } from '@open-wc/testing';
import { fetchFeed, type Finding } from '../../src/checker/checks.js';

describe('feed checker: checking again after an edit', () => {
  it('reads the file as it is now, not a copy the browser cached (the server sends Last-Modified, no Cache-Control)', async () => {
    const key = `checker-${Math.random()}`;
    const set = (name: string, version: string) =>
      fetch(`/mock/xo/set?${new URLSearchParams({ key, name, version, validators: 'modified' })}`);
    await set('Vor der Korrektur', '1');
    const findings: Finding[] = [];
    const first = await fetchFeed(`/mock/xo/feed?key=${encodeURIComponent(key)}`, '', findings);
    expect(first!.text).to.contain('Vor der Korrektur');
    await set('Nach der Korrektur', '2');
    const again = await fetchFeed(`/mock/xo/feed?key=${encodeURIComponent(key)}`, '', findings);
    expect(again!.text).to.contain('Nach der Korrektur');
  });
});
