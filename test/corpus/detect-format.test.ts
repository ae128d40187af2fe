import { describe, expect, it } from 'vitest';
import { detectFormat, sniffFormat } from '../../src/corpus/index.js';

const format = (file: string, text: string, forced?: Parameters<typeof detectFormat>[2]) => {
  const detection = detectFormat(file, text, forced);
  return 'format' in detection ? detection.format : detection.problem.ruleId;
};

const DUMP = 'Main title\nBody.\n\nOutlet A\n1 day ago\n- Outlet A\nSecond title\nSecond body.\n';

describe('detectFormat', () => {
  it('picks a reader by extension', () => {
    expect(format('a.jsonl', '{}')).toBe('jsonl');
    expect(format('a.NDJSON', '{}')).toBe('jsonl');
    expect(format('a.json', '[]')).toBe('json');
    expect(format('a.csv', 'x')).toBe('csv');
    expect(format('a.tsv', 'x')).toBe('tsv');
    expect(format('a.md', '# t\nbody')).toBe('text');
    expect(format('a.htm', '<p>x</p>')).toBe('html');
  });

  it('tells a page dump from a plain text article by structure', () => {
    expect(format('page.txt', DUMP)).toBe('dump');
    expect(format('page.txt', 'Title\nJust one story, no related blocks.\n')).toBe('text');
    expect(format('page.md', `---\noutlet: X\n---\n${DUMP}`)).toBe('text');
  });

  it('sniffs content when the extension is unknown or missing', () => {
    expect(sniffFormat('[{"text":"a"}]')).toBe('json');
    expect(sniffFormat('{"text":"a"}\n{"text":"b"}\n')).toBe('jsonl');
    expect(sniffFormat('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(sniffFormat('---\ntitle: x\n---\nbody')).toBe('text');
    expect(sniffFormat(DUMP)).toBe('dump');
    expect(sniffFormat('title,media_name,text\na,b,c\n')).toBe('csv');
    expect(sniffFormat('headline\tbody\na\tb\n')).toBe('tsv');
    expect(format('export', 'stories_id,title,content\n1,a,b\n')).toBe('csv');
  });

  it('reports an unknown format when neither extension nor content says what the file is', () => {
    const detection = detectFormat('notes.xyz', 'Some prose.\nMore prose.\n');
    expect(detection).toEqual({
      problem: {
        ruleId: 'corpus:unknown-format',
        reason: "unknown input format ('.xyz' files, and the content is not recognisable); pass --input-format jsonl|json|csv|tsv|text|html|dump",
      },
    });
  });

  it('lets the format option override extension and content', () => {
    expect(format('page.txt', DUMP, 'text')).toBe('text');
    expect(format('notes.xyz', 'prose', 'text')).toBe('text');
  });
});
