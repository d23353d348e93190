// Live-update fan-out: 10,000 idle Server-Sent Events streams on one page, one comment
// posted, and the time until each stream has received it. The clock starts when the
// POST is sent and stops when a stream's socket delivers the new comment's event, so the
// figure includes parleyd storing the comment. One Node process holds all the sockets;
// it reads them one after another, so the tail includes this client's own work.
//
//   node bench/sse.mjs [--quick]      (needs GET /api/events in the parleyd build)
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORIGIN, SITE, postComment, startParleyd } from './lib/parleyd.mjs';
import { QUICK, fail, fmt, machineLine, percentile, writeSection } from './lib/report.mjs';

const SECTION = '## Live updates: SSE fan-out';
// issue 7: 10,000 idle connections (parleyd's kLiveMaxSubscribers is also 10,000).
const STREAMS = QUICK ? 50 : 10_000;
const POSTS = QUICK ? 2 : 5; // fan-outs measured, one after another
const OPEN_BATCH = 500; // sockets opened at once, so the listen backlog never overflows
const EVENT_TIMEOUT_MS = 30_000;
const GOAL_MS = 1000; // issue 7: comments appear in every open page within a second
const PAGE = '/bench/live/';

function openStream(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const stream = { socket, buffer: '', waiter: null };
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      stream.buffer += chunk;
      if (!stream.open) {
        if (!stream.buffer.includes('\r\n\r\n')) return;
        if (!stream.buffer.startsWith('HTTP/1.1 200')) {
          reject(new Error(`GET /api/events: ${stream.buffer.split('\r\n')[0]}`));
          return;
        }
        stream.open = true;
        resolve(stream);
      }
      if (stream.waiter && stream.buffer.includes(stream.waiter.needle)) {
        const { done, needle } = stream.waiter;
        stream.waiter = null;
        stream.buffer = stream.buffer.slice(stream.buffer.indexOf(needle) + needle.length);
        done(process.hrtime.bigint());
      }
    });
    socket.on('error', reject);
    socket.write(`GET /api/events?site=${SITE}&page=${encodeURIComponent(PAGE)} HTTP/1.1\r\n` +
      `Host: 127.0.0.1:${port}\r\nOrigin: ${ORIGIN}\r\nAccept: text/event-stream\r\n\r\n`);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-sse-'));
const server = await startParleyd(join(dir, 'parley.db'));
const port = Number(new URL(server.url).port);
let section;
try {
  const probe = await fetch(`${server.url}/api/events?site=${SITE}&page=${encodeURIComponent(PAGE)}`, { signal: AbortSignal.timeout(5000) })
    .catch((e) => ({ status: `no response (${e.name})` }));
  if (probe.status !== 200) {
    section = [machineLine(), `Not yet measured: this parleyd answers GET /api/events with ${probe.status}.`];
  } else {
    await probe.body.cancel();
    const streams = [];
    for (let i = 0; i < STREAMS; i += OPEN_BATCH) {
      const batch = Math.min(OPEN_BATCH, STREAMS - i);
      streams.push(...(await Promise.all(Array.from({ length: batch }, () => openStream(port)))));
    }
    const latencies = [];
    for (let p = 0; p < POSTS; p += 1) {
      const text = `Live comment ${p}`;
      const arrivals = streams.map((s) => new Promise((done, reject) => {
        s.waiter = { needle: text, done };
        setTimeout(() => reject(new Error(`a stream did not receive "${text}" in ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS).unref();
      }));
      const sent = process.hrtime.bigint();
      await postComment(server.url, PAGE, text);
      for (const at of await Promise.all(arrivals)) latencies.push(Number(at - sent) / 1e6);
    }
    const rss = server.peakRss();
    for (const s of streams) s.socket.destroy();
    const q = (p) => fmt(percentile(latencies, p), 1);
    const p99 = percentile(latencies, 99);
    section = [
      machineLine(),
      `${fmt(STREAMS)} idle SSE streams on one page of a release parleyd; ${POSTS} comments posted one after`,
      'another; each figure is from sending the POST to a stream receiving the comment. Produced by',
      '`node bench/sse.mjs`.',
      '',
      '| Streams | Deliveries | p50 ms | p99 ms | max ms | parleyd peak RSS |',
      '|---:|---:|---:|---:|---:|---:|',
      `| ${fmt(STREAMS)} | ${fmt(latencies.length)} | ${q(50)} | ${q(99)} | ${q(100)} | ${fmt(rss / 2 ** 20, 1)} MB |`,
      '',
      `Goal: every open page within ${GOAL_MS} ms (${p99 < GOAL_MS ? 'met' : 'missed'} at p99).`,
    ];
  }
} finally {
  await server.stop().catch((e) => fail(e.message));
  rmSync(dir, { recursive: true, force: true });
}
writeSection(SECTION, section);
console.log(`sse: ${section.find((l) => l.startsWith(`| ${fmt(STREAMS)} |`) || l.startsWith('Not yet'))}`);
