// Likes in Chromium: the page's Like button ("Be the first to like this." -> "1 blogger
// likes this", avatars), unliking, the count reaching another reader's open page live,
// hearts on comments, the keyboard, and the messages when a like is refused or the
// server is out of reach (the click is rolled back, nothing else changes).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, openReader, openWithParts, seedComment, showThread, startStack } from './harness.mjs';
import { completeLogin, openLoginPopup, openLoginReader, TEST_USER, USING }
  from './login_stack.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const likeButton = (page) => page.getByRole('button', { name: 'Like', exact: true });
const likesText = (page) => page.locator('.parley-likes-text');
const avatars = (page) => page.locator('.parley-likers .parley-liker');
const pageMessage = (page) => page.locator('[data-parley-key="like-message-0"]');
const heart = (page, author) =>
  page.getByRole('button', { name: `Like this comment by ${author}`, exact: true });
// A heart's count is beside it (a button's visible text must be in its name).
const heartCount = (page, author) =>
  page.locator('.parley-comment-actions', { has: heart(page, author) }).locator('.parley-like-count');

// Resolves when the page's event stream has answered with its head.
const streamOpened = (page) => page.waitForResponse((r) => r.url().includes('/api/events?'))
  .then((r) => assert.equal(r.status(), 200));

// Opens the demo page, scrolls to the widget, waits for the likes sentence.
async function openLikes(stack, opts) {
  const reader = await openReader(browser, stack.pageUrl, opts);
  const listening = streamOpened(reader.page);
  await showThread(reader.page);
  await likesText(reader.page).filter({ hasText: /./ }).waitFor();
  await listening;
  return reader;
}

async function expectText(locator, text) {
  await locator.filter({ hasText: text }).waitFor();
  assert.equal((await locator.textContent()).trim(), text);
}

async function expectPressed(locator, pressed) {
  await locator.and(locator.page().locator(`[aria-pressed="${pressed}"]`)).waitFor();
}

test('like and unlike the page; another reader sees the count change live', async (t) => {
  const stack = await startStack(t);
  const ana = await openLikes(stack);
  const bo = await openLikes(stack);

  assert.equal(await likesText(ana.page).textContent(), 'Be the first to like this.');
  assert.equal(await avatars(ana.page).count(), 0);
  assert.equal(await likeButton(ana.page).getAttribute('aria-pressed'), 'false');
  // Nothing is kept in the browser before the first like.
  assert.equal(await ana.page.evaluate(() => localStorage.getItem('parley:like-token')), null);

  await likeButton(ana.page).click();
  await expectPressed(likeButton(ana.page), true);
  await expectText(likesText(ana.page), '1 blogger likes this');
  await avatars(ana.page).first().locator('svg').waitFor();
  const token = await ana.page.evaluate(() => JSON.parse(localStorage.getItem('parley:like-token')));
  assert.match(token, /^[0-9a-f]{32}$/);

  // Bo's open page follows without a reload; his own button stays unpressed.
  await expectText(likesText(bo.page), '1 blogger likes this');
  assert.equal(await avatars(bo.page).count(), 1);
  assert.equal(await likeButton(bo.page).getAttribute('aria-pressed'), 'false');

  await likeButton(bo.page).click();
  await expectText(likesText(bo.page), '2 bloggers like this');
  await expectText(likesText(ana.page), '2 bloggers like this');
  await avatars(ana.page).nth(1).waitFor();
  assert.equal(await avatars(ana.page).count(), 2);
  assert.equal(await likeButton(ana.page).getAttribute('aria-pressed'), 'true');

  // Ana unlikes: her button, her text and Bo's page all say so.
  await likeButton(ana.page).click();
  await expectPressed(likeButton(ana.page), false);
  await expectText(likesText(ana.page), '1 blogger likes this');
  await expectText(likesText(bo.page), '1 blogger likes this');
  assert.equal(await avatars(bo.page).count(), 1);

  // A reload remembers who likes what: the token stayed in the browser.
  await bo.page.reload();
  await showThread(bo.page);
  await expectText(likesText(bo.page), '1 blogger likes this');
  await expectPressed(likeButton(bo.page), true);

  ana.assertNoConsoleErrors();
  bo.assertNoConsoleErrors();
  await ana.close();
  await bo.close();
});

test('comment hearts by keyboard: Space and Enter, focus kept, counts live', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { author: 'Alice', text: 'A thoughtful comment.' });
  await seedComment(stack, { author: 'Bob', text: 'Another one.' });
  const ana = await openLikes(stack);
  const bo = await openLikes(stack);
  const aliceHeart = heart(ana.page, 'Alice');
  assert.equal(await aliceHeart.getAttribute('aria-pressed'), 'false');
  assert.equal((await heartCount(ana.page, 'Alice').textContent()).trim(), '');

  await aliceHeart.focus();
  await ana.page.keyboard.press('Space');
  await expectPressed(aliceHeart, true);
  await expectText(heartCount(ana.page, 'Alice'), '1');
  // The button was patched, not replaced: the keyboard is still on it.
  assert.equal(await aliceHeart.evaluate((el) => el === document.activeElement), true);
  await expectText(heartCount(bo.page, 'Alice'), '1');
  assert.equal(await heart(bo.page, 'Alice').getAttribute('aria-pressed'), 'false');
  assert.equal((await heartCount(ana.page, 'Bob').textContent()).trim(), '');

  await ana.page.keyboard.press('Enter');
  await expectPressed(aliceHeart, false);
  // An empty count takes no space: attached, not visible.
  await heartCount(bo.page, 'Alice').filter({ hasNotText: '1' }).waitFor({ state: 'attached' });
  assert.equal((await heartCount(ana.page, 'Alice').textContent()).trim(), '');

  // The page's Like button by keyboard too.
  await likeButton(ana.page).focus();
  await ana.page.keyboard.press('Enter');
  await expectText(likesText(ana.page), '1 blogger likes this');
  // The page's likes are not a comment's.
  assert.equal((await heartCount(ana.page, 'Bob').textContent()).trim(), '');

  ana.assertNoConsoleErrors();
  bo.assertNoConsoleErrors();
  await ana.close();
  await bo.close();
});

test('a click while the last one is on its way counts: parleyd ends as the reader left it',
  async (t) => {
    const stack = await startStack(t);
    const reader = await openLikes(stack);
    const { page } = reader;
    // The like reaches parleyd only once the reader has clicked again.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route((url) => url.pathname === '/api/likes', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    const sent = (method) => page.waitForResponse((r) =>
      new URL(r.url()).pathname === '/api/likes' && r.request().method() === method);
    const liked = sent('POST');
    const unliked = sent('DELETE');
    await likeButton(page).click();
    await expectText(likesText(page), '1 blogger likes this');
    await likeButton(page).click();
    await expectPressed(likeButton(page), false);
    await expectText(likesText(page), 'Be the first to like this.');
    release();
    assert.equal((await liked).status(), 200);
    assert.equal((await unliked).status(), 200);
    await expectPressed(likeButton(page), false);
    assert.equal(await likesText(page).textContent(), 'Be the first to like this.');
    // What parleyd holds: a reader who comes now sees no like either.
    const later = await openLikes(stack);
    assert.equal(await likesText(later.page).textContent(), 'Be the first to like this.');
    reader.assertNoConsoleErrors();
    later.assertNoConsoleErrors();
    await reader.close();
    await later.close();
  });

test('a site that requires login to like says so next to the button', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--likes-require-login'] });
  await seedComment(stack, { author: 'Alice', text: 'Members only.' });
  // The refused request is logged by Chromium as a failed resource (401).
  const reader = await openLikes(stack, { expectedErrors: [/status of 401/] });
  const { page } = reader;

  await likeButton(page).click();
  await expectText(pageMessage(page), 'Sign in to like posts and comments on this site.');
  await expectPressed(likeButton(page), false);
  assert.equal(await likesText(page).textContent(), 'Be the first to like this.');

  await heart(page, 'Alice').click();
  const message = page.locator('.parley-comment .parley-like-message');
  await expectText(message, 'Sign in to like posts and comments on this site.');
  await expectPressed(heart(page, 'Alice'), false);
  assert.equal((await heartCount(page, 'Alice').textContent()).trim(), '');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('liking too quickly is refused with a message, and the click rolled back', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--likes-per-minute', '2'] });
  const reader = await openLikes(stack, { expectedErrors: [/status of 429/] });
  const { page } = reader;
  // A click while the same button's last one is on its way is sent after its answer, and
  // only if the reader's wish differs by then: each click here waits for parleyd's answer,
  // so that each is a request of its own for the limit to count.
  const answered = (method) => page.waitForResponse((r) =>
    new URL(r.url()).pathname === '/api/likes' && r.request().method() === method);
  let answer = answered('POST');
  await likeButton(page).click();
  await expectText(likesText(page), '1 blogger likes this');
  assert.ok((await answer).ok());
  answer = answered('DELETE');
  await likeButton(page).click();
  await expectText(likesText(page), 'Be the first to like this.');
  assert.ok((await answer).ok());
  await expectPressed(likeButton(page), false);

  answer = answered('POST');
  await likeButton(page).click();
  assert.equal((await answer).status(), 429);
  await expectText(pageMessage(page), 'You are liking too quickly. Please wait a moment.');
  await expectPressed(likeButton(page), false);
  assert.equal(await likesText(page).textContent(), 'Be the first to like this.');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('offline: the like is rolled back with a message, and works once back online', async (t) => {
  const stack = await startStack(t);
  const reader = await openLikes(stack, { expectedErrors: [/net::ERR_/] });
  const { page } = reader;
  // The server is out of reach for likes (as when the network drops).
  const cut = (route) => route.abort('internetdisconnected');
  await page.route(`${stack.api}/api/likes?site=demo`, cut);
  await likeButton(page).click();
  await expectText(pageMessage(page),
    'Could not reach the server, so your like was not saved. Try again.');
  await expectPressed(likeButton(page), false);
  assert.equal(await likesText(page).textContent(), 'Be the first to like this.');

  await page.unroute(`${stack.api}/api/likes?site=demo`, cut);
  await likeButton(page).click();
  await expectText(likesText(page), '1 blogger likes this');
  await expectPressed(likeButton(page), true);
  assert.equal(await pageMessage(page).textContent(), '');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('signed in: one like per account from any browser, shown with the provider avatar',
  async (t) => {
    const { stack, reader, page } = await openLoginReader(browser, t);
    await completeLogin(await openLoginPopup(page));
    await page.getByText(USING).waitFor();

    await likeButton(page).click();
    await expectText(likesText(page), '1 blogger likes this');
    const picture = avatars(page).locator('img.parley-liker-avatar');
    await picture.waitFor();
    assert.equal(await picture.getAttribute('src'), stack.idp.picture);
    assert.equal(await picture.getAttribute('title'), TEST_USER.name);
    // The provider's picture really shows (the loopback provider serves it).
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await picture.elementHandle());
    // The account likes, not this browser: no like token was kept.
    assert.equal(await page.evaluate(() => localStorage.getItem('parley:like-token')), null);

    // The same account in another browser: its like is there, pressed, and still one.
    const other = await openReader(browser, stack.pageUrl);
    await showThread(other.page);
    await expectText(likesText(other.page), '1 blogger likes this');
    await expectPressed(likeButton(other.page), false); // a guest until logged in
    await completeLogin(await openLoginPopup(other.page));
    await other.page.getByText(USING).waitFor();
    await expectPressed(likeButton(other.page), true);
    await likeButton(other.page).click(); // unlike, as the account
    await expectText(likesText(other.page), 'Be the first to like this.');
    await expectText(likesText(page), 'Be the first to like this.'); // live on the first page

    // Logged out, the first browser is a guest again: its likes are its own.
    await page.getByRole('button', { name: 'Log Out' }).click();
    await expectPressed(likeButton(page), false);
    await likeButton(page).click();
    await expectText(likesText(page), '1 blogger likes this');
    await avatars(page).first().locator('svg').waitFor(); // a guest: a generated avatar
    assert.match(await page.evaluate(() => JSON.parse(localStorage.getItem('parley:like-token'))),
      /^[0-9a-f]{32}$/);
    reader.assertNoConsoleErrors();
    other.assertNoConsoleErrors();
    await reader.close();
    await other.close();
  });

test('data-parley-parts="likes" embeds only the Like block, and it works alone', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { author: 'Alice', text: 'Not shown on a likes-only page.' });
  const { reader, requests } = await openWithParts(browser, stack, 'likes');
  const { page } = reader;
  await expectText(likesText(page), 'Be the first to like this.');
  await likeButton(page).click();
  await expectText(likesText(page), '1 blogger likes this');
  await expectPressed(likeButton(page), true);
  assert.equal(await page.locator('.parley-comments').count(), 0);
  assert.equal(await page.locator('.parley-spread').count(), 0);
  assert.equal(await page.locator('.parley-comment-like').count(), 0);
  assert.ok(!requests.includes('/api/comments'), 'no thread is fetched');
  assert.ok(!requests.includes('/api/events'), 'no live stream is opened');
  assert.ok(!requests.includes('/api/login'), 'no login offer is fetched');
  // The block is styled on its own: the widget's look, not the browser's defaults.
  assert.equal(await likeButton(page).evaluate((el) => getComputedStyle(el).cursor), 'pointer');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('data-parley-parts="likes" likes as the reader\'s stored login, not as a guest',
  async (t) => {
    const { stack, reader, page } = await openLoginReader(browser, t);
    await completeLogin(await openLoginPopup(page));
    await page.getByText(USING).waitFor();
    const requests = [];
    reader.context.on('request', (req) => requests.push(new URL(req.url()).pathname));
    // Opens the page embedding only the likes; resolves once they were asked again as
    // the account (the stored session confirmed), before which a click is a guest's.
    const openLikesOnly = async () => {
      const asAccount = page.waitForResponse(async (r) => r.url().includes('/api/likes?') &&
        'authorization' in await r.request().allHeaders());
      await page.goto(stack.pageUrl);
      await page.evaluate(() => {
        document.querySelector('script[data-parley-site]').setAttribute('data-parley-parts', 'likes');
      });
      await page.locator('#parley-thread').scrollIntoViewIfNeeded();
      await asAccount;
    };
    await openLikesOnly();
    await expectText(likesText(page), 'Be the first to like this.');
    assert.ok(requests.includes('/api/session'), 'the stored login is checked');
    assert.ok(!requests.includes('/api/login'), 'no login offer is fetched');
    await likeButton(page).click();
    await expectText(likesText(page), '1 blogger likes this');
    const picture = avatars(page).locator('img.parley-liker-avatar');
    assert.equal(await picture.getAttribute('src'), stack.idp.picture);
    assert.equal(await picture.getAttribute('title'), TEST_USER.name);
    assert.equal(await page.evaluate(() => localStorage.getItem('parley:like-token')), null);

    // Back on the likes-only page later: still the account's like, with no like token.
    await openLikesOnly();
    await expectPressed(likeButton(page), true);
    await expectText(likesText(page), '1 blogger likes this');
    // The full page shows the same account's like.
    await page.goto(stack.pageUrl);
    await showThread(page);
    await page.getByText(USING).waitFor();
    await expectPressed(likeButton(page), true);
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('everything embedded: share bar, Like block, then the comments with their hearts',
  async (t) => {
    const stack = await startStack(t);
    await seedComment(stack, { author: 'Alice', text: 'A comment with a heart.' });
    const reader = await openLikes(stack);
    const { page } = reader;
    const order = await page.locator('#parley-thread > *').evaluateAll((els) =>
      els.map((el) => el.className.split(' ')[0]));
    // The parts in page order, then the quiet "Your data" at the foot.
    assert.deepEqual(order, ['parley-spread', 'parley-likes', 'parley-comments', 'parley-data-foot']);
    await likeButton(page).click();
    await heart(page, 'Alice').click();
    await expectText(likesText(page), '1 blogger likes this');
    await expectText(heartCount(page, 'Alice'), '1');
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Share this:' }).count(), 1);
    reader.assertNoConsoleErrors();
    await reader.close();
  });
