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
 * and the lemma to the lexeme and its POS, so they are read from wink once per lexeme and kept
 * in a table by id (wink's lexicon only grows, so ids are stable); only POS and negation are
 * read per token. Contractions carry their own normal form and lemma and are read each time.
 */
import { createRequire } from 'node:module';
import type { Nlp } from './nlp.js';

/** Raw per-token properties, parallel arrays in wink token order (whitespace tokens included). */
export interface RawTokens {
  count: number;
  values: string[];
  types: string[];
  pos: string[];
  norms: string[];
  lemmas: string[];
  stops: boolean[];
  negated: boolean[];
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

/** Reads values, types, POS, normal forms, lemmas, stop and negation flags of every token. */
export function readTokens(nlp: Nlp, doc: Document): RawTokens {
  const its = nlp.its as unknown as WinkIts;
  const all = doc.tokens();
  const count = all.length();
  const raw: RawTokens = {
    count, values: new Array(count), types: new Array(count), pos: new Array(count), norms: new Array(count),
    lemmas: new Array(count), stops: new Array(count), negated: new Array(count),
  };
  if (registerProbe()) {
    let table = lexemeTables.get(nlp);
    if (!table) lexemeTables.set(nlp, (table = []));
    const lexemes = table;
    visit = (i, rdd, addons) => {
      const pos = its.pos(i, rdd, addons) as string;
      raw.pos[i] = pos;
      raw.negated[i] = its.negationFlag(i, rdd, addons) as boolean;
      if (its.contractionFlag(i, rdd, addons)) {
        // An expanded contraction ("ca" → can) carries its own normal form and lemma.
        raw.values[i] = its.value(i, rdd, addons) as string;
        raw.types[i] = its.type(i, rdd, addons) as string;
        raw.norms[i] = its.normal(i, rdd, addons) as string;
        raw.stops[i] = its.stopWordFlag(i, rdd, addons) as boolean;
        raw.lemmas[i] = its.lemma(i, rdd, addons) as string;
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
      raw.values[i] = lexeme.value;
      raw.types[i] = lexeme.type;
      raw.norms[i] = lexeme.norm;
      raw.stops[i] = lexeme.stop;
      if (lexeme.lemmaPos !== pos) {
        lexeme.lemma = its.lemma(i, rdd, addons) as string;
        lexeme.lemmaPos = pos;
      }
      raw.lemmas[i] = lexeme.lemma;
    };
    try {
      all.out(probe as never);
    } finally {
      visit = undefined;
    }
    if (count === 0 || raw.values[count - 1] !== undefined) return raw;
  }
  // Fallback: one public out() per property.
  const out = <T>(f: unknown) => all.out(f as never) as unknown as T[];
  return {
    count, values: out(its.value), types: out(its.type), pos: out(its.pos), norms: out(its.normal), lemmas: out(its.lemma),
    stops: out(its.stopWordFlag), negated: out(its.negationFlag),
  };
}
