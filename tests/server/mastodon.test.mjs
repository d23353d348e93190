// Mastodon login over real HTTP: parleyd registers itself on the reader's instance (a
// loopback server implementing Mastodon's documented endpoints, tests/support/mastodon.mjs),
// keeps the registration (a second login, and a restarted parleyd, do not register again),
// runs the authorization code flow with PKCE and asks verify_credentials who logged in.
// Every failure ends in a message for the reader in the popup page; loopback instances are
// accepted only with the explicit test setting, which itself needs demo mode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { MASTODON_USER, startMastodon, walkMastodonPopup } from '../support/mastodon.mjs';
import { popupData } from './login_popup.mjs';
import { ORIGIN } from './client.mjs';

const SECRET = 'mastodon-test-key-4f9c2a7e81d3b605e2c9a4f7d1b8e3a6';

async function writeConfig(dir, { testInstances = true, demo = true, publicUrl } = {}) {
  const file = path.join(dir, `mastodon-${Math.random().toString(36).slice(2)}.json`);
  const provider = { preset: 'mastodon', ...(testInstances ? { test_instances: true } : {}) };
  await writeFile(file, JSON.stringify({
    demo, login: { secret: SECRET, public_url: publicUrl,
      sites: { demo: { providers: [provider] } } },
  }));
  return file;
}

function startUrlFor(server, instance) {
  const q = new URLSearchParams({ site: 'demo', provider: 'mastodon', origin: ORIGIN });
  if (instance !== undefined) q.set('instance', instance);
  return `${server.url}/auth/start?${q}`;
}

// A loopback port with nothing listening: an instance that is down.
async function closedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function session(server, token) {
  const res = await fetch(`${server.url}/api/session?site=demo`,
    { headers: { Authorization: `Bearer ${token}`, Origin: ORIGIN } });
  return { status: res.status, body: await res.json() };
}

describe('Mastodon login against a loopback instance', () => {
  let dir;
  let masto;
  let server;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-mastodon-'));
    masto = await startMastodon();
    server = await startParleyd({ extraArgs: ['--config', await writeConfig(dir)] });
  });
  after(async () => {
    await server?.stop();
    await masto?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('GET /api/login lists Mastodon', async () => {
    const res = await fetch(`${server.url}/api/login?site=demo`, { headers: { Origin: ORIGIN } });
    assert.deepEqual((await res.json()).providers, [{ id: 'mastodon', name: 'Mastodon', kind: 'mastodon', icon: 'mastodon' }]);
  });

  test('without an instance the popup asks for it, keeping site, provider and origin', async () => {
    const res = await fetch(startUrlFor(server));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
    const html = await res.text();
    assert.match(html, /<label for="parley-instance">Your Mastodon server<\/label>/);
    assert.match(html, /<input id="parley-instance" name="instance"/);
    assert.match(html, /name="origin" value="http:\/\/localhost:8081"/);
    assert.match(html, /<form method="get" action="\/auth\/start">/);
    assert.equal(masto.registrations, 0);
  });

  test('a name that is not a server is asked again, the message next to the field', async () => {
    for (const typed of ['not a server', 'mastodon', 'https://', '@ada@', 'x'.repeat(400)]) {
      const res = await fetch(startUrlFor(server, typed));
      assert.equal(res.status, 400, typed);
      const html = await res.text();
      assert.match(html, /aria-invalid="true"/);
      assert.match(html, /<p id="parley-instance-error" role="alert">Please enter the name of your Mastodon server, like mastodon.social.<\/p>/);
    }
    assert.equal(masto.registrations, 0);
  });

  test('a full login: registration, consent, token, verify_credentials, session', async () => {
    const { authorizeUrl, callbackUrl } = await walkMastodonPopup(startUrlFor(server, masto.host));
    assert.equal(masto.registrations, 1);
    const authorize = new URL(authorizeUrl);
    assert.equal(authorize.origin, masto.origin);
    assert.equal(authorize.pathname, '/oauth/authorize');
    const q = authorize.searchParams;
    assert.equal(q.get('scope'), 'read:accounts');
    assert.equal(q.get('redirect_uri'), `${server.url}/auth/callback`);
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('state'), /^[A-Za-z0-9_-]{43}$/);
    assert.equal(q.get('client_secret'), null);

    const res = await fetch(callbackUrl);
    assert.equal(res.status, 200);
    const popup = popupData(await res.text());
    assert.equal(popup.origin, ORIGIN);
    assert.ok(popup.token, popup.error);
    const me = await session(server, popup.token);
    assert.equal(me.status, 200);
    assert.equal(me.body.name, `${MASTODON_USER.display_name} (${MASTODON_USER.username}@${masto.host})`);
    assert.equal(me.body.avatar, `${masto.origin}/avatars/ada.png`);
    assert.equal(me.body.provider, 'mastodon');
    assert.equal(me.body.provider_name, 'Mastodon');

    const replay = popupData(await (await fetch(callbackUrl)).text());
    assert.equal(replay.token, undefined);
    assert.equal(replay.error, 'This login was already completed. Please log in again.');
  });

  test('the second login from that instance does not register again', async () => {
    const before = masto.registrations;
    const typed = `@${MASTODON_USER.username}@${masto.host}`;  // a handle works too
    const { callbackUrl } = await walkMastodonPopup(startUrlFor(server, typed));
    const popup = popupData(await (await fetch(callbackUrl)).text());
    assert.ok(popup.token, popup.error);
    assert.equal(masto.registrations, before);
  });

  test('a denied consent ends in a message for the reader', async () => {
    const { callbackUrl } = await walkMastodonPopup(startUrlFor(server, masto.host), 'deny');
    const res = await fetch(callbackUrl);
    assert.equal(res.status, 400);
    const popup = popupData(await res.text());
    assert.equal(popup.origin, ORIGIN);
    assert.equal(popup.error, 'You did not allow the login, so you were not logged in.');
  });

  test('an instance that is down: the widget is told it could not be reached', async () => {
    const host = `127.0.0.1:${await closedPort()}`;
    const res = await fetch(startUrlFor(server, host), { redirect: 'manual' });
    assert.equal(res.status, 400);
    const popup = popupData(await res.text());
    assert.equal(popup.origin, ORIGIN);
    assert.equal(popup.error,
      `${host} could not be reached. Check the name of your server, or try again later.`);
  });

  for (const [behaviour, message] of [
    ['not-mastodon', (host) => `${host} does not seem to be a Mastodon server, so you cannot log in with it here.`],
    ['refuse', (host) => `${host} refused to register this site (HTTP 422), so you cannot log in with it here. Please choose another way to log in.`],
  ]) {
    test(`an instance that answers registration with "${behaviour}" gets a clear message`, async () => {
      const other = await startMastodon();
      try {
        other.behaviour = behaviour;
        const res = await fetch(startUrlFor(server, other.host), { redirect: 'manual' });
        assert.equal(res.status, 400);
        const popup = popupData(await res.text());
        assert.equal(popup.origin, ORIGIN);
        assert.equal(popup.error, message(other.host));
        assert.equal(other.registrations, 0);
      } finally {
        await other.stop();
      }
    });
  }

  test('nothing secret reaches the log', async () => {
    const log = server.stderr();
    assert.ok(!log.includes(SECRET));
    assert.doesNotMatch(log, /client_secret|access_token/);
  });
});

describe('Mastodon registrations are kept in the database', () => {
  test('a restarted parleyd logs in without registering again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-mastodon-keep-'));
    const masto = await startMastodon();
    // A fixed public URL, as in production: the registration is for its callback URL
    // (each restart here listens on another port).
    const publicUrl = 'https://comments.example';
    const config = await writeConfig(dir, { publicUrl });
    const dbPath = path.join(dir, 'parley.db');
    try {
      for (let run = 0; run < 2; run++) {
        const server = await startParleyd({ dbPath, extraArgs: ['--config', config] });
        try {
          const { callbackUrl } = await walkMastodonPopup(startUrlFor(server, masto.host));
          assert.ok(callbackUrl.startsWith(`${publicUrl}/auth/callback?`));
          // The reader's browser would reach parleyd through that public URL.
          const back = new URL(callbackUrl);
          const popup = popupData(await (await fetch(`${server.url}${back.pathname}${back.search}`)).text());
          assert.ok(popup.token, popup.error);
        } finally {
          await server.stop();
        }
        assert.equal(masto.registrations, 1, `after run ${run + 1}`);
      }
    } finally {
      await masto.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('loopback instances only under the explicit test setting', () => {
  let dir;
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'parley-mastodon-prod-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('by default only DNS names are accepted: no IP addresses, localhost or ports', async () => {
    const masto = await startMastodon();
    const server = await startParleyd({ extraArgs: ['--config',
      await writeConfig(dir, { testInstances: false, demo: false })] });
    try {
      for (const typed of [masto.host, '127.0.0.1', 'localhost', `localhost:${masto.host.split(':')[1]}`,
        '10.0.0.1', '[::1]', 'mastodon.localhost', 'mastodon.social:8443']) {
        const res = await fetch(startUrlFor(server, typed), { redirect: 'manual' });
        assert.equal(res.status, 400, typed);
        assert.match(await res.text(), /Please enter the name of your Mastodon server/);
      }
      assert.equal(masto.registrations, 0);
    } finally {
      await server.stop();
      await masto.stop();
    }
  });

  test('a named test instance: a DNS-shaped name served by a loopback server', async () => {
    const masto = await startMastodon();
    const file = path.join(dir, 'named.json');
    await writeFile(file, JSON.stringify({ demo: true, login: { secret: SECRET, sites: { demo: {
      providers: [{ preset: 'mastodon', test_instances: { 'social.test': masto.origin } }] } } } }));
    const server = await startParleyd({ extraArgs: ['--config', file] });
    try {
      const { authorizeUrl, callbackUrl } = await walkMastodonPopup(startUrlFor(server, 'social.test'));
      assert.equal(new URL(authorizeUrl).origin, masto.origin);
      const popup = popupData(await (await fetch(callbackUrl)).text());
      assert.ok(popup.token, popup.error);
      assert.equal((await session(server, popup.token)).body.name,
        `${MASTODON_USER.display_name} (${MASTODON_USER.username}@social.test)`);
      // The loopback address itself is not accepted by this setting.
      assert.equal((await fetch(startUrlFor(server, masto.host))).status, 400);
    } finally {
      await server.stop();
      await masto.stop();
    }
  });

  test('test instances must be loopback servers', async () => {
    const file = path.join(dir, 'named-bad.json');
    await writeFile(file, JSON.stringify({ demo: true, login: { sites: { demo: {
      providers: [{ preset: 'mastodon', test_instances: { 'social.test': 'https://10.0.0.5' } }] } } } }));
    await assert.rejects(startParleyd({ extraArgs: ['--config', file] }),
      /"test_instances" maps names like social.test to http:\/\/127.0.0.1:<port>/);
  });

  test('"test_instances" outside demo mode: parleyd refuses to start', async () => {
    const file = await writeConfig(dir, { testInstances: true, demo: false });
    await assert.rejects(startParleyd({ extraArgs: ['--config', file] }),
      /"test_instances" .* for tests and the demo only/);
  });
});
