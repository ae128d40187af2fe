import { describe, expect, it } from 'vitest';
import { lexicalCeiling, type GoldSet } from '../../src/eval/events.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { docTerms } from '../../analyses/similarity/features.js';
import type { Article } from '../../src/corpus/article.js';

const termsOf = (a: Article) => docTerms(analyzeDoc(a));
const flood = 'The Varn river burst its banks at Ostrel, flooding the lower town; boats ferried families from rooftops.';
const strike = 'Dock workers at Pellan harbour walked out over pay, leaving container ships idle at the quay.';

function gold(items: Array<[string, string, string, string?]>): GoldSet {
  return {
    name: 'toy',
    levels: ['story'],
    items: items.map(([id, story, text, date]) => ({ article: { id, outlet: `o-${id}`, title: '', text, date }, gold: { story } })),
  };
}

describe('lexicalCeiling', () => {
  it('joins a story only where its articles share words, and never joins two stories', () => {
    const set = gold([
      ['a1', 'flood', flood],
      ['a2', 'flood', `${flood} Rescuers worked through the night.`],
      ['a3', 'flood', 'An opinion on budgets, zoning and the cost of insurance premiums.'],
      ['b1', 'strike', strike],
      ['b2', 'strike', `${strike} Talks resume on Monday.`],
    ]);
    const c = lexicalCeiling(set, termsOf, 0.1);
    expect(c.precision).toBe(1);
    // a3 alone: recall 1/3 for it, 2/3 for a1 and a2, 1 for b1 and b2.
    expect(c.recall).toBeCloseTo((1 / 3 + 2 / 3 + 2 / 3 + 1 + 1) / 5, 6);
    expect(lexicalCeiling(set, termsOf, 1.01).recall).toBeCloseTo((1 / 3 + 1 / 3 + 1 / 3 + 1 / 2 + 1 / 2) / 5, 6);
  });

  it('does not join articles of one story dated further apart than the date window', () => {
    const set = gold([
      ['a1', 'flood', flood, '2024-03-01'],
      ['a2', 'flood', flood, '2024-03-09'],
    ]);
    expect(lexicalCeiling(set, termsOf, 0.1).recall).toBeCloseTo(0.5, 6);
    set.items[1].article.date = '2024-03-02';
    expect(lexicalCeiling(set, termsOf, 0.1).recall).toBe(1);
  });
});
