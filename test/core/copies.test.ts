/**
 * Two plugins on one page, each with its own copy of stadttraum: a second copy of the build from
 * another path (a separate module graph, not the same chunks under another URL) and a copy of
 * another version. Both loaders see the widget's tag at once and both load their own class, so
 * the second `define` really meets a taken tag: the guard must keep it quiet (same version) or warn
 * once (other version), and the widget works either way.
 */
import { expect } from '@open-wc/testing';

type CopyWindow = Window & typeof globalThis & { stadttraum?: { version?: string } };

async function until(check: () => unknown, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function pageWith(scripts: string[]) {
  const frame = document.createElement('iframe');
  frame.src = '/test/copies/page.html';
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow as CopyWindow;
  const seen: string[] = [];
  win.console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  win.console.error = (...args: unknown[]) => seen.push(`error: ${args.map(String).join(' ')}`);
  win.addEventListener('error', (e) => seen.push(`error: ${e.message}`));
  win.addEventListener('unhandledrejection', (e) => seen.push(`error: ${String(e.reason)}`));
  for (const src of scripts) {
    const s = win.document.createElement('script');
    s.type = 'module';
    s.src = src;
    const loaded = new Promise(
      (r, reject) => (s.addEventListener('load', r), s.addEventListener('error', () => reject(new Error(`${src} did not load`)))),
    );
    win.document.head.append(s);
    await loaded;
  }
  // The tag appears after both loaders run (as in a CMS tab): both observers see it in one go.
  win.document.body.insertAdjacentHTML('beforeend', '<partner-logos eager src="/demo/data/partners.json"></partner-logos>');
  const widget = win.document.querySelector('partner-logos')!;
  await until(
    () =>
      win.customElements.get('partner-logos') &&
      (widget.shadowRoot?.textContent ?? '').trim().length > 20 &&
      !widget.shadowRoot!.querySelector('[part="loading"]'),
    'the widget to render',
  );
  // Both copies' chunks have been asked for and evaluated: wait until both modules are in.
  await until(
    () => win.performance.getEntriesByType('resource').filter((e) => /partner-logos-[\w-]+\.js/.test(e.name)).length === 2,
    'both copies of the widget chunk',
  );
  // …and wait until both have run (a module imported again in the same document resolves once it has run).
  for (const entry of win.performance.getEntriesByType('resource').filter((e) => /partner-logos-[\w-]+\.js/.test(e.name))) {
    const s = win.document.createElement('script');
    s.type = 'module';
    s.textContent = `import(${JSON.stringify(entry.name)}).then(() => '', (e) => 'error: ' + e)
      .then((result) => document.dispatchEvent(new CustomEvent('copy-ran', { detail: result })));`;
    const ran = new Promise<string>((r) =>
      win.document.addEventListener('copy-ran', (e) => r((e as CustomEvent<string>).detail), { once: true }),
    );
    win.document.head.append(s);
    const result = await ran;
    if (result) seen.push(result);
  }
  return { frame, win, widget, seen };
}

describe('two copies of the build on one page', () => {
  it('a second copy from another path (same version) defines nothing twice: no warning, no error, the widget works', async () => {
    const { frame, win, widget, seen } = await pageWith(['/dist/stadttraum.js', '/copies/same/stadttraum.js']);
    try {
      expect(seen, seen.join(' | ')).to.deep.equal([]);
      expect(widget.shadowRoot!.querySelectorAll('li').length, 'logos shown').to.be.greaterThan(0);
      expect(win.stadttraum?.version).to.equal('0.1.0');
    } finally {
      frame.remove();
    }
  });

  it('a copy of another version: one warning naming both versions, no error, the widget works', async () => {
    const { frame, widget, seen } = await pageWith(['/dist/stadttraum.js', '/copies/v0.0.9/stadttraum.js']);
    try {
      const errors = seen.filter((s) => s.startsWith('error:'));
      expect(errors, errors.join(' | ')).to.deep.equal([]);
      const about = seen.filter((s) => s.includes('<partner-logos>'));
      expect(about, seen.join(' | ')).to.have.length(1);
      expect(about[0]).to.contain('0.0.9').and.contain('0.1.0');
      expect(widget.shadowRoot!.querySelectorAll('li').length, 'logos shown').to.be.greaterThan(0);
    } finally {
      frame.remove();
    }
  });
});
