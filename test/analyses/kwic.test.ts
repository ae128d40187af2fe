/**
 * KWIC: rows with exact spans into the article text, phrase, prefix and lemma queries, the
 * context window, grouping, and the same rows from the text layer, plain text and token streams.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { kwic, parseQuery, termsDocFromAnalyzed } from '../../analyses/terms/index.js';

const docs: Article[] = [
  {
    id: 'a1',
    outlet: 'North Star',
    event: 'talks',
    title: 't',
    text: 'Delegates met in Port Vell.\n\nThe peace talks stalled on Monday, and protesters protested outside the hall while police watched.',
  },
  { id: 'a2', outlet: 'Evening Bell', event: 'talks', title: 't', text: 'Peace Talks resume. Officials said the protest was small; the peace   talks go on.' },
];

describe('kwic', () => {
  it('finds a phrase case-insensitively with spans that slice exactly the match from the text', () => {
    const rows = kwic(docs, 'peace talks');
    expect(rows.map((r) => [r.doc, r.match])).toEqual([
      ['a1', 'peace talks'],
      ['a2', 'Peace Talks'],
      ['a2', 'peace   talks'],
    ]);
    for (const r of rows) expect(docs.find((d) => d.id === r.doc)!.text.slice(r.start, r.end)).toBe(r.match);
  });

  it('cuts the context at the window size in words, collapsing line breaks', () => {
    const [row] = kwic(docs, 'stalled', { window: 3 });
    expect(row.left).toBe('The peace talks');
    expect(row.right).toBe('on Monday, and');
    const [wide] = kwic(docs, 'stalled', { window: 6 });
    expect(wide.left).toBe('in Port Vell. The peace talks');
  });

  it('matches lemmas when asked, learning the query word’s lemma from the corpus', () => {
    const analyzed = docs.map((d) => analyzeDoc(d));
    expect(kwic(analyzed, 'protest').map((r) => r.match)).toEqual(['protest']);
    expect(kwic(analyzed, 'protest', { lemma: true }).map((r) => r.match)).toEqual(['protested', 'protest']);
    expect(kwic(analyzed, 'protested', { lemma: true }).map((r) => r.match)).toEqual(['protested', 'protest']);
  });

  it('matches prefixes with a trailing star', () => {
    expect(kwic(docs, 'protest*').map((r) => r.match)).toEqual(['protesters', 'protested', 'protest']);
  });

  it('labels rows by outlet or event and stops at the limit', () => {
    expect(kwic(docs, 'talks').map((r) => r.group)).toEqual(['North Star', 'Evening Bell', 'Evening Bell']);
    expect(kwic(docs, 'talks', { by: 'event', limit: 2 }).map((r) => r.group)).toEqual(['talks', 'talks']);
  });

  it('gives the same spans from the text layer, plain text and compact token streams', () => {
    const fromText = kwic(docs, 'peace talks');
    const fromAnalyzed = kwic(docs.map((d) => analyzeDoc(d)), 'peace talks');
    const streams = docs.map((d) => ({ ...termsDocFromAnalyzed(analyzeDoc(d)), id: d.id, outlet: d.outlet }));
    const fromStreams = kwic(streams, 'peace talks');
    const spans = (rows: typeof fromText) => rows.map((r) => [r.doc, r.start, r.end]);
    expect(spans(fromAnalyzed)).toEqual(spans(fromText));
    expect(spans(fromStreams)).toEqual(spans(fromText));
    expect(fromStreams[0].left).toBe('Delegates met in Port Vell. The');
  });

  it('does not match a phrase across a sentence boundary', () => {
    expect(kwic([{ id: 'x', outlet: 'o', title: '', text: 'It was peace. Talks came later.' }], 'peace talks')).toEqual([]);
  });

  it('rejects a query without words', () => {
    expect(() => parseQuery(' ,, ')).toThrow(/has no words/);
  });
});
