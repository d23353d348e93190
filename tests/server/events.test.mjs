// GET /api/events: live updates as Server-Sent Events, against the real parleyd.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, PAGE, draft, get, post } from './client.mjs';
import { isEvent, openEvents } from './sse_client.mjs';

// server/live/live_limits.hpp: kLiveHeartbeat is 15 s; the test waits a little longer.
const HEARTBEAT_WAIT_MS = 25_000;
const query = (page = PAGE) => `site=demo&page=${encodeURIComponent(page)}`;
const created = (f) => isEvent(f) && JSON.parse(f.data).type === 'comment.created';

describe('live updates (GET /api/events)', () => {
  let server;
  const open = [];
  const events = async (q = query(), headers = { Origin: ORIGIN }) => {
    const s = await openEvents(server, q, headers);
    open.push(s);
    return s;
  };
  before(async () => { server = await startParleyd(); });
  // Streams are still open when parleyd stops: shutdown with live streams must be clean.
  after(async () => {
    await server.stop();
    for (const s of open) s.close();
  });

  test('answers with an event stream the allowed origin may read', async () => {
    const s = await events();
    assert.equal(s.status, 200);
    assert.match(s.headers['content-type'], /^text\/event-stream/);
    assert.equal(s.headers['access-control-allow-origin'], ORIGIN);
    assert.equal(s.headers['cache-control'], 'no-store');
    assert.equal(s.headers['content-length'], undefined);
    // The reconnection hint and a first comment line arrive at once.
    const first = await s.next(() => true);
    assert.equal(first.retry, '3000');
    assert.equal(first.comment, 'ping');
  });

  test('a posted comment reaches readers of its page, with an id', async () => {
    const a = await events();
    const other = await events(query('/another/page/'));
    const res = await post(server, draft({ text: 'Live *hello*', author: 'Bo' }));
    assert.equal(res.status, 201);
    const frame = await a.next(created);
    assert.match(frame.id, /^\d+$/);
    const event = JSON.parse(frame.data);
    assert.equal(event.comment.id, res.json.id);
    assert.equal(event.comment.author, 'Bo');
    assert.equal(event.comment.html, '<p>Live <em>hello</em></p>\n');
    assert.equal(event.comment.email, undefined, 'emails never go out');
    // The other page's reader gets its own page's comment as its first event, not Bo's.
    const mine = await post(server, draft({ page: '/another/page/', author: 'Cy' }));
    const otherFrame = await other.next(isEvent);
    assert.equal(JSON.parse(otherFrame.data).comment.id, mine.json.id);
  });

  test('Last-Event-ID resumes after the events the reader saw', async () => {
    const page = '/resume/';
    const s = await events(query(page));
    const ids = [];
    for (const author of ['One', 'Two', 'Three']) {
      await post(server, draft({ page, author }));
      ids.push((await s.next(created)).id);
    }
    s.close();
    const resumed = await events(query(page), { Origin: ORIGIN, 'Last-Event-ID': ids[0] });
    const two = await resumed.next(isEvent);
    const three = await resumed.next(isEvent);
    assert.deepEqual([two.id, three.id], ids.slice(1));
    assert.deepEqual([JSON.parse(two.data).comment.author, JSON.parse(three.data).comment.author],
      ['Two', 'Three']);
    // The query parameter does the same for streams the widget reopens itself.
    const reopened = await events(`${query(page)}&last_event_id=${ids[1]}`);
    assert.equal((await reopened.next(isEvent)).id, ids[2]);
    // Without an id a new reader gets only what happens from now on.
    const fresh = await events(query(page));
    await post(server, draft({ page, author: 'Four' }));
    assert.equal(JSON.parse((await fresh.next(isEvent)).data).comment.author, 'Four');
  });

  test('a Last-Event-ID the server cannot place replays the recent events', async () => {
    const page = '/foreign-id/';
    await post(server, draft({ page, author: 'Before' }));
    const s = await events(query(page), { Origin: ORIGIN, 'Last-Event-ID': '99999999999999999' });
    assert.equal(JSON.parse((await s.next(isEvent)).data).comment.author, 'Before');
  });

  test('a quiet stream gets heartbeats', { timeout: HEARTBEAT_WAIT_MS + 5_000 }, async () => {
    const s = await events(query('/quiet/'));
    await s.next((f) => f.comment === 'ping');
    const beat = await s.next((f) => f.comment === 'ping', HEARTBEAT_WAIT_MS);
    assert.equal(beat.data, undefined);
  });

  test('bad requests get JSON errors', async () => {
    const missing = await get(server, '/api/events?site=demo');
    assert.equal(missing.status, 400);
    assert.equal(missing.json.message, 'page is required.');
    const badPage = await get(server, '/api/events?site=demo&page=no-slash');
    assert.equal(badPage.status, 400);
    assert.equal(badPage.json.error, 'bad_request');
    const unknown = await get(server, `/api/events?site=nope&page=${encodeURIComponent(PAGE)}`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error, 'unknown_site');
    const posted = await fetch(`${server.url}/api/events?${query()}`, { method: 'POST' });
    assert.equal(posted.status, 405);
  });

  test('the preflight lets EventSource resume cross-origin', async () => {
    const res = await fetch(`${server.url}/api/events?${query()}`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'last-event-id' },
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('access-control-allow-headers'), /Last-Event-ID/);
  });
});
