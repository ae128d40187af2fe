import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
import { getNlp } from '../dist/src/text/nlp.js';
import { alignTokens } from '../dist/src/text/align-tokens.js';
import { findQuotes } from '../dist/src/text/quotes.js';
import { findMentions } from '../dist/src/text/mentions.js';
import { analyzeDoc } from '../dist/src/text/analyze.js';
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 400);
const texts = lines.map((l) => JSON.parse(l).content_original);
const nlp = getNlp(); const its = nlp.its;
const T = {}; const add = (k, t0) => { T[k] = (T[k] ?? 0) + Number(process.hrtime.bigint() - t0) / 1e6; };
for (let r = 0; r < 3; r++) for (const text of texts) {
  let t = process.hrtime.bigint(); const doc = nlp.readDoc(text); add('readDoc', t);
  const all = doc.tokens();
  for (const k of ['value','type','pos','normal','lemma','stopWordFlag','negationFlag']) { t = process.hrtime.bigint(); all.out(its[k]); add(k, t); }
  t = process.hrtime.bigint(); doc.sentences().out(its.span); add('sentspan', t);
  const vals = all.out(its.value);
  t = process.hrtime.bigint(); alignTokens(text, vals); add('align', t);
  t = process.hrtime.bigint(); findQuotes(text); add('quotes', t);
  const d = analyzeDoc({id:'',outlet:'x',title:'',text}, {mentions:false});
  t = process.hrtime.bigint(); findMentions({tokens: d.tokens, text}, {outlets:['x']}); add('mentions', t);
}
const base = T.readDoc; for (const [k, v] of Object.entries(T)) console.log(k.padEnd(14), v.toFixed(0), (v / base * 100).toFixed(1) + '%');
