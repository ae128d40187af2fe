/**
 * `framelens loaded <inputs...>`: loaded language in every article, one row per marker —
 * `{doc, start, end, text, category, subcategory, quoteClass, voice, reason, sentence}`:
 * labels, euphemisms, hedges, intensifiers, loaded report verbs, words the learned model flags,
 * and every quote with its class (direct, partial, scare, title).
 */
import { Option, type Command } from 'commander';
import { analyzeDoc } from '../text/analyze.js';
import { detectLoaded, loadedResources, MARKER_CATEGORIES } from '../../analyses/loaded/index.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';
import { createProgress } from './progress.js';

interface LoadedCliOptions extends InputCliOptions {
  format: RowFormat;
  output?: string;
  lexicon?: string[];
  category?: string[];
  threshold?: string;
  model?: boolean;
  modelFile?: string;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('loaded')
    .description('loaded language: labels, euphemisms, hedges, intensifiers, report verbs, learned finds, quote classes')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--lexicon <file.json...>', 'extra lexicon files (same shape as data/lexicons/labels.json; same term and category replaces ours)')
    .addOption(new Option('--category <name...>', 'only these categories').choices(MARKER_CATEGORIES))
    .option('--threshold <p>', 'probability for a learned flag (default: the one stored with the weights)')
    .option('--no-model', 'lexicons and quote classes only, no learned flags')
    .option('--model-file <file.json>', 'weights file to use instead of data/models/loaded.json');
  addInputOptions(command).action(async (inputs: string[], opts: LoadedCliOptions) => {
    const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold < 1)) throw new FramelensError(`--threshold must be a number between 0 and 1, got '${opts.threshold}'`);
    const resources = loadedResources(opts.lexicon ?? [], { model: opts.modelFile });
    const { articles } = await loadCorpus(inputs, opts);
    const progress = createProgress('loaded', { quiet: opts.quiet });
    const rows: Record<string, unknown>[] = [];
    articles.forEach((article, i) => {
      const result = detectLoaded(analyzeDoc(article), resources, { threshold, noModel: opts.model === false });
      for (const m of result.markers) {
        if (opts.category && !opts.category.includes(m.category)) continue;
        rows.push({
          doc: article.id, start: m.start, end: m.end, text: m.text, category: m.category, subcategory: m.subcategory,
          quoteClass: m.quoteClass, voice: m.voice, score: m.score, reason: m.reason, sentence: result.sentences[m.sentence]?.text,
        });
      }
      progress.update(i + 1, articles.length);
    });
    progress.done();
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
