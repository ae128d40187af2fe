/**
 * `framelens loaded <inputs...>`: loaded language in every article, one row per marker —
 * `{doc, start, end, text, category, subcategory, quoteClass, voice, reason, sentence}`:
 * labels, euphemisms, hedges, intensifiers, loaded report verbs, words the learned model flags,
 * and every quote with its class (direct, partial, scare, title).
 * Runs the report's per-article pass (workers, cache; after a report nothing is analysed again),
 * except with --model-file, whose weights the pass does not take: then on this thread.
 */
import { Option, type Command } from 'commander';
import type { Article } from '../corpus/article.js';
import { analyzeDoc } from '../text/analyze.js';
import { detectLoaded, loadedResources, MARKER_CATEGORIES, type LoadedDoc, type LoadedOptions } from '../../analyses/loaded/index.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addRunOptions, checkPipelineOptions, rowsFromPass, type PipelineCliOptions } from './pipeline-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';
import { createProgress } from './progress.js';

interface LoadedCliOptions extends InputCliOptions, PipelineCliOptions {
  format: RowFormat;
  output?: string;
  category?: string[];
  threshold?: string;
  model?: boolean;
  modelFile?: string;
}

function rowsOf(doc: string, result: LoadedDoc, categories: string[] | undefined): Record<string, unknown>[] {
  return result.markers
    .filter((m) => !categories || categories.includes(m.category))
    .map((m) => ({
      doc, start: m.start, end: m.end, text: m.text, category: m.category, subcategory: m.subcategory,
      quoteClass: m.quoteClass, voice: m.voice, score: m.score, reason: m.reason, sentence: result.sentences[m.sentence]?.text,
    }));
}

/** Each article's markers with the weights of --model-file, on this thread. */
function withModelFile(articles: Article[], opts: LoadedCliOptions, options: LoadedOptions): Record<string, unknown>[] {
  const resources = loadedResources(opts.lexicon ?? [], { model: opts.modelFile });
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  const progress = createProgress('loaded', { quiet: opts.quiet });
  const rows = articles.flatMap((article, i) => {
    const found = rowsOf(article.id, detectLoaded(analyzeDoc(article, { outlets }), resources, options), opts.category);
    progress.update(i + 1, articles.length);
    return found;
  });
  progress.done();
  return rows;
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
  addRunOptions(addInputOptions(command)).action(async (inputs: string[], opts: LoadedCliOptions) => {
    const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold < 1)) throw new FramelensError(`--threshold must be a number between 0 and 1, got '${opts.threshold}'`);
    const options: LoadedOptions = {};
    if (threshold !== undefined) options.threshold = threshold;
    if (opts.model === false) options.noModel = true;
    // Lexicons and weights are checked before the corpus is read.
    loadedResources(opts.lexicon ?? [], { model: opts.modelFile });
    checkPipelineOptions(opts);
    const { articles } = await loadCorpus(inputs, opts);
    const rows = opts.modelFile
      ? withModelFile(articles, opts, options)
      : await rowsFromPass<LoadedDoc>(articles, opts, 'loaded', { ...options }, (doc, result) => rowsOf(doc, result, opts.category));
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
