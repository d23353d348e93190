// A guest gets and deletes their own comments in Chromium (docs/privacy.md): the
// /privacy form, the mail (a real SMTP receiver), the link's page, "Download as JSON"
// and "Delete all my comments", with no CSP violation, no console error and no axe
// (WCAG A/AA) violation on the way.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { startSmtp } from '../support/smtp.mjs';
import { ORIGIN, draft, post, thread } from '../server/client.mjs';
import { launchBrowser } from './harness.mjs';
import { openOwnPage } from './own_pages.mjs';

const GUEST = 'guest@example.org';

let browser;
let dir;
let smtp;
let server;
before(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'parley-privacy-browser-'));
  smtp = await startSmtp();
  const config = path.join(dir, 'notify.json');
  await writeFile(config, JSON.stringify({ notify: { smtp: { host: '127.0.0.1', port: smtp.port,
    tls: 'none', from: 'comments@blog.example' } } }));
  server = await startParleyd({ sites: [{ id: 'demo', origins: [ORIGIN] }],
    extraArgs: ['--config', config] });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('form, mail, link: the guest downloads their comments, then deletes them', async () => {
  for (const [page, text] of [['/b/one/', 'My first comment'], ['/b/two/', 'My second comment']]) {
    assert.equal((await post(server, draft({ page, text, email: GUEST }))).status, 201);
  }
  const own = await openOwnPage(browser, { acceptDownloads: true });
  const { page } = own;
  try {
    await page.goto(`${server.url}/privacy?site=demo`);
    await own.assertAccessible('the request form');
    await page.getByLabel('Email').fill(GUEST);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('heading', { name: 'Check your mail' }).waitFor();
    await own.assertClean('the request form');

    const mail = await smtp.next((m) => m.to === GUEST && m.subject === 'Your comments on demo',
      'the data link mail');
    const link = mail.text.match(/https?:\/\/\S+/g).find((u) => new URL(u).pathname === '/privacy/data');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Your comments on demo' }).waitFor();
    assert.equal(await page.getByText('My first comment').count(), 1);
    assert.equal(await page.getByText('My second comment').count(), 1);
    await own.assertAccessible('the data page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as JSON' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'parley-comments.json');
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(data.comments.map((c) => [c.page, c.text]),
      [['/b/one/', 'My first comment'], ['/b/two/', 'My second comment']]);

    await page.getByRole('button', { name: 'Delete all my comments' }).click();
    await page.getByRole('heading', { name: 'Comments deleted' }).waitFor();
    assert.match(await page.locator('main').innerText(), /2 comments were deleted\./);
    await own.assertClean('the data pages');
  } finally {
    await own.close();
  }
  assert.deepEqual((await thread(server, '/b/one/')).json.comments, []);
  assert.deepEqual((await thread(server, '/b/two/')).json.comments, []);
});
