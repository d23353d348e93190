// The login failures issue 3's security list names that auth.test.mjs does not reach,
// against the real oidc-provider on loopback: an error the provider reports (other than a
// denied consent), a login that took longer than its state lives, and a redirect URI that
// is not exactly the registered one. Each ends in a clear message and no session.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { startOidcProvider, TEST_CLIENT } from '../support/oidc-provider.mjs';
import { popupData, walkPopup } from './login_popup.mjs';
import { ORIGIN } from './client.mjs';

const SECRET = 'login-failures-test-secret-0123456789abcdef';
const PENDING_SECONDS = 1;

describe('login failures', () => {
  let idp;
  let server;
  let brief;  // a parleyd whose started logins expire after PENDING_SECONDS
  let dir;
  let startUrl;
  let callbackPrefix;

  async function start(name, extra = {}) {
    const config = path.join(dir, `${name}.json`);
    await writeFile(config, JSON.stringify({ login: {
      secret: SECRET,
      ...extra,
      sites: { demo: { providers: [{ id: 'local', name: 'Local ID', issuer: idp.issuer,
        client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret }] } },
    } }));
    return startParleyd({ extraArgs: ['--config', config] });
  }
  const startOf = (s) =>
    `${s.url}/auth/start?site=demo&provider=local&origin=${encodeURIComponent(ORIGIN)}`;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-login-failures-'));
    idp = await startOidcProvider();
    server = await start('normal');
    brief = await start('brief', { pending_login_seconds: PENDING_SECONDS });
    callbackPrefix = `${server.url}/auth/callback`;
    idp.registerClient({ redirectUris: [callbackPrefix, `${brief.url}/auth/callback`] });
    startUrl = startOf(server);
  });
  after(async () => {
    await server?.stop();
    await brief?.stop();
    await idp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('an error the provider reports is named to the page; the state is spent', async () => {
    const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix });
    const url = new URL(callbackUrl);
    const code = url.searchParams.get('code');
    // What a provider sends back when it cannot serve the request (RFC 6749 §4.1.2.1).
    url.searchParams.delete('code');
    url.searchParams.set('error', 'temporarily_unavailable');
    const res = await fetch(url);
    assert.equal(res.status, 400);
    const popup = popupData(await res.text());
    assert.equal(popup.origin, ORIGIN);
    assert.equal(popup.token, undefined);
    assert.equal(popup.error,
      'The login provider reported a problem (temporarily_unavailable). Please try again.');
    // The code that was issued cannot be brought in with that state afterwards.
    url.searchParams.delete('error');
    url.searchParams.set('code', code);
    const again = popupData(await (await fetch(url)).text());
    assert.equal(again.token, undefined);
    assert.equal(again.error, 'This login was already completed. Please log in again.');
  });

  test('an error code that is not a plain token is not echoed', async () => {
    const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix });
    const url = new URL(callbackUrl);
    url.searchParams.delete('code');
    url.searchParams.set('error', '<img src=x onerror=alert(1)>');
    const popup = popupData(await (await fetch(url)).text());
    assert.equal(popup.error,
      'The login provider reported a problem (unknown error). Please try again.');
  });

  test('a login that outlives its state expires with a message, and opens no session',
    async () => {
      const { callbackUrl } = await walkPopup({ startUrl: startOf(brief),
        callbackPrefix: `${brief.url}/auth/callback` });
      // Past the state's lifetime (whole seconds on the server's clock).
      await new Promise((resolve) => setTimeout(resolve, (PENDING_SECONDS + 1) * 1000 + 100));
      const res = await fetch(callbackUrl);
      assert.equal(res.status, 400);
      const popup = popupData(await res.text());
      assert.equal(popup.origin, ORIGIN, 'the page is told');
      assert.equal(popup.token, undefined);
      assert.equal(popup.error, 'The login took too long and expired. Please try again.');
    });

  test('a redirect URI that differs from the registered one by a character is refused',
    async () => {
      // The provider knows only parleyd's exact callback URL; one that differs (here a
      // trailing slash) never gets a code, so nothing can be sent elsewhere.
      const start = await fetch(startUrl, { redirect: 'manual' });
      assert.equal(start.status, 302);
      const authorize = new URL(start.headers.get('location'));
      assert.equal(authorize.searchParams.get('redirect_uri'), callbackPrefix);
      authorize.searchParams.set('redirect_uri', `${callbackPrefix}/`);
      const res = await fetch(authorize, { redirect: 'manual' });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('location'), null);
      assert.match(await res.text(), /redirect_uri/);
    });
});
