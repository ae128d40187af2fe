import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';
import { extractAttributions } from '../../analyses/attribution/index.js';
import type { Attribution } from '../../analyses/attribution/types.js';

const sampleDir = resolve(import.meta.dirname, '../../data/sample');
const present = existsSync(resolve(sampleDir, 'planted.json')) && existsSync(resolve(sampleDir, 'articles.jsonl'));

interface Planted {
  kind: string;
  doc: string;
  phrase: string;
  speaker?: string;
  cue?: string;
}

describe.skipIf(!present)('attributions planted in the sample corpus', () => {
  const planted = present ? (JSON.parse(readFileSync(resolve(sampleDir, 'planted.json'), 'utf8')).entries as Planted[]) : [];
  const articles = new Map<string, Article>(
    present ? readFileSync(resolve(sampleDir, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Article).map((a) => [a.id, a]) : [],
  );
  const outlets = [...new Set([...articles.values()].map((a) => a.outlet))];
  const found = new Map<string, Attribution[]>();
  const attributionsOf = (id: string) => {
    if (!found.has(id)) found.set(id, extractAttributions(analyzeDoc(articles.get(id)!, { outlets }), { outlets }));
    return found.get(id)!;
  };
  const inPhrase = (e: Planted) => {
    const text = articles.get(e.doc)!.text;
    const phrase = e.phrase.replace(/ ¶ /g, '\n\n');
    const at = text.indexOf(phrase);
    expect(at, `phrase of ${e.kind} in ${e.doc}`).toBeGreaterThanOrEqual(0);
    return attributionsOf(e.doc).filter((a) => a.cue.start >= at && a.cue.end <= at + phrase.length);
  };

  it('finds a cue with the planted verb and stance for every report-verb entry', () => {
    const stances: Record<string, string> = { said: 'neutral', stated: 'neutral', claimed: 'doubting', insisted: 'doubting', admitted: 'conceding' };
    for (const e of planted.filter((p) => p.kind === 'report-verb')) {
      for (const cue of e.cue!.split(/,\s*/)) {
        const hits = inPhrase(e).filter((a) => a.cue.text.includes(cue));
        expect(hits.length, `${e.doc}: ${e.phrase}`).toBeGreaterThan(0);
        expect(hits[0].stance).toBe(stances[cue]);
        if (!/government/.test(e.speaker!)) expect(`${hits[0].source?.text} ${hits[0].resolved}`, e.phrase).toContain(e.speaker!.split(' ').pop());
      }
    }
  });

  it('finds the according-to, told, quoted-as-saying and citing cues', () => {
    for (const e of planted.filter((p) => ['according-to', 'told', 'quoted-as-saying', 'citing'].includes(p.kind))) {
      expect(inPhrase(e).length, `${e.kind}: ${e.phrase}`).toBeGreaterThan(0);
    }
  });

  it('types most planted anonymous sources as anonymous', () => {
    const entries = planted.filter((p) => p.kind === 'anonymous-source');
    const typed = entries.filter((e) => inPhrase(e).some((a) => a.sourceType === 'anonymous'));
    expect(typed.length / entries.length).toBeGreaterThanOrEqual(0.85);
  });

  it('attributes every planted direct quote to its speaker', () => {
    for (const e of planted.filter((p) => p.kind === 'direct-quote' || p.kind === 'multi-paragraph-quote')) {
      const text = articles.get(e.doc)!.text;
      const phrase = e.phrase.replace(/ ¶ /g, '\n\n');
      const at = text.indexOf(phrase);
      const speaker = (e.speaker ?? '').replace(/\s*\(anonymous\)$/, '').toLowerCase();
      const name = speaker.includes('vendor') ? 'she' : speaker.split(' ').pop()!;
      const hits = attributionsOf(e.doc).filter((a) => a.content && a.content.start < at + phrase.length && at < a.content.end && a.kind === 'direct');
      const speakers = hits.map((a) => `${a.source?.text} ${a.resolved}`.toLowerCase());
      expect(speakers.some((s) => s.includes(name)), `${e.doc}: ${e.phrase.slice(0, 40)} → ${speakers.join(' | ')}`).toBe(true);
    }
  });
});
