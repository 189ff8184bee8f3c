// The feed checker classifies the widgets' warnings by their code, never by their wording:
// every message is rewritten here, and every verdict (level, kind, line, column) stays the same.
import { expect } from '@open-wc/testing';
import { checkData, type Finding, type Loaded } from '../../src/checker/checks.js';
import { widgetOf } from '../../src/checker/widgets.js';

const FIX = '/test/checker/fixtures';

const benchesCsv = [
  'Name;Breitengrad;Längengrad;Ziele;Foto',
  'Markt;51,73;11,26;;https://example.org/markt.jpg',
  'Bahnhof;151,7;11,2;Thale;',
  'Schule;51,7;11,2;Thale|Quedlinburg;javascript:alert(1)',
  'Kirche;51,7;11,2;Thale;data:image/png;base64,AAAA',
].join('\n');

const ehrenamt = JSON.stringify({
  schemaVersion: 1,
  name: 'Ehrenamtskarte',
  tiers: [{ id: 'blau', name: 'Blaue Karte', colour: 'lila' }],
  partners: [
    { id: 'a', name: 'Bäckerei', phone: '0391 123; javascript:x', email: 'a@b.de?bcc=x@y.z', website: 'javascript:alert(1)' },
    { id: 'b', name: 'Freibad', website: 'ftp://example.org/', locations: [{ lat: 'Norden' }] },
    { id: 'c', name: '' },
  ],
});

const ideas = JSON.stringify({
  schemaVersion: 1,
  ideas: [
    {
      id: 'a',
      title: 'Sofa',
      status: 'neu',
      createdAt: '2024-10-18',
      category: 'gibt-es-nicht',
      image: { src: 'javascript:alert(1)', alt: 'x' },
    },
    { id: 'a', title: 'Sofa zwei', status: 'irgendwie', createdAt: '2024-10-18' },
  ],
});

const partners = JSON.stringify({
  schemaVersion: 1,
  groups: [
    {
      heading: 'Gefördert durch',
      partners: [
        { name: 'Landkreis', url: 'javascript:alert(1)', logo: { src: 'https://example.org/harz.svg', width: 120, height: 60 } },
        { name: 'Stiftung', logo: { src: 'javascript:alert(2)', width: 120, height: 60 } },
        { name: 'Verein', logo: { src: 'https://example.org/v.svg' } },
      ],
    },
    { heading: 'Leer', partners: [{ name: '' }] },
  ],
});

const cases: { tag: string; name: string; loaded: () => Promise<Loaded> }[] = [
  {
    tag: 'idea-wall',
    name: 'broken-ideas.csv',
    loaded: async () => ({ text: await (await fetch(`${FIX}/broken-ideas.csv`)).text(), kind: 'csv', needsFormat: false }),
  },
  { tag: 'partner-logos', name: 'a partner feed', loaded: async () => ({ text: partners, kind: 'json', needsFormat: false }) },
  { tag: 'mitfahrbank-map', name: 'a bench spreadsheet', loaded: async () => ({ text: benchesCsv, kind: 'csv', needsFormat: false }) },
  { tag: 'ehrenamt-card', name: 'a volunteer card feed', loaded: async () => ({ text: ehrenamt, kind: 'json', needsFormat: false }) },
  { tag: 'idea-wall', name: 'an idea feed', loaded: async () => ({ text: ideas, kind: 'json', needsFormat: false }) },
];

/** What the checker decides about each finding, without its wording. */
const verdicts = (findings: Finding[]) => findings.map((f) => `${f.level} ${f.code} ${f.where?.de ?? '-'} ${f.field ?? '-'}`).sort();

/** A rewrite of every message that keeps nothing of the original wording. */
const reword = (message: string) => `Anders gesagt (${message.length} Zeichen).`;

describe('feed checker: verdicts come from warning codes, not from wording', () => {
  for (const c of cases) {
    it(`${c.tag}, ${c.name}: every message reworded, the same verdicts`, async () => {
      const info = widgetOf(c.tag);
      const loaded = await c.loaded();
      const plain = await checkData(info, loaded, location.href);
      const reworded = await checkData(info, loaded, location.href, { reword });
      const fromWarnings = (f: Finding[]) => f.filter((x) => x.code === 'note' || x.code === 'unsafe-url');
      // the case holds warnings, and they really were reworded
      expect(fromWarnings(plain.findings).length, 'warnings in this case').to.be.greaterThan(0);
      expect(fromWarnings(reworded.findings).every((f) => f.text.de.startsWith('Anders gesagt'))).to.equal(true);
      expect(fromWarnings(plain.findings).some((f) => f.text.de.startsWith('Anders gesagt'))).to.equal(false);
      expect(verdicts(reworded.findings)).to.deep.equal(verdicts(plain.findings));
      expect([reworded.shown, reworded.offered, reworded.fatal]).to.deep.equal([plain.shown, plain.offered, plain.fatal]);
    });
  }

  it('an unsafe link is an error with its spreadsheet line, an empty cell a note with line and column', async () => {
    const loaded: Loaded = { text: benchesCsv, kind: 'csv', needsFormat: false };
    const f = await checkData(widgetOf('mitfahrbank-map'), loaded, location.href, { reword });
    const unsafe = f.findings.filter((x) => x.code === 'unsafe-url').map((x) => `${x.level} ${x.where?.de}`);
    expect(unsafe).to.deep.equal(['error Zeile 4', 'error Zeile 5']);
    expect(f.findings.some((x) => x.code === 'note' && x.where?.de === 'Zeile 2' && x.field === 'Ziele')).to.equal(true);
  });
});
