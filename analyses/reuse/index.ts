/**
 * The `reuse` analysis: near-duplicate articles (shingle Jaccard via MinHash) and passages one
 * article shares with another (aligned runs of identical or near-identical sentences), with
 * the earlier article when dates are known — who copied what from whom, or both from a wire.
 */
import type { Article } from '../../src/corpus/article.js';
import type { Analysis, AnalysisContext, CorpusIndex, Highlight } from '../types.js';
import { packedReuseFingerprint, reuseFingerprint } from './fingerprints.js';
import { findReuse, type ReuseInput } from './find.js';
import { reuseEventView, reuseOverview } from './section.js';
import type { PackedReuseDoc } from './reuse-codec.js';
import type { ReuseDoc, ReuseOptions, ReuseSummary, ReusedPassage } from './types.js';
import { getOrAdd } from '../../src/get-or-add.js';
import { perDocReads } from '../per-doc-options.js';

export type { ReuseDoc, ReuseOptions, ReuseSummary, ReusedPassage, ReusePair, PassageSpan, SentencePrint } from './types.js';
export type { ReuseInput } from './find.js';
export { REUSE_DEFAULTS } from './types.js';
/** Reused passages and near-duplicates from fingerprints (the pure core; no text layer). */
export { findReuse } from './find.js';
/** Fingerprint of one analyzed article. */
export { reuseFingerprint } from './fingerprints.js';
/** The fingerprint packed into strings (what perDoc returns and the cache stores), and back. */
export { packReuseDoc, unpackReuseDoc, reuseDocOf, type PackedReuseDoc } from './reuse-codec.js';

function optionsOf(ctx: AnalysisContext): ReuseOptions {
  return (ctx.options.reuse ?? {}) as ReuseOptions;
}

/** Reuse inputs from the corpus index and the per-article fingerprints, each as stored (plain, or packed as perDoc returns them). */
export function reuseInputs(perDoc: ReadonlyMap<string, ReuseDoc | PackedReuseDoc>, corpus: CorpusIndex): ReuseInput[] {
  return corpus.docs.filter((d) => perDoc.has(d.id)).map((d) => ({ id: d.id, outlet: d.outlet, date: d.date, print: perDoc.get(d.id)! }));
}

/**
 * The passages of each article, per summary: the report asks every article for its highlights,
 * and scanning all passages each time cost 0.55 s on 20k articles.
 */
const passagesByDoc = new WeakMap<ReuseSummary, Map<string, ReusedPassage[]>>();

function passagesOf(docId: string, summary: ReuseSummary): ReusedPassage[] {
  let byDoc = passagesByDoc.get(summary);
  if (!byDoc) {
    byDoc = new Map();
    for (const p of summary.passages) for (const id of p.a === p.b ? [p.a] : [p.a, p.b]) getOrAdd(byDoc, id, () => []).push(p);
    passagesByDoc.set(summary, byDoc);
  }
  return byDoc.get(docId) ?? [];
}

/** Highlights of one article's side of every passage it shares. */
function passageHighlights(docId: string, summary: ReuseSummary, outletOf: (id: string) => string | undefined): Highlight[] {
  const out: Highlight[] = [];
  for (const p of passagesOf(docId, summary)) {
    const mine = p.a === docId ? p.aSpan : p.b === docId ? p.bSpan : undefined;
    if (!mine) continue;
    const other = p.a === docId ? p.b : p.a;
    const source = p.earlier === undefined ? '' : p.earlier === docId ? '; this article was published first' : '; the other article was published first';
    out.push({
      start: mine.start,
      end: mine.end,
      kind: 'reuse:passage',
      label: 'shared passage',
      reason: `${p.sentences} sentences (${p.identical} identical) also in ${outletOf(other) ?? other} article ${other}${source}`,
    });
  }
  return out;
}

export const reuse: Analysis<PackedReuseDoc, ReuseSummary & { outlets: Record<string, string> }> = {
  id: 'reuse',
  title: 'Copied text',
  // 2: perDoc returns the packed fingerprint
  version: '2',
  // 2: side `a` of a passage or pair is the article whose id sorts first (was: first in the corpus)
  summaryVersion: '2',
  perDoc: (doc, ctx) => packedReuseFingerprint(doc, optionsOf(ctx)),
  perDocOptions: perDocReads('shingle'),
  // Copies are found between any two articles, whatever their events.
  independentOfEvents: true,
  summarize: (perDoc, corpus, ctx) => {
    // Packed fingerprints go straight into flat arrays (reuse-table.ts): no ReuseDoc per article.
    const summary = findReuse(reuseInputs(perDoc, corpus), optionsOf(ctx));
    // Outlet per article in a passage, so highlights can name the other side without the index.
    const outlets: Record<string, string> = {};
    for (const p of summary.passages) for (const id of [p.a, p.b]) outlets[id] = corpus.byId.get(id)?.outlet ?? '';
    return { ...summary, outlets };
  },
  overview: (summary, corpus, kit) => reuseOverview(summary, corpus, kit),
  eventView: (summary, event, corpus, kit) => reuseEventView(summary, event, corpus, kit),
  highlightKinds: (summary) => (summary?.passages.length ? ['reuse:passage'] : []),
  highlights: (_doc, meta, summary) => (summary ? passageHighlights(meta.id, summary, (id) => summary.outlets[id]) : []),
};

/** Reuse among articles with the full text layer; spans carry their text (for notebooks and the CLI). */
export async function findReuseInArticles(articles: readonly Article[], options: ReuseOptions = {}): Promise<ReuseSummary> {
  const { analyzeDoc } = await import('../../src/text/analyze.js');
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const inputs = articles.map((a) => ({ id: a.id, outlet: a.outlet, date: a.date, print: reuseFingerprint(analyzeDoc(a, { outlets }), options) }));
  return withSpanText(findReuse(inputs, options), (id) => byId.get(id)?.text);
}

/** Adds `text` to each passage span from the articles' text. */
export function withSpanText(summary: ReuseSummary, textOf: (id: string) => string | undefined): ReuseSummary {
  const fill = (id: string, s: { start: number; end: number }) => ({ ...s, text: textOf(id)?.slice(s.start, s.end) });
  return { ...summary, passages: summary.passages.map((p) => ({ ...p, aSpan: fill(p.a, p.aSpan), bSpan: fill(p.b, p.bSpan) })) };
}
