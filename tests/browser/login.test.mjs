// Logging in to comment, end to end in Chromium against a real OpenID Connect provider
// (oidc-provider on loopback): the provider row, the popup and "Connecting to …", the
// provider's own login and consent pages, "You are commenting using your … account",
// a comment with the verified badge and the provider's avatar (also after a reload),
// and logging out. Then each way a login must end cleanly: the popup closed early,
// consent denied, a forged or expired token in localStorage, a message from the wrong
// origin.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';

import { form, launchBrowser, showThread } from './harness.mjs';
import { closedByThePage, completeLogin, LOGIN_SECRET, openLoginPopup, openLoginReader,
  PROVIDER, storedToken, TEST_USER, TOKEN_KEY, USING } from './login_stack.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const CHOOSER = 'Fill in your details below or click an icon to log in:';
// A refused token is answered 401, which Chromium logs as a failed resource.
const REFUSED = [/status of 401/];


function craftToken(claims, secret = LOGIN_SECRET) {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function loggedIn(page) {
  await page.getByText(USING).waitFor();
  const line = page.locator('.parley-login-as');
  assert.equal(await line.locator('.parley-login-name').textContent(), TEST_USER.name);
  assert.equal(await form(page).author.isVisible(), false, 'guest fields are hidden');
  assert.equal(await form(page).email.isVisible(), false);
  return line;
}

test('log in with the provider, comment with a verified badge and avatar, log out',
  async (t) => {
    const { stack, reader, page } = await openLoginReader(browser, t, { expectedErrors: REFUSED });
    await page.getByText(CHOOSER).waitFor();

    const popup = await openLoginPopup(page);
    await page.getByRole('status').filter({ hasText: `Connecting to ${PROVIDER.name}…` }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Cancel', exact: true }).isVisible(), true);
    await completeLogin(popup);

    const line = await loggedIn(page);
    assert.equal(await line.locator('img').getAttribute('src'), stack.idp.picture);
    assert.ok(await storedToken(page), 'the token is kept in localStorage');

    const f = form(page);
    await f.text.fill('Posted as a *verified* reader.');
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await f.submit.click();
    const res = await posted;
    assert.equal(res.status(), 201, await res.text());
    assert.match(res.request().headers().authorization ?? '', /^Bearer /);
    const { id } = await res.json();

    const checkComment = async () => {
      const comment = page.locator(`#parley-comment-${id}`);
      await comment.waitFor();
      assert.equal(await comment.locator('.parley-author').textContent(), TEST_USER.name);
      const badge = comment.getByRole('img', { name: `Verified ${PROVIDER.name} account` });
      assert.equal(await badge.isVisible(), true);
      const avatar = comment.locator('img.parley-avatar-picture');
      assert.equal(await avatar.getAttribute('src'), stack.idp.picture);
      assert.equal(await avatar.getAttribute('referrerpolicy'), 'no-referrer');
      assert.equal(await avatar.getAttribute('alt'), '');
      // The picture really loaded (it is not a broken image).
      assert.ok(await avatar.evaluate((img) => img.complete && img.naturalWidth > 0));
    };
    await checkComment();

    await page.reload();
    await showThread(page);
    await loggedIn(page);
    await checkComment();

    const token = JSON.parse(await storedToken(page));
    const loggedOut = page.waitForResponse((r) => r.url().includes('/api/logout'));
    await page.getByRole('button', { name: 'Log Out' }).click();
    await page.getByText(CHOOSER).waitFor();
    assert.equal(await form(page).author.isVisible(), true, 'guest fields are back');
    assert.equal(await storedToken(page), null, 'the token is forgotten');
    // The server closed the session too: the old token no longer works anywhere.
    assert.equal((await loggedOut).status(), 204);
    const session = await fetch(`${stack.api}/api/session?site=demo`,
      { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(session.status, 401);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('a popup closed before the login ends says so and leaves the reader a guest',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t);
    const popup = await openLoginPopup(page);
    await popup.close();
    await page.getByText('The login window was closed before you logged in.').waitFor();
    await page.getByRole('button', { name: `Log in with ${PROVIDER.name}` }).waitFor();
    assert.equal(await form(page).author.isVisible(), true);
    assert.equal(await storedToken(page), null);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('denied consent shows the provider\'s answer in the widget', async (t) => {
  const { reader, page } = await openLoginReader(browser, t);
  const popup = await openLoginPopup(page);
  await completeLogin(popup, { consent: false });
  await page.getByText('You did not allow the login, so you were not logged in.').waitFor();
  await page.getByRole('button', { name: `Log in with ${PROVIDER.name}` }).waitFor();
  assert.equal(await storedToken(page), null);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('a forged or expired token in localStorage is forgotten; the reader is a guest',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t, { expectedErrors: REFUSED });
    const claims = { sid: 'made-up', site: 'demo', prv: 'local', sub: 'ada', name: 'Mallory',
      pic: '', exp: Math.floor(Date.now() / 1000) + 3600 };
    const tokens = [
      craftToken(claims, 'not-the-server-secret-0123456789abcdef'),  // forged
      craftToken({ ...claims, exp: 1 }),                              // expired
    ];
    for (const token of tokens) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify(value)),
        [TOKEN_KEY, token]);
      const checked = page.waitForResponse((r) => r.url().includes('/api/session'));
      await page.reload();
      await showThread(page);
      assert.equal((await checked).status(), 401);
      await page.getByText(CHOOSER).waitFor();
      await page.waitForFunction((key) => localStorage.getItem(key) === null, TOKEN_KEY);
      assert.equal(await page.getByText('Mallory').count(), 0);
      assert.equal(await form(page).author.isVisible(), true);
    }
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('login messages from another origin or another window are ignored', async (t) => {
  const { reader, page } = await openLoginReader(browser, t);
  const popup = await openLoginPopup(page);
  await popup.locator('input[name="login"]').waitFor();
  const fake = { parley: 'login', token: 'stolen.token', error: '' };
  // The expected window, but the provider's origin, not parleyd's.
  await popup.evaluate((m) => window.opener.postMessage(m, '*'), fake);
  // The page's own origin and window.
  await page.evaluate((m) => window.postMessage(m, '*'), fake);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(await storedToken(page), null);
  await page.getByText(`Connecting to ${PROVIDER.name}…`).waitFor();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByText(CHOOSER).waitFor();
  assert.equal(await closedByThePage(popup), true, 'Cancel closes the popup');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('"login required": the form shows only the provider row until the reader logs in',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t, { guests: 'disabled' });
    await page.getByText('You must be logged in to post a comment. Click an icon to log in:')
      .waitFor();
    assert.equal(await form(page).text.isVisible(), false);
    assert.equal(await form(page).submit.isVisible(), false);
    await completeLogin(await openLoginPopup(page));
    await loggedIn(page);
    assert.equal(await form(page).text.isVisible(), true);
    reader.assertNoConsoleErrors();
    await reader.close();
  });
