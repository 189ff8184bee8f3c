import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { captureWarnings, markupOf, textOf } from '../helpers.js';
import { $, $$, clearStorage, stubFetch, titles, wall } from './helpers.js';

/** Answers the GraphQL POST with a fixture in the platform's shape. */
function platform(fixture: string) {
  const original = window.fetch;
  return stubFetch(async (call) =>
    call.init?.method === 'POST' ? original(`/test/idea-wall/fixtures/${fixture}`) : original(call.url, call.init),
  );
}

describe('idea-wall: adapters are lazy', () => {
  it('loads the adapter only when format asks for it', async () => {
    const el = await wall(html`<idea-wall eager .data=${{ ideas: [{ id: 'a', title: 'A' }] }}></idea-wall>`);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((n) => /adapters\/(decidim|consul)/.test(n))).to.be.false;
    expect(titles(el)).to.deep.equal(['A']);
  });
});

describe('idea-wall: Decidim adapter', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    clearStorage();
  });

  it('queries one component by POST and maps proposals, answers, states and results', async () => {
    stub = platform('decidim-proposals.json');
    const el = await wall(
      html`<idea-wall eager format="decidim" src="https://beteiligung.example/api?component=42&results=43" page-size="50"></idea-wall>`,
    );
    const post = stub.calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url).to.equal('https://beteiligung.example/api?component=42&results=43');
    const query = String(post.body!.query);
    expect(query).to.contain('component(id: "42")').and.contain('... on Proposals').and.contain('voteCount').and.contain('answeredAt');
    expect(query)
      .to.contain('component(id: "43")')
      .and.contain('... on Accountability')
      .and.contain('timelineEntries')
      .and.contain('progress');
    expect(titles(el).sort()).to.deep.equal([
      'Bürgerbus am Wochenende',
      'Das rollende Sofa',
      'Mitfahrbänke aufstellen',
      'Online-Ehrenamtsbörse',
      'Trinkbrunnen',
    ]);
    const status = (id: string) => $(el, `[data-id="${id}"] [part="status"]`)!.textContent!.trim();
    expect(status('1017')).to.contain('Geplant'); // accepted
    expect(status('1018')).to.contain('Nicht weiterverfolgt'); // rejected
    expect(status('1019')).to.contain('Zurückgezogen'); // withdrawn
    expect(status('1020')).to.contain('In pruefung beim landkreis'); // a custom state keeps its name
    expect(status('result-5')).to.contain('In Umsetzung');
    expect($(el, '[data-id="1017"] .chip')!.textContent).to.equal('Begegnung');
    expect(textOf(el)).to.contain('48 Unterstützungen');
    $<HTMLButtonElement>(el, '[data-id="1017"] .open')!.click();
    await el.updateComplete;
    const detail = $(el, 'dialog')!.textContent!;
    expect(detail).to.contain('Ein Sofa auf einem Anhänger.').and.contain('Jede Woche woanders & mit Kaffee.'); // HTML → text
    expect(detail).to.contain('Die Stadt stellt den Anhänger.').and.contain('Marktplatz 1, Harzstedt').and.contain('HZ-PROP-2024-10-1017');
    expect(detail).not.to.contain('<p>');
    $<HTMLDialogElement>(el, 'dialog')!.close();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-id="result-5"] .open')!.click();
    await el.updateComplete;
    expect($(el, 'dialog')!.textContent).to.contain('65 % umgesetzt').and.contain('Vier Bänke stehen');
    await expect(el).to.be.accessible();
  });

  it('offers the next page through the cursor', async () => {
    stub = platform('decidim-proposals.json');
    const el = await wall(html`<idea-wall eager format="decidim" src="https://beteiligung.example/api?component=42"></idea-wall>`);
    expect($(el, '[part="more"]')!.textContent).to.contain('Weitere Ideen vom Server laden');
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    const posts = stub.calls.filter((c) => c.init?.method === 'POST');
    expect(posts).to.have.length(2);
    expect(posts[1].url).to.contain('after=MTAw');
    expect(String(posts[1].body!.query)).to.contain('after: "MTAw"');
  });

  it('explains a missing component id', async () => {
    stub = platform('decidim-proposals.json');
    await captureWarnings(async () => {
      const el = await wall(html`<idea-wall eager format="decidim" src="https://beteiligung.example/api"></idea-wall>`);
      expect($(el, '[part="error"]')!.textContent).to.contain('component=');
    });
  });

  it('shows GraphQL errors as a feed error', async () => {
    stub = stubFetch(
      async () =>
        new Response(JSON.stringify({ errors: [{ message: "Field 'category' doesn't exist on type 'Proposal'" }] }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    await captureWarnings(async () => {
      const el = await wall(html`<idea-wall eager format="decidim" src="https://beteiligung.example/api?component=42"></idea-wall>`);
      expect($(el, '[part="error"]')!.textContent).to.contain("Field 'category' doesn't exist");
    });
  });
});

describe('idea-wall: CONSUL adapter', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    clearStorage();
  });

  it('maps proposals, supports and retirement reasons', async () => {
    stub = platform('consul-proposals.json');
    const el = await wall(html`<idea-wall eager format="consul" src="https://mitreden.example/graphql" sort="support"></idea-wall>`);
    const query = String(stub.calls.find((c) => c.init?.method === 'POST')!.body!.query);
    expect(query).to.contain('proposals(first: 25)').and.contain('cached_votes_up').and.contain('retired_reason');
    expect(titles(el)).to.deep.equal([
      'Mehr Bänke im Schlosspark',
      'Bücherzelle am Bahnhof',
      'Tempo 30 vor der Schule',
      'Seilbahn zum Brocken',
    ]);
    const status = (id: string) => $(el, `[data-id="${id}"] [part="status"]`)!.textContent!.trim();
    expect(status('301')).to.contain('Neu');
    expect(status('302')).to.contain('Umgesetzt'); // retired: done
    expect(status('303')).to.contain('Nicht weiterverfolgt'); // retired: unfeasible
    expect(status('304')).to.contain('In Umsetzung'); // camelCase answer, retired: started
    expect(textOf(el)).to.contain('57 Unterstützungen');
    expect(markupOf($(el, '[part="more"]'))).to.equal(null); // hasNextPage false
    $<HTMLButtonElement>(el, '[data-id="303"] .open')!.click();
    await el.updateComplete;
    expect($(el, 'dialog')!.textContent).to.contain('Naturschutzgebiet.');
    $<HTMLDialogElement>(el, 'dialog')!.close();
    $<HTMLButtonElement>(el, '[data-id="301"] .open')!.click();
    await el.updateComplete;
    const detail = $(el, 'dialog')!.textContent!;
    expect(detail)
      .to.contain('Zum Ausruhen.')
      .and.contain('Ältere Menschen brauchen Pausen.')
      .and.contain('harzfreundin')
      .and.contain('Senioren, Park')
      .and.contain('Altstadt');
    expect($$(el, '.card')).to.have.length(4);
    await expect(el).to.be.accessible();
  });
});
