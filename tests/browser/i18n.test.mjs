// The widget speaks the page's language: it follows <html lang>, an owner's
// data-parley-lang wins over it, owners' data-parley-strings override any message,
// and right-to-left languages lay out right to left.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, openReader, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// Opens the demo page as a site in another language would serve it. The widget starts
// only when the thread nears the viewport (tests/browser/loading.test.mjs checks it is
// far below the fold), so setting <html lang> and the embed's attributes before
// scrolling there is what the loader sees on such a page.
async function openAs(stack, { lang, embed = {} }) {
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await page.evaluate(({ lang, embed }) => {
    document.documentElement.lang = lang;
    const script = document.querySelector('script[data-parley-site]');
    for (const [name, value] of Object.entries(embed)) script.setAttribute(name, value);
  }, { lang, embed });
  assert.equal(await page.locator('.parley-comments').count(), 0, 'widget started too early');
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.locator('.parley-respond').waitFor();
  return reader;
}

test('a German page gets a German widget, plural forms and field errors included', async (t) => {
  const stack = await startStack(t);
  const reader = await openAs(stack, { lang: 'de-DE' });
  const { page } = reader;
  const section = page.locator('section.parley-comments');
  assert.equal(await section.getAttribute('lang'), 'de');
  assert.equal(await page.locator('.parley-form-title').textContent(), 'Schreibe einen Kommentar');
  await page.getByRole('heading', { level: 2, name: 'Noch keine Kommentare' }).waitFor();

  // The form is labelled in German, and validation speaks German next to the field.
  await page.getByRole('button', { name: 'Kommentar abschicken' }).click();
  const error = page.locator('[data-parley-key="error-text"]');
  assert.equal(await error.textContent(), 'Bitte gib deinen Kommentar ein.');

  await page.getByRole('textbox', { name: /^Kommentar/ }).fill('Guter Artikel.');
  await page.getByRole('textbox', { name: /^Name/ }).fill('Jana');
  await page.getByRole('textbox', { name: /^E-Mail/ }).fill('jana@example.org');
  await page.getByRole('button', { name: 'Kommentar abschicken' }).click();
  await page.getByRole('status').filter({ hasText: 'Dein Kommentar wurde veröffentlicht.' }).waitFor();
  assert.match(await page.locator('h2.parley-count').textContent(), /^Eine Antwort auf „/);
  assert.equal(await page.locator('.parley-date').first().textContent(), 'gerade eben');
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the owner\'s data-parley-lang wins over <html lang>; strings override messages',
  async (t) => {
    const stack = await startStack(t);
    const strings = JSON.stringify({ 'form.title': 'Sag uns deine Meinung' });
    const reader = await openAs(stack, {
      lang: 'fr',
      embed: { 'data-parley-lang': 'de', 'data-parley-strings': strings },
    });
    const { page } = reader;
    assert.equal(await page.locator('section.parley-comments').getAttribute('lang'), 'de');
    assert.equal(await page.locator('.parley-form-title').textContent(), 'Sag uns deine Meinung');
    // Everything not overridden stays in the chosen language.
    await page.getByRole('button', { name: 'Kommentar abschicken' }).waitFor();
    reader.assertNoConsoleErrors();
    await reader.close();
  });

test('Arabic lays the thread out right to left', async (t) => {
  const stack = await startStack(t);
  const reader = await openAs(stack, { lang: 'ar' });
  const { page } = reader;
  const section = page.locator('section.parley-comments');
  assert.equal(await section.getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('.parley-form-title').textContent(), 'أضف تعليقاً');

  await page.getByRole('textbox', { name: /^التعليق/ }).fill('مقال رائع');
  await page.getByRole('textbox', { name: /^الاسم/ }).fill('ليلى');
  await page.getByRole('textbox', { name: /^البريد الإلكتروني/ }).fill('layla@example.org');
  await page.getByRole('button', { name: 'إرسال التعليق' }).click();
  const comment = page.locator('article.parley-comment').first();
  await comment.waitFor();
  assert.equal(await page.locator('h2.parley-count').textContent().then((s) => s.startsWith('ردّ واحد')), true);

  // Right to left: the avatar starts the line at the right edge, the name follows to
  // its left, and the body is indented from the right (never from the left).
  const avatar = await comment.locator('.parley-avatar').boundingBox();
  const author = await comment.locator('.parley-author').boundingBox();
  const box = await comment.boundingBox();
  assert.ok(avatar.x > author.x, `avatar (${avatar.x}) right of the name (${author.x})`);
  assert.ok(box.x + box.width - (avatar.x + avatar.width) < 40, 'avatar hugs the right edge');
  const body = await comment.locator('.parley-body').evaluate((el) => {
    const s = getComputedStyle(el);
    return { left: s.marginLeft, right: s.marginRight, direction: s.direction };
  });
  assert.equal(body.direction, 'rtl');
  assert.equal(body.left, '0px');
  assert.notEqual(body.right, '0px');
  reader.assertNoConsoleErrors();
  await reader.close();
});
