import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readFileSync } from 'node:fs';
const nlp = winkNLP(model, ['sbd','negation','pos']); const its = nlp.its;
const t = readFileSync('../shared/data/seeds/000_2b63a6624e7e042a.txt','utf8');
const d = nlp.readDoc(t);
const v = d.tokens().out(its.value), pos=d.tokens().out(its.pos);
console.log(v.map((x,i)=>x+'/'+pos[i]).join(' ').slice(0, 9000));
