// Markdown in the browser: Parley's renderer compiled to WebAssembly against markdown-it
// and markdown-it + DOMPurify, in the same headless Chromium page on the same corpus
// (bench/out/corpus.json). DOMPurify is what a JavaScript widget needs to make
// markdown-it's output safe to insert; Parley's renderer is safe by construction.
//
//   node bench/markdown-browser.mjs [--quick]     (PARLEY_BENCH_WASM_DIR: build/wasm)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { OUT, QUICK, ROOT, chromiumVersion, fmt, machineLine, packageVersion, ratio, requireFile, writeSection } from './lib/report.mjs';

const SECTION = '## Markdown in the browser';
const WASM_DIR = process.env.PARLEY_BENCH_WASM_DIR ?? join(ROOT, 'build/wasm/bench/browser');
const MIN_SECONDS = QUICK ? 0.05 : 2;
const ROUNDS = QUICK ? 1 : 3; // best of interleaved rounds, as bench/markdown.mjs
const QUICK_COMMENTS = 200;
const CORPUS = join(OUT, 'corpus.json');

if (!existsSync(CORPUS)) execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-corpus.mjs')], { stdio: 'inherit' });
for (const f of ['markdown_web.js', 'markdown_web.wasm']) requireFile(join(WASM_DIR, f), 'run scripts/build.sh');
let corpus = readFileSync(CORPUS, 'utf8');
if (QUICK) corpus = JSON.stringify(JSON.parse(corpus).slice(0, QUICK_COMMENTS));
const count = JSON.parse(corpus).length;

const files = {
  '/': ['text/html', `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Markdown</title>
<script src="/markdown-it.js"></script><script src="/purify.js"></script>
<script src="/markdown_web.js"></script><script src="/runner.js"></script></head><body></body></html>`],
  '/corpus.json': ['application/json', corpus],
  '/markdown-it.js': ['text/javascript', readFileSync(join(ROOT, 'node_modules/markdown-it/dist/browser/markdown-it.umd.min.js'))],
  '/purify.js': ['text/javascript', readFileSync(join(ROOT, 'node_modules/dompurify/dist/purify.min.js'))],
  '/markdown_web.js': ['text/javascript', readFileSync(join(WASM_DIR, 'markdown_web.js'))],
  '/markdown_web.wasm': ['application/wasm', readFileSync(join(WASM_DIR, 'markdown_web.wasm'))],
  '/runner.js': ['text/javascript', readFileSync(join(ROOT, 'bench/browser/markdown-runner.js'))],
};
const server = createServer((req, res) => {
  const [type, body] = files[new URL(req.url, 'http://x').pathname] ?? ['text/plain', 'not found'];
  res.writeHead(type === 'text/plain' ? 404 : 200, { 'Content-Type': type });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const best = { parley: 0, markdownIt: 0, markdownItDompurify: 0 };
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  for (let round = 0; round < ROUNDS; round += 1) {
    const r = await page.evaluate((s) => window.benchMarkdown(s), MIN_SECONDS);
    for (const k of Object.keys(best)) best[k] = Math.max(best[k], r[k].commentsPerSecond);
  }
  if (errors.length) throw new Error(`Parley: page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}

const base = best.markdownIt;
writeSection(SECTION, [
  machineLine([chromiumVersion(), packageVersion('markdown-it'), packageVersion('dompurify')]),
  `Corpus: the ${fmt(count)} comments of \`bench/out/corpus.json\`, in one Chromium page. Comments rendered per`,
  `second of wall time (one warm-up pass, then whole passes for at least ${MIN_SECONDS} s; best of ${ROUNDS} rounds).`,
  'Parley is called through embind once per comment, strings crossing the boundary each time.',
  'Produced by `node bench/markdown-browser.mjs`.',
  '',
  '| Renderer | Comments / second | Parley faster by |',
  '|---|---:|---:|',
  `| markdown-it (html: false) | ${fmt(best.markdownIt)} | ${ratio(best.parley, best.markdownIt)} |`,
  `| markdown-it (html: false) + DOMPurify.sanitize | ${fmt(best.markdownItDompurify)} | ${ratio(best.parley, best.markdownItDompurify)} |`,
  `| Parley, WebAssembly (safe by construction) | ${fmt(best.parley)} | 1.0x |`,
  '',
  `Parley vs markdown-it: ${ratio(best.parley, base)}; vs markdown-it + DOMPurify: ${ratio(best.parley, best.markdownItDompurify)}.`,
]);
console.log(`markdown in Chromium: Parley ${fmt(best.parley)}/s, markdown-it ${fmt(best.markdownIt)}/s, ` +
  `markdown-it + DOMPurify ${fmt(best.markdownItDompurify)}/s`);
