import { expect } from '@open-wc/testing';
import { jsonErrorAt } from '../../src/checker/json-error.js';

const at = (text: string) => {
  const r = jsonErrorAt(text);
  return r && `${r.line}:${r.character}`;
};

describe('feed checker: where JSON text breaks (the same in every engine)', () => {
  it('names line and character of the first bad character', () => {
    expect(at('{\n  "groups": [\n    { "heading": "A", },\n  ]\n}')).to.equal('3:23'); // trailing comma
    expect(at('{"a": 1 "b": 2}')).to.equal('1:9'); // missing comma
    expect(at("{'a': 1}")).to.equal('1:2'); // single quotes
    expect(at('[1, 2,]')).to.equal('1:7');
    expect(at('{"a": tru}')).to.equal('1:10');
    expect(at('{"a": "zwei\nZeilen"}')).to.equal('1:12'); // a raw line break inside a string
    expect(at('{"a": 01}')).to.equal('1:8');
    expect(at('{"a": "\\x"}')).to.equal('1:9');
    expect(at('{"a": 1}\n{"b": 2}')).to.equal('2:1'); // two documents
  });

  it('an unexpected end is placed after the last character', () => {
    expect(at('{"ideas": [\n  {"title": "x"}')).to.equal('2:17');
    expect(at('')).to.equal('1:1');
  });

  it('finds nothing in valid JSON, with a byte-order mark, escapes and white space', () => {
    for (const text of [
      '{}',
      '[]',
      ' 1 ',
      '"\\u00e4\\n"',
      '\uFEFF{"a": [true, false, null, -1.5e3, {"b": ""}]}\r\n',
      JSON.stringify({ x: [1, { y: 'ä"\\' }] }, null, 2),
    ]) {
      expect(jsonErrorAt(text), text).to.equal(undefined);
    }
  });

  it('agrees with the engine about what is valid', () => {
    const samples = [
      '{"a":1,}',
      '[1 2]',
      '{"a" 1}',
      'nul',
      '[1,]',
      '{"a":[}',
      '"\t"',
      '[-]',
      '[1.]',
      '[.5]',
      '{"a":1}',
      '[1e5]',
      '[-0]',
      '["\\u12"]',
    ];
    for (const text of samples) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonErrorAt(text) === undefined, text).to.equal(valid);
    }
  });
});
