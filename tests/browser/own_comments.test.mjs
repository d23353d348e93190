// A reader edits and deletes their own comment in Chromium: Edit and Delete show on it
// while the edit window is open (also after a reload, from the token in localStorage),
// the editor previews the Markdown, and other readers' pages follow live. Once the
// window has closed the buttons are gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { commentWith, form, launchBrowser, openReader, postComment, seedComment, showThread, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const button = (article, name) => article.getByRole('button', { name, exact: true });
const streamOpened = (page) => page.waitForResponse((r) => r.url().includes('/api/events?'));

test('edit with a Markdown preview; another reader sees the edit live', async (t) => {
  const stack = await startStack(t);
  const writer = await openReader(browser, stack.pageUrl);
  const reader = await openReader(browser, stack.pageUrl);
  const listening = streamOpened(reader.page);
  await showThread(reader.page);
  await listening;
  await showThread(writer.page);

  await postComment(writer.page, { text: 'Teh first draft.' });
  const mine = commentWith(writer.page, 'Teh first draft.');
  await reader.page.locator('.parley-live-bar').click();
  const theirs = commentWith(reader.page, 'Teh first draft.');
  await theirs.waitFor();
  // Only the author is offered Edit and Delete.
  assert.equal(await button(theirs, 'Edit').count(), 0);
  assert.equal(await button(theirs, 'Delete').count(), 0);

  await button(mine, 'Edit').click();
  const editor = writer.page.getByRole('textbox', { name: 'Edit your comment' });
  assert.equal(await editor.inputValue(), 'Teh first draft.');
  await editor.fill('The *first* draft, **fixed**.');
  const preview = writer.page.locator('.parley-editor .parley-preview');
  await preview.locator('strong', { hasText: 'fixed' }).waitFor();
  assert.equal(await preview.locator('em').textContent(), 'first');

  const saved = writer.page.waitForResponse((r) => r.request().method() === 'PUT');
  await writer.page.getByRole('button', { name: 'Save', exact: true }).click();
  assert.equal((await saved).status(), 200);
  const edited = writer.page.locator('.parley-body', { hasText: 'draft, fixed.' });
  await edited.waitFor();
  assert.equal(await edited.locator('strong').textContent(), 'fixed');
  const mineNow = writer.page.locator(`#${await edited.locator('xpath=ancestor::article[1]').getAttribute('id')}`);
  assert.equal(await mineNow.locator('.parley-own-note').textContent(), 'Your comment was updated.');
  assert.equal(await writer.page.locator('.parley-editor').count(), 0);

  // The other reader's page follows without a reload.
  await reader.page.locator('.parley-body strong', { hasText: 'fixed' }).waitFor();
  assert.equal(await commentWith(reader.page, 'Teh first draft.').count(), 0);

  writer.assertNoConsoleErrors();
  reader.assertNoConsoleErrors();
  await writer.close();
  await reader.close();
});

test('delete, after a reload: gone for both; with replies a placeholder stays', async (t) => {
  const stack = await startStack(t);
  const writer = await openReader(browser, stack.pageUrl);
  await showThread(writer.page);
  await postComment(writer.page, { text: 'Lonely words.' });
  await postComment(writer.page, { text: 'Words with a reply.' });
  // A reply by someone else, straight to the API.
  const parent = await commentWith(writer.page, 'Words with a reply.').getAttribute('id');
  await seedComment(stack, { title: 'x', parent: Number(parent.replace(/\D/g, '')),
    text: 'A reply by Bo.', author: 'Bo', email: 'bo@example.org' });

  // The token survives a reload (localStorage).
  await writer.page.reload();
  await showThread(writer.page);
  const reader = await openReader(browser, stack.pageUrl);
  const listening = streamOpened(reader.page);
  await showThread(reader.page);
  await listening;
  await commentWith(reader.page, 'A reply by Bo.').waitFor();

  const lonely = commentWith(writer.page, 'Lonely words.');
  await button(lonely, 'Delete').click();
  assert.equal(await lonely.locator('.parley-own-question').textContent(), 'Delete this comment?');
  const deleted = writer.page.waitForResponse((r) => r.request().method() === 'DELETE');
  await button(lonely, 'Delete').click();
  assert.equal((await deleted).status(), 200);
  await writer.page.locator('.parley-body', { hasText: 'Lonely words.' }).waitFor({ state: 'hidden' });
  assert.equal(await form(writer.page).status.textContent(), 'Your comment was deleted.');
  await reader.page.locator('.parley-body', { hasText: 'Lonely words.' }).waitFor({ state: 'hidden' });

  const withReply = commentWith(writer.page, 'Words with a reply.');
  await button(withReply, 'Delete').click();
  await button(withReply, 'Delete').click();
  for (const page of [writer.page, reader.page]) {
    await page.locator('.parley-deleted-note', { hasText: 'This comment was deleted' }).waitFor();
    assert.equal(await page.locator('.parley-body', { hasText: 'Words with a reply.' }).count(), 0);
    assert.ok(await page.locator('.parley-body', { hasText: 'A reply by Bo.' }).isVisible());
  }
  // A fresh page gets the same from the server.
  const later = await openReader(browser, stack.pageUrl);
  await showThread(later.page);
  await later.page.locator('.parley-deleted-note').waitFor();
  assert.equal(await later.page.locator('.parley-body', { hasText: 'Lonely words.' }).count(), 0);
  assert.equal(await later.page.locator('h2.parley-count').textContent().then((s) => s.startsWith('One Response')), true);

  for (const r of [writer, reader, later]) {
    r.assertNoConsoleErrors();
    await r.close();
  }
});

test('once the edit window has closed, a save is refused beside the comment and the buttons go', async (t) => {
  const WINDOW_SECONDS = 3;
  const stack = await startStack(t, { extraArgs: ['--edit-window-seconds', String(WINDOW_SECONDS)] });
  // The late save is refused: the browser logs that 403.
  const writer = await openReader(browser, stack.pageUrl, { expectedErrors: [/status of 403/] });
  await showThread(writer.page);
  const posted = writer.page.waitForResponse((r) => r.request().method() === 'POST');
  await postComment(writer.page, { text: 'Quick words.' });
  const { editable_until: until } = await (await posted).json();
  const mine = commentWith(writer.page, 'Quick words.');
  assert.equal(await button(mine, 'Edit').count(), 1);
  await button(mine, 'Edit').click();
  await writer.page.getByRole('textbox', { name: 'Edit your comment' }).fill('Too late?');
  // Past the window (whole seconds of the server's clock), the save is refused, with
  // the reason next to the comment, and a reload shows no buttons.
  while (Math.floor(Date.now() / 1000) <= until) {
    await new Promise((resolve) => { setTimeout(resolve, 200); });
  }
  const refused = writer.page.waitForResponse((r) => r.request().method() === 'PUT');
  await writer.page.getByRole('button', { name: 'Save', exact: true }).click();
  assert.equal((await refused).status(), 403);
  const note = mine.locator('.parley-own-note');
  await note.waitFor();
  assert.equal(await note.textContent(),
    'Your change could not be saved: The time to edit or delete this comment is over.');
  assert.equal(await button(mine, 'Edit').count(), 0);
  assert.equal((await mine.locator('.parley-body').textContent()).trim(), 'Quick words.');
  await writer.page.reload();
  await showThread(writer.page);
  await commentWith(writer.page, 'Quick words.').waitFor();
  assert.equal(await button(commentWith(writer.page, 'Quick words.'), 'Edit').count(), 0);
  assert.equal(await button(commentWith(writer.page, 'Quick words.'), 'Delete').count(), 0);
  // Nothing is kept for it any more.
  assert.equal(await writer.page.evaluate(() => localStorage.getItem('parley:edits:demo')), null);
  writer.assertNoConsoleErrors();
  await writer.close();
});
