import { readFileSync } from 'node:fs';
import { findQuotes } from '../src/text/quotes.js';
const seed = readFileSync('../shared/data/seeds/000_2b63a6624e7e042a.txt', 'utf8');
const r = findQuotes(seed);
for (const q of r.quotes) console.log(q.embedded ? 'E' : 'W', q.depth, q.words, JSON.stringify(q.open + q.text + q.close).slice(0, 100));
console.log(r.issues);
for (const t of [`Zelensky's 'junta' and the students' union`, `in the '90s, rock 'n' roll, don't`, `Kiev mayor ‘at war'\nnext`, `l'Europe 'est' belle`,
 `«Bonjour» and »Hallo« and „Guten“ ‚Tag‘ and \`\`so'' ok`, `"He said 'no' twice," she said.`, `“First para\n\n“Second para\n\n“Third.”`, `He said "unclosed\n\nNext para "ok" here.`,
 `'The students' union is shut,' she said.`, `'solemn promise… is one,' he said`]) {
  const r = findQuotes(t); console.log(JSON.stringify(t), r.quotes.map(q => [q.text, q.depth, q.paragraphs, q.embedded]), r.issues.map(i => i.ruleId + '@' + i.offset));
}
