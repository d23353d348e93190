// Likes by logged-in readers over real HTTP, against a real OpenID Connect provider
// (oidc-provider on loopback): a bearer token likes as the provider account (one like
// per account, whichever browser token comes along), the likers list shows the
// account's name and provider avatar, "liked" is the account's, a site that requires
// login takes signed-in likes only, and a bad token is refused rather than counted as a
// guest. Runs on SQLite, and on PostgreSQL with PARLEY_STORE=postgres.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startOidcProvider, TEST_CLIENT, TEST_USER } from '../support/oidc-provider.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN } from './client.mjs';
import { loginToken } from './login_popup.mjs';

const SECRET = 'likes-login-test-secret-long-enough-0123456789';
// `members` refuses guest likes (--likes-require-login follows its --site).
const SITES = ['demo', 'members'].map((id) => ({ id, origins: [ORIGIN] }));

describe('likes by logged-in readers', () => {
  let idp;
  let server;
  let dir;
  const tokens = {};

  const login = (site) => loginToken(server, site, ORIGIN);

  async function send(method, body, { site = 'demo', bearer } = {}) {
    const headers = { 'Content-Type': 'application/json', Origin: ORIGIN };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const res = await fetch(`${server.url}/api/likes?site=${site}`,
      { method, headers, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  }

  async function list(page, { token = '', bearer, site = 'demo' } = {}) {
    const headers = { Origin: ORIGIN };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const res = await fetch(`${server.url}/api/likes?site=${site}&page=${encodeURIComponent(page)}` +
      (token ? `&token=${token}` : ''), { headers });
    return { status: res.status, json: await res.json() };
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-likes-login-'));
    idp = await startOidcProvider();
    const provider = { id: 'local', name: 'Local ID', issuer: idp.issuer,
      client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret };
    const config = path.join(dir, 'login.json');
    await writeFile(config, JSON.stringify({ login: { secret: SECRET, sites: {
      demo: { providers: [provider] }, members: { providers: [provider] } } } }));
    server = await startParleyd({ sites: SITES,
      extraArgs: ['--likes-require-login', '--likes-per-minute', '0', '--config', config] });
    idp.registerClient({ redirectUris: [`${server.url}/auth/callback`] });
    tokens.demo = await login('demo');
    tokens.members = await login('members');
  });
  after(async () => {
    await server?.stop();
    await idp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('one like per account, from any browser; the likers list shows its name and picture',
    async () => {
      const page = '/signed-in/';
      const browserA = randomUUID();
      const browserB = randomUUID();
      const first = await send('POST', { page, token: browserA }, { bearer: tokens.demo });
      assert.equal(first.status, 200, JSON.stringify(first.json));
      assert.equal(first.json.count, 1);
      assert.equal(first.json.liked, true);
      assert.deepEqual(first.json.recent, [{ avatar: idp.picture, name: TEST_USER.name }]);
      // The same account in another browser (another token), and with no token at all.
      const again = await send('POST', { page, token: browserB }, { bearer: tokens.demo });
      assert.equal(again.json.count, 1);
      assert.equal((await send('POST', { page }, { bearer: tokens.demo })).json.count, 1);

      // "liked" is the account's: its bearer says yes, the browser token alone says no.
      assert.equal((await list(page, { bearer: tokens.demo })).json.liked, true);
      assert.equal((await list(page, { token: browserA })).json.liked, false);

      // A guest like from browser A is a second, separate reader with a generated avatar.
      const guest = await send('POST', { page, token: browserA });
      assert.equal(guest.json.count, 2);
      assert.match(guest.json.recent[0].avatar, /^[0-9a-f]{8}$/);
      assert.equal('name' in guest.json.recent[0], false);
      assert.deepEqual(guest.json.recent[1], { avatar: idp.picture, name: TEST_USER.name });

      const gone = await send('DELETE', { page }, { bearer: tokens.demo });
      assert.equal(gone.status, 200);
      assert.equal(gone.json.count, 1);
      assert.equal(gone.json.liked, false);
      assert.equal((await list(page, { bearer: tokens.demo })).json.liked, false);
    });

  test('a site that requires login takes signed-in likes and refuses guests', async () => {
    const page = '/members-only/';
    const guest = await send('POST', { page, token: randomUUID() }, { site: 'members' });
    assert.equal(guest.status, 401);
    assert.equal(guest.json.error, 'login_required');
    const member = await send('POST', { page }, { site: 'members', bearer: tokens.members });
    assert.equal(member.status, 200, JSON.stringify(member.json));
    assert.equal(member.json.count, 1);
    const listed = await list(page, { site: 'members', bearer: tokens.members });
    assert.equal(listed.json.require_login, true);
    assert.equal(listed.json.liked, true);
  });

  test('a bad or foreign token is refused, never counted as a guest', async () => {
    const page = '/bad-bearer/';
    const forged = await send('POST', { page, token: randomUUID() }, { bearer: 'not.a-token' });
    assert.equal(forged.status, 401);
    assert.equal(forged.json.error, 'login_required');
    // A token of another site is not this site's login.
    const foreign = await send('POST', { page, token: randomUUID() }, { bearer: tokens.members });
    assert.equal(foreign.status, 401);
    assert.equal((await list(page, { bearer: 'not.a-token' })).status, 401);
    assert.equal((await list(page)).json.count, 0);
    // A guest still needs a well-formed browser token; a signed-in one sent must be too.
    const bare = await send('POST', { page });
    assert.equal(bare.status, 400);
    assert.equal(bare.json.errors[0].field, 'token');
    const odd = await send('POST', { page, token: 'short' }, { bearer: tokens.demo });
    assert.equal(odd.status, 400);
  });
});
