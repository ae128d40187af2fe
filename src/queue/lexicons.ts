/**
 * Extra lexicon files (`--lexicon`) cross machines by value: the coordinator reads them into the
 * job, each worker writes them once into a folder named by their content hash and points the
 * context at those copies. Same content, same path, so the analyses' per-file caches keep working.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../corpus/write-atomic.js';
import type { ShippedLexicon } from './jobs.js';

/** Reads the coordinator's lexicon files. A missing one keeps its path, so workers report it missing as a local run would. */
export function packLexicons(files: readonly string[]): ShippedLexicon[] {
  return files.map((file) => (existsSync(file) ? { name: basename(file), content: readFileSync(file, 'utf8') } : { name: file, content: null }));
}

/** Writes shipped lexicons under `<tmp>/framelens-lexicons/<sha1>/<name>` (once) and returns their paths. */
export function unpackLexicons(lexicons: readonly ShippedLexicon[], root = join(tmpdir(), 'framelens-lexicons')): string[] {
  return lexicons.map(({ name, content }) => {
    if (content === null) return name;
    const path = join(root, createHash('sha1').update(content).digest('hex'), name);
    if (!existsSync(path)) writeFileAtomic(path, content);
    return path;
  });
}
