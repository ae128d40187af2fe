/**
 * What wink's English lexicon says about a word out of context: whether it knows the word and
 * which parts of speech it allows (its "POS cluster"). The mention finder (mentions.ts) asks it
 * about capitalised words that open a sentence, where wink's tagger says PROPN for almost any
 * capitalised word ("Officials said", "Security was tight"): a word the lexicon knows only as a
 * noun or adjective is an ordinary word there, while "Washington" (PROPN allowed) and words the
 * lexicon does not know ("Halvik", "Kyiv") may be names. Demonyms ("Venezuelan", "Irish") are
 * adjectives and never proper nouns in that lexicon.
 *
 * Reads wink's lexicon cache (wink-tokens.ts, winkCache); where that is out of reach every word
 * is reported unknown, and the callers fall back on what the article itself shows.
 */
import { getNlp } from './nlp.js';
import { winkCache } from './wink-tokens.js';

/** Parts of speech a known word may take, as bits. */
export const LEX_ADJ = 1;
export const LEX_NOUN = 2;
export const LEX_VERB = 4;
export const LEX_PROPN = 8;
/** Set for every word the lexicon knows, whatever its parts of speech (adverbs, determiners, … are not told apart). */
export const LEX_KNOWN = 16;
/** Bits of a word the lexicon does not know. */
export const UNKNOWN_WORD = 0;

interface LexiconCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
  isMemberPOS(id: number, pos: number): boolean;
}

/**
 * wink's POS codes in its English model (universal tags, alphabetical after UNK), those asked
 * here. Checked on
 * first use against words whose tags are certain; a model that numbers them otherwise turns the
 * lexicon off rather than give wrong answers.
 */
const POS_CODES = { ADJ: 1, DET: 6, NOUN: 8, PROPN: 12, VERB: 16 } as const;

let lexicon: LexiconCache | null | undefined;
const known = new Map<string, number>();
/** Words remembered at most; asked only of capitalised words in a few places, a long run still meets many. */
const MAX_KNOWN = 200_000;

function lexiconCache(): LexiconCache | null {
  if (lexicon !== undefined) return lexicon;
  const nlp = getNlp();
  const cache = winkCache(nlp.readDoc('a')) as Partial<LexiconCache> | undefined;
  lexicon = typeof cache?.lookup === 'function' && typeof cache.isMemberPOS === 'function' && typeof cache.intrinsicSize === 'function' ? (cache as LexiconCache) : null;
  const sane = lexicon && lexicon.lookup('the') && lexicon.isMemberPOS(lexicon.lookup('the')![0], POS_CODES.DET) && bitsFrom(lexicon, 'officials') === (LEX_KNOWN | LEX_NOUN) && bitsFrom(lexicon, 'washington') & LEX_PROPN;
  if (!sane) lexicon = null;
  return lexicon;
}

function bitsFrom(cache: LexiconCache, lower: string): number {
  const ids = cache.lookup(lower);
  // More than one id is one of the model's own contractions; an id past the model's own words is a word an article added
  if (!ids || ids.length !== 1 || ids[0] >= cache.intrinsicSize()) return UNKNOWN_WORD;
  const id = ids[0];
  let bits = LEX_KNOWN;
  if (cache.isMemberPOS(id, POS_CODES.ADJ)) bits |= LEX_ADJ;
  if (cache.isMemberPOS(id, POS_CODES.NOUN)) bits |= LEX_NOUN;
  if (cache.isMemberPOS(id, POS_CODES.VERB)) bits |= LEX_VERB;
  if (cache.isMemberPOS(id, POS_CODES.PROPN)) bits |= LEX_PROPN;
  return bits;
}

/** The parts of speech wink's lexicon allows for `lower` (a lower-case word), as LEX_* bits; 0 when it does not know the word. */
export function lexicalPos(lower: string): number {
  let bits = known.get(lower);
  if (bits === undefined) {
    const cache = lexiconCache();
    bits = cache ? bitsFrom(cache, lower) : UNKNOWN_WORD;
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(lower, bits);
  }
  return bits;
}

/** Whether the lexicon knows `lower` as an ordinary word only: some part of speech, never a proper noun. */
export function isCommonWord(lower: string): boolean {
  const bits = lexicalPos(lower);
  return bits !== UNKNOWN_WORD && !(bits & LEX_PROPN);
}
