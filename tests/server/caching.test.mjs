// ETag / If-None-Match and gzip on API responses.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { sqlAt } from '../support/postgres.mjs';
import { draft, post, rawRequest, thread } from './client.mjs';
import { server as serverLimits } from './limits.mjs';

// A change made outside parleyd is polled for at most this many times, this far apart.
const CHANGE_TRIES = 50;
const CHANGE_PAUSE_MS = 100;

describe('caching and compression', () => {
  let server;
  const page = '/cached/';
  const path = `/api/comments?site=demo&page=${encodeURIComponent(page)}`;
  before(async () => {
    server = await startParleyd();
    await post(server, draft({ page, text: 'first' }));
  });
  after(async () => { await server.stop(); });

  it('answers If-None-Match with 304 until the thread changes', async () => {
    const first = await rawRequest(server, { path });
    assert.equal(first.status, 200);
    const etag = first.headers.etag;
    assert.match(etag, /^"[0-9a-f]+"$/);
    assert.equal(first.headers['cache-control'], 'no-cache');

    const again = await rawRequest(server, { path, headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);

    await post(server, draft({ page, text: 'second' }));
    const changed = await rawRequest(server, { path, headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.equal(JSON.parse(changed.body).count, 2);
  });

  it('matches weak validators and lists of them', async () => {
    const { headers } = await rawRequest(server, { path });
    const res = await rawRequest(server, {
      path, headers: { 'If-None-Match': `"nope", W/${headers.etag}` },
    });
    assert.equal(res.status, 304);
  });

  it(`gzips bodies over ${serverLimits.kMinGzipBytes} bytes when the client accepts gzip`, async () => {
    const big = '/big/';
    for (let i = 0; i < 5; i++) {
      await post(server, draft({ page: big, text: `A long comment, number ${i}. `.repeat(20) }));
    }
    const bigPath = `/api/comments?site=demo&page=${encodeURIComponent(big)}`;
    const plain = await rawRequest(server, { path: bigPath });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.length > serverLimits.kMinGzipBytes);
    assert.match(plain.headers.vary, /Accept-Encoding/);

    const gz = await rawRequest(server, { path: bigPath, headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gz.body.length < plain.body.length);
    assert.deepEqual(JSON.parse(gunzipSync(gz.body)), JSON.parse(plain.body));
    assert.notEqual(gz.headers.etag, plain.headers.etag, 'each encoding has its own validator');

    const refused = await rawRequest(server, { path: bigPath, headers: { 'Accept-Encoding': 'gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  it('leaves small bodies uncompressed', async () => {
    const res = await rawRequest(server, { path: '/healthz', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(res.body), { ok: true });
  });

  // parleyd keeps finished thread responses in memory (server/api/thread_cache.hpp);
  // a change made by another database client must still show on the next reads.
  it('serves a thread changed outside parleyd (another database client) as changed', async () => {
    const outside = '/changed-outside/';
    const res = await post(server, draft({ page: outside, text: 'as posted' }));
    assert.equal(res.status, 201);
    const before = await thread(server, outside);
    assert.match(before.json.comments[0].html, /as posted/);
    assert.equal((await thread(server, outside)).headers.get('etag'), before.headers.get('etag'));

    const edit = `UPDATE comments SET html = '<p>edited by the site owner</p>' WHERE id = ${res.json.id}`;
    if (server.pgUrl) await sqlAt(server.pgUrl, edit);
    else await promisify(execFile)('sqlite3', [server.dbPath, edit]);

    // PostgreSQL announces the change with NOTIFY, which arrives a moment later: poll
    // (bounded) for it; SQLite's own change counter shows it on the very next read.
    let after;
    for (let i = 0; i < CHANGE_TRIES; ++i) {
      after = await thread(server, outside);
      if (!server.pgUrl || !/as posted/.test(after.json.comments[0].html)) break;
      await new Promise((resolve) => { setTimeout(resolve, CHANGE_PAUSE_MS); });
    }
    assert.equal(after.json.comments[0].html, '<p>edited by the site owner</p>');
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
  });

  it('never caches a POST response', async () => {
    const res = await post(server, draft({ page }));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('etag'), null);
  });
});
