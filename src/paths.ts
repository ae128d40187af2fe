/**
 * Locates files shipped with the package (lexicons, sample corpus, browser builds) the same way
 * from the TypeScript sources (tests) and from the compiled `dist/` (CLI, notebooks).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding framelens's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'framelens') {
      return (root = dir);
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('framelens: cannot find the package root');
    dir = up;
  }
}

/** Path of a file under `data/lexicons`. */
export function lexiconPath(name: string): string {
  return join(packageRoot(), 'data', 'lexicons', name);
}
