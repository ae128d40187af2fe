/**
 * The word-choice commands end to end through commander (kwic, keyness, terms, variants), with
 * output written to a temporary file: the rows users script against.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRows, SAMPLE } from '../helpers/run-rows.js';
import * as kwicCli from '../../src/cli/kwic.js';
import * as keynessCli from '../../src/cli/keyness.js';
import * as termsCli from '../../src/cli/terms.js';
import * as variantsCli from '../../src/cli/variants.js';

const run = runRows;

describe('word-choice commands', () => {
  it('kwic takes the query as an option or as the second of two arguments, with exact spans', async () => {
    const byOption = await run(kwicCli.register, ['kwic', SAMPLE, '--query', 'grave mistake', '--window', '4']);
    const byPosition = await run(kwicCli.register, ['kwic', SAMPLE, 'grave mistake', '--window', '4']);
    expect(byPosition).toEqual(byOption);
    expect(byOption.length).toBe(4);
    const texts = new Map(readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((a) => [a.id, a.text as string]));
    for (const row of byOption) {
      expect(Object.keys(row)).toEqual(['doc', 'group', 'start', 'end', 'left', 'match', 'right']);
      expect(texts.get(row.doc as string)!.slice(row.start as number, row.end as number)).toBe(row.match);
    }
  });

  it('kwic refuses to guess a query among several inputs', async () => {
    await expect(run(kwicCli.register, ['kwic', SAMPLE, SAMPLE])).rejects.toThrow(/--query/);
  });

  it('keyness prints scores next to raw counts, and over- and under-used terms with --direction both', async () => {
    const rows = await run(keynessCli.register, ['keyness', SAMPLE, '--top', '3', '--direction', 'both', '--fast']);
    expect(Object.keys(rows[0])).toEqual(['group', 'term', 'count', 'otherCount', 'rate', 'otherRate', 'z', 'g2', 'logRatio']);
    const klaxon = rows.filter((r) => r.group === 'The Daily Klaxon');
    expect(klaxon).toHaveLength(6);
    expect(klaxon.slice(0, 3).every((r) => (r.z as number) > 0)).toBe(true);
    expect(klaxon.slice(3).every((r) => (r.z as number) < 0)).toBe(true);
    await expect(run(keynessCli.register, ['keyness', SAMPLE, '--reference', 'Nobody', '--fast'])).rejects.toThrow(/--reference 'Nobody'/);
  });

  it('terms prints counts and rates per event', async () => {
    const rows = await run(termsCli.register, ['terms', SAMPLE, '--by', 'event', '--top', '2', '--fast']);
    expect(new Set(rows.map((r) => r.group)).size).toBe(6);
    expect(rows[0]).toMatchObject({ count: expect.any(Number), rate: expect.any(Number), docs: expect.any(Number) });
  });

  it('variants --discover prints the planted split with its counts per outlet', async () => {
    const rows = await run(variantsCli.register, ['variants', SAMPLE, '--discover', '--fast', '--limit', '2']);
    expect(rows.map((r) => [r.a, r.b])).toEqual([
      ['Orlisk', 'Orlesk'],
      ['Kastrovych', 'Kastrovich'],
    ]);
    const kestria = (rows[0].byOutlet as Array<[string, number, number]>).find(([o]) => o === 'Kestria Today')!;
    expect(kestria[1]).toBe(0);
    expect(kestria[2]).toBeGreaterThan(10);
  });
});
