import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
import { findMentions } from '../dist/src/text/mentions.js';
import { analyzeDoc } from '../dist/src/text/analyze.js';
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 300);
const docs = lines.map((l) => analyzeDoc({id:'',outlet:'x',title:'',text:JSON.parse(l).content_original}, {mentions:false}));
const t0 = Date.now();
for (let r = 0; r < 10; r++) for (const d of docs) findMentions({ tokens: d.tokens, text: d.article.text }, { outlets: ['x'] });
console.error('ms', Date.now() - t0);
