/**
 * Summaries of a whole run, cached beside the per-article packs: a re-run on the same articles
 * with the same analyses reads them instead of summarising again. With every per-article result
 * already in the pack cache, summarising is most of a warm re-run (≈ 120 s of ≈ 150 s on 20k
 * articles), so without this a warm cache saves less than half the time.
 *
 * The key covers the context (analysis versions, options, lexicons, outlet names) and every kept
 * article's key in order, so adding, removing, editing or reordering one article recomputes all
 * summaries: they are corpus-wide. Summaries are plain JSON by the analysis contract
 * (analyses/types.ts), so a cached one renders the same bytes as a fresh one.
 *
 *   <cache dir>/summaries/<run key>/<analysis id>.json      (the newest KEEP runs are kept)
 *
 * One file per analysis: a 20k-article run's summaries together would be one string of
 * hundreds of MB.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../corpus/write-atomic.js';

/** Cached runs kept per cache folder (a 20k-article run's summaries are ≈ 100 MB). */
const KEEP = 4;

/** The key of one run's summaries: context key, the analyses' summary versions and article keys, in order. */
export function summaryKey(contextKey: string, articleKeys: readonly string[], analyses: readonly { id: string; summaryVersion?: string }[] = []): string {
  const hash = createHash('sha1').update(contextKey);
  for (const a of analyses) if (a.summaryVersion) hash.update(`\n${a.id}:${a.summaryVersion}`);
  for (const key of articleKeys) hash.update('\n').update(key);
  return hash.digest('hex');
}

const folder = (cacheDir: string) => join(cacheDir, 'summaries');

/** The cached summaries of `analyses` (registry ids), or undefined when any is missing or unreadable. */
export function readSummaries(cacheDir: string, key: string, analyses: readonly string[]): Map<string, unknown> | undefined {
  const run = join(folder(cacheDir), key);
  const found = new Map<string, unknown>();
  for (const id of analyses) {
    try {
      found.set(id, JSON.parse(readFileSync(join(run, `${id}.json`), 'utf8')));
    } catch {
      return undefined; // absent, damaged or half-written by a killed run: summarise again
    }
  }
  try {
    const now = new Date();
    utimesSync(run, now, now); // recently used: kept longest
  } catch {
    // removed meanwhile by another run's pruning: the summaries are read already
  }
  return found;
}

/** Stores one run's summaries and drops the least recently used runs beyond KEEP. */
export function writeSummaries(cacheDir: string, key: string, summaries: ReadonlyMap<string, unknown>): void {
  const run = join(folder(cacheDir), key);
  // A summary JSON cannot hold (undefined): such a run is simply not cached.
  if ([...summaries.values()].some((s) => s === undefined)) return;
  for (const [id, summary] of summaries) writeFileAtomic(join(run, `${id}.json`), JSON.stringify(summary));
  const runs = readdirSync(folder(cacheDir))
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ name, mtime: statSync(join(folder(cacheDir), name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
  for (const old of runs.slice(KEEP)) rmSync(join(folder(cacheDir), old.name), { recursive: true, force: true });
}
