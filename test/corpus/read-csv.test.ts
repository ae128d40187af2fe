import { describe, expect, it } from 'vitest';
import { readCorpus, readCsv } from '../../src/corpus/index.js';
import { context, fixture } from './helpers.js';

describe('readCsv / readTsv', () => {
  it('maps a Media Cloud export without options', async () => {
    const { articles, diagnostics } = await readCorpus(fixture('mediacloud.csv'));
    expect(diagnostics).toEqual([]);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      id: '9001',
      outlet: 'Northgate Courier',
      title: 'Selwyn bridge to reopen to buses',
      url: 'https://northgatecourier.example/buses',
      date: '2031-04-15T06:00:00.000Z',
    });
    expect(articles[0].text).toBe('Buses will be allowed back onto the Selwyn Narrows bridge next week, officials said.\n\nCars must wait until the repairs are finished.');
    expect(articles[1].outlet).toBe('The Harbor Ledger');
  });

  it('gives each row the line it starts on, past multi-line quoted fields', async () => {
    const { articles } = await readCorpus(fixture('mediacloud.csv'));
    expect(articles.map((a) => a.meta?.source)).toEqual([`${fixture('mediacloud.csv')}:2`, `${fixture('mediacloud.csv')}:5`]);
  });

  it('reads TSV files', async () => {
    const { articles } = await readCorpus(fixture('articles.tsv'), { map: { outlet: 'newspaper', date: 'day' } });
    expect(articles.map((a) => [a.outlet, a.title, a.date])).toEqual([
      ['Meridian Post', 'Fishermen vow to fight levy', '2031-04-21'],
      ['Valdoria Wire', 'Bridge reopening date set', '2031-04-22'],
    ]);
  });

  it('sniffs a semicolon delimiter and takes columns named by --map', async () => {
    const { articles, rejects } = await readCorpus(fixture('custom-columns.csv'), { map: { outlet: 'newspaper', text: 'story_body', date: 'day' } });
    expect(rejects).toEqual([]);
    expect(articles[0]).toMatchObject({ outlet: 'The Harbor Ledger', title: 'Ledger poll finds levy unpopular', date: '2031-04-18' });
    expect(articles[0].meta).toEqual({ source: `${fixture('custom-columns.csv')}:2` });
  });

  it('without --map, an unknown text column leaves the row rejected with a hint', async () => {
    const { rejects } = await readCorpus(fixture('custom-columns.csv'));
    expect(rejects[0].ruleId).toBe('corpus:missing-text');
    expect(rejects[0].reason).toContain('use --map text=<column>');
  });

  it('warns when a --map column exists in no record', async () => {
    const { diagnostics } = await readCorpus(fixture('mediacloud.csv'), { map: { outlet: 'newspaper_name' } });
    expect(diagnostics.some((d) => d.ruleId === 'corpus:unmapped-column' && d.reason === "--map outlet=newspaper_name: no record has a 'newspaper_name' column")).toBe(true);
  });

  it('rejects an unterminated quote with the line it starts on and keeps earlier rows', () => {
    const result = readCsv('title,text\nA,fine\n"B,broken\nC,lost\n', context('q.csv'));
    expect(result.records).toHaveLength(1);
    expect(result.rejects[0]).toMatchObject({ origin: { line: 3 }, ruleId: 'corpus:malformed-csv' });
  });

  it('rejects an over-long row but keeps reading the rows after it', () => {
    const result = readCsv(`title,text\nA,${'x'.repeat(300)}\nB,short\n`, context('long.csv', { maxRecordBytes: 100 }));
    expect(result.rejects[0]).toMatchObject({ origin: { line: 2 }, ruleId: 'corpus:huge-line' });
    expect(result.records.map((r) => r.fields.title)).toEqual(['B']);
  });
});
