// Notifications over real HTTP and a real SMTP receiver on loopback (smtp-server):
// the owner's mail about new and held comments with working approve/delete links,
// reply subscriptions end to end (double opt-in, reply mail, RFC 8058 one-click
// unsubscribe), delivery after the mail server was down at first, and signed webhooks.
// Runs on SQLite and, with PARLEY_STORE=postgres, on PostgreSQL.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { mailLink, pressButton } from '../support/mail_links.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { freePort, startSmtp } from '../support/smtp.mjs';
import { ORIGIN, draft, get, post, postForm, thread } from './client.mjs';

const OWNER = 'owner@blog.example';
const FROM = 'comments@blog.example';
const SECRET = 'webhook secret for the tests, 32+';
const SITES = [{ id: 'demo', origins: [ORIGIN] }, { id: 'held', origins: [ORIGIN] }];

let configDir;
before(async () => { configDir = await mkdtemp(path.join(tmpdir(), 'parley-notify-')); });
after(() => rm(configDir, { recursive: true, force: true }));

let configs = 0;
async function startWithNotify(notify) {
  configs += 1;
  const file = path.join(configDir, `config-${configs}.json`);
  await writeFile(file, JSON.stringify({ notify }));
  return startParleyd({ sites: SITES,
    extraArgs: ['--config', file, '--site', 'held', '--origin', ORIGIN, '--moderation', 'all'] });
}

function smtpConfig(port) {
  return { host: '127.0.0.1', port, tls: 'none', from: FROM, from_name: 'Blog comments' };
}

// An SMTP receiver and a parleyd that mails the owner through it.
async function startMailStack() {
  const smtp = await startSmtp();
  return { smtp, server: await startWithNotify({ smtp: smtpConfig(smtp.port), owner_email: OWNER }) };
}

let n = 0;
function unique(overrides = {}) {
  n += 1;
  return draft({ page: `/n/${n}/`, title: `Post ${n}`, text: `comment ${n}`,
    email: `reader${n}@example.org`, author: `Reader ${n}`, ...overrides });
}

describe('owner mail', () => {
  let smtp;
  let server;
  before(async () => ({ smtp, server } = await startMailStack()));
  after(async () => { await server?.stop(); await smtp?.stop(); });

  it('a held comment: mail with the reason and approve/delete links; the approve link asks, then approves', async () => {
    const d = unique({ text: 'Please *approve* me' });
    const posted = await post(server, d, { site: 'held' });
    assert.equal(posted.status, 202, posted.text);
    const mail = await smtp.next((m) => m.to === OWNER, 'owner mail');
    assert.equal(mail.from, FROM);
    assert.equal(mail.subject, `Comment held for moderation on "${d.title}"`);
    assert.match(mail.raw, /^From: "Blog comments" <comments@blog\.example>\r$/m);
    assert.match(mail.raw, /^Message-ID: <[A-Za-z0-9_-]+@blog\.example>\r$/m);
    assert.match(mail.text, /Reader \d+ wrote a comment that is held for moderation on http:\/\/localhost:8081\/n\/\d+\//);
    assert.match(mail.text, /> Please \*approve\* me/);
    assert.match(mail.text, /Why it was held: moderation: all/);

    const approve = mailLink(mail, '/notify/moderate');
    assert.equal(approve.searchParams.get('action'), 'approve');
    assert.equal(approve.searchParams.get('id'), String(posted.json.id));
    // A mail scanner following the link changes nothing.
    const confirm = await get(server, approve.pathname + approve.search);
    assert.equal(confirm.status, 200, confirm.text);
    assert.match(confirm.text, /<h1>Approve this comment\?<\/h1>/);
    assert.equal((await thread(server, d.page, 'held')).json.comments.length, 0);

    const done = await pressButton(server.url, confirm.text);
    assert.equal(done.status, 200, done.text);
    assert.match(done.text, /The comment is now shown to readers\./);
    const shown = await thread(server, d.page, 'held');
    assert.deepEqual(shown.json.comments.map((c) => c.id), [posted.json.id]);
  });

  it('a new comment: mail with a delete link only, which deletes after the button', async () => {
    const d = unique();
    const posted = await post(server, d);
    assert.equal(posted.status, 201, posted.text);
    const mail = await smtp.next((m) => m.to === OWNER, 'owner mail');
    assert.equal(mail.subject, `New comment on "${d.title}"`);
    assert.doesNotMatch(mail.text, /Approve:/);
    const del = mailLink(mail, '/notify/moderate');
    assert.equal(del.searchParams.get('action'), 'delete');
    const confirm = await get(server, del.pathname + del.search);
    assert.match(confirm.text, /<h1>Delete this comment\?<\/h1>/);
    assert.equal((await thread(server, d.page)).json.comments.length, 1);
    const done = await pressButton(server.url, confirm.text);
    assert.equal(done.status, 200, done.text);
    assert.equal((await thread(server, d.page)).json.comments.length, 0);
  });

  it('a link with a changed action, id or signature is refused', async () => {
    const d = unique();
    const posted = await post(server, d);
    const mail = await smtp.next((m) => m.to === OWNER && m.subject.includes(d.title), 'owner mail');
    const del = mailLink(mail, '/notify/moderate');
    for (const [name, value] of [['action', 'approve'], ['id', String(posted.json.id + 1)],
      ['sig', '0'.repeat(64)], ['expires', '99999999999']]) {
      const forged = new URL(del);
      forged.searchParams.set(name, value);
      const page = await get(server, forged.pathname + forged.search);
      assert.equal(page.status, 403, `${name}: ${page.text}`);
      const res = await fetch(`${server.url}/notify/moderate`, { method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: forged.searchParams.toString() });
      assert.equal(res.status, 403, name);
    }
    assert.equal((await thread(server, d.page)).json.comments.length, 1);
  });
});

describe('reply subscriptions', () => {
  let smtp;
  let server;
  before(async () => ({ smtp, server } = await startMailStack()));
  after(async () => { await server?.stop(); await smtp?.stop(); });

  // The owner's mail about a comment: a barrier, since the outbox delivers in order.
  const ownerMailAbout = (d) =>
    smtp.next((m) => m.to === OWNER && m.subject.includes(`"${d.title}"`), `owner mail about ${d.title}`);

  it('asking for replies by email needs an email address', async () => {
    const res = await post(server, unique({ email: '', notify_replies: true }));
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json.field, 'email');
    const bad = await post(server, unique({ notify_replies: 'yes' }));
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.field, 'notify_replies');
  });

  it('double opt-in, a reply mail with one-click unsubscribe, then no more mail', async () => {
    const page = `/subs/${n}/`;
    const mine = unique({ page, title: 'Subscribed post', notify_replies: true,
      email: 'ada@example.org', author: 'Ada' });
    const posted = await post(server, mine);
    assert.equal(posted.status, 201, posted.text);
    const confirmMail = await smtp.next((m) => m.to === 'ada@example.org', 'confirmation mail');
    assert.equal(confirmMail.subject, 'Confirm replies by email on "Subscribed post"');
    assert.doesNotMatch(confirmMail.raw, /^List-Unsubscribe:/m);

    // A reply before confirming mails nobody but the owner.
    const early = { ...unique({ page, title: 'Subscribed post' }), parent: posted.json.id };
    assert.equal((await post(server, early)).status, 201);
    await ownerMailAbout(early);

    const confirmLink = mailLink(confirmMail, '/notify/confirm');
    const confirmPage = await get(server, confirmLink.pathname + confirmLink.search);
    assert.equal(confirmPage.status, 200);
    assert.match(confirmPage.text, /<button type="submit">Confirm<\/button>/);
    const confirmed = await pressButton(server.url, confirmPage.text);
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.match(confirmed.text, /Subscription confirmed/);

    const reply = { ...unique({ page, title: 'Subscribed post', author: 'Bob', text: 'I *agree*' }),
      parent: posted.json.id };
    assert.equal((await post(server, reply)).status, 201);
    const replyMail = await smtp.next((m) => m.to === 'ada@example.org', 'reply mail');
    assert.equal(replyMail.subject, 'New reply to your comment on "Subscribed post"');
    assert.match(replyMail.text, /Bob replied to your comment on http:\/\/localhost:8081\/subs\//);
    assert.match(replyMail.text, /> I \*agree\*/);
    const unsubscribe = replyMail.raw.match(/^List-Unsubscribe: <([^>]+)>\r$/m)?.[1];
    assert.ok(unsubscribe, replyMail.raw);
    assert.match(replyMail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    assert.ok(unsubscribe.startsWith(`${server.url}/notify/unsubscribe?token=`), unsubscribe);
    // Only the confirmation and this reply reached Ada: not the early reply.
    assert.equal(smtp.received.filter((m) => m.to === 'ada@example.org').length, 2);

    // RFC 8058: the mail client POSTs the body below to the header's URL.
    const res = await fetch(unsubscribe, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /no more emails about replies/);

    const late = { ...unique({ page, title: 'Subscribed post' }), parent: posted.json.id };
    assert.equal((await post(server, late)).status, 201);
    await ownerMailAbout(late);
    assert.equal(smtp.received.filter((m) => m.to === 'ada@example.org').length, 2);
  });

  it('an address confirmed before on the site is not asked again; its own replies are not mailed to it', async () => {
    const page = `/subs2/${n}/`;
    const first = unique({ page, notify_replies: true, email: 'cy@example.org' });
    const a = await post(server, first);
    const confirmMail = await smtp.next((m) => m.to === 'cy@example.org', 'confirmation mail');
    const confirmLink = mailLink(confirmMail, '/notify/confirm');
    const confirmPage = await get(server, confirmLink.pathname + confirmLink.search);
    assert.equal((await pressButton(server.url, confirmPage.text)).status, 200);

    const second = unique({ page, title: first.title, notify_replies: true, email: 'cy@example.org' });
    const b = await post(server, second);
    assert.equal(b.status, 201);
    const own = { ...unique({ page, title: first.title, email: 'cy@example.org' }), parent: b.json.id };
    assert.equal((await post(server, own)).status, 201);
    const other = { ...unique({ page, title: first.title, author: 'Dee' }), parent: b.json.id };
    assert.equal((await post(server, other)).status, 201);
    const mail = await smtp.next((m) => m.to === 'cy@example.org', 'reply mail');
    assert.match(mail.text, /Dee replied/);
    await ownerMailAbout(other);
    // One confirmation and one reply mail: no second confirmation, nothing about Cy's own reply.
    assert.deepEqual(smtp.received.filter((m) => m.to === 'cy@example.org').map((m) => m.subject),
      [`Confirm replies by email on "${first.title}"`, `New reply to your comment on "${first.title}"`]);
    assert.ok(a.json.id < b.json.id);
  });

  it('a reply held for moderation reaches the subscribers once the owner approves it', async () => {
    const page = `/subs-held/${n}/`;
    const mine = unique({ page, title: 'Moderated post', notify_replies: true,
      email: 'hana@example.org', author: 'Hana' });
    const posted = await post(server, mine, { site: 'held' });
    assert.equal(posted.status, 202, posted.text);
    const confirmMail = await smtp.next((m) => m.to === 'hana@example.org', 'confirmation mail');
    const confirmLink = mailLink(confirmMail, '/notify/confirm');
    assert.equal((await pressButton(server.url, (await get(server, confirmLink.pathname + confirmLink.search)).text)).status, 200);
    const approveOwn = mailLink(await ownerMailAbout(mine), '/notify/moderate');
    assert.equal((await pressButton(server.url, (await get(server, approveOwn.pathname + approveOwn.search)).text)).status, 200);

    const reply = { ...unique({ page, title: 'Moderated post', author: 'Ivo', text: 'Held *reply*' }),
      parent: posted.json.id };
    const held = await post(server, reply, { site: 'held' });
    assert.equal(held.status, 202, held.text);
    const ownerMail = await smtp.next((m) => m.to === OWNER && m.text.includes('Held *reply*'), 'owner mail about the reply');
    assert.equal(smtp.received.filter((m) => m.to === 'hana@example.org').length, 1, 'not before approval');

    const approve = mailLink(ownerMail, '/notify/moderate');
    assert.equal(approve.searchParams.get('action'), 'approve');
    const done = await pressButton(server.url, (await get(server, approve.pathname + approve.search)).text);
    assert.equal(done.status, 200, done.text);
    const replyMail = await smtp.next((m) => m.to === 'hana@example.org' && /New reply/.test(m.subject), 'reply mail');
    assert.equal(replyMail.subject, 'New reply to your comment on "Moderated post"');
    assert.match(replyMail.text, /Ivo replied to your comment/);
    assert.match(replyMail.text, /> Held \*reply\*/);
    assert.match(replyMail.raw, /^List-Unsubscribe: <[^>]+>\r$/m);
  });

  it('links of an unknown token say so, and unsubscribing twice is fine', async () => {
    const page = await get(server, '/notify/confirm?token=nope');
    assert.equal(page.status, 404);
    const res = await fetch(`${server.url}/notify/unsubscribe?token=nope`, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click' });
    assert.equal(res.status, 200);
  });
});

describe('the forms offer "Notify me of follow-up comments by email" only where parleyd mails', () => {
  let smtp;
  let server;
  before(async () => ({ smtp, server } = await startMailStack()));
  after(async () => { await server?.stop(); await smtp?.stop(); });

  const CHECKBOX = /<input class="parley-checkbox" id="parley-field-notify_replies" name="notify_replies" type="checkbox" value="yes"/;

  it('the thread says so to the widget, the no-JS page shows the box', async () => {
    assert.equal((await thread(server, '/offered/')).json.notify, true);
    const page = await get(server, '/embed/thread?site=demo&page=/offered/');
    assert.match(page.text, CHECKBOX);
    assert.match(page.text, /Notify me of follow-up comments by email\./);
    assert.match(page.text, /<input class="parley-checkbox" id="parley-field-notify_posts" name="notify_posts" type="checkbox" value="yes"/);
    assert.match(page.text, /Notify me of new posts by email\./);
    assert.doesNotMatch(page.text, /data-parley-key="notify" hidden/);
    assert.equal(JSON.parse(/class="parley-data">(.*?)<\/script>/s.exec(page.text)[1]).notify, true);
  });

  it('a ticked box in the plain form subscribes: the confirmation mail arrives', async () => {
    const body = new URLSearchParams({ page: '/plain-subs/', title: 'Plain post', comment: 'Tell me more',
      author: 'Noa', email: 'noa@example.org', website: '', notify_replies: 'yes' });
    const res = await postForm(server, body.toString());
    assert.equal(res.status, 303, res.text);
    const mail = await smtp.next((m) => m.to === 'noa@example.org', 'confirmation mail');
    assert.equal(mail.subject, 'Confirm replies by email on "Plain post"');
  });

  it('ticked without an email: the form comes back with the message by the email field, box still ticked', async () => {
    const body = new URLSearchParams({ page: '/plain-subs2/', title: 'Plain post', comment: 'Hi',
      author: 'Noa', email: '', website: '', notify_replies: 'yes', notify_posts: 'yes' });
    const res = await postForm(server, body.toString());
    assert.equal(res.status, 400);
    assert.match(res.text, /id="parley-error-email"[^>]*>Please enter your email address\.</);
    assert.match(res.text, /aria-describedby="parley-error-notify_replies" checked="">/);
    assert.match(res.text, /aria-describedby="parley-error-notify_posts" checked="">/);
  });

  it('a parleyd without mail (webhooks only, or nothing) offers no box', async () => {
    const hooksOnly = await startWithNotify({ webhooks: ['http://127.0.0.1:9/hook'], webhook_secret: SECRET });
    const plain = await startParleyd();
    try {
      for (const s of [hooksOnly, plain]) {
        assert.equal((await thread(s, '/offered/')).json.notify, undefined);
        const page = await get(s, '/embed/thread?site=demo&page=/offered/');
        assert.equal(page.status, 200);
        assert.doesNotMatch(page.text, /notify_replies/);
      }
    } finally {
      await hooksOnly.stop();
      await plain.stop();
    }
  });
});

describe('outbox', () => {
  it('the mail server is down at first: the post succeeds at once and the mail arrives after a retry', async () => {
    const port = await freePort();
    const server = await startWithNotify({ smtp: smtpConfig(port), owner_email: OWNER,
      retry_seconds: 1 });
    let smtp;
    try {
      const d = unique();
      // Nothing listens on the mail port: the comment is stored and shown all the same.
      const posted = await post(server, d);
      assert.equal(posted.status, 201, posted.text);
      assert.equal((await thread(server, d.page)).json.comments.length, 1);
      await new Promise((r) => setTimeout(r, 1500));
      smtp = await startSmtp({ port });
      const mail = await smtp.next((m) => m.to === OWNER, 'owner mail after retry');
      assert.equal(mail.subject, `New comment on "${d.title}"`);
      const log = await server.logged(/notify: mail \d+ failed \(try 1\)/);
      assert.doesNotMatch(log, /owner@blog\.example/);
    } finally {
      await server.stop();
      await smtp?.stop();
    }
  });
});

describe('webhooks', () => {
  it('a new comment is POSTed as signed JSON', async () => {
    const received = [];
    let arrived;
    const got = new Promise((resolve) => { arrived = resolve; });
    const hook = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
        arrived();
      });
    });
    await new Promise((r) => hook.listen(0, '127.0.0.1', r));
    const server = await startWithNotify({
      webhooks: [`http://127.0.0.1:${hook.address().port}/hook`], webhook_secret: SECRET });
    try {
      const d = unique({ text: 'Hook *me*' });
      const posted = await post(server, d);
      assert.equal(posted.status, 201);
      await got;
      const [call] = received;
      assert.equal(call.headers['content-type'], 'application/json');
      const expected = `sha256=${createHmac('sha256', SECRET).update(call.body).digest('hex')}`;
      assert.equal(call.headers['x-parley-signature'], expected);
      const event = JSON.parse(call.body);
      assert.equal(event.event, 'comment.created');
      assert.equal(event.site, 'demo');
      assert.deepEqual(event.thread, { page: d.page, title: d.title, url: `${ORIGIN}${d.page}` });
      assert.equal(event.comment.id, posted.json.id);
      assert.equal(event.comment.text, 'Hook *me*');
      assert.equal(event.comment.status, 'approved');
      assert.equal(event.comment.email, undefined);
    } finally {
      await server.stop();
      await new Promise((r) => hook.close(r));
    }
  });
});
