/**
 * `framelens similar <inputs...>`: the most similar articles (TF-IDF cosine, candidates from a
 * pruned inverted index — never all pairs). One row per article and neighbour
 * `{doc, similar, score, rank, outlet, similarOutlet, shared}` (`shared`: the terms that weigh most
 * in the cosine); `--doc ID` for one article only.
 */
import type { Command } from 'commander';
import { nearest, type PackedDocTerms } from '../../analyses/similarity/index.js';
import { computeSimilarity, namedPairs, sharedTermsOf } from '../../analyses/similarity/compute.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { numberOption, TERMS_ANALYSES } from './events.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { addRunOptions, checkPipelineOptions, runPipelineFromCli, type PipelineCliOptions } from './pipeline-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

interface SimilarCliOptions extends InputCliOptions, PipelineCliOptions {
  format: RowFormat;
  output?: string;
  doc?: string;
  top: string;
  minScore?: string;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('similar')
    .description('most similar articles by TF-IDF cosine (sub-quadratic candidate search)')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--doc <id>', 'only the neighbours of this article')
    .option('--top <k>', 'neighbours per article', '5')
    .option('--min-score <x>', 'drop pairs below this cosine (default 0.05)');
  addRunOptions(addInputOptions(command)).action(async (inputs: string[], opts: SimilarCliOptions) => {
    const top = numberOption('--top', opts.top, 1)!;
    const minScore = numberOption('--min-score', opts.minScore);
    checkPipelineOptions(opts);
    const { articles: read } = await loadCorpus(inputs, opts);
    if (opts.doc !== undefined && !read.some((a) => a.id === opts.doc)) throw new FramelensError(`no article with id '${opts.doc}'`);
    // The report's per-article pass (workers, cache), then pairs with this command's options.
    const run = await runPipelineFromCli(read, { ...opts, analyses: TERMS_ANALYSES }, { summaries: false });
    const articles = run.articles; // without those the pass failed on (see --rejects)
    const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
    const terms = run.perDoc.get('similarity') as ReadonlyMap<string, PackedDocTerms>;
    const c = computeSimilarity([...terms.keys()], (id) => terms.get(id), { minScore, maxNeighbors: Math.max(25, top) }, (id) => outletOf.get(id));
    run.close();
    const pairs = namedPairs(c);
    // Shared terms for the rows printed only, not for every candidate pair (≈ 1 s per 80k pairs).
    const sharedOf = sharedTermsOf(c);
    const docs = opts.doc !== undefined ? [opts.doc] : articles.map((a) => a.id);
    const byDoc = new Map<string, typeof pairs>();
    for (const p of pairs) for (const id of [p.a, p.b]) (byDoc.get(id) ?? byDoc.set(id, []).get(id)!).push(p);
    const rows = docs.flatMap((doc) =>
      nearest(byDoc.get(doc) ?? [], doc, top).map((n, i) => ({
        doc,
        similar: n.doc,
        score: n.score,
        rank: i + 1,
        outlet: outletOf.get(doc),
        similarOutlet: outletOf.get(n.doc),
        shared: sharedOf(doc, n.doc),
      })),
    );
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
