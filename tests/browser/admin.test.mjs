// The admin UI in Chromium: an owner logs in at /admin with the real form. Every admin
// page must pass axe (WCAG A/AA) and raise zero CSP violations (the strict policy of
// /admin allows only parleyd's own script and stylesheet).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { OWNER_PASSWORD, createAccount } from '../support/admin.mjs';
import {
  commentWith, form, launchBrowser, openReader, showThread, startStack,
} from './harness.mjs';
import { openOwnPage } from './own_pages.mjs';

const OWNER = 'owner@example.org';

let browser;
before(async () => { browser = await launchBrowser(); });
after(() => browser?.close());

// parleyd's own pages: CSP violations, console errors and axe are checked on each.
const openAdmin = () => openOwnPage(browser);

async function logInAsOwner(admin, stack) {
  const { page } = admin;
  await page.goto(`${stack.api}/admin`);
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await admin.assertAccessible('the login page');
  await page.getByLabel('Email').fill(OWNER);
  await page.getByLabel('Password').fill(OWNER_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText(`${OWNER} (owner)`).waitFor();
}

test('an owner logs in; the login page, a failed login and the home page pass axe and the CSP', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--demo'] });
  const made = await createAccount(stack.parleyd, { email: OWNER, password: OWNER_PASSWORD });
  assert.equal(made.code, 0, made.stderr);
  const admin = await openAdmin();
  t.after(() => admin.close());
  const { page } = admin;

  await page.goto(`${stack.api}/admin`);
  await page.getByLabel('Email').fill(OWNER);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })
    .waitFor());
  await admin.assertAccessible('a failed login');
  // The refused login is a 401 page, which Chromium reports; nothing else may be.
  await admin.assertClean('a failed login',
    ['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);

  await logInAsOwner(admin, stack);
  assert.equal(new URL(page.url()).pathname, '/admin');
  await page.getByRole('link', { name: 'demo' }).waitFor();
  await admin.assertAccessible('the home page');
  // The stylesheet really applied (a blocked one would leave the default colours).
  const bg = await page.locator('.pa-top').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(243, 245, 247)');
  await admin.assertClean('login and home');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await admin.assertClean('logout');
});

test('a held comment: the reader is told, the owner approves it in /admin, the widget shows it', async (t) => {
  const stack = await startStack(t,
    { extraArgs: ['--demo', '--site', 'demo', '--moderation', 'all'] });
  await createAccount(stack.parleyd, { email: OWNER, password: OWNER_PASSWORD });
  const reader = await openReader(browser, stack.pageUrl);
  t.after(() => reader.close());
  const listening = reader.page.waitForResponse((r) => r.url().includes('/api/events?'));
  await showThread(reader.page);
  await listening;

  const f = form(reader.page);
  await f.text.fill('Held until a *moderator* looks.');
  await f.author.fill('Ana');
  await f.email.fill('ana@example.org');
  const answered = reader.page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  assert.equal((await answered).status(), 202);
  await reader.page.getByRole('status').filter({ hasText: 'Your comment is awaiting moderation.' })
    .waitFor();
  assert.equal(await commentWith(reader.page, 'Held until').count(), 0, 'not shown while held');
  assert.equal(await f.text.inputValue(), '', 'the box is emptied: the server has it');

  const admin = await openAdmin();
  t.after(() => admin.close());
  await logInAsOwner(admin, stack);
  const { page } = admin;
  await page.getByRole('link', { name: 'demo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Moderation: demo' }).waitFor();
  const item = page.locator('.pa-comment', { hasText: 'Held until a moderator looks.' });
  await item.getByText('Held: moderation: all').waitFor();
  await admin.assertAccessible('the moderation queue');
  // admin.js shows "Select all" and enables the bulk buttons once something is ticked.
  await page.getByLabel('Select all').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approve selected' }).isDisabled(), true);
  await page.getByLabel('Select the comment by Ana').check();
  assert.equal(await page.getByRole('button', { name: 'Approve selected' }).isDisabled(), false);

  await item.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Approved the comment.' }).waitFor();
  await admin.assertAccessible('the queue after an action');
  await admin.assertClean('the moderation queue');

  // The open page hears of it live, as of any new comment.
  const bar = reader.page.locator('.parley-live-bar');
  await bar.waitFor();
  await bar.click();
  const shown = commentWith(reader.page, 'Held until');
  await shown.waitFor();
  assert.equal(await shown.locator('.parley-body em').textContent(), 'moderator');
  reader.assertNoConsoleErrors();
});

test('a closed thread shows "Comments are closed." and a pinned comment comes first', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--demo'] });
  await createAccount(stack.parleyd, { email: OWNER, password: OWNER_PASSWORD });
  const origin = new URL(stack.pageUrl).origin;
  const posted = [];
  for (const text of ['The first comment.', 'The second comment.']) {
    const res = await fetch(`${stack.api}/api/comments?site=demo`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ page: '/', title: 'Raids', text, author: 'Bo', email: 'bo@example.org' }),
    });
    assert.equal(res.status, 201);
    posted.push((await res.json()).id);
  }
  const admin = await openAdmin();
  t.after(() => admin.close());
  await logInAsOwner(admin, stack);
  const { page } = admin;
  await page.goto(`${stack.api}/admin/queue?site=demo&status=approved`);
  const second = page.locator(`#comment-${posted[1]}`);
  await second.getByRole('button', { name: 'Pin' }).click();
  await page.getByRole('status').filter({ hasText: 'Pinned the comment' }).waitFor();
  await page.locator(`#comment-${posted[0]}`).getByRole('button', { name: 'Close the thread' }).click();
  await page.getByRole('status').filter({ hasText: 'Closed the thread' }).waitFor();
  await admin.assertClean('pin and close');

  const reader = await openReader(browser, stack.pageUrl);
  t.after(() => reader.close());
  await showThread(reader.page);
  await reader.page.getByText('Comments are closed.').waitFor();
  assert.equal(await form(reader.page).submit.count(), 0, 'no form');
  assert.equal(await reader.page.getByRole('button', { name: /^Reply/ }).count(), 0, 'no Reply');
  const bodies = await reader.page.locator('.parley-body').allTextContents();
  assert.deepEqual(bodies.map((b) => b.trim()), ['The second comment.', 'The first comment.']);
  reader.assertNoConsoleErrors();
});
