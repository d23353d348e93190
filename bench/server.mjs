// Server throughput on loopback with wrk, 50 connections: GET a 100-comment thread (gzip,
// as browsers ask), the counts of 50 pages, and comment POSTs; then peak RSS. The release
// parleyd on a fresh SQLite database, rate limits off; then, in the same run, the Waline
// server (@waline/vercel with SQLite) on the same comments, when scripts/bench.sh could
// install it (bench/lib/waline.mjs).
//
//   node bench/server.mjs [--quick]          (PARLEYD, PARLEY_ASSETS override the builds)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORIGIN, SITE, postComment, startParleyd } from './lib/parleyd.mjs';
import { OUT, QUICK, fail, fmt, machineLine, ratio, sqliteVersion, writeSection, wrkVersion } from './lib/report.mjs';
import { seedWaline, startWaline, walineInstalled, walineVersion } from './lib/waline.mjs';
import { wrk } from './lib/wrk.mjs';

const SECTION = '## Server';
const CONNECTIONS = 50; // issue 7: 50 connections on loopback
const SECONDS = QUICK ? 1 : 10;
const THREAD_COMMENTS = QUICK ? 10 : 100;
const COUNT_PAGES = 50;
// POSTs spread over many pages: one page stops taking comments at kMaxThreadComments.
const POST_PAGES = 10_000;
const GOALS = { readRps: 20_000, readP99Ms: 20, writeRps: 1_000, rssMb: 50 };
const THREAD = '/bench/thread-100/';
const PAGES = Array.from({ length: COUNT_PAGES }, (_, i) => `/bench/p${i}/`);

// The same comments for both servers: the thread (every third a reply to the one
// before) and 1 to 4 comments on each of the counted pages.
const threadText = (i) => `Comment **${i}** with a [link](https://example.org/${i}) and some text.`;
const pageComments = (i) => (i % 4) + 1;

// A wrk script that POSTs a new comment to a random page on every request; `body` is a
// Lua expression of `page` and `n` (a per-thread counter, so no two bodies are equal).
const postScript = (headers, body) => `
wrk.method = "POST"
${Object.entries(headers).map(([k, v]) => `wrk.headers["${k}"] = "${v}"`).join('\n')}
local n = 0
request = function()
  n = n + 1
  local page = "/bench/w" .. math.random(${POST_PAGES}) .. "/"
  return wrk.format(nil, nil, nil, ${body})
end`;

function checked(name, r) {
  if (r.errors || r.non2xx) fail(`${name}: ${r.errors} socket errors, ${r.non2xx} non-2xx responses of ${r.requests}`);
  return r;
}

// The peer's failures are its result, not the benchmark's: count only its successes.
function peerResult(r) {
  const failed = r.errors + r.non2xx;
  return { ...r, failed, rps: (r.requests - r.non2xx) / (r.duration_us / 1e6) };
}

async function measureParley(dir) {
  const server = await startParleyd(join(dir, 'parley.db'));
  try {
    let parent = 0;
    for (let i = 0; i < THREAD_COMMENTS; i += 1) {
      parent = (await postComment(server.url, THREAD, threadText(i), i % 3 === 2 ? parent : 0)).id;
    }
    for (const [i, page] of PAGES.entries()) {
      for (let k = 0; k < pageComments(i); k += 1) await postComment(server.url, page, `Count me ${k}`);
    }
    const threadUrl = `${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(THREAD)}`;
    const check = await (await fetch(threadUrl)).json();
    if (check.count !== THREAD_COMMENTS) fail(`the seeded thread has ${check.count} comments, not ${THREAD_COMMENTS}`);
    const gzip = ['Accept-Encoding: gzip'];
    const read = checked('parleyd read', wrk(threadUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: gzip }));
    // What a page view asks for first (the loader's HTML first): the early rendering.
    const earlyUrl = `${server.url}/embed/thread?site=${SITE}&page=${encodeURIComponent(THREAD)}&title=T&lang=en&format=early`;
    const early = checked('parleyd early rendering', wrk(earlyUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: gzip }));
    const countsUrl = `${server.url}/api/counts?site=${SITE}&${PAGES.map((p) => `page=${encodeURIComponent(p)}`).join('&')}`;
    const counts = checked('parleyd counts', wrk(countsUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: gzip }));
    const write = checked('parleyd write', wrk(`${server.url}/api/comments?site=${SITE}`, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      script: postScript({ 'Content-Type': 'application/json', Origin: ORIGIN },
        `'{"page":"' .. page .. '","title":"T","parent":0,"author":"Bench","email":"bench@example.org",' ..
        '"website":"","text":"A *posted* comment number ' .. n .. ' with a [link](https://example.org/)."}'`),
    }));
    return { read, early, counts, write, writesStored: write.rps, rss: server.peakRss() };
  } finally {
    await server.stop();
  }
}

async function measureWaline(dir, out) {
  const comments = [];
  for (let i = 0; i < THREAD_COMMENTS; i += 1) {
    // Waline: pid is the parent, rid the top of the thread (ids are 1-based row order).
    const reply = i % 3 === 2;
    comments.push({ url: THREAD, text: threadText(i), pid: reply ? i : null, rid: reply ? i : null });
  }
  for (const [i, page] of PAGES.entries()) {
    for (let k = 0; k < pageComments(i); k += 1) comments.push({ url: page, text: `Count me ${k}` });
  }
  seedWaline(dir, comments);
  const server = await startWaline(dir);
  try {
    const threadUrl = `${server.url}/api/comment?path=${encodeURIComponent(THREAD)}&pageSize=100&page=1&lang=en-US&sortBy=insertedAt_desc`;
    const check = await (await fetch(threadUrl)).json();
    if (check.data?.count !== THREAD_COMMENTS) fail(`Waline's seeded thread has ${check.data?.count} comments:\n${JSON.stringify(check).slice(0, 500)}`);
    out.read = peerResult(wrk(threadUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: ['Accept-Encoding: gzip'] }));
    const countsUrl = `${server.url}/api/comment?type=count&url=${encodeURIComponent(PAGES.join(','))}&lang=en-US`;
    const counted = await (await fetch(countsUrl)).json();
    if (!Array.isArray(counted.data) || counted.data.length !== COUNT_PAGES) throw new Error(`Waline's counts: ${JSON.stringify(counted).slice(0, 300)}`);
    out.counts = peerResult(wrk(countsUrl, { connections: CONNECTIONS, seconds: SECONDS, headers: ['Accept-Encoding: gzip'] }));
    const db = join(dir, 'waline.sqlite');
    const rows = () => Number(execFileSync('sqlite3', ['-cmd', '.timeout 30000', db, 'SELECT count(*) FROM wl_Comment'], { encoding: 'utf8' }));
    const before = rows();
    out.write = peerResult(wrk(`${server.url}/api/comment?lang=en-US`, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      script: postScript({ 'Content-Type': 'application/json' },
        `'{"url":"' .. page .. '","nick":"Bench","mail":"bench@example.org","link":"","ua":"wrk",' ..
        '"comment":"A *posted* comment number ' .. n .. ' from thread ' .. math.random(1000000) .. ' with a [link](https://example.org/)."}'`),
    }));
    // Waline answers some refusals with 200 and an errno, so count what it stored.
    out.writesStored = (rows() - before) / SECONDS;
  } finally {
    out.rss = server.peakRss();
    await server.stop();
  }
}

mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-server-'));
let parley;
let waline = null;
try {
  mkdirSync(join(dir, 'parley'));
  parley = await measureParley(join(dir, 'parley'));
  if (walineInstalled()) {
    mkdirSync(join(dir, 'waline'));
    waline = { writesStored: 0 };
    // The peer failing part-way is a result too: keep what was measured, say what failed.
    await measureWaline(join(dir, 'waline'), waline).catch((e) => {
      waline.error = String(e.cause?.message ?? e.message).split('\n')[0];
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const met = (ok) => (ok ? 'met' : 'missed');
const mb = (n) => `${fmt(n / 2 ** 20, 1)} MB`;
const row = (name, key, rate = (r) => r[key].rps) => {
  const p = parley[key];
  const w = waline?.[key];
  const cells = (r, rps) => {
    if (!r) return 'not measured | | ';
    if (!r.requests) return `none completed in ${SECONDS} s | | `;
    const failed = r.failed ? ` (${fmt(r.failed)} of ${fmt(r.requests + r.errors)} failed)` : '';
    return `${fmt(rps, rps < 100 ? 1 : 0)}${failed} | ${fmt(r.p50_ms, 1)} | ${fmt(r.p99_ms, 1)}`;
  };
  const both = w?.requests && rate(waline) > 0;
  return `| ${name} | ${cells(p, rate(parley))} | ${cells(w, w ? rate(waline) : 0)} | ${both ? ratio(rate(parley), rate(waline)) : 'n/a'} |`;
};
const lines = [
  machineLine([wrkVersion(), sqliteVersion(), waline ? walineVersion() : '@waline/vercel not installed']),
  `wrk on loopback, ${CONNECTIONS} connections, 2 wrk threads, ${SECONDS} s per run; wrk and the server`,
  'share the 2 CPUs. Reads ask for gzip. Same comments in both stores. Every parleyd response',
  'was 2xx. Produced by `node bench/server.mjs`.',
  '',
  '| Request | parleyd req/s | p50 ms | p99 ms | Waline req/s | p50 ms | p99 ms | parleyd faster by |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  row(`GET a ${THREAD_COMMENTS}-comment thread`, 'read'),
  row(`GET the early rendering of that thread (HTML first: what a page view asks for)`, 'early'),
  row(`GET the counts of ${COUNT_PAGES} pages`, 'counts'),
  row('POST a comment (comments stored/s)', 'write', (r) => r.writesStored),
  '',
  `Peak RSS: parleyd ${mb(parley.rss)}${waline ? `, Waline (master + worker) ${mb(waline.rss)}` : ''}.`,
  'parleyd stores with SQLite in WAL mode, synchronous=NORMAL (durable across process crashes).',
  '',
  `Goals: reads >= ${fmt(GOALS.readRps)}/s (${met(parley.read.rps >= GOALS.readRps)}) with p99 < ${GOALS.readP99Ms} ms ` +
    `(${met(parley.read.p99_ms < GOALS.readP99Ms)}); the early rendering ${fmt(parley.early.rps)}/s, p99 ${fmt(parley.early.p99_ms, 1)} ms ` +
    `(${met(parley.early.rps >= GOALS.readRps && parley.early.p99_ms < GOALS.readP99Ms)}); writes >= ${fmt(GOALS.writeRps)}/s (${met(parley.writesStored >= GOALS.writeRps)}); ` +
    `RSS < ${GOALS.rssMb} MB (${met(parley.rss < GOALS.rssMb * 2 ** 20)}).`,
];
if (waline?.error) lines.push(`The Waline server failed during the run (${waline.error}); rows without its figures were not reached.`);
if (!waline) lines.push('The Waline server was not measured: scripts/bench.sh installs it into bench/out/waline.');
writeSection(SECTION, lines);
console.log(`server: read ${fmt(parley.read.rps)}/s p99 ${fmt(parley.read.p99_ms, 1)} ms; counts ${fmt(parley.counts.rps)}/s; ` +
  `write ${fmt(parley.writesStored)}/s; RSS ${fmt(parley.rss / 2 ** 20, 1)} MB` +
  (waline?.read ? `; Waline read ${fmt(waline.read.rps, 1)}/s (${ratio(parley.read.rps, waline.read.rps)})` : ''));
