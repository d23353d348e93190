// "Change" in Chromium against the real OpenID Connect provider (oidc-provider on
// loopback): the reader stays logged in while choosing another account; a completed
// change replaces the token and closes the old session on the server; a cancelled or
// failed one leaves the reader logged in as before, and says so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { form, launchBrowser } from './harness.mjs';
import { closedByThePage, completeLogin, openLoginPopup, openLoginReader, PROVIDER,
  SECOND_USER, storedToken, TEST_USER, USING } from './login_stack.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// The session token the widget keeps (stored as JSON).
const tokenOf = async (page) => JSON.parse(await storedToken(page));
const sessionStatus = async (api, token) => (await fetch(`${api}/api/session?site=demo`,
  { headers: { Authorization: `Bearer ${token}` } })).status;

async function loggedInAs(page, name) {
  await page.locator('.parley-login-name', { hasText: name }).waitFor();
  assert.equal(await page.getByText(USING).isVisible(), true);
  assert.equal(await form(page).author.isVisible(), false, 'guest fields stay hidden');
}

async function logInAsAda(page) {
  await completeLogin(await openLoginPopup(page));
  await loggedInAs(page, TEST_USER.name);
  return tokenOf(page);
}

// Posts `text` as the logged-in reader; checks the comment is theirs.
async function postAs(page, text, name) {
  await form(page).text.fill(text);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST' &&
    r.url().includes('/api/comments'));
  await form(page).submit.click();
  const res = await posted;
  assert.equal(res.status(), 201, await res.text());
  assert.equal((await res.json()).author, name);
}

test('Change to a second user: the new login replaces the token, the old session is closed',
  async (t) => {
    const { stack, reader, page } = await openLoginReader(browser, t);
    const ada = await logInAsAda(page);

    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByText('Click an icon to log in with another account:').waitFor();
    // Nothing is given up yet: the token and the session are still Ada's.
    assert.equal(await tokenOf(page), ada);
    assert.equal(await sessionStatus(stack.api, ada), 200);
    assert.equal(await form(page).author.isVisible(), false);

    const popup = await openLoginPopup(page);
    // The provider asks who is logging in again (prompt=login), though Ada's session there
    // is still open, so another account can be chosen.
    assert.match(popup.url(), /\/interaction\//);
    const closedOld = page.waitForResponse((r) => r.url().includes('/api/logout'));
    await completeLogin(popup, { user: SECOND_USER });
    await loggedInAs(page, SECOND_USER.name);
    assert.equal((await closedOld).status(), 204);

    const grace = await tokenOf(page);
    assert.ok(grace && grace !== ada, 'the new token is stored');
    assert.equal(await sessionStatus(stack.api, ada), 401, 'the old session is revoked');
    assert.equal(await sessionStatus(stack.api, grace), 200);

    await postAs(page, 'Now as Grace.', SECOND_USER.name);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('a cancelled change leaves the reader logged in as before, and says so', async (t) => {
  const { stack, reader, page } = await openLoginReader(browser, t);
  const ada = await logInAsAda(page);
  const kept = `You are still logged in as ${TEST_USER.name}.`;

  // Cancel on the provider row.
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByText(kept).waitFor();
  await loggedInAs(page, TEST_USER.name);

  // Cancel while the provider's popup is open: the popup closes, nothing changes.
  await page.getByRole('button', { name: 'Change' }).click();
  const popup = await openLoginPopup(page);
  await page.getByText(`Connecting to ${PROVIDER.name}…`).waitFor();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByText(kept).waitFor();
  assert.equal(await closedByThePage(popup), true);
  await loggedInAs(page, TEST_USER.name);

  // The popup closed by the reader, and consent denied at the provider.
  await page.getByRole('button', { name: 'Change' }).click();
  await (await openLoginPopup(page)).close();
  await page.getByText(`The login window was closed before you logged in. ${kept}`).waitFor();
  await page.getByRole('button', { name: 'Change' }).click();
  await completeLogin(await openLoginPopup(page), { user: SECOND_USER, consent: false });
  await page.getByText(`You did not allow the login, so you were not logged in. ${kept}`)
    .waitFor();
  await loggedInAs(page, TEST_USER.name);

  assert.equal(await tokenOf(page), ada, 'the token is unchanged');
  assert.equal(await sessionStatus(stack.api, ada), 200, 'the session is still open');
  await postAs(page, 'Still Ada.', TEST_USER.name);
  reader.assertNoConsoleErrors();
  await reader.close();
});
