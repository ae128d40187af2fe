/**
 * Quote classes on top of the text layer's quotes: direct speech, partial quote, scare quote,
 * title/name. Decided from what the text shows — length, whether the quote is a whole sentence,
 * a speech cue in its sentence or the next/previous one, capitalisation, a naming cue before it.
 * Each decision carries its reason in words.
 */
import type { AnalyzedDoc, Quote } from '../../src/text/types.js';
import type { QuoteClass } from './types.js';
import type { SpeechCues } from './speech-cues.js';

export interface ClassifiedQuote {
  quote: Quote;
  cls: QuoteClass;
  reason: string;
}

/** Options for quote classes. */
export interface QuoteClassOptions {
  /** Embedded quotes with at least this many words count as direct speech when attributed. Default 8. */
  directMinWords?: number;
  /** Unattributed embedded quotes up to this many words are scare quotes; longer ones are treated as speech. Default 5. */
  scareMaxWords?: number;
}

/** Words before a quote that announce a name rather than speech. */
const NAMING_CUE = /\b(?:dubbed|called|named|titled|entitled|nicknamed|codenamed|code-named|branded|labelled|labeled|operation|book|film|movie|song|album|slogan|hashtag|campaign|program(?:me)?|missiles?|magazine|newspaper|show|series|motto|term|word|phrase)\s*$/i;
/** Words before a quote that mark the writer's distance. */
const DISTANCE_CUE = /\b(?:so-called|so called|supposed|alleged|self-styled|self-proclaimed|what (?:they|he|she|it) (?:calls?|called)|a kind of|sort of)\s*$/i;
/** Only a determiner before the quote at the start of its sentence: the quote names the subject ("The 'government' announced …"). */
const SUBJECT_OPENING = /^\s*(?:the|a|an|this|that|these|those|its|their|his|her|our)\s*$/i;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'for', 'to', 'at', 'by', 'with', 'is', 'as', 'from', 'de', 'la']);

/** Classifies every quote of the document. */
export function classifyQuotes(doc: AnalyzedDoc, cues: SpeechCues, options: QuoteClassOptions = {}): ClassifiedQuote[] {
  const directMinWords = options.directMinWords ?? 8;
  const scareMaxWords = options.scareMaxWords ?? 5;
  const text = doc.article.text;
  return doc.quotes.map((quote) => {
    const before = text.slice(Math.max(0, quote.outerStart - 40), quote.outerStart);
    const cue = cues.get(quote.sentence);
    const nearCue = cue ?? cues.get(quote.sentence - 1) ?? cues.get(quote.sentence + 1);
    const endsLikeSpeech = /[.,!?…]$/.test(quote.text.trim());
    const done = (cls: QuoteClass, reason: string): ClassifiedQuote => ({ quote, cls, reason });

    if (!quote.embedded) {
      return done('direct', nearCue ? `a whole sentence in quotes, speech cue '${nearCue}' nearby` : 'a whole sentence in quotes');
    }
    if (DISTANCE_CUE.test(before)) return done('scare', `preceded by '${before.match(DISTANCE_CUE)![0].trim()}'`);
    const sentenceStart = doc.sentences[quote.sentence]?.start ?? 0;
    const opening = text.slice(sentenceStart, quote.outerStart);
    if (quote.words <= scareMaxWords && SUBJECT_OPENING.test(opening) && !looksLikeTitle(quote, before)) {
      return done('scare', `${wordsLabel(quote.words)} in quotes naming the sentence's subject, no speaker`);
    }
    if (looksLikeTitle(quote, before)) {
      return done('title', NAMING_CUE.test(before) ? `capitalised name after '${before.match(NAMING_CUE)![0].trim()}'` : 'capitalised like a name or title');
    }
    if (quote.words >= directMinWords && (nearCue || endsLikeSpeech)) {
      return done('direct', `${quote.words} words${nearCue ? `, speech cue '${nearCue}'` : ', ends like an utterance'}`);
    }
    if (cue) return done('partial', `${wordsLabel(quote.words)} lifted into a sentence that attributes speech ('${cue}')`);
    if (endsLikeSpeech && nearCue) return done('partial', `${wordsLabel(quote.words)} with speech cue '${nearCue}' in the next sentence`);
    if (quote.words <= scareMaxWords) return done('scare', `${wordsLabel(quote.words)} in quotes with no speaker in the sentence`);
    return done('direct', `${quote.words} words, no speech cue found`);
  });
}

function wordsLabel(n: number): string {
  return n === 1 ? 'one word' : `${n} words`;
}

function looksLikeTitle(quote: Quote, before: string): boolean {
  const words = quote.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length || words.length > 10) return false;
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (!content.length) return false;
  const capitalised = content.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
  if (!capitalised) return false;
  if (NAMING_CUE.test(before)) return true;
  // One capitalised word is a name only when it is not the sentence's first word.
  return content.length >= 2 && !/[.!?]\s*$/.test(before);
}
