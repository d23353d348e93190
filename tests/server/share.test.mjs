// The share bar's server side over real HTTP: owner-side click counts (beacon POST,
// owner GET, rate limit, bad input) and NodeInfo lookups of fediverse servers against
// a loopback fake server, including the refusals that keep parleyd from being used to
// reach private addresses (SSRF).
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, get } from './client.mjs';

async function click(server, body, { type = 'text/plain;charset=UTF-8', site = 'demo' } = {}) {
  const res = await fetch(`${server.url}/api/share-clicks?site=${site}`, {
    method: 'POST',
    headers: { 'Content-Type': type, Origin: ORIGIN },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

const clicks = (server, page) =>
  get(server, `/api/share-clicks?site=demo&page=${encodeURIComponent(page)}`);
const lookup = (server, host) =>
  get(server, `/api/nodeinfo?site=demo&host=${encodeURIComponent(host)}`);

// A fediverse server as parleyd meets it: /.well-known/nodeinfo pointing at a schema
// document naming the software. Counts every connection and request it gets.
async function fakeServer(software, { body } = {}) {
  const seen = { connections: 0, requests: [] };
  const server = http.createServer((req, res) => {
    seen.requests.push(req.url);
    const base = `http://${req.headers.host}`;
    if (req.url == '/.well-known/nodeinfo') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify({
        links: [
          { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${base}/nodeinfo/2.0` },
          { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${base}/nodeinfo/2.1` },
        ],
      }));
    }
    if (req.url == '/nodeinfo/2.1' && software) {
      res.setHeader('Content-Type', 'application/json');
      return res.end(body ?? JSON.stringify({ version: '2.1', software: { name: software } }));
    }
    res.statusCode = 404;
    res.end('{}');
  });
  server.on('connection', () => seen.connections++);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${server.address().port}`, seen, close: () => server.close() };
}

describe('share clicks', () => {
  let server;
  before(async () => {
    server = await startParleyd({ extraArgs: ['--share-clicks-per-minute', '0'] });
  });
  after(() => server.stop());

  it('counts beacon clicks per page and target, for the owner to read', async () => {
    for (const target of ['bluesky', 'bluesky', 'bluesky', 'copy']) {
      const res = await click(server, { page: '/counted/', target });
      assert.equal(res.status, 204);
    }
    await click(server, { page: '/other/', target: 'x' }, { type: 'application/json' });
    const res = await clicks(server, '/counted/');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { page: '/counted/', clicks: { bluesky: 3, copy: 1 }, total: 4 });
    assert.deepEqual((await clicks(server, '/never/')).json, { page: '/never/', clicks: {}, total: 0 });
  });

  it('answers bad clicks with 4xx and a message, counting nothing', async () => {
    const cases = [
      [{ page: '/bad/', target: 'myspace' }, 400, 'target'],
      [{ target: 'x' }, 400, 'page'],
      [{ page: 'no slash', target: 'x' }, 400, 'page'],
      [{ page: '/bad/', target: 7 }, 400, 'target'],
    ];
    for (const [body, status, field] of cases) {
      const res = await click(server, body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.json.field, field);
      assert.ok(res.json.message);
    }
    assert.equal((await click(server, 'not json')).status, 400);
    assert.equal((await click(server, '[1]')).status, 400);
    assert.equal((await click(server, { page: '/bad/', target: 'x' }, { type: 'image/png' })).status, 415);
    assert.equal((await click(server, { page: '/bad/', target: 'x' }, { site: 'nope' })).status, 404);
    assert.equal((await get(server, '/api/share-clicks?site=demo')).status, 400);
    assert.deepEqual((await clicks(server, '/bad/')).json.clicks, {});
  });
});

describe('share clicks rate limit', () => {
  let server;
  before(async () => {
    server = await startParleyd({ extraArgs: ['--share-clicks-per-minute', '2'] });
  });
  after(() => server.stop());

  it('refuses a client clicking faster than a reader, and does not count it', async () => {
    assert.equal((await click(server, { page: '/busy/', target: 'x' })).status, 204);
    assert.equal((await click(server, { page: '/busy/', target: 'x' })).status, 204);
    const third = await click(server, { page: '/busy/', target: 'x' });
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('Retry-After')) >= 1);
    assert.equal((await clicks(server, '/busy/')).json.total, 2);
  });
});

describe('NodeInfo lookups (test setting: loopback allowed)', () => {
  let server;
  const fakes = [];
  before(async () => {
    server = await startParleyd({ extraArgs: ['--nodeinfo-test-insecure'] });
  });
  after(async () => {
    await server.stop();
    for (const f of fakes) f.close();
  });

  it('names the software of the newest schema document, and caches it', async () => {
    const fake = await fakeServer('Misskey');
    fakes.push(fake);
    const res = await lookup(server, fake.host);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { host: fake.host, software: 'misskey' });
    assert.deepEqual(fake.seen.requests, ['/.well-known/nodeinfo', '/nodeinfo/2.1']);
    assert.equal((await lookup(server, `https://${fake.host}/`)).json.software, 'misskey');
    assert.equal(fake.seen.requests.length, 2, 'a second lookup comes from the cache');
  });

  it('says 404 when the server has no usable NodeInfo', async () => {
    const none = await fakeServer(null);
    const huge = await fakeServer('mastodon', { body: JSON.stringify({ software: { name: 'x'.repeat(1 << 20) } }) });
    const odd = await fakeServer('<script>');
    fakes.push(none, huge, odd);
    for (const fake of [none, huge, odd]) {
      const res = await lookup(server, fake.host);
      assert.equal(res.status, 404, fake.host);
      assert.match(res.json.message, /No fediverse server answered/);
    }
  });

  it('answers bad host names with 400 and a message', async () => {
    for (const host of ['', 'localhost', 'not a host', 'a..b', 'user@example.org/x', 'x'.repeat(300) + '.org']) {
      const res = await lookup(server, host);
      assert.equal(res.status, 400, host);
      assert.equal(res.json.field, 'host');
      assert.ok(res.json.message);
    }
  });
});

describe('NodeInfo lookups (production setting: public addresses only)', () => {
  let server;
  let fake;
  before(async () => {
    server = await startParleyd();
    fake = await fakeServer('mastodon');
  });
  after(async () => {
    await server.stop();
    fake.close();
  });

  it('never connects to loopback or private addresses', async () => {
    for (const host of [fake.host, '10.1.2.3', '192.168.1.1', '169.254.169.254', '100.64.0.1', 'nodeinfo.localhost']) {
      const res = await lookup(server, host);
      assert.equal(res.status, 400, host);
      assert.equal(res.json.field, 'host');
      assert.equal(res.json.error, 'invalid');
      assert.match(res.json.message, /public internet/);
    }
    assert.equal(fake.seen.connections, 0, 'the fake server on loopback was never reached');
  });
});
