/**
 * `framelens variants <inputs...>`: which form of each known naming variant (Kyiv/Kiev,
 * Zelensky/Zelenskyy, "special military operation"/"invasion"/"war", …) each outlet uses — one
 * row per group, set and form: `{group, set, form, count, share}`. With `--discover`, proposes
 * new variant pairs from the corpus instead: proper-noun forms spelled alike whose use splits
 * by outlet, one row per pair with its counts, chi-square and Cramér's V.
 */
import { Option, type Command } from 'commander';
import { FramelensError } from '../corpus/diagnostics.js';
import { analyzeDoc } from '../text/analyze.js';
import type { GroupBy } from '../../analyses/terms/index.js';
import { discoverVariants, loadVariantSets, properNamesOfAnalyzed, variantPreferences } from '../../analyses/variants/index.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { ROW_FORMATS, writeRows, type RowFormat } from './output.js';
import { GROUPINGS, intOption, round, warnMissingEvents } from './terms.js';
import { createProgress } from './progress.js';

interface VariantsCliOptions extends InputCliOptions {
  by: string;
  variants?: string[];
  discover?: boolean;
  minCount: string;
  limit: string;
  all?: boolean;
  fast?: boolean;
  format: RowFormat;
  output?: string;
}

export function register(program: Command): void {
  const command = program
    .command('variants')
    .description('naming variants per outlet (Kyiv/Kiev, …): counts and shares; --discover proposes new pairs')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads')
    .addOption(new Option('--by <group>', 'group articles by').choices([...GROUPINGS]).default('outlet'))
    .option('--variants <file.json...>', 'extra variant sets, same shape as data/lexicons/variants.json (same id replaces)')
    .option('--all', 'also print rows of forms a group never uses (share 0)')
    .option('--discover', 'propose variant pairs found in the corpus, ranked by how strongly their use splits by outlet')
    .option('--min-count <n>', 'with --discover: uses a form needs to be considered', '3')
    .option('--limit <n>', 'with --discover: pairs to print', '20')
    .option('--fast', 'with --discover: take capitalized words instead of the text layer’s proper nouns')
    .addOption(new Option('--format <fmt>', 'row format').choices(ROW_FORMATS).default('jsonl'))
    .option('-o, --output <file>', 'write the rows to a file (default: stdout)');
  addInputOptions(command).action(async (inputs: string[], opts: VariantsCliOptions) => {
    let sets;
    try {
      sets = loadVariantSets(opts.variants ?? []);
    } catch (error) {
      throw new FramelensError(error instanceof Error ? error.message.replace(/^framelens: /, '') : String(error));
    }
    const { articles } = await loadCorpus(inputs, opts);
    if (opts.discover) {
      const progress = createProgress('analysing', { quiet: opts.quiet || opts.fast });
      const docs = opts.fast
        ? articles
        : articles.map((a, i) => {
            const names = properNamesOfAnalyzed(analyzeDoc(a, { mentions: false }));
            progress.update(i + 1, articles.length);
            return { outlet: a.outlet, ...names };
          });
      progress.done();
      const found = discoverVariants(docs, { minCount: intOption(opts.minCount, '--min-count'), limit: intOption(opts.limit, '--limit') });
      const rows = found.map((c) => ({ ...c, distance: round(c.distance), chi2: round(c.chi2), v: round(c.v), coUse: round(c.coUse) }));
      writeRows(rows, { format: opts.format, output: opts.output });
      return;
    }
    warnMissingEvents(articles, opts.by, opts.quiet);
    const rows = variantPreferences(articles, sets, { by: opts.by as GroupBy })
      .filter((r) => opts.all || r.count > 0)
      .map((r) => ({ ...r, share: round(r.share) }));
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
