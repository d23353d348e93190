// Likes over real HTTP: like/unlike/list, per-browser dedupe, the per-address cap, rate
// limits, require-login and bad input (the same error rules as comments).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, PAGE, draft, get, post } from './client.mjs';
import { isEvent, openEvents } from './sse_client.mjs';

// Mirrors limits::kMaxLikesPerAddress (server/service/like_service.hpp).
const MAX_LIKES_PER_ADDRESS = 50;

async function send(server, method, body, { site = 'demo', headers = {} } = {}) {
  const res = await fetch(`${server.url}/api/likes?site=${site}`, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json };
}

const like = (server, body, opts) => send(server, 'POST', body, opts);
const unlike = (server, body, opts) => send(server, 'DELETE', body, opts);
const list = (server, page = PAGE, token = '') =>
  get(server, `/api/likes?site=demo&page=${encodeURIComponent(page)}` +
    (token ? `&token=${token}` : ''));

describe('likes', () => {
  let server;
  before(async () => {
    server = await startParleyd({ extraArgs: ['--likes-per-minute', '0'] });
  });
  after(() => server.stop());

  it('a page nobody liked reads as zero', async () => {
    const res = await list(server, '/never-liked/');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {
      page: '/never-liked/', comment: 0, count: 0, liked: false, recent: [], comments: [],
      require_login: false,
    });
  });

  it('likes a page once per browser token, and unlikes', async () => {
    const page = '/once/';
    const ana = randomUUID();
    const first = await like(server, { page, token: ana });
    assert.equal(first.status, 200);
    assert.equal(first.json.count, 1);
    assert.equal(first.json.liked, true);
    assert.equal(first.json.recent.length, 1);
    // A guest: a generated avatar's seed, no name.
    assert.deepEqual(Object.keys(first.json.recent[0]), ['avatar']);
    assert.match(first.json.recent[0].avatar, /^[0-9a-f]{8}$/);
    // The same browser again: still one like.
    const again = await like(server, { page, token: ana });
    assert.equal(again.json.count, 1);
    assert.equal((await list(server, page, ana)).json.liked, true);
    assert.equal((await list(server, page)).json.liked, false);

    const gone = await unlike(server, { page, token: ana });
    assert.equal(gone.status, 200);
    assert.deepEqual([gone.json.count, gone.json.liked, gone.json.recent], [0, false, []]);
    // Unliking twice states the same end result.
    assert.equal((await unlike(server, { page, token: ana })).json.count, 0);
  });

  it('counts every browser behind one address, newest avatars first', async () => {
    const page = '/office/';
    const tokens = [randomUUID(), randomUUID(), randomUUID()];
    const seeds = [];
    for (const token of tokens) seeds.unshift((await like(server, { page, token })).json.recent[0]);
    const res = await list(server, page, tokens[1]);
    assert.equal(res.json.count, 3);
    assert.equal(res.json.liked, true);
    assert.deepEqual(res.json.recent, seeds);
    // A token's avatar seed is not the token.
    assert.ok(!tokens.some((t) => res.json.recent.some((r) => r.avatar === t)));
  });

  it('likes comments with their own counts, per reader', async () => {
    const page = '/comment-likes/';
    const a = (await post(server, draft({ page }))).json;
    const b = (await post(server, draft({ page, text: 'second' }))).json;
    const ana = randomUUID();
    const ben = randomUUID();
    assert.equal((await like(server, { page, comment: a.id, token: ana })).json.count, 1);
    assert.equal((await like(server, { page, comment: a.id, token: ben })).json.count, 2);
    assert.equal((await like(server, { page, comment: b.id, token: ben })).json.count, 1);
    const res = await list(server, page, ana);
    assert.equal(res.json.count, 0, 'comment likes are not page likes');
    assert.deepEqual(res.json.comments, [
      { id: a.id, count: 2, liked: true },
      { id: b.id, count: 1, liked: false },
    ]);
    const missing = await like(server, { page, comment: b.id + 1000, token: ana });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.field, 'comment');
    assert.equal(missing.json.errors[0].code, 'not_found');
  });

  it('counts page likes of many pages in one request', async () => {
    await like(server, { page: '/count-a/', token: randomUUID() });
    await like(server, { page: '/count-a/', token: randomUUID() });
    await like(server, { page: '/count-b/', token: randomUUID() });
    const res = await get(server, '/api/likes/counts?site=demo&page=/count-a/&page=/count-b/&page=/count-none/');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.counts, { '/count-a/': 2, '/count-b/': 1, '/count-none/': 0 });
    assert.equal((await get(server, '/api/likes/counts?site=demo')).status, 400);
    const tooMany = Array.from({ length: 101 }, (_, i) => `page=/p${i}/`).join('&');
    assert.equal((await get(server, `/api/likes/counts?site=demo&${tooMany}`)).status, 400);
  });

  it('refuses bad input with a clear 4xx JSON error', async () => {
    const token = randomUUID();
    const cases = [
      [{ token }, 400, 'page'],
      [{ page: 'no-slash', token }, 400, 'page'],
      [{ page: PAGE }, 400, 'token'],
      [{ page: PAGE, token: 'short' }, 400, 'token'],
      [{ page: PAGE, token: 'a'.repeat(65) }, 400, 'token'],
      [{ page: PAGE, token: 'has spaces in it, too many' }, 400, 'token'],
      [{ page: PAGE, comment: -1, token }, 400, 'comment'],
      [{ page: PAGE, comment: 'one', token }, 400, 'comment'],
      [{ page: PAGE, comment: 1.5, token }, 400, 'comment'],
    ];
    for (const [body, status, field] of cases) {
      const res = await like(server, body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.json.field, field, JSON.stringify(body));
      assert.equal(typeof res.json.message, 'string');
    }
    assert.equal((await like(server, 'not json')).json.error, 'bad_json');
    assert.equal((await like(server, '[1]')).json.error, 'bad_json');
    const plain = await like(server, JSON.stringify({ page: PAGE, token }),
      { headers: { 'Content-Type': 'text/plain' } });
    assert.equal(plain.status, 415);
    assert.equal((await like(server, { page: PAGE, token }, { site: 'nope' })).status, 404);
    const foreign = await like(server, { page: PAGE, token }, { headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal((await list(server, '')).status, 400);
    assert.equal((await get(server, `/api/likes?site=demo&page=${PAGE}&token=bad`)).status, 400);
    // Nothing was counted by any refused request.
    assert.equal((await list(server)).json.count, 0);
  });

  it('answers the CORS preflight of an unlike', async () => {
    const res = await fetch(`${server.url}/api/likes?site=demo`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'DELETE' },
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('access-control-allow-methods'), /DELETE/);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
  });
});

describe('likes on the live stream (likes.changed)', () => {
  let server;
  const streams = [];
  before(async () => {
    server = await startParleyd({ extraArgs: ['--likes-per-minute', '0'] });
  });
  after(async () => {
    await server.stop();
    for (const s of streams) s.close();
  });
  const listen = async (page) => {
    const s = await openEvents(server, `site=demo&page=${encodeURIComponent(page)}`,
      { Origin: ORIGIN });
    streams.push(s);
    assert.equal(s.status, 200);
    await s.next((f) => f.comment === 'ping');
    return s;
  };
  const changed = (f) => isEvent(f) && JSON.parse(f.data).type === 'likes.changed';

  it('tells the page\'s readers the new count and avatars of a like and an unlike', async () => {
    const page = '/live-likes/';
    const s = await listen(page);
    const other = await listen('/another-page/');
    const token = randomUUID();
    const liked = await like(server, { page, token });
    const event = JSON.parse((await s.next(changed)).data);
    assert.deepEqual(event, {
      type: 'likes.changed', comment: 0, likes: { count: 1, recent: liked.json.recent },
    });
    // The reader's own state is not broadcast: the event is the same for every reader.
    assert.equal('liked' in event.likes, false);

    await unlike(server, { page, token });
    const after = await s.next((f) => changed(f) && JSON.parse(f.data).likes.count === 0);
    assert.deepEqual(JSON.parse(after.data).likes, { count: 0, recent: [] });
    // Nothing reached a stream of another page.
    assert.equal(other.frames.filter(changed).length, 0);
  });

  it('carries comment likes with the comment id; refused likes send nothing', async () => {
    const page = '/live-comment-likes/';
    const c = (await post(server, draft({ page }))).json;
    const s = await listen(page);
    await like(server, { page, comment: c.id, token: randomUUID() });
    const event = JSON.parse((await s.next(changed)).data);
    assert.equal(event.comment, c.id);
    assert.equal(event.likes.count, 1);
    const missing = await like(server, { page, comment: c.id + 1000, token: randomUUID() });
    assert.equal(missing.status, 400);
    const bad = await like(server, { page, token: 'short' });
    assert.equal(bad.status, 400);
    // One more like proves the stream is still delivering; before it, only the first.
    await like(server, { page, comment: c.id, token: randomUUID() });
    await s.next((f) => changed(f) && JSON.parse(f.data).likes.count === 2);
    assert.deepEqual(s.frames.filter(changed).map((f) => JSON.parse(f.data).likes.count), [1, 2]);
  });
});

describe('likes against abuse', () => {
  it(`takes at most ${MAX_LIKES_PER_ADDRESS} likes of one page from one address a day`, async () => {
    const server = await startParleyd({ extraArgs: ['--likes-per-minute', '0'] });
    try {
      const page = '/minted-tokens/';
      for (let i = 0; i < MAX_LIKES_PER_ADDRESS; i++) {
        assert.equal((await like(server, { page, token: randomUUID() })).status, 200);
      }
      const refused = await like(server, { page, token: randomUUID() });
      assert.equal(refused.status, 429);
      assert.equal(refused.json.error, 'rate_limited');
      assert.match(refused.json.message, /Too many likes from your network/);
      assert.equal((await list(server, page)).json.count, MAX_LIKES_PER_ADDRESS);
      // Another page is another target.
      assert.equal((await like(server, { page: '/other/', token: randomUUID() })).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('rate limits likes per client, with Retry-After', async () => {
    const server = await startParleyd({ extraArgs: ['--likes-per-minute', '2'] });
    try {
      const token = randomUUID();
      assert.equal((await like(server, { page: PAGE, token })).status, 200);
      assert.equal((await unlike(server, { page: PAGE, token })).status, 200);
      const res = await like(server, { page: PAGE, token });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      // Reading is not liking.
      assert.equal((await list(server)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('refuses guests when the site requires login to like', async () => {
    const server = await startParleyd({
      extraArgs: ['--site', 'members', '--origin', ORIGIN, '--likes-require-login'],
    });
    try {
      const res = await like(server, { page: PAGE, token: randomUUID() }, { site: 'members' });
      assert.equal(res.status, 401);
      assert.equal(res.json.error, 'login_required');
      assert.equal(res.json.message, 'Sign in to like posts and comments on this site.');
      const read = await get(server, `/api/likes?site=members&page=${PAGE}`);
      assert.equal(read.json.require_login, true);
      assert.equal(read.json.count, 0);
      // Other sites of the same server are unaffected.
      assert.equal((await like(server, { page: PAGE, token: randomUUID() })).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('keeps likes across a restart (stored, migrated schema)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-likes-'));
    const dbPath = path.join(dir, 'parley.db');
    const token = randomUUID();
    try {
      const first = await startParleyd({ dbPath, extraArgs: ['--likes-per-minute', '0'] });
      try {
        assert.equal((await like(first, { page: PAGE, token })).json.count, 1);
      } finally {
        await first.stop();
      }
      const second = await startParleyd({ dbPath, extraArgs: ['--likes-per-minute', '0'] });
      try {
        const res = await list(second, PAGE, token);
        assert.deepEqual([res.json.count, res.json.liked], [1, true]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
