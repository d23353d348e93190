// The proof of work as a reader meets it (docs/spam.md): never. The widget fetches a
// challenge at the first keystroke, a Web Worker (started from a Blob URL) solves it
// with parley-pow.wasm, and the post carries a proof parleyd accepts; a page whose CSP
// forbids blob: workers still posts, solved on the main thread in slices.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import { form, launchBrowser, openReader, postComment, showThread, startStack } from './harness.mjs';

const BITS = 14;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

function zeroBits(text) {
  let bits = 0;
  for (const byte of createHash('sha256').update(text).digest()) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

// Records the challenges parleyd issued to the page and the proofs its posts carried.
function watchProofs(page) {
  const issued = [];
  const proofs = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname !== '/api/challenge') return;
    // A challenge fetched just before the page reloads or closes has no body to read
    // any more; it is not one an assertion waits for (they look at `issued` when the
    // post they check was made), so it is left out rather than failing the file later.
    res.json().then((c) => issued.push(c), () => {});
  });
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/comments') {
      proofs.push(JSON.parse(req.postData()).proof);
    }
  });
  return { issued, proofs };
}

// Each proof answers a challenge parleyd issued, with at least the bits it asked for.
function assertSolved({ issued, proofs }, expectedBits) {
  assert.deepEqual(issued.map((c) => c.bits).slice(0, expectedBits.length), expectedBits);
  assert.equal(proofs.length, expectedBits.length);
  proofs.forEach((proof, i) => {
    assert.equal(proof.challenge, issued[i].challenge);
    assert.ok(zeroBits(`${proof.challenge}:${proof.nonce}`) >= expectedBits[i],
      `proof ${i} has too few zero bits`);
  });
}

// The demo page with the thread shown, recording the workers it starts and its proofs.
async function openWatched(t, stack, opts) {
  const reader = await openReader(browser, stack.pageUrl, opts);
  t.after(() => reader.close());
  const workers = [];
  reader.page.on('worker', (w) => workers.push(w.url()));
  const seen = watchProofs(reader.page);
  await showThread(reader.page);
  return { reader, page: reader.page, workers, seen };
}

test('a reader posts twice without noticing; a worker solves, harder the second time', async (t) => {
  const stack = await startStack(t, { extraArgs: ['--pow-bits', String(BITS)] });
  const { reader, page, workers, seen } = await openWatched(t, stack);
  const first = await postComment(page, { text: 'Solved in a worker.' });
  const second = await postComment(page, { text: 'And once more, one bit harder.' });
  assert.ok(second > first);
  assertSolved(seen, [BITS, BITS + 1]);
  assert.ok(workers.length >= 2 && workers.every((u) => u.startsWith('blob:')), workers.join());
  // What readers see: both comments, in order, after a reload too.
  await page.reload();
  await showThread(page);
  const texts = await page.locator('.parley-body').allTextContents();
  assert.deepEqual(texts.map((s) => s.trim()), ['Solved in a worker.', 'And once more, one bit harder.']);
  reader.assertNoConsoleErrors();
});

test('a page whose CSP forbids blob: workers still posts: solved on the main thread', async (t) => {
  const stack = await startStack(t, { csp: true, extraArgs: ['--pow-bits', String(BITS)] });
  // Chromium reports the refused worker on the console; that is the page's CSP at work.
  const { reader, page, workers, seen } = await openWatched(t, stack,
    { expectedErrors: [/Content Security Policy|worker/i] });
  await postComment(page, { text: 'Posted under a strict CSP.' });
  assertSolved(seen, [BITS]);
  assert.deepEqual(workers, []);
  reader.assertNoConsoleErrors();
});

test('a reader who sends at once is asked to wait a moment, and the next press posts', async (t) => {
  // The widget's minimum time runs from the challenge, fetched at the first keystroke.
  const stack = await startStack(t, { extraArgs: ['--pow-bits', '8', '--min-form-seconds', '2'] });
  // Chromium logs the refused POST on the console: that is the refusal under test.
  const { reader, page, seen } = await openWatched(t, stack, { expectedErrors: [/status of 400/] });
  const f = form(page);
  await f.text.fill('Typed and sent in one breath.');
  await f.author.fill('Ana');
  await f.email.fill('ana@example.org');
  const refused = page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  assert.equal((await refused).status(), 400);
  await page.getByText('You sent this comment very quickly. Please wait a few seconds and send it again.')
    .waitFor();
  assert.equal(await page.locator('.parley-body').count(), 0);
  assert.equal(await f.text.inputValue(), 'Typed and sent in one breath.');  // nothing lost
  await page.waitForTimeout(2100);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await f.submit.click();
  assert.equal((await posted).status(), 201);
  await page.locator('.parley-body', { hasText: 'Typed and sent in one breath.' }).waitFor();
  // The first challenge's proof, sent twice: the refusal did not spend it.
  assert.equal(seen.proofs.length, 2);
  assert.equal(seen.proofs[0].challenge, seen.issued[0].challenge);
  assert.deepEqual(seen.proofs[1], seen.proofs[0]);
  reader.assertNoConsoleErrors();
});
