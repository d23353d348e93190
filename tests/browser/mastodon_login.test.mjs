// Logging in with Mastodon, end to end in Chromium: the reader picks Mastodon in the
// widget, types their server, the popup goes through parleyd (which registers itself on
// that server) to the server's consent page, and back; the widget then says who they are
// ("Ada Lovelace (ada@social.test)"), their comment carries the verified badge and
// avatar, and logging out forgets them. The server is tests/support/mastodon.mjs on
// loopback, named "social.test" by the demo-only test_instances setting. A server that
// is down ends in its message in the widget.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { form, launchBrowser, openReader, showThread, startStack } from './harness.mjs';
import { freePort } from './login_stack.mjs';
import { MASTODON_USER, startMastodon } from '../support/mastodon.mjs';

const SECRET = 'browser-mastodon-secret-7c1e94b2a05d83f6';
const NAME = `${MASTODON_USER.display_name} (${MASTODON_USER.username}@social.test)`;
const USING = 'You are commenting using your Mastodon account.';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// The demo page and parleyd (public URL fixed first: it is in the registered callback
// URL) offering Mastodon, with social.test served by a loopback Mastodon and down.test by
// nothing at all.
async function startMastodonStack(t) {
  const masto = await startMastodon();
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-mastodon-browser-'));
  t.after(async () => {
    await masto.stop();
    await rm(dir, { recursive: true, force: true });
  });
  const port = await freePort();
  const config = path.join(dir, 'login.json');
  await writeFile(config, JSON.stringify({
    demo: true,
    login: {
      secret: SECRET,
      public_url: `http://localhost:${port}`,
      sites: { demo: { providers: [{ preset: 'mastodon', test_instances: {
        'social.test': masto.origin,
        'down.test': `http://127.0.0.1:${await freePort()}`,
      } }] } },
    },
  }));
  const stack = await startStack(t, { extraArgs: ['--config', config, '--port', String(port)] });
  return { ...stack, masto };
}

// Mastodon in the provider row, then the server field; resolves to the popup it opens.
async function startLogin(page, server) {
  await page.getByRole('button', { name: 'Log in with Mastodon' }).click();
  await page.getByLabel('Your Mastodon server').fill(server);
  const popupOpened = page.waitForEvent('popup');
  await page.locator('.parley-login-instance-actions')
    .getByRole('button', { name: 'Log in with Mastodon' }).click();
  return popupOpened;
}

test('log in with a Mastodon server, comment with the verified badge, log out', async (t) => {
  const stack = await startMastodonStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);

  const popup = await startLogin(page, `@${MASTODON_USER.username}@social.test`);
  // The server's own consent page, reached through parleyd's registration on it.
  await popup.getByRole('button', { name: 'Authorize' }).waitFor();
  assert.equal(stack.masto.registrations, 1);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await closed;

  await page.getByText(USING).waitFor();
  const line = page.locator('.parley-login-as');
  assert.equal(await line.locator('.parley-login-name').textContent(), NAME);
  assert.equal(await line.locator('img').getAttribute('src'), `${stack.masto.origin}/avatars/ada.png`);
  assert.equal(await form(page).author.isVisible(), false, 'guest fields are hidden');

  const f = form(page);
  await f.text.fill('Hello from the fediverse.');
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  const res = await posted;
  assert.equal(res.status(), 201, await res.text());
  const { id } = await res.json();
  const comment = page.locator(`#parley-comment-${id}`);
  await comment.waitFor();
  assert.equal(await comment.locator('.parley-author').textContent(), NAME);
  assert.equal(await comment.getByRole('img', { name: 'Verified Mastodon account' }).isVisible(), true);
  const avatar = comment.locator('img.parley-avatar-picture');
  assert.ok(await avatar.evaluate((img) => img.complete && img.naturalWidth > 0), 'avatar loaded');

  await page.getByRole('button', { name: 'Log Out' }).click();
  await page.getByRole('button', { name: 'Log in with Mastodon' }).waitFor();
  assert.equal(await form(page).author.isVisible(), true, 'guest fields are back');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('a Mastodon server that is down: the widget shows why, the reader stays a guest',
  async (t) => {
    const stack = await startMastodonStack(t);
    const reader = await openReader(browser, stack.pageUrl);
    const { page } = reader;
    await showThread(page);
    await startLogin(page, 'down.test');
    await page.getByText(
      'down.test could not be reached. Check the name of your server, or try again later.')
      .waitFor();
    assert.equal(await form(page).author.isVisible(), true);
    assert.equal(stack.masto.registrations, 0);
    reader.assertNoConsoleErrors();
    await reader.close();
  });
