import { describe, expect, it } from 'vitest';
import { readCorpus, readJsonl } from '../../src/corpus/index.js';
import { context, fixture } from './helpers.js';

describe('readJsonl', () => {
  it('reads one record per non-blank line and records each line number', () => {
    const result = readJsonl('{"text":"a"}\n\n{"text":"b"}\r\n', context('x.jsonl'));
    expect(result.records.map((r) => r.origin.line)).toEqual([1, 3]);
    expect(result.rejects).toEqual([]);
  });

  it('rejects a malformed line and a non-object line but keeps reading the rest', () => {
    const result = readJsonl('{"text":"a"}\n{"text":\n[1,2]\n{"text":"d"}\n', context('feed.jsonl'));
    expect(result.records.map((r) => r.origin.line)).toEqual([1, 4]);
    expect(result.rejects.map((r) => [r.origin.line, r.ruleId])).toEqual([
      [2, 'corpus:malformed-json'],
      [3, 'corpus:bad-record'],
    ]);
    expect(result.rejects[0].reason).toMatch(/^not valid JSON: /);
    expect(result.rejects[1].reason).toBe('record is an array, expected a JSON object');
  });

  it('rejects a line over the record limit without parsing it', () => {
    const line = JSON.stringify({ text: 'x'.repeat(500) });
    const result = readJsonl(`${line}\n{"text":"ok"}`, context('big.jsonl', { maxRecordBytes: 100 }));
    expect(result.rejects[0]).toMatchObject({ origin: { line: 1 }, ruleId: 'corpus:huge-line' });
    expect(result.rejects[0].reason).toMatch(/^line is 5\d\d bytes, over the 100 bytes record limit$/);
    expect(result.records).toHaveLength(1);
  });

  it('maps aliased field names and keeps unknown fields in meta', async () => {
    const { articles } = await readCorpus(fixture('articles.jsonl'));
    expect(articles).toHaveLength(3);
    const courier = articles[1];
    expect(courier).toMatchObject({
      outlet: 'Northgate Courier',
      title: 'Bridge shutdown strands commuters',
      date: '2031-04-08T05:30:00.000Z',
      event: 'selwyn-bridge',
    });
    expect(courier.text).toContain('"structural concerns"');
    expect(courier.meta).toMatchObject({ section: 'city', source: `${fixture('articles.jsonl')}:2` });
    expect(articles[0].id).toBe('hl-001');
    expect(articles[2].meta?.source).toBe(`${fixture('articles.jsonl')}:4`);
  });

  it('keeps text verbatim, including blank lines and surrounding quotes', async () => {
    const { articles } = await readCorpus(fixture('articles.jsonl'));
    expect(articles[0].text).toBe(
      'Engineers closed the Selwyn Narrows bridge on Tuesday after inspectors found cracks in two support piers.\n\nThe city said repairs could take months.',
    );
  });
});
