import { describe, expect, it } from 'vitest';
import { readCorpus, readJson } from '../../src/corpus/index.js';
import { context, fixture } from './helpers.js';

describe('readJson', () => {
  it('reads an array of articles with record indexes as origins', async () => {
    const { articles, diagnostics } = await readCorpus(fixture('articles.json'));
    expect(articles.map((a) => a.outlet)).toEqual(['Meridian Post', 'Valdoria Wire']);
    expect(articles[1]).toMatchObject({
      title: 'Selwyn bridge repairs to start in May',
      date: '2031-04-11T09:00:00.000Z',
      url: 'https://valdoriawire.example/bridge-repairs',
    });
    expect(articles[1].meta?.source).toBe(`${fixture('articles.json')}#1`);
    expect(diagnostics).toEqual([]);
  });

  it('reads articles wrapped in an {"articles": [...]} object', async () => {
    const { articles } = await readCorpus(fixture('wrapped.json'));
    expect(articles).toHaveLength(1);
    expect(articles[0].outlet).toBe('Northgate Courier');
  });

  it('rejects a malformed JSON file naming the line of the error', () => {
    const result = readJson('[\n{"text": "a"},\n{"text": }\n]', context('broken.json'));
    expect(result.records).toEqual([]);
    expect(result.rejects).toHaveLength(1);
    expect(result.rejects[0]).toMatchObject({ origin: { file: 'broken.json', line: 3 }, ruleId: 'corpus:malformed-json' });
  });

  it('rejects array elements that are not objects', () => {
    const result = readJson('[{"text":"a"}, "b", null]', context('mixed.json'));
    expect(result.records).toHaveLength(1);
    expect(result.rejects.map((r) => [r.origin.record, r.reason])).toEqual([
      [1, 'record is a string, expected a JSON object'],
      [2, 'record is null, expected a JSON object'],
    ]);
  });

  it('reads a .json file holding JSON Lines as JSONL, with a note', () => {
    const result = readJson('{"text":"a"}\n{"text":"b"}\n', context('lines.json'));
    expect(result.records).toHaveLength(2);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'corpus:json-lines', severity: 'info' });
  });

  it('rejects a JSON value that holds no articles', () => {
    const result = readJson('42', context('number.json'));
    expect(result.rejects[0]).toMatchObject({ ruleId: 'corpus:bad-json-shape' });
  });
});
