// Atom feeds over real HTTP: parsed as XML (strictly: a malformed feed throws) and
// checked entry by entry, hostile comment text included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, get, post } from './client.mjs';

const ATOM = 'http://www.w3.org/2005/Atom';

function parseFeed(text) {
  const doc = new JSDOM(text, { contentType: 'application/xml' }).window.document;
  assert.equal(doc.documentElement.namespaceURI, ATOM);
  assert.equal(doc.documentElement.localName, 'feed');
  const child = (el, name) => [...el.children].find((c) => c.localName === name);
  const entries = [...doc.documentElement.children].filter((c) => c.localName === 'entry');
  return {
    doc,
    title: child(doc.documentElement, 'title').textContent,
    id: child(doc.documentElement, 'id').textContent,
    updated: child(doc.documentElement, 'updated').textContent,
    entries: entries.map((e) => ({
      id: child(e, 'id').textContent,
      title: child(e, 'title').textContent,
      updated: child(e, 'updated').textContent,
      author: child(child(e, 'author'), 'name').textContent,
      link: child(e, 'link')?.getAttribute('href'),
      contentType: child(e, 'content').getAttribute('type'),
      content: child(e, 'content').textContent,
    })),
  };
}

describe('Atom feeds', () => {
  let server;
  before(async () => {
    server = await startParleyd({ sites: [{ id: 'demo', origins: [ORIGIN] }] });
    const posts = [
      draft({ page: '/a/', title: 'Post <A> & "quotes"', text: 'First *one*', author: 'Ana' }),
      draft({ page: '/b/', title: 'Post B', text: '<script>alert(1)</script> ]]> &amp;', author: 'Bo <b>' }),
      draft({ page: '/a/', title: 'Post <A> & "quotes"', text: 'Third', author: 'Cy' }),
    ];
    for (const d of posts) assert.equal((await post(server, d)).status, 201);
  });
  after(async () => { await server?.stop(); });

  it('the site feed lists the newest comments first, escaped, with the stored HTML', async () => {
    const res = await get(server, '/feed/comments.atom?site=demo');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/atom\+xml/);
    assert.ok(res.headers.get('etag'));
    const feed = parseFeed(res.text);
    assert.equal(feed.entries.length, 3);
    // Same second: newest id first.
    assert.deepEqual(feed.entries.map((e) => e.author), ['Cy', 'Bo <b>', 'Ana']);
    const bo = feed.entries[1];
    assert.equal(bo.title, 'Bo <b> on Post B');
    assert.equal(bo.contentType, 'html');
    // The content is the core rendering, as text: the script is escaped text in it.
    assert.equal(bo.content, '<p>&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;</p>\n');
    assert.match(bo.link, /^http:\/\/localhost:8081\/b\/#parley-comment-\d+$/);
    assert.match(bo.id, /^urn:parley:demo:comment:\d+$/);
    assert.equal(feed.entries[2].title, 'Ana on Post <A> & "quotes"');
    assert.match(feed.updated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const again = await get(server, '/feed/comments.atom?site=demo',
      { 'If-None-Match': res.headers.get('etag') });
    assert.equal(again.status, 304);
  });

  it('the thread feed has one page, and the same entry ids as the site feed', async () => {
    const site = parseFeed((await get(server, '/feed/comments.atom?site=demo')).text);
    const res = await get(server, '/feed/thread.atom?site=demo&page=%2Fa%2F');
    assert.equal(res.status, 200);
    const feed = parseFeed(res.text);
    assert.equal(feed.title, 'Comments on Post <A> & "quotes"');
    assert.deepEqual(feed.entries.map((e) => e.author), ['Cy', 'Ana']);
    assert.equal(feed.entries[1].content, '<p>First <em>one</em></p>\n');
    assert.deepEqual(feed.entries.map((e) => e.id),
      site.entries.filter((e) => e.link.includes('/a/#')).map((e) => e.id));
    const empty = parseFeed((await get(server, '/feed/thread.atom?site=demo&page=/none/')).text);
    assert.equal(empty.entries.length, 0);
  });

  it('is bounded to the newest 50 comments', async () => {
    for (let i = 0; i < 52; ++i) {
      assert.equal((await post(server, draft({ page: '/many/', text: `n${i}` }))).status, 201);
    }
    const feed = parseFeed((await get(server, '/feed/thread.atom?site=demo&page=/many/')).text);
    assert.equal(feed.entries.length, 50);
    assert.equal(feed.entries[0].content, '<p>n51</p>\n');
  });

  it('refuses a bad request with a JSON message', async () => {
    const noPage = await get(server, '/feed/thread.atom?site=demo');
    assert.equal(noPage.status, 400);
    assert.equal(noPage.json.message, 'page is required.');
    const unknown = await get(server, '/feed/comments.atom?site=nope');
    assert.equal(unknown.status, 404);
  });
});
