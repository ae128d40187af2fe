import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
import { getNlp } from '../dist/src/text/nlp.js';
import { readTokens } from '../dist/src/text/wink-tokens.js';
import { alignTokens } from '../dist/src/text/align-tokens.js';
import { splitParagraphs } from '../dist/src/text/paragraphs.js';
import { buildSentences } from '../dist/src/text/sentences.js';
import { findQuotes } from '../dist/src/text/quotes.js';
import { analyzeDoc } from '../dist/src/text/analyze.js';
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 300);
const texts = lines.map((l) => JSON.parse(l).content_original);
const nlp = getNlp(); const its = nlp.its;
function upto(level) { for (const text of texts) {
  const doc = nlp.readDoc(text); if (level < 1) continue;
  const r = readTokens(nlp, doc); if (level < 2) continue;
  const ws = doc.sentences().out(its.span); const off = alignTokens(text, r.values); if (level < 3) continue;
  const tokens = []; const so = []; let s = 0;
  for (let i = 0; i < r.count; i++) { while (s + 1 < ws.length && i > ws[s][1]) s++; if (r.types[i] === 'tabCRLF') continue; const start = off[2*i], end = off[2*i+1];
    tokens.push({ start, end, text: text.slice(start, end), norm: r.norms[i], lemma: r.lemmas[i], pos: r.pos[i], stop: r.stops[i], negated: r.negated[i], sentence: 0, type: r.types[i] }); so.push(s); }
  if (level < 4) continue;
  const p = splitParagraphs(text); const sents = buildSentences(tokens, so, p); if (level < 5) continue;
  findQuotes(text, sents, p);
} }
const V = { bare: () => upto(0), read: () => upto(1), align: () => upto(2), objs: () => upto(3), sents: () => upto(4), quotes: () => upto(5),
  analyze: () => { for (const text of texts) analyzeDoc({ id: '', outlet: '', title: '', text }, { mentions: false }); } };
const T = {}; for (const k in V) T[k] = [];
for (let r = 0; r < 5; r++) for (const [k, f] of Object.entries(V)) { const t0 = process.cpuUsage(); f(); const c = process.cpuUsage(t0); T[k].push((c.user + c.system) / 1000); }
const med = (x) => x.sort((a, b) => a - b)[2];
const b = med(T.bare); for (const k in T) console.log(k.padEnd(10), med(T[k]).toFixed(0), (med(T[k]) / b).toFixed(3));
