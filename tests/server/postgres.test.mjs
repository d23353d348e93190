// PostgreSQL as the store of several parleyd processes: concurrent writers on one
// database, durability of acknowledged comments, and what readers get while the
// database is down (503 + Retry-After, then recovery). This file starts its own
// throwaway cluster (it stops and restarts it), whatever $PARLEY_STORE says.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';

import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { randomDatabaseName, startPostgres } from '../support/postgres.mjs';
import { ORIGIN, PAGE, draft, post, thread } from './client.mjs';
import { isEvent, openEvents } from './sse_client.mjs';

// Enough parallel posts that the two processes' inserts interleave on the server.
const POSTS_PER_SERVER = 40;
// Recovery is polled, never timed: at most this many tries, RECOVERY_PAUSE_MS apart.
const RECOVERY_TRIES = 100;
const RECOVERY_PAUSE_MS = 200;

let cluster;
before(async () => { cluster = await startPostgres(); });
after(async () => { await cluster?.destroy(); });

async function freshDatabase() {
  const name = randomDatabaseName('parley_pgtest');
  await cluster.createDatabase(name);
  return cluster.urlFor(name);
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

const eventsQuery = (page = PAGE) => `site=demo&page=${encodeURIComponent(page)}`;
const createdEvent = (f) => isEvent(f) && JSON.parse(f.data).type === 'comment.created';
const commentOf = (frame) => JSON.parse(frame.data).comment;

// Polls `read` (bounded, never timed) until `done(result)`; returns the last result.
async function until(read, done) {
  let result;
  for (let i = 0; i < RECOVERY_TRIES; ++i) {
    result = await read();
    if (done(result)) break;
    await sleep(RECOVERY_PAUSE_MS);
  }
  return result;
}

describe('two parleyd processes on one PostgreSQL database', () => {
  it('lose and duplicate no comment when both take posts in parallel', async () => {
    const pgUrl = await freshDatabase();
    // Started together: both run the migrations at once (one waits on the other's lock).
    const [a, b] = await Promise.all([startParleyd({ pgUrl }), startParleyd({ pgUrl })]);
    try {
      const posts = [];
      const send = (server, page, text) =>
        posts.push(post(server, draft({ page, text })).then((res) => ({ page, res })));
      for (let i = 0; i < POSTS_PER_SERVER; ++i) {
        send(a, PAGE, `from a ${i}`);
        send(b, PAGE, `from b ${i}`);
        // A second page, whose first comment both servers create at once.
        send(i % 2 ? a : b, '/race/', `race ${i}`);
      }
      const results = await Promise.all(posts);
      for (const { res } of results) assert.equal(res.status, 201, res.text);
      const ids = results.map(({ res }) => res.json.id);
      assert.equal(new Set(ids).size, ids.length, 'every comment got its own id');

      // What was acknowledged, per page: [id, rendered text], sorted by id.
      const acknowledged = (page) => results.filter((r) => r.page === page)
        .map(({ res }) => [res.json.id, res.json.html]).sort((x, y) => x[0] - y[0]);
      const listedOn = async (server, page) => (await thread(server, page)).json.comments
        .map((c) => [c.id, c.html]).sort((x, y) => x[0] - y[0]);
      for (const server of [a, b]) {
        for (const page of [PAGE, '/race/']) {
          assert.deepEqual(await listedOn(server, page), acknowledged(page),
            `${server.url} lists every comment of ${page} once`);
        }
      }
      assert.equal(acknowledged(PAGE).length, 2 * POSTS_PER_SERVER);
      assert.equal(acknowledged('/race/').length, POSTS_PER_SERVER);
      assert.deepEqual((await thread(a)).json, (await thread(b)).json,
        'both servers list the same thread');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('live updates across parleyd processes (LISTEN/NOTIFY)', () => {
  it('a comment posted to one process reaches event streams on the other', async () => {
    const pgUrl = await freshDatabase();
    const [a, b] = await Promise.all([startParleyd({ pgUrl }), startParleyd({ pgUrl })]);
    const streams = [];
    try {
      const onB = await openEvents(b, eventsQuery(), { Origin: ORIGIN });
      const onA = await openEvents(a, eventsQuery(), { Origin: ORIGIN });
      streams.push(onA, onB);
      const res = await post(a, draft({ text: 'Posted to *a*', author: 'Bo' }));
      assert.equal(res.status, 201, res.text);
      const [fromB, fromA] = await Promise.all([onB.next(createdEvent), onA.next(createdEvent)]);
      assert.equal(commentOf(fromB).id, res.json.id);
      assert.equal(commentOf(fromB).html, '<p>Posted to <em>a</em></p>\n');
      assert.equal(commentOf(fromB).email, undefined, 'emails never go out');
      // One event, one id, whichever process a reader is connected to.
      assert.match(fromB.id, /^\d+$/);
      assert.equal(fromA.id, fromB.id);

      const reply = await post(b, draft({ text: 'And back from b', parent: res.json.id }));
      assert.equal(reply.status, 201, reply.text);
      assert.equal(commentOf(await onA.next(createdEvent)).id, reply.json.id);
      assert.equal(commentOf(await onB.next(createdEvent)).id, reply.json.id);
    } finally {
      for (const s of streams) s.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('resumes a reader with Last-Event-ID on another process, even one started later', async () => {
    const pgUrl = await freshDatabase();
    const a = await startParleyd({ pgUrl });
    let c;
    try {
      const reader = await openEvents(a, eventsQuery(), { Origin: ORIGIN });
      const first = await post(a, draft({ text: 'seen' }));
      const seen = await reader.next(createdEvent);
      assert.equal(commentOf(seen).id, first.json.id);
      reader.close();
      const missed = [];
      for (const text of ['missed one', 'missed two']) {
        const res = await post(a, draft({ text }));
        assert.equal(res.status, 201, res.text);
        missed.push(res.json.id);
      }
      // Another page's event in between must not leak into this page's replay.
      assert.equal((await post(a, draft({ page: '/elsewhere/' }))).status, 201);

      // A process that was not running when the events happened: only the database
      // knows them.
      c = await startParleyd({ pgUrl });
      const resumed = await openEvents(c, eventsQuery(), { Origin: ORIGIN, 'Last-Event-ID': seen.id });
      const replay = [await resumed.next(createdEvent), await resumed.next(createdEvent)];
      assert.deepEqual(replay.map((f) => commentOf(f).id), missed);
      assert.ok(Number(replay[0].id) > Number(seen.id) && Number(replay[1].id) > Number(replay[0].id),
        'ids keep growing across processes');
      // Nothing else was replayed before the stream went quiet (the next frame is live).
      const live = await post(a, draft({ text: 'live again' }));
      assert.equal(commentOf(await resumed.next(createdEvent)).id, live.json.id);
      assert.equal(resumed.frames.filter(createdEvent).length, 3);
      resumed.close();
    } finally {
      await Promise.all([a.stop(), c?.stop()]);
    }
  });

  it('a process lists a comment posted to another even after reading the thread', async () => {
    const pgUrl = await freshDatabase();
    const [a, b] = await Promise.all([startParleyd({ pgUrl }), startParleyd({ pgUrl })]);
    try {
      // b reads (and keeps) the empty thread first.
      assert.equal((await thread(b)).json.count, 0);
      assert.equal((await thread(b)).json.count, 0);
      const res = await post(a, draft({ text: 'new on a' }));
      assert.equal(res.status, 201, res.text);
      const listed = await until(() => thread(b), (r) => r.json?.count === 1);
      assert.deepEqual(listed.json.comments.map((c) => c.id), [res.json.id]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('durability', () => {
  it('keeps a comment acknowledged with 201 when parleyd is killed right after', async () => {
    const pgUrl = await freshDatabase();
    const child = spawn(PARLEYD_PATH, ['--listen', '127.0.0.1', '--port', '0', '--site', 'demo',
      '--origin', ORIGIN,
      '--store', 'postgres', '--pg', pgUrl, '--posts-per-minute', '0', '--pow-bits', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => { child.on('exit', resolve); });
    const url = await new Promise((resolve) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
    });
    const res = await post({ url }, draft({ text: 'written before the crash' }));
    assert.equal(res.status, 201);
    child.kill('SIGKILL');
    await exited;

    const server = await startParleyd({ pgUrl });
    try {
      const listed = (await thread(server)).json;
      assert.deepEqual(listed.comments.map((c) => c.id), [res.json.id]);
      assert.match(listed.comments[0].html, /written before the crash/);
    } finally {
      await server.stop();
    }
  });
});

describe('PostgreSQL down at request time', () => {
  it('answers 503 with Retry-After and a JSON error, then recovers when it returns', async () => {
    const pgUrl = await freshDatabase();
    const server = await startParleyd({ pgUrl });
    try {
      const before = await post(server, draft({ text: 'before the outage' }));
      assert.equal(before.status, 201);
      await cluster.stop();

      for (const res of [await thread(server), await post(server, draft({ text: 'lost?' }))]) {
        assert.equal(res.status, 503, res.text);
        assert.match(res.headers.get('retry-after'), /^[1-9]\d*$/);
        assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
        assert.equal(res.json.error, 'unavailable');
        assert.match(res.json.message, /unavailable/i);
      }

      await cluster.start();
      let res;
      for (let i = 0; i < RECOVERY_TRIES; ++i) {
        res = await thread(server);
        if (res.status !== 503) break;
        await sleep(RECOVERY_PAUSE_MS);
      }
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json.comments.map((c) => c.id), [before.json.id]);
      assert.equal((await post(server, draft({ text: 'after the outage' }))).status, 201);
      assert.equal((await thread(server)).json.count, 2);
    } finally {
      await server.stop();
    }
  });

  it('shares live updates and thread changes between processes again once it is back', async () => {
    const pgUrl = await freshDatabase();
    const [a, b] = await Promise.all([startParleyd({ pgUrl }), startParleyd({ pgUrl })]);
    const streams = [];
    try {
      assert.equal((await thread(b)).json.count, 0);
      await cluster.stop();
      assert.equal((await thread(b)).status, 503);
      await cluster.start();

      const onB = await openEvents(b, eventsQuery(), { Origin: ORIGIN });
      streams.push(onB);
      assert.equal(onB.status, 200);
      const res = await until(() => post(a, draft({ text: 'after the restart' })),
        (r) => r.status !== 503);
      assert.equal(res.status, 201, res.text);
      // b's listening connection was cut by the restart: it reconnects by itself and
      // delivers what was posted meanwhile.
      assert.equal(commentOf(await onB.next(createdEvent)).id, res.json.id);
      const listed = await until(() => thread(b), (r) => r.json?.count === 1);
      assert.deepEqual(listed.json.comments.map((c) => c.id), [res.json.id]);
    } finally {
      for (const s of streams) s.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
