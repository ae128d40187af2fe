/**
 * Reads every token property the text layer needs from a wink document in ONE walk over its
 * tokens. wink's public API gives one property per `out(its.x)` call, each a full walk plus an
 * array; seven of them cost about as much as a third of `readDoc` itself. wink passes its raw
 * document data to the `its` mappers it allows, so we register one mapper of our own in wink's
 * allow-list (`wink-nlp/src/allowed.js`) and call wink's own `its` functions from it for each
 * token. When that module is not where wink 2.x keeps it, we fall back to one `out()` per
 * property — same results, slower.
 *
 * Value, type, normal form and stop flag belong to the lexeme (wink's id for a written form),
 * so they are read from wink once per lexeme and kept in a table by id (wink's lexicon only
 * grows, so ids are stable); the lemma depends on the lexeme and its POS, so the table keeps
 * the lemma of the last POS seen and asks wink again when the POS differs. POS and negation
 * are read per token. Contractions carry their own normal form and lemma and are read each time.
 */
import { createRequire } from 'node:module';
import type { Nlp } from './nlp.js';

/** One wink token's properties. readTokens reuses one object for every token: copy what you keep. */
export interface RawToken {
  /** wink token index (whitespace tokens included). */
  index: number;
  value: string;
  type: string;
  pos: string;
  norm: string;
  lemma: string;
  stop: boolean;
  negated: boolean;
}

type Document = ReturnType<Nlp['readDoc']>;
type ItsFn = (index: number, rdd: unknown, addons: unknown) => unknown;
type WinkIts = Record<'value' | 'type' | 'pos' | 'normal' | 'lemma' | 'stopWordFlag' | 'negationFlag' | 'uniqueId' | 'contractionFlag', ItsFn>;

let visit: ((index: number, rdd: unknown, addons: unknown) => void) | undefined;
/** Our mapper, registered with wink once; it forwards to whatever reader is active. */
const probe: ItsFn = (index, rdd, addons) => {
  visit?.(index, rdd, addons);
  return 0;
};

let registered: boolean | undefined;

function registerProbe(): boolean {
  if (registered !== undefined) return registered;
  try {
    const allowed = createRequire(import.meta.url)('wink-nlp/src/allowed.js') as { its4tokens?: Set<unknown> };
    registered = allowed.its4tokens instanceof Set;
    if (registered) allowed.its4tokens!.add(probe);
  } catch {
    registered = false;
  }
  return registered;
}

/** What wink knows about a lexeme regardless of context, plus its last lemma and that lemma's POS. */
interface Lexeme {
  value: string;
  type: string;
  norm: string;
  stop: boolean;
  lemmaPos: string;
  lemma: string;
}

/** Per wink instance, lexemes by id (ids index that instance's append-only lexicon). */
const lexemeTables = new WeakMap<object, (Lexeme | undefined)[]>();

/** Calls `onToken` for each wink token in order with its value, type, POS, normal form, lemma, stop and negation flags. */
export function readTokens(nlp: Nlp, doc: Document, onToken: (token: RawToken) => void): void {
  const its = nlp.its as unknown as WinkIts;
  const all = doc.tokens();
  const count = all.length();
  const raw: RawToken = { index: 0, value: '', type: '', pos: '', norm: '', lemma: '', stop: false, negated: false };
  if (registerProbe()) {
    let table = lexemeTables.get(nlp);
    if (!table) lexemeTables.set(nlp, (table = []));
    const lexemes = table;
    let seen = 0;
    visit = (i, rdd, addons) => {
      seen++;
      const pos = its.pos(i, rdd, addons) as string;
      raw.index = i;
      raw.pos = pos;
      raw.negated = its.negationFlag(i, rdd, addons) as boolean;
      if (its.contractionFlag(i, rdd, addons)) {
        // An expanded contraction ("ca" → can) carries its own normal form and lemma.
        raw.value = its.value(i, rdd, addons) as string;
        raw.type = its.type(i, rdd, addons) as string;
        raw.norm = its.normal(i, rdd, addons) as string;
        raw.stop = its.stopWordFlag(i, rdd, addons) as boolean;
        raw.lemma = its.lemma(i, rdd, addons) as string;
        onToken(raw);
        return;
      }
      const id = its.uniqueId(i, rdd, addons) as number;
      let lexeme = lexemes[id];
      if (!lexeme) {
        // Grow densely: assigning far past the end would turn the table into a slow dictionary.
        while (lexemes.length <= id) lexemes.push(undefined);
        lexeme = lexemes[id] = {
          value: its.value(i, rdd, addons) as string, type: its.type(i, rdd, addons) as string,
          norm: its.normal(i, rdd, addons) as string, stop: its.stopWordFlag(i, rdd, addons) as boolean, lemmaPos: '', lemma: '',
        };
      }
      if (lexeme.lemmaPos !== pos) {
        lexeme.lemma = its.lemma(i, rdd, addons) as string;
        lexeme.lemmaPos = pos;
      }
      raw.value = lexeme.value;
      raw.type = lexeme.type;
      raw.norm = lexeme.norm;
      raw.stop = lexeme.stop;
      raw.lemma = lexeme.lemma;
      onToken(raw);
    };
    try {
      all.out(probe as never);
    } finally {
      visit = undefined;
    }
    if (seen === count) return;
    if (seen > 0) throw new Error('framelens: wink token walk stopped part-way'); // cannot happen unless wink changes
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
  for (let i = 0; i < count; i++) {
    raw.index = i;
    raw.value = values[i];
    raw.type = types[i];
    raw.pos = pos[i];
    raw.norm = norms[i];
    raw.lemma = lemmas[i];
    raw.stop = stops[i];
    raw.negated = negated[i];
    onToken(raw);
  }
}
