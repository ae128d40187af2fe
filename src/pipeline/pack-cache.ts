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
import type { ResultStore } from './result-store.js';

/** Packs per context folder beyond which a run rewrites the live lines into one pack. */
export const MAX_PACKS = 8;
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

/**
 * Fills the store from the packs of `dir` for the wanted keys and opens a new pack for what the
 * run computes. Returns the packs read.
 */
export function openPackCache(store: ResultStore, dir: string, wanted: Map<string, number[]>): string[] {
  mkdirSync(dir, { recursive: true });
  const packs = listPacks(dir);
  for (const pack of packs) store.loadPack(pack, wanted);
  store.openSpill(dir);
  return packs;
}
