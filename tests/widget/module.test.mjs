// Smoke test of the built WASM module: loads parley-widget.js + .wasm the way a
// browser host would (the factory, with the wasm bytes handed in), and drives one
// start -> response cycle through the embind `Widget` class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = resolve(process.env.PARLEY_WIDGET_DIR ?? 'build/wasm/widget');

// The wasm carries no catalogs: the host passes the one parleyd serves (GET /api/i18n,
// the language's messages over English ones, and "@lang"). Built here the same way.
function wireCatalog(lang) {
  const read = (tag) => JSON.parse(readFileSync(resolve('i18n', `${tag}.json`), 'utf8'));
  return JSON.stringify({ ...read('en'), ...(lang === 'en' ? {} : read(lang)), '@lang': lang });
}

// The glue is a classic script (UMD-style); this package is "type": "module", so load
// a copy with a .cjs name instead of evaluating its text.
function loadFactory() {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-widget-'));
  try {
    const copy = join(tmp, 'parley-widget.cjs');
    copyFileSync(join(dir, 'parley-widget.js'), copy);
    return createRequire(import.meta.url)(copy);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// A fresh Widget from the built module; `send` calls it as web/host.js does: an event's
// large string copied in beside the JSON, the answer read back into one object.
async function withWidget(body) {
  const factory = loadFactory();
  const Module = await factory({ wasmBinary: readFileSync(join(dir, 'parley-widget.wasm')) });
  const widget = new Module.Widget();
  try {
    const text = new TextDecoder();
    await body((event, payload = '') => {
      const bytes = new TextEncoder().encode(payload);
      if (bytes.length) widget.payload(bytes.length).set(bytes);
      // The answer's framing (docs/widget-protocol.md): a JSON line, then each markup
      // patch's bytes in order; nothing may be left over.
      const answer = widget.handle(JSON.stringify(event));
      let at = answer.indexOf(10);
      assert.ok(at > 0, 'the answer has its JSON line');
      const out = JSON.parse(text.decode(answer.subarray(0, at++)));
      for (const p of out.patches) {
        if (p.bytes === undefined) continue;
        p.html = text.decode(answer.subarray(at, (at += p.bytes)));
        delete p.bytes;
      }
      assert.equal(at, answer.length, 'every byte of the answer belongs to a patch');
      return out;
    });
  } finally {
    widget.delete();
  }
}

test('the embind Widget renders the skeleton, fetches, and renders the thread', () => withWidget(async (send) => {

    const start = send({
      type: 'start', site: 'blog', page: '/2011/07/raids/', title: 'Raids <b>',
      now: 1764477923, saved: null, lang: 'en', catalog: wireCatalog('en'),
    });
    assert.equal(start.patches[0].op, 'html');
    assert.equal(start.patches[0].key, 'root');
    assert.match(start.patches[0].html, /Leave a Reply/);
    assert.deepEqual(start.effects, [{
      kind: 'fetch', request: 1, method: 'GET',
      path: '/api/comments?site=blog&page=/2011/07/raids/',
    }, {
      // Live updates: the page's event stream is opened beside the thread request.
      kind: 'listen', path: '/api/events?site=blog&page=/2011/07/raids/', after: 0,
    }, {
      // Login: which providers the site offers (docs/login.md).
      kind: 'fetch', request: 2, method: 'GET', path: '/api/login?site=blog',
    }, {
      // The page's likes: the default parts are share, likes and comments.
      kind: 'fetch', request: 3, method: 'GET', path: '/api/likes?site=blog&page=/2011/07/raids/',
    }, {
      // The next task warms the thread's code up while the thread is on its way.
      kind: 'yield',
    }]);
    const warm = send({ type: 'resume' });
    assert.deepEqual(warm, { patches: [], effects: [] });

    const body = JSON.stringify({ page: '/2011/07/raids/', count: 1, comments: [{
      id: 5, parent: 0, depth: 0, author: 'Ana', website: '',
      html: '<p>Hello <em>world</em></p>', created: 1764477923 - 7200,
    }] });
    // The body beside the event, as the host sends it (the second test puts it inside).
    const loaded = send({ type: 'response', request: 1, status: 200 }, body);
    const html = (key) => loaded.patches.find((p) => p.op === 'html' && p.key === key)?.html;
    assert.equal(html('count'), 'One Response to \u201CRaids &lt;b&gt;\u201D');
    assert.match(html('thread'), /<article class="parley-comment" id="parley-comment-5" data-parley-key="article-5">/);
    assert.match(html('thread'), />2 hours ago<\/time>/);

    const bad = send('not an event');
    assert.equal(bad.patches[0].key, 'status');
    assert.match(bad.patches[0].html, /^Parley: /);
}));

test('the wasm speaks the language of the catalog it is given, with its plural rules', () => withWidget(async (send) => {
    const start = send({
      type: 'start', site: 'blog', page: '/p', title: 'Razzien', now: 1764477923, saved: null,
      lang: 'ru-RU', catalog: wireCatalog('ru'),
    });
    assert.match(start.patches[0].html, /<section class="parley-comments"[^>]* lang="ru" dir="ltr"/);
    const comments = [1, 2, 3, 4, 5].map((id) => ({
      id, parent: 0, depth: 0, author: 'Аня', website: '', html: '<p>Привет</p>', created: 1764477923,
    }));
    const loaded = send({ type: 'response', request: 1, status: 200,
      body: JSON.stringify({ page: '/p', count: 5, comments }) });
    const count = loaded.patches.find((p) => p.op === 'html' && p.key === 'count').html;
    // Russian "many" form for 5, from the catalog the host passed in.
    assert.equal(count, '5 ответов на «Razzien»');
}));
