// The counts script on an index page: three "Comments" links filled with worded counts
// from one request, in the page's language, by the real parleyd in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { draft, post } from '../server/client.mjs';
import { launchBrowser, openReader, startStack } from './harness.mjs';

describe('counts script', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  it('fills every comments link of an index page with one request', async (t) => {
    const stack = await startStack(t);
    const origin = new URL(stack.pageUrl).origin;
    const server = { url: stack.api };
    for (const [page, n] of [['/', 2], ['/2010/02/recruitment-fees/', 1]]) {
      for (let i = 0; i < n; ++i) {
        const res = await post(server, draft({ page, text: `comment ${i}` }), { origin });
        assert.equal(res.status, 201, res.text);
      }
    }

    const reader = await openReader(browser, new URL('/archive.html', stack.pageUrl).href);
    const countRequests = [];
    reader.page.on('request', (req) => {
      if (req.url().includes('/api/counts')) countRequests.push(req.url());
    });
    const links = reader.page.locator('.post-meta a');
    await reader.page.waitForFunction(
      () => [...document.querySelectorAll('.post-meta a')].every((a) => a.textContent !== 'Comments'));
    assert.deepEqual(await links.allTextContents(), ['2 Comments', '0 Comments', 'One Comment']);
    // The script had already asked before the listener above; reload to count requests.
    await reader.page.reload();
    await reader.page.waitForFunction(
      () => document.querySelector('.post-meta a').textContent === '2 Comments');
    assert.equal(countRequests.length, 1, countRequests.join('\n'));
    assert.ok(countRequests[0].includes('lang=en'));
    reader.assertNoConsoleErrors();
    await reader.close();
  });

  it('words the counts in the page language with its plural rules', async (t) => {
    const stack = await startStack(t);
    const origin = new URL(stack.pageUrl).origin;
    const server = { url: stack.api };
    for (let i = 0; i < 3; ++i) {
      assert.equal((await post(server, draft({ page: '/', text: `c${i}` }), { origin })).status, 201);
    }
    const reader = await openReader(browser, new URL('/archive.html', stack.pageUrl).href);
    await reader.page.evaluate(() => {
      // The same page in Russian: a second copy of the script, with lang set.
      document.querySelectorAll('.post-meta a').forEach((a) => { a.textContent = 'Comments'; });
      document.documentElement.lang = 'ru';
      const s = document.createElement('script');
      s.src = document.querySelector('script[data-parley-site]').src;
      s.dataset.parleySite = 'demo';
      document.body.append(s);
    });
    await reader.page.waitForFunction(
      () => document.querySelector('.post-meta a').textContent !== 'Comments');
    assert.deepEqual(await reader.page.locator('.post-meta a').allTextContents(),
      ['3 комментария', '0 комментариев', '0 комментариев']);
    reader.assertNoConsoleErrors();
    await reader.close();
  });
});
