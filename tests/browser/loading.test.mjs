// How the widget arrives: only when the thread nears the viewport, from parleyd's
// hashed assets, and with a clear message when it cannot load.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, openReader, seedComment, showThread, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('the widget is downloaded only when the comments near the viewport', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  const assets = [];
  page.on('request', (req) => {
    if (req.url().includes('/assets/')) assets.push(new URL(req.url()).pathname);
  });
  await page.reload({ waitUntil: 'load' });
  await page.waitForTimeout(500);

  // Precondition: the demo article is long enough that the thread starts far below.
  const distance = await page.locator('#parley-thread')
    .evaluate((el) => el.getBoundingClientRect().top - window.innerHeight);
  assert.ok(distance > 700, `thread is only ${distance}px below the fold`);
  assert.ok(assets.every((p) => p.endsWith('.css')), `loaded early: ${assets}`);
  assert.equal(await page.locator('.parley-comments').count(), 0);

  await showThread(page);
  assert.ok(assets.some((p) => /\/assets\/parley-widget\.[\w-]+\.js$/.test(p)), `${assets}`);
  assert.ok(assets.some((p) => /\/assets\/parley-widget\.[\w-]+\.wasm$/.test(p)), `${assets}`);
  reader.assertNoConsoleErrors();
  await reader.close();
});

for (const [part, pattern, logged] of [
  ['glue', /\/assets\/parley-widget\.[\w-]+\.js$/, /^Parley: could not load http/],
  ['wasm', /\/assets\/parley-widget\.[\w-]+\.wasm$/, /^Parley: TypeError: Failed to fetch/],
]) {
  test(`when the widget's ${part} cannot be downloaded, the reader is told so in place`, async (t) => {
    const stack = await startStack(t);
    const reader = await openReader(browser, 'about:blank', {
      // Parley's report, and Chromium's own report of the failed request.
      expectedErrors: [logged, /net::ERR_FAILED/],
    });
    const { page } = reader;
    await page.route(pattern, (route) => route.abort('failed'));
    // parleyd unreachable for the early rendering too: nothing to show but the message.
    await page.route(/\/embed\/thread\?/, (route) => route.abort('failed'));
    await page.goto(stack.pageUrl);
    await page.locator('#parley-thread').scrollIntoViewIfNeeded();
    await page.locator('#parley-thread').getByText('Parley: comments could not be loaded.').waitFor();
    assert.equal(await page.locator('.parley-comments').count(), 0);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

  test(`when the widget's ${part} cannot be downloaded, the early rendering's comments stay readable`,
    async (t) => {
      const stack = await startStack(t);
      await seedComment(stack, { title: 'T', text: 'Still readable' });
      const reader = await openReader(browser, 'about:blank', { expectedErrors: [logged, /net::ERR_FAILED/] });
      const { page } = reader;
      await page.route(pattern, (route) => route.abort('failed'));
      await page.goto(stack.pageUrl);
      await page.locator('#parley-thread').scrollIntoViewIfNeeded();
      const told = page.locator('#parley-thread > .parley-load-error');
      await told.waitFor();
      assert.equal(await told.textContent(), 'Parley: the comment form could not be loaded.');
      assert.equal(await page.locator('#parley-thread .parley-body').textContent(), 'Still readable\n');
      reader.assertNoConsoleErrors();
      await reader.close();
    });
}

const WIDGET_JS = /\/assets\/parley-widget\.[\w-]+\.js$/;
const WIDGET_WASM = /\/assets\/parley-widget\.[\w-]+\.wasm$/;

test('the wasm downloads beside the comments and the widget script, once', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { title: 'T', text: 'Shown first' });
  const reader = await openReader(browser, 'about:blank');
  t.after(() => reader.close());
  const { page } = reader;
  const wasm = [];
  page.on('request', (req) => WIDGET_WASM.test(req.url()) && wasm.push(req.url()));
  // The widget script held back: whatever fetches the wasm now is not the script.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(WIDGET_JS, async (route) => {
    await released;
    await route.continue();
  });
  // Listened for first: on loopback the wasm may be in before goto() returns.
  const downloaded = page.waitForResponse(WIDGET_WASM);
  await page.goto(stack.pageUrl);
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  assert.equal((await downloaded).status(), 200);
  await page.locator('#parley-thread .parley-body').getByText('Shown first').waitFor();
  release();
  await page.getByRole('button', { name: 'Preview' }).waitFor();
  assert.equal(wasm.length, 1, wasm.join());
  reader.assertNoConsoleErrors();
});

test('a wasm served with another type (a proxy\'s rewrite) still starts the widget', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, 'about:blank');
  t.after(() => reader.close());
  const { page } = reader;
  let served = 0;
  // Streaming compilation requires application/wasm; the bytes are the same.
  await page.route(WIDGET_WASM, async (route) => {
    served += 1;
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto(stack.pageUrl);
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Preview' }).waitFor();
  assert.ok(served >= 2, `the wasm was fetched ${served} time(s): the loader's compile cannot have been used`);
  reader.assertNoConsoleErrors();
});
