// The share bar in Chromium, on the demo article: each button opens its network's
// compose URL in a new window (intercepted, so nothing leaves the machine), copy link
// with its "Link copied" announcement, the fediverse server prompt and its memory,
// native share and print where the browser has them, the keyboard order, parleyd's
// click counts, and the rule of rules: before a click the page requests nothing from
// anyone but its own origin and parleyd.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { launchBrowser, openReader, openWithParts, startStack } from './harness.mjs';

const CANONICAL = 'https://rights-watchblog.example/2009/12/new-report-examines-raids/';
const TITLE = 'New Report Examines the Use of Raids to Fight Trafficking in Persons';
const DESCRIPTION = 'A new report looks at what raids against trafficking do to the workers ' +
  'they claim to protect.';
const IMAGE = 'https://rights-watchblog.example/images/raids-report.jpg';
const e = encodeURIComponent;
const U = e(CANONICAL);
const T = e(TITLE);

// Every link target's URL, written out from the templates in
// ../shared/reference/share-targets.md with JavaScript's own encoder.
const LINKS = {
  x: `https://x.com/intent/tweet?text=${T}&url=${U}&via=rightswatch&hashtags=humanrights%2Cpolicy`,
  facebook: `https://www.facebook.com/sharer/sharer.php?u=${U}`,
  linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${U}`,
  reddit: `https://www.reddit.com/submit?url=${U}&title=${T}&type=LINK`,
  'hacker-news': `https://news.ycombinator.com/submitlink?u=${U}&t=${T}`,
  bluesky: `https://bsky.app/intent/compose?text=${e(`${TITLE} ${CANONICAL}`)}`,
  threads: `https://www.threads.com/intent/post?text=${T}&url=${U}`,
  telegram: `https://t.me/share/url?url=${U}&text=${T}`,
  whatsapp: `https://wa.me/?text=${e(`${TITLE} ${CANONICAL}`)}`,
  pinterest: `https://www.pinterest.com/pin/create/button/?url=${U}&media=${e(IMAGE)}&description=${T}`,
  tumblr: `https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=${U}&title=${T}` +
    `&caption=${e(DESCRIPTION)}`,
  vk: `https://vk.com/share.php?url=${U}&title=${T}&image=${e(IMAGE)}`,
  weibo: `https://service.weibo.com/share/share.php?url=${U}&title=${T}&pic=${e(IMAGE)}`,
  line: `https://social-plugins.line.me/lineit/share?url=${U}`,
  flipboard: `https://share.flipboard.com/bookmarklet/popout?v=2&title=${T}&url=${U}`,
};
const NAMES = {
  x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn', reddit: 'Reddit', 'hacker-news': 'Hacker News',
  bluesky: 'Bluesky', threads: 'Threads', telegram: 'Telegram', whatsapp: 'WhatsApp',
  pinterest: 'Pinterest', tumblr: 'Tumblr', vk: 'VK', weibo: 'Weibo', line: 'LINE',
  flipboard: 'Flipboard',
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// Answers every request that would leave the machine (the networks' compose pages)
// with a stub page, and records it.
async function interceptForeign(context, stack) {
  const own = [new URL(stack.pageUrl).origin, new URL(stack.api).origin];
  const foreign = [];
  await context.route((url) => !own.includes(url.origin), (route) => {
    foreign.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' });
  });
  return foreign;
}

// Opens the demo article with the owner's embed attributes set as a page would have
// them (the widget starts only when the thread nears the viewport), and waits for the
// share bar.
async function openArticle(stack, embed = {}, options = {}) {
  const reader = await openReader(browser, stack.pageUrl, options);
  const { page } = reader;
  await page.evaluate((embed) => {
    const script = document.querySelector('script[data-parley-site]');
    for (const [name, value] of Object.entries(embed)) script.setAttribute(name, value);
  }, embed);
  assert.equal(await page.locator('.parley-spread').count(), 0, 'widget started too early');
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.getByRole('heading', { level: 2, name: 'Share this:' }).waitFor();
  return reader;
}

async function shareClicks(stack) {
  const res = await fetch(`${stack.api}/api/share-clicks?site=demo&page=%2F`);
  return (await res.json()).clicks;
}

// sendBeacon is fire-and-forget: wait until parleyd has counted what the test expects.
async function waitForClicks(stack, expected) {
  let clicks;
  for (let i = 0; i < 100; i += 1) {
    clicks = await shareClicks(stack);
    if (JSON.stringify(clicks) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(clicks, expected);
}

test('each share link opens its network\'s compose URL in a new window, counted by parleyd',
  async (t) => {
    const stack = await startStack(t);
    const reader = await openArticle(stack, {
      'data-parley-share': Object.keys(LINKS).join(','),
      'data-parley-share-style': 'icons+labels',
      'data-parley-hashtags': 'humanrights, #policy',
    });
    const { page, context } = reader;
    const foreign = await interceptForeign(context, stack);
    for (const [id, url] of Object.entries(LINKS)) {
      const link = page.getByRole('link', { name: `Share on ${NAMES[id]} (opens in a new window)` });
      assert.equal(await link.getAttribute('href'), url, id);
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await link.textContent(), NAMES[id], 'the visible label (icons+labels)');
      const popup = context.waitForEvent('page');
      await link.click();
      const opened = await popup;
      await opened.waitForLoadState('domcontentloaded');
      assert.equal(opened.url(), url, id);
      // noopener: the network's page cannot reach back into the article.
      assert.equal(await opened.evaluate(() => window.opener), null);
      await opened.close();
    }
    assert.deepEqual(foreign, Object.values(LINKS));
    await waitForClicks(stack, Object.fromEntries(Object.keys(LINKS).sort().map((id) => [id, 1])));
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('email opens the mail app with %20 for spaces; SMS shows on touch devices only', async (t) => {
  const stack = await startStack(t);
  const desktop = await openArticle(stack, { 'data-parley-share': 'email,sms' });
  const mail = desktop.page.getByRole('link', { name: 'Share by email' });
  assert.equal(await mail.getAttribute('href'),
    `mailto:?subject=${T}&body=${e(`${DESCRIPTION}\n\n${CANONICAL}`)}`);
  assert.equal(await mail.getAttribute('target'), null);
  assert.ok(!(await mail.getAttribute('href')).includes('+'));
  assert.equal(await desktop.page.getByRole('link', { name: 'Share by text message' }).count(), 0);
  await desktop.close();

  const phone = await openArticle(stack, { 'data-parley-share': 'email,sms' },
    { contextOptions: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } } });
  const sms = phone.page.getByRole('link', { name: 'Share by text message' });
  assert.equal(await sms.getAttribute('href'), `sms:?&body=${e(`${TITLE} ${CANONICAL}`)}`);
  phone.assertNoConsoleErrors();
  await phone.close();
});

test('copy link puts the canonical URL on the clipboard and says "Link copied"', async (t) => {
  const stack = await startStack(t);
  const reader = await openArticle(stack, { 'data-parley-share': 'x,copy' }, {
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const { page } = reader;
  const live = page.locator('[data-parley-key="spread-status"]');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  const copy = page.getByRole('button', { name: 'Copy link' });
  await copy.click();
  await page.waitForFunction(
    () => document.querySelector('[data-parley-key="spread-status"]').textContent.trim() === 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CANONICAL);
  // A second copy is a change the live region announces again.
  const before = await live.textContent();
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await copy.click();
  await page.waitForFunction((b) => document.querySelector(
    '[data-parley-key="spread-status"]').textContent !== b, before);
  assert.equal((await live.textContent()).trim(), 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CANONICAL);
  await waitForClicks(stack, { copy: 2 });
  reader.assertNoConsoleErrors();
  await reader.close();
});

// A fediverse server on loopback: its NodeInfo says it runs Misskey.
async function fakeMisskey(t) {
  const server = http.createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/.well-known/nodeinfo') {
      return res.end(JSON.stringify({ links: [{
        rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${base}/nodeinfo/2.1` }] }));
    }
    if (req.url === '/nodeinfo/2.1') return res.end(JSON.stringify({ software: { name: 'misskey' } }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return `127.0.0.1:${server.address().port}`;
}

test('the reader names their fediverse server once; it is checked, resolved and remembered',
  async (t) => {
    const host = await fakeMisskey(t);
    const stack = await startStack(t, { extraArgs: ['--nodeinfo-test-insecure'] });
    const reader = await openArticle(stack, { 'data-parley-share': 'mastodon,copy' });
    const { page, context } = reader;
    const foreign = await interceptForeign(context, stack);

    await page.getByRole('button', { name: 'Share on Mastodon' }).click();
    const field = page.getByRole('textbox', { name: 'Your Mastodon server' });
    assert.ok(await field.evaluate((el) => el === document.activeElement), 'the field has focus');
    await field.fill('not a server');
    await page.getByRole('button', { name: 'Continue' }).click();
    const error = page.locator('[data-parley-key="error-server"]');
    await error.filter({ hasText: 'Enter the name of your server, like mastodon.social.' }).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');

    await field.fill(`https://${host}/`);
    await page.getByRole('button', { name: 'Continue' }).click();
    // NodeInfo said Misskey: the button becomes a link to the reader's own server.
    const link = page.getByRole('link', { name: 'Share on Misskey (opens in a new window)' });
    await link.waitFor();
    assert.ok(await link.evaluate((el) => el === document.activeElement), 'the new link has focus');
    await page.locator('[data-parley-key="spread-status"]')
      .filter({ hasText: `Ready to share on ${host}.` }).waitFor();
    // The demo's hashtag rides along, as Mastodon and Misskey take it in the text.
    const url = `https://${host}/share?text=${e(`${TITLE} ${CANONICAL} #humanrights`)}`;
    assert.equal(await link.getAttribute('href'), url);
    const popup = context.waitForEvent('page');
    await link.click();
    assert.equal((await popup).url(), url);
    assert.deepEqual(foreign, [url]);

    // Remembered across a reload, and changeable.
    await page.reload();
    await page.locator('#parley-thread').scrollIntoViewIfNeeded();
    await link.waitFor();
    await page.getByRole('button', { name: `Change server (${host})` }).click();
    assert.equal(await page.getByRole('link', { name: /Share on Misskey/ }).count(), 0);
    assert.equal(await field.inputValue(), host);
    assert.ok(await field.evaluate((el) => el === document.activeElement));
    await page.getByRole('button', { name: 'Share on Mastodon' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('parley:fediverse')), null);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('native share hands title and URL to navigator.share where the browser has it',
  async (t) => {
    const stack = await startStack(t);
    // Without navigator.share (desktop Chromium on Linux) there is no button for it.
    const plain = await openArticle(stack, { 'data-parley-share': 'x,native' });
    const hasShare = await plain.page.evaluate(() => typeof navigator.share === 'function');
    assert.equal(await plain.page.getByRole('button', { name: 'Share…' }).count(), hasShare ? 1 : 0);
    await plain.close();

    const reader = await openReader(browser, 'about:blank');
    await reader.page.addInitScript(() => {
      window.parleyShared = [];
      navigator.share = (data) => {
        window.parleyShared.push(data);
        return Promise.resolve();
      };
      navigator.canShare = () => true;
    });
    await reader.page.goto(stack.pageUrl);
    await reader.page.locator('#parley-thread').scrollIntoViewIfNeeded();
    await reader.page.getByRole('button', { name: 'Share…' }).click();
    assert.deepEqual(await reader.page.evaluate(() => window.parleyShared),
      [{ title: TITLE, text: DESCRIPTION, url: CANONICAL }]);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('print calls window.print', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, 'about:blank');
  await reader.page.addInitScript(() => {
    window.parleyPrinted = 0;
    window.print = () => { window.parleyPrinted += 1; };
  });
  await reader.page.goto(stack.pageUrl);
  await reader.page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await reader.page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await reader.page.evaluate(() => window.parleyPrinted), 1);
  await waitForClicks(stack, { print: 1 });
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the keyboard reaches every button in the owner\'s order', async (t) => {
  const stack = await startStack(t);
  const reader = await openArticle(stack, {
    'data-parley-share': 'bluesky,mastodon,email,copy,print,x',
  });
  const { page } = reader;
  await page.getByRole('link', { name: 'Share on Bluesky (opens in a new window)' }).focus();
  const names = [];
  for (let i = 0; i < 6; i += 1) {
    names.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label')));
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(names, ['Share on Bluesky (opens in a new window)', 'Share on Mastodon',
    'Share by email', 'Copy link', 'Print', 'Share on X (opens in a new window)']);
  // Enter on the Mastodon button opens its prompt, with the keyboard in the field.
  await page.getByRole('button', { name: 'Share on Mastodon' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'parley-field-server');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the demo article requests nothing from anyone but its own origin and parleyd',
  async (t) => {
    const stack = await startStack(t);
    const reader = await openReader(browser, 'about:blank');
    const { page, context } = reader;
    const own = [new URL(stack.pageUrl).origin, new URL(stack.api).origin];
    const requests = [];
    context.on('request', (req) => requests.push(req.url()));
    await page.goto(stack.pageUrl);
    await page.locator('#parley-thread').scrollIntoViewIfNeeded();
    await page.getByRole('heading', { level: 2, name: 'Share this:' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'No Responses yet' }).waitFor();
    // Every button of the demo's bar is there, icons inline.
    assert.ok(await page.locator('.parley-spread-link').count() >= 9);
    assert.ok(await page.locator('.parley-spread-icon path').count() >= 9);
    await page.waitForTimeout(500);
    const elsewhere = requests.filter((url) => !own.includes(new URL(url).origin) &&
      !url.startsWith('data:'));
    assert.deepEqual(elsewhere, [], 'requests to anyone else');
    assert.ok(requests.some((url) => url.startsWith(stack.api)), 'parleyd was asked (sanity)');
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('data-parley-parts="share" embeds only the share bar', async (t) => {
  const stack = await startStack(t);
  const { reader, requests } = await openWithParts(browser, stack, 'share');
  const { page } = reader;
  await page.getByRole('heading', { level: 2, name: 'Share this:' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.parley-comments').count(), 0);
  assert.ok(!requests.includes('/api/comments'), 'no thread is fetched');
  assert.ok(!requests.includes('/api/events'), 'no live stream is opened');
  reader.assertNoConsoleErrors();
  await reader.close();
});
