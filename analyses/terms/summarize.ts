/**
 * The terms summary: frequencies and keyness per outlet (vs the other outlets), per event (vs
 * the other events) and per outlet within each event (vs the other outlets covering it), plus a
 * two-outlet frequency scatter and a few KWIC lines for each outlet's top terms. Everything is
 * computed from the per-article TermsDocs (plain or packed, as perDoc returns them) and the
 * corpus index; no article text is read.
 */
import type { CorpusIndex, DocMeta } from '../types.js';
import { keyness } from './keyness.js';
import { forEachNgram } from './ngrams.js';
import { kwicRow } from './kwic.js';
import { termsDocOf, type PackedTermsDoc } from './terms-codec.js';
import { addToGroup, docCounts, emptyGroup, frequencyRows, ratePer10k } from './term-counts.js';
import type { CountOptions, GroupCounts, GroupKeyness, KeyTerm, KwicRow, TermsDoc, TermsDocWithMeta } from './types.js';

/** Options of the terms analysis (`ctx.options.terms`, or the summarizeTerms argument). */
export interface TermsAnalysisOptions extends Omit<CountOptions, 'by'> {
  /** Pruning threshold of keyness (count over the compared groups). Default 3. */
  minCount?: number;
  /** Dirichlet prior strength α0. Default: the token count of the compared groups (see KeynessOptions.prior). */
  prior?: number;
  /** Over- and under-used terms kept per outlet and per event. Default 50. */
  limit?: number;
  /** Terms kept per outlet within an event. Default 10. */
  eventLimit?: number;
  /** Most frequent terms kept per outlet. Default 30. */
  frequent?: number;
  /** Top terms per outlet that get KWIC lines. Default 10. */
  exampleTerms?: number;
  /** KWIC lines per such term. Default 3. */
  examples?: number;
  /** KWIC context words on each side. Default 8. */
  window?: number;
  /** The two outlets of the frequency scatter. Default: the two largest outlets. */
  pair?: [string, string];
  /** Terms plotted in the scatter. Default 250. */
  scatterTerms?: number;
}

/** One group's part of the summary. */
export interface TermsGroupSummary {
  group: string;
  docs: number;
  tokens: number;
  top: KeyTerm[];
  bottom: KeyTerm[];
  /** Most frequent terms: count, rate per 10k tokens, documents. */
  frequent: Array<{ term: string; count: number; rate: number; docs: number }>;
  /** KWIC lines (doc id + span) for the first `exampleTerms` top terms. */
  examples: Record<string, KwicRow[]>;
}

export interface TermsEventSummary {
  event: string;
  docs: number;
  tokens: number;
  /** What sets this event apart from the other events. */
  top: KeyTerm[];
  /** Each outlet covering the event against the other outlets covering it. */
  outlets: TermsGroupSummary[];
}

export interface TermsScatterPoint {
  term: string;
  countA: number;
  countB: number;
  rateA: number;
  rateB: number;
  /** Log-odds z of A against B. */
  z: number;
}

export interface TermsSummary {
  options: Required<Pick<TermsAnalysisOptions, 'ngram' | 'lemma' | 'stopWords' | 'numbers' | 'minCount'>> & { prior?: number };
  tokens: number;
  outlets: TermsGroupSummary[];
  events: TermsEventSummary[];
  scatter?: { a: string; b: string; tokensA: number; tokensB: number; points: TermsScatterPoint[] };
}

/** Per-article token streams as summarizeTerms takes them: plain, or packed as perDoc returns them. */
export type TermsDocs = ReadonlyMap<string, TermsDoc | PackedTermsDoc>;

/** Builds the summary from per-article token streams (doc id → TermsDoc or PackedTermsDoc) and the corpus index. */
export function summarizeTerms(perDoc: TermsDocs, corpus: CorpusIndex, options: TermsAnalysisOptions = {}): TermsSummary {
  const count: CountOptions = { ngram: options.ngram ?? 1, minNgram: options.minNgram, lemma: options.lemma ?? false, stopWords: options.stopWords ?? false, numbers: options.numbers ?? false };
  const minCount = options.minCount ?? 3;
  const prior = options.prior;
  const limit = options.limit ?? 50;

  // 1. one n-gram pass per document, added to its outlet, its event and its (event, outlet);
  //    documents are not kept: 20k token streams would take gigabytes
  const byOutlet = new Map<string, GroupCounts>(corpus.outlets.map((o) => [o, emptyGroup()]));
  const byEvent = new Map<string, GroupCounts>(corpus.events.map((e) => [e, emptyGroup()]));
  const byEventOutlet = new Map<string, Map<string, GroupCounts>>();
  let tokens = 0;
  for (const meta of corpus.docs) {
    const stored = perDoc.get(meta.id);
    if (!stored) continue;
    const d = termsDocOf(stored);
    const counts = docCounts(d, count);
    tokens += d.words;
    addToGroup(getOrAdd(byOutlet, meta.outlet, emptyGroup), counts, d.words);
    if (!meta.event) continue;
    addToGroup(getOrAdd(byEvent, meta.event, emptyGroup), counts, d.words);
    addToGroup(getOrAdd(getOrAdd(byEventOutlet, meta.event, () => new Map()), meta.outlet, emptyGroup), counts, d.words);
  }

  // 2. keyness at the three levels
  const scored = { minCount, prior, limit };
  const outlets = groupSummaries(byOutlet, keyness(byOutlet, scored), options);
  const eventKeys = byEvent.size > 1 ? keyness(byEvent, { ...scored, limit: 20 }) : [];
  const events: TermsEventSummary[] = [...byEvent].filter(([, g]) => g.docs > 0).map(([event, group]) => {
    const within = byEventOutlet.get(event)!;
    const scores = within.size > 1 ? keyness(within, { minCount: Math.min(minCount, 2), prior, limit: options.eventLimit ?? 10 }) : [];
    return {
      event,
      docs: group.docs,
      tokens: group.tokens,
      top: eventKeys.find((k) => k.group === event)?.top ?? [],
      outlets: groupSummaries(within, scores, { ...options, frequent: 0 }),
    };
  });

  // 3. evidence: KWIC lines for the top terms of every outlet, and of every outlet within an event
  const outletSummary = new Map(outlets.map((o) => [o.group, o]));
  const eventOutlet = new Map(events.flatMap((e) => e.outlets.map((o) => [`${e.event}\u0000${o.group}`, o] as const)));
  attachExamples(perDoc, corpus, count, options, [
    { summaryOf: (meta) => outletSummary.get(meta.outlet), perTerm: options.examples ?? 3 },
    { summaryOf: (meta) => eventOutlet.get(`${meta.event}\u0000${meta.outlet}`), perTerm: Math.min(options.examples ?? 3, 2) },
  ]);

  return {
    options: { ngram: count.ngram!, lemma: count.lemma!, stopWords: count.stopWords!, numbers: count.numbers!, minCount, prior },
    tokens,
    outlets,
    events,
    scatter: scatterData(byOutlet, corpus, options, minCount, prior),
  };
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function groupSummaries(groups: Map<string, GroupCounts>, scores: GroupKeyness[], options: TermsAnalysisOptions): TermsGroupSummary[] {
  const byGroup = new Map(scores.map((s) => [s.group, s]));
  return [...groups].filter(([, g]) => g.docs > 0).map(([group, g]) => ({
    group,
    docs: g.docs,
    tokens: g.tokens,
    top: byGroup.get(group)?.top ?? [],
    bottom: byGroup.get(group)?.bottom ?? [],
    frequent: frequencyRows(g, { limit: options.frequent ?? 30 }),
    examples: {},
  }));
}

/** Where a document's KWIC lines go (its outlet, or its outlet within its event) and how many per term. */
interface ExampleLevel {
  summaryOf: (meta: DocMeta) => TermsGroupSummary | undefined;
  perTerm: number;
}

/**
 * Fills `summary.examples` for the first top terms of each level, scanning each group's documents
 * in corpus order. A document is read again only while one of its groups still wants lines.
 */
function attachExamples(perDoc: TermsDocs, corpus: CorpusIndex, count: CountOptions, options: TermsAnalysisOptions, levels: ExampleLevel[]): void {
  const termsPerGroup = options.exampleTerms ?? 10;
  const window = options.window ?? 8;
  const wantedBy = new Map<TermsGroupSummary, Set<string>>();
  const wantedOf = (summary: TermsGroupSummary, perTerm: number) => {
    let wanted = wantedBy.get(summary);
    if (!wanted) wantedBy.set(summary, (wanted = new Set(summary.top.slice(0, termsPerGroup).map((t) => t.term).filter((t) => (summary.examples[t]?.length ?? 0) < perTerm))));
    return wanted;
  };
  for (const meta of corpus.docs) {
    const open = levels
      .map((level) => ({ level, summary: level.summaryOf(meta) }))
      .filter((x): x is { level: ExampleLevel; summary: TermsGroupSummary } => x.summary !== undefined && wantedOf(x.summary, x.level.perTerm).size > 0);
    if (!open.length) continue;
    const stored = perDoc.get(meta.id);
    if (!stored) continue;
    const doc: TermsDocWithMeta = { ...termsDocOf(stored), id: meta.id, outlet: meta.outlet, event: meta.event };
    for (const { level, summary } of open) {
      const wanted = wantedBy.get(summary)!;
      forEachNgram(doc, count, (term, first, last) => {
        if (!wanted.has(term)) return;
        const lines = (summary.examples[term] ??= []);
        if (lines.length < level.perTerm) lines.push(kwicRow(doc, first, last, summary.group, window));
        if (lines.length >= level.perTerm) wanted.delete(term);
      });
    }
  }
}

/** Frequency-vs-frequency data for two outlets: their most distinctive and most frequent terms. */
function scatterData(byOutlet: Map<string, GroupCounts>, corpus: CorpusIndex, options: TermsAnalysisOptions, minCount: number, prior: number | undefined): TermsSummary['scatter'] {
  const [a, b] = options.pair ?? corpus.outlets.filter((o) => (byOutlet.get(o)?.docs ?? 0) > 0);
  const groupA = a !== undefined ? byOutlet.get(a) : undefined;
  const groupB = b !== undefined ? byOutlet.get(b) : undefined;
  if (!groupA || !groupB || a === b) return undefined;
  const pair = new Map([[a, groupA], [b, groupB]]);
  const [scores] = keyness(pair, { reference: b, minCount, prior });
  const size = options.scatterTerms ?? 250;
  const pick = new Set([...scores.top.slice(0, size / 5), ...scores.bottom.slice(0, size / 5)].map((t) => t.term));
  const byFrequency = [...scores.top, ...scores.bottom].sort((x, y) => y.count + y.otherCount - (x.count + x.otherCount));
  for (const t of byFrequency) {
    if (pick.size >= size) break;
    pick.add(t.term);
  }
  const all = new Map([...scores.top, ...scores.bottom].map((t) => [t.term, t]));
  const points = [...pick].map((term) => {
    const t = all.get(term)!;
    return { term, countA: t.count, countB: t.otherCount, rateA: ratePer10k(t.count, groupA.tokens), rateB: ratePer10k(t.otherCount, groupB.tokens), z: t.z };
  });
  return { a, b, tokensA: groupA.tokens, tokensB: groupB.tokens, points };
}
