/**
 * `framelens events` end to end through commander, output written to a temporary file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRows, SAMPLE } from '../helpers/run-rows.js';
import * as eventsCli from '../../src/cli/events.js';
import { groupEvents } from '../../analyses/events/compute.js';
import { DAY_LEVEL_EVENTS } from '../../analyses/events/types.js';
import { docTerms } from '../../analyses/similarity/features.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';

const articles = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);

const run = (args: string[]) => runRows(eventsCli.register, ['events', SAMPLE, ...args]);

/** The groups the library finds on the sample with `options`, as sets of article ids. */
function libraryGroups(options: Parameters<typeof groupEvents>[1]): string[][] {
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  const items = articles.map((a) => ({ id: a.id, terms: docTerms(analyzeDoc(a, { outlets })), outlet: a.outlet, title: a.title, date: a.date, event: a.event || undefined }));
  const { grouped } = groupEvents(items, options);
  const byGroup = new Map<string, string[]>();
  for (const [id, group] of Object.entries(grouped)) byGroup.set(group, [...(byGroup.get(group) ?? []), id]);
  return [...byGroup.values()].map((ids) => ids.sort()).sort();
}

const groupsOf = (rows: Record<string, unknown>[]) => {
  const byGroup = new Map<string, string[]>();
  for (const row of rows) byGroup.set(String(row.grouped), [...(byGroup.get(String(row.grouped)) ?? []), String(row.doc)]);
  return [...byGroup.values()].map((ids) => ids.sort()).sort();
};

describe('framelens events', () => {
  it('gives one row per article, grouped as the library groups them by default and with --day-level', async () => {
    const plain = await run([]);
    expect(plain.map((r) => r.doc).sort()).toEqual(articles.map((a) => a.id).sort());
    expect(groupsOf(plain)).toEqual(libraryGroups({}));
    const dayLevel = await run(['--day-level']);
    expect(groupsOf(dayLevel)).toEqual(libraryGroups(DAY_LEVEL_EVENTS));
  });

  it('names a part split off a given event after it (border-clash/2), so the grouped column shows the split', async () => {
    const rows = await run(['--day-level']);
    const splits = rows.filter((r) => r.grouped !== r.given);
    expect(splits.length).toBeGreaterThan(0);
    for (const r of splits) expect(String(r.grouped)).toMatch(new RegExp(`^${String(r.given)}/\\d+$`));
    // Each name is one content group: as many names as the library finds groups.
    expect(new Set(rows.map((r) => r.grouped)).size).toBe(libraryGroups(DAY_LEVEL_EVENTS).length);
  });

  it('links every article of a group of several to a fellow member, with the shared terms', async () => {
    const rows = await run([]);
    const groupOf = new Map(rows.map((r) => [r.doc, r.grouped]));
    const sizes = new Map<unknown, number>();
    for (const r of rows) sizes.set(r.grouped, (sizes.get(r.grouped) ?? 0) + 1);
    const linked = rows.filter((r) => r.linkedTo !== null);
    expect(linked.length).toBe(rows.filter((r) => sizes.get(r.grouped)! > 1).length);
    for (const r of linked) {
      expect(groupOf.get(r.linkedTo)).toBe(r.grouped);
      expect(r.linkedTo).not.toBe(r.doc);
      expect((r.shared as string[]).length).toBeGreaterThan(0);
    }
  });

  it('gives each event of several articles in the summary the weakest of its members’ links', async () => {
    const rows = await run([]);
    const summary = await run(['--summary']);
    for (const e of summary) {
      const members = rows.filter((r) => r.event === e.event);
      const scores = members.filter((r) => members.some((m) => m.doc === r.linkedTo)).map((r) => r.linkScore as number);
      expect(e.weakestLink, String(e.event)).toBe(scores.length ? Math.min(...scores) : null);
    }
    expect(summary.some((e) => typeof e.weakestLink === 'number')).toBe(true);
  });

  it('groups again from a warm cache with other options as it does cold', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'framelens-events-cache-'));
    await run(['--cache-dir', cache]);
    expect(groupsOf(await run(['--day-level', '--cache-dir', cache, '-j', '1']))).toEqual(libraryGroups(DAY_LEVEL_EVENTS));
  });

  it('maps --day-level to DAY_LEVEL_EVENTS, with explicit numbers over it', () => {
    expect(eventsCli.groupingOptions({})).toEqual({});
    expect(eventsCli.groupingOptions({ dayLevel: true })).toEqual(DAY_LEVEL_EVENTS);
    expect(eventsCli.groupingOptions({ dayLevel: true, threshold: '0.3', dateWindow: '2' })).toEqual({ ...DAY_LEVEL_EVENTS, threshold: 0.3, dateWindowDays: 2 });
  });

  it('names the flag when a number is malformed', async () => {
    await expect(run(['--threshold', 'high'])).rejects.toThrow(/--threshold must be a number/);
  });
});
