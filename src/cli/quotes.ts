/**
 * `framelens quotes <inputs...>`: every quotation in the corpus, one row per quote —
 * `{doc, start, end, text, outerStart, outerEnd, words, embedded, depth, paragraphs}` where
 * start/end/text are the content inside the marks and outer* include them. Unbalanced marks
 * go to stderr as warnings with `--issues`.
 */
import type { Command } from 'commander';
import { getNlp } from '../text/nlp.js';
import { findQuotes } from '../text/quotes.js';
import { analyzeDoc } from '../text/analyze.js';
import type { AnalyzedDoc } from '../text/types.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

interface QuotesCliOptions extends InputCliOptions {
  format: RowFormat;
  output?: string;
  issues?: boolean;
  fast?: boolean;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('quotes')
    .description('every quotation: content and outer spans, word count, whole sentence or embedded')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--issues', 'also print unbalanced quote marks to stderr')
    .option('--fast', 'skip wink (sentence indexes become -1; whole/embedded is judged from punctuation alone)');
  addInputOptions(command).action(async (inputs: string[], opts: QuotesCliOptions) => {
    const { articles } = await loadCorpus(inputs, opts);
    const rows: Record<string, unknown>[] = [];
    if (!opts.fast) getNlp();
    for (const article of articles) {
      const { quotes, issues } = opts.fast ? findQuotes(article.text) : quotesOf(analyzeDoc(article, { mentions: false }));
      for (const q of quotes) {
        rows.push({
          doc: article.id, start: q.start, end: q.end, text: q.text, outerStart: q.outerStart, outerEnd: q.outerEnd,
          words: q.words, embedded: q.embedded, depth: q.depth, paragraphs: q.paragraphs, sentence: q.sentence,
        });
      }
      if (opts.issues) for (const i of issues) process.stderr.write(`${article.id}@${i.offset} warning ${i.reason} ${i.ruleId}\n`);
    }
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}

const quotesOf = (doc: AnalyzedDoc) => ({ quotes: doc.quotes, issues: doc.quoteIssues });
