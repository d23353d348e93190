// Live updates in Chromium: a comment posted by another reader appears behind a
// "Show 1 new comment" bar (announced politely), and joins the thread on click,
// without a reload. The writer's own page shows its comment once, never as "new".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { POST_TITLE, commentWith, form, launchBrowser, openReader, postComment, seedComment, showThread, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const bar = (page) => page.locator('.parley-live-bar');
// Resolves when the page's event stream has answered with its head.
const streamOpened = (page) => page.waitForResponse((r) => r.url().includes('/api/events?'))
  .then((r) => assert.equal(r.status(), 200));

test('a comment posted elsewhere is announced, then shown on request', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const writer = await openReader(browser, stack.pageUrl);
  // The widget opens its stream as it starts; the comment below is posted once the
  // reader's stream has answered, i.e. while the reader is listening.
  const listening = streamOpened(reader.page);
  await showThread(reader.page);
  await listening;
  await showThread(writer.page);

  await postComment(writer.page, { text: 'Posted while you were reading.', author: 'Bo' });

  await bar(reader.page).waitFor();
  assert.equal(await bar(reader.page).textContent(), 'Show 1 new comment');
  assert.equal(await form(reader.page).status.textContent(), '1 new comment.');
  // Nothing was inserted under the reader's eyes yet.
  assert.equal(await commentWith(reader.page, 'Posted while you were reading').count(), 0);

  await bar(reader.page).click();
  const comment = commentWith(reader.page, 'Posted while you were reading');
  await comment.waitFor();
  assert.equal(await comment.locator('.parley-author').textContent(), 'Bo');
  assert.equal(await reader.page.locator('h2.parley-count').textContent(),
    `One Response to \u201C${POST_TITLE}\u201D`);
  assert.equal(await bar(reader.page).count(), 0);

  // The writer saw its own comment through the POST answer and is not offered it again.
  assert.equal(await commentWith(writer.page, 'Posted while you were reading').count(), 1);
  assert.equal(await bar(writer.page).count(), 0);

  reader.assertNoConsoleErrors();
  writer.assertNoConsoleErrors();
  await reader.close();
  await writer.close();
});

test('a reply from elsewhere nests under its parent when shown', async (t) => {
  const stack = await startStack(t);
  const writer = await openReader(browser, stack.pageUrl);
  await showThread(writer.page);
  const parentId = await postComment(writer.page, { text: 'First thoughts.', author: 'Ana' });

  const reader = await openReader(browser, stack.pageUrl);
  const listening = streamOpened(reader.page);
  await showThread(reader.page);
  await listening;
  await commentWith(reader.page, 'First thoughts.').waitFor();

  // A reply posted straight to the API, as another site's reader would.
  await seedComment(stack, { parent: parentId, text: 'A reply.', author: 'Cy', email: 'cy@example.org' });

  await bar(reader.page).click();
  const reply = reader.page.locator(`#parley-comment-${parentId}`).locator('.parley-children')
    .locator('.parley-body', { hasText: 'A reply.' });
  await reply.waitFor();
  reader.assertNoConsoleErrors();
  await reader.close();
  await writer.close();
});
