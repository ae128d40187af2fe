import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/corpus/markdown-text.js';
import { readText } from '../../src/corpus/index.js';
import { context } from './helpers.js';

describe('markdownText', () => {
  it('keeps the words of headings, quotes and list items without their markers', () => {
    expect(markdownText('## The vote ##\n\n> "We will not move," she said.\n\n- first point\n* second point')).toBe(
      'The vote\n\n"We will not move," she said.\n\nfirst point\nsecond point',
    );
  });

  it('keeps link and image text and drops their addresses and reference definitions', () => {
    expect(markdownText('The [council report](https://example.org/r.pdf "PDF") and ![a map](map.png) and [the levy][1].\n\n[1]: https://example.org/levy')).toBe(
      'The council report and a map and the levy.\n\n',
    );
  });

  it('removes paired emphasis and code marks but leaves snake_case, lone stars and arithmetic alone', () => {
    expect(markdownText('A **very** _big_ *deal*, said `Vell`.')).toBe('A very big deal, said Vell.');
    expect(markdownText('file_name_here costs 5 * 3 and 2*4*1')).toBe('file_name_here costs 5 * 3 and 2*4*1');
  });

  it('drops rules and fence lines but keeps fenced lines as written', () => {
    expect(markdownText('Before\n\n---\n\n```\n**raw**\n```\nAfter')).toBe('Before\n\n**raw**\nAfter');
  });
});

describe('readText on Markdown files', () => {
  const body = '---\noutlet: Harbor Ledger\n---\n# The *levy* vote\n\n## What changes\n\nThe levy is **small**, see [the text](https://x.example).';

  it('reads a .md file as the text a reader sees, title included', () => {
    const fields = readText(body, context('levy.md')).records[0].fields;
    expect(fields.title).toBe('The levy vote');
    expect(fields.text).toBe('What changes\n\nThe levy is small, see the text.');
  });

  it('keeps a .txt file as written', () => {
    expect(readText(body, context('levy.txt')).records[0].fields.text).toBe('## What changes\n\nThe levy is **small**, see [the text](https://x.example).');
  });
});
