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

describe('durability', () => {
  it('keeps a comment acknowledged with 201 when parleyd is killed right after', async () => {
    const pgUrl = await freshDatabase();
    const child = spawn(PARLEYD_PATH, ['--listen', '127.0.0.1', '--port', '0', '--site', 'demo',
      '--origin', ORIGIN,
      '--store', 'postgres', '--pg', pgUrl, '--posts-per-minute', '0'],
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
});
