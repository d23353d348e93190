// One page load of a client benchmark, in a fresh browser context (cold cache), timed by
// the page's own clock (bench/client/probe.js).
import { chromium } from 'playwright-core';
import { fail } from '../lib/report.mjs';

const TIMEOUT_MS = 60_000;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium (or $CHROMIUM), headless. */
export const launch = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

// Chromium's network emulation, for a reader who is not on loopback (DevTools' presets
// are near these): round trip in ms, throughput in bits/s.
export const NETWORKS = {
  '4g': { latency: 40, bits: 9e6 },
  '3g': { latency: 150, bits: 1.6e6 },
};

/**
 * Loads `system`.html (bench/client/serve.mjs) showing `count` comments of `page`.
 * Returns, in ms: navigation to all comments in the DOM (total); the thread's response
 * to all in the DOM (render), to the first in the DOM (first), to the first painted
 * (painted); navigation to the widget running (ready), to the first in the DOM (firstAt)
 * and to the first painted (paintedAt); the longest task of the load, 0 when none
 * took 50 ms (longest); and the time of each of the page's
 * performance.mark()s from the response (marks: name -> ms; the last of a name).
 * Options: `trace`, a file for a Chrome trace of the load; `network`, a NETWORKS key.
 */
export async function measure(browser, origin, system, page, count, { trace = '', network = '' } = {}) {
  const context = await browser.newContext();
  // Nothing may leave the machine: anything not for the local server is refused.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const tab = await context.newPage();
  if (network) {
    const { latency, bits } = NETWORKS[network] ?? fail(`unknown network ${network}`);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency, downloadThroughput: bits / 8, uploadThroughput: bits / 8 });
  }
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    const shown = tab.waitForEvent('console', { predicate: (m) => m.text() === 'bench: shown', timeout: TIMEOUT_MS });
    if (trace) await browser.startTracing(tab, { path: trace, screenshots: false });
    await tab.goto(`${origin}/${system}.html?page=${encodeURIComponent(page)}&count=${count}`);
    await shown;
    if (trace) await browser.stopTracing();
    const t = await tab.evaluate(async () => {
      // Parley's thread arrives as the loader's early rendering; Waline's as its JSON.
      const api = performance.getEntriesByType('resource').find((e) =>
        e.name.includes('/embed/thread') || e.name.includes('/api/comment'));
      const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]);
      // The longest task of the load: input waits for it. The Long Tasks API reports
      // those over 50 ms, after they end; none at all means every task was shorter. (Not
      // the longest frame: a long thread's slices are short tasks in a row on purpose,
      // with input running between them.)
      const longest = await new Promise((done) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          done(Math.max(...list.getEntries().map((e) => e.duration)));
        }).observe({ type: 'longtask', buffered: true });
        setTimeout(() => done(0), 100);
      });
      return { first: window.benchFirstAt, painted: window.benchPaintedAt, shown: window.benchShownAt, ready: window.benchReadyAt,
        response: api.responseEnd, marks, longest };
    });
    if (errors.length) fail(`${system}: console errors: ${errors.join('; ')}`);
    // The page's own performance.mark()s (an instrumented build's steps), from the response.
    const marks = Object.fromEntries(t.marks.map(([name, at]) => [name, at - t.response]));
    return { total: t.shown, render: t.shown - t.response, first: t.first - t.response, painted: t.painted - t.response,
      ready: t.ready, firstAt: t.first, paintedAt: t.painted, longest: t.longest, marks };
  } finally {
    await context.close();
  }
}
