/** Shared test helpers for the corpus layer: fixture paths, the seed, a reader context, temp dirs. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReaderContext } from '../../src/corpus/index.js';

export const fixturesDir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
export const fixture = (name: string) => join(fixturesDir, name);

export const sharedData = resolve(fileURLToPath(new URL('../../../shared/data', import.meta.url)));
export const seedPath = join(sharedData, 'seeds', '000_2b63a6624e7e042a.txt');
export const hasSeed = existsSync(seedPath);
export const seedSkipMessage = `seed not found at ${seedPath} (../shared/data is absent in a fresh clone)`;

export function context(file: string, overrides: Partial<ReaderContext> = {}): ReaderContext {
  return { file, maxRecordBytes: 5 * 1024 * 1024, canonicalOutlet: (name) => name.trim(), ...overrides };
}

export const tempDir = (prefix = 'framelens-corpus-') => mkdtempSync(join(tmpdir(), prefix));

/** sha1 of every file under a path, to check that reading never modifies inputs. */
export function hashTree(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (p: string) => {
    const info = statSync(p);
    if (info.isDirectory()) for (const name of readdirSync(p)) visit(join(p, name));
    else out[p] = `${createHash('sha1').update(readFileSync(p)).digest('hex')}:${info.mtimeMs}`;
  };
  visit(path);
  return out;
}
