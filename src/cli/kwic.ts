/**
 * `framelens kwic <inputs...> --query "term or phrase"`: every occurrence with its context, one
 * row per hit — `{doc, group, start, end, left, match, right}`, start/end being UTF-16 offsets
 * of the match in the article text. The corpus inputs are variadic, so the query is an option;
 * as a shorthand, `framelens kwic corpus.jsonl "peace talks"` also works when exactly two
 * arguments are given and the second is not an existing file.
 */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { FramelensError } from '../corpus/diagnostics.js';
import { kwic, type GroupBy } from '../../analyses/terms/index.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { ROW_FORMATS, writeRows, type RowFormat } from './output.js';
import { GROUPINGS, intOption, streamTermsDocs } from './terms.js';

interface KwicCliOptions extends InputCliOptions {
  query?: string;
  by: string;
  window: string;
  lemma?: boolean;
  caseSensitive?: boolean;
  limit?: string;
  fast?: boolean;
  format: RowFormat;
  output?: string;
}

/** Splits positionals into inputs and query (the two-argument shorthand). */
export function inputsAndQuery(args: string[], query: string | undefined): { inputs: string[]; query: string } {
  if (query !== undefined) return { inputs: args, query };
  const last = args[args.length - 1];
  if (args.length === 2 && !existsSync(last)) return { inputs: args.slice(0, 1), query: last };
  throw new FramelensError('give the term with --query "term or phrase" (or as the second of exactly two arguments)');
}

export function register(program: Command): void {
  const command = program
    .command('kwic')
    .description('key word in context: every occurrence of a term or phrase, with spans')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads (or: <corpus> <term>)')
    .option('-k, --query <text>', 'term or phrase; a trailing * matches a prefix ("immigra*"); -k for key word, as -q is --quiet')
    .addOption(new Option('--by <group>', 'the group column').choices([...GROUPINGS]).default('outlet'))
    .option('--window <n>', 'words of context on each side', '8')
    .option('--lemma', 'match lemmas: "protest" also finds "protests", "protested" (not with --fast)')
    .option('--case-sensitive', 'match case exactly')
    .option('--limit <n>', 'stop after this many rows')
    .option('--fast', 'tokenize with a regex instead of the text layer (no lemmas)')
    .addOption(new Option('--format <fmt>', 'row format').choices(ROW_FORMATS).default('jsonl'))
    .option('-o, --output <file>', 'write the rows to a file (default: stdout)');
  addInputOptions(command).action(async (args: string[], opts: KwicCliOptions) => {
    const { inputs, query } = inputsAndQuery(args, opts.query);
    if (opts.lemma && opts.fast) throw new FramelensError('--lemma needs the text layer; drop --fast');
    const window = intOption(opts.window, '--window', 0);
    const limit = intOption(opts.limit, '--limit');
    const { articles } = await loadCorpus(inputs, opts);
    // Without lemmas the regex tokenizer gives the same matches, much faster.
    const docs = streamTermsDocs(articles, { fast: opts.fast || !opts.lemma, quiet: opts.quiet });
    let rows: Array<Record<string, unknown>>;
    try {
      rows = kwic(docs, query, { window, limit, lemma: opts.lemma, caseSensitive: opts.caseSensitive, by: opts.by as GroupBy }).map((r) => ({
        doc: r.doc, group: r.group, start: r.start, end: r.end, left: r.left, match: r.match, right: r.right,
      }));
    } catch (error) {
      throw new FramelensError(error instanceof Error ? error.message.replace(/^framelens: /, '') : String(error));
    }
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
