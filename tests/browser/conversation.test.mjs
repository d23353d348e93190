// A conversation: post a comment, reply to it, and find both, nested, after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  POST_TITLE, commentWith, form, launchBrowser, openReader, postComment, seedComment, showThread,
  startStack,
} from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const heading = (page) => page.locator('h2.parley-count');
const formIsHome = (page) =>
  page.locator('.parley-form-home').locator('.parley-respond').count().then((n) => n === 1);

test('a posted comment appears in place with its author and the response count', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await showThread(page);

  await postComment(page, {
    text: 'Thanks for summarising *Kicking Down the Door*.',
    author: 'Ana',
    website: 'https://ana.example',
  });

  const comment = commentWith(page, 'Thanks for summarising');
  assert.equal(await comment.locator('.parley-author').textContent(), 'Ana');
  assert.equal(await comment.getByRole('link', { name: 'Ana' }).getAttribute('href'), 'https://ana.example');
  assert.equal(await comment.locator('.parley-body em').textContent(), 'Kicking Down the Door');
  assert.equal(await heading(page).textContent(), `One Response to \u201C${POST_TITLE}\u201D`);

  // The text is cleared for the next comment; the reader's details stay.
  const f = form(page);
  assert.equal(await f.text.inputValue(), '');
  assert.equal(await f.author.inputValue(), 'Ana');
  assert.equal(await f.submit.isDisabled(), false);
  assert.deepEqual(reader.posts.length, 1);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('replying moves the form under the comment, Cancel moves it back, and the reply nests',
  async (t) => {
    const stack = await startStack(t);
    const writer = await openReader(browser, stack.pageUrl);
    const { page } = writer;
    await showThread(page);
    await postComment(page, { text: 'Were the interviews with service providers too?', author: 'Ana' });
    const first = commentWith(page, 'Were the interviews');
    const f = form(page);

    await first.getByRole('button', { name: 'Reply to Ana' }).click();
    await first.locator('.parley-respond').waitFor();
    assert.equal((await f.title.textContent()).replace(/\s+/g, ' ').trim(), 'Reply to Ana Cancel reply');
    assert.ok(await f.text.evaluate((el) => el === document.activeElement), 'the textarea has focus');

    // Typed text survives the form moving back and forth.
    await f.text.fill('Draft that must survive.');
    await page.getByRole('button', { name: 'Cancel reply' }).click();
    await page.waitForFunction(() => !document.querySelector('.parley-reply-slot .parley-respond'));
    assert.ok(await formIsHome(page));
    assert.equal(await f.title.textContent(), 'Leave a Reply');
    assert.equal(await f.text.inputValue(), 'Draft that must survive.');

    await first.getByRole('button', { name: 'Reply to Ana' }).click();
    await first.locator('.parley-respond').waitFor();
    await postComment(page, { text: 'Yes, and with law enforcement officers.', author: 'Bo', email: 'bo@example.org' });

    const reply = commentWith(page, 'Yes, and with law enforcement');
    assert.equal(await first.locator('.parley-children').locator('article.parley-comment').count(), 1);
    assert.equal(await first.locator('.parley-children .parley-author').textContent(), 'Bo');
    assert.match(await reply.locator('xpath=..').getAttribute('class'), /\bparley-depth-1\b/);
    assert.equal(await heading(page).textContent(), `2 Responses to \u201C${POST_TITLE}\u201D`);
    assert.ok(await formIsHome(page), 'the form goes home after a reply is posted');
    writer.assertNoConsoleErrors();
    await writer.close();

    // A new reader (or a reload) gets both from the server, still nested.
    const reader = await openReader(browser, stack.pageUrl);
    await showThread(reader.page);
    const again = commentWith(reader.page, 'Were the interviews');
    assert.equal(await again.locator('.parley-author').first().textContent(), 'Ana');
    assert.equal(
      (await again.locator('.parley-children').locator('.parley-body').textContent()).trim(),
      'Yes, and with law enforcement officers.',
    );
    assert.equal(await reader.page.locator('.parley-thread > .parley-item').count(), 1);
    assert.equal(await heading(reader.page).textContent(), `2 Responses to \u201C${POST_TITLE}\u201D`);
    await reader.page.reload();
    await showThread(reader.page);
    assert.equal(await commentWith(reader.page, 'Were the interviews')
      .locator('.parley-children article.parley-comment').count(), 1);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('posting too quickly says how long to wait and keeps the text', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--posts-per-minute', '1'] });
  const reader = await openReader(browser, stack.pageUrl, {
    // Chromium logs every 4xx response of a fetch; this one is the point of the test.
    expectedErrors: [/status of 429/],
  });
  const { page } = reader;
  await showThread(page);
  await postComment(page, { text: 'First thought.' });

  const f = form(page);
  await f.text.fill('Second thought, right away.');
  await f.submit.click();
  await f.status.getByText(/^You are commenting too quickly\./).waitFor();
  assert.match(await f.status.textContent(), /^You are commenting too quickly\. Try again in \d+ seconds?\.$/);
  assert.equal(await f.text.inputValue(), 'Second thought, right away.');
  assert.equal(await f.submit.isDisabled(), false);
  assert.equal(await page.locator('article.parley-comment').count(), 1);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('relative dates move on while the page stays open', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, 'about:blank');
  const { page } = reader;
  // A controllable clock, starting now, so the host's 60 s tick can be fast-forwarded.
  await page.clock.install();
  await page.goto(stack.pageUrl);
  await showThread(page);
  const id = await postComment(page, { text: 'Time flies.' });
  const date = page.locator(`#parley-comment-${id} time.parley-date`);
  assert.equal(await date.textContent(), 'just now');

  // The last tick within 5:30 came 4:30 to 5:30 after the post, depending on when the
  // 60 s interval started relative to it.
  await page.clock.runFor('05:30');
  await date.getByText(/^[45] minutes ago$/).waitFor();
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('every date of a long thread moves on in one tick, and the thread still answers after', async (t) => {
  const stack = await startStack(t);
  // 100 comments posted within seconds: a minute later the tick rewords all their dates
  // at once, 100 patches in one answer, which the host applies through its index of the
  // keyed elements (web/host.js) rather than a lookup each.
  const ids = [];
  for (let i = 0; i < 100; i += 1) ids.push(await seedComment(stack, { text: `Comment ${i}`, author: `R${i}` }));
  const reader = await openReader(browser, 'about:blank');
  const { page } = reader;
  await page.clock.install();
  await page.goto(stack.pageUrl);
  await showThread(page);
  const dates = page.locator('time.parley-date');
  assert.equal(await dates.count(), 100);
  assert.deepEqual([...new Set(await dates.allTextContents())], ['just now']);

  await page.clock.runFor('01:01');
  await page.waitForFunction(() => [...document.querySelectorAll('time.parley-date')]
    .every((d) => d.textContent === 'a minute ago'));
  await page.clock.runFor('01:00');
  await page.waitForFunction(() => [...document.querySelectorAll('time.parley-date')]
    .every((d) => d.textContent === '2 minutes ago'));
  // Single patches after the batch: the reply form goes under the last comment, and the
  // reply is posted there.
  const last = page.locator(`#parley-comment-${ids[99]}`);
  await last.getByRole('button', { name: 'Reply to R99' }).click();
  await last.getByRole('textbox', { name: /^Comment$/ }).waitFor();
  const reply = await postComment(page, { text: 'An answer to the last one.' });
  assert.equal(await last.locator(`#parley-comment-${reply}`).count(), 1);
  reader.assertNoConsoleErrors();
  await reader.close();
});
