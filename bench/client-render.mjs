// Client render: a recorded 100- and 1,000-comment thread to comments in the DOM, in
// headless Chromium, Parley's widget against Waline's client on the same comments.
// parleyd stores and renders the thread once; its response is recorded, and converted
// to Waline's response format with the very same comment HTML (bench/client/record.mjs).
// A local server then serves both systems' files and recorded responses
// (bench/client/serve.mjs).
//
// Figures per run, all from the page's own clock (bench/client/probe.js): navigation
// start to all comments in the DOM (includes fetching and compiling the code); the API
// response's arrival to all comments in the DOM (the rendering alone), to the first one
// in the DOM, and to the first one painted; and navigation start to the widget running.
// Each run is a fresh browser context. Then the same over Chromium's emulation of a 4G
// link (bench/client/measure.mjs), where the bytes' time on the wire counts too.
//
//   node bench/client-render.mjs [--quick] [--sizes 100,1000] [--runs 11] [--network-runs 7]
//                                [--trace DIR]
//
// --trace DIR also records one more Parley run per size as a Chrome trace
// (DIR/parley-N.json, for chrome://tracing or the Performance panel) and measures nothing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORKS, launch, measure } from './client/measure.mjs';
import { record } from './client/record.mjs';
import { startBenchServer } from './client/serve.mjs';
import { QUICK, chromiumVersion, fmt, option, machineLine, packageVersion, percentile, ratio, writeSection } from './lib/report.mjs';

const SECTION = '## Client render';
const SIZES = option('--sizes', QUICK ? '10' : '100,1000').split(',').map(Number);
const RUNS = Number(option('--runs', QUICK ? 1 : 11)); // odd, so the median is one run
const TRACE = option('--trace', '');
const NETWORK = '4g';
const NETWORK_RUNS = Number(option('--network-runs', QUICK ? 1 : 7));
const ms = (n) => fmt(n, 1);
// The Long Tasks API sees only tasks over 50 ms.
const longest = (n) => (n > 0 ? `${ms(n)} ms` : 'under 50 ms');
const GOALS = { 100: 30, 1000: 150 }; // ms, issue 7; and at least 20x faster than Waline
const GOAL_RATIO = 20;

// Each system's median of every figure measure() gives, over `runs` loads of `page`,
// interleaved, so a burst of load on the shared machine hits both systems alike.
async function medians(page, count, runs, options = {}, systems = ['parley', 'waline']) {
  const samples = Object.fromEntries(systems.map((system) => [system, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const system of systems) samples[system].push(await measure(browser, web.origin, system, page, count, options));
  }
  const keys = ['total', 'render', 'first', 'painted', 'ready', 'paintedAt', 'longest'];
  const median = (xs) => Object.fromEntries(keys.map((k) => [k, percentile(xs.map((x) => x[k]), 50)]));
  return Object.fromEntries(systems.map((system) => [system, median(samples[system])]));
}

const recorded = new Map();
for (const count of SIZES) {
  const r = await record(count);
  recorded.set(r.page, r);
}
const web = await startBenchServer(recorded);
const browser = await launch();
const results = [];
const networked = [];
try {
  if (TRACE) {
    mkdirSync(TRACE, { recursive: true });
    for (const [page, { parley }] of recorded) {
      const count = JSON.parse(parley).count;
      const file = join(TRACE, `parley-${count}.json`);
      const t = await measure(browser, web.origin, 'parley', page, count, { trace: file });
      console.log(`${file}: ${count} comments, ${ms(t.render)} ms from the response to the DOM`);
    }
  }
  for (const [page, { parley }] of TRACE ? [] : recorded) {
    const count = JSON.parse(parley).count;
    results.push({ count, ...(await medians(page, count, RUNS)) });
    // The floors: each response read into a string, nothing rendered; and Parley's set
    // as innerHTML in one go.
    Object.assign(results.at(-1), await medians(page, 1, RUNS, {}, ['floor-parley', 'floor-waline']),
      await medians(page, count, RUNS, {}, ['floor-parley-html']));
  }
  // The same over a reader's network: the bytes' time on the wire now counts, and both
  // systems' first comments wait for their code and data alike.
  for (const [page, { parley }] of TRACE ? [] : recorded) {
    const count = JSON.parse(parley).count;
    networked.push({ count, ...(await medians(page, count, NETWORK_RUNS, { network: NETWORK })) });
  }
} finally {
  await browser.close();
  await web.close();
}
if (TRACE) process.exit(0);

const lines = [
  machineLine([chromiumVersion(), packageVersion('@waline/client')]),
  `Median of ${RUNS} runs, each in a fresh browser context (cold cache), Parley and Waline interleaved.`,
  'The same comments (the first N of the Markdown corpus, every fourth a reply), rendered',
  'to HTML once by parleyd, served to both clients as recorded responses from one local',
  'server, gzipped as parleyd sends them. First on loopback, then over an emulated mobile',
  'network. Produced by `node bench/client-render.mjs`. Parley shows HTML first: its loader',
  'fetches parleyd\'s early rendering of the thread (`/embed/thread?format=early`) beside the',
  'widget\'s code and inserts it as it arrives (a long thread: the first 100 comments at once,',
  'painted before the rest is parsed a slice a task, so that no task of the page is long, and',
  'added together); the widget adopts those nodes when it has loaded. "Response" is that',
  'rendering\'s arrival for Parley and the JSON\'s for Waline; "first in the DOM" is the first',
  'comment\'s insertion; "first painted" is the end of the main thread\'s work on the first frame',
  'that shows it (bench/client/probe.js); "widget running" is the widget\'s own form in the',
  'mount; "longest task" is the longest the page\'s main thread was busy at a stretch during',
  'the load (the Long Tasks API, which sees tasks over 50 ms; a reader\'s click waits for it).',
  'Waline renders all at once.',
  '',
  '| Comments | Parley: response to DOM | Waline: response to DOM | Parley faster by | Parley: navigation to DOM | Waline: navigation to DOM | Parley faster by |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${fmt(r.count)} | ${ms(r.parley.render)} ms | ${ms(r.waline.render)} ms | ` +
    `${ratio(r.waline.render, r.parley.render)} | ${ms(r.parley.total)} ms | ${ms(r.waline.total)} ms | ${ratio(r.waline.total, r.parley.total)} |`),
  '',
  '| Comments | Parley: response to first comment in the DOM | Waline: the same | Parley: response to first comment painted | Waline: the same | Parley faster by (painted) | Parley: navigation to widget running | Waline: navigation to DOM | Parley: longest task | Waline: the same |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${fmt(r.count)} | ${ms(r.parley.first)} ms | ${ms(r.waline.first)} ms | ` +
    `${ms(r.parley.painted)} ms | ${ms(r.waline.painted)} ms | ${ratio(r.waline.painted, r.parley.painted)} | ` +
    `${ms(r.parley.ready)} ms | ${ms(r.waline.total)} ms | ${longest(r.parley.longest)} | ${longest(r.waline.longest)} |`),
  '',
  'The floors (bench/client/floor.js): a page that fetches the same response, reads it into a',
  'string and adds one element, rendering nothing: no client can have the comments in the DOM',
  'sooner after the response than this page has its element. And a page that sets Parley\'s',
  'early rendering as one element\'s innerHTML in one go, the quickest way a browser turns that',
  'HTML into DOM (it paints nothing until all of it is parsed).',
  '',
  '| Comments | Parley\'s early rendering, read: response to DOM | Waline\'s JSON, read: the same | Parley\'s early rendering as one innerHTML: the same | Parley\'s loader (above) | 20x faster than Waline\'s render would be |',
  '|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${fmt(r.count)} | ${ms(r['floor-parley'].render)} ms | ${ms(r['floor-waline'].render)} ms | ` +
    `${ms(r['floor-parley-html'].render)} ms | ${ms(r.parley.render)} ms | ${ms(r.waline.render / GOAL_RATIO)} ms |`),
  '',
  `Over ${NETWORK.toUpperCase()} as Chromium emulates it (${NETWORKS[NETWORK].latency} ms round trip, ` +
    `${NETWORKS[NETWORK].bits / 1e6} Mbit/s; every response gzipped), median of ${NETWORK_RUNS} runs:`,
  '',
  '| Comments | Parley: navigation to first comment painted | Waline: the same | Parley faster by | Parley: navigation to all in the DOM | Waline: the same | Parley faster by | Parley: response to DOM | Waline: the same | Parley: navigation to widget running |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...networked.map((r) => `| ${fmt(r.count)} | ${ms(r.parley.paintedAt)} ms | ${ms(r.waline.paintedAt)} ms | ` +
    `${ratio(r.waline.paintedAt, r.parley.paintedAt)} | ${ms(r.parley.total)} ms | ${ms(r.waline.total)} ms | ` +
    `${ratio(r.waline.total, r.parley.total)} | ${ms(r.parley.render)} ms | ${ms(r.waline.render)} ms | ${ms(r.parley.ready)} ms |`),
  '',
  ...results.filter((r) => GOALS[r.count]).map((r) => `Goal for ${fmt(r.count)} comments: under ${GOALS[r.count]} ms from the ` +
    `response (${r.parley.render < GOALS[r.count] ? 'met' : 'missed'}: ${ms(r.parley.render)} ms) and ` +
    `${GOAL_RATIO}x faster than Waline (${r.waline.render / r.parley.render >= GOAL_RATIO ? 'met' : 'missed'}: ` +
    `${ratio(r.waline.render, r.parley.render)}; a page that only reads Waline's own response is ` +
    `${ratio(r.waline.render, r['floor-waline'].render)}).`),
];
writeSection(SECTION, lines);
console.log(`client render: ${results.map((r) => `${r.count} comments Parley ${ms(r.parley.render)} ms vs Waline ${ms(r.waline.render)} ms ` +
  `(first painted ${ms(r.parley.painted)} vs ${ms(r.waline.painted)} ms)`).join('; ')}`);
