/**
 * Step 2 of extraction: the source span of a cue, by PolNeAR's conventions: the noun phrase right
 * before the cue (skipping auxiliaries and adverbs: "Lavrov has since stated"), or right after it
 * when the cue opens the clause or follows a quote ("…,' said Macron", "according to Yonhap");
 * for participle cues ("adding that", "by saying", "citing") the subject of the clause.
 */
import type { Token } from '../../src/text/types.js';

/** Token range of a source, with the rule that found it. */
export interface SourceRange {
  tokenStart: number;
  tokenEnd: number;
  rule: string;
}

type Tok = Pick<Token, 'text' | 'lemma' | 'pos' | 'sentence'>;

const PP_JOIN = new Set(['of', 'in', 'at', 'from', 'for']);
const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'ADJ', 'DET', 'NUM']);
const SKIP_POS = new Set(['AUX', 'ADV', 'PART']);
const POSSESSIVE = /^['’]s?$/;
/**
 * Cues whose source follows them. Not "cited" / "citing": PolNeAR gives those to the one who
 * cites ("The report cited an internal investigation", "…,' he said, citing …"): on train the
 * phrase after was the source of none of the 44 such cues with a source.
 */
const SOURCE_AFTER = /^(according|per|from|by)\b/i;
const DASH = /^(?:[—―–]|-{1,2})$/;
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
  // "the director of the FBI said", "officials in the capital said": join a prepositional
  // phrase to the noun before it.
  if (k - 2 >= sentenceStart && PP_JOIN.has(tokens[k - 1].lemma) && (tokens[k - 2].pos === 'NOUN' || tokens[k - 2].pos === 'PROPN' || isShare(tokens, k)) && !TIME_WORDS.test(tokens[end - 1].text)) {
    return npLeft(tokens, k - 1, sentenceStart);
  }
  // "officials familiar with the matter", "people briefed on the talks": a reduced relative clause.
  const modifier = tokens[k - 2];
  if (k - 3 >= sentenceStart && tokens[k - 1].pos === 'ADP' && (modifier.pos === 'ADJ' || (modifier.pos === 'VERB' && modifier.text.endsWith('ed'))) && ['NOUN', 'PROPN'].includes(tokens[k - 3].pos)) {
    return npLeft(tokens, k - 2, sentenceStart);
  }
  while (k < end - 1 && (tokens[k].text === '-' || tokens[k].text === '.' || POSSESSIVE.test(tokens[k].text))) k++;
  return k;
}

/** "Six in 10", "two of three": a share of people, a number joined to a number. */
const isShare = (tokens: readonly Tok[], k: number) => tokens[k].pos === 'NUM' && tokens[k - 2].pos === 'NUM' && (tokens[k - 1].lemma === 'in' || tokens[k - 1].lemma === 'of');

/** "His lawyer, Daria Holm, told": a name in commas right before the cue joins the phrase. */
function withApposition(tokens: readonly Tok[], range: SourceRange | null, cueStart: number): SourceRange | null {
  if (!range || tokens[range.tokenEnd]?.text !== ',' || tokens[cueStart - 1]?.text !== ',' || cueStart - 2 <= range.tokenEnd) return range;
  for (let k = range.tokenEnd + 1; k < cueStart - 1; k++) if (tokens[k].pos !== 'PROPN' && tokens[k].text !== '.' && tokens[k].text !== '-') return range;
  return { tokenStart: range.tokenStart, tokenEnd: cueStart - 1, rule: `${range.rule} with its apposition` };
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

/** Time words that head adverbial noun phrases ("on Tuesday", "in recent weeks"), never sources. */
const TIME_WORDS = /^(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|today|yesterday|tonight|week|weeks|month|months|year|years|day|days|night|morning|afternoon|evening|time|times|weekend|hour|hours|January|February|March|April|June|July|August|September|October|November|December)$/;
const isTimePhrase = (tokens: readonly Tok[], start: number, end: number) => TIME_WORDS.test(tokens[end - 1].text) || (tokens[start].pos === 'NUM' && end - start === 1);

/**
 * The clause subject: the first noun phrase of the sentence followed (after adverbs) by a verb,
 * else one followed by a comma; phrases inside a leading prepositional phrase and relative
 * pronouns are passed over.
 */
function clauseSubject(tokens: readonly Tok[], cueStart: number, sentenceStart: number): SourceRange | null {
  let fallback: SourceRange | null = null;
  let quoted = false;
  for (let k = sentenceStart; k < cueStart; k++) {
    const t = tokens[k];
    // Words inside quote marks are what someone said, not the subject ("“It’s a reflection …,” McCain said, citing").
    if (DOUBLE_QUOTE.test(t.text)) quoted = !quoted;
    if (quoted) continue;
    const pronoun = t.pos === 'PRON' && /^(he|she|they|it|i|we|you)$/i.test(t.text);
    if (!(t.pos === 'PROPN' || t.pos === 'NOUN' || pronoun)) continue;
    let end = k + 1;
    if (!pronoun) while (end < cueStart && isNpToken(tokens[end]) && tokens[end].pos !== 'PRON') end++;
    const start = pronoun ? k : npLeft(tokens, end, sentenceStart);
    let next = end;
    // "Top officials in Washington have …": step over one prepositional phrase.
    if (next < cueStart && tokens[next].pos === 'ADP' && tokens[next].lemma !== 'by') {
      let after = next + 1;
      while (after < cueStart && isNpToken(tokens[after])) after++;
      if (after > next + 1) next = after;
    }
    while (next < cueStart && tokens[next].pos === 'ADV') next++;
    const follower = tokens[next];
    const inPhrase = start - 1 >= sentenceStart && tokens[start - 1].pos === 'ADP';
    if (follower && !isTimePhrase(tokens, start, end) && !inPhrase) {
      if (follower.pos === 'VERB' || follower.pos === 'AUX') return { tokenStart: start, tokenEnd: end, rule: 'clause subject' };
      if (follower.text === ',' && !fallback) fallback = { tokenStart: start, tokenEnd: end, rule: 'clause subject' };
    }
    k = end - 1;
  }
  return fallback;
}

const QUOTE_BEFORE = /^['’”"]$/;
const DOUBLE_QUOTE = /^(?:["“”«»]|``|'')$/;
const RELATIVE = /^(who|which)$/i;

/** The opening comma of the comma-bounded stretch that ends at `comma` (within ten tokens), or -1. */
function openingComma(tokens: readonly Tok[], comma: number, s0: number): number {
  for (let j = comma - 1; j >= s0 && j >= comma - 10; j--) if (tokens[j].text === ',') return j;
  return -1;
}

/** A name standing alone between commas right before the cue: "The head of the PAC, Mike Murphy, praised". */
function nameInCommas(tokens: readonly Tok[], comma: number, s0: number): SourceRange | null {
  const open = openingComma(tokens, comma, s0);
  if (open < 0 || open + 1 === comma) return null;
  for (let j = open + 1; j < comma; j++) if (tokens[j].pos !== 'PROPN' && tokens[j].text !== '.' && tokens[j].text !== '-') return null;
  return { tokenStart: open + 1, tokenEnd: comma, rule: 'name in commas before cue' };
}

/** The noun phrase a "who …" / "which …" clause in commas right before the cue follows: "Barkley, who said he votes, said". */
function beforeRelativeClause(tokens: readonly Tok[], comma: number, s0: number): SourceRange | null {
  const open = openingComma(tokens, comma, s0);
  if (open - 1 < s0 || !RELATIVE.test(tokens[open + 1]?.text ?? '') || !isNpToken(tokens[open - 1]) || tokens[open - 1].pos === 'DET') return null;
  const start = npLeft(tokens, open, s0);
  return isTimePhrase(tokens, start, open) ? null : { tokenStart: start, tokenEnd: open, rule: 'noun phrase before a relative clause' };
}

/** Finds the source of the cue `[cueStart, cueEnd)` within its sentence `[s0, s1)`. */
export function findSource(tokens: readonly Tok[], cueStart: number, cueEnd: number, s0: number, s1: number): SourceRange | null {
  const first = tokens[cueStart];
  // "reacted to Merz's statements by saying": the subject of the clause speaks.
  for (let k = cueStart; k < cueEnd - 1; k++) {
    if (tokens[k].lemma === 'by' && tokens[k + 1].text.endsWith('ing')) return clauseSubject(tokens, cueStart, s0);
  }
  if (SOURCE_AFTER.test(first.text) || DASH.test(first.text)) {
    const end = npRight(tokens, cueEnd, s1);
    return end > cueEnd ? { tokenStart: cueEnd, tokenEnd: end, rule: 'noun phrase after according-to cue' } : null;
  }
  let k = cueStart;
  while (k - 1 >= s0 && (SKIP_POS.has(tokens[k - 1].pos) || (tokens[k - 1].pos === 'VERB' && tokens[k].lemma === 'to')) && tokens[k - 1].lemma !== 'to') k--;
  const before = tokens[k - 1];
  if (k - 1 >= s0 && isNpToken(before) && before.text !== '.' && before.pos !== 'DET') {
    const start = npLeft(tokens, k, s0);
    // "the Kentucky Republican on Tuesday dismissed": step over the time phrase.
    if (isTimePhrase(tokens, start, k) && start - 1 > s0 && tokens[start - 1].pos === 'ADP') {
      const again = findSource(tokens, start - 1, cueEnd, s0, s1);
      if (again) return again;
    }
    if (!isTimePhrase(tokens, start, k)) return { tokenStart: start, tokenEnd: k, rule: 'noun phrase before cue' };
  }
  // "…,' said Macron": the source follows the cue, only right after a quote.
  const afterQuote = k - 1 < s0 || QUOTE_BEFORE.test(before.text) || (before.text === ',' && k - 2 >= s0 && QUOTE_BEFORE.test(tokens[k - 2].text));
  if (afterQuote && first.pos === 'VERB' && !first.text.endsWith('ing') && cueEnd < s1 && ['PROPN', 'DET', 'PRON', 'NOUN'].includes(tokens[cueEnd].pos)) {
    const end = npRight(tokens, cueEnd, s1);
    if (end > cueEnd) return { tokenStart: cueEnd, tokenEnd: end, rule: 'noun phrase after cue (inverted)' };
  }
  // "The head of the PAC, Mike Murphy, praised …", "Barkley, who said he …, said …".
  if (before?.text === ',' && first.pos === 'VERB') {
    const inserted = nameInCommas(tokens, k - 1, s0) ?? beforeRelativeClause(tokens, k - 1, s0);
    if (inserted) return inserted;
  }
  // "X, who runs Y, says", "and says", "adding that", "by saying": the subject of the clause speaks.
  if (first.pos === 'VERB' || first.pos === 'AUX' || first.text === ':' || before?.text === ',' || before?.pos === 'CCONJ') {
    return withApposition(tokens, clauseSubject(tokens, cueStart, s0), cueStart);
  }
  return null;
}
