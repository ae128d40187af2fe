import { describe, expect, it } from 'vitest';
import { analyzeArticleLines } from '../../src/pipeline/analyze-line.js';
import { createContext, selectAnalyses } from '../../src/pipeline/run.js';
import { parseLine, decodePart } from '../../src/pipeline/result-line.js';
import type { AnyAnalysis } from '../../analyses/types.js';
import { sampleArticles } from './helpers.js';

describe('result lines of a batch', () => {
  it('are the lines each article gets on its own, whatever the batch, in any order', async () => {
    const articles = (await sampleArticles()).slice(0, 20);
    const analyses = selectAnalyses();
    const context = createContext(articles);
    const alone = articles.map((a) => analyzeArticleLines([a], analyses, context)[0]);
    expect(analyzeArticleLines(articles, analyses, context)).toEqual(alone);
    expect(analyzeArticleLines([...articles].reverse(), analyses, context)).toEqual([...alone].reverse());
  });

  it('record an analysis that throws on one article as that article’s failure, and give the others their results', async () => {
    const articles = (await sampleArticles()).slice(0, 3);
    const fragile: AnyAnalysis = {
      id: 'fragile',
      title: 'Fragile',
      version: '1',
      perDoc: (doc) => {
        if (doc.article.id === articles[1].id) throw new Error('cannot read this one');
        return doc.words;
      },
      summarize: () => undefined,
    };
    const lines = analyzeArticleLines(articles, [fragile], createContext(articles), ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)]);
    const parts = lines.map((line) => {
      const buf = Buffer.from(line.trimEnd(), 'utf8');
      const parsed = parseLine(buf, 0, buf.length, 1)!;
      return { key: parsed.key, part: decodePart(buf.subarray(parsed.starts[0], parsed.ends[0])) };
    });
    expect(parts.map((p) => p.key[0])).toEqual(['a', 'b', 'c']);
    expect(parts[1].part).toEqual({ failed: 'cannot read this one' });
    expect(parts[0].part).toEqual({ value: expect.any(Number) });
    expect(parts[2].part).toEqual({ value: expect.any(Number) });
  });
});
