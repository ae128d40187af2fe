/**
 * `framelens terms <inputs...>`: term frequencies per outlet (or event, event × outlet, all),
 * one row per group and term — `{group, term, count, rate, docs}` with rate per 10k tokens.
 * Also home of the options and the token-stream helper shared by `keyness` and `kwic`.
 */
import { Option, type Command } from 'commander';
import type { Article } from '../corpus/article.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { analyzeDoc } from '../text/analyze.js';
import { getNlp } from '../text/nlp.js';
import { frequencyRows, termCounts, termsDocFromAnalyzed, toTermsDoc, type CountOptions, type GroupBy, type TermsDocWithMeta } from '../../analyses/terms/index.js';
import { createProgress } from './progress.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { ROW_FORMATS, writeRows, type RowFormat } from './output.js';

export interface TermsCliOptions extends InputCliOptions {
  format: RowFormat;
  output?: string;
  by: 'outlet' | 'event' | 'event-outlet' | 'all';
  ngram: string;
  minNgram?: string;
  lemma?: boolean;
  stopWords?: boolean;
  numbers?: boolean;
  minCount: string;
  top: string;
  fast?: boolean;
}

export const GROUPINGS = ['outlet', 'event', 'event-outlet', 'all'] as const;

/** A positive integer option, or a FramelensError naming the option. */
export function intOption(value: string | undefined, name: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new FramelensError(`${name} must be an integer ≥ ${min}, got '${value}'`);
  return n;
}

/** Options shared by terms and keyness: grouping, n-grams, forms, filters, tokenizer. */
export function addTermOptions(cmd: Command, defaults: { minCount: string; top: string }): Command {
  return cmd
    .addOption(new Option('--by <group>', 'group articles by').choices([...GROUPINGS]).default('outlet'))
    .option('--ngram <n>', 'longest n-gram (1–5)', '1')
    .option('--min-ngram <n>', 'shortest n-gram (default 1)')
    .option('--lemma', 'count lemmas instead of word forms (not with --fast)')
    .option('--stop-words', 'keep stop words (and n-grams starting or ending with one)')
    .option('--numbers', 'keep numbers')
    .option('--min-count <n>', 'drop terms used fewer times than this over all groups', defaults.minCount)
    .option('--top <n>', 'rows per group', defaults.top)
    .option('--fast', 'tokenize with a regex instead of the text layer: much faster, no lemmas')
    .addOption(new Option('--format <fmt>', 'row format').choices(ROW_FORMATS).default('jsonl'))
    .option('-o, --output <file>', 'write the rows to a file (default: stdout)');
}

export function countOptions(opts: TermsCliOptions): CountOptions {
  if (opts.lemma && opts.fast) throw new FramelensError('--lemma needs the text layer; drop --fast');
  return {
    by: opts.by as GroupBy,
    ngram: intOption(opts.ngram, '--ngram'),
    minNgram: intOption(opts.minNgram, '--min-ngram'),
    lemma: opts.lemma ?? false,
    stopWords: opts.stopWords ?? false,
    numbers: opts.numbers ?? false,
  };
}

/**
 * Token streams of the articles, one at a time (so a large corpus never sits in memory as
 * analyzed documents): through the text layer, or the regex tokenizer with `fast`.
 */
export function* streamTermsDocs(articles: Article[], options: { fast?: boolean; quiet?: boolean }): Generator<TermsDocWithMeta> {
  const progress = createProgress(options.fast ? 'tokenizing' : 'analysing', { quiet: options.quiet });
  if (!options.fast) getNlp();
  try {
    for (const [i, article] of articles.entries()) {
      yield options.fast
        ? toTermsDoc(article)
        : { ...termsDocFromAnalyzed(analyzeDoc(article, { mentions: false })), id: article.id, outlet: article.outlet, event: article.event, source: article.text };
      progress.update(i + 1, articles.length);
    }
  } finally {
    progress.done();
  }
}

/** A note on stderr when grouping by event leaves articles out. */
export function warnMissingEvents(articles: Article[], by: string, quiet?: boolean): void {
  if (quiet || !by.startsWith('event')) return;
  const missing = articles.filter((a) => !a.event).length;
  if (missing) process.stderr.write(`note: ${missing} of ${articles.length} articles have no event and are left out (give an event field, or see \`framelens report\` for event grouping)\n`);
}

export function register(program: Command): void {
  const command = program
    .command('terms')
    .description('term frequencies per outlet or event: count, rate per 10k tokens, documents')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads');
  addTermOptions(command, { minCount: '2', top: '50' });
  addInputOptions(command).action(async (inputs: string[], opts: TermsCliOptions) => {
    const count = countOptions(opts);
    const minCount = intOption(opts.minCount, '--min-count');
    const top = intOption(opts.top, '--top');
    const { articles } = await loadCorpus(inputs, opts);
    warnMissingEvents(articles, opts.by, opts.quiet);
    const groups = termCounts(streamTermsDocs(articles, opts), count);
    const rows = [...groups].flatMap(([group, counts]) =>
      frequencyRows(counts, { minCount, limit: top }).map((r) => ({ group, term: r.term, count: r.count, rate: round(r.rate), docs: r.docs, tokens: counts.tokens })),
    );
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}

/** Four decimals: enough for rates and scores, short enough for tables. */
export function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
