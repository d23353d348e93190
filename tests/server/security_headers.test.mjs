// Every response parleyd sends carries the security headers, whatever produced it: a
// handler, the error path, a preflight, a static file, or the transport refusing a
// request before the API saw it. The admin UI's CSP on every /admin response: admin.test.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft } from './client.mjs';
import { core, server as serverLimits } from './limits.mjs';

let server;
before(async () => { server = await startParleyd(); });
after(() => server?.stop());

function assertSecurityHeaders(res, what) {
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin',
    `${what}: Referrer-Policy`);
}

const json = { 'Content-Type': 'application/json', Origin: ORIGIN };
const REQUESTS = [
  ['GET', '/healthz', {}],
  ['GET', '/parley.js', {}],
  ['GET', '/assets/nothing.0123456789abcdef.js', {}],
  ['GET', '/api/comments?site=demo&page=/a/', { Origin: ORIGIN }],
  ['GET', '/api/comments?site=demo&page=/a/', { 'Accept-Encoding': 'gzip' }],
  ['GET', '/api/comments?site=nope&page=/a/', {}],
  ['GET', '/api/comments?site=demo&page=%ZZ', {}],
  ['GET', '/api/counts?site=demo&page=/a/', {}],
  ['OPTIONS', '/api/comments?site=demo', { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' }],
  ['POST', '/api/comments?site=demo', json, JSON.stringify(draft())],
  ['POST', '/api/comments?site=demo', json, '{not json'],
  ['POST', '/api/comments?site=demo', json, JSON.stringify(draft({ email: 'nope' }))],
  ['POST', '/api/comments?site=demo', { ...json, Origin: 'https://evil.example' }, '{}'],
  ['POST', '/api/comments?site=demo', json, 'x'.repeat(core.kMaxBodyBytes + 1)],
  ['DELETE', '/api/comments?site=demo', {}],
  ['GET', '/no/such/path', {}],
  ['GET', '/auth/start?site=demo&provider=x&origin=x', {}],
  ['GET', `/api/comments?site=demo&${'p=1&'.repeat(serverLimits.kMaxQueryParams + 1)}`, {}],
];

test('every kind of response carries X-Content-Type-Options and Referrer-Policy', async () => {
  const statuses = new Set();
  for (const [method, target, headers, body] of REQUESTS) {
    const res = await fetch(`${server.url}${target}`, { method, headers, body });
    await res.arrayBuffer();
    statuses.add(res.status);
    assertSecurityHeaders(res, `${method} ${target.slice(0, 60)} -> ${res.status}`);
  }
  // The list really reached success, client-error and refusal paths alike.
  for (const status of [200, 201, 204, 400, 403, 404, 405, 413]) {
    assert.ok(statuses.has(status), `no request produced ${status}: ${[...statuses]}`);
  }
});

test('a request the transport refuses (headers too large) still carries them', async () => {
  const res = await fetch(`${server.url}/healthz`,
    { headers: { 'X-Filler': 'x'.repeat(serverLimits.kMaxHeaderBytes) } });
  await res.arrayBuffer();
  assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
  assertSecurityHeaders(res, 'oversized headers');
});
