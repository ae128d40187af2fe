import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
import { getNlp } from '../dist/src/text/nlp.js';
import { analyzeDoc } from '../dist/src/text/analyze.js';
import { findMentions } from '../dist/src/text/mentions.js';
import { findQuotes } from '../dist/src/text/quotes.js';
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 300);
const texts = lines.map((l) => JSON.parse(l).content_original);
const arts = texts.map((text) => ({ id: '', outlet: 'x', title: '', text }));
const nlp = getNlp(); const its = nlp.its;
const variants = {
  bare: () => { for (const t of texts) nlp.readDoc(t); },
  outs: () => { for (const t of texts) { const d = nlp.readDoc(t); const a = d.tokens(); for (const k of ['value','type','pos','normal','stopWordFlag','negationFlag']) a.out(its[k]); } },
  noMentions: () => { for (const a of arts) analyzeDoc(a, { mentions: false }); },
  full: () => { for (const a of arts) analyzeDoc(a, { outlets: ['x'] }); },
};
const docs = arts.map((a) => analyzeDoc(a, { mentions: false }));
variants.mentionsOnly = () => { for (const d of docs) findMentions({ tokens: d.tokens, text: d.article.text }, { outlets: ['x'] }); };
variants.quotesOnly = () => { for (const d of docs) findQuotes(d.article.text, d.sentences, d.paragraphs); };
const T = {}; for (const k in variants) T[k] = [];
for (let r = 0; r < 5; r++) for (const [k, f] of Object.entries(variants)) { const t0 = process.cpuUsage(); f(); const c = process.cpuUsage(t0); T[k].push((c.user + c.system) / 1000); }
const med = (x) => x.sort((a, b) => a - b)[2];
const b = med(T.bare); for (const k in T) console.log(k.padEnd(14), med(T[k]).toFixed(0), (med(T[k]) / b).toFixed(3));
