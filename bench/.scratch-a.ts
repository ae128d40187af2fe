import { readFileSync } from 'node:fs';
import { analyzeDoc } from '../src/text/analyze.js';
import { buildAliasIndex } from '../src/text/aliases.js';
const seed = readFileSync('../shared/data/seeds/000_2b63a6624e7e042a.txt', 'utf8');
const doc = analyzeDoc({ id: 'seed', outlet: 'RT', title: '', text: seed }, { outlets: ['RT'] });
for (const t of doc.tokens) if (seed.slice(t.start, t.end) !== t.text) throw new Error('bad');
console.log(doc.tokens.length, doc.sentences.length, doc.paragraphs.length, doc.quotes.length, doc.words);
for (const m of doc.mentions) console.log(m.type.padEnd(12), JSON.stringify(m.text), '| name:', m.name.text, '| title:', m.title?.text ?? '', '| key:', m.key);
console.log(buildAliasIndex([doc]));
