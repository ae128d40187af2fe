/**
 * `framelens ingest <inputs...> [-o corpus.jsonl]`: reads any supported inputs and writes the
 * normalized corpus as JSONL (atomically to -o, or to stdout).
 */
import type { Command } from 'commander';
import { formatCorpusJsonl, writeCorpusJsonl } from '../corpus/write-corpus.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { plural } from '../plural.js';

export function register(program: Command): void {
  const command = program
    .command('ingest')
    .description('read inputs (JSONL, JSON, CSV/TSV, Markdown/text folders, HTML pages, page dumps) into a normalized corpus')
    .argument('<inputs...>', 'files or folders')
    .option('-o, --output <file>', 'corpus JSONL to write (default: stdout)');
  addInputOptions(command).action(async (inputs: string[], opts: InputCliOptions & { output?: string }) => {
    const { articles } = await loadCorpus(inputs, opts);
    if (opts.output) {
      writeCorpusJsonl(opts.output, articles);
      if (!opts.quiet) process.stderr.write(`wrote ${plural(articles.length, 'article')} to ${opts.output}\n`);
    } else {
      process.stdout.write(formatCorpusJsonl(articles));
    }
  });
}
