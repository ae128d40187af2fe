import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
const nlp = winkNLP(model); const its = nlp.its;
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 300);
const texts = lines.map(l => JSON.parse(l).content_original ?? JSON.parse(l).content);
function bare(){ let n=0; for (const t of texts){ const d=nlp.readDoc(t); n+=d.tokens().length(); } return n; }
function full(which){ let n=0; for (const t of texts){ const d=nlp.readDoc(t); const tk=d.tokens(); for (const w of which) tk.out(its[w]); n+=tk.length(); } return n; }
for (const w of [[], ['value'], ['normal'], ['lemma'], ['pos'], ['stopWordFlag'], ['negationFlag'], ['type'], ['precedingSpaces']]) {
  bare(); full(w);
  let t0=performance.now(); const n=bare(); const tb=performance.now()-t0;
  t0=performance.now(); full(w); const tf=performance.now()-t0;
  console.log(w.join(','), n, (tb).toFixed(0), tf.toFixed(0), ((tf-tb)/tb*100).toFixed(1)+'%');
}
