// Per-IP rate limits: 429 with Retry-After and a JSON body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { draft, get, post } from './client.mjs';

describe('rate limiting', () => {
  it('refuses posts past the per-minute budget, with Retry-After', async () => {
    const postsPerMinute = 3;
    const server = await startParleyd({ extraArgs: ['--posts-per-minute', String(postsPerMinute)] });
    try {
      for (let i = 0; i < postsPerMinute; i++) {
        assert.equal((await post(server, draft({ text: `post ${i}` }))).status, 201);
      }
      const res = await post(server, draft({ text: 'one too many' }));
      assert.equal(res.status, 429);
      assert.equal(res.json.error, 'rate_limited');
      const retryAfter = Number(res.headers.get('retry-after'));
      // One token comes back every 60/postsPerMinute seconds.
      assert.ok(retryAfter >= 1 && retryAfter <= 60 / postsPerMinute, `Retry-After ${retryAfter}`);
      // Reading is not posting: the thread is still served.
      const list = await get(server, '/api/comments?site=demo&page=/2011/07/raids/');
      assert.equal(list.status, 200);
      assert.equal(list.json.count, postsPerMinute);
    } finally {
      await server.stop();
    }
  });

  it('refused drafts do not spend the budget', async () => {
    const server = await startParleyd({ extraArgs: ['--posts-per-minute', '1'] });
    try {
      assert.equal((await post(server, draft({ text: '' }))).status, 400);
      assert.equal((await post(server, draft({ parent: 12345 }))).status, 400);
      assert.equal((await post(server, draft())).status, 201);
      assert.equal((await post(server, draft())).status, 429);
    } finally {
      await server.stop();
    }
  });

  it('refuses requests past the per-minute budget', async () => {
    const requestsPerMinute = 10;
    const server = await startParleyd({
      extraArgs: ['--requests-per-minute', String(requestsPerMinute)],
    });
    try {
      const statuses = [];
      for (let i = 0; i < requestsPerMinute + 2; i++) {
        statuses.push((await get(server, '/healthz')).status);
      }
      assert.deepEqual(statuses.slice(0, requestsPerMinute), Array(requestsPerMinute).fill(200));
      assert.deepEqual(statuses.slice(requestsPerMinute), [429, 429]);
      const res = await get(server, '/api/comments?site=demo&page=/a/');
      assert.equal(res.status, 429);
      assert.equal(res.json.error, 'rate_limited');
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
    } finally {
      await server.stop();
    }
  });
});
