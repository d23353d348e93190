// Scale: does reading one page's thread cost the same when the site holds 10 thousand or
// 10 million comments? A generator fills two SQLite stores directly with the sqlite3 CLI
// (parleyd creates the schema first, so the rows match what parleyd reads), both as pages
// of 100 comments whose rows are interleaved the way comments arrive on a live site; then
// wrk with one connection GETs random pages' threads from each and compares latencies.
//
//   node bench/scale.mjs [--quick] [--large N]      (--large: the big store's size)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, startParleyd } from './lib/parleyd.mjs';
import { OUT, QUICK, fail, fmt, machineLine, sqliteVersion, writeSection, wrkVersion } from './lib/report.mjs';
import { wrk } from './lib/wrk.mjs';

const SECTION = '## Scale: thread reads in a small and a huge store';
const PER_PAGE = 100;
const SMALL = 10_000;
const largeArg = process.argv.indexOf('--large');
const LARGE = largeArg > 0 ? Number(process.argv[largeArg + 1]) : QUICK ? 100_000 : 10_000_000;
const SECONDS = QUICK ? 1 : 10;
const GOAL_P50_RATIO = 1.5; // issue 7: cost grows with the thread, not the site
// Bump when the generator's rows change, so a cached store is rebuilt.
const GENERATOR_VERSION = 1;

// Builds the store once and keeps it in bench/out (a 10M-row store takes minutes).
async function store(comments) {
  const db = join(OUT, `scale-${comments}-v${GENERATOR_VERSION}.db`);
  if (existsSync(db)) return { db, seconds: null };
  const tmp = `${db}.tmp`;
  rmSync(tmp, { force: true });
  const server = await startParleyd(tmp); // runs the migrations
  await server.stop();
  const pages = comments / PER_PAGE;
  const started = process.hrtime.bigint();
  // The index is built after the bulk insert (one sort instead of 10M B-tree inserts);
  // the result is the same index parleyd's migration created.
  const sql = `
    PRAGMA synchronous = OFF;
    PRAGMA cache_size = -262144;
    DROP INDEX comments_by_thread;
    BEGIN;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${pages})
      INSERT INTO threads (id, site, page, title) SELECT i, '${SITE}', '/s/' || i || '/', 'Page ' || i FROM n;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${comments - 1})
      INSERT INTO comments (thread_id, parent, depth, author, email, website, text, html, created)
      SELECT i % ${pages} + 1, 0, 0, 'Reader ' || (i % 997), 'r' || (i % 997) || '@example.org', '',
             'Comment ' || i || ' with *some* text.', '<p>Comment ' || i || ' with <em>some</em> text.</p>',
             1700000000 + i FROM n;
    COMMIT;
    CREATE INDEX comments_by_thread ON comments (thread_id, created, id);
    PRAGMA wal_checkpoint(TRUNCATE);
  `;
  execFileSync('sqlite3', [tmp], { input: sql, stdio: ['pipe', 'ignore', 'inherit'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
  renameSync(tmp, db);
  return { db, seconds };
}

async function measure(comments) {
  const { db, seconds } = await store(comments);
  const pages = comments / PER_PAGE;
  const server = await startParleyd(db);
  try {
    const probe = await (await fetch(`${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(`/s/${pages}/`)}`)).json();
    if (probe.count !== PER_PAGE) fail(`store of ${comments}: a page has ${probe.count} comments, not ${PER_PAGE}`);
    // One connection: latency of a single reader, random pages so the OS cache is not
    // hit on one hot page only.
    const r = wrk(`${server.url}/api/comments?site=${SITE}`, {
      connections: 1,
      threads: 1,
      seconds: SECONDS,
      headers: ['Accept-Encoding: gzip'],
      script: `request = function()
  return wrk.format(nil, "/api/comments?site=${SITE}&page=%2Fs%2F" .. math.random(${pages}) .. "%2F")
end`,
    });
    if (r.errors || r.non2xx) fail(`store of ${comments}: ${r.errors} errors, ${r.non2xx} non-2xx`);
    return { comments, ...r, generated: seconds, size: statSync(db).size };
  } finally {
    await server.stop();
  }
}

mkdirSync(OUT, { recursive: true });
const small = await measure(SMALL);
const large = await measure(LARGE);
const p50Ratio = large.p50_ms / small.p50_ms;
const label = (n) => (n >= 1e6 ? `${fmt(n / 1e6)} million` : `${fmt(n)}`);
const row = (r) => `| ${label(r.comments)} | ${fmt(r.comments / PER_PAGE)} | ${fmt(r.size / 2 ** 20)} MB | ` +
  `${fmt(r.p50_ms, 3)} | ${fmt(r.p99_ms, 3)} | ${fmt(r.rps)} | ${r.generated == null ? 'cached' : `${fmt(r.generated, 1)} s`} |`;
writeSection(SECTION, [
  machineLine([wrkVersion(), sqliteVersion()]),
  `Release parleyd, wrk with 1 connection for ${SECONDS} s per store, each request a random page's`,
  `${PER_PAGE}-comment thread (gzip). Rows are interleaved across pages as on a live site. Produced by`,
  '`node bench/scale.mjs`; the stores are generated with the sqlite3 CLI and cached in bench/out.',
  '',
  '| Comments in the store | Pages | File | p50 ms | p99 ms | Requests/s | Generated in |',
  '|---|---:|---:|---:|---:|---:|---:|',
  row(small),
  row(large),
  '',
  `p50 ratio, ${label(LARGE)} vs ${label(SMALL)}: ${p50Ratio.toFixed(2)} ` +
    `(goal under ${GOAL_P50_RATIO}: ${p50Ratio < GOAL_P50_RATIO ? 'met' : 'missed'}).`,
]);
console.log(`scale: p50 ${fmt(small.p50_ms, 3)} ms at ${label(SMALL)}, ${fmt(large.p50_ms, 3)} ms at ${label(LARGE)}: ratio ${p50Ratio.toFixed(2)}`);
