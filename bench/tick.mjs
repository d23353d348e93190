// Widget updates on a long thread: a 1,000-comment thread whose comments were all posted
// in the same minute, shown by the widget in headless Chromium; then the clock moves a
// minute on, the widget's tick rewords every date ("just now" -> "a minute ago"), and the
// page's long animation frames (over 50 ms, the browser's own threshold for a frame that
// holds input back) are recorded. Each of the 1,000 patches finds its element by key
// (web/host.js), so this is where the cost of finding one grows with the thread.
//
//   node bench/tick.mjs [--quick] [--runs 5]
import { launch } from './client/measure.mjs';
import { record } from './client/record.mjs';
import { startBenchServer } from './client/serve.mjs';
import { QUICK, chromiumVersion, fail, fmt, machineLine, option, writeSection } from './lib/report.mjs';

const SECTION = '## Widget updates on a long thread';
const COUNT = QUICK ? 10 : 1000;
const RUNS = Number(option('--runs', QUICK ? 1 : 5));
const WIDGET = '[data-parley-key=root] form.parley-form';

const r = await record(COUNT);
const web = await startBenchServer(new Map([[r.page, r]]));
const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    // The page's clock is playwright's from the start, so the tick can be brought on.
    await tab.clock.install();
    await tab.goto(`${web.origin}/parley.html?page=${encodeURIComponent(r.page)}&count=${COUNT}`);
    await tab.waitForSelector(WIDGET, { state: 'attached', timeout: 60_000 });
    await tab.evaluate(() => {
      window.benchFrames = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.benchFrames.push(e.duration)))
        .observe({ type: 'long-animation-frame' });
    });
    const dates = tab.locator('time.parley-date');
    if ((await dates.count()) !== COUNT) fail(`${await dates.count()} dates shown, not ${COUNT}`);
    await tab.clock.runFor(61_000);
    // Every date reworded: the tick's patches have all been applied.
    await tab.waitForFunction((n) => [...document.querySelectorAll('time.parley-date')]
      .filter((t) => t.textContent === 'a minute ago').length === n, COUNT);
    await tab.waitForTimeout(200); // the frame after the patches ends and is reported
    const frames = await tab.evaluate(() => window.benchFrames);
    runs.push({ longest: Math.max(0, ...frames), count: frames.length });
    await context.close();
  }
} finally {
  await browser.close();
  await web.close();
}
const longest = runs.map((x) => x.longest).sort((a, b) => a - b)[runs.length >> 1];
const lines = [
  machineLine([chromiumVersion()]),
  `${fmt(COUNT)} comments posted in the same minute, shown by the widget; the clock moved on a minute, so the`,
  'tick rewords all their dates in one task. Per run (fresh context), the longest animation frame',
  'over 50 ms while it does. Produced by `node bench/tick.mjs`.',
  '',
  '| Run | Longest frame | Long frames |',
  '|---:|---:|---:|',
  ...runs.map((x, i) => `| ${i + 1} | ${x.count ? `${fmt(x.longest, 1)} ms` : 'none'} | ${x.count} |`),
];
writeSection(SECTION, lines);
console.log(`tick: ${fmt(COUNT)} dates reworded, longest frame over 50 ms: ${longest > 0 ? `${fmt(longest, 1)} ms` : 'none'} (median of ${RUNS})`);
