import { chromium } from 'playwright-core';
import { startBenchServer } from './client/serve.mjs';
import { startParleyd, postComment, SITE } from './lib/parleyd.mjs';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
const N = Number(process.argv[2] || 1000);
const corpus = JSON.parse(readFileSync('bench/out/corpus.json', 'utf8'));
const page = `/bench/thread-${N}/`;
const cache = `/tmp/dbg-thread-${N}.json`;
let rec;
if (existsSync(cache) && !process.env.FRESH) rec = JSON.parse(readFileSync(cache, 'utf8'));
else {
  const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
  const server = await startParleyd(join(dir, 'p.db'));
  let prev = 0;
  for (let i = 0; i < N; i++) prev = (await postComment(server.url, page, corpus[i], i % 4 === 3 ? prev : 0)).id;
  const parley = await (await fetch(`${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(page)}`)).text();
  const early = await (await fetch(`${server.url}/embed/thread?site=${SITE}&page=${encodeURIComponent(page)}&title=Parley&lang=en&parts=comments&format=early`)).text();
  await server.stop();
  rec = { parley, early, waline: '{}' };
  writeFileSync(cache, JSON.stringify(rec));
}
console.log('early bytes', rec.early.length, 'slices', rec.early.split('<!--parley-slice-->').map((s) => s.length));
const web = await startBenchServer(new Map([[page, rec]]));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (let run = 0; run < 3; run++) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const shown = tab.waitForEvent('console', { predicate: (m) => m.text() === 'bench: shown' });
  await browser.startTracing(tab, { categories: ['toplevel', '__metadata', 'devtools.timeline'] });
  await tab.goto(`${web.origin}/parley.html?page=${encodeURIComponent(page)}&count=${N}`);
  await shown;
  const t = await tab.evaluate(() => { const e = performance.getEntriesByType('resource').find((x) => x.name.includes('/embed/thread')); return { resp: e.responseEnd, shown: window.benchShownAt, first: window.benchFirstAt }; });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const ev = trace.traceEvents;
  const main = new Set(ev.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = ev.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`) && e.dur > 3000).map((e) => Math.round(e.dur / 1000));
  const names = {};
  for (const e of ev) if (e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && ['ParseHTML','UpdateLayoutTree','Layout','Paint','FunctionCall','TimerFire','EvaluateScript','v8.compile','PrePaint','Commit'].includes(e.name)) names[e.name] = (names[e.name] || 0) + e.dur / 1000;
  console.log(JSON.stringify({ render: Math.round(t.shown - t.resp), first: Math.round(t.first - t.resp), tasks: tasks.join(','), names: Object.fromEntries(Object.entries(names).map(([k, v]) => [k, Math.round(v)])) }));
  await ctx.close();
}
await browser.close(); await web.close();
