/**
 * Proper-noun forms of a document with their counts: the raw material of variant discovery.
 * From the text layer: PROPN tokens. From plain text (no text layer): capitalized words that do
 * not start a sentence. Possessive endings are dropped ("Kyiv's" → "Kyiv").
 */
import { simpleTermsDoc } from '../terms/simple-tokens.js';
import type { AnalyzedDoc } from '../../src/text/types.js';
import { startsLowerCase } from '../../src/text/letter-case.js';

const NAME = /^\p{Lu}[\p{L}\p{M}'’\-]*\p{L}$/u;
const POSSESSIVE = /['’]s?$/u;

function clean(token: string): string | undefined {
  const bare = token.replace(POSSESSIVE, '');
  return bare.length >= 3 && NAME.test(bare) ? bare : undefined;
}

function add(counts: Record<string, number>, form: string | undefined): void {
  if (form) counts[form] = (counts[form] ?? 0) + 1;
}

/**
 * Proper-noun forms of an analyzed document (PROPN tokens), except words the article also writes
 * in lower case: "Police" of "Police Department" where the story says "police" is an everyday
 * word in a name, and two such words ("Police" / "Policy") were the strongest spelling split
 * proposed on a 20k-article corpus.
 */
export function properNounsOfAnalyzed(doc: AnalyzedDoc): Record<string, number> {
  // A name recurs through an article: clean each distinct token text once. Forms still enter
  // `counts` in order of their first token, as counting token by token would.
  const raw = new Map<string, number>();
  const lowerCase = new Set<string>();
  for (const t of doc.tokens) {
    if (t.pos === 'PROPN') raw.set(t.text, (raw.get(t.text) ?? 0) + 1);
    else if (t.type === 'word' && startsLowerCase(t.text)) lowerCase.add(t.text);
  }
  const counts: Record<string, number> = {};
  for (const [text, n] of raw) {
    const form = clean(text);
    if (form && !lowerCase.has(form.toLowerCase())) counts[form] = (counts[form] ?? 0) + n;
  }
  return counts;
}

/** Proper-noun forms of plain text: capitalized words that are not the first word of a sentence. */
export function properNounsOfText(text: string): Record<string, number> {
  const doc = simpleTermsDoc(text);
  const counts: Record<string, number> = {};
  let next = 0;
  let firstWordPending = false;
  for (let i = 0; i < doc.text.length; i++) {
    if (doc.sentences[next] === i) {
      firstWordPending = true;
      next++;
    }
    if (doc.kind[i] === 'p') continue; // an opening quote does not make the next word non-initial
    if (!firstWordPending && doc.kind[i] !== 's') add(counts, clean(doc.text[i]));
    firstWordPending = false;
  }
  return counts;
}
