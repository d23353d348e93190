// Spam control as people meet it (docs/spam.md): a reader posting the plain form never
// notices the honeypot or the minimum time; a program that fills in every field and
// posts at once is refused, then, posting slower, stored as spam; the owner reads why
// in /admin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { OWNER_PASSWORD, createAccount } from '../support/admin.mjs';
import {
  POST_TITLE, UI_TIMEOUT_MS, commentWith, form, launchBrowser, openReader, postComment, showThread,
  startStack,
} from './harness.mjs';

const OWNER = 'owner@example.org';
const MIN_SECONDS = 2;
const BOT_MIN_SECONDS = 8;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

async function logInOwner(t, stack) {
  const admin = await browser.newContext();
  t.after(() => admin.close());
  const owner = await admin.newPage();
  owner.setDefaultTimeout(UI_TIMEOUT_MS);
  await owner.goto(`${stack.api}/admin`);
  await owner.getByLabel('Email').fill(OWNER);
  await owner.getByLabel('Password').fill(OWNER_PASSWORD);
  await owner.getByRole('button', { name: 'Log in' }).click();
  await owner.getByText(`${OWNER} (owner)`).waitFor();
  return owner;
}

async function embedPage(stack) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(`${stack.api}/embed/thread?site=demo&page=/&title=${encodeURIComponent(POST_TITLE)}`);
  return { context, page };
}

test('a reader never meets the honeypot, and a form posted after reading is stored', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--min-form-seconds', String(MIN_SECONDS)] });
  const { context, page } = await embedPage(stack);
  t.after(() => context.close());

  // Not in the accessibility tree, off screen, and skipped by Tab.
  assert.equal(await page.getByRole('textbox', { name: 'Leave this field empty' }).count(), 0);
  const trap = page.locator('input[name="fax"]');
  const box = await trap.boundingBox();
  assert.ok(box.x + box.width <= 0, `off screen: ${JSON.stringify(box)}`);
  const f = form(page);
  await f.website.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'parley-submit');

  await f.text.fill('Written after reading the post');
  await f.author.fill('Ana');
  await f.email.fill('ana@example.org');
  await sleep(MIN_SECONDS * 1000 + 200);
  await f.submit.click();
  await page.waitForURL(/#parley-comment-\d+$/);
  assert.equal(await page.locator('.parley-body').last().textContent(), 'Written after reading the post\n');
});

test('a bot that fills every field is refused when instant, stored as spam otherwise; /admin says why',
  async (t) => {
    // Long enough that filling in and sending at once is always sooner, even on a busy
    // machine.
    const stack = await startStack(t, {
      extraArgs: ['--demo', '--min-form-seconds', String(BOT_MIN_SECONDS)],
    });
    const made = await createAccount(stack.parleyd, { email: OWNER, password: OWNER_PASSWORD });
    assert.equal(made.code, 0, made.stderr);
    const { context, page } = await embedPage(stack);
    t.after(() => context.close());

    // What form-filling programs do: every input gets something, at once, then submit.
    async function fillEverything(text) {
      await page.evaluate((comment) => {
        for (const input of document.querySelectorAll('form input:not([type=hidden])')) {
          input.value = input.type === 'url' ? 'https://spam.example' : 'spam@example.org';
        }
        document.querySelector('form textarea').value = comment;
      }, text);
    }
    await fillEverything('Cheap watches at spam.example');
    await form(page).submit.click();
    await page.getByText('You sent this form very quickly. Please wait a few seconds and send it again.').waitFor();
    assert.equal(await form(page).text.inputValue(), 'Cheap watches at spam.example');

    await fillEverything('Cheap watches at spam.example');
    await sleep(BOT_MIN_SECONDS * 1000 + 200);
    await form(page).submit.click();
    await page.getByText('Your comment is awaiting moderation.').waitFor();
    assert.equal(await page.locator('.parley-body').count(), 0, 'readers do not see it');

    const owner = await logInOwner(t, stack);
    await owner.goto(`${stack.api}/admin/queue?site=demo&status=spam`);
    await owner.getByText('Held: honeypot field filled in').waitFor();
    assert.match(await owner.locator('.pa-body').first().textContent(), /Cheap watches at spam\.example/);
  });

test('the widget: a reader never meets its honeypot and posts as usual; a bot filling it is stored as spam',
  async (t) => {
    const stack = await startStack(t, { extraArgs: ['--demo'] });
    const made = await createAccount(stack.parleyd, { email: OWNER, password: OWNER_PASSWORD });
    assert.equal(made.code, 0, made.stderr);
    const reader = await openReader(browser, stack.pageUrl);
    t.after(() => reader.close());
    await showThread(reader.page);
    const { page } = reader;
    assert.equal(await page.getByRole('textbox', { name: 'Leave this field empty' }).count(), 0);
    await postComment(page, { text: 'A reader, posting as usual' });
    assert.equal(await commentWith(page, 'A reader, posting as usual').count(), 1);

    // A program filling every input of the widget's form.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll('.parley-form input[type=text], .parley-form input[type=email]')) {
        input.value = input.type === 'email' ? 'bot@example.org' : 'Bot';
      }
      document.querySelector('.parley-form textarea').value = 'Widget spam from a bot';
    });
    const answered = page.waitForResponse((r) => r.request().method() === 'POST');
    await form(page).submit.click();
    const res = await answered;
    assert.equal(res.status(), 202);
    assert.equal(JSON.parse(res.request().postData()).fax, 'Bot');
    await page.getByRole('status').filter({ hasText: 'Your comment is awaiting moderation.' }).waitFor();
    assert.equal(await commentWith(page, 'Widget spam').count(), 0);
    reader.assertNoConsoleErrors();

    const owner = await logInOwner(t, stack);
    await owner.goto(`${stack.api}/admin/queue?site=demo&status=spam`);
    await owner.getByText('Held: honeypot field filled in').waitFor();
    assert.match(await owner.locator('.pa-body').first().textContent(), /Widget spam from a bot/);
  });
