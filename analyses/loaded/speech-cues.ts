/**
 * Finds the sentences that attribute speech: a report verb used as a verb ("said", "claimed",
 * "told"), an attribution phrase ("according to", "as saying"), or a colon introducing a quote.
 * Quote classes (quote-classes.ts) use it to tell a partial quote from a scare quote.
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import type { LexiconHit } from './lexicons.js';

/** The first speech cue of each sentence that has one: sentence index → cue text. */
export type SpeechCues = Map<number, string>;

/**
 * True when a report-verb hit is used as a verb (or is a fixed attribution phrase). A participle
 * right before a noun with no subject before it ("purported footage", "the claimed attack") is
 * an adjective: a hedge, not a speech verb.
 */
export function isVerbUse(doc: AnalyzedDoc, hit: LexiconHit): boolean {
  if (hit.tokenEnd - hit.tokenStart > 1 && !/^(?:VERB|AUX)$/.test(doc.tokens[hit.tokenStart].pos)) return true;
  const token = doc.tokens[hit.tokenStart];
  if (token.pos !== 'VERB' && token.pos !== 'AUX') return false;
  const next = doc.tokens[hit.tokenEnd];
  const prev = doc.tokens[hit.tokenStart - 1];
  const adjectival = /ed$/i.test(token.text) && next?.sentence === token.sentence && (next.pos === 'NOUN' || next.pos === 'ADJ') &&
    (!prev || prev.sentence !== token.sentence || !/^(?:NOUN|PROPN|PRON)$/.test(prev.pos));
  return !adjectival;
}

/** Collects speech cues from report-verb hits and quote-introducing colons. */
export function findSpeechCues(doc: AnalyzedDoc, hits: readonly LexiconHit[]): SpeechCues {
  const cues: SpeechCues = new Map();
  for (const hit of hits) {
    if (hit.category !== 'report-verb' || !isVerbUse(doc, hit)) continue;
    const sentence = doc.tokens[hit.tokenStart].sentence;
    if (!cues.has(sentence)) cues.set(sentence, hit.text);
  }
  for (const quote of doc.quotes) {
    const before = doc.article.text.slice(Math.max(0, quote.outerStart - 3), quote.outerStart);
    if (/:\s*$/.test(before) && !cues.has(quote.sentence)) cues.set(quote.sentence, ':');
  }
  return cues;
}
