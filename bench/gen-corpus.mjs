// Writes bench/out/corpus.json: 10,000 comments as a JSON array of strings, the same
// bytes on every run (seeded PRNG, no Math.random, no dates). The mix imitates a
// real comment section: mostly short replies, some long ones with lists, quotes and
// code, links of every form, and a steady trickle of XSS attempts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMMENTS = 10000;
const SEED = 0x5eed2024;
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out', 'corpus.json');

// mulberry32: tiny, fast, and identical on every Node version.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
const chance = (p) => rand() < p;

const WORDS = (
  'the a of to and in that is was it for on with as this be at by not but from or have an ' +
  'they which you one were all we when there can more if out so what about up into than ' +
  'thanks great post article agree disagree point really think actually example code ' +
  'server browser comment reply widget performance memory thread build release test ' +
  'naïve café Zürich 東京 résumé emoji 🎉 ✓ — “quoted” it’s'
).split(' ');

const sentence = () => {
  const n = 4 + int(14);
  const words = [];
  for (let i = 0; i < n; i++) {
    let w = pick(WORDS);
    if (chance(0.05)) w = `*${w}*`;
    else if (chance(0.03)) w = `**${w}**`;
    else if (chance(0.02)) w = `_${w}_`;
    else if (chance(0.03)) w = `\`${w}()\``;
    words.push(w);
  }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + pick(['.', '.', '.', '!', '?', '...']);
};

const LINKS = [
  () => `[the docs](https://example.com/docs/${int(1000)})`,
  () => `[this](https://example.org/a/b?q=${int(99)}&lang=en "A title")`,
  () => `<https://example.net/page/${int(500)}>`,
  () => `https://www.example.com/blog/${int(300)}/post-title.`,
  () => `www.example.com/item?id=${int(9999)}`,
  () => `<someone${int(50)}@example.com>`,
  () => `[relative](/posts/${int(100)}#comment-${int(40)})`,
  () => `![screenshot](https://img.example.com/${int(80)}.png)`,
  () => `(see https://en.wikipedia.org/wiki/Foo_(bar))`,
];

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click me](javascript:alert(document.cookie))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](https://ok.test/"onmouseover="alert(1))',
  '<a href="javascript:alert(1)">link</a>',
  '<iframe src="https://evil.test"></iframe>',
  '```"><script>alert(1)</script>\nx\n```',
  '&lt;script&gt; &#60;b&#62;',
];

const paragraph = () => {
  const parts = [];
  const n = 1 + int(4);
  for (let i = 0; i < n; i++) {
    parts.push(sentence());
    if (chance(0.25)) parts.push(pick(LINKS)());
  }
  return parts.join(chance(0.15) ? '\n' : ' ');
};

const BLOCKS = [
  () => paragraph(),
  () => paragraph(),
  () => paragraph(),
  () => `> ${sentence()}\n> ${sentence()}`,
  () => Array.from({ length: 2 + int(4) }, () => `- ${sentence()}`).join('\n'),
  () => Array.from({ length: 2 + int(4) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n'),
  () => '```js\nconst x = ' + int(100) + ';\nif (x < 10 && y > 2) {\n  console.log("hi");\n}\n```',
  () => '    indented code line\n    another line',
  () => '---',
  () => `- ${sentence()}\n\n  ${sentence()}\n- ${sentence()}\n  - nested ${sentence()}`,
  () => `> quoted\n>\n> > nested ${sentence()}`,
  () => `${sentence()}  \n${sentence()}`,
];

const comment = () => {
  const r = rand();
  let blocks;
  if (r < 0.55) blocks = [sentence()];  // short reply
  else if (r < 0.85) blocks = Array.from({ length: 1 + int(3) }, () => pick(BLOCKS)());
  else blocks = Array.from({ length: 4 + int(8) }, () => pick(BLOCKS)());  // long post
  if (chance(0.05)) blocks.splice(int(blocks.length + 1), 0, pick(XSS));
  return blocks.join('\n\n');
};

const corpus = Array.from({ length: COMMENTS }, comment);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(corpus));
const bytes = corpus.reduce((n, c) => n + Buffer.byteLength(c), 0);
console.log(`wrote ${OUT}: ${corpus.length} comments, ${bytes} bytes of Markdown`);
