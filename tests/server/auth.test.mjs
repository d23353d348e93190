// Login end to end over HTTP against a real OpenID Connect provider (oidc-provider on
// loopback): the popup's start, the provider's login and consent pages, the callback
// page that hands the token to the site origin, the bearer session, and logout. Also
// each way a login must fail cleanly: unknown origin, denied consent, replayed or
// unknown state, forged, foreign, expired and revoked tokens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { startOidcProvider, TEST_BASIC_CLIENT, TEST_CLIENT, TEST_USER }
  from '../support/oidc-provider.mjs';
import { popupData, walkPopup } from './login_popup.mjs';
import { ORIGIN } from './client.mjs';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

async function loginConfig(dir, issuer, extra = {}) {
  const file = path.join(dir, `login-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({
    login: {
      secret: SECRET,
      sites: {
        demo: {
          guests: 'allowed',
          providers: [
            { id: 'local', name: 'Local ID', issuer, client_id: TEST_CLIENT.id,
              client_secret: TEST_CLIENT.secret },
            // The same provider used as a plain OAuth 2 server (GitHub/WordPress.com/X
            // style): authorize, token and a profile endpoint, no discovery, no ID token.
            { id: 'local-oauth2', name: 'Local OAuth', authorization_endpoint: `${issuer}/auth`,
              token_endpoint: `${issuer}/token`, userinfo_endpoint: `${issuer}/me`,
              client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret,
              claims: { id: 'sub', name: 'name', avatar: 'picture' } },
            // Client authentication with HTTP Basic at the token endpoint (the X preset).
            { id: 'local-basic', name: 'Local Basic', authorization_endpoint: `${issuer}/auth`,
              token_endpoint: `${issuer}/token`, userinfo_endpoint: `${issuer}/me`,
              client_id: TEST_BASIC_CLIENT.id, client_secret: TEST_BASIC_CLIENT.secret,
              token_auth: 'basic' },
          ],
        },
      },
    },
    ...extra,
  }));
  return file;
}

function bearer(token) {
  return { Authorization: `Bearer ${token}`, Origin: ORIGIN };
}

// A token in parleyd's format, signed with `secret`: what a forger would have to make.
function craftToken(claims, secret = SECRET) {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const mac = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${mac}`;
}

describe('login with an OpenID Connect issuer', () => {
  let idp;
  let server;
  let dir;
  let startUrl;
  let callbackPrefix;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-auth-'));
    idp = await startOidcProvider();
    server = await startParleyd({ extraArgs: ['--config', await loginConfig(dir, idp.issuer)] });
    callbackPrefix = `${server.url}/auth/callback`;
    idp.registerClient({ redirectUris: [callbackPrefix] });
    startUrl = `${server.url}/auth/start?site=demo&provider=local&origin=${encodeURIComponent(ORIGIN)}`;
  });
  after(async () => {
    await server?.stop();
    await idp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the site lists its providers and guest mode', async () => {
    const res = await fetch(`${server.url}/api/login?site=demo`, { headers: { Origin: ORIGIN } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(),
      { guests: 'allowed', providers: [{ id: 'local', name: 'Local ID', kind: 'oidc', icon: '' },
        { id: 'local-oauth2', name: 'Local OAuth', kind: 'oauth2', icon: '' },
        { id: 'local-basic', name: 'Local Basic', kind: 'oauth2', icon: '' }] });
  });

  test('the popup is sent to the provider with state, nonce and an S256 PKCE challenge',
    async () => {
      const res = await fetch(startUrl, { redirect: 'manual' });
      assert.equal(res.status, 302);
      const url = new URL(res.headers.get('location'));
      assert.equal(url.origin, idp.issuer);
      const q = url.searchParams;
      assert.equal(q.get('response_type'), 'code');
      assert.equal(q.get('client_id'), TEST_CLIENT.id);
      assert.equal(q.get('redirect_uri'), callbackPrefix);
      assert.equal(q.get('code_challenge_method'), 'S256');
      assert.match(q.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
      assert.match(q.get('state'), /^[A-Za-z0-9_-]{43}$/);
      assert.match(q.get('nonce'), /^[A-Za-z0-9_-]{43}$/);
      assert.ok(!url.href.includes(TEST_CLIENT.secret), 'the client secret stays on the server');
    });

  test('a full login hands a token to the site origin; it opens a session; logout ends it',
    async () => {
      const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix });
      const res = await fetch(callbackUrl);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-security-policy'), /script-src 'self'/);
      assert.equal(res.headers.get('set-cookie'), null, 'no cookie for the reader');
      const popup = popupData(await res.text());
      assert.equal(popup.origin, ORIGIN);
      assert.equal(popup.error, undefined);
      assert.ok(popup.token);

      const me = await fetch(`${server.url}/api/session?site=demo`, { headers: bearer(popup.token) });
      assert.equal(me.status, 200);
      assert.equal(me.headers.get('access-control-allow-origin'), ORIGIN);
      const who = await me.json();
      assert.equal(who.name, TEST_USER.name);
      assert.equal(who.avatar, idp.picture);
      assert.equal(who.provider, 'local');
      assert.equal(who.provider_name, 'Local ID');
      assert.ok(!JSON.stringify(who).includes('access_token'));

      const out = await fetch(`${server.url}/api/logout?site=demo`,
        { method: 'POST', headers: bearer(popup.token) });
      assert.equal(out.status, 204);
      const again = await fetch(`${server.url}/api/session?site=demo`,
        { headers: bearer(popup.token) });
      assert.equal(again.status, 401);
      assert.equal((await again.json()).message, 'You have logged out. Please log in again.');

      // Nothing secret reached the log.
      for (const secret of [TEST_CLIENT.secret, SECRET, popup.token]) {
        assert.ok(!server.stderr().includes(secret));
      }
    });

  test('the plain OAuth 2 path: PKCE, no nonce, the profile from the userinfo endpoint',
    async () => {
      const oauthStart = startUrl.replace('provider=local', 'provider=local-oauth2');
      const { authorizeUrl, callbackUrl } = await walkPopup({ startUrl: oauthStart, callbackPrefix });
      const q = new URL(authorizeUrl).searchParams;
      assert.equal(q.get('code_challenge_method'), 'S256');
      assert.equal(q.get('nonce'), null);
      const popup = popupData(await (await fetch(callbackUrl)).text());
      assert.equal(popup.origin, ORIGIN);
      assert.ok(popup.token, popup.error);
      const me = await fetch(`${server.url}/api/session?site=demo`, { headers: bearer(popup.token) });
      const who = await me.json();
      assert.equal(who.name, TEST_USER.name);
      assert.equal(who.avatar, idp.picture);
      assert.equal(who.provider, 'local-oauth2');
      const replay = popupData(await (await fetch(callbackUrl)).text());
      assert.equal(replay.token, undefined);
    });

  test('client authentication with HTTP Basic at the token endpoint', async () => {
    const basicStart = startUrl.replace('provider=local', 'provider=local-basic');
    const { callbackUrl } = await walkPopup({ startUrl: basicStart, callbackPrefix });
    const popup = popupData(await (await fetch(callbackUrl)).text());
    assert.ok(popup.token, popup.error);
    const me = await fetch(`${server.url}/api/session?site=demo`, { headers: bearer(popup.token) });
    assert.equal((await me.json()).provider, 'local-basic');
  });

  test('a replayed callback is refused and the page is told why', async () => {
    const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix });
    assert.equal((await fetch(callbackUrl)).status, 200);
    const replay = await fetch(callbackUrl);
    assert.equal(replay.status, 400);
    const popup = popupData(await replay.text());
    assert.equal(popup.origin, ORIGIN);
    assert.equal(popup.token, undefined);
    assert.equal(popup.error, 'This login was already completed. Please log in again.');
  });

  test('a denied consent ends in a message for the page and no session', async () => {
    const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix, choice: 'deny' });
    assert.equal(new URL(callbackUrl).searchParams.get('error'), 'access_denied');
    const res = await fetch(callbackUrl);
    assert.equal(res.status, 400);
    const popup = popupData(await res.text());
    assert.equal(popup.origin, ORIGIN);
    assert.equal(popup.token, undefined);
    assert.equal(popup.error, 'You did not allow the login, so you were not logged in.');
  });

  test('an unknown state is refused without telling any origin', async () => {
    const res = await fetch(`${callbackPrefix}?state=forged&code=whatever`);
    assert.equal(res.status, 400);
    const html = await res.text();
    const popup = popupData(html);
    assert.equal(popup.origin, '');
    assert.equal(popup.token, undefined);
    assert.match(html, /This login link is not valid/);
  });

  test('a state is bound to its own code: swapping states between logins fails', async () => {
    const first = await walkPopup({ startUrl, callbackPrefix });
    const second = await walkPopup({ startUrl, callbackPrefix });
    const a = new URL(first.callbackUrl);
    const b = new URL(second.callbackUrl);
    // The code of login A with the state (and so the PKCE verifier and nonce) of login B.
    a.searchParams.set('state', b.searchParams.get('state'));
    const res = await fetch(a.href);
    assert.equal(res.status, 400);
    const popup = popupData(await res.text());
    assert.equal(popup.token, undefined);
    assert.equal(popup.error, 'The login provider did not accept this login. Please try again.');
  });

  test('the popup refuses an origin the site does not allow', async () => {
    const res = await fetch(startUrl.replace(encodeURIComponent(ORIGIN),
      encodeURIComponent('https://evil.example')), { redirect: 'manual' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('location'), null);
    const html = await res.text();
    assert.equal(popupData(html).origin, '');
    assert.match(html, /not allowed to log in/);
  });

  test('an unknown provider is refused', async () => {
    const res = await fetch(startUrl.replace('provider=local', 'provider=nope'),
      { redirect: 'manual' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /This login provider is not offered for this site/);
  });

  describe('bearer tokens', () => {
    const future = () => Math.floor(Date.now() / 1000) + 3600;
    const claims = (over = {}) => ({ sid: 'no-such-session', site: 'demo', prv: 'local',
      sub: 'ada', name: 'Ada', pic: '', exp: future(), ...over });
    async function session(token) {
      const res = await fetch(`${server.url}/api/session?site=demo`, { headers: bearer(token) });
      return { status: res.status, body: await res.json() };
    }

    test('a token signed with another secret is refused', async () => {
      const r = await session(craftToken(claims(), 'not-the-server-secret-0123456789abcdef'));
      assert.equal(r.status, 401);
      assert.equal(r.body.error, 'login_required');
      assert.equal(r.body.message, 'Your login could not be verified. Please log in again.');
    });

    test('a real token with edited claims is refused', async () => {
      const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix });
      const { token } = popupData(await (await fetch(callbackUrl)).text());
      const [body, mac] = token.split('.');
      const edited = JSON.parse(Buffer.from(body, 'base64url').toString());
      edited.name = 'Someone Else';
      const forged = `${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${mac}`;
      assert.equal((await session(forged)).status, 401);
      assert.equal((await session(token)).status, 200);
    });

    test('an expired token is refused', async () => {
      const r = await session(craftToken(claims({ exp: Math.floor(Date.now() / 1000) - 1 })));
      assert.equal(r.status, 401);
      assert.equal(r.body.message, 'Your login has expired. Please log in again.');
    });

    test('a token for another site is refused', async () => {
      assert.equal((await session(craftToken(claims({ site: 'other' })))).status, 401);
    });

    test('a well-signed token without an open session is refused', async () => {
      const r = await session(craftToken(claims()));
      assert.equal(r.status, 401);
      assert.equal(r.body.message, 'You have logged out. Please log in again.');
    });

    test('no token, or garbage, asks to log in', async () => {
      const none = await fetch(`${server.url}/api/session?site=demo`, { headers: { Origin: ORIGIN } });
      assert.equal(none.status, 401);
      assert.equal((await none.json()).message, 'Please log in first.');
      assert.equal((await session('x'.repeat(5000))).status, 401);
      assert.equal((await session('not.a-token')).status, 401);
    });

    test('the preflight allows the Authorization header', async () => {
      const res = await fetch(`${server.url}/api/session?site=demo`, {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization' },
      });
      assert.equal(res.status, 204);
      assert.match(res.headers.get('access-control-allow-headers'), /Authorization/);
    });
  });
});

describe('the server secret', () => {
  let dir;
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'parley-secret-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  async function configWith(login, extra = {}) {
    const file = path.join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify({ login, ...extra }));
    return file;
  }
  const providers = { demo: { providers: [{ id: 'local', issuer: 'http://127.0.0.1:9',
    client_id: 'c' }] } };

  test('parleyd refuses to start with providers and a short secret', async () => {
    const file = await configWith({ secret: 'short', sites: providers });
    await assert.rejects(startParleyd({ extraArgs: ['--config', file] }),
      /secret.*at least 32 characters/);
  });

  test('parleyd refuses to start with providers and no secret', async () => {
    const file = await configWith({ sites: providers });
    await assert.rejects(startParleyd({ extraArgs: ['--config', file] }), /secret/);
  });

  test('demo mode (--demo or "demo": true) runs without a secret', async () => {
    for (const args of [['--demo'], []]) {
      const file = await configWith({ sites: providers }, args.length ? {} : { demo: true });
      const server = await startParleyd({ extraArgs: ['--config', file, ...args] });
      const res = await fetch(`${server.url}/api/login?site=demo`, { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 200);
      await server.stop();
    }
  });
});
