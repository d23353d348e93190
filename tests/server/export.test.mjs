// parleyd export, re-import of its JSON, and thread move/merge: through the real binary
// on the database a real server reads, checked over HTTP.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { comments, commentsOnceSettled, parleyd, storeArgs } from './commands.mjs';
import { ORIGIN, draft, get, post } from './client.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SITES = [{ id: 'blog', origins: [ORIGIN] }];

async function exportSite(server, out) {
  const res = await parleyd(['export', ...storeArgs(server), '--site', 'blog', '--out', out]);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(await readFile(out, 'utf8'));
}

// What must survive a round trip: everything but the ids the new database assigns.
function comparable(exported) {
  return exported.threads.map((t) => ({
    page: t.page,
    title: t.title,
    comments: t.comments.map(({ id, parent, likes, ...rest }) => rest),
  }));
}

describe('export and re-import', () => {
  let dir;
  let first;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-export-'));
    first = await startParleyd({ sites: SITES });
    // Posted comments, a reply and likes, plus imported ones with every status.
    const root = await post(first, draft({ page: '/p/', text: 'Root **bold**' }), { site: 'blog' });
    assert.equal(root.status, 201);
    const reply = await post(first, draft({ page: '/p/', parent: root.json.id, text: 'Reply' }),
      { site: 'blog' });
    assert.equal(reply.status, 201);
    const like = await fetch(`${first.url}/api/likes?site=blog`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ page: '/p/', comment: root.json.id, token: 'a'.repeat(32) }),
    });
    assert.ok(like.ok, await like.text());
    const imported = await parleyd(['import', ...storeArgs(first), '--site', 'blog', '--format',
      'wxr', path.join(FIXTURES, 'wordpress.wxr')]);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(async () => {
    await first?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports every thread, status, email and like count as documented JSON', async () => {
    const out = await exportSite(first, path.join(dir, 'a.json'));
    assert.equal(out.format, 'parley-export');
    assert.equal(out.version, 1);
    assert.equal(out.site, 'blog');
    assert.deepEqual(out.threads.map((t) => t.page),
      ['/2011/07/raids/', '/2011/08/second/', '/p/']);
    const p = out.threads[2];
    assert.equal(p.comments.length, 2);
    const [root, reply] = p.comments;
    assert.equal(root.key, `parley:blog:${root.id}@${root.created}`);
    assert.equal(root.text, 'Root **bold**');
    assert.equal(root.email, 'ana@example.org');
    assert.equal(root.likes, 1);
    assert.equal(reply.parent, root.id);
    assert.equal(reply.parent_key, root.key);
    const raids = out.threads[0].comments;
    assert.deepEqual(raids.map((c) => c.status).sort(), ['approved', 'approved', 'pending', 'spam']);
    assert.ok(raids.every((c) => c.key.startsWith('wxr:12:')));
  });

  it('re-importing the export into the same site adds nothing', async () => {
    const file = path.join(dir, 'same.json');
    const before = await exportSite(first, file);
    const res = await parleyd(['import', ...storeArgs(first), '--site', 'blog', '--format', 'json', file]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'imported 0, already present 9, skipped 0');
    const after = await exportSite(first, path.join(dir, 'same-after.json'));
    assert.deepEqual(comparable(after), comparable(before));
  });

  it('round trip: a fresh server gets the same threads and comments', async () => {
    const file = path.join(dir, 'trip.json');
    const original = await exportSite(first, file);
    const second = await startParleyd({ sites: SITES });
    try {
      const res = await parleyd(['import', ...storeArgs(second), '--site', 'blog', '--format', 'json', file]);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(res.stdout.trim(), 'imported 9, already present 0, skipped 0');
      const copy = await exportSite(second, path.join(dir, 'trip-copy.json'));
      assert.deepEqual(comparable(copy), comparable(original));
      // What readers see is the same too (ids aside).
      const strip = (list) => list.map(({ id, parent, ...rest }) => rest);
      assert.deepEqual(strip(await comments(second, '/p/')), strip(await comments(first, '/p/')));
      const again = await parleyd(['import', ...storeArgs(second), '--site', 'blog', '--format', 'json', file]);
      assert.equal(again.stdout.trim(), 'imported 0, already present 9, skipped 0');
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not a Parley export, with a message', async () => {
    const res = await parleyd(['import', ...storeArgs(first), '--site', 'blog', '--format', 'json',
      path.join(FIXTURES, 'disqus.xml')]);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /not valid JSON/);
  });
});

describe('thread move and merge', () => {
  let server;
  before(async () => { server = await startParleyd({ sites: SITES }); });
  after(async () => { await server?.stop(); });

  const cli = (...args) => parleyd(['thread', ...args, ...storeArgs(server), '--site', 'blog']);

  it('move gives a thread a new page key; ids and threading stay', async () => {
    const root = await post(server, draft({ page: '/old-url/', text: 'Root' }), { site: 'blog' });
    const reply = await post(server, draft({ page: '/old-url/', parent: root.json.id, text: 'Reply' }),
      { site: 'blog' });
    const res = await cli('move', '--from', '/old-url/', '--to', '/new-url/');
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'moved 2 comments from /old-url/ to /new-url/');
    assert.deepEqual(await comments(server, '/old-url/'), []);
    const moved = await comments(server, '/new-url/');
    assert.deepEqual(moved.map((c) => c.id), [root.json.id, reply.json.id]);
    assert.equal(moved[1].parent, root.json.id);
    const counts = await get(server, '/api/counts?site=blog&page=/old-url/&page=/new-url/');
    assert.deepEqual(counts.json.counts, { '/old-url/': 0, '/new-url/': 2 });
    // A reply to a moved comment lands on its new page.
    const late = await post(server, draft({ page: '/new-url/', parent: root.json.id, text: 'Later' }),
      { site: 'blog' });
    assert.equal(late.status, 201);
  });

  it('move refuses a target that has a thread; merge joins them', async () => {
    await post(server, draft({ page: '/x/', text: 'On x' }), { site: 'blog' });
    await post(server, draft({ page: '/y/', text: 'On y' }), { site: 'blog' });
    const refused = await cli('move', '--from', '/x/', '--to', '/y/');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\/y\/ already has a thread; use parleyd thread merge/);
    const merged = await cli('merge', '--from', '/x/', '--into', '/y/');
    assert.equal(merged.code, 0, merged.stderr);
    assert.deepEqual((await comments(server, '/y/')).map((c) => c.html),
      ['<p>On x</p>\n', '<p>On y</p>\n']);
    const missing = await cli('merge', '--from', '/x/', '--into', '/y/');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /has no thread on \/x\//);
    const bad = await cli('move', '--from', 'no-slash', '--to', '/z/');
    assert.equal(bad.code, 2);
  });

  // parleyd caches the threads it serves (server/api/thread_cache.hpp); the commands
  // run in another process, and readers must still see what they changed.
  it('a running server shows what import, move and merge changed in threads it has served', async () => {
    const page = '/2011/08/second/';
    const own = await post(server, draft({ page, text: 'Before the import' }), { site: 'blog' });
    assert.equal(own.status, 201);
    await post(server, draft({ page: '/cached-from/', text: 'To be moved' }), { site: 'blog' });
    await post(server, draft({ page: '/cached-into/', text: 'Merged into' }), { site: 'blog' });
    for (const p of [page, '/cached-from/', '/cached-into/']) {
      assert.equal((await comments(server, p)).length, 1);
      assert.equal((await comments(server, p)).length, 1);  // now served from the cache
    }

    const imported = await parleyd(['import', ...storeArgs(server), '--site', 'blog', '--format',
      'wxr', path.join(FIXTURES, 'wordpress.wxr')]);
    assert.equal(imported.code, 0, imported.stderr);
    const after = await commentsOnceSettled(server, page, (list) => list.length > 1);
    assert.deepEqual(after.map((c) => (c.deleted ? '(deleted)' : c.author)),
      ['(deleted)', 'Replier', 'Verbose', 'Ana']);

    assert.equal((await cli('move', '--from', '/cached-from/', '--to', '/cached-to/')).code, 0);
    assert.deepEqual(await commentsOnceSettled(server, '/cached-from/', (l) => l.length === 0), []);
    assert.equal((await cli('merge', '--from', '/cached-to/', '--into', '/cached-into/')).code, 0);
    const merged = await commentsOnceSettled(server, '/cached-into/', (l) => l.length === 2);
    assert.deepEqual(merged.map((c) => c.html), ['<p>To be moved</p>\n', '<p>Merged into</p>\n']);
  });
});
