import { describe, expect, it } from 'vitest';
import { decodePart, encodeLine, encodePart, parseLine } from '../../src/pipeline/result-line.js';

const KEY = 'a'.repeat(40);

function parts(line: string, count: number) {
  const buf = Buffer.from(line);
  const parsed = parseLine(buf, 0, buf.length - 1, count);
  return parsed && { ...parsed, values: parsed.starts.map((s, k) => decodePart(buf.subarray(s, parsed.ends[k]))) };
}

describe('result lines', () => {
  it('round-trip each analysis result with the key and word count', () => {
    const line = encodeLine(KEY, 42, [encodePart({ a: [1, 2], s: 'tab\there' }), encodePart([]), encodePart('ü “quoted”')]);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/\n/);
    const p = parts(line, 3)!;
    expect(p.key).toBe(KEY);
    expect(p.words).toBe(42);
    expect(p.values).toEqual([{ value: { a: [1, 2], s: 'tab\there' } }, { value: [] }, { value: 'ü “quoted”' }]);
  });

  it('store a result repeated by several analyses once and read it back for each', () => {
    const shared = encodePart({ terms: { harbour: 3, ship: 2 } });
    const line = encodeLine(KEY, 7, [shared, encodePart(1), shared]);
    expect(line.split(shared).length - 1).toBe(1);
    expect(parts(line, 3)!.values).toEqual([{ value: { terms: { harbour: 3, ship: 2 } } }, { value: 1 }, { value: { terms: { harbour: 3, ship: 2 } } }]);
  });

  it('mark an absent result and a failed analysis with its reason', () => {
    const line = encodeLine(KEY, 0, [encodePart(undefined), encodePart(undefined, new Error('bad\ntoken'))]);
    expect(parts(line, 2)!.values).toEqual([{ absent: true }, { failed: 'bad token' }]);
  });

  it('reject a damaged line, a truncated line and a line with the wrong number of parts', () => {
    const line = encodeLine(KEY, 3, [encodePart({ n: 1 }), encodePart({ n: 2 })]);
    expect(parts(line.replace('"n":1', '"n":7'), 2)).toBeUndefined();
    expect(parts(line.slice(0, -6) + '\n', 2)).toBeUndefined();
    expect(parts(line, 3)).toBeUndefined();
    expect(parts('not a line\n', 2)).toBeUndefined();
  });
});
