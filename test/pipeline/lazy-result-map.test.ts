import { afterEach, describe, expect, it } from 'vitest';
import { LazyResultMap } from '../../src/pipeline/lazy-result-map.js';
import { encodeLine, encodePart } from '../../src/pipeline/result-line.js';
import { ResultStore } from '../../src/pipeline/result-store.js';

const stores: ResultStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function storeOf(results: unknown[][]): ResultStore {
  const store = new ResultStore(results.length, results[0].length);
  stores.push(store);
  store.openSpill();
  results.forEach((row, i) => store.add(i, encodeLine('k'.repeat(40), i * 10, row.map((v) => encodePart(v)))));
  return store;
}

describe('LazyResultMap', () => {
  it('reads like a Map in article order and leaves out articles without a result', () => {
    const store = storeOf([[{ x: 1 }], [undefined], [{ x: 3 }]]);
    const map = new LazyResultMap(['a', 'b', 'c'], store, 0);
    expect(map.size).toBe(2);
    expect(map.has('b')).toBe(false);
    expect(map.get('c')).toEqual({ x: 3 });
    expect([...map]).toEqual([['a', { x: 1 }], ['c', { x: 3 }]]);
    expect([...map.keys()]).toEqual(['a', 'c']);
    expect(new Map(map)).toEqual(new Map([['a', { x: 1 }], ['c', { x: 3 }]]));
    const seen: string[] = [];
    map.forEach((_v, k) => seen.push(k));
    expect(seen).toEqual(['a', 'c']);
    expect(store.words(2)).toBe(20);
  });

  it('gives the same values after many lookups and after release', () => {
    const store = storeOf([[{ x: 1 }], [{ x: 2 }]]);
    const map = new LazyResultMap(['a', 'b'], store, 0);
    for (let n = 0; n < 20; n++) expect(map.get(n % 2 ? 'b' : 'a')).toEqual({ x: (n % 2) + 1 });
    map.release();
    expect(map.get('b')).toEqual({ x: 2 });
  });

  it('refuses writes', () => {
    const map = new LazyResultMap(['a'], storeOf([[1]]), 0);
    expect(() => map.set()).toThrow(/read-only/);
    expect(() => map.delete()).toThrow(/read-only/);
  });
});
