import { describe, expect, it } from 'vitest';
import { countWords, readCorpus, summarizeCorpus, type Article } from '../../src/corpus/index.js';
import { fixture } from './helpers.js';

const article = (outlet: string, text: string, date?: string, event?: string): Article => ({ id: `${outlet}${text}`, outlet, title: '', text, date, event });

describe('summarizeCorpus', () => {
  it('counts articles, words and date range for the corpus, each outlet and each event', () => {
    const rows = summarizeCorpus([
      article('A', 'one two three', '2031-04-02', 'e1'),
      article('B', 'four five', '2031-04-01T10:00:00.000Z', 'e1'),
      article('A', 'six', undefined, 'e2'),
      article('A', "it's well-known", '2031-04-05'),
    ]);
    expect(rows).toEqual([
      { group: 'corpus', key: 'all', articles: 4, words: 8, first: '2031-04-01T10:00:00.000Z', last: '2031-04-05' },
      { group: 'outlet', key: 'A', articles: 3, words: 6, first: '2031-04-02', last: '2031-04-05' },
      { group: 'outlet', key: 'B', articles: 1, words: 2, first: '2031-04-01T10:00:00.000Z', last: '2031-04-01T10:00:00.000Z' },
      { group: 'event', key: 'e1', articles: 2, words: 5, first: '2031-04-01T10:00:00.000Z', last: '2031-04-02' },
      { group: 'event', key: '(none)', articles: 1, words: 2, first: '2031-04-05', last: '2031-04-05' },
      { group: 'event', key: 'e2', articles: 1, words: 1, first: '', last: '' },
    ]);
  });

  it('leaves out event rows when no article has an event', async () => {
    const { articles } = await readCorpus(fixture('mediacloud.csv'));
    expect(summarizeCorpus(articles).map((r) => r.group)).toEqual(['corpus', 'outlet', 'outlet']);
  });

  it('counts words across letters, digits, apostrophes and hyphens', () => {
    expect(countWords('Kyiv’s 2031 ceasefire — “well-known” talks, U.S. officials said.')).toBe(8);
    expect(countWords('')).toBe(0);
  });
});
