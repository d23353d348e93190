// Bytes a reader downloads before the first comment can show: the code and CSS a site
// owner's script tag pulls in, gzip -9 and brotli -11, Parley against the peers' published
// npm packages (the files their docs tell site owners to load). Parley's message catalog
// (one language, from parleyd) counts; the thread's API response is left out for every
// system alike: it is the same data for all of them.
//
//   node bench/size.mjs [--quick]        (PARLEY_ASSETS: Parley's dist, default build/dist)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST, ROOT, fmt, machineLine, packageVersion, ratio, requireFile, writeSection } from './lib/report.mjs';

const SECTION = '## Download size';
const GOAL_TOTAL_GZIP = 30 * 1024; // issue 7: everything under 30 KB gzip
const GOAL_LOADER_GZIP = 2 * 1024; // and the loader under 2 KB

const nm = (pkg, file) => join(ROOT, 'node_modules', pkg, file);
const systems = [
  {
    name: 'Parley',
    version: packageVersion('..').replace('.. ', 'parley '),
    files: ['parley.js', 'parley-widget.js', 'parley-widget.wasm', 'parley.css'].map((f) => join(DIST, f)),
    // The reader's one catalog, fetched beside the wasm (GET /api/i18n; English here).
    responses: [{ file: 'api/i18n?lang=en', data: Buffer.from(JSON.stringify(
      { ...JSON.parse(readFileSync(join(ROOT, 'i18n', 'en.json'), 'utf8')), '@lang': 'en' })) }],
  },
  { name: '@waline/client', version: packageVersion('@waline/client'),
    files: [nm('@waline/client', 'dist/waline.js'), nm('@waline/client', 'dist/waline.css')] },
  { name: 'artalk', version: packageVersion('artalk'),
    files: [nm('artalk', 'dist/Artalk.js'), nm('artalk', 'dist/Artalk.css')] },
  { name: 'shareon (share buttons only)', version: packageVersion('shareon'),
    files: [nm('shareon', 'dist/shareon.iife.js'), nm('shareon', 'dist/shareon.min.css')] },
];

function measure(path) {
  requireFile(path, 'run scripts/build.sh (Parley) or npm ci (the peers)');
  return measureData(path.slice(path.lastIndexOf('/') + 1), readFileSync(path));
}

function measureData(file, data) {
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = systems.map((s) => {
  const files = [...s.files.map(measure), ...(s.responses ?? []).map((r) => measureData(r.file, r.data))];
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  return { ...s, files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
});
const parley = rows[0];
const kb = (n) => `${fmt(n / 1024, 1)} KB`;

const lines = [
  machineLine(),
  'Sum of the files each system loads before it can show a comment (JS, WebAssembly, CSS),',
  'compressed the way a server would send them. Produced by `node bench/size.mjs`.',
  '',
  '| System | Files | Raw | gzip -9 | brotli -11 | Size vs Parley (gzip) |',
  '|---|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.version} | ${r.files.map((f) => f.file).join(', ')} | ${kb(r.raw)} | ` +
    `${kb(r.gzip)} | ${kb(r.brotli)} | ${r === parley ? '1.0x' : ratio(r.gzip, parley.gzip)} |`),
  '',
  'Parley per file:',
  '',
  '| File | Raw | gzip -9 | brotli -11 |',
  '|---|---:|---:|---:|',
  ...parley.files.map((f) => `| ${f.file} | ${fmt(f.raw)} | ${fmt(f.gzip)} | ${fmt(f.brotli)} |`),
  '',
  `Goals: loader under ${kb(GOAL_LOADER_GZIP)} gzip (${parley.files[0].gzip <= GOAL_LOADER_GZIP ? 'met' : 'missed'}), ` +
    `everything under ${kb(GOAL_TOTAL_GZIP)} gzip (${parley.gzip <= GOAL_TOTAL_GZIP ? 'met' : `missed: ${kb(parley.gzip)}`}).`,
];
writeSection(SECTION, lines);
const others = rows.slice(1).map((r) => `${r.name} ${kb(r.gzip)}`).join(', ');
console.log(`size: Parley ${kb(parley.gzip)} gzip / ${kb(parley.brotli)} brotli; ${others}`);
