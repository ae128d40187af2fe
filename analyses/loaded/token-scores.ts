/**
 * Scores every word token of a document with the learned model, fast. The result is exactly what
 * scoreProbability(model, tokenFeatures(ctx, i)) returns — the same weights added in the same
 * order, so the probabilities are bit-identical — but the weights come from tables compiled once
 * per model, from arrays built once per document and from the facts of each written form
 * (word-facts.ts, worked out once per process), instead of about 25 feature strings per token,
 * each hashed into a Map of tens of thousands of keys (that was most of perDoc's time). The bias
 * and the five part-of-speech weights of a token come summed from one table; the sums are still
 * made in tokenFeatures' order.
 *
 * features.ts stays the definition of the features (training and the explanation of a flag use
 * it): a feature added there must be added here too; test/analyses/loaded-scores.test.ts checks
 * that both agree on every token of the sample corpus. Sits between features.ts and detect.ts.
 */
import { WordTable, wordText } from '../../src/text/word-ids.js';
import type { TokenContext } from './features.js';
import { ALLCAPS, CAPITAL, HYPHEN, LONG, POLARITY_BUCKETS, SUFFIX, suffixes, suffixNumber, UNNUMBERED } from './word-facts.js';
import type { LoadedModel } from './model.js';

/** Lookup tables of one model, by feature family. */
interface CompiledModel {
  bias: number;
  /** POS tag → index into the tag tables (0: a tag no feature mentions). */
  tags: Map<string, number>;
  /** Number of tag indexes (row length of the pair tables). */
  k: number;
  start: number;
  end: number;
  /**
   * The bias plus the five part-of-speech features (`pos`, `pos-1`, `pos+1`, `pos&pos+1`,
   * `pos-1&pos`), summed in tokenFeatures' order, at (tag * k + previous tag) * k + next tag:
   * the same sum, to the bit, as adding them one by one per token.
   */
  posContext: Float64Array;
  /** Lemma → weights of `lem=`, `lem-1=` and `lem+1=` (as the token itself, as the previous word, as the next word). */
  lemma: Map<string, readonly [number, number, number]>;
  /**
   * The same weights as rows of three (row 0: none) and each lemma's row by its word id, filled
   * as lemmas come up (lemmaRow): the scorer reads arrays by id instead of hashing the lemma.
   * Rows are added in the order lemmas are first met, as word ids are numbered, so the frequent
   * words' rows sit together near the start (the model's own order scattered them over the cache).
   */
  lemmaRows: Float64Array;
  lemmaRowCount: number;
  lemmaRowById: WordTable;
  suffix: Map<string, number>;
  /** `suf=` weight by suffix number (word-facts.ts), filled as new suffixes come up (suffixWeight). */
  suffixByNumber: number[];
  /** By polarity bucket index (POLARITY_BUCKETS + 1; 0: neutral). */
  pol: Float64Array;
  /** `pol=X&pos=A` at bucket * k + A. */
  polPos: Float64Array;
  polPrev: Float64Array;
  polNext: Float64Array;
  polNext2: Float64Array;
  stop: number;
  negated: number;
  allcaps: number;
  capMid: number;
  hyphen: number;
  long: number;
  headline: number;
  lex: Map<string, number>;
  lexPrev: Map<string, number>;
  lexNext: Map<string, number>;
  quote: Map<string, number>;
  quoteShort: Map<string, number>;
  /** Any feature by its full name (sentence and document cues). */
  weights: Map<string, number>;
  /** Weights of the sentence and document cues asked so far: a handful of names, asked per sentence (cueWeight). */
  cues: Map<string, number>;
}

const compiled = new WeakMap<LoadedModel, CompiledModel>();

function compiledModel(model: LoadedModel): CompiledModel {
  let m = compiled.get(model);
  if (!m) compiled.set(model, (m = compile(model)));
  return m;
}

/** Weight of a sentence or document cue, from the small Map of cues rather than all weights. */
function cueWeight(m: CompiledModel, name: string): number {
  let w = m.cues.get(name);
  if (w === undefined) m.cues.set(name, (w = m.weights.get(name) ?? 0));
  return w;
}

/** The `suf=` weight of the suffix of a SUFFIX form (word-facts.ts), 0 when the model has none. */
function suffixWeight(m: CompiledModel, facts: number, text: string): number {
  const number = suffixNumber(facts);
  if (number === UNNUMBERED) return m.suffix.get(text.slice(-3)) ?? 0;
  const weights = m.suffixByNumber;
  while (weights.length <= number) weights.push(m.suffix.get(suffixes[weights.length]) ?? 0);
  return weights[number];
}

/**
 * Weight of a word's own `lem=` feature (0 when the model has none): how loaded the word is out
 * of context. `lemmaId` is the word id of the lemma (TokenContext.lemmaId), so this is an array
 * read like the scorer's, not a hash of the lemma.
 */
export function lemmaWeight(model: LoadedModel, lemmaId: number): number {
  const m = compiledModel(model);
  return m.lemmaRows[3 * lemmaRow(m, lemmaId)];
}

function compile(model: LoadedModel): CompiledModel {
  const weights = new Map(Object.entries(model.weights));
  const weight = (name: string) => weights.get(name) ?? 0;
  const tags = new Map<string, number>();
  for (const name of weights.keys()) {
    for (const m of name.matchAll(/(?:^|&)pos(?:-1|\+1)?=([^&]*)/g)) if (!tags.has(m[1])) tags.set(m[1], tags.size + 1);
  }
  for (const tag of ['START', 'END']) if (!tags.has(tag)) tags.set(tag, tags.size + 1);
  const k = tags.size + 1;
  const byTag = (prefix: string) => {
    const table = new Float64Array(k);
    for (const [tag, i] of tags) table[i] = weight(`${prefix}=${tag}`);
    return table;
  };
  const byTagPair = (name: (a: string, b: string) => string) => {
    const table = new Float64Array(k * k);
    for (const [a, i] of tags) for (const [b, j] of tags) table[i * k + j] = weight(name(a, b));
    return table;
  };
  const pos = byTag('pos');
  const prevPos = byTag('pos-1');
  const nextPos = byTag('pos+1');
  const posNext = byTagPair((a, b) => `pos=${a}&pos+1=${b}`);
  const prevPosPos = byTagPair((a, b) => `pos-1=${a}&pos=${b}`);
  const posContext = new Float64Array(k * k * k);
  for (let self = 0; self < k; self++) {
    for (let before = 0; before < k; before++) {
      for (let after = 0; after < k; after++) {
        posContext[(self * k + before) * k + after] =
          model.bias + pos[self] + prevPos[before] + nextPos[after] + posNext[self * k + after] + prevPosPos[before * k + self];
      }
    }
  }
  const byBucket = (prefix: string) => Float64Array.from(['', ...POLARITY_BUCKETS], (b) => (b ? weight(`${prefix}=${b}`) : 0));
  const polPos = new Float64Array((POLARITY_BUCKETS.length + 1) * k);
  POLARITY_BUCKETS.forEach((b, bi) => {
    for (const [tag, i] of tags) polPos[(bi + 1) * k + i] = weight(`pol=${b}&pos=${tag}`);
  });
  const family = (pattern: RegExp) => {
    const out = new Map<string, number>();
    for (const [name, w] of weights) {
      const m = pattern.exec(name);
      if (m) out.set(m[1], w);
    }
    return out;
  };
  const lem = family(/^lem=(.*)$/s);
  const lemPrev = family(/^lem-1=(.*)$/s);
  const lemNext = family(/^lem\+1=(.*)$/s);
  const lemma = new Map<string, readonly [number, number, number]>();
  for (const word of new Set([...lem.keys(), ...lemPrev.keys(), ...lemNext.keys()])) {
    lemma.set(word, [lem.get(word) ?? 0, lemPrev.get(word) ?? 0, lemNext.get(word) ?? 0]);
  }
  return {
    bias: model.bias, tags, k, start: tags.get('START')!, end: tags.get('END')!,
    posContext,
    // one row per lemma at most (one word id per string), plus row 0
    lemma, lemmaRows: new Float64Array(3 * (lemma.size + 1)), lemmaRowCount: 1, lemmaRowById: new WordTable(UNSET_ROW), suffix: family(/^suf=(.*)$/s), suffixByNumber: [],
    pol: byBucket('pol'), polPos, polPrev: byBucket('pol-1'), polNext: byBucket('pol+1'), polNext2: byBucket('pol+2'),
    stop: weight('stop'), negated: weight('negated'), allcaps: weight('shape=allcaps'), capMid: weight('shape=cap-mid'),
    hyphen: weight('shape=hyphen'), long: weight('shape=long'), headline: weight('headline'),
    lex: family(/^lex=(.*)$/s), lexPrev: family(/^lex-1=(.*)$/s), lexNext: family(/^lex\+1=(.*)$/s),
    quote: family(/^quote=([^&]*)$/), quoteShort: family(/^quote=([^&]*)&short$/),
    weights, cues: new Map(),
  };
}

const UNSET_ROW = -1;

/** The row of `lemmaRows` holding the weights of the lemma with word id `id` (0: it has none), asked of the Map once per lemma. */
function lemmaRow(m: CompiledModel, id: number): number {
  let row = m.lemmaRowById.get(id);
  if (row === UNSET_ROW) {
    const weights = m.lemma.get(wordText(id));
    row = weights ? m.lemmaRowCount++ : 0;
    if (weights) m.lemmaRows.set(weights, 3 * row);
    m.lemmaRowById.set(id, row);
  }
  return row;
}

/**
 * The model probability of every token (undefined for punctuation and other non-words, which
 * have no features), equal to scoreProbability(model, tokenFeatures(ctx, i)).
 */
export function scoreTokens(model: LoadedModel, ctx: TokenContext): Array<number | undefined> {
  const m = compiledModel(model);
  const { tokens } = ctx.doc;
  const n = tokens.length;
  // The context's arrays as locals: read once per token each, not through ctx.
  const { facts: factsOf, lemmaId, lex: lexOf, quote: quoteOf, headlineEnd } = ctx;
  // Polarity bucket index of each token (0: neutral), as POLARITY_BUCKETS index + 1 like the tables.
  const pol = ctx.polarityCodes;
  // The sentence cues' weights, sentence after sentence in one array (sentence s's at
  // cueFrom[s] .. cueFrom[s + 1]), and the document's: added one by one per token below.
  const cueFrom = new Int32Array(ctx.sentenceCues.length + 1);
  const cueWeights: number[] = [];
  ctx.sentenceCues.forEach((names, s) => {
    for (const name of names) cueWeights.push(cueWeight(m, name));
    cueFrom[s + 1] = cueWeights.length;
  });
  const docWeights = Float64Array.from(ctx.docCue, (name) => cueWeight(m, name));
  const k = m.k;

  // The tag index and lemma row (lemmaRows) of tokens i - 1, i and i + 1, each worked out once as
  // the window moves along the tokens.
  const tagOf = (i: number) => (i < n ? m.tags.get(tokens[i].pos) ?? 0 : 0);
  const rowOf = (i: number) => (i < n && lemmaId[i] >= 0 ? lemmaRow(m, lemmaId[i]) : 0);
  let tagBefore = 0;
  let tag = tagOf(0);
  let tagAfter = tagOf(1);
  let rowBefore = 0;
  let row = rowOf(0);
  let rowAfter = rowOf(1);
  const rows = m.lemmaRows;

  const p: Array<number | undefined> = new Array(n);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      tagBefore = tag;
      tag = tagAfter;
      tagAfter = tagOf(i + 1);
      rowBefore = row;
      row = rowAfter;
      rowAfter = rowOf(i + 1);
    }
    const t = tokens[i];
    if (t.type !== 'word') continue;
    const hasPrev = i > 0 && tokens[i - 1].sentence === t.sentence;
    const hasNext = i + 1 < n && tokens[i + 1].sentence === t.sentence;
    const self = tag;
    const before = hasPrev ? tagBefore : m.start;
    const after = hasNext ? tagAfter : m.end;
    const facts = factsOf[i];
    // Same order as tokenFeatures: floating-point sums depend on it. A neighbour without a lemma
    // (row 0, all zeros) adds 0.
    let z = m.posContext[(self * k + before) * k + after];
    if (lemmaId[i] >= 0) {
      z += rows[3 * row];
      if (facts & SUFFIX) z += suffixWeight(m, facts, t.text);
    }
    if (hasPrev) z += rows[3 * rowBefore + 1];
    if (hasNext) z += rows[3 * rowAfter + 2];
    if (pol[i]) {
      z += m.pol[pol[i]];
      z += m.polPos[pol[i] * k + self];
    }
    if (hasPrev && pol[i - 1]) z += m.polPrev[pol[i - 1]];
    if (hasNext && pol[i + 1]) z += m.polNext[pol[i + 1]];
    if (i + 2 < n && tokens[i + 2].sentence === t.sentence && pol[i + 2]) z += m.polNext2[pol[i + 2]];
    if (t.stop) z += m.stop;
    if (t.negated) z += m.negated;
    if (facts & ALLCAPS) z += m.allcaps;
    else if (facts & CAPITAL && hasPrev && t.pos !== 'PROPN') z += m.capMid;
    if (facts & HYPHEN) z += m.hyphen;
    if (facts & LONG) z += m.long;
    const lex = lexOf[i];
    if (lex) for (const tagName of lex) z += m.lex.get(tagName) ?? 0;
    const prevLex = hasPrev ? lexOf[i - 1] : undefined;
    if (prevLex) for (const tagName of prevLex) if (!tagName.includes('/')) z += m.lexPrev.get(tagName) ?? 0;
    const nextLex = hasNext ? lexOf[i + 1] : undefined;
    if (nextLex) for (const tagName of nextLex) if (!tagName.includes('/')) z += m.lexNext.get(tagName) ?? 0;
    const quote = quoteOf[i];
    if (quote) {
      z += m.quote.get(quote.cls) ?? 0;
      if (quote.words <= 3) z += m.quoteShort.get(quote.cls) ?? 0;
    }
    if (t.end <= headlineEnd) z += m.headline;
    for (let c = cueFrom[t.sentence], to = cueFrom[t.sentence + 1]; c < to; c++) z += cueWeights[c];
    for (let c = 0; c < docWeights.length; c++) z += docWeights[c];
    p[i] = 1 / (1 + Math.exp(-z));
  }
  return p;
}
