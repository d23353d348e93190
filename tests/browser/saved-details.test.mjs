// "Save my name, email, and website in this browser": ticked, a reload restores the
// details; unticked, they are forgotten.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { form, launchBrowser, openReader, postComment, showThread, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const ANA = { author: 'Ana Lima', email: 'ana@example.org', website: 'https://ana.example' };

async function detailsShown(page) {
  const f = form(page);
  return {
    author: await f.author.inputValue(),
    email: await f.email.inputValue(),
    website: await f.website.inputValue(),
    save: await f.save.isChecked(),
  };
}

test('ticked, the details come back after a reload', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  await postComment(page, { text: 'Remember me, please.', ...ANA, save: true });

  await page.reload();
  await showThread(page);
  assert.deepEqual(await detailsShown(page), { ...ANA, save: true });
  assert.equal(await form(page).text.inputValue(), '', 'the comment text is not kept');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('unticked, nothing is restored, and earlier saved details are forgotten', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  await postComment(page, { text: 'First, with details saved.', ...ANA, save: true });
  await postComment(page, { text: 'Second, changed my mind.', ...ANA, save: false });

  await page.reload();
  await showThread(page);
  assert.deepEqual(await detailsShown(page), { author: '', email: '', website: '', save: false });
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('never ticked, a reload shows an empty form', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  await postComment(page, { text: 'Just passing by.', ...ANA });

  await page.reload();
  await showThread(page);
  assert.deepEqual(await detailsShown(page), { author: '', email: '', website: '', save: false });
  reader.assertNoConsoleErrors();
  await reader.close();
});
