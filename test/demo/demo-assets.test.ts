import { expect } from '@open-wc/testing';

/**
 * The demo's own assets and texts, as the s4 screenshots showed them: a logo's lettering inside its
 * ring, English dates in the order the widgets write them ("July 1, 2025"), German per-cent amounts
 * that never break between the number and "%".
 */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

async function text(path: string): Promise<string> {
  const res = await fetch(path);
  expect(res.ok, `${path} served`).to.equal(true);
  return res.text();
}

describe('demo assets and data', () => {
  it('soziokultur.svg: "Bundesverband" and "Soziokultur" stay inside the white ring', async () => {
    const holder = document.createElement('div');
    // Parsed as XML, not HTML: the file is the demo's own, but no markup string goes through innerHTML.
    const svg = new DOMParser().parseFromString(await text('/demo/assets/logos/soziokultur.svg'), 'image/svg+xml').documentElement;
    holder.append(document.importNode(svg, true));
    document.body.append(holder);
    try {
      const root = holder.querySelector('svg')!;
      const ring = [...root.querySelectorAll('circle')].find((c) => c.getAttribute('stroke'))!;
      const inner = Number(ring.getAttribute('r')) - Number(ring.getAttribute('stroke-width')) / 2;
      const cx = Number(ring.getAttribute('cx'));
      const cy = Number(ring.getAttribute('cy'));
      const words = [...root.querySelectorAll('text')];
      expect(words.map((t) => t.textContent)).to.deep.equal(['Bundesverband', 'Soziokultur']);
      for (const t of words) {
        const b = t.getBBox();
        const corners = [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x, b.y + b.height],
          [b.x + b.width, b.y + b.height],
        ];
        const far = Math.max(...corners.map(([x, y]) => Math.hypot(x - cx, y - cy)));
        expect(far <= inner, `"${t.textContent}" reaches ${far.toFixed(1)} from the centre, the ring starts at ${inner}`).to.equal(true);
      }
    } finally {
      holder.remove();
    }
  });

  it('English demo texts write dates as the widgets do: "December 12, 2024", not "12 December 2024"', async () => {
    for (const path of [
      '/demo/data/en/jugendbudget.json',
      '/demo/data/en/ideas.json',
      '/demo/data/en/benches.json',
      '/demo/data/en/ehrenamt.json',
    ]) {
      const british = (await text(path)).match(new RegExp(`\\b\\d{1,2} (${MONTHS})\\b`, 'g')) ?? [];
      expect(british.join(', '), path).to.equal('');
    }
    expect(await text('/demo/data/en/jugendbudget.json')).to.contain('December 12, 2024');
  });

  it('German per-cent amounts in the card\'s demo data keep "10 %" together with a no-break space', async () => {
    for (const path of ['/demo/data/ehrenamt.json', '/demo/data/ehrenamt-partner.csv']) {
      const body = await text(path);
      const breakable = body.match(/\d[ ]%/g) ?? [];
      expect(breakable.length, `${path}: "N %" with a normal space`).to.equal(0);
    }
    expect(await text('/demo/data/ehrenamt.json')).to.contain('10\u00a0% auf den Arbeitslohn');
  });
});
