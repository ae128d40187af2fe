/**
 * The local pipeline's result cache: append-only packs of result lines (result-line.ts), one
 * folder per context key (analysis versions, options, lexicons, outlets), one pack per run that
 * analysed something. A run reads the packs of its context and appends what it computed as a
 * new pack, renamed into place when the run ends, so an interrupted or killed run leaves either
 * a whole pack or none. Thousands of small files cost more than the analyses on a 20k corpus;
 * packs cost one sequential write per run.
 *
 *   <cache dir>/packs/<context key>/<time>-<pid>-<random>.tsv
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { changedOutlets } from './outlet-relevance.js';
import type { PackLayout, ResultStore } from './result-store.js';

/** Temp packs older than this are from killed runs. */
const STALE_TEMP_MS = 24 * 3600 * 1000;

export function packDir(cacheDir: string, contextKey: string): string {
  return join(cacheDir, 'packs', contextKey);
}

/** The packs of one context, oldest first; removes temp packs of long-dead runs. */
export function listPacks(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const now = Date.now();
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    try {
      if (now - statSync(join(dir, name)).mtimeMs > STALE_TEMP_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // gone already
    }
  }
  return names.filter((n) => n.endsWith('.tsv') && !n.startsWith('.')).sort().map((n) => join(dir, n));
}

/** A pack's header: what its results were computed with beyond the context key. */
export interface PackHeader {
  /** The corpus's outlet names at the time (mention typing depends on them). */
  outlets: string[];
}

/** Packs of a run of more analyses to read the rest from (see PackLayout), with their own keys. */
export interface WiderPacks {
  dir: string;
  wanted: Map<string, number[]>;
  layout: PackLayout;
}

/**
 * Fills the store from the packs of `dir` for the wanted keys, then from `wider` packs for what
 * is still missing, and opens a new pack in `dir` for what the run computes. A cached line is
 * taken only if no outlet name that changed since its pack was written could be mentioned in the
 * article (`mayMention(article, changed outlets)`).
 */
export function openPackCache(
  store: ResultStore,
  dir: string,
  wanted: Map<string, number[]>,
  header: PackHeader,
  mayMention: (article: number, outlets: string[]) => boolean,
  wider: readonly WiderPacks[] = [],
): void {
  mkdirSync(dir, { recursive: true });
  const now = new Set(header.outlets);
  const changed = new Map<unknown, string[]>();
  const accept = (article: number, packHeader: unknown) => {
    const before = (packHeader as PackHeader | undefined)?.outlets;
    if (!Array.isArray(before)) return false;
    if (!changed.has(packHeader)) changed.set(packHeader, changedOutlets(before, now));
    const diff = changed.get(packHeader)!;
    return diff.length === 0 || !mayMention(article, diff);
  };
  for (const pack of listPacks(dir)) store.loadPack(pack, wanted, accept);
  // Wider packs hold every analysis's results (a 20k report's are over 1 GB): read only for what is missing.
  const missing = (w: WiderPacks) => [...w.wanted.values()].some((indices) => indices.some((i) => !store.has(i)));
  for (const w of wider) for (const pack of listPacks(w.dir)) if (missing(w)) store.loadPack(pack, w.wanted, accept, w.layout);
  store.openSpill(dir, header);
}
