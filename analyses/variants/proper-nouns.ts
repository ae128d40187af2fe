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

/** A document's proper-noun forms with their counts, and the other words of the names each form is part of. */
export interface ProperNames {
  proper: Record<string, number>;
  /**
   * Per form, the other words of the multi-word names it was seen in ("Cory Booker" → Booker:
   * [Cory]), distinct, in order of first use; forms only ever seen alone have none. Discovery
   * reads them to tell two people apart (discover.ts).
   */
  mates: Record<string, string[]>;
}

/**
 * ProperNames as parallel arrays, forms in order of first use, `mates[i]` empty when form i was
 * only seen alone: how the variants analysis stores them per article. Parsing the records back
 * builds a new object shape for every document's set of names (2.2 s for 20,730 articles in a
 * fresh thread); the arrays parse in 0.6 s.
 */
export interface PackedProperNames {
  forms: string[];
  counts: number[];
  mates: string[][];
}

export function packProperNames({ proper, mates }: ProperNames): PackedProperNames {
  const forms = Object.keys(proper);
  return { forms, counts: forms.map((f) => proper[f]), mates: forms.map((f) => mates[f] ?? []) };
}

/** A word that can stand in a name next to a form (possessive dropped): "Al" of "Al Qaeda" counts, unlike as a form. */
function mateOf(token: string): string | undefined {
  const bare = token.replace(POSSESSIVE, '');
  return bare.length >= 2 && NAME.test(bare) ? bare : undefined;
}

/** Adds, for every form of a run of name words, the run's other words as its mates. */
function addRun(mates: Record<string, string[]>, run: string[], keep: (form: string) => boolean): void {
  run.forEach((word, i) => {
    const form = clean(word);
    if (!form || !keep(form)) return;
    const list = (mates[form] ??= []);
    run.forEach((other, j) => {
      const mate = mateOf(other);
      if (j !== i && mate && mate !== form && !list.includes(mate)) list.push(mate);
    });
    if (!list.length) delete mates[form];
  });
}

/**
 * Proper-noun forms of an analyzed document (PROPN tokens), except words the article also writes
 * in lower case: "Police" of "Police Department" where the story says "police" is an everyday
 * word in a name, and two such words ("Police" / "Policy") were the strongest spelling split
 * proposed on a 20k-article corpus. A run of PROPN tokens is one name (its words are mates).
 */
export function properNamesOfAnalyzed(doc: AnalyzedDoc): ProperNames {
  // A name recurs through an article: clean each distinct token text once. Forms still enter
  // `counts` in order of their first token, as counting token by token would.
  const raw = new Map<string, number>();
  const lowerCase = new Set<string>();
  const runs: string[][] = [];
  let run: string[] = [];
  for (const t of doc.tokens) {
    if (t.pos === 'PROPN') {
      raw.set(t.text, (raw.get(t.text) ?? 0) + 1);
      run.push(t.text);
      continue;
    }
    if (run.length > 1) runs.push(run);
    run = [];
    if (t.type === 'word' && startsLowerCase(t.text)) lowerCase.add(t.text);
  }
  if (run.length > 1) runs.push(run);
  const counts: Record<string, number> = {};
  for (const [text, n] of raw) {
    const form = clean(text);
    if (form && !lowerCase.has(form.toLowerCase())) counts[form] = (counts[form] ?? 0) + n;
  }
  const mates: Record<string, string[]> = {};
  for (const r of runs) addRun(mates, r, (form) => form in counts);
  return { proper: counts, mates };
}

/** The proper-noun forms of an analyzed document with their counts (see properNamesOfAnalyzed). */
export function properNounsOfAnalyzed(doc: AnalyzedDoc): Record<string, number> {
  return properNamesOfAnalyzed(doc).proper;
}

/**
 * Proper-noun forms of plain text: capitalized words that are not the first word of a sentence;
 * capitalized words in a row (the first word of a sentence included) are one name.
 */
export function properNamesOfText(text: string): ProperNames {
  const doc = simpleTermsDoc(text);
  const counts: Record<string, number> = {};
  const runs: string[][] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 1) runs.push(run);
    run = [];
  };
  let next = 0;
  let firstWordPending = false;
  for (let i = 0; i < doc.text.length; i++) {
    if (doc.sentences[next] === i) {
      endRun();
      firstWordPending = true;
      next++;
    }
    if (doc.kind[i] === 'p') {
      endRun();
      continue; // an opening quote does not make the next word non-initial
    }
    if (mateOf(doc.text[i]) && doc.kind[i] !== 's') run.push(doc.text[i]);
    else endRun();
    if (!firstWordPending && doc.kind[i] !== 's') add(counts, clean(doc.text[i]));
    firstWordPending = false;
  }
  endRun();
  const mates: Record<string, string[]> = {};
  for (const r of runs) addRun(mates, r, (form) => form in counts);
  return { proper: counts, mates };
}

/** Proper-noun forms of plain text with their counts (see properNamesOfText). */
export function properNounsOfText(text: string): Record<string, number> {
  return properNamesOfText(text).proper;
}
