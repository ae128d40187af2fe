/**
 * Step 2 of extraction: the source span of a cue, by PolNeAR's conventions: the noun phrase right
 * before the cue (skipping auxiliaries and adverbs: "Lavrov has since stated"), or right after it
 * when the cue opens the clause or follows a quote ("…,' said Macron", "according to Yonhap",
 * "citing Reuters"); for participle cues ("adding that", "by saying") the subject of the clause.
 */
import type { Token } from '../../src/text/types.js';

/** Token range of a source, with the rule that found it. */
export interface SourceRange {
  tokenStart: number;
  tokenEnd: number;
  rule: string;
}

type Tok = Pick<Token, 'text' | 'lemma' | 'pos' | 'sentence'>;

const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'ADJ', 'DET', 'NUM']);
const SKIP_POS = new Set(['AUX', 'ADV', 'PART']);
const POSSESSIVE = /^['’]s?$/;
/** Cues whose source follows them. */
const SOURCE_AFTER = /^(according|citing|cited|per|from|by)\b/i;
const PRONOUN_SUBJECTS = /^(he|she|they|it|i|we|you|who|which|that)$/i;

const isNpToken = (t: Tok) => NP_POS.has(t.pos) || POSSESSIVE.test(t.text) || t.text === '-' || t.text === '.';

/** Walks left from `end` (exclusive) over one noun phrase; returns its first token. */
function npLeft(tokens: readonly Tok[], end: number, sentenceStart: number): number {
  let k = end - 1;
  if (tokens[k].pos === 'PRON') return k;
  while (k - 1 >= sentenceStart && isNpToken(tokens[k - 1]) && tokens[k - 1].pos !== 'PRON') {
    if (tokens[k].pos === 'DET') break;
    k--;
  }
  // "the director of the FBI said": join "of" + NP when a noun precedes it.
  if (k - 2 >= sentenceStart && tokens[k - 1].lemma === 'of' && (tokens[k - 2].pos === 'NOUN' || tokens[k - 2].pos === 'PROPN')) {
    return npLeft(tokens, k - 1, sentenceStart);
  }
  while (k < end - 1 && (tokens[k].text === '-' || tokens[k].text === '.' || POSSESSIVE.test(tokens[k].text))) k++;
  return k;
}

/** Walks right from `start` over one noun phrase; returns one past its last token. */
function npRight(tokens: readonly Tok[], start: number, sentenceEnd: number): number {
  let k = start;
  if (k < sentenceEnd && tokens[k].pos === 'PRON') return k + 1;
  while (k < sentenceEnd && (isNpToken(tokens[k]) || (tokens[k].lemma === 'of' && k > start))) {
    if (tokens[k].text === '.' && k + 1 >= sentenceEnd) break;
    if (tokens[k].pos === 'PRON' && k > start) break;
    k++;
  }
  while (k > start && (tokens[k - 1].lemma === 'of' || tokens[k - 1].text === '-' || tokens[k - 1].text === '.')) k--;
  return k;
}

/** The clause subject: first noun phrase of the sentence, or of the clause after the last quote. */
function clauseSubject(tokens: readonly Tok[], cueStart: number, sentenceStart: number): SourceRange | null {
  for (let k = sentenceStart; k < cueStart; k++) {
    if (tokens[k].pos === 'PROPN' || tokens[k].pos === 'NOUN' || (tokens[k].pos === 'PRON' && PRONOUN_SUBJECTS.test(tokens[k].text))) {
      let end = k + 1;
      while (end < cueStart && isNpToken(tokens[end]) && tokens[end].pos !== 'PRON') end++;
      const start = npLeft(tokens, end, sentenceStart);
      if (tokens[end]?.pos === 'VERB' || tokens[end]?.pos === 'AUX' || tokens[end]?.text === ',') return { tokenStart: start, tokenEnd: end, rule: 'clause subject' };
    }
  }
  return null;
}

/** Finds the source of the cue `[cueStart, cueEnd)` within its sentence `[s0, s1)`. */
export function findSource(tokens: readonly Tok[], cueStart: number, cueEnd: number, s0: number, s1: number): SourceRange | null {
  const first = tokens[cueStart];
  if (SOURCE_AFTER.test(first.text) || tokens[cueEnd - 1].lemma === 'to' || tokens[cueEnd - 1].lemma === 'by') {
    const end = npRight(tokens, cueEnd, s1);
    return end > cueEnd ? { tokenStart: cueEnd, tokenEnd: end, rule: 'noun phrase after according-to cue' } : null;
  }
  let k = cueStart;
  while (k - 1 >= s0 && SKIP_POS.has(tokens[k - 1].pos) && tokens[k - 1].lemma !== 'to') k--;
  const before = tokens[k - 1];
  if (k - 1 >= s0 && isNpToken(before) && before.text !== '.' && before.pos !== 'DET') {
    return { tokenStart: npLeft(tokens, k, s0), tokenEnd: k, rule: 'noun phrase before cue' };
  }
  // "…,' said Macron" / "said Lavrov, adding": the source follows the cue.
  if (cueEnd < s1 && (tokens[cueEnd].pos === 'PROPN' || tokens[cueEnd].pos === 'DET' || tokens[cueEnd].pos === 'PRON' || tokens[cueEnd].pos === 'NOUN')) {
    const quoteOrComma = k - 1 < s0 || /^[,'’”"—–-]$/.test(before.text);
    if (quoteOrComma && first.pos === 'VERB') {
      const end = npRight(tokens, cueEnd, s1);
      if (end > cueEnd) return { tokenStart: cueEnd, tokenEnd: end, rule: 'noun phrase after cue (inverted)' };
    }
  }
  // "adding that", "by saying", "…, arguing": the subject of the clause speaks.
  if (first.text.endsWith('ing') || before?.lemma === 'by' || before?.text === ',') {
    return clauseSubject(tokens, cueStart, s0);
  }
  return null;
}
