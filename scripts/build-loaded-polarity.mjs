#!/usr/bin/env node
/**
 * Writes data/models/loaded-polarity.json: the prior polarity (wink's English sentiment model,
 * the value analyses/loaded/polarity.ts would compute with a one-word readDoc) of every word of
 * wink's vocabulary written in lower-case ASCII letters or digits, keeping only the words whose
 * polarity is not 0. At run time such a word is a table look-up instead of a readDoc; any other
 * word of that shape is outside wink's vocabulary, which gives it polarity 0; everything else
 * (hyphens, apostrophes, accents, punctuation) still goes through readDoc. The file records the
 * wink versions it was built with; polarity.ts ignores it when they differ.
 *
 * Usage: npx tsc -p . && node scripts/build-loaded-polarity.mjs
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { readDocPolarity, POLARITY_TABLE_WORD, winkVersions } = await import(join(root, 'dist/analyses/loaded/polarity.js'));

const lexemes = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json').features.lexeme.list;
const values = {};
let words = 0;
for (const word of [...new Set(lexemes)].sort()) {
  if (!POLARITY_TABLE_WORD.test(word)) continue;
  words++;
  const value = readDocPolarity(word);
  if (value !== 0) values[word] = value;
}
const out = join(root, 'data', 'models', 'loaded-polarity.json');
const body = { format: 1, source: `wink-eng-lite-web-model sentiment, one-word documents; ${words} lower-case or numeric vocabulary words, ${Object.keys(values).length} with a polarity`, wink: winkVersions(), values };
writeFileSync(out, JSON.stringify(body).replace(/,"/g, ',\n"') + '\n');
process.stderr.write(`build-loaded-polarity: wrote ${out} (${Object.keys(values).length} of ${words} words)\n`);
