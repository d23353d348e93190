// Hostile input stays text, the page works under a strict Content-Security-Policy,
// and a page on an origin parleyd does not allow gets no comments.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  commentWith, form, launchBrowser, openReader, postComment, seedComment, showThread, startStack,
} from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '',
  '<img src=x onerror=alert(2)>',
  '',
  '[x](javascript:alert(3)) and <a href="javascript:alert(4)">y</a>',
].join('\n');
const HOSTILE_NAME = '<img src=x onerror=alert(5)>';

// Calls to alert/confirm/prompt are recorded before any page script runs, in addition
// to the dialog listener, so a blocked or swallowed dialog is still seen.
function hookDialogs(page) {
  return page.addInitScript(() => {
    window.parleyTestDialogs = [];
    for (const name of ['alert', 'confirm', 'prompt']) {
      window[name] = (msg) => { window.parleyTestDialogs.push(`${name}: ${msg}`); };
    }
  });
}

// Nothing inside the comments section may be active content.
async function activeContent(page) {
  return page.locator('.parley-comments').evaluate((root) => ({
    scripts: root.querySelectorAll('script').length,
    images: root.querySelectorAll('img').length,
    jsLinks: [...root.querySelectorAll('[href]')]
      .filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    handlers: [...root.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
  }));
}

const NONE = { scripts: 0, images: 0, jsLinks: 0, handlers: 0 };

test('script, image and javascript: link markup is shown as text and never runs', async (t) => {
  const stack = await startStack(t);
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await hookDialogs(page);
  await page.reload();
  await showThread(page);

  // The preview renders it with the same code: still text.
  await form(page).text.fill(HOSTILE_TEXT);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('.parley-preview').getByText('<script>alert(1)</script>').waitFor();
  assert.deepEqual(await activeContent(page), NONE);

  const id = await postComment(page, { text: HOSTILE_TEXT, author: HOSTILE_NAME });
  const check = async (p) => {
    const comment = p.locator(`#parley-comment-${id}`);
    const body = comment.locator('.parley-body');
    assert.match(await body.textContent(), /<script>alert\(1\)<\/script>/);
    assert.match(await body.textContent(), /<img src=x onerror=alert\(2\)>/);
    assert.equal(await comment.locator('.parley-author').textContent(), HOSTILE_NAME);
    assert.deepEqual(await activeContent(p), NONE);
    // Give a stray onerror handler time to fire before looking for dialogs.
    await p.waitForTimeout(300);
    assert.deepEqual(await p.evaluate(() => window.parleyTestDialogs), []);
  };
  await check(page);

  // After a reload the server's stored rendering is shown: it must be just as inert.
  await page.reload();
  await showThread(page);
  await check(page);
  assert.deepEqual(reader.dialogs, []);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the widget works under a strict Content-Security-Policy', async (t) => {
  const stack = await startStack(t, { csp: true });
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  const csp = (await page.request.get(stack.pageUrl)).headers()['content-security-policy'];
  assert.equal(csp, `script-src 'self' ${stack.api} 'wasm-unsafe-eval'`);
  await page.evaluate(() => {
    window.parleyTestViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.parleyTestViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await showThread(page);
  await postComment(page, { text: 'Posted under a strict *CSP*.' });
  assert.equal(await commentWith(page, 'Posted under a strict').locator('em').textContent(), 'CSP');
  assert.deepEqual(await page.evaluate(() => window.parleyTestViolations), []);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('the widget works under Trusted Types, with only its own two policies', async (t) => {
  const stack = await startStack(t, { csp: 'trusted-types', extraArgs: ['--pow-bits', '8'] });
  const reader = await openReader(browser, 'about:blank');
  t.after(() => reader.close());
  const { page } = reader;
  // From the start, so a violation by the loader counts too. The page's own fetches are
  // recorded: the proof-of-work wasm fetched here would mean the worker failed.
  await page.addInitScript(() => {
    const fetched = (window.parleyTestFetched = []);
    const fetch = window.fetch;
    window.fetch = (input, init) => (fetched.push(String(input)), fetch(input, init));
    window.parleyTestViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.parleyTestViolations.push(`${e.violatedDirective} ${e.sample}`);
    });
  });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(stack.pageUrl);
  const csp = (await page.request.get(stack.pageUrl)).headers()['content-security-policy'];
  assert.match(csp, /; worker-src blob:; require-trusted-types-for 'script'; trusted-types parley parley-widget$/);
  await showThread(page);
  // The preview and the posted comment are core's HTML, put in through the policy; the
  // proof of work is solved in the worker, whose Blob URL goes through it too.
  await form(page).text.fill('A **preview**');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('.parley-preview strong', { hasText: 'preview' }).waitFor();
  await page.getByRole('button', { name: 'Write' }).click();
  await postComment(page, { text: 'Posted under *Trusted Types*.' });
  assert.equal(await commentWith(page, 'Posted under').locator('em').textContent(), 'Trusted Types');
  assert.ok(workers.some((u) => u.startsWith('blob:')), `workers: ${workers.join()}`);
  const fetched = await page.evaluate(() => window.parleyTestFetched);
  assert.ok(fetched.some((u) => u.includes('/api/comments')), fetched.join());
  assert.ok(!fetched.some((u) => /parley-pow[^/]*\.wasm/.test(u)), `solved on the page, not in the worker: ${fetched}`);
  // Again: the loader's early rendering shows it (no JSON fetch of the thread), and the
  // widget takes it over.
  const gets = [];
  page.on('request', (req) => req.method() === 'GET' && gets.push(new URL(req.url()).pathname));
  await page.reload();
  await showThread(page);
  assert.equal(await commentWith(page, 'Posted under').locator('em').textContent(), 'Trusted Types');
  assert.equal(gets.filter((p) => p === '/embed/thread').length, 1);
  assert.equal(gets.filter((p) => p === '/api/comments').length, 0);
  assert.deepEqual(await page.evaluate(() => window.parleyTestViolations), []);
  // Neither policy is within reach of the page's other scripts.
  assert.equal(await page.evaluate(() => Object.values(window.Parley).some((v) => v instanceof TrustedTypePolicy)),
    false);
  reader.assertNoConsoleErrors();
});

test('a page on an origin parleyd does not allow shows no comments and says why', async (t) => {
  const stack = await startStack(t);
  const writer = await openReader(browser, stack.pageUrl);
  await showThread(writer.page);
  await postComment(writer.page, { text: 'Only for the allowed origin.' });
  await writer.close();

  // The browser itself refuses the response (no Access-Control-Allow-Origin), and
  // says so in the console: those are the only errors expected.
  const reader = await openReader(browser, stack.foreignUrl, {
    expectedErrors: [/CORS policy/, /net::ERR_FAILED/],
  });
  const { page } = reader;
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.getByText(/Could not reach the comment server/).waitFor();
  assert.equal(await page.getByText('Only for the allowed origin.').count(), 0);
  assert.equal(await page.locator('article.parley-comment').count(), 0);
  reader.assertNoConsoleErrors();
  await reader.close();
});

test('a page whose policy forbids WebAssembly still shows its comments, and says the form could not load', async (t) => {
  const stack = await startStack(t, { csp: 'no-wasm' });
  await seedComment(stack, { text: 'Readable *without* the widget.' });
  // Chromium refuses the loader's compile of the wasm; Parley says why it stopped, and
  // tries no more (the glue's own fetch and fallback would download it twice more).
  const reader = await openReader(browser, 'about:blank', {
    expectedErrors: [/^Parley: CompileError: .*Content Security Policy/],
  });
  t.after(() => reader.close());
  const { page } = reader;
  const wasm = [];
  page.on('request', (req) => /parley-widget[^/]*\.wasm$/.test(req.url()) && wasm.push(req.url()));
  const csp = (await page.request.get(stack.pageUrl)).headers()['content-security-policy'];
  assert.equal(csp, `script-src 'self' ${stack.api}`);
  await page.goto(stack.pageUrl);
  await page.locator('#parley-thread').scrollIntoViewIfNeeded();
  await page.getByText('Parley: the comment form could not be loaded.').waitFor();
  // parleyd's early rendering stays, readable and in place, above the message.
  assert.equal(await commentWith(page, 'Readable').locator('em').textContent(), 'without');
  assert.equal(await page.locator('#parley-thread > .parley-comments ~ .parley-load-error').count(), 1);
  assert.equal(await page.locator('form.parley-form').count(), 0);
  assert.equal(wasm.length, 1, wasm.join());
  reader.assertNoConsoleErrors();
});
