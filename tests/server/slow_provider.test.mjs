// Calls to identity providers run off parleyd's I/O thread: while a provider keeps a
// login waiting (app registration at /auth/start, the token exchange at /auth/callback),
// other readers' requests are answered. The loopback Mastodon holds the request until the
// test releases it, so the test asserts order, not time: GET /api/comments completes
// while the login request is still open, and the login completes after the release.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { startMastodon, walkMastodonPopup } from '../support/mastodon.mjs';
import { popupData } from './login_popup.mjs';
import { ORIGIN, PAGE } from './client.mjs';

describe('a slow provider does not hold up other requests', () => {
  let dir;
  let masto;
  let server;
  let startUrl;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-slow-'));
    masto = await startMastodon();
    const file = path.join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ demo: true, login: { sites: { demo: {
      providers: [{ preset: 'mastodon', test_instances: true }] } } } }));
    server = await startParleyd({ extraArgs: ['--config', file] });
    startUrl = `${server.url}/auth/start?${new URLSearchParams({ site: 'demo',
      provider: 'mastodon', origin: ORIGIN, instance: masto.host })}`;
  });
  after(async () => {
    await server?.stop();
    await masto?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Starts `login`, waits until the instance holds its request, then reads comments.
  async function readWhileHeld(heldPath, login) {
    const arrived = masto.hold(heldPath);
    let loginSettled = false;
    const pending = login().finally(() => { loginSettled = true; });
    await arrived;
    const comments = await fetch(`${server.url}/api/comments?site=demo&page=${encodeURIComponent(PAGE)}`,
      { headers: { Origin: ORIGIN } });
    assert.equal(comments.status, 200);
    assert.deepEqual((await comments.json()).comments, []);
    assert.equal(loginSettled, false, 'comments were answered while the login was waiting');
    masto.release();
    return pending;
  }

  test('while the instance is slow to register the app', async () => {
    const start = await readWhileHeld('/api/v1/apps',
      () => fetch(startUrl, { redirect: 'manual' }));
    assert.equal(start.status, 302);
    assert.equal(new URL(start.headers.get('location')).origin, masto.origin);
  });

  test('while the instance is slow to exchange the code', async () => {
    const { callbackUrl } = await walkMastodonPopup(startUrl);
    const res = await readWhileHeld('/oauth/token', () => fetch(callbackUrl));
    assert.equal(res.status, 200);
    assert.ok(popupData(await res.text()).token);
  });
});
