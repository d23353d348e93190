// Client render: a recorded 100- and 1,000-comment thread to comments in the DOM, in
// headless Chromium, Parley's widget against Waline's client on the same comments.
// parleyd stores and renders the thread once; its response is recorded, and converted
// to Waline's response format with the very same comment HTML. A local server then
// serves both systems' files and recorded responses (bench/client/serve.mjs).
//
// Figures per run, all from the page's own clock (bench/client/probe.js): navigation
// start to all comments in the DOM (includes fetching and compiling the code); the API
// response's arrival to all comments in the DOM (the rendering alone), to the first one
// in the DOM, and to the first one painted; and navigation start to the widget running.
// Each run is a fresh browser context.
//
//   node bench/client-render.mjs [--quick] [--sizes 100,1000] [--runs 11] [--trace DIR]
//
// --trace DIR also records one more Parley run per size as a Chrome trace
// (DIR/parley-N.json, for chrome://tracing or the Performance panel) and measures nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startBenchServer } from './client/serve.mjs';
import { SITE, postComment, startParleyd } from './lib/parleyd.mjs';
import { OUT, QUICK, ROOT, chromiumVersion, fail, fmt, machineLine, packageVersion, percentile, ratio, writeSection } from './lib/report.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SECTION = '## Client render';
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = option('--sizes', QUICK ? '10' : '100,1000').split(',').map(Number);
const RUNS = Number(option('--runs', QUICK ? 1 : 11)); // odd, so the median is one run
const TRACE = option('--trace', '');
const ms = (n) => fmt(n, 1);
const TIMEOUT_MS = 60_000;
const GOALS = { 100: 30, 1000: 150 }; // ms, issue 7; and at least 20x faster than Waline
const GOAL_RATIO = 20;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CORPUS = join(OUT, 'corpus.json');
if (!existsSync(CORPUS)) execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-corpus.mjs')], { stdio: 'inherit' });
const corpus = JSON.parse(readFileSync(CORPUS, 'utf8'));

// Waline's list response: top-level comments, newest first, each with all its
// descendants flattened into `children` (pid: parent, rid: root), as @waline/vercel sends.
function toWaline(thread) {
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  const rootOf = (c) => (c.parent ? rootOf(byId.get(c.parent)) : c);
  const card = (c) => ({
    objectId: c.id, comment: c.html, orig: '', nick: c.author, link: c.website, avatar: '',
    mail: '', type: 'guest', status: 'approved', like: 0, sticky: 0, time: c.created * 1000,
    insertedAt: new Date(c.created * 1000).toISOString(),
  });
  const roots = thread.comments.filter((c) => !c.parent).map((c) => ({ ...card(c), children: [] }));
  const rootCards = new Map(roots.map((r) => [r.objectId, r]));
  for (const c of thread.comments.filter((x) => x.parent)) {
    rootCards.get(rootOf(c).id).children.push({
      ...card(c), pid: c.parent, rid: rootOf(c).id,
      reply_user: { nick: byId.get(c.parent).author, link: byId.get(c.parent).website, avatar: '' },
    });
  }
  roots.reverse();
  return JSON.stringify({ errno: 0, errmsg: '', data: { page: 1, totalPages: 1, pageSize: thread.count, count: thread.count, data: roots } });
}

// Stores `count` comments from the corpus on one page through parleyd's API (every
// fourth a reply to the comment before it) and returns both recorded responses.
async function record(count) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-client-'));
  const server = await startParleyd(join(dir, 'parley.db'));
  const page = `/bench/thread-${count}/`;
  try {
    let previous = 0;
    for (let i = 0; i < count; i += 1) {
      previous = (await postComment(server.url, page, corpus[i], i % 4 === 3 ? previous : 0)).id;
    }
    const parley = await (await fetch(`${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(page)}`)).text();
    const thread = JSON.parse(parley);
    if (thread.count !== count) fail(`recorded ${thread.count} comments, not ${count}`);
    // What the loader fetches first (HTML first): the page's title and language are the
    // bench page's, as the loader sends them.
    const early = await (await fetch(`${server.url}/embed/thread?site=${SITE}&page=${encodeURIComponent(page)}` +
      '&title=Parley&lang=en&parts=comments&format=early')).text();
    if (!early.includes('class="parley-data"')) fail('parleyd sent no early rendering');
    return { page, parley, early, waline: toWaline(thread) };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(browser, origin, system, page, count, trace = '') {
  const context = await browser.newContext();
  // Nothing may leave the machine: anything not for the local server is refused.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    const shown = tab.waitForEvent('console', { predicate: (m) => m.text() === 'bench: shown', timeout: TIMEOUT_MS });
    if (trace) await browser.startTracing(tab, { path: trace, screenshots: false });
    await tab.goto(`${origin}/${system}.html?page=${encodeURIComponent(page)}&count=${count}`);
    await shown;
    if (trace) await browser.stopTracing();
    const t = await tab.evaluate(() => {
      // Parley's thread arrives as the loader's early rendering; Waline's as its JSON.
      const api = performance.getEntriesByType('resource').find((e) =>
        e.name.includes('/embed/thread') || e.name.includes('/api/comment'));
      return { first: window.benchFirstAt, painted: window.benchPaintedAt, shown: window.benchShownAt, ready: window.benchReadyAt, response: api.responseEnd };
    });
    if (errors.length) fail(`${system}: console errors: ${errors.join('; ')}`);
    return { total: t.shown, render: t.shown - t.response, first: t.first - t.response, painted: t.painted - t.response,
      ready: t.ready };
  } finally {
    await context.close();
  }
}

const recorded = new Map();
for (const count of SIZES) {
  const r = await record(count);
  recorded.set(r.page, r);
}
const web = await startBenchServer(recorded);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results = [];
try {
  if (TRACE) {
    mkdirSync(TRACE, { recursive: true });
    for (const [page, { parley }] of recorded) {
      const count = JSON.parse(parley).count;
      const file = join(TRACE, `parley-${count}.json`);
      const t = await run(browser, web.origin, 'parley', page, count, file);
      console.log(`${file}: ${count} comments, ${ms(t.render)} ms from the response to the DOM`);
    }
  }
  for (const [page, { parley }] of TRACE ? [] : recorded) {
    const count = JSON.parse(parley).count;
    const samples = { parley: [], waline: [] };
    // Interleaved, so a burst of load on the shared machine hits both systems alike.
    for (let i = 0; i < RUNS; i += 1) {
      for (const system of ['parley', 'waline']) samples[system].push(await run(browser, web.origin, system, page, count));
    }
    const med = (xs, k) => percentile(xs.map((x) => x[k]), 50);
    const summary = (xs) => ({ total: med(xs, 'total'), render: med(xs, 'render'), first: med(xs, 'first'),
      painted: med(xs, 'painted'), ready: med(xs, 'ready') });
    results.push({ count, parley: summary(samples.parley), waline: summary(samples.waline) });
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
  'server. Produced by `node bench/client-render.mjs`. Parley shows HTML first: its loader',
  'fetches parleyd\'s early rendering of the thread (`/embed/thread?format=early`) beside the',
  'widget\'s code and inserts it as it arrives (a long thread: the first 100 comments at once,',
  'painted before the rest is parsed a slice a task, so that no task of the page is long, and',
  'added together); the widget adopts those nodes when it has loaded. "Response" is that',
  'rendering\'s arrival for Parley and the JSON\'s for Waline; "first in the DOM" is the first',
  'comment\'s insertion; "first painted" is the end of the main thread\'s work on the first frame',
  'that shows it (bench/client/probe.js); "widget running" is the widget\'s own form in the',
  'mount. Waline renders all at once.',
  '',
  '| Comments | Parley: response to DOM | Waline: response to DOM | Parley faster by | Parley: navigation to DOM | Waline: navigation to DOM | Parley faster by |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${fmt(r.count)} | ${ms(r.parley.render)} ms | ${ms(r.waline.render)} ms | ` +
    `${ratio(r.waline.render, r.parley.render)} | ${ms(r.parley.total)} ms | ${ms(r.waline.total)} ms | ${ratio(r.waline.total, r.parley.total)} |`),
  '',
  '| Comments | Parley: response to first comment in the DOM | Waline: the same | Parley: response to first comment painted | Waline: the same | Parley faster by (painted) | Parley: navigation to widget running | Waline: navigation to DOM |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${fmt(r.count)} | ${ms(r.parley.first)} ms | ${ms(r.waline.first)} ms | ` +
    `${ms(r.parley.painted)} ms | ${ms(r.waline.painted)} ms | ${ratio(r.waline.painted, r.parley.painted)} | ` +
    `${ms(r.parley.ready)} ms | ${ms(r.waline.total)} ms |`),
  '',
  ...results.filter((r) => GOALS[r.count]).map((r) => `Goal for ${fmt(r.count)} comments: under ${GOALS[r.count]} ms from the ` +
    `response (${r.parley.render < GOALS[r.count] ? 'met' : 'missed'}: ${ms(r.parley.render)} ms) and ` +
    `${GOAL_RATIO}x faster than Waline (${r.waline.render / r.parley.render >= GOAL_RATIO ? 'met' : 'missed'}: ` +
    `${ratio(r.waline.render, r.parley.render)}).`),
];
writeSection(SECTION, lines);
console.log(`client render: ${results.map((r) => `${r.count} comments Parley ${ms(r.parley.render)} ms vs Waline ${ms(r.waline.render)} ms ` +
  `(first painted ${ms(r.parley.painted)} vs ${ms(r.waline.painted)} ms)`).join('; ')}`);
