// Static files: the loader with hashed asset paths, and the immutable hashed assets.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { rawRequest } from './client.mjs';
import { server as serverLimits } from './limits.mjs';

// Real WebAssembly: the smallest valid module (magic + version), then padding in a
// custom section so the file is big enough to be worth compressing.
function wasmModule() {
  const name = Buffer.from('pad');
  const payload = Buffer.concat([Buffer.from([name.length]), name, Buffer.alloc(2000, 7)]);
  const size = payload.length;  // 2004 = LEB128 0xd4 0x0f
  return Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00]),
    Buffer.from([(size & 0x7f) | 0x80, size >> 7]),
    payload,
  ]);
}

const LOADER = `(function(){
  var js = "__PARLEY_WIDGET_JS__", wasm = "__PARLEY_WIDGET_WASM__", css = "__PARLEY_CSS__";
  var worker = "__PARLEY_POW_WORKER__", pow = "__PARLEY_POW_WASM__";
  window.Parley = { js: js, wasm: wasm, css: css, again: "__PARLEY_CSS__" };
})();
`;
const WIDGET_JS = `var ParleyWidget = function(){ return "widget glue"; };\n`.repeat(40);
const CSS = `.parley-comment { margin: 0 0 1em; }\n`.repeat(40);
const POW_WORKER = `onmessage = function(){ postMessage("worker"); };\n`.repeat(20);

describe('static assets', () => {
  let server;
  let dir;
  const wasm = wasmModule();
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-assets-'));
    await writeFile(path.join(dir, 'parley.js'), LOADER);
    await writeFile(path.join(dir, 'parley-widget.js'), WIDGET_JS);
    await writeFile(path.join(dir, 'parley-widget.wasm'), wasm);
    await writeFile(path.join(dir, 'parley.css'), CSS);
    await writeFile(path.join(dir, 'pow-worker.js'), POW_WORKER);
    await writeFile(path.join(dir, 'parley-pow.wasm'), wasm);
    server = await startParleyd({ assets: dir });
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function loaderPaths() {
    const res = await rawRequest(server, { path: '/parley.js' });
    const text = res.body.toString();
    const pick = (name) => new RegExp(`${name} = "([^"]+)"`).exec(text)[1];
    return { res, text, js: pick('js'), wasm: pick('wasm'), css: pick('css'),
      worker: pick('worker'), pow: pick('pow') };
  }

  it('serves the loader with every placeholder replaced by a hashed path', async () => {
    const { res, text, js, wasm: wasmPath, css } = await loaderPaths();
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers['cache-control'], `public, max-age=${serverLimits.kLoaderMaxAgeSeconds}`);
    assert.ok(res.headers.etag);
    assert.ok(!text.includes('__PARLEY_'), text);
    assert.match(js, /^\/assets\/parley-widget\.[0-9a-f]{16}\.js$/);
    assert.match(wasmPath, /^\/assets\/parley-widget\.[0-9a-f]{16}\.wasm$/);
    assert.match(css, /^\/assets\/parley\.[0-9a-f]{16}\.css$/);
    assert.match(text, /worker = "\/assets\/pow-worker\.[0-9a-f]{16}\.js"/);
    assert.match(text, /pow = "\/assets\/parley-pow\.[0-9a-f]{16}\.wasm"/);
    assert.match(text, new RegExp(`again: "${css.replaceAll('.', '\\.')}"`));
  });

  it('answers the loader\'s ETag with 304', async () => {
    const { res } = await loaderPaths();
    const again = await rawRequest(server, {
      path: '/parley.js', headers: { 'If-None-Match': res.headers.etag },
    });
    assert.equal(again.status, 304);
  });

  it('serves each hashed asset, immutable, with its content type', async () => {
    const paths = await loaderPaths();
    const expected = [
      [paths.js, 'text/javascript; charset=utf-8', Buffer.from(WIDGET_JS)],
      [paths.wasm, 'application/wasm', wasm],
      [paths.css, 'text/css; charset=utf-8', Buffer.from(CSS)],
      [paths.worker, 'text/javascript; charset=utf-8', Buffer.from(POW_WORKER)],
      [paths.pow, 'application/wasm', wasm],
    ];
    for (const [assetPath, type, body] of expected) {
      const res = await rawRequest(server, { path: assetPath });
      assert.equal(res.status, 200, assetPath);
      assert.equal(res.headers['content-type'], type);
      assert.equal(res.headers['cache-control'],
        `public, max-age=${serverLimits.kImmutableMaxAgeSeconds}, immutable`);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.deepEqual(res.body, body);
    }
    const module = await WebAssembly.compile((await rawRequest(server, { path: paths.wasm })).body);
    assert.ok(module instanceof WebAssembly.Module);
  });

  it('gzips assets for clients that accept it', async () => {
    const paths = await loaderPaths();
    for (const [assetPath, original] of [[paths.wasm, wasm], [paths.css, Buffer.from(CSS)]]) {
      const res = await rawRequest(server, { path: assetPath, headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.ok(res.body.length < original.length);
      assert.deepEqual(gunzipSync(res.body), original);
    }
  });

  it('streams the wasm into WebAssembly.compileStreaming (content type and CORS)', async () => {
    const { wasm: wasmPath } = await loaderPaths();
    const module = await WebAssembly.compileStreaming(fetch(`${server.url}${wasmPath}`));
    assert.ok(module instanceof WebAssembly.Module);
  });

  // The widget's words (GET /api/i18n): the wasm carries no catalogs.
  it('serves the best catalog for the reader\'s language, English underneath', async () => {
    const { readFile } = await import('node:fs/promises');
    const catalog = async (tag) => JSON.parse(await readFile(new URL(`../../i18n/${tag}.json`, import.meta.url), 'utf8'));
    const en = await catalog('en');
    for (const [asked, lang] of [['de-AT', 'de'], ['pt-BR', 'pt'], ['zh-TW', 'zh-Hans'], ['AR', 'ar'],
      ['xx', 'en'], ['', 'en']]) {
      const res = await rawRequest(server, { path: `/api/i18n?lang=${encodeURIComponent(asked)}` });
      assert.equal(res.status, 200, asked);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.headers['cache-control'], `public, max-age=${serverLimits.kLoaderMaxAgeSeconds}`);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      const words = JSON.parse(res.body.toString());
      assert.equal(words['@lang'], lang, asked);
      const own = await catalog(lang);
      // Every English key is there, in the language where it has the key.
      for (const key of Object.keys(en)) {
        assert.deepEqual(words[key], key in own ? own[key] : en[key], `${asked}: ${key}`);
      }
    }
    const ar = JSON.parse((await rawRequest(server, { path: '/api/i18n?lang=ar' })).body.toString());
    assert.equal(ar['@dir'], 'rtl');
  });

  it('gzips the catalogs and answers their ETag with 304', async () => {
    const res = await rawRequest(server, { path: '/api/i18n?lang=ja', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal(JSON.parse(gunzipSync(res.body).toString())['@lang'], 'ja');
    const again = await rawRequest(server, { path: '/api/i18n?lang=ja',
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': res.headers.etag } });
    assert.equal(again.status, 304);
  });

  it('404s for unknown names and stale hashes', async () => {
    for (const p of ['/assets/parley-widget.0000000000000000.js', '/assets/parley.css',
      '/assets/../parley.js', '/assets/']) {
      const res = await rawRequest(server, { path: p });
      assert.equal(res.status, 404, p);
    }
  });

  it('changes the hashed name when the content changes', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'parley-assets-'));
    try {
      await writeFile(path.join(other, 'parley.js'), LOADER);
      await writeFile(path.join(other, 'parley-widget.js'), WIDGET_JS);
      await writeFile(path.join(other, 'parley-widget.wasm'), wasm);
      await writeFile(path.join(other, 'parley.css'), `${CSS}.parley-new {}\n`);
      const second = await startParleyd({ assets: other });
      try {
        const first = await loaderPaths();
        const text = (await rawRequest(second, { path: '/parley.js' })).body.toString();
        assert.ok(text.includes(first.js), 'unchanged file keeps its name');
        assert.ok(!text.includes(first.css), 'changed file gets a new name');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('without assets', () => {
  it('still serves the API, answers 404 for the widget, and says why at startup', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-empty-'));
    const server = await startParleyd({ assets: dir });
    try {
      assert.equal((await rawRequest(server, { path: '/parley.js' })).status, 404);
      assert.equal((await rawRequest(server, { path: '/healthz' })).status, 200);
      assert.match(server.stderr(), /parley\.js is missing/);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
