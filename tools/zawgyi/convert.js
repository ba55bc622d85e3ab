// Converts text in the Zawgyi encoding of Burmese to Unicode, line by line, with the Rabbit
// converter (npm `rabbit-node` 1.0.4, MIT): what corpus/ntrex/mya.txt was made with from
// NTREX-128's Burmese, which is Zawgyi (see corpus/SOURCES.md).
//
//   npm install rabbit-node@1.0.4 && node tools/zawgyi/convert.js IN OUT
const Rabbit = require('rabbit-node');
const fs = require('fs');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node convert.js IN OUT');
  process.exit(2);
}
const text = fs.readFileSync(input, 'utf8');
fs.writeFileSync(output, text.split('\n').map((line) => Rabbit.zg2uni(line)).join('\n'));
