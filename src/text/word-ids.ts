/**
 * Word ids: one process-wide number per distinct string, and per token of an AnalyzedDoc the
 * number of its written form (`Token.text`) and of its lower-cased lemma. The analyses that look
 * something up for every token (loaded, attribution, terms) key their per-word tables by these
 * numbers, so a look-up is an array read instead of a string hashed into a Map, and what a word
 * alone decides is worked out once per word id rather than once per token.
 *
 * The text layer (analyze.ts) numbers each wink lexeme once (wink-tokens.ts) and registers the
 * document's ids here; for tokens that did not come from it (tests, training data, a structured
 * clone of a doc), `tokenWordIds` numbers them from their strings on first use. Either way the
 * same string gets the same id. Nothing here is serialized: AnalyzedDoc's JSON is unchanged.
 *
 * Ids are dense from 0 and never reused; the table grows with the distinct words of the run, as
 * wink's own lexicon does. Tokens are treated as read-only once numbered.
 */
import type { Token } from './types.js';

const ids = new Map<string, number>();
const strings: string[] = [];

/** The id of `text`, numbering it on first sight. */
export function wordId(text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = strings.length;
    ids.set(text, id);
    strings.push(text);
  }
  return id;
}

/** The string numbered `id`. */
export function wordText(id: number): string {
  return strings[id];
}

/** How many ids there are so far (every id is below it): the size of a per-id table. */
export function wordIdCount(): number {
  return strings.length;
}

/** The key an analysis looks a token's lemma up by: its lemma (else normal form, else text) in lower case. */
export function lemmaKey(token: Pick<Token, 'text' | 'lemma'> & { norm?: string }): string {
  return (token.lemma ?? token.norm ?? token.text).toLowerCase();
}

/** Per token, in token order: the id of its text and of its lemma key (lemmaKey). */
export interface TokenWordIds {
  form: Int32Array;
  lemma: Int32Array;
}

const byTokens = new WeakMap<readonly object[], TokenWordIds>();

/** Records the ids of a token list the text layer has just built (lengths must match). */
export function setTokenWordIds(tokens: readonly Token[], wordIds: TokenWordIds): void {
  byTokens.set(tokens, wordIds);
}

/** The ids recorded for `tokens` (by the text layer, or by an earlier tokenWordIds), if any. */
export function knownTokenWordIds(tokens: readonly object[]): TokenWordIds | undefined {
  return byTokens.get(tokens);
}

/** The word ids of `tokens`: the text layer's, else numbered now from the tokens' strings (and kept). */
export function tokenWordIds(tokens: ReadonlyArray<Pick<Token, 'text' | 'lemma'> & { norm?: string }>): TokenWordIds {
  let known = byTokens.get(tokens);
  if (!known || known.form.length !== tokens.length) {
    const form = new Int32Array(tokens.length);
    const lemma = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      form[i] = wordId(tokens[i].text);
      lemma[i] = wordId(lemmaKey(tokens[i]));
    }
    byTokens.set(tokens, (known = { form, lemma }));
  }
  return known;
}

/**
 * A per-word-id table of integers, every slot `unset` until set, grown as new ids come up.
 * Analyses keep what a word alone decides in one (attribution, loaded, terms): one array read per token.
 */
export class WordTable {
  private values: Int32Array;

  constructor(private readonly unset: number) {
    this.values = new Int32Array(1024).fill(unset);
  }

  get(id: number): number {
    return id < this.values.length ? this.values[id] : this.unset;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const grown = new Int32Array(Math.max(id + 1, 2 * this.values.length)).fill(this.unset);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[id] = value;
  }
}
