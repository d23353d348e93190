// Bytes a reader downloads before the first comment can show: the code and CSS a site
// owner's script tag pulls in, gzip -9 and brotli -11, Parley against the peers' published
// npm packages (the files their docs tell site owners to load). Parley shows HTML first:
// its loader and CSS, then parleyd's early rendering of the thread, are all a reader needs
// before the comments show; the widget (glue, wasm, catalog) follows. The thread's data
// is measured apart, 100 comments of the corpus: parleyd's early rendering (HTML + the
// data the widget adopts) against the same comments as Parley's and Waline's JSON.
//
//   node bench/size.mjs [--quick]        (PARLEY_ASSETS: Parley's dist, default build/dist)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SITE, postComment, startParleyd } from './lib/parleyd.mjs';
import { DIST, OUT, QUICK, ROOT, fmt, machineLine, packageVersion, ratio, requireFile, writeSection } from './lib/report.mjs';

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

// parleyd's answers for one thread of `count` corpus comments (every fourth a reply).
async function thread(count) {
  const corpusFile = join(OUT, 'corpus.json');
  if (!existsSync(corpusFile)) execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-corpus.mjs')], { stdio: 'inherit' });
  const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-size-'));
  const server = await startParleyd(join(dir, 'parley.db'));
  const page = '/bench/size/';
  try {
    let previous = 0;
    for (let i = 0; i < count; i += 1) {
      previous = (await postComment(server.url, page, corpus[i], i % 4 === 3 ? previous : 0)).id;
    }
    const q = `site=${SITE}&page=${encodeURIComponent(page)}`;
    const get = async (path) => Buffer.from(await (await fetch(`${server.url}${path}`)).arrayBuffer());
    return {
      json: await get(`/api/comments?${q}`),
      early: await get(`/embed/thread?${q}&title=Parley&lang=en&format=early`),
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = systems.map((s) => {
  const files = [...s.files.map(measure), ...(s.responses ?? []).map((r) => measureData(r.file, r.data))];
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  return { ...s, files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
});
const parley = rows[0];
const kb = (n) => `${fmt(n / 1024, 1)} KB`;
// HTML first: what shows the comments before the widget's code arrives.
const first = parley.files.filter((f) => f.file === 'parley.js' || f.file === 'parley.css');
const firstGzip = first.reduce((n, f) => n + f.gzip, 0);
const THREAD = QUICK ? 10 : 100;
const data = await thread(THREAD);
const early = measureData('early rendering', data.early);
const json = measureData('JSON', data.json);

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
  '',
  `Before the first comment shows, Parley (HTML first) needs only ${first.map((f) => f.file).join(' + ')}: ` +
    `${kb(firstGzip)} gzip of code, then the thread as parleyd's early rendering; the widget's ` +
    `${kb(parley.gzip - firstGzip)} follow while the comments are already on screen.`,
  '',
  `The thread itself, ${THREAD} comments of the corpus (every fourth a reply), as parleyd sends it:`,
  '',
  '| Form | Raw | gzip -9 | brotli -11 |',
  '|---|---:|---:|---:|',
  `| early rendering (\`/embed/thread?format=early\`: the section's HTML + the data the widget adopts) | ${fmt(early.raw)} | ${fmt(early.gzip)} | ${fmt(early.brotli)} |`,
  `| JSON (\`GET /api/comments\`, what the widget fetches without it) | ${fmt(json.raw)} | ${fmt(json.gzip)} | ${fmt(json.brotli)} |`,
  '',
  `Bytes before the first of ${THREAD} comments shows: Parley ${kb(firstGzip + early.gzip)} gzip ` +
    `(loader, CSS, early rendering); Waline ${kb(rows[1].gzip + json.gzip)}, counting its code and CSS and, ` +
    `for its list, the size of Parley's JSON of the same comments (${ratio(rows[1].gzip + json.gzip, firstGzip + early.gzip)}).`,
  '',
  `Goals: loader under ${kb(GOAL_LOADER_GZIP)} gzip (${parley.files[0].gzip <= GOAL_LOADER_GZIP ? 'met' : 'missed'}), ` +
    `everything before the first comment under ${kb(GOAL_TOTAL_GZIP)} gzip (` +
    `${firstGzip + early.gzip <= GOAL_TOTAL_GZIP ? 'met' : 'missed'}: ${kb(firstGzip + early.gzip)} with ${THREAD} comments' early rendering; ` +
    `the whole widget, to post, reply or like, is ${kb(parley.gzip)}).`,
];
writeSection(SECTION, lines);
const others = rows.slice(1).map((r) => `${r.name} ${kb(r.gzip)}`).join(', ');
console.log(`size: Parley ${kb(firstGzip + early.gzip)} gzip before the first comment (${kb(parley.gzip)} the whole widget); ${others}`);
