// The optional Akismet layer over real HTTP (docs/spam.md), against a loopback Akismet
// speaking its documented comment-check API (tests/support/akismet.mjs): ham is shown,
// spam held with the reason "Akismet", blatant spam stored as spam; an unreachable,
// slow or refusing Akismet holds the comment after a short timeout, never a 500. The
// plain form takes the same path.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { OWNER_PASSWORD, createAccount, logIn } from '../support/admin.mjs';
import { AKISMET_KEY, startAkismet } from '../support/akismet.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, PAGE, draft, get, post, postForm, thread } from './client.mjs';

const OWNER = 'owner@example.org';
const TIMEOUT_MS = 3000;
const HELD = { status: 'pending', message: 'Your comment is awaiting moderation.' };

let n = 0;
function unique(overrides = {}) {
  n += 1;
  return draft({ page: `/k/${n}/`, text: `comment ${n}`, email: `r${n}@example.org`,
    author: `Reader ${n}`, ...overrides });
}
const ids = (res) => res.json.comments.map((c) => c.id);

async function serverWith(akismet, key = AKISMET_KEY) {
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-akismet-'));
  const config = path.join(dir, 'parley.json');
  await writeFile(config, JSON.stringify({ spam: { akismet: { key, url: akismet.url, timeout_ms: TIMEOUT_MS } } }));
  const server = await startParleyd({ extraArgs: ['--config', config, '--admin-logins-per-minute', '0'] });
  const made = await createAccount(server, { email: OWNER, password: OWNER_PASSWORD });
  assert.equal(made.code, 0, made.stderr);
  const owner = await logIn(server, OWNER, OWNER_PASSWORD);
  return { server, owner, stop: async () => { await server.stop(); await rm(dir, { recursive: true, force: true }); } };
}

describe('Akismet', () => {
  let akismet;
  let s;
  before(async () => {
    akismet = await startAkismet({ slowMs: TIMEOUT_MS * 3 });
    s = await serverWith(akismet);
  });
  after(async () => {
    await s?.stop();
    await akismet?.close();
  });

  const queue = async (status, page) =>
    (await s.owner.get(`/admin/queue?site=demo&status=${status}&page=${encodeURIComponent(page)}`)).text;

  it('asks comment-check with the documented fields; ham is shown at once', async () => {
    const before = akismet.calls.length;
    const res = await post(s.server, unique({ page: PAGE, text: 'A fine comment' }),
      { headers: { 'User-Agent': 'Mozilla/5.0 test', Referer: `${ORIGIN}${PAGE}` } });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(ids(await thread(s.server, PAGE)), [res.json.id]);
    assert.equal(akismet.calls.length, before + 1);
    const call = akismet.calls.at(-1);
    assert.match(call.contentType, /^application\/x-www-form-urlencoded/);
    assert.deepEqual(call.fields, {
      api_key: AKISMET_KEY, blog: ORIGIN, user_ip: '127.0.0.1', user_agent: 'Mozilla/5.0 test',
      referrer: `${ORIGIN}${PAGE}`, permalink: `${ORIGIN}${PAGE}`, comment_type: 'comment',
      comment_author: `Reader ${n}`, comment_author_email: `r${n}@example.org`,
      comment_author_url: 'https://ana.example', comment_content: 'A fine comment', blog_charset: 'UTF-8',
    });
  });

  it('spam is held with the reason "Akismet", blatant spam stored as spam', async () => {
    const page = '/k/spam/';
    const spam = await post(s.server, unique({ page, author: 'viagra-test-123' }));
    assert.equal(spam.status, 202, spam.text);
    // Answered like any held comment (edit token included, docs/api.md).
    const { edit_token: token, editable_until: until, ...answer } = spam.json;
    assert.deepEqual(answer, { id: spam.json.id, ...HELD });
    assert.ok(token && until);
    const blatant = await post(s.server, unique({ page, text: 'Buy now [discard]' }));
    assert.equal(blatant.status, 202, blatant.text);
    assert.deepEqual(ids(await thread(s.server, page)), []);
    assert.match(await queue('pending', page), /Held: Akismet</);
    assert.match(await queue('spam', page), /Held: Akismet \(blatant spam\)/);
  });

  it('a slow Akismet holds the comment after the timeout; other requests are served meanwhile', async () => {
    const page = '/k/slow/';
    let answered = false;
    const pending = post(s.server, unique({ page, text: 'Patience [slow]' }));
    pending.then(() => { answered = true; });
    // The I/O thread is free while the check waits on a worker: other readers are served.
    while (akismet.calls.at(-1)?.fields.comment_content !== 'Patience [slow]') {
      await new Promise((resolve) => { setTimeout(resolve, 20); });
    }
    const other = await thread(s.server, PAGE);
    assert.equal(other.status, 200);
    assert.equal(answered, false, 'served while the post waited for Akismet');
    const res = await pending;
    assert.equal(res.status, 202, res.text);
    assert.match(await queue('pending', page), /Held: Akismet unreachable/);
  });

  it('the plain form goes through Akismet too', async () => {
    const page = '/k/form/';
    const body = new URLSearchParams({ page, title: 'T', comment: 'Form spam', author: 'viagra-test-123',
      email: 'v@example.org', website: '' }).toString();
    const form = await get(s.server, `/embed/thread?site=demo&page=${encodeURIComponent(page)}`);
    const rendered = /name="rendered" value="([^"]+)"/.exec(form.text)[1];
    const res = await postForm(s.server, `${body}&rendered=${encodeURIComponent(rendered)}`);
    assert.equal(res.status, 202, res.text);
    assert.match(res.text, /awaiting moderation/);
    assert.match(await queue('pending', page), /Held: Akismet</);
  });
});

describe('Akismet unavailable', () => {
  it('refusing the key, or down: the comment is held, never lost, never a 500', async () => {
    const akismet = await startAkismet();
    const servers = [await serverWith(akismet, 'not-the-key'), await serverWith(akismet)];
    try {
      for (const [i, s] of servers.entries()) {
        if (i === 1) await akismet.close();
        const res = await post(s.server, unique({ page: '/k/unavailable/' }));
        assert.equal(res.status, 202, res.text);
        assert.match((await s.owner.get('/admin/queue?site=demo&status=pending')).text,
          /Held: Akismet unreachable/);
      }
      assert.equal(akismet.calls.at(-1).fields.api_key, 'not-the-key', 'the refused key was asked');
    } finally {
      await akismet.close();
      for (const s of servers) await s.stop();
    }
  });
});
