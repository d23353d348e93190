// The browser stack with login: a real OpenID Connect provider (oidc-provider on
// loopback) offered to the demo site, and parleyd's public URL set to the host name the
// page embeds it by, so the popup's callback page has the origin the widget trusts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SECOND_USER, startOidcProvider, TEST_CLIENT, TEST_USER }
  from '../support/oidc-provider.mjs';
import { openReader, showThread, startStack } from './harness.mjs';

export const LOGIN_SECRET = 'browser-test-secret-long-enough-0123456789';
export const PROVIDER = { id: 'local', name: 'Local ID' };
export { SECOND_USER, TEST_USER };
// Where the widget keeps the demo site's session token, and the line it shows when logged in.
export const TOKEN_KEY = 'parley:login:demo';
export const USING = `You are commenting using your ${PROVIDER.name} account.`;
export const storedToken = (page) =>
  page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY);

export async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** startStack plus the provider; `guests`: allowed, required-fields or disabled. */
export async function startLoginStack(t, { guests = 'allowed' } = {}) {
  const idp = await startOidcProvider();
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-login-browser-'));
  t.after(async () => {
    await idp.stop();
    await rm(dir, { recursive: true, force: true });
  });
  // The port is chosen first: the public URL (and the redirect URI) must name it.
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  const config = path.join(dir, 'login.json');
  await writeFile(config, JSON.stringify({
    login: {
      secret: LOGIN_SECRET,
      public_url: publicUrl,
      sites: { demo: { guests, providers: [{ ...PROVIDER, issuer: idp.issuer,
        client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret }] } },
    },
  }));
  const stack = await startStack(t, { extraArgs: ['--config', config, '--port', String(port)] });
  idp.registerClient({ redirectUris: [`${publicUrl}/auth/callback`] });
  return { ...stack, idp };
}

// Clicks the provider's icon and returns the popup it opened (the provider's pages).
export async function openLoginPopup(page) {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: `Log in with ${PROVIDER.name}` }).click();
  return popupOpened;
}

// The window closes in the browser before Playwright hears of it, so a page that already
// shows what follows the close may still have an open popup object; this waits for the
// close event (5 s at most) rather than reading isClosed() once.
export async function closedByThePage(popup) {
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 5000 });
  return popup.isClosed();
}

// In the popup: oidc-provider's own login page ("enter any login"), then its consent
// page, allowed or denied; resolves when the popup has closed itself.
export async function completeLogin(popup, { consent = true, user = TEST_USER } = {}) {
  await popup.locator('input[name="login"]').fill(user.login);
  await popup.locator('input[name="password"]').fill('any');
  await popup.locator('button[type="submit"]').click();
  await popup.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
  const closed = popup.waitForEvent('close');
  if (consent) await popup.locator('button[type="submit"]').click();
  else await popup.locator('a[href$="/abort"]').click();
  await closed;
}

// A reader on the page of a fresh login stack, the thread shown and the provider row
// (or, with guests disabled, its "must be logged in" row) in place.
export async function openLoginReader(browser, t, { guests, expectedErrors } = {}) {
  const stack = await startLoginStack(t, { guests });
  const reader = await openReader(browser, stack.pageUrl, { expectedErrors });
  await showThread(reader.page);
  await reader.page.getByRole('button', { name: `Log in with ${PROVIDER.name}` }).waitFor();
  return { stack, reader, page: reader.page };
}
