import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/corpus/json-error-offset.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('finds no error in any valid JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => jsonErrorOffset(text) === undefined));
  });

  it('agrees with JSON.parse on whether a text is valid', () => {
    const mangled = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', ':', 'x', '\n')).map(([t, i, c]) => t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1)));
    fc.assert(fc.property(mangled, (text) => (jsonErrorOffset(text) === undefined) === parses(text)));
  });

  it('points at the offending character', () => {
    expect(jsonErrorOffset('[\n{"a": 1},\n{"a": }\n]')).toBe(18);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });
});
