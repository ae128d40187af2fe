// compare one-pass readTokens vs public out()
import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
import { getNlp } from '../dist/src/text/nlp.js';
import { readTokens } from '../dist/src/text/wink-tokens.js';
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 200);
const nlp = getNlp(); const its = nlp.its; let diffs = 0, n = 0;
for (let r = 0; r < 2; r++) for (const l of lines) { const t = JSON.parse(l).content_original; const d = nlp.readDoc(t); const raw = readTokens(nlp, d); const a = d.tokens();
  for (const [k, f] of [['values','value'],['types','type'],['pos','pos'],['norms','normal'],['lemmas','lemma'],['stops','stopWordFlag'],['negated','negationFlag']]) { const o = a.out(its[f]); for (let i = 0; i < o.length; i++) { n++; if (o[i] !== raw[k][i]) { diffs++; if (diffs < 5) console.log(k, o[i], raw[k][i]); } } } }
console.log('diffs', diffs, 'of', n);
