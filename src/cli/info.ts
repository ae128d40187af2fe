/**
 * `framelens info <inputs...>`: what a corpus holds — articles, words and date range for the
 * whole corpus, per outlet and per event — as rows in any `--format`.
 */
import { Option, type Command } from 'commander';
import { summarizeCorpus } from '../corpus/corpus-info.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { ROW_FORMATS, writeRows, type RowFormat } from './output.js';

export function register(program: Command): void {
  const command = program
    .command('info')
    .description('articles, words and date range per outlet and per event')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads')
    .addOption(new Option('--format <fmt>', 'row format').choices(ROW_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the rows to a file (default: stdout)');
  addInputOptions(command).action(async (inputs: string[], opts: InputCliOptions & { format: RowFormat; output?: string }) => {
    const { articles } = await loadCorpus(inputs, opts);
    writeRows(summarizeCorpus(articles).map((row) => ({ ...row })), { format: opts.format, output: opts.output });
  });
}
