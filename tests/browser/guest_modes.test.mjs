// The site's guest mode as a reader meets it in Chromium (docs/login.md, `guests`): the
// widget learns it from GET /api/login and follows it in the "*" markers, in the
// messages beside the fields (core's validation in WASM) and in what it sends; parleyd
// holds the same rule. "disabled" (login required) is in login.test.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { commentWith, fieldError, form, launchBrowser } from './harness.mjs';
import { openLoginReader } from './login_stack.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// The "*" after a field's label, as a sighted reader sees it (it is aria-hidden).
const starShown = (page, field) =>
  page.locator(`[data-parley-key="required-${field}"]`).isVisible();

test('"allowed": name and email are optional; an anonymous comment shows as Anonymous',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t, { guests: 'allowed' });
    const f = form(page);
    await page.waitForFunction(() =>
      document.querySelector('[data-parley-key="required-author"]')?.hidden === true);
    assert.equal(await starShown(page, 'author'), false);
    assert.equal(await starShown(page, 'email'), false);
    assert.equal(await f.author.evaluate((el) => el.required), false);
    assert.equal(await f.email.evaluate((el) => el.required), false);
    assert.equal(await f.text.evaluate((el) => el.required), true);

    // An email that is given is still checked, beside its field, before any request.
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    await f.text.fill('Said without a name.');
    await f.email.fill('ana@');
    await f.submit.click();
    await page.getByText('Please enter a valid email address, like name@example.com.').waitFor();
    assert.equal(await fieldError(f.email), 'Please enter a valid email address, like name@example.com.');
    assert.equal(await fieldError(f.author), '');
    assert.equal(posts, 0);

    await f.email.fill('');
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await f.submit.click();
    assert.equal((await posted).status(), 201);
    const comment = commentWith(page, 'Said without a name.');
    await comment.waitFor();
    assert.equal(await comment.locator('.parley-author').textContent(), 'Anonymous');
    assert.equal(await comment.getByRole('button', { name: 'Reply to Anonymous' }).isVisible(),
      true);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('"required-fields": name and email are marked and required, in the browser as on the server',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t, { guests: 'required-fields' });
    const f = form(page);
    assert.equal(await starShown(page, 'author'), true);
    assert.equal(await starShown(page, 'email'), true);
    assert.equal(await f.author.evaluate((el) => el.required), true);
    assert.equal(await f.email.evaluate((el) => el.required), true);

    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posts += 1; });
    await f.text.fill('Who am I?');
    await f.submit.click();
    await page.getByText('Please enter your name.').waitFor();
    assert.equal(await fieldError(f.author), 'Please enter your name.');
    assert.equal(await fieldError(f.email), 'Please enter your email address.');
    assert.equal(await f.author.evaluate((el) => el === document.activeElement), true);
    assert.equal(posts, 0);

    await f.author.fill('Ana');
    await f.email.fill('ana@example.org');
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await f.submit.click();
    assert.equal((await posted).status(), 201);
    await commentWith(page, 'Who am I?').waitFor();
    reader.assertNoConsoleErrors();
    await reader.close();
  });
