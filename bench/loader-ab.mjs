// Loader A/B: judges a change to how Parley shows a thread (the loader, the widget, the
// stylesheet, or parleyd's early rendering) by loading the same recorded thread with two
// or more builds, interleaved run by run, each run in a fresh browser context. The
// machine's load changes by the minute; interleaving spreads it over the builds alike,
// and the quartiles show whether a difference stands out of the spread.
//
//   node bench/loader-ab.mjs --build before=DIR[:PARLEYD] --build after=DIR[:PARLEYD]
//        [--sizes 1000] [--runs 21] [--network 4g|3g] [--quick]
//
// DIR holds a build's assets (build/dist of a checkout: scripts/build.sh); PARLEYD is that
// build's release parleyd, when its early rendering differs too: that build then records
// its own thread (the others share one). Without --build, the current build alone.
// --network emulates a slower link in Chromium (measure.mjs).
// Figures as in bench/client-render.mjs; each build's difference from the first, with a
// bootstrap 95% interval (is it more than the noise?); and the medians of any
// performance.mark() a build's page sets (an instrumented loader's steps: web/parley.js
// with marks added), from the response. Prints tables; writes nothing to RESULTS.md.
import { launch, measure } from './client/measure.mjs';
import { record } from './client/record.mjs';
import { startBenchServer } from './client/serve.mjs';
import { DIST, PARLEYD, QUICK, fail, fmt, option, options, percentile } from './lib/report.mjs';

const SIZES = option('--sizes', QUICK ? '10' : '1000').split(',').map(Number);
const RUNS = Number(option('--runs', QUICK ? 1 : 21));
const NETWORK = option('--network', '');
const builds = (options('--build').length ? options('--build') : [`current=${DIST}`]).map((spec) => {
  const m = /^([\w.-]+)=([^:]+)(?::(.+))?$/.exec(spec) ?? fail(`--build ${spec}: expected NAME=DIR[:PARLEYD]`);
  return { name: m[1], dist: m[2], parleyd: m[3] };
});
if (new Set(builds.map((b) => b.name)).size !== builds.length) fail('each --build needs its own name');

// A build that names a parleyd records its own thread; the others share one, recorded with
// the first parleyd any build names (else the default build's).
const recordings = new Map();
for (const b of builds) {
  const key = b.parleyd ?? '';
  if (!recordings.has(key)) {
    const parleyd = b.parleyd ?? builds.find((x) => x.parleyd)?.parleyd ?? PARLEYD;
    const pages = new Map();
    for (const count of SIZES) {
      const r = await record(count, { parleyd, dist: b.dist });
      pages.set(r.page, { ...r, count });
    }
    recordings.set(key, pages);
  }
  b.pages = recordings.get(key);
  b.server = await startBenchServer(b.pages, b.dist);
}

const FIGURES = [['render', 'response to DOM'], ['first', 'to first in DOM'], ['painted', 'to first painted'],
  ['total', 'navigation to DOM'], ['ready', 'navigation to widget running'], ['longest', 'longest task']];
const ms = (n) => fmt(n, 1);

// A seeded generator (mulberry32), so the same samples give the same intervals.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** median(a) - median(b), and the 2.5th and 97.5th percentiles of it over resamples. */
function medianDifference(a, b, resamples = 2000) {
  const next = random(7);
  const draw = (xs) => xs.map(() => xs[Math.floor(next() * xs.length)]);
  const diffs = [];
  for (let i = 0; i < resamples; i += 1) diffs.push(percentile(draw(a), 50) - percentile(draw(b), 50));
  return { median: percentile(a, 50) - percentile(b, 50), low: percentile(diffs, 2.5), high: percentile(diffs, 97.5) };
}
const spread = (xs) => `${ms(percentile(xs, 50))} [${ms(percentile(xs, 25))}-${ms(percentile(xs, 75))}]`;
const browser = await launch();
const lines = [];
try {
  for (const count of SIZES) {
    const samples = new Map(builds.map((b) => [b.name, []]));
    for (let i = 0; i < RUNS; i += 1) {
      // Alternating which build goes first, so neither always follows the other.
      const order = i % 2 ? [...builds].reverse() : builds;
      for (const b of order) {
        const page = [...b.pages.values()].find((p) => p.count === count).page;
        samples.get(b.name).push(await measure(browser, b.server.origin, 'parley', page, count, { network: NETWORK }));
      }
    }
    console.log(`\n${fmt(count)} comments, ${RUNS} runs each${NETWORK ? `, network ${NETWORK}` : ''}: median [quartiles], ms`);
    console.log(['build', ...FIGURES.map(([, label]) => label)].join(' | '));
    for (const b of builds) {
      console.log([b.name, ...FIGURES.map(([k]) => spread(samples.get(b.name).map((s) => s[k])))].join(' | '));
    }
    // Is a difference more than the machine's noise? The difference of the medians with a
    // bootstrap 95% interval: "*" where the interval leaves out 0 (given 5 runs or more).
    for (const b of builds.slice(1)) {
      console.log([`${b.name} - ${builds[0].name}`, ...FIGURES.map(([k]) => {
        const { median, low, high } = medianDifference(samples.get(b.name).map((s) => s[k]),
          samples.get(builds[0].name).map((s) => s[k]));
        return `${median >= 0 ? '+' : ''}${ms(median)} [${ms(low)} to ${ms(high)}]${RUNS >= 5 && (low > 0 || high < 0) ? ' *' : ''}`;
      })].join(' | '));
    }
    // An instrumented build's performance.mark()s (a name repeated: its last), from the response.
    for (const b of builds) {
      const names = [...new Set(samples.get(b.name).flatMap((s) => Object.keys(s.marks)))];
      if (names.length) console.log(`${b.name} marks: ${names.map((n) => `${n} ${spread(samples.get(b.name).map((s) => s.marks[n] ?? NaN).filter((x) => !Number.isNaN(x)))}`).join(', ')}`);
    }
    const base = percentile(samples.get(builds[0].name).map((s) => s.render), 50);
    lines.push(`${fmt(count)} comments ${builds.map((b) => {
      const render = percentile(samples.get(b.name).map((s) => s.render), 50);
      return `${b.name} ${ms(render)} ms (${(render / base).toFixed(2)})`;
    }).join(', ')}`);
  }
} finally {
  await browser.close();
  for (const b of builds) await b.server.close();
}
console.log(`\nloader a/b, response to DOM: ${lines.join('; ')}`);
