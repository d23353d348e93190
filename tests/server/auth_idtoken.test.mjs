// ID-token verification against a deliberately misbehaving provider. The real
// oidc-provider (auth.test.mjs) never issues a bad ID token, so this small loopback
// provider does: it implements discovery, JWKS, authorize and token like any OpenID
// Connect issuer, but each test picks how its next ID token is broken (nonce, audience,
// issuer, expiry, algorithm, signing key). parleyd must refuse every one and tell the
// page why, without opening a session.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { popupData } from './login_popup.mjs';
import { ORIGIN } from './client.mjs';

const CLIENT_ID = 'parley-fake';
const KID = 'key-1';
const REJECTED = "The login provider's answer could not be verified, so you were not logged in. " +
  'Please try again.';

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

function b64(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}
function rs256(input, key) {
  return createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
}

function idToken(issuer, nonce, mode) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: issuer, aud: CLIENT_ID, sub: 'fake-user-1', name: 'Fake User',
    nonce, iat: now, exp: now + 300 };
  if (mode === 'wrong-nonce') claims.nonce = 'not-the-nonce';
  if (mode === 'no-nonce') delete claims.nonce;
  if (mode === 'wrong-aud') claims.aud = 'someone-else';
  if (mode === 'wrong-iss') claims.iss = 'https://evil.example';
  if (mode === 'expired') claims.exp = now - 3600;
  const header = { alg: 'RS256', typ: 'JWT', kid: mode === 'unknown-kid' ? 'key-9' : KID };
  if (mode === 'alg-none') {
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  }
  if (mode === 'hs256') {
    // The classic confusion: HMAC "keyed" with the provider's public key.
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: KID })}.${b64(claims)}`;
    const pub = signingKey.publicKey.export({ type: 'spki', format: 'pem' });
    return `${input}.${createHmac('sha256', pub).update(input).digest('base64url')}`;
  }
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${rs256(input, mode === 'other-key' ? otherKey : signingKey)}`;
}

async function startFakeProvider() {
  const state = { mode: 'good', nonce: '' };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      json(200, { issuer, authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
    } else if (url.pathname === '/jwks') {
      json(200, { keys: [{ ...signingKey.publicKey.export({ format: 'jwk' }), kid: KID,
        use: 'sig', alg: 'RS256' }] });
    } else if (url.pathname === '/authorize') {
      // Consents at once and sends the popup back with a code.
      state.nonce = url.searchParams.get('nonce');
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.searchParams.set('code', 'code-1');
      back.searchParams.set('state', url.searchParams.get('state'));
      res.writeHead(302, { location: back.href }).end();
    } else if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (state.mode === 'token-error' || !form.get('code_verifier')) {
        json(400, { error: 'invalid_grant' });
        return;
      }
      json(200, { access_token: 'provider-access-token-never-leaves-parleyd',
        token_type: 'Bearer', id_token: idToken(issuer, state.nonce, state.mode) });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  return { issuer, state, stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

describe('ID tokens parleyd must refuse', () => {
  let fake;
  let server;
  let dir;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-idtoken-'));
    fake = await startFakeProvider();
    const config = path.join(dir, 'login.json');
    await writeFile(config, JSON.stringify({ demo: true, login: { sites: { demo: {
      providers: [{ id: 'fake', name: 'Fake ID', issuer: fake.issuer, client_id: CLIENT_ID,
        client_secret: 'fake-client-secret-0123456789' }],
    } } } }));
    server = await startParleyd({ extraArgs: ['--config', config] });
  });
  after(async () => {
    await server?.stop();
    await fake?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function loginWith(mode) {
    fake.state.mode = mode;
    const start = await fetch(`${server.url}/auth/start?site=demo&provider=fake&origin=${
      encodeURIComponent(ORIGIN)}`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const authorize = await fetch(start.headers.get('location'), { redirect: 'manual' });
    const callback = await fetch(authorize.headers.get('location'));
    const html = await callback.text();
    return { status: callback.status, html, ...popupData(html) };
  }

  test('a well-formed ID token logs in (the fake provider itself is sound)', async () => {
    const r = await loginWith('good');
    assert.equal(r.status, 200);
    assert.ok(r.token);
    const me = await fetch(`${server.url}/api/session?site=demo`,
      { headers: { Authorization: `Bearer ${r.token}`, Origin: ORIGIN } });
    assert.equal((await me.json()).name, 'Fake User');
  });

  for (const mode of ['wrong-nonce', 'no-nonce', 'wrong-aud', 'wrong-iss', 'expired',
    'alg-none', 'hs256', 'other-key', 'unknown-kid']) {
    test(`an ID token with ${mode} is refused with a message to the page`, async () => {
      const r = await loginWith(mode);
      assert.equal(r.status, 400);
      assert.equal(r.origin, ORIGIN);
      assert.equal(r.token, undefined);
      assert.equal(r.error, REJECTED);
    });
  }

  test('a refused code at the token endpoint ends in a message', async () => {
    const r = await loginWith('token-error');
    assert.equal(r.status, 400);
    assert.equal(r.error, 'The login provider did not accept this login. Please try again.');
  });

  test('the provider access token never reaches the page, the log or the database', async () => {
    const r = await loginWith('good');
    assert.ok(!Buffer.from(r.token.split('.')[0], 'base64url').toString().includes('access'));
    assert.ok(!r.html.includes('provider-access-token'));
    assert.ok(!server.stderr().includes('provider-access-token'));
    // Used once for the profile and dropped: not in the session table or anywhere else.
    // (SQLite: the database files; the PostgreSQL run checks the page and the log.)
    for (const file of server.dbPath ? [server.dbPath, `${server.dbPath}-wal`] : []) {
      if (existsSync(file)) assert.ok(!readFileSync(file).includes('provider-access-token'), file);
    }
  });

  test('an unreachable provider ends in a message for the page', async () => {
    const config = path.join(dir, 'down.json');
    await writeFile(config, JSON.stringify({ demo: true, login: { sites: { demo: {
      providers: [{ id: 'down', issuer: 'http://127.0.0.1:9', client_id: 'x' }] } } } }));
    const down = await startParleyd({ extraArgs: ['--config', config] });
    try {
      const res = await fetch(`${down.url}/auth/start?site=demo&provider=down&origin=${
        encodeURIComponent(ORIGIN)}`, { redirect: 'manual' });
      assert.equal(res.status, 400);
      const popup = popupData(await res.text());
      assert.equal(popup.origin, ORIGIN);
      assert.equal(popup.error,
        'The login provider could not be reached. Please try again in a moment.');
    } finally {
      await down.stop();
    }
  });
});
