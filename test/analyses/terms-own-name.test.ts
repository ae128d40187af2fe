import { describe, expect, it } from 'vitest';
import { isOwnName, ownNameWords } from '../../analyses/terms/own-name.js';
import { runPipeline } from '../../src/pipeline/run.js';
import type { TermsSummary } from '../../analyses/terms/summarize.js';
import type { Article } from '../../src/corpus/article.js';

describe('an outlet’s own name in word choice', () => {
  it('takes the brand word of a name and one-word aliases, not place or everyday words', () => {
    expect(ownNameWords('The Daily Klaxon')).toContain('klaxon');
    expect(ownNameWords('The Daily Klaxon')).not.toContain('daily');
    expect([...ownNameWords('Kestria Public Broadcasting')].sort()).toEqual(['broadcasting', 'kpb']);
    expect(ownNameWords('Kestria Today')).not.toContain('kestria');
    expect(ownNameWords('Kestria Today')).not.toContain('today');
    expect(isOwnName('klaxon', ownNameWords('The Daily Klaxon'))).toBe(true);
    expect(isOwnName('klaxon said', ownNameWords('The Daily Klaxon'))).toBe(false);
  });

  it('leaves an outlet’s self-references out of its distinctive terms, and keeps them for the others', () => {
    const text = (outlet: string, extra: string) =>
      `${extra} The council voted on the harbour levy. ${extra} Ministers backed the levy. ${extra} Fishermen opposed the levy.`;
    const articles: Article[] = [
      { id: 'a', outlet: 'The Daily Klaxon', title: '', text: text('Klaxon', 'The Klaxon reports:') },
      { id: 'b', outlet: 'The Daily Klaxon', title: '', text: text('Klaxon', 'Klaxon readers write:') },
      { id: 'c', outlet: 'Northwind Courier', title: '', text: text('Courier', 'Officials said:') },
      { id: 'd', outlet: 'Northwind Courier', title: '', text: text('Courier', 'Officials said:') },
    ];
    const summary = runPipeline(articles, { analyses: ['terms'], options: { terms: { minCount: 1 } } }).summaries.get('terms') as TermsSummary;
    const top = (outlet: string) => summary.outlets.find((o) => o.group === outlet)!.top.map((t) => t.term);
    expect(top('The Daily Klaxon')).not.toContain('klaxon');
    expect(top('The Daily Klaxon')).toContain('reports');
    expect(top('Northwind Courier')).toContain('officials');
  });
});
