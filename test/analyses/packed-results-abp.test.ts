/**
 * The packed per-article results of terms and reuse on real news text: 100 articles of
 * article-bias-prediction (../shared/data, read with zlib) round-trip exactly through the result
 * line and take under half the JSON of the plain results. Skips with a message when the data
 * set is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { decodePart, encodePart } from '../../src/pipeline/result-line.js';
import { terms, termsDocFromAnalyzed, unpackTermsDoc } from '../../analyses/terms/index.js';
import { reuse, reuseFingerprint, unpackReuseDoc } from '../../analyses/reuse/index.js';

const FILE = new URL('../../../shared/data/article-bias-prediction/articles_sample.jsonl.gz', import.meta.url);
const present = existsSync(FILE);
const context = { lexiconFiles: [], options: {}, outlets: [] };

function loadArticles(limit: number) {
  const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n').filter(Boolean);
  // Every k-th line, so the articles span topics and outlets.
  const step = Math.floor(lines.length / limit);
  return lines
    .filter((_, i) => i % step === 0)
    .slice(0, limit)
    .map((line, i) => {
      const r = JSON.parse(line) as { ID?: string; source: string; title: string; content_original?: string };
      return { id: r.ID ?? `abp-${i}`, outlet: r.source, title: r.title, text: r.content_original ?? '' };
    });
}

/** A part as the pipeline reads it back from a result line. */
function stored<T>(value: T): T {
  const part = decodePart(Buffer.from(encodePart(value), 'utf8'));
  if (!('value' in part)) throw new Error('expected a value');
  return part.value as T;
}

describe.skipIf(!present)('packed results on article-bias-prediction (skipped: ../shared/data/article-bias-prediction is absent)', () => {
  it('round-trip exactly and take under half the JSON of the plain results, for terms and reuse', () => {
    const sizes = { terms: [0, 0], reuse: [0, 0] };
    for (const article of loadArticles(100)) {
      const doc = analyzeDoc(article);
      const plainTerms = termsDocFromAnalyzed(doc);
      const packedTerms = terms.perDoc(doc, context);
      expect(unpackTermsDoc(stored(packedTerms))).toEqual(plainTerms);
      const plainReuse = reuseFingerprint(doc);
      const packedReuse = reuse.perDoc(doc, context);
      expect(unpackReuseDoc(stored(packedReuse))).toEqual(plainReuse);
      sizes.terms[0] += encodePart(plainTerms).length;
      sizes.terms[1] += encodePart(packedTerms).length;
      sizes.reuse[0] += encodePart(plainReuse).length;
      sizes.reuse[1] += encodePart(packedReuse).length;
    }
    expect(sizes.terms[1] / sizes.terms[0]).toBeLessThan(0.5);
    expect(sizes.reuse[1] / sizes.reuse[0]).toBeLessThan(0.5);
  });
});
