/**
 * When a widget's code cannot be loaded (a chunk missing after a partial upload, a blocked
 * request), the loader's console line is in the page's language and the tag's own content stays.
 * The chunk's import is replaced by a failing one, as a missing file would fail.
 */
import { expect } from '@open-wc/testing';
import { widgets } from '../../src/widgets.js';

const failing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
(widgets as Record<string, () => Promise<unknown>>)['partner-logos'] = failing;

/** Adds `<partner-logos>` with fallback content to the page and returns the loader's warning. */
async function addTag(): Promise<{ line: string; tag: HTMLElement }> {
  const original = console.warn;
  let line = '';
  const warned = new Promise<void>((resolve) => {
    console.warn = (...args: unknown[]) => {
      line = args.map(String).join(' ');
      resolve();
    };
  });
  const tag = document.createElement('partner-logos');
  tag.innerHTML = '<a href="/partner">Unsere Partner</a>';
  document.body.append(tag);
  try {
    await warned;
  } finally {
    console.warn = original;
  }
  return { line, tag };
}

describe('loader: a widget that cannot be loaded', () => {
  const lang = document.documentElement.lang;
  before(() => import('../../src/stadttraum.js'));
  after(() => {
    document.documentElement.lang = lang;
  });

  it('says so in English on an English page, and the tag keeps its content', async () => {
    document.documentElement.lang = 'en-GB';
    const { line, tag } = await addTag();
    expect(line).to.contain('[stadttraum] <partner-logos> not loaded (content stays)').and.contain('Failed to fetch');
    expect(line).not.to.contain('nicht geladen');
    expect(tag.textContent).to.equal('Unsere Partner');
    tag.remove();
  });

  it('says so in German on a German page (and tries again for a tag added later)', async () => {
    document.documentElement.lang = 'de';
    const { line, tag } = await addTag();
    expect(line).to.contain('[stadttraum] <partner-logos> nicht geladen (Inhalt bleibt)');
    expect(line).not.to.contain('not loaded');
    expect(tag.textContent).to.equal('Unsere Partner');
    tag.remove();
  });
});
