import { describe, expect, it } from 'vitest';
import type { CorpusIndex, DocMeta } from '../../analyses/types.js';
import { eventOutlets, outletColorScale, roundRobin, topOutlets } from '../../src/report/caps.js';
import { outletColors } from '../../src/report/palette.js';

function corpus(docs: Array<Pick<DocMeta, 'outlet' | 'event'>>): CorpusIndex {
  const metas = docs.map((d, i) => ({ id: `d${i}`, title: '', words: 10, ...d }));
  const counts = new Map<string, number>();
  for (const d of metas) counts.set(d.outlet, (counts.get(d.outlet) ?? 0) + 1);
  const outlets = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  return { docs: metas, byId: new Map(metas.map((d) => [d.id, d])), outlets, events: ['e1', 'e2'], eventLabels: new Map() };
}

const index = corpus([
  ...Array.from({ length: 5 }, () => ({ outlet: 'Alpha', event: 'e1' })),
  ...Array.from({ length: 4 }, () => ({ outlet: 'Beta', event: 'e2' })),
  ...Array.from({ length: 3 }, () => ({ outlet: 'Gamma', event: 'e2' })),
  { outlet: 'Delta', event: 'e1' },
  { outlet: 'Delta', event: 'e1' },
]);

describe('evidence caps', () => {
  it('takes the outlets with the most articles, in corpus order, skipping those without data', () => {
    expect(topOutlets(index, 2)).toEqual(['Alpha', 'Beta']);
    expect(topOutlets(index, 2, (o) => o !== 'Alpha')).toEqual(['Beta', 'Gamma']);
  });

  it('ranks an event page by the articles each outlet has on that event, not in the whole corpus', () => {
    expect(eventOutlets(index, 'e2', 5)).toEqual(['Beta', 'Gamma']);
    expect(eventOutlets(index, 'e1', 1)).toEqual(['Alpha']);
    expect(eventOutlets(index, 'missing', 3)).toEqual([]);
  });

  it('spreads examples over outlets round-robin, at most so many per outlet and in all', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1', 'c2'];
    expect(roundRobin(items, (x) => x[0], 2, 10)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2']);
    expect(roundRobin(items, (x) => x[0], 2, 4)).toEqual(['a1', 'b1', 'c1', 'a2']);
    expect(roundRobin([], (x: string) => x, 2, 4)).toEqual([]);
  });

  it('colours a subset of outlets exactly as the rest of the report does', () => {
    const colorOf = outletColors(index.outlets);
    expect(outletColorScale(index, ['Gamma', 'Alpha'])).toEqual({ domain: ['Gamma', 'Alpha'], range: [colorOf('Gamma'), colorOf('Alpha')] });
  });
});
