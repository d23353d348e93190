// Every way a request can be refused, and the JSON error each one gets.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { draft, get, ORIGIN, post, thread } from './client.mjs';
import { core } from './limits.mjs';

function assertError(res, status, error, field) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(res.json.error, error);
  assert.equal(typeof res.json.message, 'string');
  assert.ok(res.json.message.length > 0);
  if (field !== undefined) assert.equal(res.json.field, field);
}

describe('errors', () => {
  let server;
  before(async () => { server = await startParleyd(); });
  after(async () => { await server.stop(); });

  describe('validation (400 invalid, every field error listed)', () => {
    const cases = [
      ['empty text', { text: '' }, 'text', 'required'],
      ['blank text', { text: '  \n \n' }, 'text', 'required'],
      ['text too long', { text: 'x'.repeat(core.kMaxTextChars + 1) }, 'text', 'too_long'],
      ['missing name', { author: undefined }, 'author', 'required'],
      ['name too long', { author: 'n'.repeat(core.kMaxAuthorChars + 1) }, 'author', 'too_long'],
      ['missing email', { email: '' }, 'email', 'required'],
      ['bad email', { email: 'not-an-address' }, 'email', 'invalid'],
      ['bad website', { website: 'javascript:alert(1)' }, 'website', 'invalid'],
      ['website without scheme', { website: 'ana.example' }, 'website', 'invalid'],
      ['bad page key', { page: 'no-leading-slash' }, 'page', 'invalid'],
    ];
    for (const [name, overrides, field, code] of cases) {
      it(name, async () => {
        const res = await post(server, draft({ page: '/validation/', ...overrides }));
        assertError(res, 400, 'invalid', field);
        assert.ok(res.json.errors.some((e) => e.field === field && e.code === code),
          JSON.stringify(res.json.errors));
      });
    }

    it('text at exactly the limit is accepted (counted in code points)', async () => {
      const res = await post(server, draft({ page: '/validation-ok/', text: 'é'.repeat(core.kMaxTextChars) }));
      assert.equal(res.status, 201);
    });

    it('lists every problem at once, the first repeated in field/message', async () => {
      const res = await post(server, draft({ text: '', author: '', email: 'x', website: 'ftp://x' }));
      assertError(res, 400, 'invalid', 'text');
      assert.deepEqual(res.json.errors.map((e) => e.field), ['text', 'author', 'email', 'website']);
      assert.equal(res.json.message, res.json.errors[0].message);
    });

    it('nothing refused is stored', async () => {
      assert.equal((await thread(server, '/validation/')).json.count, 0);
    });
  });

  describe('malformed bodies', () => {
    it('not JSON -> 400 bad_json', async () => {
      assertError(await post(server, '{"text": '), 400, 'bad_json');
    });
    for (const body of ['[]', '"text"', '42', 'null']) {
      it(`JSON that is not an object (${body}) -> 400 bad_json`, async () => {
        assertError(await post(server, body), 400, 'bad_json');
      });
    }
    for (const [field, value] of [['text', 42], ['author', ['Ana']], ['email', { a: 1 }],
      ['website', true], ['parent', 'one'], ['page', 7]]) {
      it(`wrong type for ${field} -> 400 invalid on that field`, async () => {
        const res = await post(server, draft({ [field]: value }));
        assertError(res, 400, 'invalid');
        assert.ok(res.json.errors.some((e) => e.field === field), JSON.stringify(res.json.errors));
      });
    }
    it('invalid UTF-8 in the body -> 400 bad_utf8', async () => {
      const json = Buffer.from(JSON.stringify(draft({ text: 'AB' })));
      const at = json.indexOf('AB');
      json[at] = 0xff;  // a byte that never occurs in UTF-8
      json[at + 1] = 0xfe;
      assertError(await post(server, new Uint8Array(json)), 400, 'bad_utf8');
    });
    it('a deeply nested JSON body is refused without crashing', async () => {
      const depth = 30000;
      const res = await post(server, '['.repeat(depth) + ']'.repeat(depth));
      assertError(res, 400, 'bad_json');
    });
    it('POST without a JSON content type -> 415', async () => {
      const res = await post(server, JSON.stringify(draft()), { headers: { 'Content-Type': 'text/plain' } });
      assertError(res, 415, 'unsupported_media_type');
    });
  });

  describe('body size', () => {
    it(`a body of exactly ${core.kMaxBodyBytes} bytes is read (and validated)`, async () => {
      const base = JSON.stringify(draft({ text: '' }));
      const text = 'x'.repeat(core.kMaxBodyBytes - base.length);
      const body = JSON.stringify(draft({ text }));
      assert.equal(Buffer.byteLength(body), core.kMaxBodyBytes);
      const res = await post(server, body);
      assertError(res, 400, 'invalid', 'text');  // too long, but not too large
    });
    it('one byte more -> 413 too_large', async () => {
      const base = JSON.stringify(draft({ text: '' }));
      const body = JSON.stringify(draft({ text: 'x'.repeat(core.kMaxBodyBytes - base.length + 1) }));
      assertError(await post(server, body), 413, 'too_large');
    });
    it('a much larger body is refused and the server keeps serving', async () => {
      const res = await post(server, 'x'.repeat(8 * core.kMaxBodyBytes));
      assertError(res, 413, 'too_large');
      assert.equal((await get(server, '/healthz')).status, 200);
    });
  });

  describe('queries', () => {
    it('invalid UTF-8 in the query -> 400 bad_utf8', async () => {
      assertError(await get(server, '/api/comments?site=demo&page=/%FF/'), 400, 'bad_utf8');
    });
    it('a broken percent-escape -> 400 bad_request', async () => {
      assertError(await get(server, '/api/comments?site=demo&page=/%G1/'), 400, 'bad_request');
    });
    it('percent-encoded page keys are decoded', async () => {
      const page = '/ünïcode page/';
      await post(server, draft({ page }));
      const res = await get(server, `/api/comments?site=demo&page=${encodeURIComponent(page)}`);
      assert.equal(res.json.page, page);
      assert.equal(res.json.count, 1);
    });
    it('missing page -> 400 bad_request', async () => {
      assertError(await get(server, '/api/comments?site=demo'), 400, 'bad_request');
      assertError(await get(server, '/api/counts?site=demo'), 400, 'bad_request');
    });
    it('missing site -> 400 bad_request', async () => {
      assertError(await get(server, '/api/comments?page=/a/'), 400, 'bad_request');
    });
  });

  describe('routing', () => {
    it('unknown site -> 404 unknown_site', async () => {
      assertError(await get(server, '/api/comments?site=nope&page=/a/'), 404, 'unknown_site');
      assertError(await post(server, draft(), { site: 'nope' }), 404, 'unknown_site');
    });
    it('unknown route -> 404 not_found', async () => {
      assertError(await get(server, '/api/nothing'), 404, 'not_found');
      assertError(await get(server, '/'), 404, 'not_found');
    });
    it('wrong method -> 405 with Allow', async () => {
      const res = await fetch(`${server.url}/api/comments?site=demo`, { method: 'DELETE' });
      const body = await res.json();
      assert.equal(res.status, 405);
      assert.equal(body.error, 'method_not_allowed');
      assert.equal(res.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');
      const counts = await fetch(`${server.url}/api/counts?site=demo`, { method: 'POST', body: '{}' });
      assert.equal(counts.status, 405);
      assert.equal(counts.headers.get('allow'), 'GET, HEAD, OPTIONS');
    });
    it('HEAD answers a GET route with its headers and no body', async () => {
      const res = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-length'), String('{"ok":true}'.length));
      assert.equal(await res.text(), '');
    });
    it('every response carries the security headers', async () => {
      for (const res of [await get(server, '/healthz'), await get(server, '/nope'),
        await post(server, '{')]) {
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      }
    });
  });

  describe('transport', () => {
    it('garbage instead of HTTP gets 400 and a closed connection', async () => {
      const reply = await new Promise((resolve, reject) => {
        const socket = net.connect(server.port, '127.0.0.1', () => socket.write('HELLO\r\n\r\n'));
        let data = '';
        socket.on('data', (d) => { data += d; });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      assert.match(reply, /^HTTP\/1\.1 400 /);
      assert.match(reply, /"error":"bad_request"/);
    });
    it('serves several requests on one keep-alive connection', async () => {
      const reply = await new Promise((resolve, reject) => {
        const socket = net.connect(server.port, '127.0.0.1', () => {
          socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
            + 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
        });
        let data = '';
        socket.on('data', (d) => { data += d; });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      assert.equal(reply.match(/HTTP\/1\.1 200 OK/g).length, 2);
    });
    it('errors for an allowed origin carry CORS headers, so the widget can read them', async () => {
      const res = await post(server, '{', { origin: ORIGIN });
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    });
  });
});
