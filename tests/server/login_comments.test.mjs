// Comments by logged-in readers and the guest modes, over real HTTP against a real
// OpenID Connect provider (oidc-provider on loopback): a bearer token makes the comment
// carry the verified name, provider and avatar (never the provider's user id or an
// email), a bad token is refused rather than turned into a guest post, and each site's
// guest mode (allowed, required-fields, disabled) holds for guests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { startOidcProvider, TEST_CLIENT, TEST_USER } from '../support/oidc-provider.mjs';
import { loginToken } from './login_popup.mjs';
import { draft, ORIGIN, PAGE, post, thread } from './client.mjs';
import { parleyd, storeArgs } from './commands.mjs';

const SECRET = 'another-test-secret-long-enough-0123456789';
const SITES = ['demo', 'closed', 'strict'].map((id) => ({ id, origins: [ORIGIN] }));
const GUESTS = { demo: 'allowed', closed: 'disabled', strict: 'required-fields' };

describe('comments by logged-in readers, and guest modes', () => {
  let idp;
  let server;
  let dir;
  const tokens = {};

  const login = (site) => loginToken(server, site, ORIGIN);

  const as = (token) => ({ headers: { Authorization: `Bearer ${token}` } });

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-login-comments-'));
    idp = await startOidcProvider();
    const provider = { id: 'local', name: 'Local ID', issuer: idp.issuer,
      client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret };
    const sites = Object.fromEntries(Object.entries(GUESTS)
      .map(([id, guests]) => [id, { guests, providers: [provider] }]));
    const config = path.join(dir, 'login.json');
    await writeFile(config, JSON.stringify({ login: { secret: SECRET, sites } }));
    server = await startParleyd({ sites: SITES, extraArgs: ['--config', config] });
    idp.registerClient({ redirectUris: [`${server.url}/auth/callback`] });
    for (const site of Object.keys(GUESTS)) tokens[site] = await login(site);
  });
  after(async () => {
    await server?.stop();
    await idp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the login options name each provider\'s kind and the guest mode', async () => {
    const res = await fetch(`${server.url}/api/login?site=closed`, { headers: { Origin: ORIGIN } });
    assert.deepEqual(await res.json(),
      { guests: 'disabled', providers: [{ id: 'local', name: 'Local ID', kind: 'oidc', icon: '' }] });
  });

  test('a bearer comment carries the verified name, provider and avatar; guest fields are ignored',
    async () => {
      const page = '/verified/';
      const res = await post(server, draft({ page, author: 'Mallory', email: 'mallory@example.org',
        website: 'https://mallory.example' }), as(tokens.demo));
      assert.equal(res.status, 201, res.text);
      const c = res.json;
      assert.equal(c.author, TEST_USER.name);
      assert.equal(c.website, '');
      assert.equal(c.verified, true);
      assert.equal(c.provider, 'local');
      assert.equal(c.provider_name, 'Local ID');
      assert.equal(c.avatar, idp.picture);

      const list = await thread(server, page);
      assert.deepEqual(list.json.comments.map((x) => [x.author, x.verified, x.avatar]),
        [[TEST_USER.name, true, idp.picture]]);
      // The provider's user id and any email stay on the server.
      for (const text of [res.text, list.text]) {
        assert.ok(!text.includes('mallory@example.org'));
        assert.ok(!/"(subject|sub|email)"/.test(text), text);
        assert.ok(!text.includes(`"${TEST_USER.login}"`), text);
      }
    });

  test('a logged-in reader needs no name or email', async () => {
    const res = await post(server, { page: PAGE, text: 'Only text' }, as(tokens.demo));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.author, TEST_USER.name);
  });

  test('a guest comment is not verified and names no provider', async () => {
    const res = await post(server, draft({ page: '/guest/' }));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.verified, false);
    assert.equal(res.json.provider, undefined);
    assert.equal(res.json.avatar, undefined);
  });

  test('a forged, foreign, expired or revoked token is refused, never posted as a guest',
    async () => {
      const page = '/refused/';
      const body = Buffer.from(JSON.stringify({ sid: 'x', site: 'demo', prv: 'local', sub: 'ada',
        name: 'Ada', pic: '', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
      const forged = `${body}.${createHmac('sha256', 'not-the-secret-0123456789abcdef0123')
        .update(body).digest('base64url')}`;
      const expiredBody = Buffer.from(JSON.stringify({ sid: 'x', site: 'demo', prv: 'local',
        sub: 'ada', name: 'Ada', pic: '', exp: 1 })).toString('base64url');
      const expired = `${expiredBody}.${createHmac('sha256', SECRET).update(expiredBody)
        .digest('base64url')}`;
      const cases = [
        [forged, 'Your login could not be verified. Please log in again.'],
        [tokens.strict, 'Your login could not be verified. Please log in again.'],  // other site
        [expired, 'Your login has expired. Please log in again.'],
      ];
      for (const [token, message] of cases) {
        const res = await post(server, draft({ page }), as(token));
        assert.equal(res.status, 401, res.text);
        assert.equal(res.json.error, 'login_required');
        assert.equal(res.json.message, message);
      }
      const revoked = await login('demo');
      const out = await fetch(`${server.url}/api/logout?site=demo`,
        { method: 'POST', headers: { Authorization: `Bearer ${revoked}`, Origin: ORIGIN } });
      assert.equal(out.status, 204);
      const res = await post(server, draft({ page }), as(revoked));
      assert.equal(res.status, 401);
      assert.equal(res.json.message, 'You have logged out. Please log in again.');
      assert.equal((await thread(server, page)).json.comments.length, 0, 'nothing was stored');
    });

  test('"disabled": guests get 401 login required; logged-in readers post', async () => {
    const page = '/closed/';
    const guest = await post(server, draft({ page }), { site: 'closed' });
    assert.equal(guest.status, 401, guest.text);
    assert.equal(guest.json.error, 'login_required');
    assert.equal(guest.json.message, 'Please log in to comment on this site.');
    assert.equal((await thread(server, page, 'closed')).json.comments.length, 0);
    // The plain (no-JavaScript) form cannot log in, so it cannot post there either.
    const plain = await fetch(`${server.url}/form/comments?site=closed`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: new URLSearchParams({ page, title: 'Closed', comment: 'No JS here', author: 'Ana',
        email: 'ana@example.org' }).toString(),
    });
    assert.equal(plain.status, 401);
    assert.equal((await plain.json()).error, 'login_required');
    assert.equal((await thread(server, page, 'closed')).json.comments.length, 0);
    const member = await post(server, draft({ page }), { site: 'closed', ...as(tokens.closed) });
    assert.equal(member.status, 201, member.text);
    assert.equal(member.json.verified, true);
  });

  test('"required-fields": a guest must give a name and an email', async () => {
    const page = '/strict/';
    const missing = await post(server, draft({ page, author: '', email: '' }), { site: 'strict' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.errors.map((e) => e.field), ['author', 'email']);
    const ok = await post(server, draft({ page }), { site: 'strict' });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.verified, false);
  });

  // PUT/DELETE /api/comments/{id} (docs/api.md): the login that posted a comment may
  // change it without the edit token; a login is no key to a guest's comment.
  test('a logged-in author edits and deletes their comment by their login', async () => {
    const page = '/verified-edit/';
    const change = (method, id, body, headers = {}) => fetch(
      `${server.url}/api/comments/${id}?site=demo`, {
        method,
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
        body: JSON.stringify(body),
      });
    const bearer = { Authorization: `Bearer ${tokens.demo}` };
    const mine = (await post(server, draft({ page, text: 'Mine' }), as(tokens.demo))).json;
    const guest = (await post(server, draft({ page, text: 'Guest words' }), { site: 'demo' })).json;

    const edited = await change('PUT', mine.id, { text: 'Mine, *edited*' }, bearer);
    assert.equal(edited.status, 200);
    assert.equal((await edited.json()).html, '<p>Mine, <em>edited</em></p>\n');
    const refused = await change('PUT', guest.id, { text: 'Not mine' }, bearer);
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).message, 'Only the author can edit or delete this comment.');
    const forged = await change('PUT', mine.id, { text: 'x' }, { Authorization: 'Bearer forged.token' });
    assert.equal(forged.status, 401);

    assert.equal((await change('DELETE', mine.id, {}, bearer)).status, 200);
    const list = (await thread(server, page)).json.comments;
    assert.deepEqual(list.map((c) => c.html), ['<p>Guest words</p>\n']);
  });

  // parleyd export / import (docs/import-export.md): both go through each engine's one
  // comments INSERT, so a logged-in author's provider and identity survive a move to a
  // fresh store, and their login there still names them the author.
  test('export then import into a fresh store keeps the login identity', async () => {
    const page = '/verified-export/';
    const posted = await post(server, draft({ page, text: 'Signed words' }), as(tokens.demo));
    assert.equal(posted.status, 201, posted.text);
    const file = path.join(dir, 'identity.json');
    const exported = await parleyd(['export', ...storeArgs(server), '--site', 'demo', '--out', file]);
    assert.equal(exported.code, 0, exported.stderr);
    const written = JSON.parse(await readFile(file, 'utf8')).threads
      .find((t) => t.page === page).comments[0];
    assert.equal(written.provider, 'local');
    assert.equal(written.provider_name, 'Local ID');
    assert.ok(written.subject, 'the provider\'s user id is exported');

    const fresh = await startParleyd({ sites: SITES });
    try {
      const imported = await parleyd(['import', ...storeArgs(fresh), '--site', 'demo', '--format',
        'json', file]);
      assert.equal(imported.code, 0, imported.stderr);
      const [copy] = (await thread(fresh, page)).json.comments;
      assert.equal(copy.verified, true);
      assert.equal(copy.provider, 'local');
      assert.equal(copy.author, posted.json.author);
      assert.equal(copy.avatar, posted.json.avatar);
      const again = path.join(dir, 'identity-again.json');
      assert.equal((await parleyd(['export', ...storeArgs(fresh), '--site', 'demo', '--out',
        again])).code, 0);
      const kept = JSON.parse(await readFile(again, 'utf8')).threads[0].comments[0];
      assert.equal(kept.subject, written.subject, 'the identity, not just the name, was stored');
    } finally {
      await fresh.stop();
    }
  });
});
