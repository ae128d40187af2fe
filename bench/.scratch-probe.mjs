import { readFileSync } from 'node:fs'; import { gunzipSync } from 'node:zlib'; import { createRequire } from 'node:module';
import { getNlp } from '../dist/src/text/nlp.js';
const require = createRequire(import.meta.url);
const allowed = require('wink-nlp/src/allowed.js');
const lines = gunzipSync(readFileSync('../shared/data/article-bias-prediction/articles_sample.jsonl.gz')).toString().split('\n').slice(0, 300);
const nlp = getNlp(); const its = nlp.its;
const docs = lines.map((l) => nlp.readDoc(JSON.parse(l).content_original));
let sink = 0;
const fns = {
  nothing: (i, rdd) => 0,
  pos: (i, rdd, a) => its.pos(i, rdd, a),
  neg: (i, rdd, a) => its.negationFlag(i, rdd, a),
  uid: (i, rdd, a) => its.uniqueId(i, rdd, a),
  contr: (i, rdd, a) => its.contractionFlag(i, rdd, a),
  value: (i, rdd, a) => its.value(i, rdd, a),
  type: (i, rdd, a) => its.type(i, rdd, a),
  normal: (i, rdd, a) => its.normal(i, rdd, a),
  stop: (i, rdd, a) => its.stopWordFlag(i, rdd, a),
};
for (const f of Object.values(fns)) allowed.its4tokens.add(f);
for (const [k, f] of Object.entries(fns)) { for (const d of docs) d.tokens().out(f);
  const t0 = process.cpuUsage(); for (let r = 0; r < 5; r++) for (const d of docs) sink += d.tokens().out(f).length; const c = process.cpuUsage(t0); console.log(k.padEnd(8), ((c.user + c.system) / 5000).toFixed(1)); }
const t0 = process.cpuUsage(); for (const l of lines) nlp.readDoc(JSON.parse(l).content_original); const c = process.cpuUsage(t0); console.log('readDoc', (c.user + c.system) / 1000);
{
  const lex = []; const PC = new Map(); const pc = (p) => { let c = PC.get(p); if (c === undefined) PC.set(p, c = PC.size); return c; };
  let out;
  const v1 = (i, rdd, a) => { const pos = its.pos(i, rdd, a); out.pos[i] = pos; out.neg[i] = its.negationFlag(i, rdd, a); const id = its.uniqueId(i, rdd, a);
    while (lex.length <= id) lex.push(undefined); let L = lex[id]; if (!L) L = lex[id] = { value: its.value(i, rdd, a), type: its.type(i, rdd, a), norm: its.normal(i, rdd, a), stop: its.stopWordFlag(i, rdd, a), lemmas: [] };
    out.values[i] = L.value; out.types[i] = L.type; out.norms[i] = L.norm; out.stops[i] = L.stop; if (its.contractionFlag(i, rdd, a)) return 0; const code = pc(pos); out.lemmas[i] = L.lemmas[code] ??= its.lemma(i, rdd, a); return 0; };
  allowed.its4tokens.add(v1);
  for (const variant of ['holey', 'push']) {
    const run = () => { for (const d of docs) { const n = d.tokens().length(); out = variant === 'holey' ? { pos: new Array(n), neg: new Array(n), values: new Array(n), types: new Array(n), norms: new Array(n), stops: new Array(n), lemmas: new Array(n) } : { pos: [], neg: [], values: [], types: [], norms: [], stops: [], lemmas: [] }; d.tokens().out(v1); } };
    run(); const t0 = process.cpuUsage(); for (let r = 0; r < 5; r++) run(); const c = process.cpuUsage(t0); console.log('v1', variant, ((c.user + c.system) / 5000).toFixed(1), lex.length);
  }
}
{
  const lex = []; let out;
  const A = (i, rdd, a) => { const pos = its.pos(i, rdd, a); out.pos[i] = pos; out.neg[i] = its.negationFlag(i, rdd, a); const id = its.uniqueId(i, rdd, a); out.ids[i] = id; return 0; };
  const B = (i, rdd, a) => { const id = its.uniqueId(i, rdd, a); let L = lex[id]; if (!L) { while (lex.length <= id) lex.push(undefined); L = lex[id] = { value: its.value(i, rdd, a) }; } out.values[i] = L.value; return 0; };
  const C = (i, rdd, a) => { out.values[i] = its.value(i, rdd, a); return 0; };
  for (const [name, f] of [['A', A], ['B', B], ['C', C]]) {
    allowed.its4tokens.add(f);
    const run = () => { for (const d of docs) { const n = d.tokens().length(); out = { pos: new Array(n), neg: new Array(n), ids: new Array(n), values: new Array(n) }; d.tokens().out(f); } };
    run(); const t0 = process.cpuUsage(); for (let r = 0; r < 5; r++) run(); const c = process.cpuUsage(t0); console.log(name, ((c.user + c.system) / 5000).toFixed(1));
  }
}
{
  const lex = []; let out;
  const D = (i, rdd, a) => { const pos = its.pos(i, rdd, a); out.pos[i] = pos; out.neg[i] = its.negationFlag(i, rdd, a); const id = its.uniqueId(i, rdd, a);
    let L = lex[id]; if (!L) { while (lex.length <= id) lex.push(undefined); L = lex[id] = { value: its.value(i, rdd, a), type: its.type(i, rdd, a), norm: its.normal(i, rdd, a), stop: its.stopWordFlag(i, rdd, a), lemmaPos: '', lemma: '' }; }
    out.values[i] = L.value; out.types[i] = L.type; out.norms[i] = L.norm; out.stops[i] = L.stop;
    if (L.lemmaPos === pos) out.lemmas[i] = L.lemma; else { const lm = its.lemma(i, rdd, a); out.lemmas[i] = lm; if (!its.contractionFlag(i, rdd, a)) { L.lemmaPos = pos; L.lemma = lm; } }
    return 0; };
  const E = (i, rdd, a) => { const pos = its.pos(i, rdd, a); out.pos[i] = pos; out.neg[i] = its.negationFlag(i, rdd, a); const id = its.uniqueId(i, rdd, a);
    let L = lex[id]; if (!L) { while (lex.length <= id) lex.push(undefined); L = lex[id] = { value: its.value(i, rdd, a), type: its.type(i, rdd, a), norm: its.normal(i, rdd, a), stop: its.stopWordFlag(i, rdd, a), lemmaPos: '', lemma: '' }; }
    out.values[i] = L.value; out.types[i] = L.type; out.norms[i] = L.norm; out.stops[i] = L.stop; return 0; };
  for (const [name, f] of [['D', D], ['E', E]]) {
    allowed.its4tokens.add(f);
    const run = () => { for (const d of docs) { const n = d.tokens().length(); out = { pos: new Array(n), neg: new Array(n), values: new Array(n), types: new Array(n), norms: new Array(n), stops: new Array(n), lemmas: new Array(n) }; d.tokens().out(f); } };
    run(); const t0 = process.cpuUsage(); for (let r = 0; r < 5; r++) run(); const c = process.cpuUsage(t0); console.log(name, ((c.user + c.system) / 5000).toFixed(1));
  }
}
