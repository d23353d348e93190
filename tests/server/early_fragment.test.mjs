// GET /embed/thread?format=early ("HTML first", docs/seo-nojs.md): what the loader puts
// into the mount before the widget's wasm arrives, for the widget to adopt. Every part of
// the mount in its order (the share bar, the Like block, the comments), no form, the
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

const DATA = /<script type="application\/json" class="parley-data">([^<]*)<\/script>/;
const dataOf = (html) => JSON.parse(DATA.exec(html)[1]);
const commentIds = (html) => [...html.matchAll(/<article [^>]*id="parley-comment-(\d+)"/g)].map((m) => Number(m[1]));

// The elements at the top level of `html` (tag names, in order); throws if the tags do
// not balance. Enough for Parley's own markup: no raw text elements but the data script.
const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link']);
// With `classes`, each as "name.first-class" ("section.parley-spread").
function topLevel(html, { classes = false } = {}) {
  const stack = [];
  const top = [];
  const DATA_CLASS = '<script class="parley-data"></script>';
  for (const m of html.replace(DATA, DATA_CLASS).matchAll(/<(\/?)([a-z][a-z0-9]*)([^>]*)>/g)) {
    const [, closing, name, attributes] = m;
    const shown = classes ? `${name}.${/class="([^" ]*)/.exec(attributes)?.[1] ?? ''}` : name;
    if (VOID.has(name)) {
      if (stack.length === 0) top.push(shown);
    } else if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes what it did not open`);
    } else {
      if (stack.length === 0) top.push(shown);
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  return top;
}

// PART0's element for each part (core/view_static.hpp), as topLevel names them.
const PART_ELEMENT = {
  share: 'section.parley-spread',
  likes: 'div.parley-likes',
  comments: 'section.parley-comments',
};
const partsOf = (part0) => topLevel(part0, { classes: true });

// The early fragment, not the embed page or the fragment with its form: the parts of
// the mount in its order (by default share, likes, comments), then the data script,
// which names them.
const FORM_HOME = '<div class="parley-form-home" data-parley-key="form-home"></div></section>';
function assertEarly(html, parts = ['share', 'likes', 'comments']) {
  const part0 = html.split(MARKER)[0];
  assert.deepEqual(partsOf(part0), [...parts.map((p) => PART_ELEMENT[p]), 'script.parley-data']);
  assert.ok(part0.includes(FORM_HOME));
  assert.equal(dataOf(part0).parts, parts.join(','));
}

// The share bar's targets, in order (a fediverse button has its key, not its target).
const SPREAD_REGIONS = new Set(['list', 'server', 'status']);
const spreadTargets = (html) => [...html.matchAll(/ data-parley-key="spread-([a-z-]+)"/g)]
  .map((m) => m[1]).filter((id) => !SPREAD_REGIONS.has(id));
// The Like block, as the widget adopts it.
const likesBlock = (html) => /<div class="parley-likes".*?<p class="parley-like-message"[^>]*><\/p><\/div>/s.exec(html)?.[0];

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
    // PART0: the bar, the Like block, the whole section and the data script of the whole
    // thread.
    assert.deepEqual(topLevel(parts[0]), ['section', 'div', 'section', 'script']);
    assertEarly(html);
    assert.match(parts[0], /<\/div><section class="parley-comments"[^>]*>.*<ol class="parley-thread" data-parley-key="thread">/s);
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

  it('holds every part of the mount in its order: the share bar, the Like block, the comments', async () => {
    const page = '/early-parts/';
    assert.equal((await post(server, draft({ page, text: 'Parts' }))).status, 201);
    for (const query of ['', '&parts=', '&parts=share,likes,comments', '&parts=bogus']) {
      // As the loader asks on a desktop browser (the device said: native=0&touch=0).
      const { text: html } = await early(server, page, `${query}&native=0&touch=0`);
      assert.match(html, /^<section class="parley-spread parley-spread--icons" id="parley-spread" data-parley-key="spread" /, query);
      assertEarly(html);
      // The default targets but those this early bar cannot know apply (native share).
      assert.deepEqual(spreadTargets(html),
        ['x', 'facebook', 'linkedin', 'mastodon', 'bluesky', 'threads', 'whatsapp', 'email', 'copy'], query);
      assert.ok(html.includes('<a class="parley-spread-link parley-spread-x" href="https://x.com/intent/tweet" ' +
        'target="_blank" rel="noopener noreferrer"'), query);
      // A stand-in nobody sees: each icon keeps its box, not its drawing (the bytes).
      const bar = html.slice(0, html.indexOf('</section>'));
      assert.equal(bar.match(/<svg class="parley-spread-icon"/g).length, 9, query);
      assert.ok(!bar.includes('<path d="M'), query);
      // Nobody liked the page yet.
      const block = likesBlock(html);
      assert.ok(block, query);
      assert.ok(html.indexOf('parley-spread') < html.indexOf(block), query);
      assert.ok(html.indexOf(block) < html.indexOf('<section class="parley-comments"'), query);
      assert.ok(block.includes('<p class="parley-likes-text" data-parley-key="like-count-0">Be the first to like this.</p>'), query);
      assert.ok(block.includes('<ul class="parley-likers" data-parley-key="likers" aria-hidden="true"></ul>'), query);
    }
    // Only what the mount shows, where it shows it.
    const only = (await early(server, page, '&parts=comments')).text;
    assertEarly(only, ['comments']);
    assert.match(only, /^<section class="parley-comments"/);
    assert.doesNotMatch(only, /parley-spread|parley-likes|like-count-0/);
    const noBar = (await early(server, page, '&parts=likes,comments')).text;
    assertEarly(noBar, ['likes', 'comments']);
    assert.doesNotMatch(noBar, /parley-spread/);
    const noBlock = (await early(server, page, '&parts=share,comments')).text;
    assertEarly(noBlock, ['share', 'comments']);
    assert.doesNotMatch(noBlock, /parley-likes|like-0/);
    const below = (await early(server, page, '&parts=comments,share')).text;
    assertEarly(below, ['comments', 'share']);
    assert.ok(below.indexOf('<section class="parley-comments"') < below.indexOf('<section class="parley-spread'));
    const reversed = (await early(server, page, '&parts=comments,likes,share')).text;
    assertEarly(reversed, ['comments', 'likes', 'share']);
  });

  it('its share bar has the native Share… and SMS buttons when the loader says the browser has them', async () => {
    const page = '/early-native/';
    assert.equal((await post(server, draft({ page, text: 'Share me' }))).status, 201);
    const targets = async (query) =>
      spreadTargets((await early(server, page, `&parts=share,comments&share=x,sms,native,copy${query}`)).text);
    // A desktop browser without navigator.share: neither (as the widget's bar there).
    assert.deepEqual(await targets('&native=0&touch=0'), ['x', 'copy']);
    assert.deepEqual(await targets('&native=yes&touch=true'), ['x', 'copy'], 'only 1 says yes');
    // A phone: both, where the owner put them; a cached copy for one browser is not
    // another's (asked in the other order, after the phone's was cached).
    assert.deepEqual(await targets('&native=1&touch=1'), ['x', 'sms', 'native', 'copy']);
    assert.deepEqual(await targets('&native=1'), ['x', 'native', 'copy']);
    assert.deepEqual(await targets('&touch=1'), ['x', 'sms', 'copy']);
    assert.deepEqual(await targets('&native=0&touch=0'), ['x', 'copy']);
    // Not said (an include's URL: the page is built before any reader comes): both, each
    // in an item parley.css shows only where the pointer is coarse, as on a phone.
    const any = (await early(server, page, '&parts=share,comments&share=x,sms,native,copy')).text;
    const items = [...any.matchAll(/<li class="([^"]+)">.*?data-parley-key="spread-([a-z-]+)"/g)]
      .map((m) => `${m[2]}: ${m[1]}`);
    assert.deepEqual(items, ['x: parley-spread-item', 'sms: parley-spread-item parley-spread-coarse',
      'native: parley-spread-item parley-spread-coarse', 'copy: parley-spread-item']);
    assert.ok(!(await early(server, page, '&parts=share,comments&share=x,sms,native,copy&native=1&touch=1'))
      .text.includes('parley-spread-coarse'), 'a known device gets no marks');
  });

  it('names its ids as the widget of the mount it is for: parley-2-… for the second', async () => {
    const page = '/early-mount/';
    assert.equal((await post(server, draft({ page, text: 'Second on the page' }))).status, 201);
    const ids = (html) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]).filter((id) => !id.startsWith('parley-comment-'));
    const first = (await early(server, page, '&parts=share,comments')).text;
    assert.deepEqual(ids(first), ['parley-spread', 'parley-spread-title', 'parley-spread-server', 'parley-comments', 'parley-count']);
    assert.deepEqual(ids((await early(server, page, '&parts=share,comments&mount=1')).text), ids(first));
    // Asked after the first mount's was cached: a copy of its own.
    const second = (await early(server, page, '&parts=share,comments&mount=2')).text;
    assert.deepEqual(ids(second), ['parley-2-spread', 'parley-2-spread-title', 'parley-2-spread-server', 'parley-2-comments', 'parley-2-count']);
    assert.match(second, /aria-labelledby="parley-2-count"/);
    assert.ok(second.includes('id="parley-comment-'), 'comment anchors stay as the widget names them');
    for (const mount of ['0', '-1', '1000', 'two', '2x', '', '1.5']) {
      const res = await early(server, page, `&mount=${mount}`);
      assert.equal(res.status, 400, mount);
      assert.equal(res.json.error, 'bad_request', mount);
      assert.match(res.json.message, /^mount is the mount's number on the page, 1 to 999\.$/, mount);
    }
  });

  it('its Like block has the page\'s count and recent likers as GET /api/likes gives them, nobody\'s', async () => {
    const page = '/early-like-block/';
    assert.equal((await post(server, draft({ page, text: 'Like the page' }))).status, 201);
    await like(server, page, 0, 'c'.repeat(32));
    await like(server, page, 0, 'd'.repeat(32));
    const likes = (await get(server, `/api/likes?site=demo&page=${page}`)).json;
    assert.equal(likes.count, 2);
    assert.equal(likes.recent.length, 2);
    const { text: html } = await early(server, page);
    assertEarly(html);
    const block = likesBlock(html);
    assert.ok(block);
    // The keys the widget adopts, and the sentence.
    assert.match(block, /^<div class="parley-likes" data-parley-key="likes" lang="en" dir="ltr">/);
    assert.ok(block.includes('<button type="button" class="parley-like-button" data-parley-action="like" ' +
      'data-parley-id="0" data-parley-key="like-0" aria-pressed="false">'));
    assert.ok(block.includes('<p class="parley-likes-text" data-parley-key="like-count-0">2 bloggers like this</p>'));
    assert.ok(block.includes('<p class="parley-like-message" data-parley-key="like-message-0" role="status"></p>'));
    // The recent likers' generated avatars, one each; a token is never shown.
    const likers = /<ul class="parley-likers" data-parley-key="likers" aria-hidden="true">(.*?)<\/ul>/s.exec(block)[1];
    assert.equal((likers.match(/<li class="parley-liker">/g) ?? []).length, likes.recent.length);
    assert.ok(!html.includes('c'.repeat(32)) && !html.includes('d'.repeat(32)));
    assert.doesNotMatch(html, /aria-pressed="true"/);
    // A comment's likes are not the page's.
    assert.equal(dataOf(html).hearts, true);
  });

  it('its share bar follows the mount\'s share and share_style', async () => {
    const page = '/early-share/';
    const { text: html } = await early(server, page, '&share=bluesky,copy&share_style=labels');
    assertEarly(html);
    assert.deepEqual(spreadTargets(html), ['bluesky', 'copy']);
    assert.match(html, /^<section class="parley-spread parley-spread--labels" /);
    assert.ok(html.includes('<span class="parley-spread-label">Bluesky</span>'));
    assert.doesNotMatch(html.slice(0, html.indexOf('</section>')), /<svg/, 'labels only');
    const both = (await early(server, page, '&share=%20X%2C%20nope%2Cemail&share_style=icons%2Blabels')).text;
    assert.deepEqual(spreadTargets(both), ['x', 'email']);
    assert.match(both, /^<section class="parley-spread parley-spread--icons-labels" /);
  });

  it('a hostile share or share_style is bounded and skipped', async () => {
    const page = '/early-hostile-share/';
    const hostile = '"><script>alert(1)</script>';
    const long = hostile.repeat(Math.ceil(10000 / hostile.length)).slice(0, 10000);
    // (Both 10,000 characters long would be over parleyd's bound on a request's head.)
    // A comma needs no escape in a query: ten thousand characters of "x,x,…" stay so.
    const xs = 'x,'.repeat(5000);
    for (const [share, style] of [[long, hostile], [hostile, long], [`x,${hostile},copy`, hostile], [xs, '']]) {
      const res = await early(server, page, `&share=${share === xs ? xs : encodeURIComponent(share)}` +
        `&share_style=${encodeURIComponent(style)}`);
      assert.equal(res.status, 200);
      const html = res.text;
      assertEarly(html);
      assert.doesNotMatch(html, /<script>|alert\(1\)/);
      assert.match(html, /^<section class="parley-spread parley-spread--icons" /);
      assert.ok(html.length < 20000, `${html.length} bytes`);
    }
    // A list no owner writes (over core's kMaxTargetListBytes) gives no targets at all,
    // a short one the targets it names.
    const bounded = (await early(server, page, `&share=${encodeURIComponent(long)}`)).text;
    assert.ok(bounded.includes('<ul class="parley-spread-list" data-parley-key="spread-list"></ul>'));
    assert.deepEqual(spreadTargets((await early(server, page, `&share=${xs}`)).text), []);
    assert.deepEqual(spreadTargets((await early(server, page, `&share=${encodeURIComponent(`x,${hostile},copy`)}`)).text),
      ['x', 'copy']);
  });

  it('is kept until the next write: the same copy, then the new like and the new comment', async () => {
    const page = '/early-kept/';
    const first = (await post(server, draft({ page, text: 'Kept' }))).json.id;
    const a = await early(server, page);
    // A second later a new rendering would say another rendered_at: this is the kept one.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = await early(server, page);
    assert.ok(a.headers.get('etag'));
    assert.equal(b.headers.get('etag'), a.headers.get('etag'));
    assert.equal(b.text, a.text);
    // Another title is another rendering (its heading), not the cached one.
    assert.match((await early(server, page, '&title=Other')).text, /Response to \u201COther\u201D/);
    await like(server, page, first, 'c'.repeat(32));
    const liked = await early(server, page);
    assert.notEqual(liked.headers.get('etag'), a.headers.get('etag'));
    assert.match(liked.text, new RegExp(`data-parley-key="like-count-${first}">1<`));
    assert.equal((await post(server, draft({ page, text: 'Posted since' }))).status, 201);
    assert.match((await early(server, page)).text, /<p>Posted since<\/p>/);
  });

  it('a fragment for an include holds the parts it names too, with the hearts, and keeps its form', async () => {
    const page = '/include-parts/';
    const ana = (await post(server, draft({ page, text: 'Included' }))).json.id;
    await like(server, page, ana, 'e'.repeat(32));
    const fragment = async (query) =>
      (await get(server, `/embed/thread?site=demo&page=${encodeURIComponent(page)}&format=fragment${query}`)).text;
    // Without parts, as before: the section and the data, no hearts, no "parts".
    const plain = await fragment('');
    assert.deepEqual(partsOf(plain), ['section.parley-comments', 'script.parley-data']);
    assert.equal(dataOf(plain).parts, undefined);
    assert.equal(dataOf(plain).hearts, undefined);
    assert.doesNotMatch(plain, /parley-comment-like/);
    // With them: every part in the mount's order, as the early rendering, but whole (no
    // slices) and with the plain form for readers without JavaScript.
    for (const [query, parts] of [['&parts=', ['share', 'likes', 'comments']],
      ['&parts=likes,comments&mount=2', ['likes', 'comments']], ['&parts=comments,share&share=x,copy', ['comments', 'share']]]) {
      const html = await fragment(query);
      assert.deepEqual(partsOf(html), [...parts.map((p) => PART_ELEMENT[p]), 'script.parley-data'], query);
      assert.equal(dataOf(html).parts, parts.join(','), query);
      assert.ok(!html.includes(MARKER), query);
      assert.match(html, /<form [^>]*class="parley-form"/, query);
      // The hearts, with the stored count, and the Like block where the mount shows likes.
      const likes = parts.includes('likes');
      assert.equal(dataOf(html).hearts, likes ? true : undefined, query);
      assert.equal(html.includes(`<span class="parley-like-count" data-parley-key="like-count-${ana}">1</span>`), likes, query);
      assert.equal(Boolean(likesBlock(html)), likes, query);
    }
    assert.deepEqual(spreadTargets(await fragment('&parts=comments,share&share=x,copy')), ['x', 'copy']);
    assert.match(await fragment('&parts=likes,comments&mount=2'), /<section class="parley-comments" id="parley-2-comments"/);
    assert.equal((await get(server, `/embed/thread?site=demo&page=${page}&format=fragment&parts=&mount=x`)).status, 400);
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
