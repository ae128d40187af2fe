/**
 * Reads every token property the text layer needs from a wink document in ONE tight loop over
 * wink's raw document data. wink's public API gives one property per `out(its.x)` call, each a
 * full walk plus an array; seven of them cost about as much as a third of `readDoc` itself, and
 * even one walk through `out()` with a mapper of our own pays a few function calls per token.
 * wink passes its raw document data (four numbers per token, sentence spans, the lexicon cache)
 * to the `its` mappers it allows, so we register one mapper of our own in wink's allow-list
 * (`wink-nlp/src/allowed.js`), call it on the first token only to get that data, and read the
 * numbers directly, in the layout wink 2.x documents in `readDoc` (token = [lexeme id,
 * expansion normal + preceding spaces, POS + lemma, negation flag]). Anything that is not a
 * plain number read (values, types, lemmas) still comes from wink's own `its` functions. When
 * the allow-list is not where wink 2.x keeps it, we fall back to one `out()` per property —
 * same results, slower.
 *
 * Value, type, normal form and stop flag belong to the lexeme (wink's id for a written form),
 * so they are read from wink once per lexeme and kept in a table by id (wink's lexicon only
 * grows, so ids are stable); the lemma depends on the lexeme and its POS, so the table keeps
 * one lemma per POS seen. POS and negation are read per token. Contractions carry their own
 * normal form and lemma and are read each time. The table also keeps each lexeme's word ids
 * (word-ids.ts: its value's, and its lemma's per POS), so numbering a token costs no look-up.
 */
import { createRequire } from 'node:module';
import type { Nlp } from './nlp.js';
import { wordId } from './word-ids.js';

/** One wink token's properties. readTokens reuses one object for every token: copy what you keep. */
export interface RawToken {
  /** wink token index (whitespace tokens included). */
  index: number;
  /** Index of the wink sentence holding the token. */
  sentence: number;
  value: string;
  type: string;
  pos: string;
  norm: string;
  lemma: string;
  stop: boolean;
  negated: boolean;
  /** Word id (word-ids.ts) of `value`, or -1 when not known here (contractions, the fallback path). */
  formId: number;
  /** Word id of the lower-cased lemma (else normal form), or -1 when not known here. */
  lemmaId: number;
}

type Document = ReturnType<Nlp['readDoc']>;
type ItsFn = (index: number, rdd: unknown, addons: unknown) => unknown;
type WinkIts = Record<'value' | 'type' | 'pos' | 'normal' | 'lemma' | 'stopWordFlag' | 'negationFlag' | 'span', ItsFn>;

/** The part of wink's raw document data read here (see wink-nlp/src/wink-nlp.js, readDoc). */
interface RawDocData {
  tokens: number[];
  sentences: number[][];
  cache?: { property(index: number, name: string): unknown; intrinsicSize(): number };
}

/**
 * wink's lemma of token `i`, except for a word its lexicon marks as a contraction that the
 * tokenizer left whole ("as is her wont."): the lexeme's lemma field then points at the
 * expansions, and wink returns whatever word sits at that index — '' at first, later a word some
 * earlier article added ("seelig", "Nations"), so the lemma would depend on what the thread read
 * before. Such a word is its own lemma.
 */
function lemmaAt(its: WinkIts, i: number, rdd: RawDocData, addons: unknown, norm: string): string {
  const id = rdd.tokens[i * TOKEN_SIZE];
  const cache = rdd.cache;
  if (cache && id < cache.intrinsicSize() && cache.property(id, 'isContraction') === 1) return norm;
  return its.lemma(i, rdd, addons) as string;
}

/** wink's token layout: numbers per token, POS bits in the third number, negation in the fourth. */
const TOKEN_SIZE = 4;
const POS_MASK = 0x3f00000;
const POS_SHIFT = 20;
const NEGATION_FLAG = 2 ** 31;
/** A second number above this marks an expanded contraction ("ca" → can). */
const CONTRACTION_FLOOR = 65535;

let captured: { rdd: RawDocData; addons: unknown } | undefined;
/** Our mapper, registered with wink once: it only hands back the raw data it is given. */
const probe: ItsFn = (_index, rdd, addons) => {
  captured = { rdd: rdd as RawDocData, addons };
  return 0;
};

let registered: boolean | undefined;

function registerProbe(): boolean {
  if (registered !== undefined) return registered;
  try {
    const allowed = createRequire(import.meta.url)('wink-nlp/src/allowed.js') as { its4token?: Set<unknown>; its4tokens?: Set<unknown> };
    registered = allowed.its4token instanceof Set;
    if (registered) {
      allowed.its4token!.add(probe);
      allowed.its4tokens?.add(probe);
    }
  } catch {
    registered = false;
  }
  return registered;
}

/** wink's lexicon cache behind `doc` (one per wink instance), when the probe can reach it. */
export function winkCache(doc: Document): NonNullable<RawDocData['cache']> | undefined {
  return rawData(doc, doc.tokens().length())?.rdd.cache;
}

/** wink's raw data and addons behind `doc`, when the probe can reach them and they have the expected shape. */
function rawData(doc: Document, count: number): { rdd: RawDocData; addons: unknown } | undefined {
  if (count === 0 || !registerProbe()) return undefined;
  captured = undefined;
  doc.tokens().itemAt(0).out(probe as never);
  const got = captured as { rdd: RawDocData; addons: unknown } | undefined;
  captured = undefined;
  const rdd = got?.rdd;
  if (!rdd || !Array.isArray(rdd.tokens) || rdd.tokens.length !== count * TOKEN_SIZE || !Array.isArray(rdd.sentences)) return undefined;
  return got;
}

/**
 * What wink knows about a lexeme regardless of context, plus its lemma for each POS seen: the
 * first one inline (most words only ever get one POS, and one object is one memory load less),
 * any other by POS code.
 */
interface Lexeme {
  value: string;
  type: string;
  norm: string;
  stop: boolean;
  lemmaPos: number;
  lemma: string;
  otherLemmas: (string | undefined)[] | undefined;
  /** Word ids of the value and of the lemma of `lemmaPos` (word-ids.ts), and of the other lemmas by POS code. */
  formId: number;
  lemmaId: number;
  otherLemmaIds: number[] | undefined;
}

/** The word id of a lemma as analyses look it up (word-ids.ts, lemmaKey): in lower case, the normal form when there is none. */
const lemmaIdOf = (lemma: string | undefined, norm: string) => wordId((lemma ?? norm).toLowerCase());

/** Slots of the small cache in front of the lexeme table (a power of two). */
const RECENT_SLOTS = 32768;

/**
 * A direct-mapped cache of recently read lexemes by slot (`id & (RECENT_SLOTS - 1)`). wink's ids
 * are spread over its whole lexicon, not ordered by frequency, so even "the" and "of" sit far
 * apart in the big table, and each Lexeme object is one more memory load; by the time the tokens
 * are read, `readDoc` has pushed them out of the CPU cache. The cache (under a megabyte) holds the
 * words seen lately close together; 32768 slots keep about nine in ten tokens of news text a hit.
 * A slot's fields sit side by side, four strings in one array and four numbers in another, so a
 * hit costs two memory loads, not one per field. (One array of records per slot measured slower.)
 */
interface RecentLexemes {
  /** Per slot, at `STRINGS * slot`: value, type, normal form, and the lemma of the last POS code seen. */
  strings: string[];
  /**
   * Per slot, at `NUMBERS * slot`: lexeme id (-1: empty), that last POS code times two plus the
   * stop flag (1 or 0), the value's word id, the lemma's word id.
   */
  numbers: Int32Array;
}

const STRINGS = 4;
const VALUE = 0;
const TYPE = 1;
const NORM = 2;
const LEMMA = 3;
const NUMBERS = 4;
const ID = 0;
// The POS code and the stop flag share one number so that a slot stays four numbers (16 bytes).
const LEMMA_POS_STOP = 1;
const FORM_ID = 2;
const LEMMA_ID = 3;

/** Per wink instance: lexemes by id (ids index that instance's append-only lexicon), POS names by code, the recent cache. */
interface LexemeTable {
  lexemes: (Lexeme | undefined)[];
  posNames: string[];
  recent: RecentLexemes;
}

const lexemeTables = new WeakMap<object, LexemeTable>();

function lexemeTable(nlp: Nlp): LexemeTable {
  let table = lexemeTables.get(nlp);
  if (!table) {
    const recent: RecentLexemes = {
      strings: new Array<string>(STRINGS * RECENT_SLOTS).fill(''),
      numbers: new Int32Array(NUMBERS * RECENT_SLOTS).fill(-1),
    };
    lexemeTables.set(nlp, (table = { lexemes: [], posNames: [], recent }));
  }
  return table;
}

/**
 * What readTokens hands each token to. An object with a method rather than a callback, so that
 * the text layer can pass an instance of one class (doc-tokens.ts), whose `add` V8 inlines into
 * the loop below; a closure made per document would stay a call per token.
 */
export interface TokenSink {
  add(token: RawToken): void;
}

/** Calls `sink.add` for each wink token in order with its value, type, POS, normal form, lemma, stop and negation flags. */
export function readTokens(nlp: Nlp, doc: Document, sink: TokenSink): void {
  const its = nlp.its as unknown as WinkIts;
  const all = doc.tokens();
  const count = all.length();
  const raw: RawToken = { index: 0, sentence: 0, value: '', type: '', pos: '', norm: '', lemma: '', stop: false, negated: false, formId: -1, lemmaId: -1 };
  const data = rawData(doc, count);
  if (data) {
    readRaw(its, data.rdd, data.addons, lexemeTable(nlp), count, raw, sink);
    return;
  }
  // Fallback: one public out() per property.
  const out = <T>(f: unknown) => all.out(f as never) as unknown as T[];
  const values = out<string>(its.value);
  const types = out<string>(its.type);
  const pos = out<string>(its.pos);
  const norms = out<string>(its.normal);
  const lemmas = out<string>(its.lemma);
  const stops = out<boolean>(its.stopWordFlag);
  const negated = out<boolean>(its.negationFlag);
  const sentenceEnds = (doc.sentences().out(its.span as never) as unknown as [number, number][]).map((s) => s[1]);
  let s = 0;
  for (let i = 0; i < count; i++) {
    while (s + 1 < sentenceEnds.length && i > sentenceEnds[s]) s++;
    raw.index = i;
    raw.sentence = s;
    raw.value = values[i];
    raw.type = types[i];
    raw.pos = pos[i];
    raw.norm = norms[i];
    // Without wink's raw data an unexpanded contraction cannot be told (see lemmaAt); its lemma is at least never empty.
    raw.lemma = lemmas[i] || norms[i];
    raw.stop = stops[i];
    raw.negated = negated[i];
    sink.add(raw);
  }
}

/** The direct loop over wink's token numbers (see the file header). */
function readRaw(its: WinkIts, rdd: RawDocData, addons: unknown, table: LexemeTable, count: number, raw: RawToken, sink: TokenSink): void {
  const { lexemes, posNames } = table;
  const { strings, numbers: slots } = table.recent;
  const numbers = rdd.tokens;
  const sentences = rdd.sentences;
  let s = 0;
  let sentenceEnd = sentences.length ? sentences[0][1] : Infinity;
  for (let i = 0; i < count; i++) {
    while (i > sentenceEnd && s + 1 < sentences.length) sentenceEnd = sentences[++s][1];
    const at = i * TOKEN_SIZE;
    const posCode = (numbers[at + 2] & POS_MASK) >>> POS_SHIFT;
    const pos = posNames[posCode] ?? (posNames[posCode] = its.pos(i, rdd, addons) as string);
    raw.index = i;
    raw.sentence = s;
    raw.pos = pos;
    raw.negated = numbers[at + 3] >= NEGATION_FLAG;
    if (numbers[at + 1] > CONTRACTION_FLOOR) {
      // An expanded contraction ("ca" → can) carries its own normal form and lemma.
      raw.value = its.value(i, rdd, addons) as string;
      raw.type = its.type(i, rdd, addons) as string;
      raw.norm = its.normal(i, rdd, addons) as string;
      raw.stop = its.stopWordFlag(i, rdd, addons) as boolean;
      raw.lemma = its.lemma(i, rdd, addons) as string;
      raw.formId = -1;
      raw.lemmaId = -1;
      sink.add(raw);
      continue;
    }
    const id = numbers[at];
    const slot = id & (RECENT_SLOTS - 1);
    const str = STRINGS * slot;
    const num = NUMBERS * slot;
    if (slots[num + ID] !== id) {
      let lexeme = lexemes[id];
      if (!lexeme) {
        // Grow densely: assigning far past the end would turn the table into a slow dictionary.
        while (lexemes.length <= id) lexemes.push(undefined);
        const norm = its.normal(i, rdd, addons) as string;
        const value = its.value(i, rdd, addons) as string;
        const lemma = lemmaAt(its, i, rdd, addons, norm);
        lexeme = lexemes[id] = {
          value, type: its.type(i, rdd, addons) as string,
          norm, stop: its.stopWordFlag(i, rdd, addons) as boolean,
          lemmaPos: posCode, lemma, otherLemmas: undefined,
          formId: wordId(value), lemmaId: lemmaIdOf(lemma, norm), otherLemmaIds: undefined,
        };
      }
      strings[str + VALUE] = lexeme.value;
      strings[str + TYPE] = lexeme.type;
      strings[str + NORM] = lexeme.norm;
      strings[str + LEMMA] = lexeme.lemma;
      slots[num + ID] = id;
      slots[num + LEMMA_POS_STOP] = 2 * lexeme.lemmaPos + (lexeme.stop ? 1 : 0);
      slots[num + FORM_ID] = lexeme.formId;
      slots[num + LEMMA_ID] = lexeme.lemmaId;
    }
    if (slots[num + LEMMA_POS_STOP] >> 1 !== posCode) {
      const lexeme = lexemes[id]!;
      let lemma = lexeme.lemmaPos === posCode ? lexeme.lemma : lexeme.otherLemmas?.[posCode];
      // asked from wink once per lexeme and POS code
      if (lemma === undefined) {
        (lexeme.otherLemmas ??= [])[posCode] = lemma = lemmaAt(its, i, rdd, addons, strings[str + NORM]);
        (lexeme.otherLemmaIds ??= [])[posCode] = lemmaIdOf(lemma, strings[str + NORM]);
      }
      strings[str + LEMMA] = lemma;
      slots[num + LEMMA_POS_STOP] = 2 * posCode + (slots[num + LEMMA_POS_STOP] & 1);
      slots[num + LEMMA_ID] = lexeme.lemmaPos === posCode ? lexeme.lemmaId : lexeme.otherLemmaIds![posCode];
    }
    raw.value = strings[str + VALUE];
    raw.type = strings[str + TYPE];
    raw.norm = strings[str + NORM];
    raw.stop = (slots[num + LEMMA_POS_STOP] & 1) === 1;
    raw.lemma = strings[str + LEMMA];
    raw.formId = slots[num + FORM_ID];
    raw.lemmaId = slots[num + LEMMA_ID];
    sink.add(raw);
  }
}
