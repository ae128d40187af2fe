/**
 * Context features of one token for the cue classifier (cue-model.ts). Shared by the runtime
 * extractor and the training script (scripts/train-attribution.mjs), so both see the same names.
 * Features use only general English words (lower-case lemmas, never proper names: capitalized
 * words and PROPN tokens become shape placeholders), POS tags, quote marks and position.
 *
 * The features are declared once, in order, as specs (TOKEN_FEATURES, STACK_FEATURES): a
 * template, the columns its values come from and the condition column that fires it. A column
 * holds one value id (cue-symbols.ts) or flag per token, computed once per document. The
 * runtime scores a document from these columns (cue-model.ts), with no strings built;
 * `tokenFeatures` / `stackFeatures` write the names, for training and explanations. Scoring
 * every token with one name string per feature used to be most of the attribution pass.
 */
import type { Token } from '../../src/text/types.js';
import { tokenWordIds, WordTable, wordText } from '../../src/text/word-ids.js';
import { featureName, Symbols, template } from './cue-symbols.js';

/** The token fields features read (a subset of the text layer's Token). */
export type FeatureToken = Pick<Token, 'start' | 'end' | 'text' | 'lemma' | 'pos' | 'sentence'>;

const OPEN_QUOTES = new Set(['“', '‘', '«', '‹', '„', '‚', '``']);
const CLOSE_QUOTES = new Set(['”', '’', '»', '›', "''"]);
const SYMMETRIC_QUOTES = new Set(['"', "'"]);
// Every mark is one or two characters: longer tokens skip the set lookups (run on every token).
const MARK_LENGTH = 2;

/** True for a token that is only a quote mark. */
export function isQuoteMark(text: string): boolean {
  return text.length <= MARK_LENGTH && (OPEN_QUOTES.has(text) || CLOSE_QUOTES.has(text) || SYMMETRIC_QUOTES.has(text));
}

const DASH = /^(?:[—―–]|-{1,2})$/;
/** A dash: "—", "―", "–", "-" or "--" (DASH.test, asked only of texts that start like a dash). */
export function isDash(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 45 || (c >= 0x2013 && c <= 0x2015)) && DASH.test(text);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

// What a token's written form alone decides here, by its form id (src/text/word-ids.ts), worked
// out on its first token: which quote mark it is, the shape its placeholder reads, whether it
// is a comma, and whether a rule cue may start at it (a colon or a dash). Per token that is one array read instead of set look-ups, a digit scan and a regex,
// and the token's text is read only for a form not seen before.
const FORM_KNOWN = 1, OPEN_MARK = 2, CLOSE_MARK = 4, SYMMETRIC_MARK = 8, DASHES = 16, SHORT = 32, DIGIT = 64, UPPER_FIRST = 128, COMMA_FORM = 256;
/** A colon or a dash (isDash): the marks the rule cues of find-cues.ts start from. */
export const RULE_MARK = 512;
const QUOTE_MARK = OPEN_MARK | CLOSE_MARK | SYMMETRIC_MARK;
const formFactsTable = new WordTable(0);

function formFactsOf(id: number, text: string): number {
  let facts = formFactsTable.get(id);
  if (facts === 0) {
    const mark = text.length > MARK_LENGTH ? 0 : OPEN_QUOTES.has(text) ? OPEN_MARK : CLOSE_QUOTES.has(text) ? CLOSE_MARK : SYMMETRIC_QUOTES.has(text) ? SYMMETRIC_MARK : 0;
    facts = FORM_KNOWN | mark | (/^[-–—]+$/.test(text) ? DASHES : 0) | (text.length <= 2 ? SHORT : 0) | (hasDigit(text) ? DIGIT : 0);
    facts |= (isUpper(text.charCodeAt(0)) ? UPPER_FIRST : 0) | (text === ',' ? COMMA_FORM : 0) | (text === ':' || isDash(text) ? RULE_MARK : 0);
    formFactsTable.set(id, facts);
  }
  return facts;
}

/** The form facts of every token, into `out`. */
function tokenFormFacts(tokens: readonly FeatureToken[], forms: Int32Array, out: Int32Array): Int32Array {
  for (let i = 0; i < tokens.length; i++) {
    const known = formFactsTable.get(forms[i]);
    out[i] = known !== 0 ? known : formFactsOf(forms[i], tokens[i].text);
  }
  return out;
}

/**
 * Per token, whether it lies inside quote marks. Curly marks open and close. A straight mark
 * opens when a word follows it with no space and space or a bracket precedes it, and closes in
 * the mirror case (so apostrophes in "the Clintons' plan" do not flip the state). A quote left
 * open at a paragraph break is closed there: news style reopens it in the next paragraph.
 */
export function insideQuotes(tokens: readonly FeatureToken[], text?: string): boolean[] {
  return quoteState(tokens, text, tokenFormFacts(tokens, tokenWordIds(tokens).form, new Int32Array(tokens.length)));
}

/** insideQuotes from the tokens' form facts: a token's fields are read only inside a quote and at straight marks. */
function quoteState(tokens: readonly FeatureToken[], text: string | undefined, facts: Int32Array): boolean[] {
  const inside: boolean[] = new Array(tokens.length).fill(false);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    if (open && text && i > 0 && hasNewline(text, tokens[i - 1].end, tokens[i].start)) open = false;
    const mark = facts[i] & QUOTE_MARK;
    if (mark === 0) inside[i] = open;
    else if (mark === OPEN_MARK) open = true;
    else if (mark === CLOSE_MARK) open = false;
    else {
      const t = tokens[i];
      const before = text ? text[t.start - 1] ?? ' ' : ' ';
      const after = text ? text[t.end] ?? ' ' : ' ';
      const opens = /[\s([{\u2014\u2013-]/.test(before) && /\S/.test(after);
      const closes = /\S/.test(before) && /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
      if (opens && !closes) open = true;
      else if (closes && !opens) open = false;
      else if (opens && closes) open = !open;
    }
  }
  return inside;
}

/** Report verbs frequent enough that a second cue after them is usually inside their content. */
const STRONG_CUES = new Set(['say', 'tell', 'accord', 'write', 'add', 'report', 'claim', 'argue', 'note', 'state', 'announce', 'explain']);

/** Placeholder or lemma for a token: only general lower-case words keep their lemma. */
export function wordOf(token: FeatureToken, sentenceInitial: boolean): string {
  return placeholderOf(token, sentenceInitial) ?? lemmaWord(token.lemma.toLowerCase());
}

/** The placeholder a token's surface form or tag gives it ("<Q>", "<NAME>", a short punctuation mark …), or null when its lemma decides. */
function placeholderOf(token: FeatureToken, sentenceInitial: boolean): string | null {
  const { text, pos } = token;
  if (isQuoteMark(text)) return '<Q>';
  if (pos === 'PUNCT' || pos === 'SYM') return /^[-–—]+$/.test(text) ? '<DASH>' : text.length <= 2 ? text : '<P>';
  if (pos === 'NUM' || hasDigit(text)) return '<NUM>';
  if (pos === 'PROPN') return '<NAME>';
  if (!sentenceInitial && isUpper(text.charCodeAt(0))) return '<CAP>';
  return null;
}

/** The word of a token without a placeholder, from its lower-cased lemma. */
const lemmaWord = (lowerLemma: string) => (isGeneralWord(lowerLemma) ? lowerLemma : '<X>');

// What a lower-cased lemma alone decides, by its word id (src/text/word-ids.ts), worked out on
// its first token: its word ('<X>' unless it is a general word), that word's value id and its
// suffix feature's in the symbol table, whether the cue lexicon holds it, whether it is "that"
// or a strong cue. Per token that is one row of three numbers (one cache line) instead of a
// lower-cased copy of the lemma (a new string for the text layer's two-byte strings), a character
// scan and look-ups that hash it in the model's Map of some hundred thousand values, which mostly
// waits on memory.
const UNKNOWN = -2;
const NO_SUFFIX = -3;
const NO_CUE_WORDS: ReadonlySet<string> = new Set();

// Bits of what a lemma decides (LemmaTable.bits).
const GENERAL_LEMMA = 1, CUE_LEMMA = 2, THAT_LEMMA = 4, STRONG_CUE_LEMMA = 8;

/**
 * Per lemma id, for one symbol table and one cue lexicon: `[bits, word value id, suffix value
 * id]`, UNKNOWN until worked out. The bits are worked out on a lemma's first token; the value
 * ids on its first token without a placeholder (a growing symbol table, in training, numbers
 * only the values that occur).
 */
class LemmaTable {
  private rows = new Int32Array(3 * 1024).fill(UNKNOWN);

  constructor(
    private readonly symbols: Symbols,
    private readonly cueWords: ReadonlySet<string>,
  ) {}

  /** GENERAL_LEMMA | CUE_LEMMA | … of lemma `id`. */
  bits(id: number): number {
    if (3 * id >= this.rows.length) {
      const grown = new Int32Array(Math.max(3 * (id + 1), 2 * this.rows.length)).fill(UNKNOWN);
      grown.set(this.rows);
      this.rows = grown;
    }
    let bits = this.rows[3 * id];
    if (bits === UNKNOWN) {
      const lemma = wordText(id);
      bits = (isGeneralWord(lemma) ? GENERAL_LEMMA : 0) | (this.cueWords.has(lemma) ? CUE_LEMMA : 0) | (lemma === 'that' ? THAT_LEMMA : 0) | (STRONG_CUES.has(lemma) ? STRONG_CUE_LEMMA : 0);
      this.rows[3 * id] = bits;
    }
    return bits;
  }

  /** Value id of the word of lemma `id` (`word`, its lemma or '<X>'); bits(id) asked first. */
  wordValue(id: number, word: string): number {
    let value = this.rows[3 * id + 1];
    if (value === UNKNOWN) this.rows[3 * id + 1] = value = this.symbols.id(word);
    return value;
  }

  /** Value id of the suffix feature of `word` (lemma `id`'s), or NO_SUFFIX; bits(id) asked first. */
  suffixValue(id: number, word: string): number {
    let value = this.rows[3 * id + 2];
    if (value === UNKNOWN) this.rows[3 * id + 2] = value = hasSuffixFeature(word) ? this.symbols.id(word.slice(-3)) : NO_SUFFIX;
    return value;
  }
}

/** Per symbol table: a LemmaTable per cue lexicon, and the value ids of the few other values asked per token. */
interface LemmaValues {
  lemmas: WeakMap<ReadonlySet<string>, LemmaTable>;
  /** POS tags and placeholders (quote and punctuation marks of up to two characters among them): a small Map that stays in cache. */
  small: Map<string, number>;
}
const lemmaValues = new WeakMap<Symbols, LemmaValues>();

function lemmaValuesOf(symbols: Symbols): LemmaValues {
  let values = lemmaValues.get(symbols);
  if (!values) lemmaValues.set(symbols, (values = { lemmas: new WeakMap(), small: new Map() }));
  return values;
}

/** The lemma table of `symbols` and the cue lexicon `cueWords`: looked up once per document. */
function lemmaTableOf(values: LemmaValues, symbols: Symbols, cueWords: ReadonlySet<string>): LemmaTable {
  let table = values.lemmas.get(cueWords);
  if (!table) values.lemmas.set(cueWords, (table = new LemmaTable(symbols, cueWords)));
  return table;
}

/** Value id of a POS tag or placeholder. */
function smallValueId(values: LemmaValues, symbols: Symbols, value: string): number {
  let id = values.small.get(value);
  if (id === undefined) values.small.set(value, (id = symbols.id(value)));
  return id;
}

// Character tests of wordOf and the suffix feature, run for every token: written out rather
// than as regular expressions (/\d/, /^[A-Z]/, /^[a-z][a-z'-]*$/, /^[a-z]{5,}$/), same answers.
const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;
function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
/** A lower-case letter, then lower-case letters, apostrophes and hyphens. */
function isGeneralWord(word: string): boolean {
  if (!isLower(word.charCodeAt(0))) return false;
  for (let k = 1; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (!isLower(c) && c !== 39 && c !== 45) return false;
  }
  return true;
}
/** Five lower-case letters or more: words whose last three letters make the suffix feature. */
function hasSuffixFeature(word: string): boolean {
  if (word.length < 5) return false;
  for (let k = 0; k < word.length; k++) if (!isLower(word.charCodeAt(k))) return false;
  return true;
}

/** One feature: its template, the value columns of its values (-1: none), and the condition column that fires it (-1: always). */
export interface FeatureSpec {
  t: number;
  a: number;
  b: number;
  when: number;
}

// Value columns: per token, the id of the word (w) or POS tag (p) at an offset within the
// sentence ("<S>" / "</S>" past its edges), quote state, suffix; then those of the stack features.
const W_3 = 0, W_2 = 1, W_1 = 2, W0 = 3, W1 = 4, W2 = 5, W3 = 6;
const P_2 = 7, P_1 = 8, P0 = 9, P1 = 10, P2 = 11;
const INQ = 12, SUFFIX = 13;
const TOKEN_COLUMNS = 14;
/** The word columns and the offset of the word each holds (cue-model.ts sums their features word by word). */
export const WORD_OFFSETS: ReadonlyMap<number, number> = new Map([[W_3, -3], [W_2, -2], [W_1, -1], [W0, 0], [W1, 1], [W2, 2], [W3, 3]]);
/** Probability bucket of the token and its neighbours ("x" outside the sentence), of the likeliest token before / after it in the sentence, and whether it is the likeliest. */
const B_1 = 14, B0 = 15, B1 = 16, BEFORE = 17, AFTER = 18, MAX = 19;
const ALL_COLUMNS = 20;

// Condition columns.
const INSIDE = 0, LEXICAL = 1, LEXICAL_BEFORE = 2, Q_BEFORE = 3, Q_AFTER = 4, THAT_AFTER = 5, SUBJECT_BEFORE = 6;
const NAME_AFTER = 7, SENTENCE_FIRST = 8, SENTENCE_LAST = 9, CUE_VERB_BEFORE = 10, THAT_BEFORE = 11, FIRST_VERB = 12;
const COMMA_BEFORE = 13, HAS_SUFFIX = 14, QUOTED_SENTENCE_OUTSIDE = 15;
const CONDITIONS = 16;

const NONE = -1;
const feature = (name: string, a = NONE, b = NONE, when = NONE): FeatureSpec => ({ t: template(name, a < 0 ? 0 : b < 0 ? 1 : 2), a, b, when });

/**
 * Token features, in the order their names are listed (and ties in explanations broken). The
 * word paired with its left neighbour's word or tag ("w-1|w", "p-1|w") or with a quoted sentence
 * ("q-sentence-outside|w"), and the stack template "s:p|w", let one verb weigh differently by
 * its surroundings ("he said" / "by saying"). The trainer's name filter once dropped them by
 * mistake; restored, with five training epochs, dev cue F1 went from 0.797 to 0.801. The scorer
 * reads all word templates from one row per word and both word bigram templates from one table
 * (cue-model.ts), so they cost little time. The word under other context conditions
 * ("that-after|w", "name-after|w", …) scored no better on dev and is left out.
 */
export const TOKEN_FEATURES: readonly FeatureSpec[] = [
  feature('bias'),
  feature('w', W0),
  feature('p', P0),
  feature('w-1', W_1),
  feature('w+1', W1),
  feature('w-2', W_2),
  feature('w+2', W2),
  feature('p-1', P_1),
  feature('p+1', P1),
  feature('p-2', P_2),
  feature('p+2', P2),
  feature('w|w+1', W0, W1),
  feature('p-1|p', P_1, P0),
  feature('p|p+1', P0, P1),
  feature('w|p+1', W0, P1),
  feature('inq', NONE, NONE, INSIDE),
  feature('inq|p', P0, NONE, INSIDE),
  feature('lex|p', P0, NONE, LEXICAL),
  feature('lex|inq', INQ, NONE, LEXICAL),
  feature('lex|p+1', P1, NONE, LEXICAL),
  feature('lex|p-1', P_1, NONE, LEXICAL),
  feature('lex-1|p', P0, NONE, LEXICAL_BEFORE),
  feature('q-before', NONE, NONE, Q_BEFORE),
  feature('q-after', NONE, NONE, Q_AFTER),
  feature('that-after', NONE, NONE, THAT_AFTER),
  feature('subj-before', NONE, NONE, SUBJECT_BEFORE),
  feature('name-after', NONE, NONE, NAME_AFTER),
  feature('s-first', NONE, NONE, SENTENCE_FIRST),
  feature('s-last', NONE, NONE, SENTENCE_LAST),
  feature('cue-verb-before', NONE, NONE, CUE_VERB_BEFORE),
  feature('that-before', NONE, NONE, THAT_BEFORE),
  feature('first-verb|p', P0, NONE, FIRST_VERB),
  feature('comma-before', NONE, NONE, COMMA_BEFORE),
  feature('w-3', W_3),
  feature('w+3', W3),
  feature('w|inq', W0, INQ),
  feature('suf', P0, SUFFIX, HAS_SUFFIX),
  feature('q-sentence-outside', NONE, NONE, QUOTED_SENTENCE_OUTSIDE),
  feature('w-1|w', W_1, W0),
  feature('p-1|w', P_1, W0),
  feature('q-sentence-outside|w', W0, NONE, QUOTED_SENTENCE_OUTSIDE),
];

/**
 * Second-pass features from first-pass cue probabilities: how likely the token and its
 * neighbours are, and whether a likelier cue already stands in the sentence (PolNeAR gives each
 * token one attribution, so a cue inside another cue's content is not annotated).
 */
export const STACK_FEATURES: readonly FeatureSpec[] = [
  feature('s:p', B0),
  feature('s:p-1', B_1),
  feature('s:p+1', B1),
  feature('s:p-1|p', B_1, B0),
  feature('s:p|p+1', B0, B1),
  feature('s:before', BEFORE, B0),
  feature('s:after', AFTER, B0),
  feature('s:max', MAX, B0),
  feature('s:p|inq', B0, INQ),
  feature('s:p|w', B0, W0),
];

/** The bias feature's template id (explanations leave it out). */
export const BIAS_TEMPLATE = TOKEN_FEATURES[0].t;

/** Views of a token list that features need; build once per document. */
export interface FeatureContext {
  tokens: readonly FeatureToken[];
  words: string[];
  inside: boolean[];
  /** Per token, whether its lemma is a known cue word (report-verbs.json, cue-words.json). */
  lexical: boolean[];
  /** First token index of each token's sentence, and one past its last. */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** The value table the columns' ids refer to. */
  symbols: Symbols;
  /** Value columns of the token features (stack columns come from stackColumns). */
  columns: Int32Array[];
  /** Condition columns: 1 where the feature fires. */
  conditions: Uint8Array[];
  /** Facts of each token's written form (bits; RULE_MARK is the one read outside this module). */
  forms: Int32Array;
}

// Token kinds the window conditions and running flags look for (bits).
const IS_QUOTE = 1, IS_THAT = 2, IS_SUBJECT = 4, IS_NAME = 8, IS_VERB = 16, IS_STRONG_CUE = 32, IS_THAT_CONJUNCTION = 64, IS_COMMA = 128;

/** `count` arrays of `n` ids, views of one buffer. */
function columnStore(count: number, n: number): Int32Array[] {
  const store = new Int32Array(count * n);
  return Array.from({ length: count }, (_, c) => store.subarray(c * n, (c + 1) * n));
}

/** Per token, the id at `offset` within its sentence: `ids[k]`, or the edge id past the sentence. */
function shifted(ids: Int32Array, offset: number, sentenceEnd: Int32Array, start: number, end: number, out = new Int32Array(ids.length)): Int32Array {
  for (let s0 = 0; s0 < ids.length; s0 = sentenceEnd[s0]) {
    const s1 = sentenceEnd[s0];
    for (let i = s0; i < s1; i++) {
      const k = i + offset;
      out[i] = k < s0 ? start : k >= s1 ? end : ids[k];
    }
  }
  return out;
}

/**
 * `text` (the article text) lets quote marks be read in context; without it straight marks
 * toggle. `cueWords` (lower-case lemmas of the cue lexicons) lets rare cue verbs share weight.
 * `symbols` numbers the values: a model's frozen table at runtime, a growing one in training.
 */
export function featureContext(
  tokens: readonly FeatureToken[],
  text?: string,
  cueWords: ReadonlySet<string> = NO_CUE_WORDS,
  symbols: Symbols = new Symbols(),
): FeatureContext {
  const n = tokens.length;
  // The document's arrays are views of two stores: a few allocations per document, not dozens.
  // (the last holds each token's form facts)
  const ints = columnStore(TOKEN_COLUMNS + 3, n);
  const bytes = new Uint8Array((CONDITIONS + 1) * n);
  const sentenceStart = ints[TOKEN_COLUMNS];
  const sentenceEnd = ints[TOKEN_COLUMNS + 1];
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || tokens[i].sentence !== tokens[from].sentence) {
      sentenceStart.fill(from, from, i);
      sentenceEnd.fill(i, from, i);
      from = i;
    }
  }
  const ids = tokenWordIds(tokens);
  const facts = tokenFormFacts(tokens, ids.form, ints[TOKEN_COLUMNS + 2]);
  const inside = quoteState(tokens, text, facts);
  const words: string[] = new Array(n);
  const lexical: boolean[] = new Array(n);
  const wordIds = ints[W0];
  const posIds = ints[P0];
  const columns: Int32Array[] = new Array(TOKEN_COLUMNS);
  const conditions = Array.from({ length: CONDITIONS }, (_, c) => bytes.subarray(c * n, (c + 1) * n));
  const [zero, one, start, end] = ['0', '1', '<S>', '</S>'].map((v) => symbols.id(v));
  const suffix = (columns[SUFFIX] = ints[SUFFIX]);
  const inq = (columns[INQ] = ints[INQ]);
  const lemmaIds = ids.lemma;
  const values = lemmaValuesOf(symbols);
  const lemmas = lemmaTableOf(values, symbols, cueWords);
  // Token kinds the window conditions look for.
  const kinds = bytes.subarray(CONDITIONS * n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const pos = t.pos;
    const form = facts[i];
    // placeholderOf, read off the form's facts. After a quote mark a word starts a sentence as far
    // as capitals go.
    let placeholder: string | null = null;
    if (form & QUOTE_MARK) placeholder = '<Q>';
    else if (pos === 'PUNCT' || pos === 'SYM') placeholder = form & DASHES ? '<DASH>' : form & SHORT ? t.text : '<P>';
    else if (pos === 'NUM' || form & DIGIT) placeholder = '<NUM>';
    else if (pos === 'PROPN') placeholder = '<NAME>';
    else if (form & UPPER_FIRST && i !== sentenceStart[i] && !(i > 0 && facts[i - 1] & QUOTE_MARK)) placeholder = '<CAP>';
    // A proper noun always has a placeholder and is never a cue word: its lemma goes unread.
    const lemma = pos === 'PROPN' ? -1 : lemmaIds[i];
    const bits = lemma >= 0 ? lemmas.bits(lemma) : 0;
    let word: string;
    // What the lemma's own word decides ("that", a strong cue): nothing when a placeholder stands for it.
    let wordBits = 0;
    // Placeholders have no suffix feature (none is five lower-case letters): only a lemma's word can.
    if (placeholder !== null) (word = placeholder), (wordIds[i] = smallValueId(values, symbols, word));
    else {
      // lemma ≥ 0 here: only a PROPN has no lemma id, and it has a placeholder
      word = bits & GENERAL_LEMMA ? wordText(lemma) : '<X>';
      wordBits = bits;
      wordIds[i] = lemmas.wordValue(lemma, word);
      const suffixId = lemmas.suffixValue(lemma, word);
      if (suffixId !== NO_SUFFIX) (suffix[i] = suffixId), (conditions[HAS_SUFFIX][i] = 1);
    }
    words[i] = word;
    lexical[i] = (bits & CUE_LEMMA) !== 0;
    // Everything the sentence loop below asks of a token, so that it reads no token again.
    const verb = pos === 'VERB';
    kinds[i] =
      (form & QUOTE_MARK ? IS_QUOTE : 0) | (wordBits & THAT_LEMMA ? IS_THAT : 0) | (pos === 'PRON' || pos === 'PROPN' ? IS_SUBJECT : 0) | (pos === 'PROPN' ? IS_NAME : 0) |
      (verb ? IS_VERB : 0) | (verb && wordBits & STRONG_CUE_LEMMA ? IS_STRONG_CUE : 0) | (pos === 'SCONJ' && wordBits & THAT_LEMMA ? IS_THAT_CONJUNCTION : 0) | (form & COMMA_FORM ? IS_COMMA : 0);
    posIds[i] = smallValueId(values, symbols, pos);
    inq[i] = inside[i] ? one : zero;
  }
  for (const [column, offset] of [[W_3, -3], [W_2, -2], [W_1, -1], [W1, 1], [W2, 2], [W3, 3]]) columns[column] = shifted(wordIds, offset, sentenceEnd, start, end, ints[column]);
  for (const [column, offset] of [[P_2, -2], [P_1, -1], [P1, 1], [P2, 2]]) columns[column] = shifted(posIds, offset, sentenceEnd, start, end, ints[column]);
  columns[W0] = wordIds;
  columns[P0] = posIds;

  // One name per column, read one by one: destructuring a mapped array literal here made V8
  // throw this function's optimized code away again and again ("wrong map", hundreds of times
  // in a few thousand articles), about a tenth of the attribution pass.
  const isInside = conditions[INSIDE], isLexical = conditions[LEXICAL], lexicalBefore = conditions[LEXICAL_BEFORE];
  const qBefore = conditions[Q_BEFORE], qAfter = conditions[Q_AFTER], thatAfter = conditions[THAT_AFTER];
  const subjectBefore = conditions[SUBJECT_BEFORE], nameAfter = conditions[NAME_AFTER];
  const sentenceFirst = conditions[SENTENCE_FIRST], sentenceLast = conditions[SENTENCE_LAST];
  const cueVerbBefore = conditions[CUE_VERB_BEFORE], thatBefore = conditions[THAT_BEFORE], firstVerb = conditions[FIRST_VERB];
  const commaBefore = conditions[COMMA_BEFORE], quotedOutside = conditions[QUOTED_SENTENCE_OUTSIDE];
  for (let s0 = 0; s0 < n; s0 = sentenceEnd[s0]) {
    const s1 = sentenceEnd[s0];
    // What stands earlier in the sentence, as running flags (one pass, not a scan per token).
    let cueVerb = 0;
    let that = 0;
    let verb = 0;
    let comma = 0;
    let quoted = false;
    for (let k = s0; k < s1; k++) quoted ||= inside[k];
    // Windows after a token (within the sentence): the nearest token of each kind after it, read back to front.
    let nextQuote = Infinity;
    let nextThat = Infinity;
    let nextName = Infinity;
    for (let i = s1 - 1; i >= s0; i--) {
      qAfter[i] = +(nextQuote <= i + 3);
      thatAfter[i] = +(nextThat <= i + 4);
      nameAfter[i] = +(nextName <= i + 3);
      if (kinds[i] & IS_QUOTE) nextQuote = i;
      if (kinds[i] & IS_THAT) nextThat = i;
      if (kinds[i] & IS_NAME) nextName = i;
    }
    // Windows before it: the nearest one before it.
    let lastQuote = -Infinity;
    let lastSubject = -Infinity;
    for (let i = s0; i < s1; i++) {
      isInside[i] = +inside[i];
      isLexical[i] = +lexical[i];
      lexicalBefore[i] = +(i > s0 && lexical[i - 1]);
      qBefore[i] = +(lastQuote >= i - 3);
      subjectBefore[i] = +(lastSubject >= i - 4);
      if (kinds[i] & IS_QUOTE) lastQuote = i;
      if (kinds[i] & IS_SUBJECT) lastSubject = i;
      sentenceFirst[i] = +(i === s0);
      sentenceLast[i] = +(i >= s1 - 2);
      cueVerbBefore[i] = cueVerb;
      thatBefore[i] = that;
      firstVerb[i] = 1 - verb;
      commaBefore[i] = comma;
      quotedOutside[i] = +(quoted && !inside[i]);
      const kind = kinds[i];
      if (!inside[i] && kind & IS_STRONG_CUE) cueVerb = 1;
      if (kind & IS_THAT_CONJUNCTION) that = 1;
      if (kind & IS_VERB) verb = 1;
      if (kind & IS_COMMA) comma = 1;
    }
  }
  return { tokens, words, inside, lexical, sentenceStart, sentenceEnd, symbols, columns, conditions, forms: facts };
}

const bucket = (p: number) => (p < 0.1 ? 0 : p < 0.3 ? 1 : p < 0.5 ? 2 : p < 0.7 ? 3 : p < 0.9 ? 4 : 5);

/** The token columns plus the stack feature columns of first-pass `probabilities`. */
export function stackColumns(ctx: FeatureContext, probabilities: ArrayLike<number>): Int32Array[] {
  const n = ctx.tokens.length;
  const { symbols, sentenceEnd } = ctx;
  const buckets = [0, 1, 2, 3, 4, 5].map((b) => symbols.id(String(b)));
  const [zero, one, outside] = ['0', '1', 'x'].map((v) => symbols.id(v));
  const columns = [...ctx.columns, ...columnStore(ALL_COLUMNS - TOKEN_COLUMNS, n)];
  const own = columns[B0];
  for (let i = 0; i < n; i++) own[i] = buckets[bucket(probabilities[i])];
  shifted(own, -1, sentenceEnd, outside, outside, columns[B_1]);
  shifted(own, 1, sentenceEnd, outside, outside, columns[B1]);
  // Running maxima within each sentence (0 when nothing stands before / after).
  const before = new Float64Array(n);
  for (let s0 = 0; s0 < n; s0 = sentenceEnd[s0]) {
    const s1 = sentenceEnd[s0];
    let max = 0;
    for (let k = s0; k < s1; k++) (before[k] = max), (max = Math.max(max, probabilities[k]));
    max = 0;
    for (let k = s1 - 1; k >= s0; k--) {
      const p = probabilities[k];
      columns[BEFORE][k] = buckets[bucket(before[k])];
      columns[AFTER][k] = buckets[bucket(max)];
      columns[MAX][k] = p >= before[k] && p >= max ? one : zero;
      max = Math.max(max, p);
    }
  }
  return columns;
}

/** The value ids of `spec` at token `i`, or null when its condition does not hold there. */
export function featureValues(spec: FeatureSpec, columns: readonly Int32Array[], conditions: readonly Uint8Array[], i: number): [number, number] | null {
  if (spec.when >= 0 && !conditions[spec.when][i]) return null;
  return [spec.a >= 0 ? columns[spec.a][i] : NONE, spec.b >= 0 ? columns[spec.b][i] : NONE];
}

function names(ctx: FeatureContext, specs: readonly FeatureSpec[], columns: readonly Int32Array[], i: number): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    const values = featureValues(spec, columns, ctx.conditions, i);
    if (values) out.push(featureName(ctx.symbols, spec.t, values[0], values[1]));
  }
  return out;
}

/** Feature names of token `i` (training: the context needs a growing symbol table). */
export function tokenFeatures(ctx: FeatureContext, i: number): string[] {
  return names(ctx, TOKEN_FEATURES, ctx.columns, i);
}

/** Stack feature names of every token from first-pass probabilities (training). */
export function stackFeatures(ctx: FeatureContext, probabilities: ArrayLike<number>): string[][] {
  const columns = stackColumns(ctx, probabilities);
  return ctx.tokens.map((_, i) => names(ctx, STACK_FEATURES, columns, i));
}
