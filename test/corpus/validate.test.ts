import { describe, expect, it } from 'vitest';
import { hashId, loadOutletAliases, validateRecord, type RawRecord } from '../../src/corpus/index.js';

const aliases = loadOutletAliases();
const validate = (fields: Record<string, unknown>, extra: Partial<Parameters<typeof validateRecord>[1]> = {}, record: Partial<RawRecord> = {}) =>
  validateRecord({ origin: { file: 'in.jsonl', line: 7 }, fields, raw: JSON.stringify(fields), ...record }, { map: {}, aliases, maxRecordBytes: 1000, ...extra });

describe('validateRecord', () => {
  it('builds an article with a stable 16-hex id from outlet, title and text', () => {
    const { article, warnings } = validate({ outlet: 'Russia Today', title: 'T', text: 'Body' });
    expect(warnings).toEqual([]);
    expect(article).toEqual({ id: hashId('RT', 'T', 'Body'), outlet: 'RT', title: 'T', text: 'Body', meta: { source: 'in.jsonl:7', outletAsGiven: 'Russia Today' } });
    expect(article!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(validate({ outlet: 'RT', title: 'T', text: 'Body' }).article!.id).toBe(article!.id);
  });

  it('keeps the text verbatim, surrounding whitespace included', () => {
    expect(validate({ outlet: 'X', title: 'T', text: '  Body\n' }).article!.text).toBe('  Body\n');
  });

  it('rejects a record without text, naming the reason and keeping the raw record', () => {
    const { reject } = validate({ outlet: 'X', title: 'T', text: '   ' });
    expect(reject).toMatchObject({ origin: { file: 'in.jsonl', line: 7 }, ruleId: 'corpus:missing-text' });
    expect(reject!.record).toBe('{"outlet":"X","title":"T","text":"   "}');
  });

  it('rejects text that is not a string', () => {
    expect(validate({ outlet: 'X', text: 42 }).reject).toMatchObject({ ruleId: 'corpus:bad-field', reason: "field 'text' is a number, expected text" });
  });

  it('names the column the text was read from when it is not called text', () => {
    expect(validate({ outlet: 'X', article: { body: 'Nested' } }).reject).toMatchObject({
      ruleId: 'corpus:bad-field',
      reason: "field 'article' (read as text) is an object, expected text",
    });
  });

  it('rejects a record without outlet unless --outlet supplies one', () => {
    expect(validate({ title: 'T', text: 'Body' }).reject?.ruleId).toBe('corpus:missing-outlet');
    expect(validate({ title: 'T', text: 'Body' }, { outlet: 'rt.com' }).article?.outlet).toBe('RT');
    expect(validate({ outlet: 'Meridian Post', text: 'Body' }, { outlet: 'Other' }).article?.outlet).toBe('Meridian Post');
  });

  it('keeps a record without title and warns', () => {
    const { article, warnings } = validate({ outlet: 'X', text: 'Body' });
    expect(article?.title).toBe('');
    expect(warnings).toEqual([{ ruleId: 'corpus:missing-title', reason: 'record has no title; kept with an empty one', severity: 'warning', file: 'in.jsonl', line: 7 }]);
  });

  it('drops an unreadable date with a warning', () => {
    const { article, warnings } = validate({ outlet: 'X', title: 'T', text: 'Body', date: 'last Tuesday-ish' });
    expect(article?.date).toBeUndefined();
    expect(warnings[0]).toMatchObject({ ruleId: 'corpus:bad-date', reason: "date 'last Tuesday-ish' is not a recognizable date; dropped" });
  });

  it('takes numeric ids and events as text, and a {name} object as the outlet', () => {
    const { article } = validate({ id: 17, source: { id: null, name: 'AP News' }, title: 'T', text: 'Body', story_id: 3 });
    expect(article).toMatchObject({ id: '17', outlet: 'AP', event: '3' });
  });

  it('keeps a topic column as metadata, not as the event: a topic is a subject, not one event', () => {
    const { article } = validate({ outlet: 'X', title: 'T', text: 'Body', topic: 'elections' });
    expect(article?.event).toBeUndefined();
    expect(article?.meta).toMatchObject({ topic: 'elections' });
  });

  it('rejects a text over the record limit', () => {
    expect(validate({ outlet: 'X', text: 'x'.repeat(2000) }).reject?.ruleId).toBe('corpus:huge-record');
  });

  it('applies --map only to records whose fields the input named', () => {
    const map = { text: 'story' };
    expect(validate({ outlet: 'X', story: 'Body' }, { map }).article?.text).toBe('Body');
    expect(validate({ outlet: 'X', text: 'Body' }, { map }, { canonical: true }).article?.text).toBe('Body');
  });

  it('keeps a meta.source from an earlier ingest', () => {
    const { article } = validate({ id: 'a', outlet: 'X', title: 'T', text: 'Body', meta: { source: 'orig.csv:3', lang: 'en' } });
    expect(article?.meta).toEqual({ source: 'orig.csv:3', lang: 'en' });
  });
});
