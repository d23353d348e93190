// GET /embed/thread?format=early ("HTML first", docs/seo-nojs.md): what the loader puts
// into the mount before the widget's wasm arrives, for the widget to adopt. No form, the
// hearts with the stored counts when the mount shows likes, a long thread in slices
// between <!--parley-slice--> markers, and CORS for the site's pages; against the real
// parleyd (and on PostgreSQL with the rest of tests/server/).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, get, post } from './client.mjs';

const MARKER = '<!--parley-slice-->';
// core/view_static.hpp: kEarlyFirstSlice, kEarlyLaterSlice.
const FIRST_SLICE = 100;
const LATER_SLICE = 200;

const early = (server, page, query = '', headers = {}) =>
  get(server, `/embed/thread?site=demo&page=${encodeURIComponent(page)}&format=early${query}`, headers);

// The early fragment, not the embed page or the fragment with its form.
const FORM_HOME = '<div class="parley-form-home" data-parley-key="form-home"></div></section>';
function assertEarly(html) {
  assert.match(html, /^<section class="parley-comments"/);
  assert.ok(html.includes(FORM_HOME));
}

const DATA = /<script type="application\/json" class="parley-data">([^<]*)<\/script>/;
const dataOf = (html) => JSON.parse(DATA.exec(html)[1]);
const commentIds = (html) => [...html.matchAll(/<article [^>]*id="parley-comment-(\d+)"/g)].map((m) => Number(m[1]));

// The elements at the top level of `html` (tag names, in order); throws if the tags do
// not balance. Enough for Parley's own markup: no raw text elements but the data script.
const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link']);
function topLevel(html) {
  const stack = [];
  const top = [];
  for (const m of html.replace(DATA, '<script></script>').matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>/g)) {
    const [, closing, name] = m;
    if (VOID.has(name)) {
      if (stack.length === 0) top.push(name);
    } else if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes what it did not open`);
    } else {
      if (stack.length === 0) top.push(name);
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  return top;
}

async function like(server, page, comment, token) {
  const res = await fetch(`${server.url}/api/likes?site=demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ page, comment, token }),
  });
  assert.equal(res.status, 200, await res.text());
}

describe('GET /embed/thread?format=early', () => {
  let server;
  before(async () => { server = await startParleyd(); });
  after(async () => { await server.stop(); });

  it('has no form: the form home is empty for the widget\'s own', async () => {
    const page = '/early-form/';
    assert.equal((await post(server, draft({ page, text: 'Early *bird*' }))).status, 201);
    const res = await early(server, page);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/);
    assert.match(res.text, /^<section class="parley-comments"/);
    assert.doesNotMatch(res.text, /<form|<textarea|<input/);
    assertEarly(res.text);
    assert.match(res.text, /<p>Early <em>bird<\/em><\/p>/);
    assert.ok(!res.text.includes(MARKER), 'a short thread is one part');
    // The fragment and the embed page keep their form.
    assert.match((await get(server, `/embed/thread?site=demo&page=${page}&format=fragment`)).text, /<form/);
  });

  it('carries the hearts with the stored counts when the parts show likes', async () => {
    const page = '/early-hearts/';
    const a = (await post(server, draft({ page, text: 'Liked twice' }))).json.id;
    const b = (await post(server, draft({ page, text: 'Not liked' }))).json.id;
    await like(server, page, a, 'a'.repeat(32));
    await like(server, page, a, 'b'.repeat(32));
    const counts = (await get(server, `/api/likes?site=demo&page=${page}`)).json.comments;
    assert.deepEqual(counts, [{ id: a, count: 2, liked: false }]);
    for (const query of ['', '&parts=likes,comments', '&parts=share,likes,comments', '&parts=bogus,likes']) {
      const { text: html } = await early(server, page, query);
      const heart = (id) => new RegExp(`<button type="button" class="parley-comment-like" data-parley-action="like" ` +
        `data-parley-id="${id}" data-parley-key="like-${id}" aria-pressed="false"`);
      assert.match(html, heart(a), query);
      assert.match(html, heart(b), query);
      assert.ok(html.includes(`<span class="parley-like-count" data-parley-key="like-count-${a}">2</span>`), query);
      assert.ok(html.includes(`<span class="parley-like-count" data-parley-key="like-count-${b}"></span>`), query);
      assert.doesNotMatch(html, /aria-pressed="true"/, `nobody's likes: ${query}`);
      assert.equal(dataOf(html).hearts, true, query);
    }
    for (const query of ['&parts=comments', '&parts=share,comments']) {
      const { text: html } = await early(server, page, query);
      assert.doesNotMatch(html, /parley-comment-like|like-count-/, query);
      assert.equal(dataOf(html).hearts, undefined, query);
    }
  });

  it('its data script is slim: html "" for each comment, the text in the section', async () => {
    const page = '/early-slim/';
    const first = (await post(server, draft({ page, text: 'Early one' }))).json.id;
    assert.equal((await post(server, draft({ page, text: 'Early *two*', parent: first }))).status, 201);
    const { text: html } = await early(server, page);
    const data = dataOf(html);
    assert.equal(data.site, 'demo');
    assert.equal(data.page, page);
    assert.equal(data.count, 2);
    assert.deepEqual(data.comments.map((c) => c.html), ['', '']);
    assert.deepEqual(data.comments.map((c) => c.parent), [0, first]);
    assert.match(html, /<p>Early one<\/p>/);
    assert.match(html, /<p>Early <em>two<\/em><\/p>/);
  });

  it('a long thread comes in parts of whole subtrees, each comment once, in thread order', async () => {
    const page = '/early-long/';
    // Top-level comment i has i % 3 replies, the second a reply to the first: subtrees of
    // 1, 2 and 3 comments (350 in all), so slices end where a subtree would be cut.
    // Posted in thread order, so thread order is id order.
    const ids = [];
    const rootOf = new Map();
    const sizes = [];
    for (let i = 0; ids.length < 350; i++) {
      const text = i === 70 ? `A body with the marker ${MARKER} in it` : `Comment ${i}`;
      const author = i === 71 ? MARKER : 'Ana';
      const root = (await post(server, draft({ page, text, author }))).json.id;
      ids.push(root);
      rootOf.set(root, root);
      let parent = root;
      for (let r = 0; r < i % 3; r++) {
        parent = (await post(server, draft({ page, text: `Reply ${r} to ${i}`, parent }))).json.id;
        ids.push(parent);
        rootOf.set(parent, root);
      }
      sizes.push(1 + (i % 3));
    }
    // The expected slices: whole subtrees until the slice holds FIRST_SLICE (then
    // LATER_SLICE) comments or more, as core's slice_end.
    const expected = [];
    for (let r = 0; r < sizes.length;) {
      const limit = expected.length === 0 ? FIRST_SLICE : LATER_SLICE;
      let n = 0;
      const start = r;
      while (r < sizes.length && n < limit) n += sizes[r++];
      expected.push({ roots: r - start, comments: n });
    }
    assert.equal(expected.length, 3);

    const { text: html } = await early(server, page, '', { Origin: ORIGIN });
    const parts = html.split(MARKER);
    assert.equal(parts.length, expected.length, 'the markers in the body and the name do not split');
    // PART0: the whole section and the data script of the whole thread.
    assert.deepEqual(topLevel(parts[0]), ['section', 'script']);
    assert.match(parts[0], /^<section class="parley-comments"[^>]*>.*<ol class="parley-thread" data-parley-key="thread">/s);
    assert.match(parts[0], /<div class="parley-form-home" data-parley-key="form-home"><\/div><\/section><script/);
    assert.equal(dataOf(parts[0]).count, ids.length);
    assert.deepEqual(dataOf(parts[0]).comments.map((c) => c.id), ids);
    // Later parts: only top-level <li> items, for the thread's <ol>.
    for (const part of parts.slice(1)) {
      assert.match(part, /^<li class="parley-item parley-depth-0"/);
      assert.deepEqual(new Set(topLevel(part)), new Set(['li']));
      assert.doesNotMatch(part, /<section|<script|parley-form-home|parley-thread"/);
    }
    parts.forEach((part, k) => {
      const inPart = commentIds(part);
      assert.equal(inPart.length, expected[k].comments, `part ${k}`);
      assert.equal((part.match(/class="parley-item parley-depth-0/g) ?? []).length, expected[k].roots, `part ${k}`);
      // Whole subtrees: each reply is in the part of its top-level comment.
      for (const id of inPart) assert.ok(inPart.includes(rootOf.get(id)), `part ${k}: ${id}`);
    });
    assert.deepEqual(parts.flatMap(commentIds), ids, 'every comment once, in thread order');
    assert.ok(html.includes(`A body with the marker &lt;!--parley-slice--&gt; in it`));
    assert.ok(html.includes(`<span class="parley-author"><a class="parley-author-link" href="https://ana.example" ` +
      `rel="nofollow ugc noopener noreferrer">&lt;!--parley-slice--&gt;</a></span>`));
  });

  it('the marker in the title, a body and a name never splits a short thread', async () => {
    const page = '/early-marker/';
    assert.equal((await post(server, draft({ page, text: `${MARKER} \`${MARKER}\``, author: MARKER }))).status, 201);
    const { text: html } = await early(server, page, `&title=${encodeURIComponent(MARKER)}`);
    assertEarly(html);
    assert.ok(!html.includes(MARKER));
    assert.ok(html.includes('&lt;!--parley-slice--&gt;'));
    assert.equal(dataOf(html).comments[0].author, MARKER);
  });

  it('answers a site\'s pages with CORS, like the other site-scoped GETs, and no one else', async () => {
    const allowed = await early(server, '/early-cors/', '', { Origin: ORIGIN });
    assert.equal(allowed.status, 200);
    assertEarly(allowed.text);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(allowed.headers.get('vary'), 'Origin, Accept-Encoding');
    assert.equal(allowed.headers.get('cache-control'), 'no-cache');
    const foreign = await early(server, '/early-cors/', '', { Origin: 'https://evil.example' });
    assert.equal(foreign.status, 200);
    assertEarly(foreign.text);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });
});
