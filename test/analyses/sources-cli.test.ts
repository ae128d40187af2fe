/**
 * `framelens sources` end to end through commander, output written to a temporary file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import * as sourcesCli from '../../src/cli/sources.js';

const SAMPLE = fileURLToPath(new URL('../../data/sample/articles.jsonl', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'framelens-sources-cli-'));

async function run(args: string[]): Promise<Record<string, unknown>[]> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.jsonl`);
  const program = new Command('framelens').exitOverride();
  sourcesCli.register(program);
  await program.parseAsync(['node', 'framelens', 'sources', SAMPLE, ...args, '-o', out, '--quiet']);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe('framelens sources', () => {
  it('labels the events of a corpus that names its own events by what they are about, not by their ids', async () => {
    const rows = await run(['--by', 'event']);
    const events = new Map(rows.map((r) => [r.event as string, r.eventLabel as string]));
    expect(events.size).toBeGreaterThan(3);
    for (const [event, label] of events) {
      expect(label.length).toBeGreaterThan(0);
      expect(label).not.toBe(event);
    }
  });

  it('gives one row per outlet and source, by outlet, with no event columns', async () => {
    const rows = await run(['--by', 'outlet']);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.outlet}\u0000${r.source}`)).size).toBe(rows.length);
    expect(rows.every((r) => !('event' in r) && !('eventLabel' in r))).toBe(true);
  });
});
