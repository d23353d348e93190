// Cross-origin rules: each site lists the origins that may embed it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { draft, get, post, thread } from './client.mjs';
import { server as serverLimits } from './limits.mjs';

const BLOG = 'https://blog.example';
const OTHER_BLOG = 'https://other.example';
const EVIL = 'https://evil.example';

function preflight(server, site, origin, method = 'POST') {
  return fetch(`${server.url}/api/comments?site=${site}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': 'content-type',
    },
  });
}

describe('CORS', () => {
  let server;
  before(async () => {
    server = await startParleyd({
      sites: [{ id: 'blog', origins: [BLOG, 'http://localhost:8081'] },
        { id: 'other', origins: [OTHER_BLOG] }],
    });
  });
  after(async () => { await server.stop(); });

  it('an allowed origin gets its own origin back, and Vary: Origin', async () => {
    const res = await get(server, '/api/comments?site=blog&page=/a/', { Origin: BLOG });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), BLOG);
    assert.match(res.headers.get('vary'), /\bOrigin\b/);
  });

  it('a POST from an allowed origin is stored', async () => {
    const res = await post(server, draft(), { site: 'blog', origin: BLOG });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), BLOG);
  });

  it('a GET from another origin is answered without CORS headers', async () => {
    const res = await get(server, '/api/comments?site=blog&page=/a/', { Origin: EVIL });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it("one site's origin is not allowed on another site", async () => {
    const res = await post(server, draft({ page: '/cross/' }), { site: 'other', origin: BLOG });
    assert.equal(res.status, 403);
    assert.equal(res.json.error, 'origin_not_allowed');
    assert.equal((await thread(server, '/cross/', 'other')).json.count, 0);
  });

  it('a POST from a refused origin is 403 and not stored', async () => {
    const res = await post(server, draft({ page: '/evil/' }), { site: 'blog', origin: EVIL });
    assert.equal(res.status, 403);
    assert.equal(res.json.error, 'origin_not_allowed');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal((await thread(server, '/evil/', 'blog')).json.count, 0);
  });

  it('origins compare exactly (scheme, host and port)', async () => {
    for (const origin of ['http://blog.example', 'https://blog.example:8443',
      'https://BLOG.example.evil', 'null']) {
      const res = await post(server, draft(), { site: 'blog', origin });
      assert.equal(res.status, 403, origin);
    }
  });

  it('a preflight from an allowed origin is answered with methods, headers and max-age', async () => {
    const res = await preflight(server, 'blog', BLOG);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), BLOG);
    assert.match(res.headers.get('access-control-allow-methods'), /\bPOST\b/);
    assert.match(res.headers.get('access-control-allow-headers'), /content-type/i);
    assert.equal(res.headers.get('access-control-max-age'),
      String(serverLimits.kPreflightMaxAgeSeconds));
    assert.equal(await res.text(), '');
  });

  it('a preflight from a refused origin is 403 without CORS headers', async () => {
    const res = await preflight(server, 'blog', EVIL);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal((await res.json()).error, 'origin_not_allowed');
  });

  it('a preflight for an unknown site is 404', async () => {
    const res = await preflight(server, 'nope', BLOG);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('requests without an Origin (same-origin tools, curl) are served', async () => {
    const res = await fetch(`${server.url}/api/comments?site=blog`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(draft({ page: '/curl/' })),
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
