/**
 * Every sentence the terms analysis writes (chart captions, event contrasts), as functions of
 * the numbers, so the wording lives in one place and always states the counts.
 */
import type { KeyTerm } from './types.js';
import type { TermsEventSummary, TermsSummary } from './summarize.js';
import { formatCount, plural } from '../../src/plural.js';

const fmt = (z: number) => z.toFixed(1);
const times = (n: number) => (n === 0 ? 'never' : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** "“x” (14 uses vs 3 elsewhere, z = 4.2)" */
export function termEvidence(t: KeyTerm, elsewhere = 'elsewhere'): string {
  return `“${t.term}” (${plural(t.count, 'use')} vs ${formatCount(t.otherCount)} ${elsewhere}, z = ${fmt(t.z)})`;
}

export function distinctiveCaption(summary: TermsSummary): string {
  const best = summary.outlets
    .flatMap((o) => o.top.slice(0, 1).map((t) => ({ outlet: o.group, t })))
    .sort((a, b) => b.t.z - a.t.z)[0];
  const base = `Bars show each outlet's terms with the highest (colour) and lowest (grey) log-odds z-scores against all other outlets combined, over ${summary.tokens.toLocaleString('en')} tokens.`;
  return best ? `${base} The most distinctive term is ${termEvidence(best.t, 'in the other outlets')} in ${best.outlet}.` : `${base} No term reaches the minimum count of ${summary.options.minCount}.`;
}

export function scatterCaption(scatter: NonNullable<TermsSummary['scatter']>): string {
  const byZ = [...scatter.points].sort((p, q) => q.z - p.z);
  const a = byZ[0];
  const b = byZ[byZ.length - 1];
  const parts = [`Each dot is a term: ${scatter.a}'s rate on the x axis, ${scatter.b}'s on the y axis; dots below the diagonal lean to ${scatter.a}, above it to ${scatter.b}.`];
  if (a && a.z > 0) parts.push(`${scatter.a}'s most distinctive term against ${scatter.b} is “${a.term}” (${formatCount(a.countA)} vs ${plural(a.countB, 'use')}, z = ${fmt(a.z)}).`);
  if (b && b.z < 0) parts.push(`${scatter.b}'s is “${b.term}” (${formatCount(b.countB)} vs ${plural(b.countA, 'use')}, z = ${fmt(-b.z)}).`);
  return parts.join(' ');
}

/** "For this event, A says “x” (3 times in its 410 words; the others never in 2,050) where B says …" */
export function eventContrast(event: TermsEventSummary, label: string, perOutlet = 2): string {
  const voiced = event.outlets
    // A contrast needs a word used at least twice and clearly more than by the others.
    .map((o) => ({ outlet: o.group, tokens: o.tokens, terms: o.top.filter((t) => t.count >= 2 && t.logRatio >= 1).slice(0, perOutlet) }))
    .filter((o) => o.terms.length);
  if (event.outlets.length < 2) return `Only one outlet covers ${label}, so there is no one to contrast its word choice with.`;
  if (!voiced.length) return `The ${event.outlets.length} outlets covering ${label} use no term clearly more than the others.`;
  // Counts with the words they are out of: an outlet with one short article can use a word twice
  // and still use it more than four others do four times.
  const words = (n: number) => n.toLocaleString('en');
  const uses = (o: (typeof voiced)[number], t: KeyTerm) => {
    const others = event.tokens - o.tokens;
    return `“${t.term}” (${times(t.count)} in its ${words(o.tokens)} words; the others ${times(t.otherCount)} in ${words(others)})`;
  };
  const says = (o: (typeof voiced)[number]) => `${o.outlet} says ${o.terms.map((t) => uses(o, t)).join(' and ')}`;
  const [first, ...rest] = voiced;
  return rest.length ? `For ${label}, ${says(first)} where ${rest.map(says).join('; ')}.` : `For ${label}, ${says(first)}, more than the other outlets covering it.`;
}

/**
 * "Not counted as word choice: 5,345 sentences that 51 outlets repeat across many of their
 * articles on different events (page furniture such as sign-up lines, column footers and time
 * stamps), in 1,312 articles" — the report follows it with linked examples.
 */
export function repeatedIntro(repeated: TermsSummary['repeated']): string {
  let sentences = 0;
  let docs = 0;
  for (const r of repeated) {
    sentences += r.sentences;
    docs += r.docs;
  }
  return `Not counted as word choice: ${plural(sentences, 'sentence')} that ${plural(repeated.length, 'outlet')} ${repeated.length === 1 ? 'repeats' : 'repeat'} across many of ${repeated.length === 1 ? 'its' : 'their'} articles on different events (page furniture such as sign-up lines, column footers and time stamps), in ${plural(docs, 'article')}`;
}

/** "(The New York Times, 103 articles)" after a quoted repeated sentence. */
export function repeatedExample(outlet: string, docs: number): string {
  return `(${outlet}, ${plural(docs, 'article')})`;
}

export function overviewIntro(summary: TermsSummary): string {
  const size = summary.options.ngram > 1 ? `terms of 1 to ${summary.options.ngram} words` : 'single words';
  const form = summary.options.lemma ? 'lemmas' : 'word forms';
  return `Which ${size} (${form}${summary.options.stopWords ? '' : ', stop words left out'}) each outlet uses more than the others, scored with the log-odds ratio with informative Dirichlet prior (z-score) and G², from ${summary.tokens.toLocaleString('en')} tokens in ${summary.outlets.length} outlets. Open a term to see it in context.`;
}

/** packTermsDoc: the token arrays and the kind string disagree on the token count. */
export function packTokenCount(texts: number, kinds: number, starts: number): string {
  return `framelens: a TermsDoc needs one kind and one start per token, got ${texts} tokens, ${kinds} kinds and ${starts} starts`;
}

/** packTermsDoc: a kind is not a lower-case letter (upper case marks sentence starts when packed). */
export function packKinds(): string {
  return 'framelens: TermsDoc kinds must be lower-case letters (w, s, n, p)';
}

/** packTermsDoc: sentence starts must be ascending token indices. */
export function packSentences(start: number): string {
  return `framelens: TermsDoc sentence starts must be ascending token indices, got ${start}`;
}

/** unpackTermsDoc: a digit list is cut short (a damaged stored result). */
export function badDigits(list: string): string {
  return `framelens: a packed TermsDoc holds a damaged number list ('${list.slice(0, 40)}')`;
}

/** packTermsDoc: a lemma is keyed by something other than a token index. */
export function packLemma(key: string): string {
  return `framelens: TermsDoc lemmas must be keyed by token indices, got '${key}'`;
}

/** unpackTermsDoc: the text holds another number of tokens than the kinds (a damaged stored result). */
export function badTokenCount(kinds: number, texts: number): string {
  return `framelens: a packed TermsDoc holds ${texts} token texts for ${kinds} kinds (a damaged stored result)`;
}
