/**
 * perDoc of the loaded-language analysis, in five stages:
 *   1. lexicons: labels, euphemisms, hedges, intensifiers, report verbs (lexicons.ts)
 *   2. quotes: speech cues, then a class per quote (speech-cues.ts, quote-classes.ts)
 *   3. model: token scores from the learned weights, decoded into spans (model.ts, decode-spans.ts)
 *   4. phrases: the learned spans and agreed lexicon hits, merged into phrases, re-scored as
 *      wholes; weak phrases are dropped (phrase-scores.ts)
 *   5. markers: merged, each with its voice (quoted speaker or outlet), sentence and reason
 * A pure function of the document and the compiled resources.
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import { SCORED_CATEGORIES, type KeptSentence, type LoadedDoc, type LoadedMarker, type LoadedOptions, type QuoteClass } from './types.js';
import { type LexiconHit, type LoadedMatcher } from './lexicons.js';
import { findSpeechCues, isVerbUse } from './speech-cues.js';
import { classifyQuotes, type ClassifiedQuote } from './quote-classes.js';
import { buildTokenContext, tokenFeatures } from './features.js';
import { scoreFeatures, type LoadedModel, type TokenScore } from './model.js';
import { lemmaWeight, scoreTokens } from './token-scores.js';
import { decodeSpans, type TokenSpan } from './decode-spans.js';
import { explainPhrase, innermostQuote, phraseCandidates, scorePhrase, type PhraseCandidate, type PhraseModel } from './phrase-scores.js';
import { describeFeature, describePhraseFeature, lexiconReason, modelReason, phraseReason, quoteReason } from './messages.js';

/** Compiled resources shared by all documents of a run. */
export interface LoadedResources {
  matcher: LoadedMatcher;
  model?: LoadedModel;
}

/** Order in which overlapping lexicon hits of the same words are kept. */
const PRIORITY = ['report-verb', 'label', 'euphemism', 'hedge', 'intensifier'];

/** Finds the loaded-language markers of one document. */
export function detectLoaded(doc: AnalyzedDoc, resources: LoadedResources, options: LoadedOptions = {}): LoadedDoc {
  const { markers, quotes, scores, explainAt } = draftMarkers(doc, resources, options);
  const phraseModel = resources.model?.phrase;
  const phraseNotes = new Map<Draft, string>();
  const kept = scores && phraseModel ? keepStrongPhrases(doc, scores, markers, quotes, phraseModel, phraseNotes) : markers;
  if (scores) explainLearned(doc, kept, scores, explainAt, phraseNotes);
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  return finishMarkers(doc, kept, quotes, options.maxSentenceChars ?? 400);
}

/**
 * The phrases the model proposes in one document, before phrase re-scoring, with their features
 * (for scripts/train-loaded.mjs, which learns the phrase model from them). Empty without a model.
 */
export function proposedPhrases(doc: AnalyzedDoc, resources: LoadedResources): PhraseCandidate[] {
  const { markers, quotes, scores } = draftMarkers(doc, resources, {});
  return scores ? phraseCandidates(doc, scores, markers.filter(isScoredPart), quotes) : [];
}

/** Stages 1–3: lexicon, quote and learned markers, and the token scores. */
function draftMarkers(doc: AnalyzedDoc, resources: LoadedResources, options: LoadedOptions) {
  const allHits = resources.matcher.match(doc);
  const cues = findSpeechCues(doc, allHits);
  const quotes = classifyQuotes(doc, cues);
  const hits = keepLoadedHits(doc, allHits);
  const scores = resources.model && !options.noModel ? scoreDocTokens(doc, resources.model, hits, quotes) : undefined;
  const threshold = options.threshold ?? resources.model?.threshold ?? 1;
  const flagged = (from: number, to: number) => {
    for (let i = from; i < to; i++) if ((scores?.p[i] ?? 0) >= threshold) return true;
    return false;
  };
  const markers: Draft[] = [];

  for (const hit of hits) {
    const entry = hit.entry;
    markers.push({
      start: hit.start, end: hit.end, text: hit.text, category: hit.category, subcategory: entry.subcategory,
      // The entry's own term ("foreign-backed", "claim"): what the lexicon lists and a reader knows.
      key: entry.term,
      score: 1, reason: lexiconReason(hit.lexicon, entry.term, entry.note ?? ''),
      ...(scores ? { learned: flagged(hit.tokenStart, hit.tokenEnd) } : {}),
    });
  }
  for (const { quote, cls, reason } of quotes) {
    markers.push({
      start: quote.start, end: quote.end, text: quote.text, category: 'quote', subcategory: cls,
      key: quote.text.toLowerCase().slice(0, 80), score: 1, reason: quoteReason(cls, reason),
    });
  }
  const explainAt = new Map<Draft, LearnedSpan>();
  if (scores) markers.push(...learnedMarkers(doc, scores, hits, threshold, resources.model?.decode, explainAt));
  return { markers, quotes, scores, explainAt };
}

/** A marker the evaluation counts as loaded wording: a scored category the model agrees with. */
const isScoredPart = (m: Draft) => SCORED_CATEGORIES.includes(m.category) && m.learned !== false;

/**
 * Stage 4: re-scores the proposed phrases as wholes. A weak phrase loses its learned spans, and
 * its lexicon hits stay markers but are no longer counted as loaded wording (learned: false);
 * the learned spans of a kept phrase get the phrase score for their reason (`notes`).
 */
function keepStrongPhrases(doc: AnalyzedDoc, scores: TokenScores, markers: Draft[], quotes: readonly ClassifiedQuote[], model: PhraseModel, notes: Map<Draft, string>): Draft[] {
  const parts = markers.filter(isScoredPart);
  const dropped = new Set<Draft>();
  for (const phrase of phraseCandidates(doc, scores, parts, quotes)) {
    const score = scorePhrase(model, phrase);
    const strong = score.p >= model.threshold;
    let note: string | undefined;
    for (const i of phrase.parts) {
      const part = parts[i];
      if (strong) {
        if (part.category === 'loaded') notes.set(part, (note ??= phraseReason(score.p, explainPhrase(model, phrase).map((c) => describePhraseFeature(c.feature)))));
      } else if (part.category === 'loaded') dropped.add(part);
      else part.learned = false;
    }
  }
  return dropped.size ? markers.filter((m) => !dropped.has(m)) : markers;
}

/**
 * Drops neutral report verbs, report-verb nouns and hits covered by a longer or higher-priority hit.
 * The token features see only these hits, at run time and in scripts/train-loaded.mjs alike.
 */
export function keepLoadedHits(doc: AnalyzedDoc, hits: readonly LexiconHit[]): LexiconHit[] {
  const wanted = hits.filter((h) => h.category !== 'report-verb' || (h.entry.subcategory !== 'neutral' && isVerbUse(doc, h)));
  const rank = (h: LexiconHit) => PRIORITY.indexOf(h.category);
  const sorted = [...wanted].sort((a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || rank(a) - rank(b));
  const taken = new Set<number>();
  const kept: LexiconHit[] = [];
  for (const hit of sorted) {
    let free = true;
    for (let i = hit.tokenStart; i < hit.tokenEnd; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = hit.tokenStart; i < hit.tokenEnd; i++) taken.add(i);
    kept.push(hit);
  }
  return kept;
}

type Draft = Omit<LoadedMarker, 'voice' | 'sentence' | 'quoteClass'>;

/** A learned marker's tokens and the token that explains it (`best`, -1 when none is scored). */
type LearnedSpan = TokenSpan;

/** Model probabilities of a document's tokens, and the explanation of any one of them. */
interface TokenScores {
  /** Probability per token (undefined for punctuation and spaces, which have no features). */
  p: Array<number | undefined>;
  /** Score and top contributions of token `i`, rebuilt on demand: only reported tokens need them. */
  explain(i: number): TokenScore;
  /** Weight of token `i`'s own word (its `lem=` feature; 0 when it has none): how loaded the word is out of context. */
  wordWeight(i: number): number;
}

/** Model scores of every token (undefined for punctuation). */
function scoreDocTokens(doc: AnalyzedDoc, model: LoadedModel, hits: readonly LexiconHit[], quotes: readonly ClassifiedQuote[]): TokenScores {
  const ctx = buildTokenContext(doc, hits, quotes);
  return {
    p: scoreTokens(model, ctx),
    explain: (i) => scoreFeatures(model, tokenFeatures(ctx, i)),
    wordWeight: (i) => {
      const id = ctx.lemmaId[i];
      return id < 0 ? 0 : lemmaWeight(model, id);
    },
  };
}

/**
 * Spans the model flags, decoded with the lexicon hits it agrees with as certain words so a
 * label and the words around it become one phrase. A span that is just one lexicon hit adds
 * nothing to the hit's own marker. Keys and reasons are written later (explainLearned), for the
 * spans the phrase stage keeps; `explainAt` records each span's tokens and the one that explains it.
 */
function learnedMarkers(doc: AnalyzedDoc, scores: TokenScores, hits: readonly LexiconHit[], threshold: number, decode: LoadedModel['decode'], explainAt: Map<Draft, LearnedSpan>): Draft[] {
  const { p } = scores;
  const forced = new Set<number>();
  for (const hit of hits) {
    if (!SCORED_CATEGORIES.includes(hit.category)) continue;
    let agreed = false;
    for (let i = hit.tokenStart; i < hit.tokenEnd; i++) if ((p[i] ?? 0) >= threshold) agreed = true;
    if (agreed) for (let i = hit.tokenStart; i < hit.tokenEnd; i++) forced.add(i);
  }
  const out: Draft[] = [];
  for (const span of decodeSpans(doc.tokens, p, { ...decode, threshold }, forced)) {
    if (hits.some((h) => h.tokenStart <= span.tokenStart && span.tokenEnd <= h.tokenEnd)) continue;
    const first = doc.tokens[span.tokenStart];
    const last = doc.tokens[span.tokenEnd - 1];
    const best = scores.p[span.best] !== undefined ? span.best : strongestToken(scores, span.tokenStart, span.tokenEnd);
    const draft: Draft = {
      start: first.start, end: last.end, text: doc.article.text.slice(first.start, last.end), category: 'loaded', subcategory: 'learned',
      key: '', score: round(best < 0 ? 0 : scores.p[best] ?? 0), learned: true, reason: '',
    };
    explainAt.set(draft, { ...span, best });
    out.push(draft);
  }
  return out;
}

/** The highest-scored token of a span, or -1 (a span always holds a scored word). */
function strongestToken(scores: TokenScores, from: number, to: number): number {
  let best = -1;
  let bestP = 0;
  for (let i = from; i < to; i++) {
    const p = scores.p[i] ?? 0;
    if (p > bestP) [best, bestP] = [i, p];
  }
  return best;
}

/**
 * A learned phrase as a reader would write it, for the top-item counts: its words in lower case
 * (names kept as written) with the text's own spacing, so "foreign-backed" and "wheat, potatoes"
 * read as in the article. Lemmas ("crop have be flood") grouped nothing: learned phrases rarely recur.
 */
export function phraseKey(doc: AnalyzedDoc, from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (i > from && doc.tokens[i - 1].end < t.start) key += ' ';
    key += t.pos === 'PROPN' ? t.text : t.text.toLowerCase();
  }
  return key;
}

// describeFeature's answers by feature: the same few thousand features explain the flags of every article.
const described = new Map<string, string>();

/** describeFeature (messages.ts), worked out once per feature. */
function describeOnce(feature: string): string {
  let text = described.get(feature);
  if (text === undefined) described.set(feature, (text = describeFeature(feature)));
  return text;
}

/** Writes the key and reason of each learned marker: its explaining token's top features, then the phrase note. */
function explainLearned(doc: AnalyzedDoc, markers: readonly Draft[], scores: TokenScores, explainAt: ReadonlyMap<Draft, LearnedSpan>, notes: ReadonlyMap<Draft, string>): void {
  for (const m of markers) {
    const span = explainAt.get(m);
    if (!span) continue;
    m.key = phraseKey(doc, span.tokenStart, span.tokenEnd);
    const best: TokenScore = span.best < 0 ? { p: 0, top: [] } : scores.explain(span.best);
    m.reason = modelReason(best.p, best.top.map((c) => `${describeOnce(c.feature)} (+${c.weight.toFixed(2)})`)) + (notes.get(m) ?? '');
  }
}

function finishMarkers(doc: AnalyzedDoc, markers: Draft[], quotes: readonly ClassifiedQuote[], maxChars: number): LoadedDoc {
  const sentences: KeptSentence[] = [];
  const kept = new Map<number, number>();
  const text = doc.article.text;
  const out: LoadedMarker[] = markers.map((m) => {
    const own = m.category === 'quote' ? quotes.find((q) => q.quote.start === m.start && q.quote.end === m.end) : undefined;
    const around = own ?? innermostQuote(quotes, m.start, m.end);
    const quoteClass: QuoteClass | undefined = around?.cls;
    const voice = quoteClass === 'direct' || quoteClass === 'partial' ? 'quoted' : 'own';
    const sIdx = sentenceAt(doc, m.start);
    if (!kept.has(sIdx)) {
      const s = doc.sentences[sIdx];
      const start = s ? s.start : m.start;
      const end = s ? Math.min(s.end, start + maxChars) : m.end;
      kept.set(sIdx, sentences.length);
      sentences.push({ start, end, text: text.slice(start, end) });
    }
    // Completed in place, not copied: the drafts are this call's own objects, and the added keys
    // come after the draft's, as in a copy.
    const marker = m as LoadedMarker;
    if (quoteClass) marker.quoteClass = quoteClass;
    marker.voice = voice;
    marker.sentence = kept.get(sIdx)!;
    return marker;
  });
  return { words: doc.words, markers: out, sentences };
}

function sentenceAt(doc: AnalyzedDoc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
