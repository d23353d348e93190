// The respond form as a reader meets it: labels, validation messages beside the
// fields without any request, and the live Markdown preview.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { fieldError, form, launchBrowser, openReader, showThread, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('an empty thread shows "No Responses yet" and the form with every label', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);

  assert.equal(await page.locator('.parley-count').textContent(), 'No Responses yet');
  const f = form(page);
  assert.equal(await f.title.textContent(), 'Leave a Reply');
  for (const field of [f.text, f.author, f.email, f.website, f.save, f.submit]) {
    assert.ok(await field.isVisible());
  }
  assert.equal(await f.save.isChecked(), false);
  await page.getByText('Your email address will not be published.').waitFor();
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('an empty submit shows "Please ..." next to each required field and sends nothing', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  const f = form(page);

  await f.submit.click();
  await page.getByText('Please type your comment text.').waitFor();

  assert.match(await fieldError(f.text), /^Please type your comment text\.$/);
  assert.match(await fieldError(f.author), /^Please enter your name\.$/);
  assert.equal(await fieldError(f.email), 'Please enter your email address.');
  assert.equal(await fieldError(f.website), '');
  assert.equal(await f.text.getAttribute('aria-invalid'), 'true');
  assert.equal(await f.website.getAttribute('aria-invalid'), null);
  // The first invalid field gets the focus, so a keyboard user lands on it.
  assert.ok(await f.text.evaluate((el) => el === document.activeElement));
  assert.deepEqual(reader.posts, [], 'no request may leave the page');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('a malformed email is explained next to the email field', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  const f = form(page);

  await f.text.fill('Useful summary.');
  await f.author.fill('Ana');
  await f.email.fill('ana-at-example.org');
  await f.website.focus(); // leaving the field validates it
  await page.getByText(/Please enter a valid email address/).waitFor();
  assert.match(await fieldError(f.email), /Please enter a valid email address, like name@example\.com\./);
  assert.equal(await f.email.getAttribute('aria-invalid'), 'true');

  await f.submit.click();
  await page.getByText('Please correct the marked fields.').waitFor();
  assert.equal(await fieldError(f.text), '');
  assert.deepEqual(reader.posts, []);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the preview renders Markdown as it is typed', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  const f = form(page);
  const preview = page.locator('.parley-preview');

  await f.text.fill('A *careful* report with **clear** findings about `raids`.');
  await page.getByRole('button', { name: 'Preview' }).click();
  await preview.waitFor({ state: 'visible' });
  assert.equal(await preview.locator('em').textContent(), 'careful');
  assert.equal(await preview.locator('strong').textContent(), 'clear');
  assert.equal(await preview.locator('code').textContent(), 'raids');
  assert.equal(
    await page.getByRole('button', { name: 'Preview' }).getAttribute('aria-pressed'),
    'true',
  );

  // Typing keeps the preview current, and never replaces the textarea being typed in.
  await f.text.evaluate((el) => { el.dataset.testMarker = 'same'; });
  await f.text.press('End');
  await f.text.pressSequentially(' _More_ later.');
  await preview.locator('em', { hasText: 'More' }).waitFor();
  assert.equal(await f.text.getAttribute('data-test-marker'), 'same');
  assert.equal(await f.text.inputValue(),
    'A *careful* report with **clear** findings about `raids`. _More_ later.');

  await page.getByRole('button', { name: 'Write' }).click();
  await preview.waitFor({ state: 'hidden' });
  assert.deepEqual(reader.posts, []);
  reader.assertNoConsoleErrors();
  await reader.close();
});
