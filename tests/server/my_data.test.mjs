// A reader's own data over real HTTP (docs/privacy.md): a signed-in reader (a real
// OpenID Connect provider on loopback) downloads and erases their comments and likes
// with GET/DELETE /api/me/data, a guest the likes of their browser's like token; the
// owner does the same for a guest known by email with `parleyd privacy export|delete`.
// Runs on SQLite and, with PARLEY_STORE=postgres, on PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { startOidcProvider, TEST_CLIENT, TEST_USER } from '../support/oidc-provider.mjs';
import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, post, thread } from './client.mjs';
import { isEvent, openEvents } from './sse_client.mjs';
import { loginToken } from './login_popup.mjs';

const run = promisify(execFile);
const SECRET = 'my-data-test-secret-long-enough-0123456789abc';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('a reader\'s own data', () => {
  let idp;
  let server;
  let dir;
  let token;
  const posted = {};

  // `likeToken`: a browser's like token, for a guest's likes (`&token=`).
  async function myData(method, bearer, likeToken) {
    const headers = { Origin: ORIGIN };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const query = likeToken === undefined ? '' : `&token=${encodeURIComponent(likeToken)}`;
    const res = await fetch(`${server.url}/api/me/data?site=demo${query}`, { method, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: JSON.parse(text) };
  }

  async function like(page, bearer, { token = randomUUID(), comment = 0 } = {}) {
    const res = await fetch(`${server.url}/api/likes?site=demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN,
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ page, comment, token }),
    });
    assert.equal(res.status, 200);
    return res.json();
  }

  // What every reader of the page sees: its count, and each liked comment's.
  async function likesOf(page, token) {
    const query = token ? `&token=${token}` : '';
    const res = await fetch(`${server.url}/api/likes?site=demo&page=${page}${query}`);
    return res.json();
  }

  function storeFlags() {
    return server.pgUrl ? ['--store', 'postgres', '--pg', server.pgUrl] : ['--db', server.dbPath];
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-my-data-'));
    idp = await startOidcProvider();
    const provider = { id: 'local', name: 'Local ID', issuer: idp.issuer,
      client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret };
    const config = path.join(dir, 'login.json');
    await writeFile(config, JSON.stringify({ login: { secret: SECRET, sites: {
      demo: { providers: [provider] } } } }));
    server = await startParleyd({ sites: [{ id: 'demo', origins: [ORIGIN] }],
      extraArgs: ['--likes-per-minute', '0', '--config', config] });
    idp.registerClient({ redirectUris: [`${server.url}/auth/callback`] });
    token = await loginToken(server, 'demo', ORIGIN);
  });
  after(async () => {
    await server?.stop();
    await idp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GET /api/me/data lists the signed-in reader\'s comments and likes, and nobody else\'s', async () => {
    const as = { headers: { Authorization: `Bearer ${token}` } };
    const mine = await post(server, draft({ page: '/data/a/', text: 'Mine, with a reply' }), as);
    assert.equal(mine.status, 201, mine.text);
    const reply = await post(server, draft({ page: '/data/a/', parent: mine.json.id,
      text: 'A guest answers', author: 'Bo', email: 'bo@example.org' }));
    assert.equal(reply.status, 201);
    const alone = await post(server, draft({ page: '/data/b/', text: 'Mine, alone' }), as);
    posted.mine = mine.json.id;
    await like('/data/a/', token);
    await like('/data/a/');  // a guest's like is not the reader's

    const res = await myData('GET', token);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.json.site, 'demo');
    assert.match(res.json.exported, ISO);
    assert.deepEqual(res.json.comments.map((c) => [c.id, c.reply_to, c.page, c.author, c.text, c.status]), [
      [mine.json.id, 0, '/data/a/', TEST_USER.name, 'Mine, with a reply', 'approved'],
      [alone.json.id, 0, '/data/b/', TEST_USER.name, 'Mine, alone', 'approved'],
    ]);
    assert.match(res.json.comments[0].created, ISO);
    assert.deepEqual(res.json.likes.map((l) => [l.page, l.comment]), [['/data/a/', 0]]);
    assert.ok(!JSON.stringify(res.json).includes('bo@example.org'));
  });

  it('refuses a guest and a forged login with 401, never a 500', async () => {
    for (const method of ['GET', 'DELETE']) {
      const guest = await myData(method);
      assert.equal(guest.status, 401);
      assert.equal(guest.json.error, 'login_required');
      const forged = await myData(method, `${token}x`);
      assert.equal(forged.status, 401);
    }
  });

  it('DELETE /api/me/data erases them: replies keep a placeholder, likes are gone', async () => {
    const live = await openEvents(server, 'site=demo&page=%2Fdata%2Fa%2F', { Origin: ORIGIN });
    try {
      const res = await myData('DELETE', token);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json, { deleted_comments: 2, deleted_likes: 1 });
      // An open page takes it away at once, as when the author deletes one comment.
      const frame = await live.next((f) => isEvent(f) && JSON.parse(f.data).type === 'comment.deleted');
      const { comment } = JSON.parse(frame.data);
      assert.deepEqual([comment.id, comment.deleted, comment.author, comment.html],
        [posted.mine, true, '', '']);
    } finally {
      live.close();
    }

    const a = (await thread(server, '/data/a/')).json;
    assert.deepEqual(a.comments.map((c) => [c.deleted ?? false, c.author, c.html === '']),
      [[true, '', true], [false, 'Bo', false]]);
    assert.deepEqual((await thread(server, '/data/b/')).json.comments, []);
    const likes = await (await fetch(`${server.url}/api/likes?site=demo&page=/data/a/`)).json();
    assert.equal(likes.count, 1, 'the guest\'s like stays');

    const again = await myData('GET', token);
    assert.deepEqual([again.json.comments, again.json.likes], [[], []]);
    assert.deepEqual((await myData('DELETE', token)).json, { deleted_comments: 0, deleted_likes: 0 });
  });

  it('a guest downloads and erases the likes of their browser token; counts follow', async () => {
    const page = '/data/guest-likes/';
    const browser = randomUUID();
    const other = randomUUID();
    const c = await post(server, draft({ page, text: 'Liked by a guest', author: 'Di' }));
    assert.equal(c.status, 201);
    await like(page, null, { token: browser });
    await like(page, null, { token: browser, comment: c.json.id });
    await like(page, null, { token: other });  // another browser's stays

    const got = await myData('GET', null, browser);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('cache-control'), 'no-store');
    assert.deepEqual(got.json.comments, [], 'a guest\'s comments go by email, through /privacy');
    assert.deepEqual(got.json.likes.map((l) => [l.page, l.comment]),
      [[page, 0], [page, c.json.id]]);
    assert.match(got.json.likes[0].created, ISO);

    const live = await openEvents(server, `site=demo&page=${encodeURIComponent(page)}`,
      { Origin: ORIGIN });
    try {
      const erased = await myData('DELETE', null, browser);
      assert.equal(erased.status, 200);
      assert.equal(erased.headers.get('cache-control'), 'no-store');
      assert.deepEqual(erased.json, { deleted_comments: 0, deleted_likes: 2 });
      // Open pages' counts drop at once, as after two unlikes.
      const seen = new Map();
      while (seen.size < 2) {
        const frame = await live.next((f) => isEvent(f) && JSON.parse(f.data).type === 'likes.changed');
        const event = JSON.parse(frame.data);
        seen.set(event.comment, event.likes.count);
      }
      assert.deepEqual([...seen].sort((a, b) => a[0] - b[0]), [[0, 1], [c.json.id, 0]]);
    } finally {
      live.close();
    }

    const now = await likesOf(page, browser);
    assert.deepEqual([now.count, now.liked, now.comments], [1, false, []]);
    const counts = await (await fetch(`${server.url}/api/likes/counts?site=demo&page=${page}`)).json();
    assert.deepEqual(counts.counts, { [page]: 1 });
    assert.deepEqual((await myData('GET', null, browser)).json.likes, []);
    assert.equal((await likesOf(page, other)).liked, true);
    assert.deepEqual((await myData('DELETE', null, browser)).json,
      { deleted_comments: 0, deleted_likes: 0 });
  });

  it('with a login and a like token, both: the account\'s data and the browser\'s likes', async () => {
    const browser = randomUUID();
    const as = { headers: { Authorization: `Bearer ${token}` } };
    const mine = await post(server, draft({ page: '/data/both/', text: 'Signed in' }), as);
    assert.equal(mine.status, 201);
    await like('/data/both/', token);
    await like('/data/both-guest/', null, { token: browser });

    const got = await myData('GET', token, browser);
    assert.equal(got.status, 200);
    assert.deepEqual(got.json.comments.map((c) => c.id), [mine.json.id]);
    assert.deepEqual(got.json.likes.map((l) => l.page), ['/data/both/', '/data/both-guest/']);
    // Each alone sees only its own.
    assert.deepEqual((await myData('GET', token)).json.likes.map((l) => l.page), ['/data/both/']);
    assert.deepEqual((await myData('GET', null, browser)).json.likes.map((l) => l.page),
      ['/data/both-guest/']);

    assert.deepEqual((await myData('DELETE', token, browser)).json,
      { deleted_comments: 1, deleted_likes: 2 });
    assert.deepEqual([(await likesOf('/data/both/')).count, (await likesOf('/data/both-guest/')).count],
      [0, 0]);
    assert.deepEqual((await thread(server, '/data/both/')).json.comments, []);
  });

  it('a malformed like token is 400 with a message, a bad login still 401', async () => {
    for (const method of ['GET', 'DELETE']) {
      for (const bad of ['short', 'x'.repeat(65), 'has spaces in it, quite long', '']) {
        const res = await myData(method, null, bad);
        assert.equal(res.status, 400, `${method} ${JSON.stringify(bad)}`);
        assert.equal(res.json.error, 'invalid');
        assert.equal(res.json.field, 'token');
        assert.match(res.json.message, /like token/);
      }
      assert.equal((await myData(method, token, 'short')).status, 400);
      const forged = await myData(method, `${token}x`, randomUUID());
      assert.equal(forged.status, 401);
      assert.equal(forged.json.error, 'login_required');
    }
  });

  it('parleyd privacy export and delete: a guest\'s comments by the email they typed', async () => {
    const first = await post(server, draft({ page: '/data/guest/', text: 'Guest one',
      author: 'Cy', email: 'cy@example.org' }));
    const second = await post(server, draft({ page: '/data/guest/', text: 'Guest two',
      author: 'Cy', email: 'CY@Example.org' }));
    await post(server, draft({ page: '/data/guest/', text: 'Someone else', email: 'dee@example.org' }));

    const out = path.join(dir, 'cy.json');
    await run(PARLEYD_PATH, ['privacy', 'export', '--site', 'demo', '--email', 'Cy@example.org',
      '--out', out, ...storeFlags()]);
    const exported = JSON.parse(await readFile(out, 'utf8'));
    assert.deepEqual(exported.comments.map((c) => [c.id, c.text, c.author]),
      [[first.json.id, 'Guest one', 'Cy'], [second.json.id, 'Guest two', 'Cy']]);
    assert.deepEqual([exported.likes, exported.subscriptions], [[], []]);
    const printed = await run(PARLEYD_PATH, ['privacy', 'export', '--site', 'demo', '--email',
      'cy@example.org', ...storeFlags()]);
    assert.deepEqual(JSON.parse(printed.stdout).comments, exported.comments);

    const erased = await run(PARLEYD_PATH, ['privacy', 'delete', '--site', 'demo', '--email',
      'cy@example.org', ...storeFlags()]);
    assert.equal(erased.stdout, 'deleted 2 comments and 0 reply subscriptions\n');
    // Another process wrote: PostgreSQL's change notification reaches parleyd a moment
    // later (SQLite's change counter at once), so poll, bounded.
    let left;
    for (let i = 0; i < 40; ++i) {
      left = (await thread(server, '/data/guest/')).json.comments;
      if (left.length === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(left.length, 1);
    assert.match(left[0].html, /Someone else/);

    await assert.rejects(run(PARLEYD_PATH, ['privacy', 'export', '--site', 'demo', ...storeFlags()]),
      (err) => err.code === 2 && /--email is required/.test(err.stderr));
  });
});
