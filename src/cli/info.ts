/**
 * `framelens info <inputs...>`: what a corpus holds — articles, words and date range for the
 * whole corpus, per outlet and per event — as rows in any `--format`.
 */
import type { Command } from 'commander';
import { summarizeCorpus } from '../corpus/corpus-info.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('info')
    .description('articles, words and date range per outlet and per event')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'table');
  addInputOptions(command).action(async (inputs: string[], opts: InputCliOptions & { format: RowFormat; output?: string }) => {
    const { articles } = await loadCorpus(inputs, opts);
    writeRows(summarizeCorpus(articles).map((row) => ({ ...row })), { format: opts.format, output: opts.output });
  });
}
