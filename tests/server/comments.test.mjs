// Posting, listing, threading and counting comments, over real HTTP and real SQLite.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { draft, get, PAGE, post, thread } from './client.mjs';
import { core } from './limits.mjs';

describe('comments', () => {
  let server;
  before(async () => { server = await startParleyd(); });
  after(async () => { await server.stop(); });

  it('stores a comment and returns it in the public form with 201', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await post(server, draft({ page: '/first/', text: 'Hello *world*' }));
    assert.equal(res.status, 201);
    const c = res.json;
    assert.ok(Number.isInteger(c.id) && c.id > 0);
    assert.equal(c.parent, 0);
    assert.equal(c.depth, 0);
    assert.equal(c.author, 'Ana');
    assert.equal(c.website, 'https://ana.example');
    assert.match(c.html, /<em>world<\/em>/);
    assert.ok(c.created >= before && c.created <= Math.floor(Date.now() / 1000));
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  it('lists a page oldest first, and an unknown page as an empty thread', async () => {
    const page = '/listing/';
    const a = await post(server, draft({ page, text: 'first', author: 'Ana' }));
    const b = await post(server, draft({ page, text: 'second', author: 'Bo' }));
    const res = await thread(server, page);
    assert.equal(res.status, 200);
    assert.equal(res.json.page, page);
    assert.equal(res.json.count, 2);
    assert.deepEqual(res.json.comments.map((c) => c.id), [a.json.id, b.json.id]);
    assert.deepEqual(res.json.comments.map((c) => c.author), ['Ana', 'Bo']);

    const empty = await thread(server, '/nobody-commented-here/');
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.json, { page: '/nobody-commented-here/', count: 0, comments: [] });
  });

  it('keeps pages and sites apart', async () => {
    await post(server, draft({ page: '/apart-a/', text: 'on a' }));
    const b = await thread(server, '/apart-b/');
    assert.equal(b.json.count, 0);
  });

  it('threads replies with parent and depth', async () => {
    const page = '/threaded/';
    const root = (await post(server, draft({ page, text: 'root' }))).json;
    const reply = await post(server, draft({ page, parent: root.id, text: 'reply' }));
    assert.equal(reply.status, 201);
    assert.equal(reply.json.parent, root.id);
    assert.equal(reply.json.depth, 1);
    const listed = (await thread(server, page)).json.comments;
    assert.deepEqual(listed.map((c) => [c.parent, c.depth]), [[0, 0], [root.id, 1]]);
  });

  it(`makes a reply to a comment at depth ${core.kMaxDepth} its sibling`, async () => {
    const page = '/deep/';
    let parent = 0;
    const chain = [];
    for (let depth = 0; depth <= core.kMaxDepth; depth++) {
      const c = (await post(server, draft({ page, parent, text: `depth ${depth}` }))).json;
      assert.equal(c.depth, depth);
      chain.push(c);
      parent = c.id;
    }
    const deepest = chain.at(-1);
    const res = await post(server, draft({ page, parent: deepest.id, text: 'too deep' }));
    assert.equal(res.status, 201);
    assert.equal(res.json.depth, core.kMaxDepth);
    assert.equal(res.json.parent, deepest.parent, 'stored as a sibling of the deepest comment');
  });

  it('refuses a parent from another page, or one that does not exist', async () => {
    const other = (await post(server, draft({ page: '/elsewhere/' }))).json;
    for (const parent of [other.id, 999999]) {
      const res = await post(server, draft({ page: '/here/', parent }));
      assert.equal(res.status, 400);
      assert.equal(res.json.error, 'invalid');
      assert.equal(res.json.field, 'parent');
    }
    assert.equal((await thread(server, '/here/')).json.count, 0);
  });

  it('counts comments for several pages at once', async () => {
    await post(server, draft({ page: '/count-a/' }));
    await post(server, draft({ page: '/count-a/' }));
    await post(server, draft({ page: '/count-b/' }));
    const res = await get(server,
      '/api/counts?site=demo&page=/count-a/&page=/count-b/&page=/count-none/');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { counts: { '/count-a/': 2, '/count-b/': 1, '/count-none/': 0 } });
  });

  it(`refuses more than ${core.kMaxCountPages} pages in one counts request`, async () => {
    const pages = Array.from({ length: core.kMaxCountPages + 1 }, (_, i) => `page=/p${i}/`);
    const res = await get(server, `/api/counts?site=demo&${pages.join('&')}`);
    assert.equal(res.status, 400);
    assert.equal(res.json.error, 'bad_request');
    const ok = await get(server, `/api/counts?site=demo&${pages.slice(1).join('&')}`);
    assert.equal(ok.status, 200);
    assert.equal(Object.keys(ok.json.counts).length, core.kMaxCountPages);
  });

  it('never returns the email, in any response', async () => {
    const email = 'secret.address@example.org';
    const page = '/private/';
    const created = await post(server, draft({ page, email }));
    assert.equal(created.status, 201);
    const root = created.json;
    const reply = await post(server, draft({ page, email, parent: root.id }));
    const listed = await thread(server, page);
    for (const res of [created, reply, listed]) {
      assert.ok(!res.text.includes(email), `email leaked in ${res.text}`);
      assert.ok(!res.text.includes('"email"'));
    }
  });

  it('stores markup as text and returns it escaped', async () => {
    const page = '/xss/';
    const text = '<script>alert(1)</script> <img src=x onerror=alert(2)>';
    const res = await post(server, draft({ page, text }));
    assert.equal(res.status, 201);
    for (const c of [res.json, (await thread(server, page)).json.comments[0]]) {
      assert.match(c.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.ok(!c.html.includes('<script'));
      assert.ok(!c.html.includes('<img'));
    }
  });

  it('escapes the author name as JSON text, never as markup', async () => {
    const res = await post(server, draft({ page: '/names/', author: '<b>Bo</b>' }));
    assert.equal(res.status, 201);
    assert.equal(res.json.author, '<b>Bo</b>');
  });

  it('normalises before storing: trimmed name, CRLF text', async () => {
    const res = await post(server, draft({ page: '/trim/', author: '  Ana  ', text: 'a\r\nb  ' }));
    assert.equal(res.status, 201);
    assert.equal(res.json.author, 'Ana');
  });

  it('answers the health check', async () => {
    const res = await get(server, '/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { ok: true });
  });
});

describe('persistence', () => {
  it('keeps comments across a restart on the same database', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parleyd-restart-'));
    const dbPath = path.join(dir, 'nested', 'parley.db');  // parleyd creates the folder
    try {
      const first = await startParleyd({ dbPath });
      const root = (await post(first, draft({ text: 'before restart' }))).json;
      await post(first, draft({ parent: root.id, text: 'reply before restart' }));
      await first.stop();

      const second = await startParleyd({ dbPath });
      const res = await thread(second, PAGE);
      assert.equal(res.json.count, 2);
      assert.deepEqual(res.json.comments.map((c) => c.parent), [0, root.id]);
      const next = await post(second, draft({ text: 'after restart' }));
      assert.ok(next.json.id > root.id, 'ids keep increasing');
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
