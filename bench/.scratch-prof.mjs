import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib';
import { analyzeDoc } from '../dist/src/text/analyze.js';
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 400);
const arts = lines.map((l, i) => ({ id: String(i), outlet: 'x', title: '', text: JSON.parse(l).content_original }));
for (let r = 0; r < 3; r++) for (const a of arts) analyzeDoc(a, { outlets: ['x'], mentions: process.env.NOM ? false : true });
