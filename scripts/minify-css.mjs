// Strips comments and layout whitespace from web/parley.css for build/dist: the source
// keeps its explanations, the reader downloads ~10% less gzip (the CSS budget is shared
// by every part's styles). Only whitespace that CSS ignores is touched: the space before
// `:` (a descendant combinator, as in `.parley-body :where(p)`) and inside values stays.
//   node scripts/minify-css.mjs <in.css> <out.css>
import { readFileSync, writeFileSync } from 'node:fs';

export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

const [input, output] = process.argv.slice(2);
if (input && output) writeFileSync(output, `${minifyCss(readFileSync(input, 'utf8'))}\n`);
