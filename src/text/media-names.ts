/**
 * Known media names for mentions: every outlet name and alias in data/lexicons/outlets.json
 * (read when present; the text layer works without it) plus the corpus's own outlet names,
 * compiled into a lexicon matcher. "The Times" also matches as "Times" after a lower-case
 * "the" ("the Times wrote"). Short names (≤ 4 characters: "AP", "RT", "dpa") match their exact case.
 * Entries of corpus outlets the shipped table does not know carry `corpusOnly`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { lexiconPath } from '../paths.js';
import { compileLexicon, type LexiconEntry, type LexiconMatcher } from './lexicon.js';

interface OutletRecord {
  name: string;
  aliases?: string[];
  kind?: string;
}

let shipped: OutletRecord[] | undefined;

function shippedOutlets(): OutletRecord[] {
  if (shipped) return shipped;
  const file = lexiconPath('outlets.json');
  try {
    shipped = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { outlets?: OutletRecord[] }).outlets ?? []) : [];
  } catch {
    shipped = []; // a malformed table is the corpus layer's to report; mentions just lose media names
  }
  return shipped;
}

const matchers = new Map<string, LexiconMatcher>();
/** The same lists by identity: every article of a corpus passes the same array, so the key is joined once per corpus. */
const byList = new WeakMap<readonly string[], { copy: readonly string[]; matcher: LexiconMatcher }>();

/** The media-name matcher for a corpus (cached per outlet list). Entries carry `canonical` and `needsThe`. */
export function mediaMatcher(corpusOutlets: readonly string[] = NO_OUTLETS): LexiconMatcher {
  const known = byList.get(corpusOutlets);
  // the copy tells whether the caller changed the array since
  if (known && sameList(known.copy, corpusOutlets)) return known.matcher;
  const matcher = matcherFor(corpusOutlets.join('\u0000'), corpusOutlets);
  byList.set(corpusOutlets, { copy: [...corpusOutlets], matcher });
  return matcher;
}

const NO_OUTLETS: readonly string[] = [];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function matcherFor(cacheKey: string, corpusOutlets: readonly string[]): LexiconMatcher {
  const hit = matchers.get(cacheKey);
  if (hit) return hit;
  const entries: LexiconEntry[] = [];
  const add = (alias: string, canonical: string, kind: string, corpusOnly = false) => {
    const term = alias.trim();
    if (!term || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(term)) return; // domains are not written in running text
    const sensitive = term.length <= 4;
    const base = { category: 'media', subcategory: kind, match: 'surface' as const, case: sensitive ? ('sensitive' as const) : ('insensitive' as const), canonical, lexicon: 'media', corpusOnly };
    entries.push({ ...base, term });
    const bare = /^the\s+(.+)$/i.exec(term)?.[1];
    if (bare) entries.push({ ...base, term: bare, needsThe: true });
  };
  const shippedNames = new Set<string>();
  for (const o of shippedOutlets()) {
    for (const alias of [o.name, ...(o.aliases ?? [])]) {
      add(alias, o.name, o.kind ?? 'media');
      shippedNames.add(alias.trim().toLowerCase());
    }
  }
  // A corpus's outlet may be a person (an op-ed writer listed as the source): mentions.ts asks each article.
  for (const name of corpusOutlets) add(name, name, 'media', !shippedNames.has(name.trim().toLowerCase()));
  const matcher = compileLexicon(entries);
  matchers.set(cacheKey, matcher);
  return matcher;
}
