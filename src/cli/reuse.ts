/**
 * `framelens reuse <inputs...>`: passages shared between articles of different outlets
 * (aligned runs of identical or near-identical sentences), one row per passage
 * `{a, b, aSpan, bSpan, sentences, identical, jaccard, earlier}` with spans `{start, end, text}`
 * into each article's text; `--pairs` for one row per article pair (near-duplicates included).
 */
import type { Command } from 'commander';
import { analyzeDoc } from '../text/analyze.js';
import { findReuse } from '../../analyses/reuse/find.js';
import { reuseFingerprint } from '../../analyses/reuse/fingerprints.js';
import { withSpanText } from '../../analyses/reuse/index.js';
import { REUSE_DEFAULTS } from '../../analyses/reuse/types.js';
import { numberOption } from './events.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

interface ReuseCliOptions extends InputCliOptions {
  format: RowFormat;
  output?: string;
  pairs?: boolean;
  minSentences?: string;
  sameOutlet?: boolean;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('reuse')
    .description('copied text: passages shared between articles, near-duplicate articles, who published first')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--pairs', 'one row per article pair: Jaccard, near-duplicate, passages, share of each side reused')
    .option('--min-sentences <n>', `matching sentences a passage needs (default ${REUSE_DEFAULTS.minSentences})`)
    .option('--same-outlet', 'also report reuse between articles of the same outlet');
  addInputOptions(command).action(async (inputs: string[], opts: ReuseCliOptions) => {
    const options = { minSentences: numberOption('--min-sentences', opts.minSentences, 1), sameOutlet: opts.sameOutlet };
    const { articles } = await loadCorpus(inputs, opts);
    const outlets = [...new Set(articles.map((a) => a.outlet))];
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const summary = withSpanText(
      findReuse(
        articles.map((a) => ({ id: a.id, outlet: a.outlet, date: a.date, print: reuseFingerprint(analyzeDoc(a, { outlets, mentions: false })) })),
        options,
      ),
      (id) => texts.get(id),
    );
    const rows: Record<string, unknown>[] = opts.pairs
      ? summary.pairs.map((p) => ({ ...p }))
      : summary.passages.map((p) => ({ ...p }));
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
