// Accessibility as axe-core (from npm, injected into the page) judges it: zero
// violations of WCAG 2.0/2.1/2.2 A and AA rules in the widget, in each state a reader
// meets: loading done with no comments, a 100-comment thread, form errors, right to
// left, dark mode and each demo theme. Only the widget is judged; the demo blog around
// it is not ours to test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertAxeClean } from './axe.mjs';
import { form, launchBrowser, openReader, seedComment, showThread, startStack } from './harness.mjs';
import { completeLogin, openLoginPopup, openLoginReader, PROVIDER } from './login_stack.mjs';

const THREAD_SIZE = 100;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// axe on the widget's mount (axe.mjs); it must really have looked at the widget: it
// passes rules on its form.
const assertAccessible = (page, state) => assertAxeClean(page, state, { passes: ['label'] });

// Seeds `n` comments on the demo page through the public API: every third one a reply,
// so the thread nests as real ones do.
async function seed(stack, n) {
  const ids = [];
  for (let i = 0; i < n; i += 1) {
    ids.push(await seedComment(stack, { title: 'Raids', parent: i % 3 === 2 ? ids[ids.length - 1] : 0,
      text: `Comment *number* ${i}`, author: `Reader ${i}`, email: `r${i}@example.org`,
      website: i % 5 === 0 ? 'https://reader.example' : '' }));
  }
}

test('an empty thread and its form have no accessibility violations', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  await reader.page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await reader.page.getByRole('heading', { level: 2, name: 'No Responses yet' }).waitFor();
  await assertAccessible(reader.page, 'an empty thread');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test(`a ${THREAD_SIZE}-comment thread has no accessibility violations`, async (t) => {
  const stack = await startStack(t);
  await seed(stack, THREAD_SIZE);
  const reader = await openReader(browser, stack.pageUrl);
  await showThread(reader.page);
  assert.equal(await reader.page.locator('article.parley-comment').count(), THREAD_SIZE);
  await assertAccessible(reader.page, `${THREAD_SIZE} comments`);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('form errors and a reply in progress have no accessibility violations', async (t) => {
  const stack = await startStack(t);
  await seed(stack, 2);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  await page.getByRole('button', { name: 'Reply to Reader 0' }).click();
  const email = page.getByRole('textbox', { name: 'Email (never made public)' });
  await email.fill('not-an-email');
  // Leave the field first: its message appears on blur and moves the button down.
  await email.press('Tab');
  await page.locator('[data-parley-key="error-email"]').filter({ hasText: /./ }).waitFor();
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await page.locator('[data-parley-key="error-text"]').filter({ hasText: /./ }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Comment' }).getAttribute('aria-invalid'),
    'true');
  await assertAccessible(page, 'form errors');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('a right-to-left (Arabic) widget has no accessibility violations', async (t) => {
  const stack = await startStack(t);
  await seed(stack, 3);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  // The widget starts when the thread nears the viewport: an Arabic page by then.
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
  });
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.locator('article.parley-comment').first().waitFor();
  assert.equal(await page.locator('section.parley-comments').getAttribute('dir'), 'rtl');
  await page.getByRole('button', { name: 'إرسال التعليق' }).click();
  await page.locator('[data-parley-key="error-text"]').filter({ hasText: /./ }).waitFor();
  await assertAccessible(page, 'Arabic, right to left, with form errors');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the share bar, its server prompt with an error, and every style have no violations',
  async (t) => {
    const stack = await startStack(t);
    for (const style of ['icons', 'icons+labels', 'labels']) {
      const reader = await openReader(browser, stack.pageUrl);
      const { page } = reader;
      await page.evaluate((style) => {
        const script = document.querySelector('script[data-parley-site]');
        script.setAttribute('data-parley-share', 'x,facebook,linkedin,mastodon,bluesky,threads,' +
          'reddit,hacker-news,telegram,whatsapp,tumblr,email,copy,print');
        script.setAttribute('data-parley-share-style', style);
      }, style);
      await page.locator('#parley-thread').scrollIntoViewIfNeeded();
      await page.getByRole('heading', { level: 2, name: 'No Responses yet' }).waitFor();
      await page.getByRole('button', { name: 'Share on Mastodon' }).click();
      await page.getByRole('textbox', { name: 'Your Mastodon server' }).fill('not a server');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('[data-parley-key="error-server"]').filter({ hasText: /./ }).waitFor();
      await assertAccessible(page, `the share bar (${style}) with a server error`);
      reader.assertNoConsoleErrors();
      await reader.close();
    }
  });

// Colour contrast in the other looks: dark mode (the demo page's own toggle, which the
// widget follows) and each demo theme, with form errors showing so their colour counts.
for (const [state, query, check] of [
  ['dark mode', '?dark=1', ['.parley-comments', 'colorScheme', 'dark']],
  ['the WordPress classic theme', '?theme=classic', ['.parley-avatar', 'borderRadius', '0px']],
  ['the dark minimal theme', '?theme=dark-minimal', ['.parley-avatar', 'display', 'none']],
]) {
  test(`${state} has no accessibility violations, colour contrast included`, async (t) => {
    const stack = await startStack(t);
    await seed(stack, 3);
    const reader = await openReader(browser, stack.pageUrl + query);
    const { page } = reader;
    await showThread(page);
    const [selector, property, value] = check;
    // The look under test is really applied.
    assert.equal(await page.locator(selector).first()
      .evaluate((el, p) => getComputedStyle(el)[p], property), value);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('[data-parley-key="error-text"]').filter({ hasText: /./ }).waitFor();
    await assertAccessible(page, state);
    assert.ok((await page.evaluate(() => window.axe.run('#parley-thread', {
      runOnly: { type: 'rule', values: ['color-contrast'] } }))).passes.length > 0,
    `axe checked colour contrast (${state})`);
    reader.assertNoConsoleErrors();
    await reader.close();
  });
}

test('the login chooser, the logged-in form and a verified comment have no violations',
  async (t) => {
    const { reader, page } = await openLoginReader(browser, t);
    await assertAccessible(page, 'the login chooser');
    await completeLogin(await openLoginPopup(page));
    await page.getByText(`You are commenting using your ${PROVIDER.name} account.`).waitFor();
    await assertAccessible(page, 'logged in');
    await form(page).text.fill('A verified comment.');
    await form(page).submit.click();
    await page.getByRole('img', { name: `Verified ${PROVIDER.name} account` }).waitFor();
    await assertAccessible(page, 'a verified comment with its avatar');
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('likes (not liked, liked, avatars, hearts, a message) have no violations', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--likes-per-minute', '2'] });
  await seed(stack, 3);
  const reader = await openReader(browser, stack.pageUrl, { expectedErrors: [/status of 429/] });
  const { page } = reader;
  await showThread(page);
  await page.locator('.parley-likes-text', { hasText: 'Be the first to like this.' }).waitFor();
  await assertAccessible(page, 'likes shown, nothing liked yet');
  const like = page.getByRole('button', { name: 'Like', exact: true });
  await like.click();
  await page.locator('.parley-likes-text', { hasText: '1 blogger likes this' }).waitFor();
  await page.locator('.parley-liker-avatar').first().waitFor();
  const heart = page.getByRole('button', { name: 'Like this comment by Reader 0' });
  await heart.click();
  await heart.and(page.locator('[aria-pressed="true"]')).waitFor();
  // The third like in a minute is refused: its message shows next to the button.
  await page.getByRole('button', { name: 'Like this comment by Reader 1' }).click();
  await page.locator('.parley-comment .parley-like-message').filter({ hasText: /./ }).waitFor();
  await assertAccessible(page, 'likes shown, liked, with a refusal message');
  reader.assertNoConsoleErrors();
  await reader.close();
});
