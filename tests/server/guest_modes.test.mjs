// The guest modes of a site (docs/login.md, `guests`; core/guest_mode.hpp) over real HTTP,
// on the JSON API and on the plain form (POST /form/comments), with the plain form's
// "*" markers following the mode. The server suite runs on SQLite and on PostgreSQL.
//   allowed          name and email optional; an empty name is shown as "Anonymous"
//   required-fields  name and email required (also the default without a login config)
//   disabled         guests cannot post (401 login_required)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startParleyd } from '../support/parleyd.mjs';
import { draft, get, ORIGIN, post, postForm, thread } from './client.mjs';

const GUESTS = { open: 'allowed', strict: 'required-fields', closed: 'disabled' };
// `plain` has no login config at all.
const SITES = [...Object.keys(GUESTS), 'plain'].map((id) => ({ id, origins: [ORIGIN] }));

const formBody = (page, fields = {}) => new URLSearchParams({ page, title: 'Guests',
  comment: 'A plain comment', author: '', email: '', website: '', ...fields }).toString();
const embed = (server, site, page) =>
  get(server, `/embed/thread?site=${site}&page=${encodeURIComponent(page)}`);
// The "*" after the label of `field` in a rendered form: shown, hidden, or absent.
function marker(html, field) {
  const m = new RegExp(`<span class="parley-required"[^>]*data-parley-key="required-${field}"` +
    '([^>]*)>').exec(html);
  if (!m) return 'absent';
  return m[1].includes('hidden') ? 'hidden' : 'shown';
}
const inputRequired = (html, field) =>
  new RegExp(`<input [^>]*data-parley-field="${field}"[^>]*required=""`).test(html);

describe('guest modes', () => {
  let server;
  let dir;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-guest-modes-'));
    const sites = Object.fromEntries(Object.entries(GUESTS)
      .map(([id, guests]) => [id, { guests, providers: [] }]));
    const config = path.join(dir, 'login.json');
    await writeFile(config, JSON.stringify({ demo: true, login: { sites } }));
    server = await startParleyd({ sites: SITES, extraArgs: ['--config', config] });
  });
  after(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('GET /api/login names each site\'s mode; without a login config: required-fields',
    async () => {
      for (const [site, mode] of [...Object.entries(GUESTS), ['plain', 'required-fields']]) {
        const res = await get(server, `/api/login?site=${site}`, { Origin: ORIGIN });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.guests, mode, site);
      }
    });

  test('"allowed": an anonymous comment without name or email is stored and shown as Anonymous',
    async () => {
      const page = '/open/anonymous/';
      const res = await post(server, draft({ page, author: '', email: '', website: '' }),
        { site: 'open' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.author, '');
      assert.equal(res.json.verified, false);
      assert.deepEqual((await thread(server, page, 'open')).json.comments.map((c) => c.author),
        ['']);
      // Readers see the localized word, never an empty name.
      const html = (await embed(server, 'open', page)).text;
      assert.match(html, /<span class="parley-author">Anonymous<\/span>/);
      assert.match(html, /aria-label="Reply to Anonymous"/);
      const german = (await get(server, `/embed/thread?site=open&page=${encodeURIComponent(page)}` +
        '&lang=de')).text;
      assert.match(german, /<span class="parley-author">Anonym<\/span>/);
    });

  test('"allowed": a name alone is enough; an email or website given is still checked',
    async () => {
      const page = '/open/checked/';
      const named = await post(server, draft({ page, email: '' }), { site: 'open' });
      assert.equal(named.status, 201, named.text);
      assert.equal(named.json.author, 'Ana');
      const bad = await post(server, draft({ page, author: '', email: 'not-an-email',
        website: 'javascript:alert(1)' }), { site: 'open' });
      assert.equal(bad.status, 400, bad.text);
      assert.deepEqual(bad.json.errors.map((e) => [e.field, e.code]),
        [['email', 'invalid'], ['website', 'invalid']]);
      const long = await post(server, draft({ page, author: 'x'.repeat(101) }), { site: 'open' });
      assert.equal(long.status, 400, long.text);
      assert.equal(long.json.errors[0].field, 'author');
      assert.equal((await thread(server, page, 'open')).json.comments.length, 1);
    });

  test('"allowed": the plain form posts without name and email; its markers are hidden',
    async () => {
      const page = '/open/plain/';
      const form = (await embed(server, 'open', page)).text;
      assert.equal(marker(form, 'author'), 'hidden');
      assert.equal(marker(form, 'email'), 'hidden');
      assert.ok(!inputRequired(form, 'author') && !inputRequired(form, 'email'));
      assert.match(form, /<textarea [^>]*required=""/, 'the comment itself stays required');

      const ok = await postForm(server, formBody(page), { site: 'open' });
      assert.equal(ok.status, 303, ok.text);
      const bad = await postForm(server, formBody(page, { email: 'ana@' }), { site: 'open' });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /data-parley-key="error-email"[^>]*>Please enter a valid email address/);
      assert.match(bad.text, /data-parley-key="error-author"[^>]*><\/p>/, 'no message for the name');
      assert.equal(marker(bad.text, 'author'), 'hidden');
      assert.deepEqual((await thread(server, page, 'open')).json.comments.map((c) => c.author),
        ['']);
    });

  test('"required-fields" (and no login config): name and email are required, on both paths',
    async () => {
      for (const site of ['strict', 'plain']) {
        const page = `/${site}/required/`;
        const missing = await post(server, draft({ page, author: '', email: '' }), { site });
        assert.equal(missing.status, 400, missing.text);
        assert.deepEqual(missing.json.errors.map((e) => [e.field, e.code]),
          [['author', 'required'], ['email', 'required']]);

        const form = (await embed(server, site, page)).text;
        assert.equal(marker(form, 'author'), 'shown', site);
        assert.equal(marker(form, 'email'), 'shown', site);
        assert.ok(inputRequired(form, 'author') && inputRequired(form, 'email'), site);
        const plain = await postForm(server, formBody(page), { site });
        assert.equal(plain.status, 400);
        assert.match(plain.text, /data-parley-key="error-author"[^>]*>Please enter your name\./);
        assert.match(plain.text,
          /data-parley-key="error-email"[^>]*>Please enter your email address\./);
        assert.equal((await thread(server, page, site)).json.comments.length, 0);

        const ok = await post(server, draft({ page }), { site });
        assert.equal(ok.status, 201, ok.text);
      }
    });

  test('"disabled": guests cannot post, as JSON or as a plain form', async () => {
    const page = '/closed/guests/';
    const json = await post(server, draft({ page }), { site: 'closed' });
    assert.equal(json.status, 401, json.text);
    assert.equal(json.json.error, 'login_required');
    const plain = await postForm(server, formBody(page, { author: 'Ana', email: 'ana@example.org' }),
      { site: 'closed' });
    assert.equal(plain.status, 401);
    assert.equal((await thread(server, page, 'closed')).json.comments.length, 0);
  });
});
