/**
 * Scores every word token of a document with the learned model, fast. The result is exactly what
 * scoreProbability(model, tokenFeatures(ctx, i)) returns — the same weights added in the same
 * order, so the probabilities are bit-identical — but the weights come from tables compiled once
 * per model and from arrays built once per document, instead of about 25 feature strings per
 * token, each hashed into a Map of tens of thousands of keys (that was most of perDoc's time).
 *
 * features.ts stays the definition of the features (training and the explanation of a flag use
 * it): a feature added there must be added here too; test/analyses/loaded-scores.test.ts checks
 * that both agree on every token of the sample corpus. Sits between features.ts and detect.ts.
 */
import type { TokenContext } from './features.js';
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
  pos: Float64Array;
  prevPos: Float64Array;
  nextPos: Float64Array;
  /** `pos=A&pos+1=B` at A * k + B. */
  posNext: Float64Array;
  /** `pos-1=A&pos=B` at A * k + B. */
  prevPosPos: Float64Array;
  /** Lemma → weights of `lem=`, `lem-1=` and `lem+1=` (as the token itself, as the previous word, as the next word). */
  lemma: Map<string, readonly [number, number, number]>;
  suffix: Map<string, number>;
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
}

const POLARITY_BUCKETS = ['neg2', 'neg1', 'pos1', 'pos2'];

const compiled = new WeakMap<LoadedModel, CompiledModel>();

function compiledModel(model: LoadedModel): CompiledModel {
  let m = compiled.get(model);
  if (!m) compiled.set(model, (m = compile(model)));
  return m;
}

/** Weight of a word's own `lem=` feature (0 when the model has none): how loaded the word is out of context. */
export function lemmaWeight(model: LoadedModel, lemma: string): number {
  return compiledModel(model).lemma.get(lemma)?.[0] ?? 0;
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
    pos: byTag('pos'), prevPos: byTag('pos-1'), nextPos: byTag('pos+1'),
    posNext: byTagPair((a, b) => `pos=${a}&pos+1=${b}`), prevPosPos: byTagPair((a, b) => `pos-1=${a}&pos=${b}`),
    lemma, suffix: family(/^suf=(.*)$/s),
    pol: byBucket('pol'), polPos, polPrev: byBucket('pol-1'), polNext: byBucket('pol+1'), polNext2: byBucket('pol+2'),
    stop: weight('stop'), negated: weight('negated'), allcaps: weight('shape=allcaps'), capMid: weight('shape=cap-mid'),
    hyphen: weight('shape=hyphen'), long: weight('shape=long'), headline: weight('headline'),
    lex: family(/^lex=(.*)$/s), lexPrev: family(/^lex-1=(.*)$/s), lexNext: family(/^lex\+1=(.*)$/s),
    quote: family(/^quote=([^&]*)$/), quoteShort: family(/^quote=([^&]*)&short$/),
    weights,
  };
}

/**
 * The model probability of every token (undefined for punctuation and other non-words, which
 * have no features), equal to scoreProbability(model, tokenFeatures(ctx, i)).
 */
export function scoreTokens(model: LoadedModel, ctx: TokenContext): Array<number | undefined> {
  const m = compiledModel(model);
  const { tokens } = ctx.doc;
  const n = tokens.length;
  const tag = new Int32Array(n);
  const pol = new Uint8Array(n);
  // Weights of each token's lemma as the word itself, as the previous word, as the next word.
  const lemSelf = new Float64Array(n);
  const lemAsPrev = new Float64Array(n);
  const lemAsNext = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tag[i] = m.tags.get(tokens[i].pos) ?? 0;
    const bucket = ctx.polarity[i];
    if (bucket) pol[i] = POLARITY_BUCKETS.indexOf(bucket) + 1;
    const word = ctx.lemma[i];
    const w = word === undefined ? undefined : m.lemma.get(word);
    if (w) {
      lemSelf[i] = w[0];
      lemAsPrev[i] = w[1];
      lemAsNext[i] = w[2];
    }
  }
  const weightsOf = (names: readonly string[]) => names.map((name) => m.weights.get(name) ?? 0);
  const sentenceCues = ctx.sentenceCues.map(weightsOf);
  const docCue = weightsOf(ctx.docCue);
  const k = m.k;

  const p: Array<number | undefined> = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    const hasPrev = i > 0 && tokens[i - 1].sentence === t.sentence;
    const hasNext = i + 1 < n && tokens[i + 1].sentence === t.sentence;
    const self = tag[i];
    const before = hasPrev ? tag[i - 1] : m.start;
    const after = hasNext ? tag[i + 1] : m.end;
    // Same order as tokenFeatures: floating-point sums depend on it.
    let z = m.bias;
    z += m.pos[self];
    z += m.prevPos[before];
    z += m.nextPos[after];
    z += m.posNext[self * k + after];
    z += m.prevPosPos[before * k + self];
    if (ctx.lemma[i] !== undefined) {
      z += lemSelf[i];
      const text = t.text;
      if (text.length >= 5 && text.toLowerCase() === text) z += m.suffix.get(text.slice(-3)) ?? 0;
    }
    if (hasPrev) z += lemAsPrev[i - 1];
    if (hasNext) z += lemAsNext[i + 1];
    if (pol[i]) {
      z += m.pol[pol[i]];
      z += m.polPos[pol[i] * k + self];
    }
    if (hasPrev && pol[i - 1]) z += m.polPrev[pol[i - 1]];
    if (hasNext && pol[i + 1]) z += m.polNext[pol[i + 1]];
    if (i + 2 < n && tokens[i + 2].sentence === t.sentence && pol[i + 2]) z += m.polNext2[pol[i + 2]];
    if (t.stop) z += m.stop;
    if (t.negated) z += m.negated;
    z = addShape(m, z, t.text, hasPrev, t.pos);
    const lex = ctx.lex[i];
    if (lex) for (const tagName of lex) z += m.lex.get(tagName) ?? 0;
    if (hasPrev) for (const tagName of ctx.lex[i - 1] ?? []) if (!tagName.includes('/')) z += m.lexPrev.get(tagName) ?? 0;
    if (hasNext) for (const tagName of ctx.lex[i + 1] ?? []) if (!tagName.includes('/')) z += m.lexNext.get(tagName) ?? 0;
    const quote = ctx.quote[i];
    if (quote) {
      z += m.quote.get(quote.cls) ?? 0;
      if (quote.words <= 3) z += m.quoteShort.get(quote.cls) ?? 0;
    }
    if (t.end <= ctx.headlineEnd) z += m.headline;
    for (const w of sentenceCues[t.sentence]) z += w;
    for (const w of docCue) z += w;
    p[i] = 1 / (1 + Math.exp(-z));
  }
  return p;
}

/**
 * Adds the `shape=` weights of one word to `z`, in tokenFeatures' order (capitals, hyphen,
 * length). Most words start with a lower-case ASCII letter, so they skip the Unicode tests.
 */
function addShape(m: CompiledModel, z: number, text: string, hasPrev: boolean, pos: string): number {
  const first = text.charCodeAt(0);
  if (!(first >= 97 && first <= 122)) {
    if (text.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text)) z += m.allcaps;
    else if (/^\p{Lu}/u.test(text) && hasPrev && pos !== 'PROPN') z += m.capMid;
  }
  if (text.includes('-')) z += m.hyphen;
  if (text.length >= 10) z += m.long;
  return z;
}
