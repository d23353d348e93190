// Moderation over real HTTP, as owners and moderators work it in /admin: the modes
// (none, first comment of a new author, all) and the reason a comment was held, the
// queue's actions on one comment and on a selection, search, edit, bans by email and
// by address, closed threads, pins, roles, CSRF, and the live event of an approval.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { AdminClient, OWNER_PASSWORD, createAccount, logIn } from '../support/admin.mjs';
import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, get, post, thread } from './client.mjs';
import { isEvent, openEvents } from './sse_client.mjs';

const SITES = [{ id: 'demo', origins: [ORIGIN] }, { id: 'other', origins: [ORIGIN] }];
const OWNER = 'owner@example.org';
const MOD = 'mod@example.org';
const MOD_PASSWORD = 'moderator password 99';
const HELD_FIRST = 'first comment of a new author';
const HELD_ALL = 'moderation: all';

let n = 0;
// A draft on its own page by default, so tests do not see each other's comments.
function unique(overrides = {}) {
  n += 1;
  return draft({ page: `/m/${n}/`, text: `comment ${n}`, email: `r${n}@example.org`,
    author: `Reader ${n}`, ...overrides });
}

const ids = (res) => res.json.comments.map((c) => c.id);

// The queue's one-comment buttons, as a browser submits them.
function act(client, site, action, id, filters = {}) {
  return client.post('/admin/queue', { site, ...filters, one: `${action}:${id}` });
}

async function setMode(owner, site, mode) {
  const res = await owner.post('/admin/settings', { site, mode });
  assert.equal(res.status, 303, res.text);
}

describe('moderation', () => {
  let server;
  let owner;
  before(async () => {
    server = await startParleyd({ sites: SITES, extraArgs: ['--admin-logins-per-minute', '0'] });
    for (const account of [{ email: OWNER, password: OWNER_PASSWORD },
      { email: MOD, password: MOD_PASSWORD, role: 'moderator', sites: ['other'] }]) {
      const made = await createAccount(server, account);
      assert.equal(made.code, 0, made.stderr);
    }
    owner = await logIn(server, OWNER, OWNER_PASSWORD);
  });
  after(() => server?.stop());

  it('mode "first": a new author is held with the reason, shown once approved, then known', async () => {
    await setMode(owner, 'demo', 'first');
    try {
      const first = await post(server, unique({ page: '/first/', email: 'new@example.org' }));
      assert.equal(first.status, 202, first.text);
      // The author may still fix or withdraw it (docs/api.md): the edit token comes along.
      const { edit_token: token, editable_until: until, ...answer } = first.json;
      assert.deepEqual(answer, { id: first.json.id, status: 'pending',
        message: 'Your comment is awaiting moderation.' });
      assert.match(token, new RegExp(`^${first.json.id}\\.${until}\\.`));
      assert.deepEqual(ids(await thread(server, '/first/')), [], 'readers do not see it');

      const queue = await owner.get('/admin/queue?site=demo');
      assert.equal(queue.status, 200);
      assert.match(queue.text, new RegExp(`id="comment-${first.json.id}"`));
      assert.match(queue.text, new RegExp(`Held: ${HELD_FIRST}`));
      assert.match(queue.text, /new@example\.org/, 'moderators see the email');

      const approved = await act(owner, 'demo', 'approve', first.json.id);
      assert.equal(approved.status, 303);
      assert.match(approved.headers.get('location'), /done=approve/);
      assert.match((await owner.get(approved.headers.get('location'))).text,
        /<p class="pa-notice" role="status">Approved the comment\.<\/p>/);
      assert.deepEqual(ids(await thread(server, '/first/')), [first.json.id]);

      const again = await post(server, unique({ page: '/first/', email: 'NEW@example.org' }));
      assert.equal(again.status, 201, 'a known author is shown at once');
      const stranger = await post(server, unique({ page: '/first/' }));
      assert.equal(stranger.status, 202);
    } finally {
      await setMode(owner, 'demo', 'none');
    }
  });

  it('mode "all" holds every comment, and approving one reaches open pages live', async () => {
    await setMode(owner, 'demo', 'all');
    const page = '/live-approval/';
    const events = await openEvents(server, `site=demo&page=${encodeURIComponent(page)}`);
    try {
      const res = await post(server, unique({ page }));
      assert.equal(res.status, 202);
      const queue = await owner.get('/admin/queue?site=demo');
      assert.match(queue.text, new RegExp(`Held: ${HELD_ALL}`));
      await act(owner, 'demo', 'approve', res.json.id);
      const frame = await events.next((f) => isEvent(f) && JSON.parse(f.data).type === 'comment.created');
      assert.equal(JSON.parse(frame.data).comment.id, res.json.id);
      assert.equal(events.frames.filter(isEvent).length, 1, 'no event while it was held');
    } finally {
      events.close();
      await setMode(owner, 'demo', 'none');
    }
  });

  it('reject, spam and delete take comments away from readers; the filters find them', async () => {
    await setMode(owner, 'demo', 'all');
    try {
      const page = '/statuses/';
      const posted = [];
      for (let i = 0; i < 3; ++i) posted.push((await post(server, unique({ page }))).json.id);
      await act(owner, 'demo', 'reject', posted[0]);
      await act(owner, 'demo', 'spam', posted[1]);
      await act(owner, 'demo', 'approve', posted[2]);
      assert.deepEqual(ids(await thread(server, page)), [posted[2]]);
      await act(owner, 'demo', 'delete', posted[2]);
      assert.deepEqual(ids(await thread(server, page)), []);
      const spam = await owner.get(`/admin/queue?site=demo&status=spam&page=${encodeURIComponent(page)}`);
      assert.match(spam.text, new RegExp(`id="comment-${posted[1]}"`));
      assert.doesNotMatch(spam.text, new RegExp(`id="comment-${posted[0]}"`));
      const deleted = await owner.get(`/admin/queue?site=demo&status=deleted&page=${encodeURIComponent(page)}`);
      assert.match(deleted.text, new RegExp(`id="comment-${posted[0]}"`));
      assert.match(deleted.text, new RegExp(`id="comment-${posted[2]}"`));
    } finally {
      await setMode(owner, 'demo', 'none');
    }
  });

  it('bulk actions act on every selected comment, and only on those', async () => {
    await setMode(owner, 'demo', 'all');
    try {
      const page = '/bulk/';
      const posted = [];
      for (let i = 0; i < 4; ++i) posted.push((await post(server, unique({ page }))).json.id);
      const form = new URLSearchParams({ site: 'demo', status: 'pending', action: 'approve' });
      for (const id of posted.slice(0, 3)) form.append('id', String(id));
      const res = await owner.post('/admin/queue', form);
      assert.equal(res.status, 303);
      assert.match((await owner.get(res.headers.get('location'))).text, /Approved 3 comments\./);
      assert.deepEqual(ids(await thread(server, page)).sort(), posted.slice(0, 3).sort());
      const none = await owner.post('/admin/queue', { site: 'demo', action: 'delete' });
      assert.match((await owner.get(none.headers.get('location'))).text, /Nothing was selected\./);
    } finally {
      await setMode(owner, 'demo', 'none');
    }
  });

  it('search finds comments by text, by author or email, and by page', async () => {
    const a = (await post(server, unique({ page: '/search/one/', text: 'zebra crossing', author: 'Zoe' }))).json.id;
    const b = (await post(server, unique({ page: '/search/two/', email: 'quill@example.org' }))).json.id;
    const find = async (q) => {
      const res = await owner.get(`/admin/queue?site=demo&status=&${q}`);
      return [a, b].filter((id) => res.text.includes(`id="comment-${id}"`));
    };
    assert.deepEqual(await find('text=ZEBRA'), [a]);
    assert.deepEqual(await find('author=zoe'), [a]);
    assert.deepEqual(await find('author=quill%40example'), [b]);
    assert.deepEqual(await find('page=%2Fsearch%2Ftwo'), [b]);
    assert.deepEqual(await find('page=%2Fsearch%2F'), [a, b]);
  });

  it('edit: the text is re-rendered by core, and an empty text is refused beside the field', async () => {
    const id = (await post(server, unique({ page: '/edit/', text: 'typo' }))).json.id;
    const form = await owner.get(`/admin/comment?site=demo&id=${id}`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<textarea id="comment-text" name="comment" rows="8">typo<\/textarea>/);
    const empty = await owner.post('/admin/comment', { site: 'demo', id, comment: '   ' });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /aria-describedby="comment-error"/);
    const saved = await owner.post('/admin/comment', { site: 'demo', id, comment: 'fixed **now** <script>x</script>' });
    assert.equal(saved.status, 303);
    const [c] = (await thread(server, '/edit/')).json.comments;
    assert.match(c.html, /fixed <strong>now<\/strong>/);
    assert.doesNotMatch(c.html, /<script>/);
  });

  it('a ban by email refuses that author with 403 JSON, others still post, and lifting it works', async () => {
    const id = (await post(server, unique({ page: '/ban/', email: 'troll@example.org' }))).json.id;
    assert.equal((await act(owner, 'demo', 'ban-email', id)).status, 303);
    const refused = await post(server, unique({ page: '/ban/', email: 'Troll@example.org' }));
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json, { error: 'banned', message: 'You cannot comment on this site.' });
    const elsewhere = await post(server, unique({ page: '/ban/', email: 'troll@example.org' }), { site: 'other' });
    assert.equal(elsewhere.status, 201, 'bans are per site');
    assert.equal((await post(server, unique({ page: '/ban/' }))).status, 201);
    const queue = await owner.get('/admin/queue?site=demo');
    const ban = /name="ban" value="(email:[0-9a-f]+)"/.exec(queue.text);
    assert.ok(ban, 'the ban is listed');
    assert.doesNotMatch(queue.text, /Banned authors[\s\S]*troll@example\.org/, 'as a digest only');
    assert.equal((await owner.post('/admin/unban', { site: 'demo', ban: ban[1] })).status, 303);
    assert.equal((await post(server, unique({ page: '/ban/', email: 'troll@example.org' }))).status, 201);
  });

  it('a ban by address refuses every post from it', async () => {
    const id = (await post(server, unique({ page: '/ban-ip/' }))).json.id;
    await act(owner, 'demo', 'ban-ip', id);
    const refused = await post(server, unique({ page: '/ban-ip/' }));
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error, 'banned');
    const queue = await owner.get('/admin/queue?site=demo');
    const ban = /name="ban" value="(ip:[0-9a-f]+)"/.exec(queue.text);
    await owner.post('/admin/unban', { site: 'demo', ban: ban[1] });
    assert.equal((await post(server, unique({ page: '/ban-ip/' }))).status, 201);
  });

  it('a closed thread takes no comments, says so to the widget, and can be reopened', async () => {
    const id = (await post(server, unique({ page: '/closed/' }))).json.id;
    await act(owner, 'demo', 'close', id);
    const refused = await post(server, unique({ page: '/closed/' }));
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json, { error: 'closed', message: 'Comments are closed.' });
    assert.equal((await thread(server, '/closed/')).json.closed, true);
    assert.equal((await thread(server, '/open/')).json.closed, undefined);
    // Readers without JavaScript get the same: the notice, no form, no Reply.
    const embed = (page) => get(server, `/embed/thread?site=demo&page=${encodeURIComponent(page)}`);
    const closedPage = (await embed('/closed/')).text;
    assert.match(closedPage, /<p class="parley-closed">Comments are closed\.<\/p>/);
    assert.doesNotMatch(closedPage, /<form/);
    assert.match(closedPage, /data-parley-closed/);
    assert.match(closedPage, /"closed":true/);
    // The early fragment (no form) keeps the notice where the widget's form would go.
    const closedEarly = (await get(server, '/embed/thread?site=demo&page=%2Fclosed%2F&format=early&parts=comments')).text;
    assert.match(closedEarly, /^<section class="parley-comments"/);
    assert.ok(closedEarly.includes('<div class="parley-form-home" data-parley-key="form-home">' +
      '<p class="parley-closed">Comments are closed.</p></div>'));
    assert.match(closedEarly, /"closed":true/);
    const openPage = (await embed('/open/')).text;
    assert.match(openPage, /<form/);
    assert.doesNotMatch(openPage, /parley-closed/);
    assert.equal((await post(server, unique({ page: '/open/' }))).status, 201, 'other pages are open');
    const queue = await owner.get('/admin/queue?site=demo&status=approved&page=%2Fclosed%2F');
    assert.match(queue.text, /Reopen the thread/);
    await act(owner, 'demo', 'open', id);
    assert.equal((await thread(server, '/closed/')).json.closed, undefined);
    assert.match((await embed('/closed/')).text, /<form/);
    assert.equal((await post(server, unique({ page: '/closed/' }))).status, 201);
  });

  it('a pinned comment is marked and shown first in the server-rendered thread', async () => {
    const page = '/pinned/';
    const first = (await post(server, unique({ page, text: 'older' }))).json.id;
    const second = (await post(server, unique({ page, text: 'newer' }))).json.id;
    await act(owner, 'demo', 'pin', second);
    const res = await thread(server, page);
    assert.equal(res.json.comments.find((c) => c.id === second).pinned, true);
    assert.equal(res.json.comments.find((c) => c.id === first).pinned, undefined);
    const html = (await get(server, `/embed/thread?site=demo&page=${encodeURIComponent(page)}`)).text;
    assert.ok(html.indexOf(`parley-comment-${second}`) < html.indexOf(`parley-comment-${first}`),
      'pinned first');
    await act(owner, 'demo', 'unpin', second);
    assert.equal((await thread(server, page)).json.comments.find((c) => c.id === second).pinned, undefined);
  });

  it('a moderator sees only the queue of their sites', async () => {
    const mod = await logIn(server, MOD, MOD_PASSWORD);
    const id = (await post(server, unique({ page: '/mod/' }))).json.id;
    assert.equal((await mod.get('/admin/queue?site=demo')).status, 403);
    assert.equal((await act(mod, 'demo', 'delete', id)).status, 403);
    assert.deepEqual(ids(await thread(server, '/mod/')), [id], 'nothing changed');
    assert.equal((await mod.get('/admin/queue?site=other')).status, 200);
    assert.equal((await mod.post('/admin/settings', { site: 'other', mode: 'all' })).status, 403,
      'only owners set the mode');
    assert.equal((await mod.get(`/admin/comment?site=demo&id=${id}`)).status, 403);
  });

  it('an action without the CSRF token changes nothing', async () => {
    const id = (await post(server, unique({ page: '/csrf/' }))).json.id;
    const forged = await owner.post('/admin/queue', { site: 'demo', one: `delete:${id}` }, { csrf: 'forged' });
    assert.equal(forged.status, 403);
    const bare = await new AdminClient(server).request('POST', '/admin/queue',
      { form: { site: 'demo', one: `delete:${id}` } });
    assert.equal(bare.status, 403);
    assert.deepEqual(ids(await thread(server, '/csrf/')), [id]);
    assert.equal((await owner.post('/admin/settings', { site: 'demo', mode: 'all' }, { csrf: '' })).status, 403);
  });

  it('bad input is a 4xx with a message, never a 500', async () => {
    for (const [path, form] of [
      ['/admin/queue', { site: 'demo', one: 'explode:1' }],
      ['/admin/queue', { site: 'demo', one: 'approve:abc' }],
      ['/admin/queue', { site: 'demo', one: 'approve:99999999' }],
      ['/admin/queue', { site: 'demo', action: 'pin' }],
      ['/admin/settings', { site: 'demo', mode: 'sometimes' }],
      ['/admin/unban', { site: 'demo', ban: 'nothing' }],
      ['/admin/comment', { site: 'demo', id: '0', comment: 'x' }],
    ]) {
      const res = await owner.post(path, form);
      assert.ok(res.status >= 400 && res.status < 500, `${path} ${JSON.stringify(form)} -> ${res.status}`);
      assert.match(res.text, /"message":/);
    }
    assert.equal((await owner.get('/admin/queue?site=nope')).status, 403);
  });
});

describe('moderation mode from the config', () => {
  it('--moderation all holds every comment, with that reason', async () => {
    const server = await startParleyd({ sites: SITES,
      extraArgs: ['--site', 'demo', '--moderation', 'all', '--admin-logins-per-minute', '0'] });
    try {
      const res = await post(server, unique());
      assert.equal(res.status, 202);
      await createAccount(server, { email: OWNER, password: OWNER_PASSWORD });
      const owner = await logIn(server, OWNER, OWNER_PASSWORD);
      const queue = await owner.get('/admin/queue?site=demo');
      assert.match(queue.text, new RegExp(`Held: ${HELD_ALL}`));
      assert.match(queue.text, /<option value="all" selected>/);
    } finally {
      await server.stop();
    }
  });
});
