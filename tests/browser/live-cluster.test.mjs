// Several parleyd behind one site (docs/scaling.md): two processes on one PostgreSQL
// database, each with its own copy of the blog page. A comment posted on the page served
// by one process is announced live on the page whose widget is connected to the other
// (PostgreSQL LISTEN/NOTIFY between them), and joins its thread on request. This file
// starts its own throwaway PostgreSQL cluster, whatever $PARLEY_STORE says.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { startDemoServer } from '../../demo/serve.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { randomDatabaseName, startPostgres } from '../support/postgres.mjs';
import { commentWith, form, launchBrowser, openReader, postComment, showThread } from './harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ASSETS = path.resolve(REPO, process.env.PARLEY_ASSETS ?? 'build/dist');

let browser;
let cluster;
before(async () => {
  cluster = await startPostgres();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await cluster?.destroy();
});

// Two parleyd on one fresh database, and a demo page for each, both origins allowed
// by both (as behind one address, where either instance may answer any reader).
async function startCluster(t) {
  const name = randomDatabaseName('parley_cluster');
  await cluster.createDatabase(name);
  const pgUrl = cluster.urlFor(name);
  const demos = [await startDemoServer({ port: 0 }), await startDemoServer({ port: 0 })];
  t.after(() => Promise.all(demos.map((d) => d.close())));
  const sites = [{ id: 'demo', origins: demos.map((d) => `http://localhost:${d.port}`) }];
  const servers = await Promise.all(demos.map(() => startParleyd({ sites, assets: ASSETS, pgUrl })));
  t.after(() => Promise.all(servers.map((s) => s.stop())));
  demos.forEach((demo, i) => demo.setApi(`http://localhost:${servers[i].port}`));
  return demos.map((demo, i) => ({ pageUrl: `http://localhost:${demo.port}/`, server: servers[i] }));
}

test('a comment posted through one parleyd appears live on a page connected to the other', async (t) => {
  const [first, second] = await startCluster(t);
  const writer = await openReader(browser, first.pageUrl);
  const reader = await openReader(browser, second.pageUrl);
  // The reader's widget streams its live updates from the second parleyd.
  const listening = reader.page.waitForResponse((r) => r.url().includes('/api/events?'));
  await showThread(reader.page);
  const stream = await listening;
  assert.equal(stream.status(), 200);
  assert.equal(new URL(stream.url()).port, String(second.server.port));
  await showThread(writer.page);

  const id = await postComment(writer.page, { text: 'Posted through the first instance.', author: 'Bo' });

  const bar = reader.page.locator('.parley-live-bar');
  await bar.waitFor();
  assert.equal(await bar.textContent(), 'Show 1 new comment');
  assert.equal(await form(reader.page).status.textContent(), '1 new comment.');
  await bar.click();
  const comment = commentWith(reader.page, 'Posted through the first instance.');
  await comment.waitFor();
  assert.equal(await comment.getAttribute('id'), `parley-comment-${id}`);
  assert.equal(await comment.locator('.parley-author').textContent(), 'Bo');

  // And the other way round.
  await bar.waitFor({ state: 'detached' });
  await postComment(reader.page, { text: 'Answered through the second.', author: 'Cy' });
  const writerBar = writer.page.locator('.parley-live-bar');
  await writerBar.waitFor();
  await writerBar.click();
  await commentWith(writer.page, 'Answered through the second.').waitFor();
  assert.equal(await commentWith(writer.page, 'Posted through the first instance.').count(), 1);

  reader.assertNoConsoleErrors();
  writer.assertNoConsoleErrors();
  await reader.close();
  await writer.close();
});
