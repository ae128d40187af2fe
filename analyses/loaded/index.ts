/**
 * The loaded-language analysis: delegitimizing and dehumanizing labels, euphemisms, hedges,
 * intensifiers, loaded report verbs, words a learned model flags, and the class of every quote
 * (direct, partial, scare, title). Registered in analyses/index.ts; public API of
 * `framelens/analyses/loaded`.
 *
 *   AnalyzedDoc ─perDoc (detect.ts)─▶ LoadedDoc ─summarize─▶ LoadedSummary ─▶ charts, report, highlights
 */
import type { Analysis, AnalysisContext, Highlight } from '../types.js';
import { ratesChart, voiceChart } from './charts.js';
import { detectLoaded, type LoadedResources } from './detect.js';
import { compileLoadedLexicon, loadLoadedLexicons, loadPeopleNouns } from './lexicons.js';
import { markerLabel, QUOTE_CLASS_LABELS } from './messages.js';
import { loadModel } from './model.js';
import { loadedEventView, loadedOverview } from './report.js';
import { summarizeLoaded } from './summarize.js';
import type { LoadedDoc, LoadedOptions, LoadedSummary } from './types.js';
import { perDocReads } from '../per-doc-options.js';

// perDoc runs once per article (and per worker): compile the lexicons once per --lexicon list.
const resourceCache = new Map<string, LoadedResources>();

/** Lexicons (shipped + `extraFiles`) and the shipped model, compiled once per file list. */
export function loadedResources(extraFiles: readonly string[] = [], options: { model?: string } = {}): LoadedResources {
  const key = JSON.stringify([extraFiles, options.model ?? '']);
  let resources = resourceCache.get(key);
  if (!resources) {
    resources = { matcher: compileLoadedLexicon(loadLoadedLexicons(extraFiles), loadPeopleNouns(extraFiles)), model: loadModel(options.model) };
    resourceCache.set(key, resources);
  }
  return resources;
}

const optionsOf = (ctx: AnalysisContext) => (ctx.options.loaded ?? {}) as LoadedOptions;

/** Highlights of one article: `loaded:<category>` for markers, `quote:<class>` for quotes. */
export function loadedHighlights(doc: LoadedDoc): Highlight[] {
  return doc.markers.map((m) =>
    m.category === 'quote'
      ? { start: m.start, end: m.end, kind: `quote:${m.subcategory}`, label: QUOTE_CLASS_LABELS[m.quoteClass ?? 'direct'], reason: m.reason }
      : { start: m.start, end: m.end, kind: `loaded:${m.category}`, label: markerLabel(m.category, m.subcategory), reason: m.reason },
  );
}

export const loaded: Analysis<LoadedDoc, LoadedSummary> = {
  id: 'loaded',
  title: 'Loaded language',
  // 2: phrase model (learned spans scored as whole phrases; reasons say so)
  // 3: readable top-item keys (a lexicon hit's entry term, a learned phrase's own words)
  // 4: labels with a literal sense count only when said of people (said-of-people.ts)
  // 5: the people nouns of that rule include sources.json's person nouns (people.json no longer repeats them)
  version: '5',
  // 2: examples are each slot's most confident markers, best first; 3: per-event detail for the
  // DETAILED_EVENTS largest events only
  summaryVersion: '3',
  perDoc: (doc, ctx) => detectLoaded(doc, loadedResources(ctx.lexiconFiles), optionsOf(ctx)),
  perDocOptions: perDocReads('threshold', 'noModel', 'maxSentenceChars'),
  summarize: (perDoc, corpus, ctx) => summarizeLoaded(perDoc, corpus, optionsOf(ctx)),
  charts(summary, corpus) {
    const charts: Record<string, object> = {};
    const rates = ratesChart(summary, corpus);
    if (rates) charts.rates = rates;
    const voice = voiceChart(summary, corpus);
    if (voice) charts.voice = voice;
    return charts;
  },
  overview: loadedOverview,
  eventView: loadedEventView,
  highlightKinds: (summary) => summary.keys.map((key) => (key.startsWith('quote:') ? key : `loaded:${key}`)),
  highlights: loadedHighlights,
};

/** Finds the loaded-language markers of one analysed document. */
export { detectLoaded, type LoadedResources } from './detect.js';
/** Aggregates perDoc results per outlet and per event. */
export { summarizeLoaded, markerKey, SUMMARY_KEYS } from './summarize.js';
/** Loading and matching the loaded-language lexicons. */
export { loadLoadedLexicons, compileLoadedLexicon, LOADED_LEXICONS, type LexiconHit, type LoadedMatcher } from './lexicons.js';
/** Quote classes (direct, partial, scare, title) of a document's quotes. */
export { classifyQuotes, type ClassifiedQuote, type QuoteClassOptions } from './quote-classes.js';
/** Sentences that attribute speech. */
export { findSpeechCues, type SpeechCues } from './speech-cues.js';
/** The learned model: weights, token scores and their explanations. */
export { loadModel, scoreFeatures, defaultModelPath, type LoadedModel, type TokenScore, type Contribution } from './model.js';
/** Token features of the learned model. */
export { buildTokenContext, tokenFeatures, lemmaOf, type TokenContext } from './features.js';
/** Probabilities to spans. */
export { decodeSpans, type DecodeOptions, type TokenSpan } from './decode-spans.js';
/** Vega-Lite specs of the summary. */
export { ratesChart, voiceChart, rateRows } from './charts.js';
/** A model feature in plain words. */
export { describeFeature } from './messages.js';
export type * from './types.js';
export { LEXICON_CATEGORIES, MARKER_CATEGORIES, QUOTE_CLASSES, SCORED_CATEGORIES } from './types.js';
