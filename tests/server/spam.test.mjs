// The spam layers over real HTTP (docs/spam.md), on SQLite or PostgreSQL as
// $PARLEY_STORE says: the plain form's honeypot and render time, duplicates, the
// per-author limit, links and blocked words; and why each held comment was held, as the
// owner reads it in /admin.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { OWNER_PASSWORD, createAccount, logIn } from '../support/admin.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, get, post, postForm, thread } from './client.mjs';

const OWNER = 'owner@example.org';
const MIN_SECONDS = 3;
const HELD = 'Your comment is awaiting moderation.';

let n = 0;
// A draft on its own page and by its own author, so tests do not see each other.
function unique(overrides = {}) {
  n += 1;
  return draft({ page: `/s/${n}/`, text: `comment ${n}`, email: `r${n}@example.org`,
    author: `Reader ${n}`, ...overrides });
}

const ids = (res) => res.json.comments.map((c) => c.id);
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// The plain form's fields as the embed page renders them, filled in like a reader would.
async function renderedForm(server, page) {
  const res = await get(server, `/embed/thread?site=demo&page=${encodeURIComponent(page)}`);
  assert.equal(res.status, 200);
  const hidden = {};
  for (const m of res.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    hidden[m[1]] = m[2].replaceAll('&amp;', '&');
  }
  n += 1;
  return { html: res.text, fields: { ...hidden, comment: 'A thoughtful reply', author: 'Ana',
    email: `ana${n}@example.org`, website: '' } };
}

const formBody = (fields) => new URLSearchParams(fields).toString();

describe('spam control', () => {
  let server;
  let owner;
  let dir;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-spam-'));
    const config = path.join(dir, 'parley.json');
    await writeFile(config, JSON.stringify({ spam: { blocked_words: ['casino', 'cheap pills'],
      max_links: 2 } }));
    server = await startParleyd({ extraArgs: ['--config', config, '--admin-logins-per-minute', '0',
      '--min-form-seconds', String(MIN_SECONDS), '--duplicate-hours', '24',
      '--identity-posts-per-minute', '2'] });
    const made = await createAccount(server, { email: OWNER, password: OWNER_PASSWORD });
    assert.equal(made.code, 0, made.stderr);
    owner = await logIn(server, OWNER, OWNER_PASSWORD);
  });
  after(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function queueOf(status, page) {
    const res = await owner.get(`/admin/queue?site=demo&status=${status}&page=${encodeURIComponent(page)}`);
    assert.equal(res.status, 200);
    return res.text;
  }

  it('the plain form has a honeypot field no reader sees or reaches, and a signed render time', async () => {
    const { html, fields } = await renderedForm(server, '/s/render/');
    assert.match(html, /<p class="parley-hp" aria-hidden="true"><label for="parley-field-fax">Leave this field empty<\/label><input id="parley-field-fax" name="fax" data-parley-field="fax" type="text" tabindex="-1" autocomplete="off"><\/p>/);
    assert.match(fields.rendered, /^\d+\.[0-9a-f]{64}$/);
  });

  it('a reader who takes their time posts the plain form as before', async () => {
    const page = '/s/patient/';
    const { fields } = await renderedForm(server, page);
    await sleep(MIN_SECONDS * 1000 + 100);
    const res = await postForm(server, formBody(fields));
    assert.equal(res.status, 303, res.text);
    assert.equal(ids(await thread(server, page)).length, 1);
  });

  it('a form sent right after it was rendered is refused with a message, the text kept', async () => {
    const page = '/s/fast/';
    const { fields } = await renderedForm(server, page);
    const res = await postForm(server, formBody(fields));
    assert.equal(res.status, 400);
    assert.match(res.text, /You sent this form very quickly\. Please wait a few seconds and send it again\./);
    assert.match(res.text, /A thoughtful reply<\/textarea>/);
    assert.deepEqual(ids(await thread(server, page)), []);
    // The page shown again carries a fresh token: sending it after a pause works.
    const again = [...res.text.matchAll(/name="rendered" value="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(again.length, 1);
    await sleep(MIN_SECONDS * 1000 + 100);
    const second = await postForm(server, formBody({ ...fields, rendered: again[0] }));
    assert.equal(second.status, 303, second.text);
  });

  it('a form without a render token this server signed is refused', async () => {
    const page = '/s/forged/';
    const { fields } = await renderedForm(server, page);
    const { rendered, ...without } = fields;
    const [seconds] = rendered.split('.');
    for (const body of [without, { ...fields, rendered: `${Number(seconds) - 600}.${'0'.repeat(64)}` }]) {
      const res = await postForm(server, formBody(body));
      assert.equal(res.status, 400);
      assert.match(res.text, /This form has expired\. Please check your comment and send it again\./);
    }
    assert.deepEqual(ids(await thread(server, page)), []);
  });

  it('a filled-in honeypot is stored as spam: the bot is told it awaits moderation, the owner sees why', async () => {
    const page = '/s/honeypot/';
    const { fields } = await renderedForm(server, page);
    await sleep(MIN_SECONDS * 1000 + 100);
    const res = await postForm(server, formBody({ ...fields, fax: '+1 555 0100',
      comment: 'Great post, visit my site' }));
    assert.equal(res.status, 202, res.text);
    assert.match(res.text, /awaiting moderation/);
    assert.deepEqual(ids(await thread(server, page)), []);
    const spam = await queueOf('spam', page);
    assert.match(spam, /Great post, visit my site/);
    assert.match(spam, /Held: honeypot field filled in/);

    // The widget's JSON post carries the same field.
    const json = await post(server, unique({ page, fax: 'filled' }));
    assert.equal(json.status, 202, json.text);
    // Answered like any held comment (edit token included, docs/api.md): nothing tells
    // the sender it was taken for spam.
    const { edit_token: token, editable_until: until, ...answer } = json.json;
    assert.deepEqual(answer, { id: json.json.id, status: 'pending', message: HELD });
    assert.ok(token && until, 'as for every held comment');
    assert.match(await queueOf('spam', page), new RegExp(`id="comment-${json.json.id}"`));
  });

  it('the same comment twice is refused with 409, on the JSON API and the plain form', async () => {
    const first = await post(server, unique({ page: '/s/dup/', text: 'Me too!', email: 'dup@example.org' }));
    assert.equal(first.status, 201, first.text);
    const again = await post(server, unique({ page: '/s/dup-elsewhere/', text: 'Me too!',
      email: 'DUP@example.org' }));
    assert.equal(again.status, 409);
    assert.deepEqual(again.json, { error: 'duplicate', message: 'You already posted this comment.' });
    const other = await post(server, unique({ page: '/s/dup/', text: 'Me too!' }));
    assert.equal(other.status, 201, 'another author may say the same');

    const { fields } = await renderedForm(server, '/s/dup/');
    await sleep(MIN_SECONDS * 1000 + 100);
    const plain = await postForm(server, formBody({ ...fields, comment: 'Me too!', email: 'dup@example.org' }));
    assert.equal(plain.status, 409);
    assert.match(plain.text, /You already posted this comment\./);
  });

  it('one author posting from many addresses meets the per-author limit', async () => {
    const email = 'busy@example.org';
    for (let i = 0; i < 2; i += 1) {
      const ok = await post(server, unique({ email }));
      assert.equal(ok.status, 201, ok.text);
    }
    const limited = await post(server, unique({ email }));
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await post(server, unique())).status, 201, 'other authors are not limited');
  });

  it('too many links or a blocked word holds the comment, with the reason in /admin', async () => {
    const page = '/s/content/';
    const links = await post(server, unique({ page,
      text: 'see https://a.example, www.b.example and [c](http://c.example)' }));
    assert.equal(links.status, 202, links.text);
    const words = await post(server, unique({ page, text: 'Best CASINO in town' }));
    assert.equal(words.status, 202, words.text);
    const name = await post(server, unique({ page, author: 'Cheap Pills Shop' }));
    assert.equal(name.status, 202, name.text);
    const fine = await post(server, unique({ page, text: 'Casinos of Monaco: https://a.example' }));
    assert.equal(fine.status, 201, 'a longer word and two links pass');
    assert.deepEqual(ids(await thread(server, page)), [fine.json.id]);

    const queue = await queueOf('pending', page);
    assert.match(queue, /Held: 3 links \(more than 2\)/);
    assert.match(queue, /Held: blocked word &quot;casino&quot;/);
    assert.match(queue, /Held: blocked word &quot;cheap pills&quot;/);
  });
});

describe('spam config', () => {
  it('refuses a config whose spam settings are out of range, naming them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-spam-'));
    try {
      const config = path.join(dir, 'parley.json');
      await writeFile(config, JSON.stringify({ spam: { blocked_words: [''] } }));
      await assert.rejects(startParleyd({ extraArgs: ['--config', config] }),
        /spam\.blocked_words: each must be 1 to 100 bytes/);
      await writeFile(config, JSON.stringify({ spam: { max_links: 'three' } }));
      await assert.rejects(startParleyd({ extraArgs: ['--config', config] }),
        /"max_links" has the wrong type/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
