/**
 * Steps 1–2 for a batch of articles, serialized: one result line (result-line.ts) per article,
 * what the parallel pipeline and its cache store. Serializing here, in the worker, keeps the main
 * thread's share of the work to one write per article; and a fresh result and a cached one are
 * the same bytes, so a run reads identical inputs whatever the job count or cache state. An
 * analysis that throws on one article is recorded as a failure for that article instead of
 * stopping the run.
 *
 * A batch runs analysis by analysis: the text layer reads a few articles, then each analysis
 * takes all of them in turn. Article by article, each analysis found its tables and models pushed
 * out of the CPU cache by wink's and the other analyses' (the first call on an article cost
 * attribution 2.15 ms where a repeat cost 1.35): on 1,000 ABP articles the whole pass took
 * 0.89–0.93 of the CPU, same bytes. Every result depends on its own article only (the text layer
 * hides what earlier articles taught wink, src/text/nlp.ts), so the order changes no output.
 */
import type { Article } from '../corpus/article.js';
import { analyzeDoc } from '../text/analyze.js';
import type { AnalysisContext, AnyAnalysis } from '../../analyses/types.js';
import { encodeLine, encodePart } from './result-line.js';

/** The key of lines that are never looked up (runs without a cache). */
export const NO_KEY = '0'.repeat(40);

/**
 * Articles whose analyzed documents are held at once: at most this many, and at most
 * CHUNK_CHARS of text (an analyzed article takes ≈ 110 bytes of heap per character while read,
 * run-parallel.ts workerHeapMb), a longer article on its own.
 */
const CHUNK_ARTICLES = 16;
const CHUNK_CHARS = 400_000;

/** Consecutive runs of `articles` within the chunk limits, as index ranges. */
function chunks(articles: readonly Article[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let chars = 0;
  articles.forEach((article, i) => {
    if (i > from && (i - from === CHUNK_ARTICLES || chars + article.text.length > CHUNK_CHARS)) {
      out.push([from, i]);
      from = i;
      chars = 0;
    }
    chars += article.text.length;
  });
  if (articles.length > from) out.push([from, articles.length]);
  return out;
}

/** The result line of each article (same order); `keys[i]` is article i's cache key. */
export function analyzeArticleLines(articles: readonly Article[], analyses: AnyAnalysis[], context: AnalysisContext, keys?: readonly string[]): string[] {
  const lines: string[] = [];
  for (const [from, to] of chunks(articles)) {
    const docs = articles.slice(from, to).map((article) => {
      try {
        return analyzeDoc(article, { outlets: context.outlets });
      } catch (error) {
        return encodePart(undefined, `text layer: ${(error as Error).message ?? error}`);
      }
    });
    const parts = docs.map((): string[] => []);
    for (const analysis of analyses) {
      docs.forEach((doc, i) => {
        if (typeof doc === 'string') return;
        try {
          parts[i].push(encodePart(analysis.perDoc(doc, context)));
        } catch (error) {
          parts[i].push(encodePart(undefined, error));
        }
      });
    }
    docs.forEach((doc, i) => {
      const key = keys?.[from + i] ?? NO_KEY;
      lines.push(typeof doc === 'string' ? encodeLine(key, 0, analyses.map(() => doc)) : encodeLine(key, doc.words, parts[i]));
    });
  }
  return lines;
}
