// A bounded mixed load on loopback: readers fetching threads and counts, writers posting
// comments and replies, and (when the server has them) live-update listeners on
// /api/events, all at once for PARLEY_LOAD_SECONDS (default 60; `npm run load`). Passes
// when no request failed and parleyd's memory after the load has settled back to what it
// used after a warm-up of the same mix (no growth per request served).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { rssKiB, spawnParleyd } from '../support/parleyd_child.mjs';

const ORIGIN = 'http://localhost:8081';
const LOAD_SECONDS = Number(process.env.PARLEY_LOAD_SECONDS ?? 60);
// The warm-up runs the same mix long enough for caches, SQLite's page cache and the
// allocator to reach their working size; growth is measured from there.
const WARMUP_SECONDS = Math.max(2, Math.round(LOAD_SECONDS / 6));
const READERS = 6;
const WRITERS = 2;
const LISTENERS = 4;
const PAGES = Array.from({ length: 8 }, (_, i) => `/load/${i}/`);
// Memory after the load may exceed the warm-up figure by this much: allocator slack, not
// growth per request served.
const MAX_RSS_GROWTH_KIB = 16 * 1024;

function draft(page, n, parent = 0) {
  return { page, title: 'Load', parent, text: `load comment ${n} with *some* [Markdown](https://example.org/)`,
    author: 'Loader', email: 'load@example.org', website: '' };
}

async function runMix(url, seconds, tally) {
  const until = Date.now() + seconds * 1000;
  const fail = (what) => { tally.errors.push(what); };
  const ids = [];
  const reader = async () => {
    for (let n = 0; Date.now() < until; n++) {
      const page = PAGES[n % PAGES.length];
      const target = n % 4 === 3
        ? `/api/counts?site=demo&${PAGES.map((p) => `page=${encodeURIComponent(p)}`).join('&')}`
        : `/api/comments?site=demo&page=${encodeURIComponent(page)}`;
      const res = await fetch(`${url}${target}`, { headers: { Origin: ORIGIN } }).catch((e) => e);
      if (!(res instanceof Response) || res.status !== 200) fail(`GET ${target}: ${res.status ?? res}`);
      else await res.arrayBuffer();
      tally.requests++;
    }
  };
  const writer = async (w) => {
    for (let n = 0; Date.now() < until; n++) {
      const page = PAGES[(n + w) % PAGES.length];
      const parent = n % 3 === 2 && ids.length ? ids[ids.length - 1].id : 0;
      const body = draft(page, n, parent && ids[ids.length - 1].page === page ? parent : 0);
      const res = await fetch(`${url}/api/comments?site=demo`, { method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
        body: JSON.stringify(body) }).catch((e) => e);
      if (!(res instanceof Response) || res.status !== 201) fail(`POST: ${res.status ?? res}`);
      else ids.push({ id: (await res.json()).id, page });
      tally.requests++;
    }
  };
  const listener = async (l) => {
    while (Date.now() < until) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), Math.max(0, until - Date.now()));
      const target = `/api/events?site=demo&page=${encodeURIComponent(PAGES[l % PAGES.length])}`;
      try {
        const res = await fetch(`${url}${target}`, { headers: { Origin: ORIGIN },
          signal: controller.signal });
        if (res.status === 404) { tally.sse = 'absent'; clearTimeout(timer); return; }
        if (res.status !== 200) fail(`GET ${target}: ${res.status}`);
        tally.sse = 'present';
        for await (const chunk of res.body) tally.sseBytes += chunk.length;
      } catch (e) {
        if (e.name !== 'AbortError') fail(`SSE: ${e}`);
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all([
    ...Array.from({ length: READERS }, reader),
    ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
    ...Array.from({ length: LISTENERS }, (_, l) => listener(l)),
  ]);
}

test(`${LOAD_SECONDS} s of mixed read/write/live load: no errors, no memory growth`,
  { timeout: (LOAD_SECONDS + WARMUP_SECONDS + 120) * 1000 }, async (t) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parleyd-load-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    // ASan keeps freed memory in quarantine by design; without it, RSS shows real growth.
    const server = await spawnParleyd(t, { db: path.join(dir, 'parley.db'), origin: ORIGIN,
      env: { ASAN_OPTIONS: 'quarantine_size_mb=0:detect_leaks=0' } });
    const pid = server.child.pid;

    const tally = { requests: 0, errors: [], sse: 'untried', sseBytes: 0 };
    await runMix(server.url, WARMUP_SECONDS, tally);
    const warmRss = rssKiB(pid);
    await runMix(server.url, LOAD_SECONDS, tally);
    const afterRss = rssKiB(pid);
    t.diagnostic(`${tally.requests} requests, SSE ${tally.sse} (${tally.sseBytes} bytes), ` +
      `RSS ${warmRss} KiB after warm-up, ${afterRss} KiB after the load`);

    assert.deepEqual(tally.errors.slice(0, 10), [], `${tally.errors.length} failed requests`);
    assert.ok(afterRss - warmRss <= MAX_RSS_GROWTH_KIB,
      `RSS grew by ${afterRss - warmRss} KiB over the load`);
    // Still serving normally afterwards.
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    assert.equal(code, 0, server.stderr());
  });
