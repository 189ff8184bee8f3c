import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { consent } from '../../src/core/consent.js';
import { captureWarnings, textOf } from '../helpers.js';
import { $, $$, FIXTURE, html, loadMap, mapView, markers, requested, stMap, tileUrl, until, widget } from './helpers.js';

afterEach(() => {
  consent().revoke('map');
  localStorage.clear();
});

describe('<mitfahrbank-map> feed and list', () => {
  it('shows benches with municipality and destinations in the list view', async () => {
    const el = await widget(html`<mitfahrbank-map eager view="list" src=${FIXTURE}></mitfahrbank-map>`);
    const items = $$(el, '[part="item"]');
    expect(items.length).to.equal(4);
    expect(items[0].textContent).to.contain('Harzstedt, Marktplatz');
    expect(items[0].textContent).to.contain('Quedlinburg · Ballenstedt');
    expect(textOf(el)).to.contain('4 Mitfahrbänke');
    expect(textOf(el)).to.contain('So fahren Sie mit');
    await expect(el).to.be.accessible();
  });
});
