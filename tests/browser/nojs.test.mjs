// Without JavaScript, and the widget taking over (docs/seo-nojs.md). The demo blog puts
// the thread rendered by parleyd into the page as a server-side include would
// (startStack include); a reader with JavaScript disabled reads it and posts through
// the plain form, and a reader with JavaScript gets the widget on the very same nodes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertAxeClean } from './axe.mjs';
import { POST_TITLE, fieldError, form, launchBrowser, postComment, startStack, seedComment } from './harness.mjs';


let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function noJsReader(url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

const assertAccessible = (page, selector, state) => assertAxeClean(page, state, { selector });

// The demo page with the thread included (Ana's comment and Bo's reply), and a tab with
// JavaScript to read it.
async function includePage(t, contextOptions = {}) {
  const stack = await startStack(t, { include: true });
  const ana = await seedComment(stack, { text: 'First', author: 'Ana' });
  await seedComment(stack, { text: 'A reply', author: 'Bo', parent: ana });
  const context = await browser.newContext(contextOptions);
  t.after(() => context.close());
  return { stack, ana, page: await context.newPage() };
}

// The mount's share bar: the keys of the buttons that have a box, its height, and whether
// it is an element no earlier call saw (`fresh`: the widget's bar replaced the stand-in).
const spreadBar = (page) => page.evaluate(() => {
  const el = document.querySelector('#parley-thread > section.parley-spread');
  const fresh = el.parleySeen !== true;
  el.parleySeen = true;
  return {
    buttons: [...el.querySelectorAll('.parley-spread-item > [data-parley-key]')]
      .filter((b) => b.getClientRects().length > 0).map((b) => b.dataset.parleyKey),
    height: el.getBoundingClientRect().height,
    fresh,
  };
});

// Holds back the page's requests matching `pattern` until the returned function is called.
async function holdBack(page, pattern) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('without JavaScript: the thread is in the page, and the plain form posts and comes back',
  async (t) => {
    const stack = await startStack(t, { include: true });
    const first = await seedComment(stack, { text: 'Server-rendered *hello*', author: 'Ana' });
    const { context, page } = await noJsReader(stack.pageUrl);
    t.after(() => context.close());

    const heading = page.locator('#parley-thread').getByRole('heading', { level: 2 });
    assert.equal(await heading.textContent(), `One Response to “${POST_TITLE}”`);
    const comment = page.locator(`#parley-comment-${first}`);
    assert.equal(await comment.locator('.parley-body').innerHTML(), '<p>Server-rendered <em>hello</em></p>\n');
    // Reply needs the widget: not offered without it, and it takes no room (no box).
    const reply = comment.getByRole('button', { name: /Reply/, includeHidden: true });
    assert.equal(await reply.count(), 1);
    assert.equal(await reply.boundingBox(), null);
    assert.equal(await page.getByRole('button', { name: 'Preview' }).count(), 0);
    // The include holds the mount's share bar (a stand-in) and Like block for the widget
    // to adopt; without it they take no room at all (display: none: no box).
    for (const part of ['section.parley-spread', 'div.parley-likes']) {
      const el = page.locator(`#parley-thread > ${part}`);
      assert.equal(await el.count(), 1, part);
      assert.equal(await el.boundingBox(), null, part);
    }

    // A mistake first: the form comes back (from parleyd) with the text kept and the
    // message beside the field.
    const f = form(page);
    await f.text.fill('Posted *without* JavaScript');
    await f.email.fill('bo@example.org');
    await f.submit.click();
    // (parleyd's public_url: the address it bound, 127.0.0.1 here.)
    await page.waitForURL(`http://127.0.0.1:${stack.parleyd.port}/form/comments?site=demo`);
    const again = form(page);
    assert.equal(await again.text.inputValue(), 'Posted *without* JavaScript');
    assert.equal(await again.email.inputValue(), 'bo@example.org');
    assert.equal(await fieldError(again.author), 'Please enter your name.');
    assert.equal(await again.author.getAttribute('aria-invalid'), 'true');
    assert.equal(await again.status.textContent(), 'Please correct the marked fields.');

    // Fixed and posted: back on the blog page, at the new comment.
    await again.author.fill('Bo');
    await again.submit.click();
    await page.waitForURL(new RegExp(`^${stack.pageUrl}#parley-comment-\\d+$`));
    const id = new URL(page.url()).hash.slice('#parley-comment-'.length);
    assert.equal(await heading.textContent(), `2 Responses to “${POST_TITLE}”`);
    const mine = page.locator(`#parley-comment-${id}`);
    assert.equal(await mine.locator('.parley-author').textContent(), 'Bo');
    assert.equal(await mine.locator('.parley-body').innerHTML(), '<p>Posted <em>without</em> JavaScript</p>\n');
  });

test('an include painted before its async loader runs: nothing moves when the widget starts',
  async (t) => {
    const { stack, ana, page } = await includePage(t);
    // The loader held back, as on a slow link: the page shows the include without it.
    const release = await holdBack(page, /\/parley\.js(\?|$)/);
    await page.goto(stack.pageUrl, { waitUntil: 'domcontentloaded' });
    const mount = page.locator('#parley-thread');
    await mount.locator(`#parley-comment-${ana}`).waitFor();
    await mount.scrollIntoViewIfNeeded(); // the loader starts the widget near the viewport
    assert.equal(await mount.getAttribute('data-parley-key'), null, 'no script has marked the mount');
    const tops = () => page.evaluate(() => [...document.querySelectorAll('#parley-thread .parley-comment, ' +
      '#parley-thread .parley-form-home')].map((el) => Math.round(el.getBoundingClientRect().top + window.scrollY)));
    const before = await tops();
    const bar = await spreadBar(page);
    // Reply is unseen but has its room already.
    const reply = page.locator(`#parley-comment-${ana}`).getByRole('button', { name: 'Reply to Ana', includeHidden: true });
    assert.equal(await reply.isVisible(), false);
    assert.ok((await reply.boundingBox())?.height > 0, 'Reply keeps its room before the loader runs');
    release();
    await page.getByRole('button', { name: 'Preview' }).waitFor();
    await page.getByRole('button', { name: 'Reply to Ana' }).waitFor();
    assert.equal(await mount.getAttribute('data-parley-key'), 'root');
    assert.deepEqual(await tops(), before, 'the comments did not move when the loader and widget ran');
    // The widget's own bar took the stand-in's place with the same buttons (no Share… or
    // SMS on a desktop Chromium) and the same height.
    await page.getByRole('link', { name: 'Share on Bluesky (opens in a new window)' }).waitFor();
    assert.deepEqual(await spreadBar(page), bar);
    assert.ok(!bar.buttons.includes('spread-native'), bar.buttons.join());
  });

test('on a phone an include\'s share bar has the widget\'s buttons, so it keeps its size when replaced',
  async (t) => {
    const { stack, page } = await includePage(t,
      { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    // A phone's share sheet (Chromium on Linux has no navigator.share).
    await page.addInitScript(() => {
      navigator.share = async () => {};
    });
    const release = await holdBack(page, /\/parley\.js(\?|$)/);
    await page.goto(stack.pageUrl, { waitUntil: 'domcontentloaded' });
    const mount = page.locator('#parley-thread');
    await mount.locator('.parley-comment').first().waitFor();
    await mount.scrollIntoViewIfNeeded();
    const bar = await spreadBar(page);
    assert.ok(bar.buttons.includes('spread-native'), bar.buttons.join());
    release();
    await page.getByRole('button', { name: 'Preview' }).waitFor();
    await page.getByRole('link', { name: 'Share on Bluesky (opens in a new window)' }).waitFor();
    assert.deepEqual(await spreadBar(page), bar);
  });

test('without JavaScript: the embed page (the <noscript> link) reads and posts', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { text: 'On the embed page', author: 'Ana' });
  const url = `${stack.api}/embed/thread?site=demo&page=/&title=${encodeURIComponent(POST_TITLE)}`;
  const { context, page } = await noJsReader(url);
  t.after(() => context.close());
  assert.equal(await page.title(), `One Response to “${POST_TITLE}”`);
  const f = form(page);
  await f.text.fill('Posted from the embed page');
  await f.author.fill('Cy');
  await f.email.fill('cy@example.org');
  await f.submit.click();
  await page.waitForURL(/\/embed\/thread\?site=demo&page=\/&title=[^#]+#parley-comment-\d+$/);
  assert.equal(await page.getByRole('heading', { level: 2 }).textContent(), `2 Responses to “${POST_TITLE}”`);
  assert.equal(await page.locator('.parley-body').last().textContent(), 'Posted from the embed page\n');
});

test('the embed page read with JavaScript on: no widget runs there, so Reply takes no room',
  async (t) => {
    const stack = await startStack(t);
    await seedComment(stack, { text: 'On the embed page', author: 'Ana' });
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${stack.api}/embed/thread?site=demo&page=/&title=${encodeURIComponent(POST_TITLE)}`);
    const reply = page.getByRole('button', { name: 'Reply to Ana', includeHidden: true });
    assert.equal(await reply.count(), 1);
    assert.equal(await reply.boundingBox(), null);
  });

test('axe finds no violations on the no-JavaScript thread, with comments and with errors',
  async (t) => {
    const stack = await startStack(t);
    await seedComment(stack, { text: 'A comment to judge', author: 'Ana', website: 'https://ana.example' });
    // The embed page's policy forbids inline script; axe is injected as one.
    const context = await browser.newContext({ bypassCSP: true });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${stack.api}/embed/thread?site=demo&page=/&title=Raids`);
    await assertAccessible(page, 'main', 'thread');
    const f = form(page);
    await f.text.fill('x');
    await f.email.fill('not an email');
    await f.submit.click();
    await page.waitForURL(/\/form\/comments/);
    assert.equal(await fieldError(form(page).email), 'Please enter a valid email address, like name@example.com.');
    await assertAccessible(page, 'main', 'form errors');
    await page.goto(`${stack.api}/embed/thread?site=demo&page=/&lang=ar`);
    await assertAccessible(page, 'main', 'right to left');
  });

test('with JavaScript the widget takes over the included thread: no refetch, same nodes',
  async (t) => {
    const { stack, ana, page } = await includePage(t);
    const threadGets = [];
    page.on('request', (req) => {
      if (req.method() === 'GET' && new URL(req.url()).pathname === '/api/comments') threadGets.push(req.url());
    });
    // Marks the pre-rendered nodes as the parser creates them, before any page script
    // runs: a node the widget replaced would come back unmarked.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        for (const el of document.querySelectorAll('#parley-thread .parley-comment, #parley-thread .parley-count,' +
          ' #parley-thread [data-parley-key="thread"], #parley-thread .parley-body')) {
          el.parleyPrerendered = true;
        }
      });
    });
    // The widget's wasm held back: what shows first is the include and the loader's mark.
    const release = await holdBack(page, /\/parley-widget[^/]*\.wasm$/);
    await page.goto(stack.pageUrl);
    await page.locator('#parley-thread').scrollIntoViewIfNeeded();
    // The include names the mount's parts (demo/serve.mjs): the share bar and the Like
    // block are there from the start, unseen but taking their room, as are Reply and
    // the hearts once the loader has marked the mount, so nothing moves when the widget
    // starts.
    await page.locator('#parley-thread[data-parley-key="early"]').waitFor();
    const tops = () => page.evaluate(() => [...document.querySelectorAll('#parley-thread .parley-comment')]
      .map((el) => Math.round(el.getBoundingClientRect().top + window.scrollY)));
    const before = await tops();
    const bar = page.locator('#parley-thread > section.parley-spread');
    assert.equal(await bar.isVisible(), false);
    assert.ok((await bar.boundingBox()).height > 0, 'the stand-in bar keeps its room');
    assert.equal(await page.locator(`#parley-comment-${ana} > footer .parley-comment-like`).isVisible(), false);
    release();
    // The widget is running once its own form (with Preview) replaced the plain one.
    await page.getByRole('button', { name: 'Preview' }).waitFor();
    await page.getByRole('button', { name: 'Like this comment by Ana', exact: true }).waitFor();
    assert.deepEqual(await tops(), before, 'the comments did not move when the widget took over');
    const marks = await page.evaluate(() => [...document.querySelectorAll(
      '#parley-thread .parley-comment, #parley-thread .parley-count, #parley-thread [data-parley-key="thread"],' +
      ' #parley-thread .parley-body')].map((el) => el.parleyPrerendered === true));
    assert.equal(marks.length, 2 + 1 + 1 + 2);
    assert.deepEqual(marks, marks.map(() => true), 'every pre-rendered node is still in place');
    assert.deepEqual(threadGets, [], 'the thread was not downloaded again');
    assert.equal(await page.locator('form.parley-form').getAttribute('method'), null);
    // The share bar (data-parley-share) and the Like block go before the kept thread,
    // "Your data" after it.
    const mount = page.locator('#parley-thread');
    await mount.getByRole('link', { name: 'Share on Bluesky (opens in a new window)' }).waitFor();
    assert.deepEqual(await mount.evaluate((m) => [...m.children]
      .filter((el) => el.tagName !== 'SCRIPT').map((el) => el.className.split(' ')[0])),
    ['parley-spread', 'parley-likes', 'parley-comments', 'parley-data-foot']);

    // And it is the widget's now: Reply works on an adopted comment, posting too.
    const reply = page.locator(`#parley-comment-${ana}`).getByRole('button', { name: 'Reply to Ana' });
    await reply.click();
    assert.match(await form(page).title.textContent(), /Reply to Ana/);
    await postComment(page, { text: 'Through the widget' });
    assert.equal(await page.locator('#parley-thread .parley-count').textContent(), `3 Responses to “${POST_TITLE}”`);
    assert.deepEqual(threadGets, []);
  });
