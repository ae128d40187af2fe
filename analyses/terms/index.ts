/**
 * The terms analysis (word choice): term frequencies, keyness per outlet / event / outlet within
 * an event, KWIC evidence. Registered in analyses/index.ts; its functions are the public API of
 * `framelens/analyses/terms`.
 *
 *   AnalyzedDoc ─perDoc─▶ PackedTermsDoc (token stream packed into strings, terms-codec.ts)
 *     ─summarize─▶ TermsSummary ─▶ charts, report
 *   (summarize counts into flat arrays, term-table.ts, and scores them with sparse-keyness.ts;
 *   it leaves out each outlet's repeated sentences, repeated-sentences.ts, patching the table
 *   with table-patch.ts)
 */
import type { Analysis } from '../types.js';
import { distinctiveChart, scatterChart } from './charts.js';
import { termsEventView, termsOverview } from './report.js';
import { summarizeTerms, type TermsAnalysisOptions, type TermsSummary } from './summarize.js';
import { packedTermsDocFromAnalyzed } from './terms-doc.js';
import type { PackedTermsDoc } from './terms-codec.js';

export const terms: Analysis<PackedTermsDoc, TermsSummary> = {
  id: 'terms',
  title: 'Word choice',
  // 2: perDoc returns the packed token stream; 3: wire credit lines are not terms; 4: nor lists and outlet names;
  // 5: nor photo credits; 6: nor page furniture; 7: nor gallery captions;
  // 8: more furniture, staff credits; 9: an abbreviation's period dropped ("Mr." → "Mr", terms-doc.ts);
  // 10: nor bylines, sign-offs, share lines, highlights boxes
  version: '10',
  // 2: an outlet's own name (brand word, one-word aliases) is not among its distinctive terms;
  // 3: per-event detail for the DETAILED_EVENTS largest events only;
  // 4: each outlet's repeated sentences are not counted (repeated-sentences.ts), and listed
  summaryVersion: '4',
  perDoc: (doc) => packedTermsDocFromAnalyzed(doc),
  summarize: (perDoc, corpus, ctx) => summarizeTerms(perDoc, corpus, (ctx.options.terms ?? {}) as TermsAnalysisOptions),
  charts(summary, corpus) {
    const charts: Record<string, object> = { distinctive: distinctiveChart(summary, corpus) };
    const scatter = scatterChart(summary);
    if (scatter) charts.scatter = scatter;
    return charts;
  },
  overview: termsOverview,
  eventView: termsEventView,
};

/** N-gram counts per group (outlet, event, event × outlet, all, or a function) from documents or token streams. */
export { termCounts, frequencyRows, ratePer10k } from './term-counts.js';
/** Keyness of every group against the rest, a reference group or a background: log-odds z, G², log ratio. */
export { keyness } from './keyness.js';
/** Key word in context rows with exact spans. */
export { kwic, parseQuery } from './kwic.js';
/** The four-number statistics behind keyness. */
export { logOddsDirichlet, logLikelihood, logRatio } from './stats.js';
/** Token streams from analyzed documents or, without the text layer, from raw text. */
export { termsDocFromAnalyzed, packedTermsDocFromAnalyzed, toTermsDoc, type TermsInput } from './terms-doc.js';
export { simpleTermsDoc } from './simple-tokens.js';
/** The token stream packed into a few strings (what perDoc returns and the cache stores), and back. */
export { packTermsDoc, unpackTermsDoc, termsDocOf, type PackedTermsDoc } from './terms-codec.js';
/** Every n-gram occurrence of a token stream. */
export { forEachNgram } from './ngrams.js';
/** The summary builder behind the registered analysis. */
export { summarizeTerms } from './summarize.js';
/** Each outlet's repeated sentences (page furniture): sentence keys, the rule and its thresholds. */
export { sentenceKeys, type SentenceKeys } from './sentence-keys.js';
export { RepeatedSentenceFinder, REPEAT_RULE, leaveOutSentences, type RepeatDecision, type RepeatedKey } from './repeated-sentences.js';
export { distinctiveChart, scatterChart } from './charts.js';
export type { TermsAnalysisOptions, TermsSummary, TermsGroupSummary, TermsEventSummary, TermsScatterPoint, TermsDocs } from './summarize.js';
export type * from './types.js';
