import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRows, writeRows, type RowFormat } from '../../src/cli/output.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-output-'));
// More rows than one chunk, keys that appear late, values that CSV must quote, text that is not ASCII.
const rows = Array.from({ length: 9000 }, (_, i) => ({
  doc: `d${i}`,
  text: i % 7 ? `plain ${i}` : `"quoted", with comma\nand a line – ${i}`,
  ...(i === 8500 ? { late: { start: 1, end: 2 } } : {}),
}));

describe('writeRows', () => {
  it.each(['jsonl', 'csv', 'json', 'table'] as RowFormat[])('writes %s to a file exactly as it formats it, leaving no temp file', (format) => {
    const out = join(dir, `rows.${format}`);
    writeRows(rows, { format, output: out });
    expect(readFileSync(out, 'utf8')).toBe(formatRows(rows, { format }));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a header-only CSV and an empty JSONL file for no rows', () => {
    writeRows([], { format: 'csv', output: join(dir, 'none.csv') });
    writeRows([], { format: 'jsonl', output: join(dir, 'none.jsonl') });
    expect(readFileSync(join(dir, 'none.csv'), 'utf8')).toBe(formatRows([], { format: 'csv' }));
    expect(readFileSync(join(dir, 'none.jsonl'), 'utf8')).toBe('');
  });
});
