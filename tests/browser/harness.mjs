// What every browser test needs: Debian's Chromium driven by playwright-core, a real
// parleyd on a random port, and the demo blog served from another origin, so CORS,
// lazy loading and the wasm download all happen as on a real site.
//
//   const stack = await startStack(t);             // parleyd + demo page, stopped after t
//   const reader = await openReader(browser, stack.pageUrl);
//   await showThread(reader.page);                  // scroll down, wait for the thread
//   ...
//   reader.assertNoConsoleErrors();
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startDemoServer } from '../../demo/serve.mjs';
import { startParleyd } from '../support/parleyd.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ASSETS = path.resolve(REPO, process.env.PARLEY_ASSETS ?? 'build/dist');

export const POST_TITLE = 'New Report Examines the Use of Raids to Fight Trafficking in Persons';
// Long enough for an ASan parleyd and a cold wasm compile on a loaded CI machine.
export const UI_TIMEOUT_MS = 15_000;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

// A fresh parleyd (empty database) allowing the demo page's origin, and the demo page
// pointed at it. `pageUrl` is the allowed origin; `foreignUrl` is the very same page
// under another origin (127.0.0.1 instead of localhost) that parleyd does not allow.
// `extraArgs` go to parleyd (e.g. to turn rate limits back on).
// `include`: the demo server puts parleyd's rendered thread into the page (no-JS path).
// `pages` adds paths to the demo server ({'/x.html': html}; see demo/serve.mjs).
export async function startStack(t, { csp = false, include = false, dbPath, extraArgs = [],
  pages } = {}) {
  const demo = await startDemoServer({ port: 0, csp, include, pages });
  const pageOrigin = `http://localhost:${demo.port}`;
  let parleyd;
  try {
    parleyd = await startParleyd({
      sites: [{ id: 'demo', origins: [pageOrigin] }],
      assets: ASSETS,
      dbPath,
      extraArgs,
    });
  } catch (err) {
    await demo.close();
    throw err;
  }
  // The page embeds parleyd by host name, as the snippet in the docs does.
  const api = `http://localhost:${parleyd.port}`;
  demo.setApi(api);
  t.after(async () => {
    await demo.close();
    await parleyd.stop();
  });
  return {
    api,
    parleyd,
    pageUrl: `${pageOrigin}/`,
    foreignUrl: `http://127.0.0.1:${demo.port}/`,
  };
}

// A comment stored straight through the JSON API, as another reader's would be: on the
// demo page ('/') unless `fields` say otherwise, sent from the page's origin. Returns its id.
export async function seedComment(stack, fields) {
  const res = await fetch(`${stack.api}/api/comments?site=demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(stack.pageUrl).origin },
    body: JSON.stringify({ page: '/', title: POST_TITLE, author: 'Ana', email: 'a@example.org', ...fields }),
  });
  const body = await res.text();
  assert.equal(res.status, 201, body);
  return JSON.parse(body).id;
}

// A new browser context (its own localStorage) with one page, recording what a test
// must never see: console errors, uncaught exceptions and dialogs (alert/confirm).
// `contextOptions` go to browser.newContext (permissions, touch emulation...).
export async function openReader(browser, url, { expectedErrors = [], contextOptions = {} } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const errors = [];
  const dialogs = [];
  const posts = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req.url());
  });
  await page.goto(url);
  return {
    context,
    page,
    dialogs,
    posts,
    // Fails on any console error not matched by one of `expectedErrors` (regexps).
    assertNoConsoleErrors() {
      const unexpected = errors.filter((e) => !expectedErrors.some((re) => re.test(e)));
      assert.deepEqual(unexpected, [], 'unexpected console errors');
    },
    close: () => context.close(),
  };
}

// Opens the demo page with its embed set to `parts` (data-parley-parts) before the
// widget loads, and records the path of every request the page makes.
export async function openWithParts(browser, stack, parts, opts) {
  const reader = await openReader(browser, 'about:blank', opts);
  const requests = [];
  reader.context.on('request', (req) => requests.push(new URL(req.url()).pathname));
  await reader.page.goto(stack.pageUrl);
  await reader.page.evaluate((p) => {
    document.querySelector('script[data-parley-site]').setAttribute('data-parley-parts', p);
  }, parts);
  await reader.page.locator('#parley-thread').scrollIntoViewIfNeeded();
  return { reader, requests };
}

// Scrolls to the comments (the widget loads only near the viewport) and waits until
// the thread has arrived (the heading then counts responses) and the widget runs: the
// loader's early rendering shows the thread before that (tests/browser/early.test.mjs).
export async function showThread(page) {
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.getByRole('heading', { level: 2, name: /Responses? / }).waitFor();
  await page.locator('#parley-thread[data-parley-key="root"]').waitFor({ state: 'attached' });
}

// The form's fields, found the way a reader (or a screen reader) finds them: by role
// and accessible name, which comes from their labels.
export function form(page) {
  const box = (name) => page.getByRole('textbox', { name });
  return {
    text: box(/^Comment$/),
    author: box(/^Name$/),
    email: box(/^Email \(never made public\)$/),
    website: box(/^Website$/),
    save: page.getByRole('checkbox', {
      name: 'Save my name, email, and website in this browser for the next time I comment.',
    }),
    submit: page.getByRole('button', { name: 'Post Comment' }),
    title: page.locator('.parley-form-title'),
    status: page.getByRole('status'),
  };
}

// Fills and posts the form; resolves, with the new comment's id, once parleyd has
// stored it and the widget has shown it.
export async function postComment(page, { text, author = 'Ana', email = 'ana@example.org',
  website = '', save = false }) {
  const f = form(page);
  await f.text.fill(text);
  await f.author.fill(author);
  await f.email.fill(email);
  await f.website.fill(website);
  await f.save.setChecked(save);
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  const res = await response;
  assert.equal(res.status(), 201, await res.text());
  const { id } = await res.json();
  await page.locator(`#parley-comment-${id}`).waitFor();
  assert.equal(await f.status.textContent(), 'Your comment was posted.');
  return id;
}

// The <article> of the comment whose own body contains `text` (not a reply's).
export function commentWith(page, text) {
  return page.locator('.parley-body', { hasText: text }).locator('xpath=ancestor::article[1]');
}

// The error message shown beside a field: the .parley-error element among its
// aria-describedby targets, i.e. what is shown next to it and announced with it.
export async function fieldError(field) {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  return field.page().evaluate(
    (list) => list.map((id) => document.getElementById(id))
      .filter((el) => el?.classList.contains('parley-error'))
      .map((el) => el.textContent).join(' ').trim(),
    ids.filter(Boolean),
  );
}
