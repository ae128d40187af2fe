/**
 * Word polarity from wink's English sentiment model (the same model the text layer uses), a
 * subjectivity cue for the learned model: words with a strong prior polarity ("brutal",
 * "liar", "stunning") are the usual stuff of loaded language.
 *
 * A word's polarity is the sentiment of a one-word wink document. That readDoc costs about 15 µs,
 * and a few hundred articles bring tens of thousands of new words, so lower-case ASCII words
 * and numbers come from a table instead (data/models/loaded-polarity.json, built from wink's
 * vocabulary by scripts/build-loaded-polarity.mjs with this very readDoc): a word in the table has
 * its value, any other such word has 0 (outside wink's vocabulary no sentiment pattern matches
 * it; checked against readDoc on the 124k such words of the article-bias-prediction corpus and on
 * 103k numbers). Other words (hyphens, apostrophes, accents, punctuation) and a table built for
 * other wink versions fall back to readDoc. Every word is looked up once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { packageRoot } from '../../src/paths.js';

/** Words the polarity table answers for: lower-case ASCII letters, or digits. */
export const POLARITY_TABLE_WORD = /^(?:[a-z]+|[0-9]+)$/;

let nlp: ReturnType<typeof winkNLP> | undefined;

/** Sentiment of `word` read as a one-word wink document (the definition of a word's polarity). */
export function readDocPolarity(word: string): number {
  nlp ??= winkNLP(model, ['sentiment']);
  const value = nlp.readDoc(word).out(nlp.its.sentiment) as unknown as number;
  return typeof value !== 'number' || Number.isNaN(value) ? 0 : value;
}

/** Versions of wink-nlp and its English model, which the table is valid for. */
export function winkVersions(): { nlp: string; model: string } {
  const require = createRequire(join(packageRoot(), 'package.json'));
  const version = (name: string) => String((require(`${name}/package.json`) as { version?: unknown }).version);
  return { nlp: version('wink-nlp'), model: version('wink-eng-lite-web-model') };
}

let table: Map<string, number> | null | undefined;

/** The polarity table, or null when it is missing or was built for other wink versions. */
function polarityTable(): Map<string, number> | null {
  if (table !== undefined) return table;
  try {
    const file = JSON.parse(readFileSync(join(packageRoot(), 'data', 'models', 'loaded-polarity.json'), 'utf8')) as {
      wink?: { nlp?: string; model?: string };
      values?: Record<string, number>;
    };
    const wink = winkVersions();
    table = file.wink?.nlp === wink.nlp && file.wink?.model === wink.model && file.values ? new Map(Object.entries(file.values)) : null;
  } catch {
    table = null;
  }
  return table;
}

const cache = new Map<string, number>();

/** Prior polarity of one word in [-1, 1] (0 when wink's lexicon does not know it). */
export function wordPolarity(word: string): number {
  const key = word.toLowerCase();
  let value = cache.get(key);
  if (value === undefined) {
    const known = POLARITY_TABLE_WORD.test(key) ? polarityTable() : null;
    value = known ? known.get(key) ?? 0 : readDocPolarity(key);
    cache.set(key, value);
  }
  return value;
}

/**
 * Polarity as a feature bucket: `neg2`, `neg1`, `pos1`, `pos2`, or undefined when neutral. Not
 * cached by itself: the token context asks once per written form (word-facts.ts).
 */
export function polarityBucket(word: string): string | undefined {
  const v = wordPolarity(word);
  return v <= -0.5 ? 'neg2' : v < 0 ? 'neg1' : v >= 0.5 ? 'pos2' : v > 0 ? 'pos1' : undefined;
}
