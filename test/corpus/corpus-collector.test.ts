import { describe, expect, it } from 'vitest';
import { CorpusCollector, normalizeText } from '../../src/corpus/corpus-collector.js';

describe('normalizeText (the duplicate key)', () => {
  it('turns every run of white space, of any kind and length, into one space and trims the ends', () => {
    expect(normalizeText(' Rain\u00a0 fell\t\ton\nthe  \u2028port\u3000town. ')).toBe('rain fell on the port town.');
  });

  it('leaves single spaces and other characters as they are, lower-cased and width-folded', () => {
    expect(normalizeText('The Quay’s “New” Ｍarket')).toBe('the quay’s “new” market');
  });
});

describe('CorpusCollector', () => {
  it('keeps the first of two articles of one outlet that differ only in case, width and white space', () => {
    const collector = new CorpusCollector(false);
    const origin = (line: number) => ({ file: 'in.jsonl', line });
    collector.addArticle({ id: 'a', outlet: 'Harbor Post', title: '', text: 'Ferries stop at noon.\n\nCrews wait.' }, origin(1));
    collector.addArticle({ id: 'b', outlet: 'Harbor Post', title: '', text: 'ferries  stop at noon. Crews\twait. ' }, origin(2));
    collector.addArticle({ id: 'c', outlet: 'Quay Daily', title: '', text: 'Ferries stop at noon. Crews wait.' }, origin(3));
    const { articles, duplicates, stats } = collector.result();
    expect(articles.map((a) => a.id)).toEqual(['a', 'c']);
    expect(duplicates).toEqual([expect.objectContaining({ id: 'b', duplicateOf: 'a' })]);
    expect(stats).toEqual({ read: 3, ingested: 2, rejected: 0, duplicates: 1 });
  });
});
