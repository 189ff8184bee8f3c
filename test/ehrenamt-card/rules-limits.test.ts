/** Feed-controlled extremes in eligibility rules (issue 16): deep nesting, prototype names. */
import { expect } from '@open-wc/testing';
import { evaluate, normalizeRule } from '../../src/ehrenamt-card/ehrenamt-card.rules.js';
import type { FeedContext } from '../../src/core/feed-types.js';

const ctx = (warnings: string[]): FeedContext => ({ baseUrl: location.href, lang: 'de', warn: (m) => warnings.push(m) });

describe('ehrenamt-card rules: limits', () => {
  it('a rule nested thousands of levels deep becomes text instead of exhausting the stack', () => {
    let rule: unknown = { type: 'hoursPerYear', min: 1 };
    for (let i = 0; i < 20000; i++) rule = { type: 'all', of: [rule] };
    const warnings: string[] = [];
    const normalized = normalizeRule(rule, 'tiers[0].rule', ctx(warnings));
    expect(JSON.stringify(normalized).length).to.be.below(100000);
    expect(warnings.join('\n')).to.contain('mehr als 12 Ebenen');
  });

  it('a flag named after an Object.prototype member is not answered yes by itself', () => {
    const rule = normalizeRule({ type: 'flag', id: 'constructor', question: 'Jugendleiter-Card?' }, 'r', ctx([]));
    expect(evaluate(rule, { flags: {} } as never).state).to.equal('no');
  });
});
