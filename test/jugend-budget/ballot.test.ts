import { expect } from '@open-wc/testing';
import {
  ballotState,
  checkBallot,
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode,
  newCode,
  normalizeCode,
  type BallotProject,
  type BallotRules,
} from '../../src/jugend-budget/jugend-budget.ballot.js';
import { ballotWords, blockWords } from '../../src/jugend-budget/jugend-budget.ballot-words.js';

interface Case {
  name: string;
  rules: BallotRules;
  chosen: unknown;
  castable: boolean;
  problems: string[];
  total?: number;
  left?: number;
  minTotal?: number;
  blocked?: Record<string, string>;
}
interface Cases {
  projects: BallotProject[];
  cases: Case[];
  codes: { typed: string; code: string | null }[];
}
// The same table the demo server's and the WordPress plugin's tests read.
const table: Cases = await (await fetch('/test/jugend-budget/ballot-cases.json')).json();

describe('ballot rules (shared case table)', () => {
  for (const c of table.cases) {
    it(c.name, () => {
      const checked = checkBallot(c.rules, table.projects, c.chosen);
      expect(checked.ok, 'castable').to.equal(c.castable);
      if (!checked.ok) expect(checked.problem).to.equal(c.problems[0]);
      if (!Array.isArray(c.chosen)) return;
      const s = ballotState(c.rules, table.projects, c.chosen as string[]);
      expect(s.problems).to.deep.equal(c.problems);
      expect(s.castable).to.equal(c.castable);
      if (c.total !== undefined) expect(s.total).to.equal(c.total);
      if (c.left !== undefined) expect(s.left).to.equal(c.left);
      if (c.minTotal !== undefined) expect(s.minTotal).to.equal(c.minTotal);
      if (c.blocked) expect(Object.fromEntries(s.blocked)).to.deep.equal(c.blocked);
    });
  }
});

describe('voting codes', () => {
  for (const c of table.codes) {
    it(`“${c.typed}” → ${c.code ?? 'not a code'}`, () => {
      expect(normalizeCode(c.typed) ?? null).to.equal(c.code);
    });
  }

  it('generated codes use only the alphabet, which has no look-alike pairs, and read back unchanged', () => {
    let seed = 7;
    const random = (below: number) => (seed = (seed * 48271) % 2147483647) % below;
    for (let i = 0; i < 200; i++) {
      const code = newCode(random);
      expect(code.length).to.equal(CODE_LENGTH);
      expect(normalizeCode(formatCode(code))).to.equal(code);
      expect(normalizeCode(formatCode(code).toLowerCase())).to.equal(code);
    }
    for (const [a, b] of [
      ['0', 'O'],
      ['1', 'I'],
      ['1', 'L'],
      ['5', 'S'],
      ['2', 'Z'],
      ['8', 'B'],
      ['6', 'G'],
      ['U', 'V'],
    ]) {
      expect(CODE_ALPHABET.includes(a) && CODE_ALPHABET.includes(b), `${a}/${b}`).to.equal(false);
    }
  });
});

describe('ballot in words', () => {
  const projects = table.projects;
  const money = (n: number) => `${n} €`;
  const words = (lang: 'de' | 'en', rules: BallotRules, chosen: string[]) => {
    const s = ballotState(rules, projects, chosen);
    return { s, w: ballotWords(lang, rules, s, money, projects.length - s.count) };
  };

  it('says the total against the budget, how many are chosen and how many still fit (singular and plural)', () => {
    const { w } = words('de', { budget: 10000 }, ['rampe', 'buehne']);
    expect(w.total).to.equal('9000 € von 10000 € ausgewählt, noch 1000 € übrig.');
    expect(w.hints).to.deep.equal([
      '2 Projekte gewählt.',
      '3 weitere Projekte passen noch ins Budget.',
      'Dein Stimmzettel ist gültig. Du kannst ihn abgeben.',
    ]);
    const one = words('en', { budget: 10000, maxProjects: 2 }, ['bank']).w;
    expect(one.hints).to.deep.equal([
      '1 project chosen.',
      'You can choose 1 more project.',
      '5 more projects still fit the budget.',
      'Your ballot is valid. You can cast it.',
    ]);
  });

  it('says what is missing: the minimum count and the minimum share with the amount to go', () => {
    const { w } = words('de', { budget: 10000, minProjects: 3, minShare: 0.7 }, ['bank']);
    expect(w.hints).to.include('Wähle noch mindestens 2 Projekte.');
    expect(w.hints).to.include('Wähle Projekte für zusammen mindestens 7000 € – es fehlen noch 6000 €.');
    expect(w.hints.join(' ')).not.to.contain('gültig');
    expect(words('en', { budget: 10000 }, []).w.hints).to.deep.equal([
      'Choose the projects you want to support.',
      '6 more projects still fit the budget.',
    ]);
  });

  it('says when the limit is reached and when nothing fits any more', () => {
    expect(words('en', { budget: 10000, maxProjects: 1 }, ['bank']).w.hints).to.include('That is the limit: at most 1 project.');
    expect(words('de', { budget: 10000 }, ['rampe', 'buehne', 'bank']).w.hints).to.include('Kein weiteres Projekt passt mehr ins Budget.');
  });

  it('explains a blocked project: by how much it is over, or the count limit', () => {
    const rules = { budget: 10000 };
    const { s } = words('de', rules, ['rampe', 'buehne']);
    expect(blockWords('de', rules, s, s.blocked.get('graffiti')!, 1001, money)).to.equal(
      'Passt nicht mehr ins Budget: 1 € zu viel. Wähle ein anderes Projekt ab, um Platz zu machen.',
    );
    const max = { budget: 10000, maxProjects: 2 };
    const t = words('en', max, ['bank', 'ball']).s;
    expect(blockWords('en', max, t, t.blocked.get('rampe')!, 6000, money)).to.equal(
      'You already chose 2 projects, that is the limit. Unselect one to choose this one.',
    );
  });
});
