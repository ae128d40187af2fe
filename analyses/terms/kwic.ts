/**
 * KWIC (key word in context): every occurrence of a term or phrase with its left and right
 * context, as rows `{doc, group, start, end, left, match, right}` where start/end are UTF-16
 * offsets of the match in the article text. Used by `framelens kwic` and by the terms summary
 * (a few lines per distinctive term, so the report can link each term to its evidence).
 *
 * Query syntax: words separated by spaces; a trailing `*` matches any word starting with the
 * prefix ("immigra*"). Punctuation around words is ignored on both sides, so the query does not
 * depend on how a tokenizer split "U.S." or "Kyiv's".
 */
import { groupOf } from './grouping.js';
import { endOf, toTermsDoc, type TermsInput } from './terms-doc.js';
import type { KwicOptions, KwicRow, TermsDoc, TermsDocWithMeta } from './types.js';

interface QueryWord {
  text: string;
  prefix: boolean;
}

const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Token text with surrounding punctuation removed (and lower-cased unless case matters). */
function key(text: string, caseSensitive: boolean): string {
  const bare = text.replace(EDGE_PUNCT, '');
  return caseSensitive ? bare : bare.toLowerCase();
}

/** Parses a query into words; throws on an empty query (an option error). */
export function parseQuery(query: string, caseSensitive = false): QueryWord[] {
  const words = query
    .trim()
    .split(/\s+/)
    .map((piece) => ({ text: key(piece.replace(/\*+$/, ''), caseSensitive), prefix: /\*$/.test(piece) }))
    .filter((w) => w.text !== '');
  if (!words.length) throw new Error(`framelens: the KWIC query '${query}' has no words`);
  return words;
}

/** Word-token indices of a document (the positions a query word can match). */
export function wordIndices(doc: TermsDoc): number[] {
  const out: number[] = [];
  for (let i = 0; i < doc.kind.length; i++) if (doc.kind[i] !== 'p') out.push(i);
  return out;
}

/** Text of tokens [from, to]: exact (whitespace collapsed) when the source is known, else rebuilt. */
export function stretch(doc: TermsDocWithMeta, from: number, to: number): string {
  if (to < from) return '';
  if (doc.source !== undefined) return doc.source.slice(doc.start[from], endOf(doc, to)).replace(/\s+/g, ' ');
  let out = doc.text[from];
  for (let i = from + 1; i <= to; i++) out += (doc.start[i] > endOf(doc, i - 1) ? ' ' : '') + doc.text[i];
  return out;
}

/**
 * A KWIC row for the tokens [first, last] of a document; `words` are its word-token indices
 * (wordIndices), passed by a caller cutting many rows from one document.
 */
export function kwicRow(doc: TermsDocWithMeta, first: number, last: number, group: string, window: number, words: number[] = wordIndices(doc)): KwicRow {
  const at = words.indexOf(first);
  const lastAt = words.indexOf(last);
  const leftFrom = at < 0 ? first : words[Math.max(0, at - window)];
  const rightTo = lastAt < 0 ? last : words[Math.min(words.length - 1, lastAt + window)];
  const start = doc.start[first];
  const end = endOf(doc, last);
  const match = doc.source !== undefined ? doc.source.slice(start, end) : stretch(doc, first, last);
  return { doc: doc.id, group, start, end, left: stretch(doc, leftFrom, first - 1), match, right: stretch(doc, last + 1, rightTo) };
}

/** Every occurrence of `query` in `docs`, in document order. */
export function kwic(docs: Iterable<TermsInput>, query: string, options: KwicOptions = {}): KwicRow[] {
  const window = options.window ?? 8;
  const caseSensitive = options.caseSensitive ?? false;
  const words = parseQuery(query, caseSensitive);
  const inputs = [...docs];
  const streams = inputs.map(toTermsDoc);
  const lemmas = options.lemma ? queryLemmas(streams, words) : undefined;
  const rows: KwicRow[] = [];
  for (const [d, doc] of streams.entries()) {
    const group = groupOf(doc, options.by ?? 'outlet', inputs[d]) ?? '';
    const positions = wordIndices(doc);
    const sentenceOf = sentenceIndex(doc);
    for (let p = 0; p + words.length <= positions.length; p++) {
      const first = positions[p];
      const last = positions[p + words.length - 1];
      if (sentenceOf[first] !== sentenceOf[last]) continue;
      let ok = true;
      for (let w = 0; w < words.length && ok; w++) {
        const i = positions[p + w];
        ok = wordMatches(words[w], key(doc.text[i], caseSensitive), doc.lemma[i], lemmas?.[w]);
      }
      if (!ok) continue;
      rows.push(kwicRow(doc, first, last, group, window));
      if (options.limit !== undefined && rows.length >= options.limit) return rows;
    }
  }
  return rows;
}

function wordMatches(word: QueryWord, token: string, lemma: string | undefined, queryLemma: string | undefined): boolean {
  if (word.prefix) return token.startsWith(word.text) || (lemma?.startsWith(word.text) ?? false);
  if (token === word.text) return true;
  if (queryLemma === undefined) return false;
  return (lemma ?? token) === queryLemma;
}

/** Lemma of each query word, learnt from the corpus ("protests" → "protest"); the word itself when unseen. */
function queryLemmas(docs: TermsDoc[], words: QueryWord[]): string[] {
  const wanted = new Map(words.map((w) => [w.text.toLowerCase(), w.text.toLowerCase()]));
  const found = new Set<string>();
  for (const doc of docs) {
    for (const [i, lemma] of Object.entries(doc.lemma)) {
      const norm = key(doc.text[Number(i)], false);
      if (wanted.has(norm) && !found.has(norm)) {
        wanted.set(norm, lemma);
        found.add(norm);
      }
    }
    if (found.size === wanted.size) break;
  }
  return words.map((w) => wanted.get(w.text.toLowerCase())!);
}

function sentenceIndex(doc: TermsDoc): Int32Array {
  const out = new Int32Array(doc.text.length);
  let s = -1;
  for (let i = 0, next = 0; i < doc.text.length; i++) {
    if (doc.sentences[next] === i) {
      s++;
      next++;
    }
    out[i] = s;
  }
  return out;
}
