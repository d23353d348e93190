// Server throughput on loopback with wrk, 50 connections: GET a 100-comment thread (gzip,
// as browsers ask), the counts of 50 pages, and durable comment POSTs; then parleyd's
// peak RSS. The release parleyd on a fresh SQLite database, rate limits off.
//
//   node bench/server.mjs [--quick]          (PARLEYD, PARLEY_ASSETS override the builds)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORIGIN, SITE, postComment, startParleyd } from './lib/parleyd.mjs';
import { OUT, QUICK, fail, fmt, machineLine, ratio, sqliteVersion, writeSection, wrkVersion } from './lib/report.mjs';
import { wrk } from './lib/wrk.mjs';

const SECTION = '## Server';
const CONNECTIONS = 50; // issue 7: 50 connections on loopback
const SECONDS = QUICK ? 1 : 10;
const THREAD_COMMENTS = QUICK ? 10 : 100;
const COUNT_PAGES = 50;
// POSTs spread over many pages: one page stops taking comments at kMaxThreadComments.
const POST_PAGES = 10_000;
const GOALS = { readRps: 20_000, readP99Ms: 20, writeRps: 1_000, rssMb: 50 };
// The Waline server measured on this kind of machine (/work/shared/reference/anchors.md):
// @waline/vercel could not be installed offline here (its SQLite driver downloads a binary).
const WALINE_ANCHOR_READ_RPS = 3.2;

mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-server-'));
const server = await startParleyd(join(dir, 'parley.db'));
try {
  const thread = '/bench/thread-100/';
  let parent = 0;
  for (let i = 0; i < THREAD_COMMENTS; i += 1) {
    // Every third comment replies to the one before: a thread with some nesting.
    const c = await postComment(server.url, thread, `Comment **${i}** with a [link](https://example.org/${i}) and some text.`, i % 3 === 2 ? parent : 0);
    parent = c.id;
  }
  const pages = Array.from({ length: COUNT_PAGES }, (_, i) => `/bench/p${i}/`);
  for (const [i, page] of pages.entries()) {
    for (let k = 0; k <= i % 4; k += 1) await postComment(server.url, page, `Count me ${k}`);
  }
  const check = await (await fetch(`${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(thread)}`)).json();
  if (check.count !== THREAD_COMMENTS) fail(`the seeded thread has ${check.count} comments, not ${THREAD_COMMENTS}`);

  const threadUrl = `${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(thread)}`;
  const countsUrl = `${server.url}/api/counts?site=${SITE}&${pages.map((p) => `page=${encodeURIComponent(p)}`).join('&')}`;
  const read = wrk(threadUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: ['Accept-Encoding: gzip'] });
  const counts = wrk(countsUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: ['Accept-Encoding: gzip'] });
  const write = wrk(`${server.url}/api/comments?site=${SITE}`, {
    connections: CONNECTIONS,
    seconds: SECONDS,
    script: `
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = "${ORIGIN}"
request = function()
  local page = "/bench/w" .. math.random(${POST_PAGES}) .. "/"
  local body = '{"page":"' .. page .. '","title":"T","parent":0,"author":"Bench","email":"bench@example.org",' ..
    '"website":"","text":"A *posted* comment with a [link](https://example.org/)."}'
  return wrk.format(nil, nil, nil, body)
end`,
  });
  const rss = server.peakRss();
  for (const [name, r] of [['read', read], ['counts', counts], ['write', write]]) {
    if (r.errors || r.non2xx) fail(`${name}: ${r.errors} socket errors, ${r.non2xx} non-2xx responses of ${r.requests}`);
  }

  const met = (ok) => (ok ? 'met' : 'missed');
  const row = (name, r, peer = '') =>
    `| ${name} | ${fmt(r.rps)} | ${fmt(r.p50_ms, 2)} | ${fmt(r.p99_ms, 2)} | ${fmt(r.requests)} | ${peer} |`;
  writeSection(SECTION, [
    machineLine([wrkVersion(), sqliteVersion()]),
    `wrk on loopback, ${CONNECTIONS} connections, 2 wrk threads, ${SECONDS} s per run; wrk and the release`,
    'parleyd share the 2 CPUs. Every response was 2xx. Produced by `node bench/server.mjs`.',
    '',
    '| Request | Requests/s | p50 ms | p99 ms | Requests | vs Waline server |',
    '|---|---:|---:|---:|---:|---:|',
    row(`GET a ${THREAD_COMMENTS}-comment thread (gzip)`, read,
      `${ratio(read.rps, WALINE_ANCHOR_READ_RPS)} (anchor, not this run)`),
    row(`GET counts of ${COUNT_PAGES} pages`, counts, 'not measured'),
    row('POST a comment (WAL, synchronous=NORMAL)', write, 'not measured'),
    '',
    `parleyd peak RSS (VmHWM) after all runs: ${fmt(rss / 2 ** 20, 1)} MB.`,
    '',
    `Goals: reads >= ${fmt(GOALS.readRps)}/s (${met(read.rps >= GOALS.readRps)}) with p99 < ${GOALS.readP99Ms} ms ` +
      `(${met(read.p99_ms < GOALS.readP99Ms)}); writes >= ${fmt(GOALS.writeRps)}/s (${met(write.rps >= GOALS.writeRps)}); ` +
      `RSS < ${GOALS.rssMb} MB (${met(rss < GOALS.rssMb * 2 ** 20)}).`,
    `The Waline server was not measured in this run: \`@waline/vercel\`'s SQLite driver needs a`,
    `prebuilt binary from the internet. Its figure (${WALINE_ANCHOR_READ_RPS} requests/s for a 100-comment page at 50`,
    'connections) is from /work/shared/reference/anchors.md, measured on the same kind of machine.',
  ]);
  console.log(`server: read ${fmt(read.rps)}/s p99 ${fmt(read.p99_ms, 1)} ms; counts ${fmt(counts.rps)}/s; ` +
    `write ${fmt(write.rps)}/s; RSS ${fmt(rss / 2 ** 20, 1)} MB`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
