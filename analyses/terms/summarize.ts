/**
 * The terms summary: frequencies and keyness per outlet (vs the other outlets), per event (vs
 * the other events) and per outlet within each event (vs the other outlets covering it), plus a
 * two-outlet frequency scatter and a few KWIC lines for each outlet's top terms. Everything is
 * computed from the per-article TermsDocs (plain or packed, as perDoc returns them) and the
 * corpus index; no article text is read. Sentences an outlet repeats in many of its articles
 * (page furniture: repeated-sentences.ts) are left out of that outlet's counts at every level
 * and out of its KWIC lines; the summary lists them per outlet (`repeated`).
 */
import { detailedEvents, type CorpusIndex, type DocMeta } from '../types.js';
import { forEachNgramOfForms, ngramInput } from './ngrams.js';
import { kwicRow, wordIndices } from './kwic.js';
import { KeynessVocabulary, sparseKeyness } from './sparse-keyness.js';
import { termsDocOf, type PackedTermsDoc } from './terms-codec.js';
import { isOwnName, ownNameWords } from './own-name.js';
import { frequentTerms, ratePer10k } from './term-counts.js';
import { GroupSummer, TermTableBuilder, termId, type SparseGroup, type TermTable } from './term-table.js';
import type { CountOptions, GroupKeyness, KeyTerm, KwicRow, OutletRepeatedSentences, TermsDoc, TermsDocWithMeta } from './types.js';
import { getOrAdd } from '../../src/get-or-add.js';
import { sentenceKeys } from './sentence-keys.js';
import { leaveOutSentences, RepeatedSentenceFinder, type RepeatDecision } from './repeated-sentences.js';
import { RepeatEvidence } from './repeat-evidence.js';
import { TablePatch } from './table-patch.js';

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
  /**
   * Leave out of each outlet's counts the sentences it repeats in many of its articles (page
   * furniture; the rule and its thresholds: repeated-sentences.ts). Default true.
   */
  repeatedSentences?: boolean;
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
  /** The DETAILED_EVENTS largest events (analyses/types.ts), largest first; every event counts in the others' keyness. */
  events: TermsEventSummary[];
  scatter?: { a: string; b: string; tokensA: number; tokensB: number; points: TermsScatterPoint[] };
  /**
   * Per outlet (corpus order; only outlets with any), the sentences it repeats in many of its
   * articles and left out of its counts, with spans (repeated-sentences.ts). Empty when the
   * rule is off.
   */
  repeated: OutletRepeatedSentences[];
}

/** Per-article token streams as summarizeTerms takes them: plain, or packed as perDoc returns them. */
export type TermsDocs = ReadonlyMap<string, TermsDoc | PackedTermsDoc>;

/**
 * Builds the summary from per-article token streams (doc id → TermsDoc or PackedTermsDoc) and the corpus index.
 *
 * Counts go through a TermTable (term-table.ts): each document's n-grams are counted once into
 * flat arrays; the counts of an outlet, an event and an outlet within an event are summed from
 * those when needed, and scored by sparseKeyness; the same results keyness and frequencyRows
 * give on Maps of counts, at a fraction of the time and memory.
 */
export function summarizeTerms(perDoc: TermsDocs, corpus: CorpusIndex, options: TermsAnalysisOptions = {}): TermsSummary {
  const count: CountOptions = { ngram: options.ngram ?? 1, minNgram: options.minNgram, lemma: options.lemma ?? false, stopWords: options.stopWords ?? false, numbers: options.numbers ?? false };
  const minCount = options.minCount ?? 3;
  const prior = options.prior;
  const limit = options.limit ?? 50;

  // 1. one n-gram pass per document into the table; documents are not kept: 20k token streams
  //    would take gigabytes. Groups list their documents (table indices) in corpus order.
  const builder = new TermTableBuilder(count);
  const docsOfOutlet = new Map<string, number[]>(corpus.outlets.map((o) => [o, []]));
  const docsOfEvent = new Map<string, number[]>(corpus.events.map((e) => [e, []]));
  const docsOfEventOutlet = new Map<string, Map<string, number[]>>();
  const present: DocMeta[] = [];
  const finder = options.repeatedSentences === false ? undefined : new RepeatedSentenceFinder();
  for (const meta of corpus.docs) {
    const stored = perDoc.get(meta.id);
    if (!stored) continue;
    const d = present.length;
    builder.add(stored);
    finder?.add(meta.outlet, meta.event, sentenceKeys(stored));
    present.push(meta);
    getOrAdd(docsOfOutlet, meta.outlet, () => []).push(d);
    if (!meta.event) continue;
    getOrAdd(docsOfEvent, meta.event, () => []).push(d);
    getOrAdd(getOrAdd(docsOfEventOutlet, meta.event, () => new Map()), meta.outlet, () => []).push(d);
  }
  const built = builder.build();
  // 1b. each outlet's repeated sentences: the articles holding one are counted again without them
  const decision = finder?.decide();
  const { table, repeated } = decision ? withoutRepeats(built, decision, perDoc, present, count, corpus) : { table: built, repeated: [] };
  const docAt = (d: number): TermsDoc => {
    const doc = termsDocOf(perDoc.get(present[d].id)!);
    const dropped = decision?.dropped.get(d);
    return dropped ? leaveOutSentences(doc, dropped).doc : doc;
  };
  let tokens = 0;
  for (const words of table.words) tokens += words;
  const summer = new GroupSummer(table);
  const vocabulary = new KeynessVocabulary(table.terms);

  // 2. keyness at the three levels
  const scored = { minCount, prior, limit };
  const byOutlet = [...docsOfOutlet].map(([outlet, docs]) => summer.sum(outlet, docs, true));
  const outletGroups = byOutlet.filter((g) => g.docs > 0);
  const outlets = groupSummaries(outletGroups, sparseKeyness(outletGroups, vocabulary, scored), table.terms, options.frequent ?? 30);
  const byEvent = [...docsOfEvent].map(([event, docs]) => summer.sum(event, docs, false)).filter((g) => g.docs > 0);
  // only what sets each event apart is shown: its under-used terms are not scored; every event is
  // the background of the others, the largest keep their detail (DETAILED_EVENTS)
  const eventKeys = docsOfEvent.size > 1 ? sparseKeyness(byEvent, vocabulary, { ...scored, limit: 20, bottom: false }) : [];
  const keysOf = new Map(eventKeys.map((k) => [k.group, k.top]));
  const detailed = detailedEvents(corpus);
  const events: TermsEventSummary[] = byEvent.filter((group) => detailed.has(group.name)).map((group) => {
    const within = [...docsOfEventOutlet.get(group.name)!].map(([outlet, docs]) => summer.sum(outlet, docs, false));
    const scores = within.length > 1 ? sparseKeyness(within, vocabulary, { minCount: Math.min(minCount, 2), prior, limit: options.eventLimit ?? 10 }) : [];
    return {
      event: group.name,
      docs: group.docs,
      tokens: group.tokens,
      top: keysOf.get(group.name) ?? [],
      outlets: groupSummaries(within, scores, table.terms, 0),
    };
  });

  // 3. evidence: KWIC lines for the top terms of every outlet, and of every outlet within an event
  const outletSummary = new Map(outlets.map((o) => [o.group, o]));
  const eventOutlet = new Map(events.flatMap((e) => e.outlets.map((o) => [`${e.event}\u0000${o.group}`, o] as const)));
  attachExamples(docAt, present, table, count, options, [
    { summaryOf: (meta) => outletSummary.get(meta.outlet), perTerm: options.examples ?? 3 },
    { summaryOf: (meta) => eventOutlet.get(`${meta.event}\u0000${meta.outlet}`), perTerm: Math.min(options.examples ?? 3, 2) },
  ]);

  return {
    options: { ngram: count.ngram!, lemma: count.lemma!, stopWords: count.stopWords!, numbers: count.numbers!, minCount, prior },
    tokens,
    outlets,
    events,
    scatter: scatterData(byOutlet, vocabulary, corpus, options, minCount, prior),
    repeated,
  };
}

/**
 * The table with the articles that hold repeated sentences counted again without them, and the
 * evidence per outlet. Their word counts lose the tokens left out too: a rate is per 10k tokens
 * of the text whose terms are counted, and the outlet's token total enters the log-odds of
 * every one of its terms (the text layer's non-prose sentences, by contrast, still count in
 * `words`: src/text keeps that number for every analysis).
 */
function withoutRepeats(table: TermTable, decision: RepeatDecision, perDoc: TermsDocs, present: DocMeta[], count: CountOptions, corpus: CorpusIndex): { table: TermTable; repeated: OutletRepeatedSentences[] } {
  const patch = new TablePatch(table, count);
  const evidence = new RepeatEvidence(decision.keys);
  for (const [d, sentences] of decision.dropped) {
    const meta = present[d];
    const stored = perDoc.get(meta.id)!;
    const tokens = patch.leaveOut(d, stored, sentences);
    evidence.record(meta, sentences, decision.keysOf.get(d)!, tokens, () => termsDocOf(stored));
  }
  return { table: patch.apply(), repeated: evidence.summary(corpus.outlets) };
}

const ownNames = new Map<string, Set<string>>();

function withoutOwnName(outlet: string, top: KeyTerm[]): KeyTerm[] {
  const own = ownNames.get(outlet) ?? ownNames.set(outlet, ownNameWords(outlet)).get(outlet)!;
  return own.size ? top.filter((t) => !isOwnName(t.term, own)) : top;
}

/** Per-outlet summaries (outlet groups, or outlets within an event); an outlet's own name is not among its top terms (own-name.ts). */
function groupSummaries(groups: SparseGroup[], scores: GroupKeyness[], terms: readonly string[], frequent: number): TermsGroupSummary[] {
  const byGroup = new Map(scores.map((s) => [s.group, s]));
  return groups.map((g) => ({
    group: g.name,
    docs: g.docs,
    tokens: g.tokens,
    top: withoutOwnName(g.name, byGroup.get(g.name)?.top ?? []),
    bottom: byGroup.get(g.name)?.bottom ?? [],
    frequent: frequentTerms(g, terms, frequent),
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
 * in corpus order. A document is unpacked again only when it holds a term one of its groups
 * still wants lines for (its term ids in the table tell).
 */
function attachExamples(docAt: (d: number) => TermsDoc, present: DocMeta[], table: TermTable, count: CountOptions, options: TermsAnalysisOptions, levels: ExampleLevel[]): void {
  const termsPerGroup = options.exampleTerms ?? 10;
  const window = options.window ?? 8;
  // per summary, the terms still wanting lines, with their ids in the table
  const wantedBy = new Map<TermsGroupSummary, { terms: Map<string, number>; ids: Set<number> }>();
  const wantedOf = (summary: TermsGroupSummary, perTerm: number) => {
    let wanted = wantedBy.get(summary);
    if (!wanted) {
      const terms = summary.top.slice(0, termsPerGroup).map((t) => t.term).filter((t) => (summary.examples[t]?.length ?? 0) < perTerm);
      const ids = new Map(terms.map((t) => [t, termId(table.terms, t)]));
      wantedBy.set(summary, (wanted = { terms: ids, ids: new Set(ids.values()) }));
    }
    return wanted;
  };
  const holdsAny = (d: number, ids: Set<number>) => {
    for (let p = table.docStart[d]; p < table.docStart[d + 1]; p++) if (ids.has(table.termOf[p])) return true;
    return false;
  };
  for (const [d, meta] of present.entries()) {
    const open = levels
      .map((level) => ({ level, summary: level.summaryOf(meta) }))
      .filter((x): x is { level: ExampleLevel; summary: TermsGroupSummary } => x.summary !== undefined && wantedOf(x.summary, x.level.perTerm).terms.size > 0)
      .map((x) => ({ ...x, wanted: wantedBy.get(x.summary)! }))
      .filter((x) => holdsAny(d, x.wanted.ids));
    if (!open.length) continue;
    const doc: TermsDocWithMeta = { ...docAt(d), id: meta.id, outlet: meta.outlet, event: meta.event };
    let words: number[] | undefined;
    const { forms, kinds } = ngramInput(doc, count.lemma ?? false);
    // one pass over the document's n-grams serves all its levels: each keeps its lines in text order
    forEachNgramOfForms(forms, kinds, count, (term, first, last) => {
      for (const { level, summary, wanted } of open) {
        const id = wanted.terms.get(term);
        if (id === undefined) continue;
        const lines = (summary.examples[term] ??= []);
        if (lines.length < level.perTerm) lines.push(kwicRow(doc, first, last, summary.group, window, (words ??= wordIndices(doc))));
        if (lines.length >= level.perTerm) {
          wanted.terms.delete(term);
          wanted.ids.delete(id);
        }
      }
    });
  }
}

/** Frequency-vs-frequency data for two outlets: their most distinctive and most frequent terms. */
function scatterData(byOutlet: SparseGroup[], vocabulary: KeynessVocabulary, corpus: CorpusIndex, options: TermsAnalysisOptions, minCount: number, prior: number | undefined): TermsSummary['scatter'] {
  const outlet = (name: string | undefined) => byOutlet.find((g) => g.name === name);
  const [a, b] = options.pair ?? corpus.outlets.filter((o) => (outlet(o)?.docs ?? 0) > 0);
  const groupA = a !== undefined ? outlet(a) : undefined;
  const groupB = b !== undefined ? outlet(b) : undefined;
  if (!groupA || !groupB || a === b) return undefined;
  const [scores] = sparseKeyness([groupA, groupB], vocabulary, { reference: b, minCount, prior });
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
