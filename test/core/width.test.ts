import { expect } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { WidthController } from '../../src/core/width-controller.js';
import { fixture, html as tpl } from '../helpers.js';

/**
 * The WidthController sets `narrow` (below 20em here) and re-renders the widget when that flips,
 * the only thing widgets draw from their width. A resize that leaves `narrow` as it was (the
 * observer's first callback, a widget growing taller as it draws its later parts) costs no render.
 */
class WidthProbe extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  renders = 0;
  rows = 1;
  readonly width = new WidthController(this, 20);
  override render() {
    this.renders++;
    const lines = Array.from({ length: this.rows }, (_, i) => html`<p>Zeile ${i + 1}</p>`);
    return html`<p class="layout">${this.hasAttribute('narrow') ? 'schmal' : 'breit'}</p>
      ${lines}`;
  }
}
customElements.define('st-width-probe', WidthProbe);

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};
const layoutText = (el: WidthProbe) => el.shadowRoot!.querySelector('.layout')!.textContent;
/** A probe in a 600 px column, settled: first render and the observer's first callback done. */
const mount = async () => {
  const column = await fixture<HTMLDivElement>(tpl`<div style="width: 600px; font-size: 16px"></div>`);
  const el = document.createElement('st-width-probe') as WidthProbe;
  column.append(el);
  await el.updateComplete;
  await frames(3);
  return { column, el };
};

describe('WidthController', () => {
  it('a wide widget renders once: no re-render from the observer’s first callback or from growing taller', async () => {
    const { el } = await mount();
    expect(el.hasAttribute('narrow')).to.equal(false);
    expect(layoutText(el)).to.equal('breit');
    expect(el.renders).to.equal(1);
    // Taller, same width (as a wall drawing its later cards): only the render that asked for it.
    el.rows = 20;
    el.requestUpdate();
    await el.updateComplete;
    await frames(3);
    expect(el.renders).to.equal(2);
  });

  it('re-renders when the width crosses the threshold, each way, and draws the layout for it', async () => {
    const { column, el } = await mount();
    const before = el.renders;
    /** Sets the column's width and reports what the widget draws once it has settled. */
    const resize = async (width: string) => {
      column.style.width = width;
      await frames(3);
      await el.updateComplete;
      return { narrow: el.hasAttribute('narrow'), text: layoutText(el), renders: el.renders - before };
    };
    expect(await resize('200px')).to.deep.equal({ narrow: true, text: 'schmal', renders: 1 });
    // Narrower still: `narrow` stays, no render.
    expect(await resize('180px')).to.deep.equal({ narrow: true, text: 'schmal', renders: 1 });
    expect(await resize('600px')).to.deep.equal({ narrow: false, text: 'breit', renders: 2 });
  });

  it('a phone-width widget is narrow from its first render', async () => {
    const column = await fixture<HTMLDivElement>(tpl`<div style="width: 300px; font-size: 16px"></div>`);
    const el = document.createElement('st-width-probe') as WidthProbe;
    column.append(el);
    await el.updateComplete;
    expect(layoutText(el)).to.equal('schmal');
    await frames(3);
    expect(el.renders).to.equal(1);
  });
});
