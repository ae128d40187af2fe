/**
 * Variant discovery: proposes pairs of proper-noun forms that look like two spellings of one
 * name (same transliteration key, or keys within a small edit distance) and whose use splits by
 * outlet, ranked by the chi-square of the outlet × form table (Cramér's V and counts shown).
 *
 * Noise control: all-caps forms, case-only and inflection-only pairs (Russia/Russian,
 * Democrat/Democrats) are skipped; spelling pairs must share their consonant skeleton (vowels
 * differ, consonants do not: Orlisk/Orlesk but not Boston/Bolton); a pair whose two forms often appear in the same article is two names, not one
 * (`maxCoUse`); a weak split (`minV`) or one that chance explains (chi-square below its critical
 * value at `alpha`) is dropped. Two more tests tell two names from two spellings of one, read off
 * the 20 strongest pairs proposed on 5,000 ABP articles, of which 3 were spellings of one name
 * (Qaeda/Qaida and two apostrophe styles, O'Malley/O’Malley, O’Rourke/O'Rourke) and 17 two
 * different ones; with both, 16 of 81 pairs are proposed, none of the 65 dropped one name:
 *   - both forms ordinary English words in wink's lexicon (Policy/Police, Mayor/Major, Booker/Baker):
 *     two words. One ordinary word is not enough: the lexicon knows "Kiev" and "Qaeda" as nouns.
 *   - each form mostly part of a longer name, and hardly a word of those names shared between
 *     them, even in another spelling (Cory Booker / Charlie Baker, North Carolina / Carolyn
 *     Maloney, Ezra Klein / Ron Klain): two people or places. "Aurel Kastrovich" / "Aurel
 *     Kastrovych" share "Aurel"; two forms mostly seen alone ("in Kyiv") give no evidence either
 *     way; one nearly always part of a longer name and the other mostly alone are a name and a
 *     place or a word (Lyndon Johnson / London, Ryan Davis / Davos, Wall Street / Wal).
 * On 20,730 ABP articles the last test, and weighing the shared words by use, took 8 of the 20
 * strongest pairs out, none of them one name: Lyndon/London, Wall/Wal, Davis/Davos, DeVos/Davos,
 * Modi/Moody, and Brett Kavanaugh / Bret Baier, Rahm Emanuel / Emmanuel Macron, Michelle Obama /
 * Michele Bachmann, whose names had shared words one side used once or twice; 15 of the new 20
 * strongest are one name spelled two ways (Zelensky/Zelenskiy, Morsi/Morsy, Raul/Raúl, …).
 */
import type { Article } from '../../src/corpus/article.js';
import type { AnalyzedDoc } from '../../src/text/types.js';
import { packProperNames, properNamesOfAnalyzed, properNamesOfText, type PackedProperNames, type ProperNames } from './proper-nouns.js';
import { isCommonWord } from '../../src/text/common-words.js';
import { consonantSkeleton, normalizedDistance, translitKey } from './translit-key.js';
import type { DiscoverOptions, VariantCandidate } from './types.js';

/** Documents, or their proper-noun counts and name mates (the variants perDoc result has them). */
export type DiscoverInput = Article | AnalyzedDoc | ({ outlet: string } & Pick<ProperNames, 'proper'> & Partial<Pick<ProperNames, 'mates'>>);

const INFLECTIONS = new Set(['s', 'es', "'s", 'n', 'an', 'ian', 'ians', 'ans', 'ns', 'i', 'is', 'ese', 'ic', 'ism', 'ist', 'ists', 'ite', 'ites', 'er', 'ers', 'd', 'ed', 'ing', 'al', 'a', 'e']);

/** A document's outlet and proper-noun forms, whichever kind of input it is. */
function namesOf(input: DiscoverInput): { outlet: string; names: PackedProperNames } {
  if ('proper' in input) return { outlet: input.outlet, names: packProperNames({ proper: input.proper, mates: input.mates ?? {} }) };
  if ('tokens' in input && 'article' in input) return { outlet: input.article.outlet, names: packProperNames(properNamesOfAnalyzed(input)) };
  return { outlet: input.outlet, names: packProperNames(properNamesOfText(input.text)) };
}

/**
 * Share of a form's documents in which it must be part of a longer name before the words of its
 * names count as evidence (and at least two documents).
 */
const NAMED_SHARE = 0.25;
/**
 * Overlap of two forms' name words (mateOverlap) below which they are two names. Not zero: words
 * that are not part of the name ride along in a run of proper nouns ("Republican", "AP", "US"):
 * North/South Carolina and Carolyn Maloney shared "Democrat" and "AP", 1 % of Carolina's name words.
 */
const MIN_SHARED_MATES = 0.1;
/** Share of its documents in which a form is part of a longer name, at least, to count as nearly always so. */
const MOSTLY_NAMED = 0.75;

/** True when one form is the other plus an inflectional or derivational ending. */
export function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a.toLowerCase(), b.toLowerCase()] : [b.toLowerCase(), a.toLowerCase()];
  return long.startsWith(short) && INFLECTIONS.has(long.slice(short.length));
}

interface FormStats {
  form: string;
  key: string;
  total: number;
  byOutlet: Map<string, number>;
  docs: number;
  /** Documents where the form was part of a longer name. */
  namedDocs: number;
  /** Transliteration keys of the other words of those names, with the documents they were seen in. */
  mates: Map<string, number>;
}

/**
 * How much two forms' names share, in any spelling: over the words of their names, the smaller
 * of the two shares of named documents using the word. A word one name uses once and the other
 * in most of its documents adds next to nothing ("Kavanaugh" in one "Bret … Kavanaugh" run).
 */
function mateOverlap(a: FormStats, b: FormStats): number {
  let shared = 0;
  for (const [key, n] of a.mates) {
    const m = b.mates.get(key);
    if (m) shared += Math.min(n / a.namedDocs, m / b.namedDocs);
  }
  return shared;
}

/** Whether two forms are two names, or a name and a place or word (see the module comment). */
function twoNames(a: FormStats, b: FormStats): boolean {
  const namedShare = (f: FormStats) => (f.namedDocs >= 2 ? f.namedDocs / f.docs : 0);
  const [more, less] = namedShare(a) >= namedShare(b) ? [a, b] : [b, a];
  if (namedShare(less) >= NAMED_SHARE) return mateOverlap(a, b) < MIN_SHARED_MATES;
  return namedShare(more) >= MOSTLY_NAMED && less.namedDocs / less.docs < NAMED_SHARE;
}

/**
 * Form counts per outlet, documents per form and name mates, added one document at a time: the
 * variants summary feeds it from the loop that reads each document's result once.
 */
export class ProperNameTally {
  private readonly forms = new Map<string, FormStats>();
  /** Which forms each document uses (for co-use). */
  private readonly docForms: string[][] = [];
  // Mate words recur across thousands of documents; each is keyed once.
  private readonly keys = new Map<string, string>();

  add(input: DiscoverInput): void {
    const { outlet, names } = namesOf(input);
    this.addNames(outlet, names);
  }

  /** One document's proper-noun forms, as the variants analysis stores them. */
  addNames(outlet: string, { forms, counts, mates }: PackedProperNames): void {
    this.docForms.push(forms);
    forms.forEach((form, i) => {
      const c = counts[i];
      let stats = this.forms.get(form);
      if (!stats) this.forms.set(form, (stats = { form, key: translitKey(form), total: 0, byOutlet: new Map(), docs: 0, namedDocs: 0, mates: new Map() }));
      stats.total += c;
      stats.byOutlet.set(outlet, (stats.byOutlet.get(outlet) ?? 0) + c);
      stats.docs++;
      const named = mates[i];
      if (!named.length) return;
      stats.namedDocs++;
      for (const key of new Set(named.map((word) => this.keyOf(word)))) {
        stats.mates.set(key, (stats.mates.get(key) ?? 0) + 1);
      }
    });
  }

  private keyOf(word: string): string {
    let key = this.keys.get(word);
    if (key === undefined) this.keys.set(word, (key = translitKey(word)));
    return key;
  }

  /** Candidate variant pairs, strongest split first. */
  candidates(options: DiscoverOptions = {}): VariantCandidate[] {
    return rankCandidates(this.forms, this.docForms, options);
  }
}

/** Candidate variant pairs, strongest split first. */
export function discoverVariants(docs: Iterable<DiscoverInput>, options: DiscoverOptions = {}): VariantCandidate[] {
  chiSquareCritical(2, options.alpha ?? 0.05); // fail fast on an unsupported level
  const tally = new ProperNameTally();
  for (const input of docs) tally.add(input);
  return tally.candidates(options);
}

function rankCandidates(forms: Map<string, FormStats>, docForms: string[][], options: DiscoverOptions): VariantCandidate[] {
  const minCount = options.minCount ?? 3;
  const maxDistance = options.maxDistance ?? 0.2;
  const minV = options.minV ?? 0.3;
  const maxCoUse = options.maxCoUse ?? 0.5;
  const alpha = options.alpha ?? 0.05;
  chiSquareCritical(2, alpha); // fail on an unsupported level even when no pair is tested

  // 1. the forms worth pairing
  const kept = [...forms.values()]
    // All-caps forms are acronyms or page furniture ("WATCH"), not romanized names.
    .filter((f) => f.total >= minCount && f.key.length >= 3 && /\p{Ll}/u.test(f.form))
    .sort((a, b) => b.total - a.total || a.form.localeCompare(b.form))
    .slice(0, options.maxForms ?? 3000);

  // 2. candidate pairs: same key, or close keys (compared within a length band only)
  const pairs: Array<[FormStats, FormStats, VariantCandidate['reason'], number]> = [];
  const byLength = [...kept].sort((a, b) => a.key.length - b.key.length);
  for (let i = 0; i < byLength.length; i++) {
    const a = byLength[i];
    for (let j = i + 1; j < byLength.length; j++) {
      const b = byLength[j];
      if (b.key.length - a.key.length > maxDistance * b.key.length) break;
      if (a.form.toLowerCase() === b.form.toLowerCase() || isInflection(a.form, b.form)) continue;
      // Names that start differently (Germany/Herman) or differ by a hyphenated part (Day/D-Day) are different words.
      if (a.form[0].toLowerCase() !== b.form[0].toLowerCase() || a.form.includes('-') !== b.form.includes('-')) continue;
      if (a.key === b.key) {
        pairs.push([a, b, 'transliteration', 0]);
      } else if (Math.min(a.key.length, b.key.length) >= 5 && consonantSkeleton(a.key) === consonantSkeleton(b.key)) {
        const d = normalizedDistance(a.key, b.key);
        if (d <= maxDistance) pairs.push([a, b, 'spelling', d]);
      }
    }
  }

  // 3. co-use of each pair's forms in one document
  const pairsOf = new Map<string, number[]>();
  pairs.forEach(([a, b], p) => {
    for (const f of [a.form, b.form]) pairsOf.set(f, [...(pairsOf.get(f) ?? []), p]);
  });
  const both = new Float64Array(pairs.length);
  for (const list of docForms) {
    const here = new Set(list);
    const seen = new Set<number>();
    for (const form of list) {
      if (!pairsOf.has(form)) continue;
      for (const p of pairsOf.get(form)!) {
        if (seen.has(p)) continue;
        seen.add(p);
        const [a, b] = pairs[p];
        if (here.has(a.form) && here.has(b.form)) both[p]++;
      }
    }
  }

  // 4. the outlet × form split, filtered and ranked
  const out: VariantCandidate[] = [];
  pairs.forEach(([x, y, reason, distance], p) => {
    const [a, b] = x.total >= y.total ? [x, y] : [y, x];
    const split = outletSplit(a.byOutlet, b.byOutlet);
    if (!split) return;
    const rarer = Math.min(a.docs, b.docs);
    const coUse = rarer ? both[p] / rarer : 0;
    if (split.v < minV || coUse > maxCoUse || split.chi2 < chiSquareCritical(split.df, alpha)) return;
    if ((isCommonWord(a.form.toLowerCase()) && isCommonWord(b.form.toLowerCase())) || twoNames(a, b)) return;
    out.push({ a: a.form, b: b.form, reason, distance, countA: a.total, countB: b.total, coUse, ...split });
  });
  out.sort((p, q) => q.chi2 - p.chi2 || q.v - p.v || p.a.localeCompare(q.a));
  return out.slice(0, options.limit ?? 20);
}

/** Chi-square, df and Cramér's V of the outlets × {a, b} table; undefined with fewer than two outlets. */
export function outletSplit(a: Map<string, number>, b: Map<string, number>) {
  const outlets = [...new Set([...a.keys(), ...b.keys()])];
  if (outlets.length < 2) return undefined;
  const rows = outlets.map((o) => [o, a.get(o) ?? 0, b.get(o) ?? 0] as [string, number, number]);
  const totalA = rows.reduce((s, r) => s + r[1], 0);
  const totalB = rows.reduce((s, r) => s + r[2], 0);
  const n = totalA + totalB;
  let chi2 = 0;
  for (const [, ca, cb] of rows) {
    const row = ca + cb;
    const ea = (row * totalA) / n;
    const eb = (row * totalB) / n;
    if (ea > 0) chi2 += (ca - ea) ** 2 / ea;
    if (eb > 0) chi2 += (cb - eb) ** 2 / eb;
  }
  rows.sort((p, q) => q[1] + q[2] - (p[1] + p[2]) || p[0].localeCompare(q[0]));
  return { outlets: outlets.length, chi2, df: outlets.length - 1, v: Math.sqrt(chi2 / n), byOutlet: rows };
}

const NORMAL_UPPER: Record<string, number> = { '0.1': 1.2816, '0.05': 1.6449, '0.01': 2.3263, '0.001': 3.0902 };
const CHI2_DF1: Record<string, number> = { '0.1': 2.7055, '0.05': 3.8415, '0.01': 6.6349, '0.001': 10.8276 };

/**
 * Critical value of chi-square with `df` degrees of freedom at level `alpha` (0.1, 0.05, 0.01 or
 * 0.001): exact for df 1 and 2, Wilson–Hilferty's cube approximation (within 1%) above.
 */
export function chiSquareCritical(df: number, alpha = 0.05): number {
  const z = NORMAL_UPPER[String(alpha)];
  if (z === undefined) throw new Error(`framelens: discovery alpha must be one of ${Object.keys(NORMAL_UPPER).join(', ')}, got ${alpha}`);
  if (df === 1) return CHI2_DF1[String(alpha)];
  if (df === 2) return -2 * Math.log(alpha);
  const k = 2 / (9 * df);
  return df * (1 - k + z * Math.sqrt(k)) ** 3;
}
