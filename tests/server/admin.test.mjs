// The admin UI's accounts over real HTTP: `parleyd admin create`, login and logout,
// the generic failure message, login rate limits, CSRF refusals, the cookie's
// attributes, roles, and the strict CSP on every /admin response.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  AdminClient, OWNER_PASSWORD, cookiesOf, createAccount, hiddenField, logIn,
} from '../support/admin.mjs';
import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SITES = [{ id: 'demo', origins: ['http://localhost:8081'] }, { id: 'other' }];
const OWNER = 'owner@example.org';
const MOD_PASSWORD = 'moderator password 99';
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function assertAdminHeaders(res, what) {
  assert.equal(res.headers.get('content-security-policy'), CSP, `${what}: CSP`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
}

describe('admin accounts', () => {
  let server;
  before(async () => {
    // Login limits have their own suite below; here every test logs in afresh.
    server = await startParleyd({ sites: SITES, extraArgs: ['--admin-logins-per-minute', '0'] });
    const made = await createAccount(server, { email: 'Owner@Example.org', password: OWNER_PASSWORD });
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /Created owner owner@example\.org/);
  });
  after(() => server?.stop());

  it('GET /admin without a session redirects to the login form', async () => {
    const res = await new AdminClient(server).get('/admin');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin/login');
  });

  it('the owner logs in, sees their sites, and gets a strict session cookie', async () => {
    const client = new AdminClient(server);
    const res = await client.logIn(OWNER, OWNER_PASSWORD);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin');
    const cookie = cookiesOf(res).parley_admin;
    assert.ok(cookie.value.length >= 40, 'a long random token');
    for (const attr of ['HttpOnly', 'SameSite=Strict', 'Path=/admin', 'Secure']) {
      assert.ok(cookie.attributes.includes(attr), `${attr} in ${cookie.line}`);
    }
    const home = await client.get('/admin');
    assert.equal(home.status, 200);
    assert.match(home.text, /owner@example\.org \(owner\)/);
    assert.match(home.text, /href="\/admin\/queue\?site=demo"/);
    assert.match(home.text, /href="\/admin\/queue\?site=other"/);
  });

  it('a wrong password and an unknown email get the same message', async () => {
    const wrong = await new AdminClient(server).logIn(OWNER, 'not the password');
    const unknown = await new AdminClient(server).logIn('nobody@example.org', OWNER_PASSWORD);
    for (const res of [wrong, unknown]) {
      assert.equal(res.status, 401);
      assert.match(res.text, /<p class="pa-error" role="alert">Wrong email or password\.<\/p>/);
      assert.equal(cookiesOf(res).parley_admin, undefined);
    }
  });

  it('a login without the form token of the login page is refused', async () => {
    const client = new AdminClient(server);
    const res = await client.request('POST', '/admin/login',
      { form: { email: OWNER, password: OWNER_PASSWORD, form_token: 'forged' } });
    assert.equal(res.status, 403);
    assert.equal(cookiesOf(res).parley_admin, undefined);
  });

  it('logout needs the CSRF token, and then the old cookie is worthless', async () => {
    const client = await logIn(server, OWNER, OWNER_PASSWORD);
    const forged = await client.post('/admin/logout', {}, { csrf: 'x'.repeat(43) });
    assert.equal(forged.status, 403);
    const none = await client.post('/admin/logout', {}, { csrf: '' });
    assert.equal(none.status, 403);
    assert.equal((await client.get('/admin')).status, 200, 'still logged in');
    const oldCookie = client.cookieHeader();
    const out = await client.post('/admin/logout', {});
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/admin/login');
    const replay = await fetch(`${server.url}/admin`, { headers: { Cookie: oldCookie }, redirect: 'manual' });
    assert.equal(replay.status, 303, 'the session is closed on the server');
  });

  it('the owner adds a moderator; a forged or CSRF-less form adds nobody', async () => {
    const owner = await logIn(server, OWNER, OWNER_PASSWORD);
    const forged = await owner.post('/admin/moderators',
      { email: 'mallory@example.org', password: MOD_PASSWORD, site: 'demo' }, { csrf: 'nope' });
    assert.equal(forged.status, 403);
    const bare = await owner.request('POST', '/admin/moderators',
      { form: { email: 'mallory@example.org', password: MOD_PASSWORD, site: 'demo' } });
    assert.equal(bare.status, 403);
    assert.equal((await new AdminClient(server).logIn('mallory@example.org', MOD_PASSWORD)).status, 401);

    const short = await owner.post('/admin/moderators',
      { email: 'mod@example.org', password: 'short', site: 'demo' });
    assert.equal(short.status, 400);
    assert.match(short.text, /<span id="password-error" class="pa-error">Use a password of at least 10 characters\.<\/span>/);
    assert.match(short.text, /aria-describedby="password-error"/);

    const added = await owner.post('/admin/moderators',
      { email: 'mod@example.org', password: MOD_PASSWORD, site: 'demo' });
    assert.equal(added.status, 200);
    assert.match(added.text, /Added moderator mod@example\.org for demo\./);
    assert.match(added.text, /<li>mod@example\.org: demo<\/li>/);
    const again = await owner.post('/admin/moderators',
      { email: 'MOD@example.org', password: MOD_PASSWORD, site: 'demo' });
    assert.equal(again.status, 400);
    assert.match(again.text, /There is already an account with this email\./);
  });

  it('a moderator sees only their sites and cannot add moderators', async () => {
    const made = await createAccount(server,
      { email: 'mod2@example.org', password: MOD_PASSWORD, role: 'moderator', sites: ['other'] });
    assert.equal(made.code, 0, made.stderr);
    const mod = await logIn(server, 'mod2@example.org', MOD_PASSWORD);
    const home = await mod.get('/admin');
    assert.match(home.text, /mod2@example\.org \(moderator\)/);
    assert.match(home.text, /href="\/admin\/queue\?site=other"/);
    assert.doesNotMatch(home.text, /queue\?site=demo/);
    assert.doesNotMatch(home.text, /Add a moderator/);
    const res = await mod.post('/admin/moderators',
      { email: 'x@example.org', password: MOD_PASSWORD, site: 'other' });
    assert.equal(res.status, 403);
  });

  it('HTML in an account email is shown as text', async () => {
    const owner = await logIn(server, OWNER, OWNER_PASSWORD);
    const res = await owner.post('/admin/moderators',
      { email: '<img src=x onerror=alert(1)>@example.org', password: MOD_PASSWORD, site: 'demo' });
    assert.equal(res.status, 400, 'not an email');
    assert.doesNotMatch(res.text, /<img src=x/);
  });

  it('every /admin response carries the strict CSP, errors and 404s included', async () => {
    const owner = await logIn(server, OWNER, OWNER_PASSWORD);
    const requests = [
      ['GET', '/admin', {}],
      ['GET', '/admin/login', {}],
      ['GET', '/admin/admin.js', {}],
      ['GET', '/admin/admin.css', {}],
      ['GET', '/admin/no/such/page', {}],
      ['GET', '/admin/', {}],
      ['DELETE', '/admin', {}],
      ['POST', '/admin/login', { 'Content-Type': 'text/plain' }, 'x'],
      ['POST', '/admin/login', { 'Content-Type': 'application/x-www-form-urlencoded' }, '%ZZ'],
      ['POST', '/admin/logout', { 'Content-Type': 'application/x-www-form-urlencoded' }, ''],
    ];
    const statuses = new Set();
    for (const [method, path, headers, body] of requests) {
      const res = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
      await res.arrayBuffer();
      statuses.add(res.status);
      assertAdminHeaders(res, `${method} ${path} -> ${res.status}`);
    }
    for (const status of [200, 303, 400, 403, 404, 405, 415]) {
      assert.ok(statuses.has(status), `no request produced ${status}: ${[...statuses]}`);
    }
    const page = await owner.get('/admin');
    assertAdminHeaders(page, 'logged-in home');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    // Nothing inline for the CSP to block: no <script> bodies, no style attributes.
    assert.doesNotMatch(page.text, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(page.text, /\sstyle=|<style/);
  });

  it('the site pages of the API keep their own headers (no admin CSP)', async () => {
    const res = await fetch(`${server.url}/api/comments?site=demo&page=/a/`);
    await res.arrayBuffer();
    assert.equal(res.headers.get('content-security-policy'), null);
  });
});

describe('admin login rate limit', () => {
  let server;
  before(async () => {
    server = await startParleyd({ sites: SITES, extraArgs: ['--admin-logins-per-minute', '3'] });
    const made = await createAccount(server, { email: OWNER, password: OWNER_PASSWORD });
    assert.equal(made.code, 0, made.stderr);
  });
  after(() => server?.stop());

  // Three guesses from 127.0.0.2 spend both that address's and the account's budget.
  it('per account: a fourth attempt from another address is refused, even with the right password', async () => {
    for (let i = 0; i < 3; ++i) {
      const guess = await new AdminClient(server, { from: '127.0.0.2' }).logIn(OWNER, `wrong ${i}`);
      assert.equal(guess.status, 401);
    }
    const res = await new AdminClient(server, { from: '127.0.0.3' }).logIn(OWNER, OWNER_PASSWORD);
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.match(res.text, /Too many login attempts\. Please wait \d+ s and try again\./);
    assert.equal(cookiesOf(res).parley_admin, undefined);
  });

  it('per IP: the guessing address is refused for other accounts too, other addresses are not', async () => {
    const res = await new AdminClient(server, { from: '127.0.0.2' })
      .logIn('someone.else@example.org', 'whatever pw');
    assert.equal(res.status, 429);
    const elsewhere = await new AdminClient(server, { from: '127.0.0.4' })
      .logIn('someone.else@example.org', 'whatever pw');
    assert.equal(elsewhere.status, 401);
  });
});

describe('admin cookie in demo mode', () => {
  it('has no Secure attribute on plain-http loopback, and keeps the others', async () => {
    const server = await startParleyd({ sites: SITES, extraArgs: ['--demo', '--admin-logins-per-minute', '0'] });
    try {
      await createAccount(server, { email: OWNER, password: OWNER_PASSWORD });
      const res = await new AdminClient(server).logIn(OWNER, OWNER_PASSWORD);
      const cookie = cookiesOf(res).parley_admin;
      assert.ok(!cookie.attributes.includes('Secure'), cookie.line);
      for (const attr of ['HttpOnly', 'SameSite=Strict', 'Path=/admin']) {
        assert.ok(cookie.attributes.includes(attr), `${attr} in ${cookie.line}`);
      }
    } finally {
      await server.stop();
    }
  });
});

describe('parleyd admin create', () => {
  let server;
  before(async () => { server = await startParleyd({ sites: SITES }); });
  after(() => server?.stop());

  it('is listed in parleyd --help and has its own help', async () => {
    const { stdout } = await run(PARLEYD_PATH, ['--help']);
    assert.match(stdout, /admin create --email EMAIL/);
    const own = await run(PARLEYD_PATH, ['admin', '--help']);
    assert.match(own.stdout, /password is read\s+from standard input/);
  });

  it('refuses a short password, a missing one, a bad role, a moderator without a site', async () => {
    const cases = [
      [{ email: 'a@example.org', password: 'short' }, /at least 10 characters/],
      [{ email: 'a@example.org', password: undefined }, /no password given/],
      [{ email: 'a@example.org', password: OWNER_PASSWORD, role: 'root' }, /owner or moderator/],
      [{ email: 'a@example.org', password: OWNER_PASSWORD, role: 'moderator' }, /needs a site/],
      [{ email: 'not-an-email', password: OWNER_PASSWORD }, /Enter an email address/],
    ];
    for (const [account, message] of cases) {
      const res = await createAccount(server, account);
      assert.notEqual(res.code, 0, JSON.stringify(account));
      assert.match(res.stderr, message);
    }
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    assert.equal((await createAccount(server, { email: 'b@example.org', password: OWNER_PASSWORD })).code, 0);
    const again = await createAccount(server, { email: 'B@EXAMPLE.org', password: OWNER_PASSWORD });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already an account/);
  });

  it('takes no password as an argument', async () => {
    const res = await createAccount(server,
      { email: 'c@example.org', password: OWNER_PASSWORD, extraArgs: ['--password', 'x'] });
    assert.equal(res.code, 2);
    assert.match(res.stderr, /unknown option --password/);
  });

  it('never stores or prints the password', async () => {
    const res = await createAccount(server, { email: 'd@example.org', password: 'secret-pw-4242' });
    assert.equal(res.code, 0);
    assert.doesNotMatch(res.stdout + res.stderr, /secret-pw-4242/);
    const home = await logIn(server, 'd@example.org', 'secret-pw-4242');
    assert.ok(home.csrf, 'logged in');
    assert.doesNotMatch(server.stderr(), /secret-pw-4242/);
  });
});
