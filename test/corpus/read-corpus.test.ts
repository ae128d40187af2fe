import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, FramelensError, readCorpus, type CorpusReadResult } from '../../src/corpus/index.js';
import { fixture, fixturesDir, hashTree, tempDir } from './helpers.js';

const bad = (name: string) => fixture(`bad/${name}`);

/** The formatted error lines, as the CLI prints them. */
const errors = (result: CorpusReadResult) => result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

function writeTemp(name: string, data: string | Uint8Array): string {
  const file = join(tempDir(), name);
  writeFileSync(file, data);
  return file;
}

describe('readCorpus: bad input', () => {
  it('rejects a malformed JSONL line by file and line and ingests the good lines', async () => {
    const result = await readCorpus(bad('malformed.jsonl'));
    expect(result.articles.map((a) => a.title)).toEqual(['Good line one', 'Good line four']);
    expect(errors(result)).toEqual([
      expect.stringMatching(new RegExp(`^${bad('malformed.jsonl')}:2 error not valid JSON: .+ corpus:malformed-json$`)),
      `${bad('malformed.jsonl')}:3 error record is an array, expected a JSON object corpus:bad-record`,
    ]);
    expect(result.rejects[0].record).toContain('"title":"Broken line"');
  });

  it('rejects a CSV row with missing text and one with no outlet, by line', async () => {
    const result = await readCorpus(bad('missing-text.csv'));
    expect(result.articles).toHaveLength(1);
    expect(errors(result)).toEqual([
      `${bad('missing-text.csv')}:3 error record has no text (looked for text, body, content, full_text, maintext, story_text, article_text, article; use --map text=<column>) corpus:missing-text`,
      `${bad('missing-text.csv')}:4 error record has no outlet (use --map outlet=<column>, or --outlet <name> for inputs from one outlet) corpus:missing-outlet`,
    ]);
  });

  it('rejects an empty file', async () => {
    const result = await readCorpus(bad('empty.jsonl'));
    expect(errors(result)).toEqual([`${bad('empty.jsonl')} error file is empty (nothing to read) corpus:empty-file`]);
    expect(result.stats).toEqual({ read: 1, ingested: 0, rejected: 1, duplicates: 0 });
  });

  it('rejects a file with a header and no records', async () => {
    const result = await readCorpus(bad('header-only.csv'));
    expect(result.rejects[0].ruleId).toBe('corpus:no-records');
  });

  it('rejects a binary file', async () => {
    const file = writeTemp('image.jsonl', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const result = await readCorpus(file);
    expect(errors(result)).toEqual([`${file} error binary file (NUL byte at offset 8); expected text such as JSONL, JSON, CSV, Markdown or HTML corpus:binary-file`]);
  });

  it('rejects a file that is not UTF-8, naming the first bad line', async () => {
    const latin1 = Buffer.from('title,outlet,text\nCaf\xe9 opens,Meridian Post,A new caf\xe9 opened.\n', 'latin1');
    const file = writeTemp('latin1.csv', latin1);
    const result = await readCorpus(file);
    expect(errors(result)).toEqual([`${file}:2 error not valid UTF-8 (first invalid byte on line 2); re-save the file as UTF-8 corpus:bad-encoding`]);
  });

  it('decodes UTF-16 with a byte-order mark instead of rejecting it', async () => {
    const text = 'title,outlet,text\nCafé opens,Meridian Post,A new café opened on the quay.\n';
    const le = writeTemp('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = writeTemp('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const file of [le, be]) {
      const { articles, rejects } = await readCorpus(file);
      expect(rejects).toEqual([]);
      expect(articles[0]).toMatchObject({ title: 'Café opens', text: 'A new café opened on the quay.' });
    }
  });

  it('rejects a file of unknown format', async () => {
    const result = await readCorpus(bad('notes.xyz'));
    expect(errors(result)).toEqual([
      `${bad('notes.xyz')} error unknown input format ('.xyz' files, and the content is not recognisable); pass --input-format jsonl|json|csv|tsv|text|html|dump corpus:unknown-format`,
    ]);
  });

  it('rejects a line over the default 5 MB limit and reads the lines after it', async () => {
    const huge = JSON.stringify({ outlet: 'X', title: 'Huge', text: 'word '.repeat(1_100_000) });
    const file = writeTemp('huge.jsonl', `${huge}\n{"outlet":"X","title":"Small","text":"small text"}\n`);
    const result = await readCorpus(file);
    expect(errors(result)).toEqual([`${file}:1 error line is 5.2 MB, over the 5.0 MB record limit corpus:huge-line`]);
    expect(result.articles.map((a) => a.title)).toEqual(['Small']);
    expect(result.rejects[0].record!.length).toBeLessThanOrEqual(2001);
  });

  it('reads gzipped inputs as their inner format and rejects a corrupt gzip', async () => {
    const good = writeTemp('feed.jsonl.gz', gzipSync('{"outlet":"X","title":"Zipped","text":"Body"}\n'));
    expect((await readCorpus(good)).articles.map((a) => a.title)).toEqual(['Zipped']);
    const corrupt = writeTemp('broken.jsonl.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    const result = await readCorpus(corrupt);
    expect(result.rejects[0].ruleId).toBe('corpus:unreadable');
    expect(result.rejects[0].reason).toMatch(/^cannot read the input: not a valid gzip file/);
  });

  it('rejects a missing path and a folder with nothing readable', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'photo.png'), 'x');
    const result = await readCorpus([join(dir, 'nope.jsonl'), join(dir, 'empty')]);
    expect(result.rejects.map((r) => r.ruleId)).toEqual(['corpus:not-found', 'corpus:empty-folder']);
    expect(result.stats.read).toBe(2);
  });

  it('throws at the first bad record under strict, naming file, line and reason', async () => {
    const run = readCorpus([fixture('articles.jsonl'), bad('missing-text.csv'), bad('malformed.jsonl')], { strict: true });
    await expect(run).rejects.toThrow(FramelensError);
    await expect(run).rejects.toThrow(`${bad('missing-text.csv')}:3 error record has no text`);
  });

  it('throws on an unknown format option', async () => {
    await expect(readCorpus(fixture('articles.jsonl'), { format: 'xml' as never })).rejects.toThrow("unknown input format 'xml' (expected jsonl, json, csv, tsv, text, html, dump)");
  });
});

describe('readCorpus: accounting', () => {
  it('keeps read = ingested + rejected + duplicates over a mix of good and bad inputs', async () => {
    const result = await readCorpus([fixturesDir, bad('malformed.jsonl')]);
    const { read, ingested, rejected, duplicates } = result.stats;
    expect(read).toBe(ingested + rejected + duplicates);
    expect(ingested).toBe(result.articles.length);
    expect(rejected).toBe(result.rejects.length);
    expect(duplicates).toBe(result.duplicates.length);
    // the bad folder is read twice: once inside fixturesDir, once by name
    expect(duplicates).toBeGreaterThanOrEqual(2);
    expect(ingested).toBeGreaterThan(15);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(rejected);
  });

  it('keeps one article per outlet and normalized text, and reports the others', async () => {
    const lines = [
      { outlet: 'Meridian Post', title: 'A', text: 'The levy passed.\n\nCritics objected.' },
      { outlet: 'meridian post', title: 'A again', text: '  the LEVY passed.  Critics   objected. ' },
      { outlet: 'Northgate Courier', title: 'A reprint', text: 'The levy passed.\n\nCritics objected.' },
    ];
    const file = writeTemp('dups.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
    const result = await readCorpus(file);
    expect(result.articles.map((a) => a.title)).toEqual(['A', 'A reprint']);
    expect(result.duplicates).toEqual([{ origin: { file, line: 2 }, id: expect.any(String), outlet: 'meridian post', duplicateOf: result.articles[0].id }]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'corpus:duplicate', line: 2, reason: `same outlet and text as '${result.articles[0].id}' (${file}:1); kept once` }));
    expect(result.stats).toEqual({ read: 3, ingested: 2, rejected: 0, duplicates: 1 });
  });

  it('renames clashing ids with a suffix and warns', async () => {
    const file = writeTemp('ids.jsonl', ['a', 'b', 'c'].map((t) => JSON.stringify({ id: 'x', outlet: 'O', title: t, text: `text ${t}` })).join('\n'));
    const result = await readCorpus(file);
    expect(result.articles.map((a) => a.id)).toEqual(['x', 'x-2', 'x-3']);
    expect(result.diagnostics.filter((d) => d.ruleId === 'corpus:duplicate-id').map((d) => d.reason)).toEqual([
      "id 'x' is already taken; renamed to 'x-2'",
      "id 'x' is already taken; renamed to 'x-3'",
    ]);
  });

  it('never modifies its inputs', async () => {
    const before = hashTree(fixturesDir);
    await readCorpus(fixturesDir);
    await readCorpus([fixture('dump.txt'), fixture('page.html')], { strict: false, outlet: 'X' });
    expect(hashTree(fixturesDir)).toEqual(before);
  });

  it('fills the outlet of records that name none from the outlet option', async () => {
    const file = writeTemp('no-outlet.jsonl', '{"title":"T","text":"Body"}\n');
    expect((await readCorpus(file)).rejects[0].ruleId).toBe('corpus:missing-outlet');
    expect((await readCorpus(file, { outlet: 'Russia Today' })).articles[0].outlet).toBe('RT');
  });

  it('reads the same articles from JSONL written by a previous ingest', async () => {
    const { articles } = await readCorpus(fixturesDir);
    const file = writeTemp('corpus.jsonl', articles.map((a) => JSON.stringify(a)).join('\n'));
    const again = await readCorpus(file);
    expect(again.articles).toEqual(articles);
    expect(again.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
