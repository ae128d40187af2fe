/**
 * A tiny fictional corpus and a test analysis that exercises every report hook (overview with a
 * chart and a table, event views citing articles, overlapping highlights), plus a helper that
 * builds a PipelineResult without the NLP layer.
 */
import type { Article } from '../../src/corpus/article.js';
import type { PipelineResult } from '../../src/pipeline/run.js';
import type { AnyAnalysis, Highlight } from '../../analyses/types.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { html } from '../../src/report/html.js';

const para = (...lines: string[]) => lines.join('\n\n');

export function fixtureArticles(): Article[] {
  return [
    {
      id: 'n1', outlet: 'Northwind Courier', title: 'Talks resume in Calvora', date: '2031-04-02', event: 'talks', url: 'https://northwind.example/talks',
      text: para('Negotiators met again in Calvora on Tuesday, officials said.', 'The regime allegedly delayed the second round, according to one diplomat.'),
    },
    {
      id: 's1', outlet: 'Southgate Tribune', title: 'Calvora talks stall', date: '2031-04-03', event: 'talks',
      text: para('The government in Calvora said talks would continue.', 'Critics claimed the so-called regime forces were moving north.'),
    },
    {
      id: 'e1', outlet: 'Eastline Daily', title: 'Envoys gather for talks', date: '2031-04-02', event: 'talks',
      text: 'Envoys gathered in Kalvora for a new round of talks.',
    },
    {
      id: 'n2', outlet: 'Northwind Courier', title: 'River rises at Dunmere', date: '2031-05-10', event: 'flood',
      text: para('The river rose two metres overnight at Dunmere.', 'Residents allegedly ignored the warnings, the mayor said.'),
    },
    {
      id: 's2', outlet: 'Southgate Tribune', title: 'Dunmere floods', date: '2031-05-11', event: 'flood',
      text: 'Floodwater reached the old town of Dunmere on Thursday.',
    },
    {
      id: 'x1', outlet: 'Northwind Courier', title: 'Opinion: a quiet week',
      text: 'Nothing much happened, which is news of its own.',
    },
  ];
}

/** Spans of every occurrence of `word` in `text`. */
function find(text: string, word: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) spans.push({ start: i, end: i + word.length });
  return spans;
}

type Marks = Highlight[];
type MarksSummary = { perOutlet: Array<{ outlet: string; marks: number }>; examples: Array<{ doc: string; start: number; end: number; event?: string }> };

/** Flags "regime" (label), "allegedly" (hedge), "so-called regime forces" (scare phrase, overlapping "regime"). */
export const marksAnalysis: AnyAnalysis = {
  id: 'marks',
  title: 'Marked words',
  version: '1',
  perDoc(doc: { article: Article }): Marks {
    const text = doc.article.text;
    return [
      ...find(text, 'regime').map((s) => ({ ...s, kind: 'loaded:label', label: 'loaded label', reason: 'lexicon: regime — delegitimizing' })),
      ...find(text, 'allegedly').map((s) => ({ ...s, kind: 'hedge', label: 'hedge', reason: 'lexicon: allegedly — distances the writer' })),
      ...find(text, 'so-called regime forces').map((s) => ({ ...s, kind: 'scare', label: 'scare phrase', reason: 'so-called + label' })),
    ];
  },
  summarize(perDoc: ReadonlyMap<string, Marks>, corpus): MarksSummary {
    const counts = new Map(corpus.outlets.map((o) => [o, 0]));
    const examples: MarksSummary['examples'] = [];
    for (const [doc, marks] of perDoc) {
      const meta = corpus.byId.get(doc)!;
      counts.set(meta.outlet, counts.get(meta.outlet)! + marks.length);
      for (const m of marks) examples.push({ doc, start: m.start, end: m.end, event: meta.event });
    }
    return { perOutlet: [...counts].map(([outlet, marks]) => ({ outlet, marks })), examples };
  },
  charts(summary: MarksSummary, corpus) {
    return {
      'per-outlet': {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        width: 300,
        height: 120,
        data: { values: summary.perOutlet },
        mark: 'bar',
        encoding: {
          x: { field: 'outlet', type: 'nominal', sort: corpus.outlets },
          y: { field: 'marks', type: 'quantitative' },
          color: { field: 'outlet', type: 'nominal', scale: { domain: corpus.outlets }, legend: null },
        },
      },
    };
  },
  overview(summary: MarksSummary, corpus, kit) {
    const spec = this.charts!(summary, corpus)['per-outlet'];
    const top = [...summary.perOutlet].sort((a, b) => b.marks - a.marks)[0];
    return {
      id: 'marks',
      title: 'Marked words',
      html: html`${kit.chart('per-outlet', spec, `${top.outlet} has the most marked words (${top.marks}).`)}
${kit.table('examples', [
  { key: 'doc', label: 'Article', href: (r: { doc: string; start: number; end: number }) => kit.articleHref(r.doc, r) },
  { key: 'start', label: 'Start', numeric: true },
], summary.examples)}`,
    };
  },
  eventView(summary: MarksSummary, event, _corpus, kit) {
    const examples = summary.examples.filter((e) => e.event === event);
    return {
      id: 'marks',
      title: 'Marked words in this event',
      html: html`<ul>${examples.map((e) => html`<li><a href="${kit.articleHref(e.doc, e)}">${e.doc} @${e.start}</a></li>`)}</ul>`,
    };
  },
  highlights(doc: Marks) {
    return doc;
  },
};

/** A PipelineResult computed without the NLP layer (perDoc sees `{article, words}` only). */
export function buildResult(articles: Article[], analyses: AnyAnalysis[] = [marksAnalysis]): PipelineResult {
  const words = new Map(articles.map((a) => [a.id, a.text.split(/\s+/).filter(Boolean).length]));
  const index = buildCorpusIndex(articles, words);
  const context = { lexiconFiles: [], options: {}, outlets: index.outlets };
  const perDoc = new Map<string, Map<string, unknown>>();
  const summaries = new Map<string, unknown>();
  for (const analysis of analyses) {
    const results = new Map(articles.map((a) => [a.id, analysis.perDoc({ article: a, words: words.get(a.id) } as never, context)]));
    perDoc.set(analysis.id, results);
    summaries.set(analysis.id, analysis.summarize(results, index, context));
  }
  return { articles, index, perDoc, summaries, analyses, context };
}
