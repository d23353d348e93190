// A reader edits or deletes their own comment (PUT/DELETE /api/comments/{id}) with the
// edit token the POST returned, within the edit window: through the real parleyd.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { OWNER_PASSWORD, createAccount, logIn } from '../support/admin.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, post, thread } from './client.mjs';
import { isEvent, openEvents } from './sse_client.mjs';

const DEFAULT_WINDOW_SECONDS = 15 * 60;

function change(server, method, id, body, { site = 'demo', origin = ORIGIN } = {}) {
  return fetch(`${server.url}/api/comments/${id}?site=${site}`, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, json: await res.json() }));
}
const edit = (server, id, body, options) => change(server, 'PUT', id, body, options);
const remove = (server, id, body, options) => change(server, 'DELETE', id, body, options);

async function posted(server, overrides) {
  const res = await post(server, draft(overrides));
  assert.equal(res.status, 201, res.text);
  return res.json;
}

describe('editing and deleting your own comment', () => {
  let server;
  const stream = [];
  before(async () => {
    server = await startParleyd({
      sites: [{ id: 'demo', origins: [ORIGIN] }, { id: 'other', origins: [ORIGIN] }],
    });
  });
  after(async () => {
    for (const s of stream) s.close();
    await server.stop();
  });
  const listen = async (page) => {
    const live = await openEvents(server, `site=demo&page=${encodeURIComponent(page)}`,
      { Origin: ORIGIN });
    stream.push(live);
    return live;
  };

  it('the POST answer carries an edit token good until the end of the window', async () => {
    const c = await posted(server, { page: '/own/token/' });
    assert.match(c.edit_token, /^\d+\.\d+\.[A-Za-z0-9_-]+$/);
    assert.equal(c.editable_until, c.created + DEFAULT_WINDOW_SECONDS);
    // Readers never see it.
    const list = (await thread(server, '/own/token/')).json.comments;
    assert.equal(list[0].edit_token, undefined);
    assert.equal(list[0].editable_until, undefined);
  });

  it('an edit re-renders the Markdown and readers (and live pages) see the new text', async () => {
    const page = '/own/edit/';
    const c = await posted(server, { page, text: 'Teh first *draft*' });
    const live = await listen(page);
    const res = await edit(server, c.id, { edit_token: c.edit_token, text: 'The first **draft**  \n' });
    assert.equal(res.status, 200);
    assert.equal(res.json.id, c.id);
    assert.equal(res.json.html, '<p>The first <strong>draft</strong></p>\n');
    assert.equal(res.json.author, 'Ana');
    assert.equal(res.json.created, c.created, 'an edit keeps the date');
    const list = (await thread(server, page)).json.comments;
    assert.equal(list[0].html, '<p>The first <strong>draft</strong></p>\n');
    const frame = await live.next((f) => isEvent(f) && JSON.parse(f.data).type === 'comment.edited');
    assert.equal(JSON.parse(frame.data).comment.html, '<p>The first <strong>draft</strong></p>\n');
  });

  it('an edit is validated like a post: field errors, nothing stored', async () => {
    const c = await posted(server, { page: '/own/invalid/', text: 'Keep me' });
    const empty = await edit(server, c.id, { edit_token: c.edit_token, text: '   ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.json.errors[0].field, 'text');
    const long = await edit(server, c.id, { edit_token: c.edit_token, text: 'x'.repeat(10_001) });
    assert.equal(long.status, 400);
    assert.equal(long.json.errors[0].code, 'too_long');
    const missing = await edit(server, c.id, { edit_token: c.edit_token });
    assert.equal(missing.status, 400);
    assert.equal((await thread(server, '/own/invalid/')).json.comments[0].html, '<p>Keep me</p>\n');
  });

  it('refuses with 403 and a message without the right token', async () => {
    const a = await posted(server, { page: '/own/refused/', text: 'Mine' });
    const b = await posted(server, { page: '/own/refused/', text: 'Theirs' });
    const cases = [
      { edit_token: b.edit_token },                       // another comment's token
      {},                                                 // none
      { edit_token: a.edit_token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) },  // forged
      { edit_token: `${a.id}.${a.editable_until + 86400}.${a.edit_token.split('.')[2]}` },
      { edit_token: 42 },
    ];
    for (const body of cases) {
      const res = await edit(server, a.id, { ...body, text: 'Hijacked' });
      assert.equal(res.status, 403, JSON.stringify(body));
      assert.equal(res.json.error, 'forbidden');
      assert.equal(res.json.message, 'Only the author can edit or delete this comment.');
      assert.equal((await remove(server, a.id, body)).status, 403);
    }
    // A token is bound to its site too.
    const elsewhere = await edit(server, a.id, { edit_token: a.edit_token, text: 'x' }, { site: 'other' });
    assert.equal(elsewhere.status, 404);
    assert.deepEqual((await thread(server, '/own/refused/')).json.comments.map((c) => c.html),
      ['<p>Mine</p>\n', '<p>Theirs</p>\n']);
  });

  it('answers 404 for ids that are not comments of the site', async () => {
    for (const id of ['999999', 'abc', '0', '-1', '1x', '99999999999999999999']) {
      const res = await edit(server, id, { edit_token: 'x', text: 'y' });
      assert.equal(res.status, 404, id);
      assert.equal(res.json.message, 'There is no such comment.');
    }
  });

  it('delete without replies: the comment is gone for readers and live pages', async () => {
    const page = '/own/delete/';
    const c = await posted(server, { page, text: 'Regret' });
    const live = await listen(page);
    const res = await remove(server, c.id, { edit_token: c.edit_token });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { id: c.id, parent: 0, depth: 0, author: '', website: '', html: '',
      created: c.created, verified: false, deleted: true });
    const t = (await thread(server, page)).json;
    assert.equal(t.count, 0);
    assert.deepEqual(t.comments, []);
    const frame = await live.next((f) => isEvent(f) && JSON.parse(f.data).type === 'comment.deleted');
    assert.equal(JSON.parse(frame.data).comment.id, c.id);
    // Deleted is final: no edit, no second delete.
    assert.equal((await edit(server, c.id, { edit_token: c.edit_token, text: 'Back' })).status, 404);
    assert.equal((await remove(server, c.id, { edit_token: c.edit_token })).status, 404);
  });

  it('delete of a comment with replies leaves the placeholder above them', async () => {
    const page = '/own/placeholder/';
    const root = await posted(server, { page, text: 'Root', author: 'Ana' });
    const reply = await posted(server, { page, parent: root.id, text: 'A reply', author: 'Bo' });
    assert.equal((await remove(server, root.id, { edit_token: root.edit_token })).status, 200);
    const t = (await thread(server, page)).json;
    assert.equal(t.count, 1);
    assert.equal(t.comments.length, 2);
    assert.equal(t.comments[0].deleted, true);
    assert.equal(t.comments[0].author, '');
    assert.equal(t.comments[0].html, '');
    assert.equal(t.comments[1].id, reply.id);
    assert.equal(t.comments[1].parent, root.id);
    assert.equal(t.comments[1].author, 'Bo');
  });

  it('preflight allows PUT and DELETE', async () => {
    const res = await fetch(`${server.url}/api/comments/1?site=demo`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('access-control-allow-methods'), /PUT/);
    assert.match(res.headers.get('access-control-allow-methods'), /DELETE/);
  });
});

describe('the edit window', () => {
  it('closes: the token stops working, with a message saying so', async () => {
    const server = await startParleyd({ extraArgs: ['--edit-window-seconds', '1'] });
    try {
      const c = await posted(server, { page: '/own/window/' });
      assert.equal(c.editable_until, c.created + 1);
      // Wait until the server's clock is past editable_until (whole seconds).
      while (Math.floor(Date.now() / 1000) <= c.editable_until) {
        await new Promise((resolve) => { setTimeout(resolve, 100); });
      }
      const res = await edit(server, c.id, { edit_token: c.edit_token, text: 'Too late' });
      assert.equal(res.status, 403);
      assert.equal(res.json.message, 'The time to edit or delete this comment is over.');
      assert.equal((await remove(server, c.id, { edit_token: c.edit_token })).status, 403);
    } finally {
      await server.stop();
    }
  });

  it('0 turns editing off: no token, and changes are refused', async () => {
    const server = await startParleyd({ extraArgs: ['--edit-window-seconds', '0'] });
    try {
      const c = await posted(server, { page: '/own/off/' });
      assert.equal(c.edit_token, undefined);
      const res = await edit(server, c.id, { edit_token: 'x', text: 'y' });
      assert.equal(res.status, 403);
      assert.equal(res.json.message, 'Comments cannot be edited or deleted on this site.');
    } finally {
      await server.stop();
    }
  });
});

// Moderation (docs/admin.md, docs/api.md): a held comment may be fixed or withdrawn by
// its author and stays held; under mode "all" an approved comment is no longer edited.
describe('own comments under moderation', () => {
  const held = async (server, overrides) => {
    const res = await post(server, draft(overrides));
    assert.equal(res.status, 202, res.text);
    return res.json;
  };

  it('a held comment can be edited and stays held, or deleted', async () => {
    const server = await startParleyd({ sites: [{ id: 'demo', origins: [ORIGIN] }],
      extraArgs: ['--site', 'demo', '--moderation', 'all'] });
    try {
      const page = '/own/held/';
      const c = await held(server, { page, text: 'Awaiting' });
      assert.match(c.edit_token, /^\d+\.\d+\.[A-Za-z0-9_-]+$/);
      const res = await edit(server, c.id, { edit_token: c.edit_token, text: 'Awaiting, *fixed*' });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.equal(res.json.status, 'pending');
      assert.equal(res.json.html, '<p>Awaiting, <em>fixed</em></p>\n');
      assert.deepEqual((await thread(server, page)).json.comments, [], 'readers still do not see it');
      const other = await held(server, { page, text: 'Withdrawn' });
      assert.equal((await remove(server, other.id, { edit_token: other.edit_token })).status, 200);
      assert.equal((await remove(server, other.id, { edit_token: other.edit_token })).status, 404);
    } finally {
      await server.stop();
    }
  });

  it('mode "all": an approved comment is not edited (403 with why), but can be deleted', async () => {
    const server = await startParleyd({ extraArgs: ['--admin-logins-per-minute', '0'] });
    try {
      const page = '/own/all/';
      const c = await posted(server, { page, text: 'Approved words' });
      const made = await createAccount(server, { email: 'owner@example.org', password: OWNER_PASSWORD });
      assert.equal(made.code, 0, made.stderr);
      const owner = await logIn(server, 'owner@example.org', OWNER_PASSWORD);
      assert.equal((await owner.post('/admin/settings', { site: 'demo', mode: 'all' })).status, 303);
      const res = await edit(server, c.id, { edit_token: c.edit_token, text: 'Unreviewed words' });
      assert.equal(res.status, 403);
      assert.equal(res.json.message, 'Comments on this site are reviewed before they are shown, ' +
        'so an approved comment cannot be edited. You can still delete it.');
      assert.equal((await thread(server, page)).json.comments[0].html, '<p>Approved words</p>\n');
      assert.equal((await remove(server, c.id, { edit_token: c.edit_token })).status, 200);
      assert.deepEqual((await thread(server, page)).json.comments, []);
    } finally {
      await server.stop();
    }
  });
});

describe('an edit meets the spam layers that judge words', () => {
  it('an edit adding too many links or a blocked word is refused by the text; the comment stays', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-own-spam-'));
    const config = path.join(dir, 'parley.json');
    await writeFile(config, JSON.stringify({ spam: { blocked_words: ['casino'], max_links: 1 } }));
    const server = await startParleyd({ extraArgs: ['--config', config] });
    try {
      const page = '/own/spam/';
      const c = await posted(server, { page, text: 'A clean first comment, see https://one.example' });
      const links = await edit(server, c.id, { edit_token: c.edit_token,
        text: 'Now see https://one.example and https://two.example' });
      assert.equal(links.status, 400);
      assert.deepEqual(links.json.errors, [{ field: 'text', code: 'refused',
        message: 'This edit has more links than a comment on this site may have (1).' }]);
      const word = await edit(server, c.id, { edit_token: c.edit_token, text: 'Best CASINO bonus' });
      assert.equal(word.status, 400);
      assert.equal(word.json.errors[0].message, 'This edit has words this site does not accept in comments.');
      const shown = (await thread(server, page)).json.comments[0].html;
      assert.equal(shown, '<p>A clean first comment, see <a href="https://one.example" rel="nofollow ugc noopener noreferrer">https://one.example</a></p>\n');
      // Within the limits the edit goes through.
      const fine = await edit(server, c.id, { edit_token: c.edit_token, text: 'Still one link: https://one.example' });
      assert.equal(fine.status, 200, JSON.stringify(fine.json));
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
