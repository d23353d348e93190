// "Notify me of follow-up comments / new posts by email" as a reader meets it (docs/notifications.md):
// the box shows only where parleyd mails; ticked without an address it asks for one
// next to the email field; ticked with one, the confirmation mail arrives (real SMTP
// receiver on loopback), its button confirms, and a reply is mailed.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { OWNER_PASSWORD, createAccount } from '../support/admin.mjs';
import { startSmtp } from '../support/smtp.mjs';
import {
  POST_TITLE, fieldError, form, launchBrowser, openReader, showThread, startStack,
} from './harness.mjs';
import { openOwnPage } from './own_pages.mjs';

const NOTIFY = 'Notify me of follow-up comments by email.';
const NOTIFY_POSTS = 'Notify me of new posts by email.';

let browser;
let configDir;
before(async () => {
  browser = await launchBrowser();
  configDir = await mkdtemp(path.join(tmpdir(), 'parley-notify-ui-'));
});
after(async () => {
  await browser?.close();
  await rm(configDir, { recursive: true, force: true });
});

async function mailStack(t, extraArgs = []) {
  const smtp = await startSmtp();
  t.after(() => smtp.stop());
  const file = path.join(configDir, 'config.json');
  await writeFile(file, JSON.stringify({ notify: { smtp: { host: '127.0.0.1', port: smtp.port,
    tls: 'none', from: 'comments@blog.example' } } }));
  return { smtp, stack: await startStack(t, { extraArgs: ['--config', file, ...extraArgs] }) };
}

// Opens the confirmation link of `mail` in a new tab of the reader's browser and presses
// its button, as the reader would from their mailbox.
async function confirmByMail(reader, mail) {
  const url = mail.text.match(/https?:\/\/\S+\/notify\/confirm\?\S+/)?.[0];
  assert.ok(url, mail.text);
  const tab = await reader.context.newPage();
  await tab.goto(url);
  await tab.getByRole('button', { name: 'Confirm' }).click();
  await tab.getByText(/Subscription confirmed/).waitFor();
}

test('a reader ticks the box, is asked for an email, confirms by mail and hears of a reply', async (t) => {
  const { smtp, stack } = await mailStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  t.after(() => reader.close());
  const { page } = reader;
  await showThread(page);
  const f = form(page);
  const notify = page.getByRole('checkbox', { name: NOTIFY });
  await notify.waitFor({ state: 'visible' });

  await f.text.fill('Please keep me posted');
  await f.author.fill('Ada');
  await notify.check();
  await page.getByRole('checkbox', { name: NOTIFY_POSTS }).check();
  await f.submit.click();
  assert.equal(await fieldError(f.email), 'Please enter your email address.');
  assert.deepEqual(reader.posts, [], 'nothing is sent without an address');

  await f.email.fill('ada@example.org');
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  const posted = await response;
  assert.equal(posted.status(), 201, await posted.text());
  const { id } = await posted.json();
  await page.locator(`#parley-comment-${id}`).waitFor();

  const postsMail = await smtp.next((m) => m.to === 'ada@example.org' && /new posts/.test(m.subject),
    'new posts confirmation mail');
  assert.equal(postsMail.subject, 'Confirm new posts by email on demo');
  const confirmMail = await smtp.next((m) => m.to === 'ada@example.org' && /replies/.test(m.subject),
    'confirmation mail');
  await confirmByMail(reader, confirmMail);

  // Someone else replies from their own browser.
  const other = await openReader(browser, stack.pageUrl);
  t.after(() => other.close());
  await showThread(other.page);
  await other.page.locator(`#parley-comment-${id}`).getByRole('button', { name: /Reply/ }).click();
  const g = form(other.page);
  await g.text.fill('Here is more');
  await g.author.fill('Bo');
  await g.email.fill('bo@example.org');
  await g.submit.click();
  await other.page.getByText('Your comment was posted.').waitFor();
  const replyMail = await smtp.next((m) => m.to === 'ada@example.org' && /New reply/.test(m.subject),
    'reply mail');
  assert.match(replyMail.text, /Bo replied to your comment/);
  assert.match(replyMail.text, /> Here is more/);
  reader.assertNoConsoleErrors();
});

test('where parleyd sends no mail, the box is not shown', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  t.after(() => reader.close());
  await showThread(reader.page);
  assert.equal(await reader.page.getByRole('checkbox', { name: NOTIFY }).count(), 0);
  assert.equal(await reader.page.getByRole('checkbox', { name: NOTIFY_POSTS }).count(), 0);
  assert.equal(await form(reader.page).save.isVisible(), true);
});

test('the owner announces the post from /admin: a confirmed subscriber gets it once', async (t) => {
  // --demo: the admin session cookie may travel over plain http on loopback.
  const { smtp, stack } = await mailStack(t, ['--demo']);
  const owner = 'owner@example.org';
  assert.equal((await createAccount(stack.parleyd, { email: owner, password: OWNER_PASSWORD })).code, 0);

  const reader = await openReader(browser, stack.pageUrl);
  t.after(() => reader.close());
  await showThread(reader.page);
  const f = form(reader.page);
  await f.text.fill('Tell me about the next one');
  await f.author.fill('Ada');
  await f.email.fill('ada@example.org');
  await reader.page.getByRole('checkbox', { name: NOTIFY_POSTS }).check();
  await f.submit.click();
  await reader.page.getByText('Your comment was posted.').waitFor();
  const confirmMail = await smtp.next((m) => m.to === 'ada@example.org' && /new posts/.test(m.subject),
    'confirmation mail');
  await confirmByMail(reader, confirmMail);

  const admin = await openOwnPage(browser);
  t.after(() => admin.close());
  const { page } = admin;
  await page.goto(`${stack.api}/admin`);
  await page.getByLabel('Email').fill(owner);
  await page.getByLabel('Password').fill(OWNER_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'demo' }).click();
  // The queue opens on held comments; announcing is done from an approved one.
  await page.getByLabel('Status').selectOption('approved');
  await page.getByRole('button', { name: 'Search' }).click();
  const item = page.locator('.pa-comment', { hasText: 'Tell me about the next one' });
  await item.getByRole('button', { name: 'Announce to subscribers' }).click();
  await page.getByRole('status').filter({ hasText: 'Announced the page to 1 subscriber.' }).waitFor();
  const mail = await smtp.next((m) => m.to === 'ada@example.org' && m.subject.startsWith('New post'),
    'announcement');
  assert.equal(mail.subject, `New post on demo: "${POST_TITLE}"`);
  assert.ok(mail.text.includes(stack.pageUrl), mail.text);
  assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);

  // Once per page.
  await page.locator('.pa-comment', { hasText: 'Tell me about the next one' })
    .getByRole('button', { name: 'Announce to subscribers' }).click();
  await page.getByRole('status')
    .filter({ hasText: 'This page was announced before: nothing was sent again.' }).waitFor();
  await admin.assertAccessible('the queue after an announcement');
  await admin.assertClean('announcing');
  assert.equal(smtp.received.filter((m) => m.subject.startsWith('New post')).length, 1);
});
