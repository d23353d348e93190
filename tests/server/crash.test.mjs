// Crash safety of the store: parleyd is killed with SIGKILL (no chance to flush or close
// anything) in the middle of a concurrent write load, twice, and restarted on the same
// database. Every comment the server acknowledged with 201 before dying must be there
// afterwards, exactly as acknowledged. With SQLite (default) the file must also pass
// SQLite's own integrity check; with PARLEY_STORE=postgres (npm test's second server
// run) the same load runs against a fresh database on the $PARLEY_PG cluster.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { databaseUrl, randomDatabaseName, sqlAt } from '../support/postgres.mjs';
import { spawnParleyd } from '../support/parleyd_child.mjs';
import { ORIGIN, draft, thread } from './client.mjs';

// Concurrent writers, and how many acknowledged comments each round waits for before
// the kill (counted, not timed, so a slow machine kills as deep into the load).
const WRITERS = 8;
const ACKS_BEFORE_KILL = 150;
const ROUNDS = 2;
const PAGES = ['/crash/a/', '/crash/b/', '/crash/c/'];

// Posts from WRITERS loops until the server dies; returns the acknowledged comments.
// A request cut off by the kill is simply not acknowledged.
async function writeUntilKilled(server, round) {
  const acked = [];
  let serial = 0;
  let killed = false;
  const writer = async () => {
    while (!killed) {
      const n = serial++;
      const page = PAGES[n % PAGES.length];
      const text = `round ${round}, comment ${n}`;
      try {
        const res = await fetch(`${server.url}/api/comments?site=demo`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
          body: JSON.stringify(draft({ page, text })),
        });
        const body = await res.json();
        if (res.status === 201) {
          acked.push({ id: body.id, page, text });
        } else {
          assert.fail(`unexpected ${res.status} during the load: ${JSON.stringify(body)}`);
        }
      } catch (err) {
        if (!killed) throw err;
      }
      if (!killed && acked.length >= ACKS_BEFORE_KILL) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const { signal } = await server.exited;
  assert.equal(signal, 'SIGKILL');
  return acked;
}

test('comments acknowledged before a SIGKILL survive it, and the database stays intact',
  async (t) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parleyd-crash-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const db = path.join(dir, 'parley.db');
    let storeArgs = ['--db', db];
    if (process.env.PARLEY_STORE === 'postgres') {
      const cluster = process.env.PARLEY_PG;
      assert.ok(cluster, 'PARLEY_STORE=postgres needs PARLEY_PG (tests/support/postgres.mjs)');
      const name = randomDatabaseName('parley_crash');
      await sqlAt(cluster, `CREATE DATABASE ${name}`);
      t.after(() => sqlAt(cluster, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      storeArgs = ['--store', 'postgres', '--pg', databaseUrl(cluster, name)];
    }
    const start = () => spawnParleyd(t, { storeArgs, origin: ORIGIN });

    const acked = [];
    for (let round = 0; round < ROUNDS; round++) {
      acked.push(...await writeUntilKilled(await start(), round));
    }
    assert.ok(acked.length >= ROUNDS * ACKS_BEFORE_KILL);

    const server = await start();
    const stored = new Map();
    for (const page of PAGES) {
      const res = await thread(server, page);
      assert.equal(res.status, 200);
      for (const c of res.json.comments) stored.set(c.id, { page, html: c.html });
    }
    const missing = acked.filter((a) => !stored.get(a.id)?.html.includes(a.text) ||
      stored.get(a.id).page !== a.page);
    assert.deepEqual(missing, [], 'acknowledged comments lost or changed by the crash');
    // Still writable after recovery.
    const after = await fetch(`${server.url}/api/comments?site=demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify(draft({ page: PAGES[0], text: 'after the crashes' })),
    });
    assert.equal(after.status, 201);
    server.child.kill('SIGTERM');
    assert.equal((await server.exited).code, 0, server.stderr());

    if (storeArgs[0] === '--db') {
      const check = execFileSync('sqlite3', [db, 'PRAGMA integrity_check;'], { encoding: 'utf8' });
      assert.equal(check.trim(), 'ok');
    }
  });
