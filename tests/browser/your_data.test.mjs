// "Your data" in Chromium (docs/privacy.md): a signed-in reader (a real OpenID Connect
// provider on loopback) opens the panel from the "You are commenting using …" line,
// downloads a file that holds their comment, deletes after confirming and sees their
// comment and like go; a guest does the same for the likes of their browser from the
// quiet link at the widget's foot. axe (WCAG A/AA) judges the open panel.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { assertAxeClean } from './axe.mjs';
import { commentWith, form, launchBrowser, openReader, showThread, startStack } from './harness.mjs';
import { completeLogin, openLoginPopup, openLoginReader, USING } from './login_stack.mjs';


let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const panel = (page) => page.getByRole('region', { name: 'Your data' });
const yourData = (page) => page.getByRole('button', { name: 'Your data', exact: true });
const likeButton = (page) => page.getByRole('button', { name: 'Like', exact: true });
const likesText = (page) => page.locator('.parley-likes-text');
const focused = (page) => page.evaluate(() => document.activeElement?.textContent.trim());

async function expectText(locator, text) {
  await locator.filter({ hasText: text }).waitFor();
  assert.equal((await locator.textContent()).trim(), text);
}

const assertAccessible = (page, state) => assertAxeClean(page, state, { passes: ['button-name'] });

// Clicks `name` in the panel and returns the parsed JSON file the browser saved.
async function download(page, name) {
  const saved = page.waitForEvent('download');
  await panel(page).getByRole('button', { name }).click();
  const file = await saved;
  assert.equal(file.suggestedFilename(), 'parley-data-demo.json');
  const data = JSON.parse(await readFile(await file.path(), 'utf8'));
  await panel(page).getByText('Your data was downloaded.').waitFor();
  return data;
}

test('a signed-in reader downloads their data, then deletes their comment and like', async (t) => {
  const { page, reader } = await openLoginReader(browser, t);
  const popup = await openLoginPopup(page);
  await completeLogin(popup);
  await page.getByText(USING).waitFor();
  const text = 'Mine, to take back later';
  const f = form(page);
  await f.text.fill(text);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  assert.equal((await posted).status(), 201);
  await commentWith(page, text).waitFor();
  await likeButton(page).click();
  await expectText(likesText(page), '1 blogger likes this');

  // One "Your data" shows: the login line's (the foot's is hidden while logged in).
  assert.equal(await yourData(page).count(), 1);
  await yourData(page).click();
  await panel(page).waitFor();
  assert.equal(await focused(page), 'Download your data');
  await assertAccessible(page, 'the signed-in reader\'s data panel');

  const data = await download(page, 'Download your data');
  assert.equal(data.site, 'demo');
  assert.deepEqual(data.comments.map((c) => [c.text, c.status]), [[text, 'approved']]);
  assert.deepEqual(data.likes.map((l) => [l.page, l.comment]), [['/', 0]]);

  await panel(page).getByRole('button', { name: 'Delete your comments and likes…' }).click();
  const question = 'Delete all 1 comment and 1 like you left on this site? This cannot be undone.';
  await panel(page).getByText(question).waitFor();
  assert.equal(await focused(page), 'Cancel');
  await assertAccessible(page, 'the delete question');
  await panel(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await panel(page).getByText('Deleted 1 comment and 1 like.').waitFor();
  // The comment had no replies: it is gone from the page; the like count is back to none.
  await commentWith(page, text).waitFor({ state: 'hidden' });
  await expectText(likesText(page), 'Be the first to like this.');
  assert.equal(await likeButton(page).getAttribute('aria-pressed'), 'false');
  // And from the server: a fresh page shows neither.
  await page.reload();
  await showThread(page);
  await expectText(likesText(page), 'Be the first to like this.');
  assert.equal(await commentWith(page, text).count(), 0);

  // Escape closes the panel and gives the keyboard back to the link that opened it.
  await yourData(page).click();
  await panel(page).waitFor();
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden' });
  assert.equal(await focused(page), 'Your data');
  reader.assertNoConsoleErrors();
});

test('a guest downloads and deletes the likes of their browser from the foot of the widget', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);
  await likesText(page).filter({ hasText: /./ }).waitFor();
  await likeButton(page).click();
  await expectText(likesText(page), '1 blogger likes this');

  await yourData(page).click();
  await panel(page).waitFor();
  assert.equal(await focused(page), 'Download the likes of this browser');
  const email = panel(page).getByRole('link',
    { name: 'Comments you left with your email: ask for a link by email' });
  assert.equal(await email.getAttribute('href'), `${stack.api}/privacy?site=demo`);
  await assertAccessible(page, 'the guest\'s data panel');

  const data = await download(page, 'Download the likes of this browser');
  assert.deepEqual(data.comments, []);
  assert.deepEqual(data.likes.map((l) => [l.page, l.comment]), [['/', 0]]);

  await panel(page).getByRole('button', { name: 'Delete the likes of this browser…' }).click();
  await panel(page).getByText('Delete 1 like of this browser on this site? This cannot be undone.')
    .waitFor();
  await panel(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await panel(page).getByText('Deleted 1 like.').waitFor();
  await expectText(likesText(page), 'Be the first to like this.');
  assert.equal(await likeButton(page).getAttribute('aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => localStorage.getItem('parley:like-token')), null);
  await panel(page).getByText('This browser has not liked anything on this site.').waitFor();

  await panel(page).getByRole('button', { name: 'Close' }).click();
  await panel(page).waitFor({ state: 'hidden' });
  assert.equal(await focused(page), 'Your data');
  reader.assertNoConsoleErrors();
});
