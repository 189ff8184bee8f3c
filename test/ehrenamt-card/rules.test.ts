import { expect } from '@open-wc/testing';
import type { FeedContext } from '../../src/core/feed-types.js';
import { evaluate, normalizeRule, openLeaves, questionsFor, type Answers, type Rule } from '../../src/ehrenamt-card/ehrenamt-card.rules.js';

const warnings: string[] = [];
const ctx: FeedContext = { baseUrl: location.href, lang: 'de', warn: (m) => warnings.push(m) };
const rule = (raw: unknown) => normalizeRule(raw, 'rule', ctx);
const answers = (a: Partial<Answers>): Answers => ({ flags: {}, ...a });

// The real programmes named in the issue, written as data.
const bavariaBlue = rule({
  type: 'all',
  of: [
    { type: 'age', min: 16 },
    {
      type: 'any',
      of: [
        {
          type: 'all',
          of: [
            {
              type: 'any',
              of: [
                { type: 'hoursPerWeek', min: 5 },
                { type: 'hoursPerYear', min: 250 },
              ],
            },
            { type: 'years', min: 2 },
          ],
        },
        { type: 'flag', id: 'juleica', question: 'Juleica' },
        { type: 'flag', id: 'rescue', question: 'Feuerwehr/Rettungsdienst mit Grundausbildung' },
        { type: 'flag', id: 'fsj', question: 'FSJ/FÖJ/BFD' },
      ],
    },
  ],
});
const bavariaGold = rule({
  type: 'any',
  of: [
    { type: 'years', min: 25 },
    { type: 'flag', id: 'honour', question: 'Ehrenzeichen' },
  ],
});
const nrw = rule({
  type: 'any',
  of: [
    { type: 'hoursPerWeek', min: 4 },
    { type: 'hoursPerYear', min: 200 },
  ],
});
const hessen = rule({
  type: 'all',
  of: [
    { type: 'hoursPerWeek', min: 5 },
    { type: 'text', text: 'Weitere Voraussetzungen legt der Landkreis fest.' },
  ],
});
const berlin = rule({
  type: 'all',
  of: [
    { type: 'hoursPerYear', min: 200 },
    { type: 'years', min: 1 },
  ],
});
const cap = rule({ type: 'allowance', max: 840 });

describe('eligibility rules', () => {
  beforeEach(() => (warnings.length = 0));

  it('Bavaria blue: hours for two years, or a Juleica card', () => {
    expect(evaluate(bavariaBlue, answers({ age: 17, hoursPerWeek: 6, hoursPerYear: 300, years: 3 })).state).to.equal('yes');
    expect(evaluate(bavariaBlue, answers({ age: 17, hoursPerWeek: 3, hoursPerYear: 150, years: 3 })).state).to.equal('no');
    expect(
      evaluate(bavariaBlue, answers({ age: 17, hoursPerWeek: 3, hoursPerYear: 150, years: 3, flags: { juleica: true } })).state,
    ).to.equal('yes');
    expect(evaluate(bavariaBlue, answers({ age: 15, flags: { juleica: true } })).state).to.equal('no');
  });

  it('reports by how much a number rule is missed', () => {
    const o = evaluate(bavariaBlue, answers({ age: 15, hoursPerWeek: 3, hoursPerYear: 150, years: 1 }));
    const age = o.children![0];
    expect(age).to.include({ state: 'no', value: 15, gap: 1 });
    const hours = o.children![1].children![0].children![0].children!;
    expect(hours.map((h) => h.gap)).to.deep.equal([2, 100]);
  });

  it('Bavaria gold, NRW and Berlin', () => {
    expect(evaluate(bavariaGold, answers({ years: 25 })).state).to.equal('yes');
    expect(evaluate(bavariaGold, answers({ years: 10, flags: { honour: true } })).state).to.equal('yes');
    expect(evaluate(bavariaGold, answers({ years: 10 })).state).to.equal('no');
    expect(evaluate(nrw, answers({ hoursPerWeek: 4, hoursPerYear: 200 })).state).to.equal('yes');
    expect(evaluate(nrw, answers({ hoursPerWeek: 3.5, hoursPerYear: 175 })).state).to.equal('no');
    expect(evaluate(berlin, answers({ hoursPerYear: 220, years: 0.5 })).state).to.equal('no');
    expect(evaluate(berlin, answers({ hoursPerYear: 220, years: 1 })).state).to.equal('yes');
  });

  it('Hessen: a text condition keeps the result open and is listed', () => {
    const o = evaluate(hessen, answers({ hoursPerWeek: 6 }));
    expect(o.state).to.equal('open');
    expect(openLeaves(o).map((l) => l.rule.type)).to.deep.equal(['text']);
    expect(evaluate(hessen, answers({ hoursPerWeek: 2 })).state).to.equal('no');
  });

  it('an allowance cap: more than the cap fails by the excess', () => {
    expect(evaluate(cap, answers({ allowance: 840 })).state).to.equal('yes');
    expect(evaluate(cap, answers({ allowance: 1000 }))).to.include({ state: 'no', gap: 160 });
  });

  it('unanswered number questions stay open', () => {
    expect(evaluate(berlin, answers({ years: 2 })).state).to.equal('open');
  });

  it('keeps unknown rule types as text, with a warning', () => {
    const r = rule({ type: 'residence', label: 'Wohnsitz im Landkreis' });
    expect(r).to.deep.equal({ type: 'text', text: 'Wohnsitz im Landkreis', unknownType: 'residence' });
    expect(warnings[0]).to.contain('unbekannter Regeltyp „residence“');
    expect(evaluate(r, answers({})).state).to.equal('open');
    const bare = rule({ type: 'mystery' }) as Extract<Rule, { type: 'text' }>;
    expect(bare.text).to.contain('mystery');
    expect(rule({ type: 'age' }).type).to.equal('text');
  });

  it('asks only the questions the rules need', () => {
    const q = questionsFor([berlin]);
    expect([...q.numbers]).to.deep.equal(['hoursPerYear', 'years']);
    expect(q.flags.size).to.equal(0);
    const all = questionsFor([bavariaBlue, bavariaGold]);
    expect([...all.flags.keys()]).to.deep.equal(['juleica', 'rescue', 'fsj', 'honour']);
  });
});
