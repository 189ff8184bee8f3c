// The geolocation controller and the one distance function, on a tiny host element.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define } from '../../src/core/define.js';
import { distance, nearest } from '../../src/map/geo.js';
import { GeolocationController } from '../../src/map/geolocation.js';
import type { MapPosition } from '../../src/map/types.js';

class GeoHost extends LitElement {
  located: MapPosition[] = [];
  readonly geo = new GeolocationController(this, (p) => this.located.push(p));
}
define('test-geo-host', GeoHost);

let asked = 0;
function answer(respond: (ok: PositionCallback, fail: PositionErrorCallback) => void): void {
  asked = 0;
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => (asked++, respond(ok, fail)) },
  });
}
const at = (latitude: number, longitude: number) => ({ coords: { latitude, longitude } }) as GeolocationPosition;

describe('GeolocationController', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'geolocation');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'geolocation', original);
    else delete (navigator as { geolocation?: unknown }).geolocation;
  });

  it('asks nothing until locate(); then has the position as lat/lon and tells the host first', async () => {
    answer((ok) => ok(at(51.72, 11.24)));
    const el = await fixture<GeoHost>(html`<test-geo-host></test-geo-host>`);
    expect([asked, el.geo.status]).to.deep.equal([0, 'idle']);
    const position = await el.geo.locate();
    expect(position).to.deep.equal({ lat: 51.72, lon: 11.24 });
    expect([asked, el.geo.status]).to.deep.equal([1, 'located']);
    expect(el.located).to.deep.equal([{ lat: 51.72, lon: 11.24 }]);
  });

  it('asks once while a question is open', async () => {
    let respond!: () => void;
    answer((ok) => (respond = () => ok(at(50, 8))));
    const el = await fixture<GeoHost>(html`<test-geo-host></test-geo-host>`);
    const first = el.geo.locate();
    const second = el.geo.locate();
    expect([asked, el.geo.status]).to.deep.equal([1, 'locating']);
    respond();
    expect(await first).to.deep.equal(await second);
    answer((ok) => ok(at(51, 9)));
    expect(await el.geo.locate()).to.deep.equal({ lat: 51, lon: 9 });
    expect(asked).to.equal(1);
  });

  for (const [code, status] of [
    [1, 'denied'],
    [2, 'unavailable'],
    [3, 'timeout'],
  ] as const) {
    it(`says "${status}" for error ${code} and keeps no position`, async () => {
      answer((_ok, fail) => fail({ code } as GeolocationPositionError));
      const el = await fixture<GeoHost>(html`<test-geo-host></test-geo-host>`);
      expect(await el.geo.locate()).to.equal(undefined);
      expect([el.geo.status, el.geo.position, el.located.length]).to.deep.equal([status, undefined, 0]);
    });
  }

  it('says "unsupported" without geolocation', async () => {
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
    const el = await fixture<GeoHost>(html`<test-geo-host></test-geo-host>`);
    expect(await el.geo.locate()).to.equal(undefined);
    expect(el.geo.status).to.equal('unsupported');
  });
});

describe('distance and nearest', () => {
  it('measures great-circle metres (one degree of latitude ≈ 111.2 km) and picks the nearest point', () => {
    const quedlinburg = { lat: 51.7899, lon: 11.1414 };
    const thale = { lat: 51.7493, lon: 11.0417 };
    expect(Math.round(distance({ lat: 0, lon: 0 }, { lat: 1, lon: 0 }))).to.equal(111195);
    expect(Math.round(distance({ lat: 0, lon: 0 }, { lat: 0, lon: -1 }))).to.equal(111195);
    const points = [
      { id: 'a', label: 'Thale', ...thale },
      { id: 'b', label: 'Quedlinburg', ...quedlinburg },
    ];
    expect(nearest(points, { lat: 51.78, lon: 11.13 })?.point.id).to.equal('b');
    expect(nearest([], quedlinburg)).to.equal(undefined);
  });
});
