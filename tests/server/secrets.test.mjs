// The server secret (issue 8): parleyd refuses to start, with a message and a non-zero exit
// code, when login is configured outside demo mode and the secret is missing, short, the
// documented placeholder or an obvious value; a good secret salts the like address digests
// the same way in every process; and no secret, client secret or token reaches the logs
// during logins that succeed and logins that fail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { startOidcProvider, TEST_CLIENT } from '../support/oidc-provider.mjs';
import { startMastodon, walkMastodonPopup } from '../support/mastodon.mjs';
import { popupData, walkPopup } from './login_popup.mjs';
import { ORIGIN, PAGE } from './client.mjs';

// What `openssl rand -base64 48` gives: the kind of secret the docs ask for.
const GOOD_SECRET = 'k3J9vQ2+fXw8Lr0TzYbN5uHcA1sGdE7mPq4iWoRt6VyKjZlBnC0xMe9a2Fh3Ug8D';
// Mirrors MAX_LIKES_PER_ADDRESS in likes.test.mjs (limits::kMaxLikesPerAddress).
const MAX_LIKES_PER_ADDRESS = 50;

const PROVIDERS = { demo: { providers: [{ id: 'local', issuer: 'http://127.0.0.1:9', client_id: 'c' }] } };

let dir;
before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'parley-secrets-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

async function configFile(content) {
  const file = path.join(dir, `c-${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(content));
  return file;
}

// The placeholder exactly as server/parley.example.json ships it (its comments removed).
const example = JSON.parse((await readFile(new URL('../../server/parley.example.json',
  import.meta.url), 'utf8')).replace(/^\s*\/\/.*$/gm, ''));

describe('parleyd refuses weak secrets outside demo mode', () => {
  const refused = [
    ['the placeholder from parley.example.json', example.login.secret, /placeholder/],
    ['the placeholder from docs/login.md', '…at least 32 random characters: openssl rand -base64 48…', /placeholder/],
    ['"changeme", padded', 'changeme-changeme-changeme-changeme-changeme', /changeme/],
    ['"secret" repeated', 'secret'.repeat(8), /repeated/],
    ['one character', 'a'.repeat(64), /repeated/],
    ['too few different characters', 'abcabcabcabcabcabcabcabcabcabcabcd', /different characters/],
    ['31 characters', GOOD_SECRET.slice(0, 31), /shorter than 32 characters/],
    ['none at all', undefined, /shorter than 32 characters/],
  ];
  for (const [what, secret, reason] of refused) {
    test(`refuses ${what}`, async () => {
      const file = await configFile({ login: { secret, sites: PROVIDERS } });
      await assert.rejects(startParleyd({ extraArgs: ['--config', file] }), (err) => {
        assert.match(err.message, /exited \(code [1-9]\d*/, 'a non-zero exit code');
        assert.match(err.message, /"login": \{"secret"\}/);
        assert.match(err.message, reason);
        assert.match(err.message, /openssl rand -base64 48/, 'says how to make a good one');
        return true;
      });
    });
  }

  test('a secret is checked even before any provider is configured (it salts likes)', async () => {
    const file = await configFile({ login: { secret: 'changeme' } });
    await assert.rejects(startParleyd({ extraArgs: ['--config', file] }), /"secret"\} is shorter/);
  });

  test('a random secret is accepted; demo mode accepts anything', async () => {
    for (const [login, extra] of [[{ secret: GOOD_SECRET, sites: PROVIDERS }, []],
      [{ secret: 'changeme', sites: PROVIDERS }, ['--demo']]]) {
      const server = await startParleyd({ extraArgs: ['--config', await configFile({ login }), ...extra] });
      const res = await fetch(`${server.url}/api/login?site=demo`, { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 200);
      await server.stop();
    }
  });
});

describe('the like address salt comes from the secret', () => {
  test('two processes on one database agree: the per-address cap holds across them',
    async () => {
      const file = await configFile({ login: { secret: GOOD_SECRET } });
      const dbPath = path.join(dir, `likes-${randomUUID()}.db`);
      const servers = [];
      try {
        for (let i = 0; i < 2; i++) {
          servers.push(await startParleyd({ dbPath, extraArgs: ['--config', file, '--likes-per-minute', '0'] }));
        }
        const like = (server) => fetch(`${server.url}/api/likes?site=demo`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
          body: JSON.stringify({ page: PAGE, token: randomUUID() }),
        });
        for (let i = 0; i < MAX_LIKES_PER_ADDRESS; i++) {
          assert.equal((await like(servers[i % 2])).status, 200);
        }
        // The 51st like from this address, whichever process gets it, is over the cap.
        for (const server of servers) assert.equal((await like(server)).status, 429);
      } finally {
        for (const server of servers) await server.stop();
      }
    });
});

describe('secrets never reach the logs', () => {
  test('logins that succeed and fail, with request logging on', async () => {
    const idp = await startOidcProvider();
    const masto = await startMastodon();
    const file = await configFile({
      demo: true,  // for test_instances (the loopback Mastodon); the secret is still used
      log_requests: true,
      login: { secret: GOOD_SECRET, sites: { demo: { providers: [
        { id: 'local', name: 'Local ID', issuer: idp.issuer, client_id: TEST_CLIENT.id,
          client_secret: TEST_CLIENT.secret },
        { preset: 'mastodon', test_instances: true },
      ] } } },
    });
    const server = await startParleyd({ extraArgs: ['--config', file] });
    const callbackPrefix = `${server.url}/auth/callback`;
    idp.registerClient({ redirectUris: [callbackPrefix] });
    const start = (provider, extra = {}) => `${server.url}/auth/start?${new URLSearchParams({
      site: 'demo', provider, origin: ORIGIN, ...extra })}`;
    const tokens = [];
    try {
      // Successful logins, then a replayed callback (the code is refused the second time).
      const oidc = await walkPopup({ startUrl: start('local'), callbackPrefix });
      tokens.push(popupData(await (await fetch(oidc.callbackUrl)).text()).token);
      await fetch(oidc.callbackUrl);
      const m = await walkMastodonPopup(start('mastodon', { instance: masto.host }));
      tokens.push(popupData(await (await fetch(m.callbackUrl)).text()).token);
      await fetch(m.callbackUrl);
      // A code the provider refuses: the state is valid, the code is not.
      const bad = await walkMastodonPopup(start('mastodon', { instance: masto.host }));
      const forged = new URL(bad.callbackUrl);
      forged.searchParams.set('code', 'not-a-code');
      assert.match(popupData(await (await fetch(forged)).text()).error, /did not accept/);
      // A consent denied, and a token signed with another key.
      const denied = await walkMastodonPopup(start('mastodon', { instance: masto.host }), 'deny');
      await fetch(denied.callbackUrl);
      const wrong = await fetch(`${server.url}/api/session?site=demo`,
        { headers: { Authorization: `Bearer ${tokens[0]}x`, Origin: ORIGIN } });
      assert.equal(wrong.status, 401);
      for (const token of tokens) {
        assert.ok(token);
        await fetch(`${server.url}/api/logout?site=demo`,
          { method: 'POST', headers: { Authorization: `Bearer ${token}`, Origin: ORIGIN } });
      }
    } finally {
      await server.stop();
      await idp.stop();
      await masto.stop();
    }
    const log = server.stdout() + server.stderr();
    assert.match(log, /GET \/auth\/callback 200/, 'requests were logged');
    assert.match(log, /login via mastodon failed/, 'the refused code was logged');
    const secrets = [GOOD_SECRET, TEST_CLIENT.secret, ...masto.issued, ...tokens];
    assert.ok(masto.issued.length >= 2, 'a client secret and an access token were issued');
    for (const secret of secrets) {
      assert.ok(!log.includes(secret), `a secret of ${secret.length} characters is in the log`);
    }
  });
});
