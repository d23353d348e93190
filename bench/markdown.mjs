// Markdown renderer benchmark: Parley (native and WebAssembly) against markdown-it
// on the same 10,000-comment corpus, in comments per CPU-second. Writes the table to
// bench/RESULTS.md under "## Markdown renderer" and prints it.
//
//   node bench/markdown.mjs [--check]
//
// Binaries come from Release builds (no sanitizers); override their paths with
// PARLEY_BENCH_NATIVE and PARLEY_BENCH_WASM. --check exits non-zero when Parley misses
// its targets: WASM >= 3x and native >= 10x markdown-it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'bench', 'out', 'corpus.json');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const NATIVE = process.env.PARLEY_BENCH_NATIVE ?? join(ROOT, 'build/release-native/bench/markdown_bench');
const WASM = process.env.PARLEY_BENCH_WASM ?? join(ROOT, 'build/release-wasm/bench/markdown_bench.cjs');
const MIN_CPU_SECONDS = 2;
// Contenders run in interleaved rounds and each keeps its best round, so a burst of
// load on a shared machine penalises one round, not one contender.
const ROUNDS = 3;
const TARGET_WASM = 3;
const TARGET_NATIVE = 10;
const SECTION = '## Markdown renderer';

const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

// Same protocol as markdown_bench.cpp: one warm-up pass, then whole passes until
// MIN_CPU_SECONDS of CPU time have been spent.
function benchMarkdownIt(corpus, options) {
  const md = new MarkdownIt(options);
  for (const c of corpus) md.render(c);
  const start = process.cpuUsage();
  let passes = 0;
  do {
    for (const c of corpus) md.render(c);
    passes += 1;
  } while (cpuSeconds(start) < MIN_CPU_SECONDS);
  return { comments_per_second: (corpus.length * passes) / cpuSeconds(start) };
}

function runBinary(command, args) {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (e) {
    console.error(`Parley: ${[command, ...args].join(' ')} failed:\n${String(e.stderr ?? e).slice(0, 2000)}`);
    process.exit(1);
  }
}

function requireFile(path, hint) {
  if (!existsSync(path)) {
    console.error(`Parley: ${path} is missing; ${hint}`);
    process.exit(2);
  }
}

if (!existsSync(CORPUS)) execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-corpus.mjs')], { stdio: 'inherit' });
requireFile(NATIVE, 'build it: cmake -S . -B build/release-native -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release-native --target markdown_bench');
requireFile(WASM, 'build it: emcmake cmake -S . -B build/release-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release-wasm --target markdown_bench');

const corpus = JSON.parse(readFileSync(CORPUS, 'utf8'));
const bytes = corpus.reduce((n, c) => n + Buffer.byteLength(c), 0);

const best = { mdit: 0, mditLinkify: 0, native: 0, wasm: 0 };
let nativeStats;
for (let round = 0; round < ROUNDS; round += 1) {
  best.mdit = Math.max(best.mdit, benchMarkdownIt(corpus, { html: false }).comments_per_second);
  best.mditLinkify = Math.max(best.mditLinkify, benchMarkdownIt(corpus, { html: false, linkify: true }).comments_per_second);
  nativeStats = runBinary(NATIVE, [CORPUS, String(MIN_CPU_SECONDS)]);
  best.native = Math.max(best.native, nativeStats.comments_per_second);
  best.wasm = Math.max(best.wasm, runBinary(process.execPath, [WASM, CORPUS, String(MIN_CPU_SECONDS)]).comments_per_second);
}
const mdit = { comments_per_second: best.mdit };
const mditLinkify = { comments_per_second: best.mditLinkify };
const native = { ...nativeStats, comments_per_second: best.native };
const wasm = { comments_per_second: best.wasm };

const base = mdit.comments_per_second;
const rows = [
  ['markdown-it 15 (html: false)', mdit.comments_per_second],
  ['markdown-it 15 (html: false, linkify: true)', mditLinkify.comments_per_second],
  ['Parley, WebAssembly under Node', wasm.comments_per_second],
  ['Parley, native', native.comments_per_second],
];
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const table = [
  SECTION,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} logical CPUs, ${os.platform()} ${os.release()}), Node ${process.version}.`,
  `Corpus: ${corpus.length.toLocaleString('en-US')} comments, ${(bytes / 1024 / 1024).toFixed(2)} MiB of Markdown (\`bench/gen-corpus.mjs\`, fixed seed).`,
  'Comments rendered per CPU-second of the rendering process (one warm-up pass, then',
  `whole passes for at least ${MIN_CPU_SECONDS} CPU-seconds; best of ${ROUNDS} interleaved rounds).`,
  'Produced by `node bench/markdown.mjs`.',
  '',
  '| Renderer | Comments / CPU-second | vs markdown-it |',
  '|---|---:|---:|',
  ...rows.map(([name, cps]) => `| ${name} | ${fmt(cps)} | ${(cps / base).toFixed(1)}x |`),
  '',
  `Targets: WebAssembly >= ${TARGET_WASM}x, native >= ${TARGET_NATIVE}x markdown-it (html: false).`,
  `Parley did ${native.ops_per_input_byte.toFixed(2)} units of work per input byte (\`Stats::ops\`).`,
  '',
].join('\n');

let doc = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n';
const start = doc.indexOf(SECTION);
if (start === -1) {
  doc = `${doc.trimEnd()}\n\n${table}`;
} else {
  const next = doc.indexOf('\n## ', start + SECTION.length);
  doc = doc.slice(0, start) + table + (next === -1 ? '' : doc.slice(next + 1));
}
writeFileSync(RESULTS, doc.endsWith('\n') ? doc : `${doc}\n`);
console.log(table);
console.log(`markdown: Parley native ${(native.comments_per_second / base).toFixed(1)}x, WebAssembly under Node ` +
  `${(wasm.comments_per_second / base).toFixed(1)}x markdown-it (${fmt(base)} comments/CPU-s)`);

if (process.argv.includes('--check')) {
  const wasmRatio = wasm.comments_per_second / base;
  const nativeRatio = native.comments_per_second / base;
  if (wasmRatio < TARGET_WASM || nativeRatio < TARGET_NATIVE) {
    console.error(`Parley: Markdown benchmark below target (wasm ${wasmRatio.toFixed(1)}x, native ${nativeRatio.toFixed(1)}x)`);
    process.exit(1);
  }
}
