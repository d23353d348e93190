// The thread without JavaScript (docs/seo-nojs.md): GET /embed/thread, the plain form
// POST /form/comments (urlencoded, CSRF by Origin/Referer, 303 back to the page, the
// form again with errors), against the real parleyd.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, PAGE, draft, get, post, postForm, thread } from './client.mjs';

const TITLE = 'New Report Examines the Use of Raids';

function form(fields) {
  return new URLSearchParams({ page: PAGE, title: TITLE, comment: 'Hello *world*', author: 'Ana',
    email: 'ana@example.org', website: '', ...fields }).toString();
}

const embed = (server, query) => get(server, `/embed/thread?site=demo&${query}`);

describe('no-JavaScript thread and form', () => {
  let server;
  before(async () => { server = await startParleyd(); });
  after(async () => { await server.stop(); });

  it('GET /embed/thread serves the thread as a page: comments, plain form, data', async () => {
    const page = '/embed-read/';
    assert.equal((await post(server, draft({ page, text: 'First <b>bold</b> **strong**' }))).status, 201);
    const res = await embed(server, `page=${encodeURIComponent(page)}&title=Raids`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/);
    assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
    assert.match(res.headers.get('content-security-policy'), /form-action 'self' http:\/\/localhost:8081/);
    const html = res.text;
    assert.match(html, /^<!doctype html>\n<html lang="en" dir="ltr">/);
    assert.match(html, /<title>One Response to “Raids”<\/title>/);
    assert.match(html, /<link rel="stylesheet" href="\/parley.css">/);
    assert.match(html, /<h2 class="parley-count"[^>]*>One Response to “Raids”<\/h2>/);
    // The stored rendering, raw HTML in the source escaped.
    assert.match(html, /First &lt;b&gt;bold&lt;\/b&gt; <strong>strong<\/strong>/);
    assert.match(html, /<form class="parley-form" [^>]*method="post" action="\/form\/comments\?site=demo"/);
    assert.match(html, /<input type="hidden" name="page" value="\/embed-read\/">/);
    assert.match(html, /<textarea [^>]*name="comment"/);
    assert.doesNotMatch(html, /data-parley-action="preview"/, 'no Preview without the widget');
    const data = JSON.parse(/<script type="application\/json" class="parley-data">(.*?)<\/script>/s
      .exec(html)[1]);
    assert.equal(data.site, 'demo');
    assert.equal(data.page, page);
    assert.equal(data.lang, 'en');
    assert.equal(data.count, 1);
    // Slim: the rendering is in the section above only, not again in the data.
    assert.equal(data.comments[0].html, '');
  });

  it('the data script cannot be closed from inside a comment', async () => {
    const page = '/embed-script/';
    // The data carries the author's name as sent (the text's rendering is not in it).
    const author = '</script><script>alert(1)</script><!--';
    const text = '`</script><script>alert(1)</script><!--`';
    assert.equal((await post(server, draft({ page, text, author }))).status, 201);
    const { text: html } = await embed(server, `page=${page}`);
    const script = /<script type="application\/json" class="parley-data">(.*?)<\/script>/s.exec(html)[1];
    assert.doesNotMatch(script, /[<>]/);
    assert.equal(html.match(/<script/g).length, 1);
    assert.equal(JSON.parse(script).comments[0].author, author);
    assert.match(html, /<code>&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;!--<\/code>/);
  });

  it('renders in the language asked for, right to left where it is', async () => {
    const { text: de } = await embed(server, 'page=/empty/&lang=de');
    assert.match(de, /<html lang="de" dir="ltr">/);
    assert.match(de, /Kommentar abschicken|Kommentar/);
    const { text: ar } = await embed(server, 'page=/empty/&lang=ar');
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.match(ar, /<input type="hidden" name="lang" value="ar">/);
  });

  it('format=fragment is the section and data only, posting to the public address', async () => {
    const res = await embed(server, 'page=/frag/&format=fragment');
    assert.equal(res.status, 200);
    assert.match(res.text, /^<section class="parley-comments"/);
    assert.doesNotMatch(res.text, /<html|<head|<link/);
    assert.ok(res.text.includes(`action="${server.url}/form/comments?site=demo"`), res.text.slice(0, 2000));
  });

  it('the data script is slim: each comment\'s html is "", its text only in the section', async () => {
    const page = '/frag-slim/';
    const first = await post(server, draft({ page, text: 'Slim *one*' }));
    assert.equal(first.status, 201);
    assert.equal((await post(server, draft({ page, text: 'Slim two', parent: first.json.id }))).status, 201);
    const { text: html } = await embed(server, `page=${page}&format=fragment`);
    const [section, script] = html.split('<script type="application/json" class="parley-data">');
    assert.match(section, /<p>Slim <em>one<\/em><\/p>/);
    assert.match(section, /<p>Slim two<\/p>/);
    const data = JSON.parse(script.replace(/<\/script>$/, ''));
    assert.equal(data.count, 2);
    assert.deepEqual(data.comments.map((c) => c.html), ['', '']);
    assert.doesNotMatch(script, /Slim/);
    assert.equal(data.hearts, undefined, 'no hearts in format=fragment');
  });

  it('refuses a missing or bad page and an unknown site with 4xx', async () => {
    assert.equal((await embed(server, '')).status, 400);
    assert.equal((await embed(server, 'page=no-slash')).status, 400);
    assert.equal((await get(server, '/embed/thread?site=nope&page=/a/')).status, 404);
  });

  it('a urlencoded post is stored and 303s back to the page, at the comment', async () => {
    const page = '/form-ok/';
    const res = await postForm(server, form({ page, comment: 'From a *plain* form', website: 'https://ana.example' }));
    assert.equal(res.status, 303);
    const list = await thread(server, page);
    assert.equal(list.json.count, 1);
    const c = list.json.comments[0];
    assert.equal(c.html, '<p>From a <em>plain</em> form</p>\n');
    assert.equal(c.author, 'Ana');
    assert.equal(res.headers.get('location'), `${ORIGIN}${page}#parley-comment-${c.id}`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('goes back to the return path when the page key is not the URL', async () => {
    const res = await postForm(server, form({ page: '/key/', return: '/?p=12' }));
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location'), /^http:\/\/localhost:8081\/\?p=12#parley-comment-\d+$/);
  });

  it('never redirects off the site (no open redirect)', async () => {
    for (const ret of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', 'javascript:alert(1)',
      '/a b', '/x#y']) {
      const res = await postForm(server, form({ page: '/redir/', return: ret }));
      assert.equal(res.status, 303, ret);
      assert.match(res.headers.get('location'), /^http:\/\/localhost:8081\/redir\/#parley-comment-\d+$/, ret);
    }
    // A page key that is a full URL is no path on the origin: back to the embed page.
    const res = await postForm(server, form({ page: 'https://evil.example/p/' }));
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location'),
      /^\/embed\/thread\?site=demo&page=https%3A\/\/evil.example\/p\/&title=.*#parley-comment-\d+$/);
    // The origin the error page carries along is honoured only if the site lists it.
    const carried = await postForm(server, form({ page: '/carry/', origin: 'https://evil.example' }),
      { origin: server.url });
    assert.equal(carried.status, 303);
    assert.match(carried.headers.get('location'), /^\/embed\/thread\?site=demo&page=\/carry\//);
  });

  it('from the embed page itself (same origin), back to the embed page', async () => {
    const res = await postForm(server, form({ page: '/same/', lang: 'de' }), { origin: server.url });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location'),
      /^\/embed\/thread\?site=demo&page=\/same\/&title=New%20Report%20Examines%20the%20Use%20of%20Raids&lang=de#parley-comment-\d+$/);
    const back = await postForm(server, form({ page: '/same/', origin: ORIGIN }), { origin: server.url });
    assert.match(back.headers.get('location'), /^http:\/\/localhost:8081\/same\/#parley-comment-\d+$/);
  });

  it('CSRF: refuses other origins, and posts with neither Origin nor Referer, with 403', async () => {
    const page = '/csrf/';
    for (const [name, options] of [
      ['a foreign origin', { origin: 'https://evil.example' }],
      ['no Origin or Referer', { origin: null }],
      ['Origin null', { origin: 'null' }],
      ['a foreign Referer', { origin: null, headers: { Referer: 'https://evil.example/x' } }],
      ['a look-alike origin', { origin: 'http://localhost:8081.evil.example' }],
    ]) {
      const res = await postForm(server, form({ page }), options);
      assert.equal(res.status, 403, name);
      assert.equal(JSON.parse(res.text).error, 'origin_not_allowed', name);
    }
    assert.equal((await thread(server, page)).json.count, 0);
    // A Referer from the site does (browsers that send no Origin).
    const ok = await postForm(server, form({ page }), { origin: null, headers: { Referer: `${ORIGIN}/csrf/` } });
    assert.equal(ok.status, 303);
  });

  it('field errors: the form again, input kept, each message next to its field', async () => {
    const page = '/form-errors/';
    const res = await postForm(server, form({ page, comment: 'Kept <text> & all', author: '',
      email: 'not-an-email', website: 'javascript:alert(1)' }));
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    const html = res.text;
    assert.ok(html.includes('>Kept &lt;text&gt; &amp; all</textarea>'));
    assert.match(html, /<p class="parley-error" id="parley-error-author"[^>]*>Please enter your name.<\/p>/);
    assert.match(html, /<p class="parley-error" id="parley-error-email"[^>]*>Please enter a valid email address, like name@example.com.<\/p>/);
    assert.match(html, /<p class="parley-error" id="parley-error-website"[^>]*>Please enter a web address starting with http:\/\/ or https:\/\/.<\/p>/);
    assert.match(html, /<p class="parley-error" id="parley-error-text"[^>]*><\/p>/);
    assert.match(html, /id="parley-field-email" name="email" type="email" value="not-an-email"[^>]*aria-invalid="true"/);
    assert.match(html, /role="status" aria-live="polite">Please correct the marked fields.<\/p>/);
    // The reader came from the site: fixing and posting again returns there.
    assert.match(html, /<input type="hidden" name="origin" value="http:\/\/localhost:8081">/);
    assert.equal((await thread(server, page)).json.count, 0);
  });

  it('an error that is not about a form field is said in the status line', async () => {
    const res = await postForm(server, form({ page: '/long-title/', title: 't'.repeat(400) }));
    assert.equal(res.status, 400);
    assert.match(res.text, /role="status" aria-live="polite">[^<]*title[^<]*<\/p>/i);
  });

  it('field errors in the reader\'s language', async () => {
    const res = await postForm(server, form({ page: '/de/', author: '', lang: 'de' }));
    assert.equal(res.status, 400);
    assert.match(res.text, /<html lang="de"/);
    assert.doesNotMatch(res.text, /Please enter your name/);
  });

  it('bad input is a 4xx with a message, never a 500', async () => {
    const cases = [
      ['JSON instead of a form', JSON.stringify(draft()), 'application/json', 415],
      ['no page', 'comment=hi&author=a&email=a%40b.example', undefined, 400],
      ['a broken %-escape', form({}) + '&x=%zz', undefined, 400],
      ['bytes that are not UTF-8', form({}) + '&comment=%ff%fe', undefined, 400],
      ['too many fields', Array.from({ length: 40 }, (_, i) => `f${i}=1`).join('&'), undefined, 400],
    ];
    for (const [name, body, type, status] of cases) {
      const res = await postForm(server, body,
        type ? { headers: { 'Content-Type': type } } : {});
      assert.equal(res.status, status, name);
      assert.ok(JSON.parse(res.text).message, name);
    }
    assert.equal((await postForm(server, form({}), { site: 'nope' })).status, 404);
    const big = await postForm(server, form({ comment: 'x'.repeat(70 * 1024) }));
    assert.equal(big.status, 413);
  });

  it('GET /parley.css is the stylesheet under a stable name', async () => {
    const res = await get(server, '/parley.css');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/css/);
    assert.match(res.headers.get('cache-control'), /max-age=300/);
    assert.match(res.text, /\.parley-comments/);
  });
});

describe('no-JavaScript form rate limit', () => {
  it('past the post budget: 429, Retry-After, and the form again with the text kept', async () => {
    const server = await startParleyd({ extraArgs: ['--posts-per-minute', '1'] });
    try {
      assert.equal((await postForm(server, form({ page: '/rl/' }))).status, 303);
      const res = await postForm(server, form({ page: '/rl/', comment: 'second try' }));
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      assert.match(res.text, /You are commenting too quickly/);
      assert.ok(res.text.includes('>second try</textarea>'));
    } finally {
      await server.stop();
    }
  });
});
