/**
 * `framelens mentions <inputs...>`: every name mention, one row each —
 * `{doc, start, end, text, name, title, type, key}` with keys merged across the corpus
 * ("Lavrov" → "Sergey Lavrov"). `--aliases` prints the alias index instead: one row per key.
 */
import type { Command } from 'commander';
import { analyzeDoc } from '../text/analyze.js';
import { buildAliasIndex } from '../text/aliases.js';
import type { AnalyzedDoc } from '../text/types.js';
import { addInputOptions, loadCorpus, type InputCliOptions } from './input-options.js';
import { writeRows, type RowFormat, addRowOptions } from './output.js';

interface MentionsCliOptions extends InputCliOptions {
  format: RowFormat;
  output?: string;
  aliases?: boolean;
}

export function register(program: Command): void {
  const command = addRowOptions(program
    .command('mentions')
    .description('name mentions (people, organisations, places, media) with titles and corpus-wide alias keys')
    .argument('<inputs...>', 'a corpus JSONL, or any inputs ingest reads'), 'jsonl')
    .option('--aliases', 'one row per alias key: forms, count, type');
  addInputOptions(command).action(async (inputs: string[], opts: MentionsCliOptions) => {
    const { articles } = await loadCorpus(inputs, opts);
    const outlets = [...new Set(articles.map((a) => a.outlet))];
    // Only mentions are kept, so the rest of each AnalyzedDoc can be dropped as we go.
    const docs = articles.map((article) => {
      const { mentions } = analyzeDoc(article, { outlets });
      return { article, mentions } as unknown as AnalyzedDoc;
    });
    const index = buildAliasIndex(docs);
    const rows: Record<string, unknown>[] = opts.aliases
      ? [...index.values()].sort((a, b) => b.count - a.count).map((e) => ({ key: e.key, type: e.type, count: e.count, forms: e.forms }))
      : docs.flatMap((doc) =>
          doc.mentions.map((m) => ({ doc: doc.article.id, start: m.start, end: m.end, text: m.text, name: m.name.text, title: m.title?.text ?? '', type: m.type, key: m.key })),
        );
    writeRows(rows, { format: opts.format, output: opts.output });
  });
}
