// "Notify me of new posts by email" over real HTTP and a real SMTP receiver
// (smtp-server on loopback): a reader subscribes with a comment, confirms (double
// opt-in), the owner announces posts with `parleyd notify announce` and with the
// /admin button, each page once; the mail links the post and unsubscribes in one
// click (RFC 8058). Runs on SQLite and, with PARLEY_STORE=postgres, on PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { OWNER_PASSWORD, createAccount, logIn } from '../support/admin.mjs';
import { mailLink, pressButton } from '../support/mail_links.mjs';
import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { startSmtp } from '../support/smtp.mjs';
import { ORIGIN, draft, get, post, postForm } from './client.mjs';

const run = promisify(execFile);
const OWNER = 'owner@blog.example';
const MODERATOR = 'mod@blog.example';
const ADA = 'ada@example.org';
const BOB = 'bob@example.org';

let dir;
let smtp;
let server;
let cliConfig;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-posts-'));
  smtp = await startSmtp();
  const notify = { smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none',
    from: 'comments@blog.example', from_name: 'Blog comments' }, owner_email: OWNER };
  const serverConfig = path.join(dir, 'server.json');
  await writeFile(serverConfig, JSON.stringify({ notify }));
  server = await startParleyd({ sites: [{ id: 'demo', origins: [ORIGIN] }],
    extraArgs: ['--config', serverConfig, '--admin-logins-per-minute', '0'] });
  // The operator's config for the command: the same mail server, and the server's
  // address for the links in mail.
  cliConfig = path.join(dir, 'cli.json');
  await writeFile(cliConfig, JSON.stringify({ notify, public_url: server.url }));
});

after(async () => {
  await server?.stop();
  await smtp?.stop();
  await rm(dir, { recursive: true, force: true });
});

function storeFlags() {
  return server.pgUrl ? ['--store', 'postgres', '--pg', server.pgUrl] : ['--db', server.dbPath];
}

// `parleyd notify announce` as the owner runs it; resolves to {code, stdout, stderr}.
async function announce(page, title) {
  try {
    const { stdout, stderr } = await run(PARLEYD_PATH, ['notify', 'announce', '--config', cliConfig,
      '--site', 'demo', '--origin', ORIGIN, '--page', page, '--title', title, ...storeFlags()]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let n = 0;
function comment(overrides = {}) {
  n += 1;
  return draft({ page: `/c/${n}/`, title: `Post ${n}`, text: `comment ${n}`,
    email: `reader${n}@example.org`, author: `Reader ${n}`, ...overrides });
}

// Posts a comment and waits for the owner's mail about it: the outbox delivers in
// order, so every mail queued before it has been delivered too.
async function barrier() {
  const d = comment();
  assert.equal((await post(server, d)).status, 201);
  await smtp.next((m) => m.to === OWNER && m.subject.includes(`"${d.title}"`), 'owner mail');
}

const mailsTo = (to) => smtp.received.filter((m) => m.to === to);

describe('new posts by email', () => {
  it('asking for new posts by email needs an email address', async () => {
    const res = await post(server, comment({ email: '', notify_posts: true }));
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json.field, 'email');
    const bad = await post(server, comment({ notify_posts: 'yes' }));
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.field, 'notify_posts');
  });

  it('subscribe, confirm, announce by command, refuse a second announce, unsubscribe in one click', async () => {
    assert.equal((await post(server, comment({ email: ADA, author: 'Ada', notify_posts: true }))).status, 201);
    // Bob asks too but never confirms.
    assert.equal((await post(server, comment({ email: BOB, author: 'Bob', notify_posts: true }))).status, 201);
    const confirmMail = await smtp.next((m) => m.to === ADA, 'confirmation mail');
    assert.equal(confirmMail.subject, 'Confirm new posts by email on demo');
    assert.match(confirmMail.text, /when demo has a new post/);
    const confirmLink = mailLink(confirmMail, '/notify/confirm');
    const confirmPage = await get(server, confirmLink.pathname + confirmLink.search);
    assert.equal(confirmPage.status, 200);
    assert.match(confirmPage.text, /Get an email when this site has a new post/);
    const confirmed = await pressButton(server.url, confirmPage.text);
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.match(confirmed.text, /You will get an email when this site has a new post/);

    // Ticking the box again neither asks again nor doubles the mails.
    assert.equal((await post(server, comment({ email: ADA, author: 'Ada', notify_posts: true }))).status, 201);

    const first = await announce('/2026/11/hello/', 'Hello, "world"');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /announced \/2026\/11\/hello\/ to 1 subscribers/);
    const mail = await smtp.next((m) => m.to === ADA && m.subject.startsWith('New post'), 'announcement');
    assert.equal(mail.subject, 'New post on demo: "Hello, "world""');
    assert.match(mail.text, /^http:\/\/localhost:8081\/2026\/11\/hello\/$/m);
    const unsubscribe = mail.raw.match(/^List-Unsubscribe: <([^>]+)>\r$/m)?.[1];
    assert.ok(unsubscribe?.startsWith(`${server.url}/notify/unsubscribe?token=`), mail.raw);
    assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);

    const again = await announce('/2026/11/hello/', 'Hello again');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /was announced before; nothing was sent/);

    await barrier();
    // Ada: the confirmation and one announcement; Bob, unconfirmed: the confirmation only.
    assert.deepEqual(mailsTo(ADA).map((m) => m.subject),
      ['Confirm new posts by email on demo', 'New post on demo: "Hello, "world""']);
    assert.deepEqual(mailsTo(BOB).map((m) => m.subject), ['Confirm new posts by email on demo']);

    // RFC 8058: the mail client POSTs this body to the header's URL.
    const res = await fetch(unsubscribe, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /no more emails about new posts/);

    const later = await announce('/2026/11/later/', 'Later');
    assert.equal(later.code, 0, later.stderr);
    assert.match(later.stdout, /to 0 subscribers/);
    await barrier();
    assert.equal(mailsTo(ADA).length, 2);
  });

  it('the plain form subscribes with notify_posts=yes', async () => {
    const dan = 'dan@example.org';
    const body = new URLSearchParams({ page: '/plain/', title: 'Plain', comment: 'From the plain form',
      author: 'Dan', email: dan, website: '', notify_posts: 'yes' }).toString();
    const res = await postForm(server, body);
    assert.equal(res.status, 303, res.text);
    const mail = await smtp.next((m) => m.to === dan, 'confirmation mail');
    assert.equal(mail.subject, 'Confirm new posts by email on demo');
  });

  it('the command refuses bad input with a usage error', async () => {
    const noTitle = await announce('/x/', '');
    assert.equal(noTitle.code, 2);
    assert.match(noTitle.stderr, /--title is required/);
    const badPage = await announce('', 'X');
    assert.equal(badPage.code, 2);
    assert.match(badPage.stderr, /--page/);
    const help = await run(PARLEYD_PATH, ['--help']);
    assert.match(help.stdout, /notify announce --site ID --page PAGE --title TITLE/);
  });

  it('the /admin button announces a thread once, for owners only', async () => {
    const carol = 'carol@example.org';
    assert.equal((await post(server, comment({ email: carol, author: 'Carol', notify_posts: true }))).status, 201);
    const confirmMail = await smtp.next((m) => m.to === carol, 'confirmation mail');
    const confirmLink = mailLink(confirmMail, '/notify/confirm');
    const confirmed = await pressButton(server.url, (await get(server, confirmLink.pathname + confirmLink.search)).text);
    assert.equal(confirmed.status, 200, confirmed.text);

    const posted = await post(server, comment({ page: '/2026/12/admin/', title: 'From the admin' }));
    assert.equal(posted.status, 201, posted.text);
    const id = posted.json.id;
    assert.equal((await createAccount(server, { email: OWNER, password: OWNER_PASSWORD })).code, 0);
    assert.equal((await createAccount(server, { email: MODERATOR, password: OWNER_PASSWORD,
      role: 'moderator', sites: ['demo'] })).code, 0);

    const owner = await logIn(server, OWNER, OWNER_PASSWORD);
    const queue = await owner.get('/admin/queue?site=demo&status=approved');
    assert.equal(queue.status, 200);
    assert.ok(queue.text.includes(`value="announce:${id}"`), 'the owner sees the button');
    assert.match(queue.text, />Announce to subscribers</);

    const moderator = await logIn(server, MODERATOR, OWNER_PASSWORD);
    const modQueue = await moderator.get('/admin/queue?site=demo&status=approved');
    assert.ok(!modQueue.text.includes('announce:'), 'moderators have no button');
    const refused = await moderator.post('/admin/queue', { site: 'demo', status: 'approved', one: `announce:${id}` });
    assert.equal(refused.status, 403);

    const done = await owner.post('/admin/queue', { site: 'demo', status: 'approved', one: `announce:${id}` });
    assert.equal(done.status, 303, done.text);
    const shown = await owner.get(done.headers.get('location'));
    assert.match(shown.text, /Announced the page to 1 subscriber\./);
    const mail = await smtp.next((m) => m.to === carol && m.subject.startsWith('New post'), 'announcement');
    assert.equal(mail.subject, 'New post on demo: "From the admin"');
    assert.match(mail.text, /^http:\/\/localhost:8081\/2026\/12\/admin\/$/m);

    const twice = await owner.post('/admin/queue', { site: 'demo', status: 'approved', one: `announce:${id}` });
    assert.equal(twice.status, 303);
    assert.match((await owner.get(twice.headers.get('location'))).text, /announced before: nothing was sent again/);
    // The command knows the page was announced too.
    const cli = await announce('/2026/12/admin/', 'From the admin');
    assert.equal(cli.code, 1);
    await barrier();
    assert.equal(mailsTo(carol).length, 2);
  });
});
