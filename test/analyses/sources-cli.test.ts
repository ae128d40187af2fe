/**
 * `framelens sources` end to end through commander, output written to a temporary file.
 */
import { describe, expect, it } from 'vitest';
import { runRows, SAMPLE } from '../helpers/run-rows.js';
import * as sourcesCli from '../../src/cli/sources.js';

const run = (args: string[]) => runRows(sourcesCli.register, ['sources', SAMPLE, ...args]);

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
