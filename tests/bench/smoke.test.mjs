// Every benchmark once on tiny inputs (--quick), so none can rot between `npm run bench`
// runs. The figures are not checked (tests never assert speed); what is checked is that
// each script runs against the real builds and peers and prints its summary line, and
// that --quick leaves bench/RESULTS.md alone.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = path.join(REPO, 'bench/RESULTS.md');
// Benchmarks measure the release builds; the tests' ASan parleyd would only be slower.
const env = {
  ...process.env,
  PARLEYD: process.env.PARLEY_BENCH_PARLEYD ?? path.join(REPO, 'build/native/server/parleyd'),
  PARLEY_ASSETS: process.env.PARLEY_ASSETS ?? path.join(REPO, 'build/dist'),
  PARLEY_BENCH_WASM_DIR: process.env.PARLEY_BENCH_WASM_DIR ?? path.join(REPO, 'build/wasm/bench/browser'),
};
const TIMEOUT_MS = 180_000;

const cases = [
  ['size.mjs', /^size: Parley [\d.]+ KB gzip before the first comment \([\d.]+ KB the whole widget\); @waline\/client [\d.]+ KB/m],
  ['markdown-browser.mjs', /^markdown in Chromium: Parley [\d,]+\/s, markdown-it [\d,]+\/s, markdown-it \+ DOMPurify [\d,]+\/s$/m],
  ['loader-ab.mjs', /^loader a\/b, response to DOM: 10 comments current [\d.,]+ ms \(1\.00\)$/m],
  ['client-render.mjs', /^client render: 10 comments Parley [\d.,]+ ms vs Waline [\d.,]+ ms \(first painted [\d.,]+ vs [\d.,]+ ms\)$/m],
  ['tick.mjs', /^tick: 10 dates reworded, longest frame over 50 ms: (none|[\d.,]+ ms) \(median of 1\)$/m],
  ['server.mjs', /^server: read [\d,]+\/s p99 [\d.,]+ ms; counts [\d,]+\/s; write [\d,]+\/s; RSS [\d.]+ MB(; Waline read [\d.,]+\/s \([^)]*\))?$/m],
  ['scale.mjs', /^scale: p50 [\d.]+ ms at 10,000, [\d.]+ ms at 100,000: ratio [\d.]+$/m],
  ['sse.mjs', /^sse: (\| 50 \| 100 \||Not yet measured)/m],
];

for (const [script, summary] of cases) {
  test(`bench/${script} --quick runs and prints its summary`, async () => {
    const before = readFileSync(RESULTS, 'utf8');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(REPO, 'bench', script), '--quick'],
      { cwd: REPO, env, timeout: TIMEOUT_MS, maxBuffer: 16 << 20 });
    assert.match(stdout, summary);
    assert.equal(readFileSync(RESULTS, 'utf8'), before, '--quick must not touch bench/RESULTS.md');
  });
}
