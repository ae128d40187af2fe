/**
 * The lexicon matcher every analysis shares. Lexicons are JSON files in data/lexicons
 * (`{name, description, entries: [{term, category, subcategory?, note, match?, case?}]}`);
 * users add their own with `--lexicon file.json`. Matching runs on the AnalyzedDoc's tokens:
 *
 * 1. compile: each term is split into words; the matcher keys every entry by the forms its
 *    first word can take as a first token (the word itself, and its head before a hyphen or
 *    apostrophe, because "so-called" may be one wink token or "so" "-" "called").
 * 2. match: for each token, look up candidates by its normal form and lemma, then check the
 *    rest of the term token by token; a term word may span several adjacent tokens with no
 *    space between them (hyphenated words, contractions).
 * 3. resolve: by default the longest match wins where matches of one lexicon overlap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FramelensError } from '../corpus/diagnostics.js';
import { lexiconPath } from '../paths.js';
import * as msg from './messages.js';
import type { AnalyzedDoc, Token } from './types.js';

/** One lexicon entry as written in data/lexicons/*.json. Extra fields are kept as they are. */
export interface LexiconEntry {
  /** A word or phrase in base form ("special military operation", "so-called"). */
  term: string;
  category: string;
  subcategory?: string;
  /** Why the term is listed; shown next to findings. */
  note?: string;
  /** `lemma` (default): inflected forms match too; `surface`: the written form only. */
  match?: 'lemma' | 'surface';
  /**
   * Only where it is said of people: a label with an everyday literal sense ("animal", "rat",
   * "swarm"). Read by the loaded-language analysis (analyses/loaded/said-of-people.ts).
   */
  people?: boolean;
  /** `insensitive` (default) or `sensitive` (exact case: "Kiev" but not "kiev"). */
  case?: 'insensitive' | 'sensitive';
  /** Name of the lexicon the entry came from (set by loadLexicon). */
  lexicon?: string;
  [field: string]: unknown;
}

export interface Lexicon {
  name: string;
  description?: string;
  entries: LexiconEntry[];
}

/** A lexicon term found in a document. */
export interface LexiconMatch {
  start: number;
  end: number;
  text: string;
  /** Token range `[tokenStart, tokenEnd)`. */
  tokenStart: number;
  tokenEnd: number;
  entry: LexiconEntry;
  /** Name of the lexicon holding the entry. */
  lexicon: string;
}

export interface MatchOptions {
  /** `longest` (default): where matches of one lexicon overlap, keep the longest (then the first). `all`: keep every match. */
  overlaps?: 'longest' | 'all';
  /** Only try matches starting at tokens passing this test (a cheap pre-filter, e.g. capitalised tokens). Default: every token. */
  startAt?: (token: Token, index: number) => boolean;
  /** Only try matches starting at these token indexes (ascending). Default: every token. */
  starts?: readonly number[];
}

export interface LexiconMatcher {
  readonly entries: readonly LexiconEntry[];
  match(doc: Pick<AnalyzedDoc, 'tokens' | 'article'>, options?: MatchOptions): LexiconMatch[];
}

/** Reads one lexicon file; throws FramelensError naming the file when it is unreadable or malformed. */
export function loadLexicon(path: string): Lexicon {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FramelensError(msg.lexiconUnreadable(path, error instanceof Error ? error.message : String(error)).reason);
  }
  const invalid = (detail: string) => new FramelensError(msg.lexiconInvalid(path, detail).reason);
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as Lexicon).entries)) throw invalid('expected an object with an "entries" array');
  const lexicon = raw as Lexicon;
  const name = typeof lexicon.name === 'string' && lexicon.name ? lexicon.name : basename(path).replace(/\.json$/i, '');
  const entries = lexicon.entries.map((entry, i) => {
    if (!entry || typeof entry.term !== 'string' || !entry.term.trim()) throw invalid(`entry ${i} has no "term"`);
    if (typeof entry.category !== 'string' || !entry.category) throw invalid(`entry ${i} ("${entry.term}") has no "category"`);
    if (entry.match !== undefined && entry.match !== 'lemma' && entry.match !== 'surface') throw invalid(`entry ${i} ("${entry.term}"): "match" must be "lemma" or "surface"`);
    if (entry.case !== undefined && entry.case !== 'insensitive' && entry.case !== 'sensitive') throw invalid(`entry ${i} ("${entry.term}"): "case" must be "insensitive" or "sensitive"`);
    return { ...entry, lexicon: name };
  });
  return { name, description: lexicon.description, entries };
}

/** Names of the lexicons shipped in data/lexicons. */
export function shippedLexicons(): string[] {
  try {
    return readdirSync(lexiconPath('.')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  } catch {
    return [];
  }
}

/**
 * Loads shipped lexicons by name (`labels` → data/lexicons/labels.json) plus user files. A user
 * file applies when its `name` is one of `names` or when it has no name; its entries are added,
 * and an entry with the same term (any case) and category replaces the earlier one. A file whose
 * `name` is not a shipped lexicon is an error.
 */
export function loadLexicons(names: readonly string[], extraFiles: readonly string[] = []): Lexicon {
  const byKey = new Map<string, LexiconEntry>();
  const add = (lexicon: Lexicon) => {
    for (const entry of lexicon.entries) byKey.set(`${entry.category}\u0000${entry.term.trim().toLowerCase()}`, entry);
  };
  for (const name of names) {
    let lexicon: Lexicon;
    try {
      lexicon = loadLexicon(lexiconPath(`${name}.json`));
    } catch (error) {
      if (!shippedLexicons().includes(name)) throw new FramelensError(msg.lexiconUnknown(name, shippedLexicons()).reason);
      throw error;
    }
    add(lexicon);
  }
  for (const file of extraFiles) {
    const lexicon = loadLexicon(file); // first: it names the file when the JSON is bad
    const raw = JSON.parse(readFileSafe(file)) as { name?: unknown };
    if (typeof raw.name === 'string' && raw.name) {
      // A name that is none of ours would leave the file unused by every analysis, silently.
      if (!shippedLexicons().includes(raw.name)) throw new FramelensError(msg.lexiconUnknownExtension(file, raw.name, shippedLexicons()).reason);
      if (!names.includes(raw.name)) continue;
    }
    add(lexicon);
  }
  return { name: names.join('+'), entries: [...byKey.values()] };
}

/**
 * Reads and checks user lexicon files before any analysis uses them (the pipeline does, on the
 * calling thread), so a bad file stops the run with one error naming it instead of failing
 * every article on the worker threads.
 */
export function checkLexiconFiles(files: readonly string[]): void {
  loadLexicons([], files);
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new FramelensError(msg.lexiconUnreadable(file, error instanceof Error ? error.message : String(error)).reason);
  }
}

interface CompiledEntry {
  entry: LexiconEntry;
  lexicon: string;
  /** Term words, lower-cased unless the entry is case-sensitive. */
  words: string[];
  lemma: boolean;
  sensitive: boolean;
}

/** Splits a term into words the way they are compared with tokens. */
function termWords(term: string, sensitive: boolean): string[] {
  const words = term.trim().split(/\s+/);
  return sensitive ? words : words.map((w) => w.toLowerCase());
}

/** First-token keys an entry can be found under. */
function firstKeys(word: string): string[] {
  const lower = word.toLowerCase();
  const keys = new Set([lower]);
  const head = lower.split(/[-‐‑'’]/)[0];
  if (head) keys.add(head);
  if (/n['’]t$/.test(lower)) keys.add(lower.slice(0, -3)); // don't → do + n't
  return [...keys];
}

/**
 * Compiles entries (or whole lexicons) into a matcher. Entries without a `lexicon` field are
 * reported under `custom`.
 */
export function compileLexicon(input: readonly LexiconEntry[] | Lexicon | readonly Lexicon[]): LexiconMatcher {
  const entries: LexiconEntry[] = Array.isArray(input)
    ? (input as readonly (LexiconEntry | Lexicon)[]).flatMap((x) => ('entries' in x && Array.isArray(x.entries) ? x.entries.map((e) => ({ lexicon: (x as Lexicon).name, ...e })) : [x as LexiconEntry]))
    : (input as Lexicon).entries.map((e) => ({ lexicon: (input as Lexicon).name, ...e }));
  const index = new Map<string, CompiledEntry[]>();
  for (const entry of entries) {
    const sensitive = entry.case === 'sensitive';
    const compiled: CompiledEntry = {
      entry,
      lexicon: entry.lexicon ?? 'custom',
      words: termWords(entry.term, sensitive),
      lemma: entry.match !== 'surface',
      sensitive,
    };
    if (!compiled.words.length || !compiled.words[0]) continue;
    for (const key of firstKeys(compiled.words[0])) {
      const list = index.get(key);
      if (list) list.push(compiled);
      else index.set(key, [compiled]);
    }
  }
  return {
    entries,
    match(doc, options = {}) {
      const found = findAll(doc, index, options.startAt, options.starts);
      return options.overlaps === 'all' ? found : keepLongest(found);
    },
  };
}

function findAll(
  doc: Pick<AnalyzedDoc, 'tokens' | 'article'>, index: Map<string, CompiledEntry[]>, startAt?: MatchOptions['startAt'], starts?: readonly number[],
): LexiconMatch[] {
  const { tokens } = doc;
  const text = doc.article.text;
  const out: LexiconMatch[] = [];
  const lower: string[] = new Array(tokens.length); // lower-cased token texts, filled on demand
  const n = starts ? starts.length : tokens.length;
  for (let s = 0; s < n; s++) {
    const i = starts ? starts[s] : s;
    const t = tokens[i];
    if (startAt && !startAt(t, i)) continue;
    // Keys: the normal form (contractions come expanded: "ca" → "can") and the lemma.
    const byNorm = index.get(t.norm);
    const byLemma = t.lemma !== t.norm ? index.get(t.lemma) : undefined;
    if (byNorm) matchFrom(tokens, i, byNorm, undefined, text, lower, out);
    if (byLemma) matchFrom(tokens, i, byLemma, byNorm, text, lower, out);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Adds the matches of `candidates` starting at token `i`, except entries already tried from `tried`. */
function matchFrom(
  tokens: readonly Token[], i: number, candidates: readonly CompiledEntry[], tried: readonly CompiledEntry[] | undefined,
  text: string, lower: string[], out: LexiconMatch[],
): void {
  for (const c of candidates) {
    if (tried?.includes(c)) continue;
    const end = matchAt(tokens, i, c, lower);
    if (end > i) {
      const start = tokens[i].start;
      const stop = tokens[end - 1].end;
      out.push({ start, end: stop, text: text.slice(start, stop), tokenStart: i, tokenEnd: end, entry: c.entry, lexicon: c.lexicon });
    }
  }
}

/** Token index after the match of `c` starting at token `i`, or -1. */
function matchAt(tokens: readonly Token[], i: number, c: CompiledEntry, lower: string[]): number {
  let k = i;
  for (let w = 0; w < c.words.length; w++) {
    if (k >= tokens.length) return -1;
    // Words of a term must sit in one sentence.
    if (k > i && tokens[k].sentence !== tokens[i].sentence) return -1;
    const next = matchWord(tokens, k, c.words[w], c, lower);
    if (next < 0) return -1;
    k = next;
  }
  return k;
}

/** Written form of token k as compared with term words; lower-cased forms are computed once per document. */
const surfaceOf = (tokens: readonly Token[], k: number, c: CompiledEntry, lower: string[]) =>
  c.sensitive ? tokens[k].text : (lower[k] ??= tokens[k].text.toLowerCase());

/** Matches one term word at token k (alone, or glued from adjacent tokens); returns the next token index or -1. */
function matchWord(tokens: readonly Token[], k: number, word: string, c: CompiledEntry, lower: string[]): number {
  const t = tokens[k];
  const surface = surfaceOf(tokens, k, c, lower);
  if (surface === word || (!c.sensitive && t.norm === word)) return k + 1;
  if (c.lemma && (c.sensitive ? t.lemma === word.toLowerCase() && t.text[0] === word[0] : t.lemma === word)) return k + 1;
  // Glue adjacent tokens: "so" "-" "called" → so-called; "do" "n't" → don't.
  if (surface.length === 0 || !word.startsWith(surface)) return -1;
  let glued = surface;
  for (let j = k + 1; j < tokens.length && tokens[j].start === tokens[j - 1].end; j++) {
    glued += surfaceOf(tokens, j, c, lower);
    if (glued === word) return j + 1;
    if (!word.startsWith(glued)) return -1;
  }
  return -1;
}

/** Within each lexicon, drops matches overlapping an earlier-starting or longer one (same-span matches of other entries stay). */
function keepLongest(matches: LexiconMatch[]): LexiconMatch[] {
  const kept: LexiconMatch[] = [];
  const last = new Map<string, LexiconMatch>();
  for (const m of matches) {
    // Sorted by start, longest first: a match starting before the end of its lexicon's last kept match overlaps it.
    const prev = last.get(m.lexicon);
    if (prev && m.start < prev.end && !(m.start === prev.start && m.end === prev.end)) continue;
    kept.push(m);
    last.set(m.lexicon, m);
  }
  return kept;
}
