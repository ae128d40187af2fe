/**
 * Runs one framelens command through commander with its rows written to a temporary JSONL file
 * (`-o`, `--quiet`), and returns the rows: what users script against.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';

/** The fictional sample corpus. */
export const SAMPLE = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'framelens-cli-rows-'));

/** `args` start with the command name; `register` adds that command to the program. */
export async function runRows(register: (program: Command) => void, args: string[]): Promise<Record<string, unknown>[]> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.jsonl`);
  const program = new Command('framelens').exitOverride();
  register(program);
  await program.parseAsync(['node', 'framelens', ...args, '-o', out, '--quiet']);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
