/**
 * `framelens reuse <inputs...>`: passages shared between articles of different outlets
 * (aligned runs of identical or near-identical sentences), one row per passage
 * `{a, b, aSpan, bSpan, sentences, identical, jaccard, earlier}` with spans `{start, end, text}`
 * into each article's text; `--pairs` for one row per article pair (near-duplicates included).
 */
import type { Command } from 'commander';
import { findReuse } from '../../analyses/reuse/find.js';
import { reuseInputs, withSpanText, type PackedReuseDoc } from '../../analyses/reuse/index.js';
import { REUSE_DEFAULTS } from '../../analyses/reuse/types.js';
import { numberOption } from './events.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addRunOptions, checkPipelineOptions, runPipelineFromCli, type PipelineCliOptions } from './pipeline-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

interface ReuseCliOptions extends InputCliOptions, PipelineCliOptions {
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
  addRunOptions(addInputOptions(command)).action(async (inputs: string[], opts: ReuseCliOptions) => {
    const options = { minSentences: numberOption('--min-sentences', opts.minSentences, 1), sameOutlet: opts.sameOutlet };
    checkPipelineOptions(opts);
    const { articles } = await loadCorpus(inputs, opts);
    // The report's per-article pass (workers, cache; after a report nothing is analysed again),
    // then passages with this command's options.
    const run = await runPipelineFromCli(articles, { ...opts, analyses: 'reuse' }, { summaries: false });
    const prints = run.perDoc.get('reuse') as ReadonlyMap<string, PackedReuseDoc>;
    const texts = new Map(run.articles.map((a) => [a.id, a.text]));
    const summary = withSpanText(findReuse(reuseInputs(prints, run.index), options), (id) => texts.get(id));
    run.close();
    const rows: Record<string, unknown>[] = opts.pairs
      ? summary.pairs.map((p) => ({ ...p }))
      : summary.passages.map((p) => ({ ...p }));
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
