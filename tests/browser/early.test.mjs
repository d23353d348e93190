// HTML first (docs/seo-nojs.md, "The loader's early rendering"): the loader puts parleyd's
// rendering of the thread into the mount while the widget's code downloads, so a reader
// sees the comments before the wasm arrives; the widget then adopts those very nodes.
// Each test holds the widget's wasm back to look at the page in between.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';

import { POST_TITLE, form, launchBrowser, openReader, startStack, seedComment } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function likeApi(stack, comment, token) {
  const res = await fetch(`${stack.api}/api/likes?site=demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(stack.pageUrl).origin },
    body: JSON.stringify({ page: '/', comment, token }),
  });
  assert.equal(res.status, 200, await res.clone().text());
}

// Opens the demo page with the widget's wasm held back until `release()`; records the
// page's GETs of the thread (the JSON API and the early rendering).
// `contextOptions` go to the browser context; `init` runs in the page before its scripts;
// `route(page)` sets up more routes.
async function openHeld(stack, { contextOptions, init, route } = {}) {
  const reader = await openReader(browser, 'about:blank', { contextOptions });
  if (init) await reader.page.addInitScript(init);
  if (route) await route(reader.page);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await reader.page.route(/\/parley-widget[^/]*\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  const gets = { json: 0, early: 0 };
  reader.page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname === '/api/comments' && req.method() === 'GET') gets.json += 1;
    if (url.pathname === '/embed/thread') {
      gets.early += 1;
      assert.equal(url.searchParams.get('format'), 'early');
    }
  });
  await reader.page.goto(stack.pageUrl);
  await reader.page.locator('#parley-thread').scrollIntoViewIfNeeded();
  return { ...reader, gets, release };
}

const widgetRunning = (page) => page.getByRole('button', { name: 'Preview' }).waitFor();

test('the comments show before the wasm arrives; the widget then adopts the same nodes',
  async (t) => {
    const stack = await startStack(t);
    const ana = await seedComment(stack, { text: 'Shown *first*', author: 'Ana' });
    const bo = await seedComment(stack, { text: 'A reply, early', author: 'Bo', parent: ana });
    await likeApi(stack, ana, 'a'.repeat(32));
    const reader = await openHeld(stack);
    t.after(() => reader.close());
    const { page } = reader;

    // The wasm has not arrived: what shows is the loader's doing alone.
    const first = page.locator(`#parley-comment-${ana}`);
    await first.locator('.parley-body em', { hasText: 'first' }).waitFor();
    assert.equal(await page.locator('#parley-thread .parley-count').textContent(),
      `2 Responses to “${POST_TITLE}”`);
    assert.equal(await page.locator(`#parley-comment-${bo} .parley-body`).textContent(), 'A reply, early\n');
    // No form to type into yet (the widget brings its own), Reply and the heart keep
    // their place unseen.
    assert.equal(await page.getByRole('textbox').count(), 0);
    const own = (sel) => page.locator(`#parley-comment-${ana} > footer ${sel}`); // not Bo's, nested
    assert.equal(await own('button.parley-comment-like').count(), 1);
    assert.equal(await own('button.parley-comment-like').isVisible(), false);
    const heart = page.getByRole('button', { name: 'Like this comment by Ana', exact: true });
    assert.equal(await heart.count(), 0, 'an unseen heart is no button to a screen reader either');
    assert.equal(await own('.parley-reply').isVisible(), false);
    assert.deepEqual(reader.gets, { json: 0, early: 1 });
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('#parley-thread .parley-comment')) el.parleyEarly = true;
    });

    reader.release();
    await widgetRunning(page);
    const kept = await page.evaluate(() =>
      [...document.querySelectorAll('#parley-thread .parley-comment')].map((el) => el.parleyEarly === true));
    assert.deepEqual(kept, [true, true], 'the widget kept the early nodes');
    assert.deepEqual(reader.gets, { json: 0, early: 1 }, 'the thread was downloaded once');
    // The hearts are the widget's: Ana's shows the stored like and takes one more.
    await heart.waitFor();
    assert.equal(await own('.parley-like-count').textContent(), '1');
    await heart.click();
    await page.waitForFunction((id) =>
      document.querySelector(`#parley-comment-${id} > footer .parley-like-count`).textContent === '2', ana);
    assert.equal(await heart.getAttribute('aria-pressed'), 'true');
    // Reply works on an early comment, and the widget's form posts under it.
    await page.locator(`#parley-comment-${bo}`).getByRole('button', { name: /Reply/ }).click();
    const f = form(page);
    await f.text.fill('Replying to an early comment');
    await f.author.fill('Cy');
    await f.email.fill('cy@example.org');
    await f.submit.click();
    await page.locator(`#parley-comment-${bo} .parley-children .parley-body`,
      { hasText: 'Replying to an early comment' }).waitFor();
    reader.assertNoConsoleErrors();
  });

test('on a phone the early share bar has the widget\'s buttons, so it does not change when replaced',
  async (t) => {
    const stack = await startStack(t);
    await seedComment(stack, { text: 'Read on a phone' });
    // A phone's browser: a coarse pointer and a native share sheet (Chromium on Linux has
    // no navigator.share; the page gets one, as share.test.mjs does).
    const reader = await openHeld(stack, {
      contextOptions: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } },
      init: () => {
        navigator.share = async () => {};
      },
    });
    t.after(() => reader.close());
    const { page } = reader;
    await page.locator('.parley-comments .parley-body', { hasText: 'Read on a phone' }).waitFor();
    const bar = () => page.evaluate(() => {
      const el = document.querySelector('#parley-thread section.parley-spread');
      return {
        buttons: [...el.querySelectorAll('.parley-spread-item > [data-parley-key]')].map((b) => b.dataset.parleyKey),
        height: el.getBoundingClientRect().height,
        early: el.parleyEarly === true,
      };
    });
    await page.evaluate(() => {
      document.querySelector('#parley-thread section.parley-spread').parleyEarly = true;
    });
    const early = await bar();
    assert.ok(early.buttons.includes('spread-native'), early.buttons.join());

    reader.release();
    await widgetRunning(page);
    await page.waitForFunction(() => !document.querySelector('#parley-thread section.parley-spread').parleyEarly);
    assert.deepEqual(await bar(), { ...early, early: false }, 'the widget\'s bar is the stand-in\'s size');
    await page.getByRole('button', { name: /^Share/ }).first().waitFor();
    reader.assertNoConsoleErrors();
  });

test('a comment posted while the widget loads is announced once it runs', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { text: 'Already there', author: 'Ana' });
  const reader = await openHeld(stack);
  t.after(() => reader.close());
  const { page } = reader;
  await page.locator('.parley-body', { hasText: 'Already there' }).waitFor();
  // Posted after parleyd rendered the thread, before the widget listens.
  await seedComment(stack, { text: 'Posted in between', author: 'Bo' });
  reader.release();
  await widgetRunning(page);
  const bar = page.locator('.parley-live-bar');
  await bar.waitFor();
  assert.equal(await bar.textContent(), 'Show 1 new comment');
  await bar.click();
  await page.locator('.parley-body', { hasText: 'Posted in between' }).waitFor();
  assert.equal(await page.locator('.parley-comment').count(), 2);
  reader.assertNoConsoleErrors();
});

test('a long thread arrives whole, in order, in slices, and the widget adopts it', async (t) => {
  const stack = await startStack(t);
  const ids = [];
  for (let i = 0; i < 240; i += 1) {
    ids.push(await seedComment(stack, { text: `Comment number ${i}`, author: `Reader ${i}`,
      parent: i % 4 === 3 ? ids[i - 1] : undefined }));
  }
  const reader = await openHeld(stack);
  t.after(() => reader.close());
  const { page } = reader;
  await page.waitForFunction((n) => document.querySelectorAll('#parley-thread .parley-comment').length === n,
    ids.length);
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('#parley-thread .parley-comment')].map((el) => Number(el.id.split('-').pop())));
  assert.deepEqual(shown, ids);
  // Replies sit in their parent's list, not at the top level.
  assert.equal(await page.locator(`#parley-comment-${ids[2]} .parley-children #parley-comment-${ids[3]}`).count(), 1);
  reader.release();
  await widgetRunning(page);
  assert.deepEqual(reader.gets, { json: 0, early: 1 });
  // By keyboard: a click is aimed at a point, and the comments skipped so far
  // (content-visibility) take their real size as they scroll into view; Enter goes to
  // the button whatever moved.
  const reply = page.locator(`#parley-comment-${ids[239]}`).getByRole('button', { name: /Reply/ });
  await reply.focus();
  await reply.press('Enter');
  await page.locator(`#parley-comment-${ids[239]} .parley-reply-slot form`).waitFor();
  reader.assertNoConsoleErrors();
});

// The whole rendering at hand at once (a fast network, a warm cache) is where the loader
// could hold the first paint back: it parses the later slices a task apart, each resuming
// ahead of other tasks, and the page rendered no frame until they were all in.
test('a long thread\'s first comments are painted before the rest is parsed', async (t) => {
  const stack = await startStack(t);
  const count = 300; // a first slice of 100, then one of 200
  for (let i = 0; i < count; i += 1) await seedComment(stack, { text: `Comment *number* ${i}`, author: `R${i}` });
  const reader = await openHeld(stack, {
    // In page order: the first comment painted (the end of the main thread's work on the
    // first frame that shows it), and all of them in the DOM.
    init: `(() => {
      const order = (window.order = []);
      new MutationObserver((records, observer) => {
        const n = document.querySelectorAll('#parley-thread .parley-comment').length;
        if (n && !order.length) {
          order.push('inserted ' + n);
          requestAnimationFrame(() => scheduler.postTask(() => order.push('painted'), { priority: 'user-blocking' }));
        }
        if (n === ${count}) {
          order.push('all');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    })()`,
    route: async (page) => {
      // Fetched whole first, then handed to the page in one piece.
      await page.route(/\/embed\/thread\?/, async (route) => route.fulfill({ response: await route.fetch() }));
    },
  });
  t.after(() => reader.close());
  const { page } = reader;
  await page.waitForFunction(() => window.order.includes('all') && window.order.includes('painted'));
  assert.deepEqual(await page.evaluate(() => window.order), ['inserted 100', 'painted', 'all']);
  reader.release();
  await widgetRunning(page);
  assert.deepEqual(reader.gets, { json: 0, early: 1 });
  reader.assertNoConsoleErrors();
});

test('an early rendering cut off halfway is taken back: the widget shows the whole thread', async (t) => {
  const stack = await startStack(t);
  const ids = [];
  for (let i = 0; i < 150; i += 1) ids.push(await seedComment(stack, { text: `Comment number ${i}`, author: `R${i}` }));
  const reader = await openReader(browser, 'about:blank');
  t.after(() => reader.close());
  const { page } = reader;
  let json = 0;
  page.on('request', (req) => (json += new URL(req.url()).pathname === '/api/comments' ? 1 : 0));
  // A server that answers the loader's request with parleyd's rendering, headers and all,
  // then drops the connection in the middle of the second slice.
  let cuts = 0;
  const cutter = createServer(async (req, res) => {
    const upstream = await fetch(stack.api + req.url, { headers: { Origin: req.headers.origin ?? '' } });
    const body = Buffer.from(await upstream.arrayBuffer());
    const second = body.indexOf('<!--parley-slice-->');
    const cut = second + 2000;
    if (second > 0 && cut < body.length) cuts += 1;
    const headers = Object.fromEntries([...upstream.headers].filter(([k]) => k !== 'content-encoding'));
    res.writeHead(upstream.status, { ...headers, 'content-length': String(body.length) });
    res.write(body.subarray(0, cut), () => setTimeout(() => res.socket.destroy(), 100));
  });
  await new Promise((resolve) => cutter.listen(0, '127.0.0.1', resolve));
  t.after(() => cutter.close());
  const cutterUrl = `http://127.0.0.1:${cutter.address().port}`;
  await page.route(/\/embed\/thread\?/, (route) => {
    const url = new URL(route.request().url());
    route.continue({ url: cutterUrl + url.pathname + url.search });
  });
  await page.goto(stack.pageUrl);
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await widgetRunning(page);
  await page.waitForFunction((n) => document.querySelectorAll('#parley-thread .parley-comment').length === n, ids.length);
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('#parley-thread .parley-comment')].map((el) => Number(el.id.split('-').pop())));
  assert.deepEqual(shown, ids);
  assert.equal(cuts, 1, 'parleyd sent the thread in slices, and the second was cut');
  assert.equal(json, 1, 'the widget fetched the thread itself');
});

test('without the early rendering (parleyd unreachable for it), the widget fetches the thread',
  async (t) => {
    const stack = await startStack(t);
    await seedComment(stack, { text: 'Fetched by the widget', author: 'Ana' });
    const reader = await openReader(browser, 'about:blank');
    t.after(() => reader.close());
    const { page } = reader;
    await page.route(/\/embed\/thread\?/, (route) => route.abort());
    const json = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/comments');
    await page.goto(stack.pageUrl);
    await page.locator('#parley-thread').scrollIntoViewIfNeeded();
    await json;
    await page.locator('.parley-body', { hasText: 'Fetched by the widget' }).waitFor();
    await widgetRunning(page);
    // The aborted request is the page's only console error.
    assert.equal(await page.locator('.parley-load-error').count(), 0);
  });
