// The guest's way to their own data (docs/privacy.md) over real HTTP and a real SMTP
// receiver: /privacy mails a signed link to the address typed, the link's page lists
// the comments posted with it, downloads them as JSON and deletes them. The form
// answers the same for an address without comments and is rate limited. Runs on SQLite
// and, with PARLEY_STORE=postgres, on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { startSmtp } from '../support/smtp.mjs';
import { ORIGIN, draft, get, post, thread } from './client.mjs';

const GUEST = 'guest@example.org';
const CHECK_MAIL = 'a link to them is on its way';

async function ask(server, fields) {
  const res = await fetch(`${server.url}/privacy`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function dataLink(mail) {
  const found = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === '/privacy/data');
  assert.ok(found, `no /privacy/data link in:\n${mail.text}`);
  return new URL(found);
}

const unescape = (s) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"');

describe('the /privacy page', () => {
  let dir;
  let smtp;
  let server;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-privacy-page-'));
    smtp = await startSmtp();
    const config = path.join(dir, 'notify.json');
    await writeFile(config, JSON.stringify({ notify: { smtp: { host: '127.0.0.1',
      port: smtp.port, tls: 'none', from: 'comments@blog.example' } } }));
    server = await startParleyd({ sites: [{ id: 'demo', origins: [ORIGIN] }],
      extraArgs: ['--config', config] });
  });
  after(async () => {
    await server?.stop();
    await smtp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the form under a strict CSP; an unknown site is a 404 page', async () => {
    const res = await get(server, '/privacy?site=demo');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy'), /default-src 'none'; img-src data:; form-action 'self'; frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.text, /<form method="post" action="\/privacy">/);
    assert.match(res.text, /<input type="email" id="parley-privacy-email" name="email" required="required"/);
    assert.equal((await get(server, '/privacy?site=nope')).status, 404);
    assert.equal((await get(server, '/privacy')).status, 404);
  });

  it('an empty or malformed address is refused next to the field', async () => {
    const empty = await ask(server, { site: 'demo', email: '' });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /aria-invalid="true" aria-describedby="parley-privacy-email-error"/);
    assert.match(empty.text, /<p id="parley-privacy-email-error" class="parley-privacy-error">Please enter your email address\.<\/p>/);
    const bad = await ask(server, { site: 'demo', email: 'not an <address>' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Please enter a valid email address\./);
    assert.match(bad.text, /value="not an &lt;address&gt;"/, 'what was typed comes back, escaped');
    const wrongType = await fetch(`${server.url}/privacy`, { method: 'POST',
      headers: { 'Content-Type': 'text/plain' }, body: 'site=demo' });
    assert.equal(wrongType.status, 415);
  });

  it('mails a link only to an address with comments, with the same answer either way', async () => {
    const one = await post(server, draft({ page: '/pp/a/', text: 'First by the guest', email: GUEST,
      notify_replies: true }));
    const two = await post(server, draft({ page: '/pp/b/', text: 'Second <by> the guest', email: 'Guest@Example.org' }));
    await post(server, draft({ page: '/pp/a/', text: 'Not theirs', email: 'other@example.org' }));
    assert.equal(one.status, 201);
    assert.equal(two.status, 201);

    const nobody = await ask(server, { site: 'demo', email: 'nobody@example.org' });
    const guest = await ask(server, { site: 'demo', email: 'GUEST@example.org' });
    assert.equal(nobody.status, 200);
    assert.equal(guest.status, 200);
    assert.match(guest.text, new RegExp(CHECK_MAIL));
    assert.equal(nobody.text, guest.text, 'the answer says nothing about the address');

    const mail = await smtp.next((m) => m.to === GUEST && m.subject === 'Your comments on demo',
      'the data link mail');
    // The outbox sends in order: a mail to nobody@ would have come first.
    assert.ok(!smtp.received.some((m) => m.to === 'nobody@example.org'));
    const link = dataLink(mail);
    assert.equal(link.searchParams.get('email'), GUEST);

    const page = await get(server, `${link.pathname}${link.search}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy'), /default-src 'none'/);
    assert.match(page.text, /Comments posted with guest@example\.org on demo: 2\. Subscriptions to replies by email: 1\./);
    assert.match(page.text, /First by the guest/);
    assert.match(page.text, /Second &lt;by&gt; the guest/);
    assert.doesNotMatch(page.text, /Not theirs/);

    const download = unescape(/<a href="([^"]+)" download/.exec(page.text)[1]);
    const json = await get(server, download);
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-disposition'), /^attachment; filename="parley-comments\.json"$/);
    assert.deepEqual(json.json.comments.map((c) => [c.id, c.page, c.text]),
      [[one.json.id, '/pp/a/', 'First by the guest'], [two.json.id, '/pp/b/', 'Second <by> the guest']]);
    assert.deepEqual(json.json.subscriptions.map((x) => [x.page, x.comment, x.confirmed]),
      [['/pp/a/', one.json.id, false]]);

    // A link whose address or signature was changed shows nothing.
    const forged = new URL(link);
    forged.searchParams.set('email', 'other@example.org');
    assert.equal((await get(server, `${forged.pathname}${forged.search}`)).status, 403);
    const badSig = new URL(link);
    badSig.searchParams.set('sig', '0'.repeat(64));
    assert.equal((await get(server, `${badSig.pathname}${badSig.search}`)).status, 403);
    assert.equal((await get(server, `/privacy/data.json${badSig.search}`)).status, 403);

    const fields = new URLSearchParams();
    for (const m of page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
      fields.append(m[1], unescape(m[2]));
    }
    const gone = await fetch(`${server.url}/privacy/delete`, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
    assert.equal(gone.status, 200);
    assert.match(await gone.text(), /2 comments were deleted\. .* Subscriptions to replies ended: 1\./);
    assert.deepEqual((await thread(server, '/pp/b/')).json.comments, []);
    const left = (await thread(server, '/pp/a/')).json.comments;
    assert.equal(left.length, 1);
    assert.match(left[0].html, /Not theirs/);
    const after = await get(server, `${link.pathname}${link.search}`);
    assert.match(after.text, /on demo: 0\. Subscriptions to replies by email: 0\./);
    assert.doesNotMatch(after.text, /Delete all my comments/);
  });

  it('limits link requests per client address', async () => {
    let limited;
    for (let i = 0; i < 6 && !limited; ++i) {
      const res = await ask(server, { site: 'demo', email: `limit${i}@example.org` });
      if (res.status === 429) limited = res;
      else assert.equal(res.status, 200);
    }
    assert.ok(limited, 'no 429 within 6 requests');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.match(limited.text, /Too many requests\. Please try again in a minute\./);
  });
});

describe('the /privacy page without mail', () => {
  let server;
  before(async () => { server = await startParleyd(); });
  after(() => server?.stop());

  it('says the owner must be asked instead, and the form is refused', async () => {
    const res = await get(server, '/privacy?site=demo');
    assert.equal(res.status, 200);
    assert.match(res.text, /This server sends no email/);
    assert.doesNotMatch(res.text, /<form/);
    assert.equal((await ask(server, { site: 'demo', email: GUEST })).status, 503);
  });
});
