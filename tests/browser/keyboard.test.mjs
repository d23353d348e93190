// The whole conversation by keyboard alone: Tab to move, Enter and Space to press,
// typing to write. Focus must always be somewhere a reader can see and expect: on the
// textarea after Reply, back at the form after Cancel, never lost to <body>.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, openReader, seedComment, showThread, startStack } from './harness.mjs';
import { openLoginReader, PROVIDER } from './login_stack.mjs';

// More Tabs than the widget has stops: a missing stop fails instead of looping.
const MAX_TABS = 80;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// What has focus, described as a reader would: role-ish tag, accessible name parts.
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el.tagName.toLowerCase(),
      text: el === document.body ? '' :
        (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60),
      field: el.dataset?.parleyField ?? null,
      inForm: !!el.closest('.parley-respond'),
      inReplySlot: !!el.closest('.parley-reply-slot'),
      outlined: getComputedStyle(el).outlineStyle !== 'none' ||
        getComputedStyle(el).boxShadow !== 'none',
    };
  });

// Presses Tab until `want(focus)` holds; fails after MAX_TABS.
async function tabTo(page, want, what) {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (want(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('reply, preview, cancel and post with the keyboard only', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { title: 'T', text: 'First!' });
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  await page.locator('h2.parley-count').click(); // a starting point above the thread

  // Reply: Enter on the comment's Reply button puts the form under it, focus in the box.
  const reply = await tabTo(page, (f) => f.text === 'Reply to Ana', 'the Reply button');
  assert.ok(reply.outlined, 'focus is visible on the Reply button');
  await page.keyboard.press('Enter');
  let f = await focused(page);
  assert.deepEqual([f.field, f.inReplySlot], ['text', true]);
  assert.match(await page.locator('.parley-form-title').textContent(), /^Reply to Ana/);
  await page.keyboard.type('Agreed, *strongly*.');

  // Preview with Space, back to writing with Space.
  await tabTo(page, (x) => x.text === 'Preview', 'the Preview tab');
  await page.keyboard.press('Space');
  await page.locator('.parley-preview em').filter({ hasText: 'strongly' }).waitFor();
  await tabTo(page, (x) => x.text === 'Write', 'the Write tab');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('.parley-preview').isHidden(), true);

  // Cancel: the form goes home with the text kept, and focus stays with the form.
  await page.keyboard.press('Shift+Tab'); // Preview
  await page.keyboard.press('Shift+Tab'); // Write
  const cancel = await tabTo(page, (x) => x.text === 'Cancel reply', 'Cancel reply');
  assert.ok(cancel.inReplySlot);
  await page.keyboard.press('Enter');
  await page.locator('.parley-form-home .parley-respond').waitFor();
  f = await focused(page);
  assert.ok(f.inForm && !f.inReplySlot, `focus after Cancel: ${JSON.stringify(f)}`);
  assert.equal(await page.locator('.parley-textarea').inputValue(), 'Agreed, *strongly*.');

  // Reply again and post: name and email by Tab, Enter on Post Comment.
  await page.locator('h2.parley-count').click();
  await tabTo(page, (x) => x.text === 'Reply to Ana', 'the Reply button');
  await page.keyboard.press('Enter');
  await tabTo(page, (x) => x.field === 'author', 'the Name field');
  await page.keyboard.type('Bo');
  await tabTo(page, (x) => x.field === 'email', 'the Email field');
  await page.keyboard.type('bo@example.org');
  await tabTo(page, (x) => x.text === 'Post Comment', 'Post Comment');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Your comment was posted.' }).waitFor();
  const replyItem = page.locator('.parley-children .parley-body', { hasText: 'Agreed' });
  assert.equal(await replyItem.count(), 1);
  f = await focused(page);
  assert.notEqual(f.tag, 'body', 'focus is not lost after posting');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the login chooser by keyboard: Tab to a provider, Enter opens the popup, Cancel',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t);
    await page.locator('h2.parley-count').click();
    const icon = await tabTo(page, (f) => f.text === `Log in with ${PROVIDER.name}`,
      'the provider button');
    assert.ok(icon.outlined, 'the focused provider button is visibly outlined');
    const popupOpened = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const popup = await popupOpened;
    await page.getByText(`Connecting to ${PROVIDER.name}…`).waitFor();
    // The keyboard waits on Cancel; Enter there closes the popup and brings the row back.
    assert.equal((await focused(page)).text, 'Cancel');
    const closed = popup.waitForEvent('close');
    await page.keyboard.press('Enter');
    await closed;
    const back = await focused(page);
    assert.equal(back.text, `Log in with ${PROVIDER.name}`);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('like the page and a comment with the keyboard only: Space and Enter', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { title: 'T', text: 'Likeable.' });
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  const sentence = page.locator('.parley-likes-text');
  await sentence.filter({ hasText: 'Be the first to like this.' }).waitFor();
  await page.locator('.parley-likes-heading').click(); // a starting point above the button

  const like = await tabTo(page, (f) => f.text === 'Like', 'the Like button');
  assert.ok(like.outlined, 'focus is visible on the Like button');
  await page.keyboard.press('Space');
  await sentence.filter({ hasText: '1 blogger likes this' }).waitFor();
  const pageButton = page.locator('[data-parley-key="like-0"]');
  assert.equal(await pageButton.getAttribute('aria-pressed'), 'true');
  assert.equal((await focused(page)).text, 'Like', 'the keyboard stays on the button');

  const heart = await tabTo(page, (f) => f.text === 'Like this comment by Ana', 'the heart');
  assert.ok(heart.outlined, 'focus is visible on the heart');
  // The heart shows the like at once, and so does the unlike, on its way or not
  // (likes.test holds the like back to check what parleyd ends with).
  await page.keyboard.press('Enter');
  const count = page.locator('.parley-comment-like + .parley-like-count');
  await count.filter({ hasText: '1' }).waitFor();
  assert.equal(await page.locator('.parley-comment-like').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Enter'); // and unlike
  await page.locator('.parley-comment-like[aria-pressed="false"]').waitFor();
  await count.filter({ hasNotText: '1' }).waitFor({ state: 'attached' });
  assert.equal((await focused(page)).text, 'Like this comment by Ana');
  reader.assertNoConsoleErrors();
  await reader.close();
});
