// The proof-of-work layer over real HTTP (docs/spam.md), on SQLite or PostgreSQL as
// $PARLEY_STORE says: the test solves parleyd's challenges with node:crypto as the
// widget's worker does, and every refusal leaves the thread as it was.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { draft, get, post, postForm, thread } from './client.mjs';

const SITES = [{ id: 'demo', origins: ['http://localhost:8081'] },
  { id: 'other', origins: ['http://localhost:8081'] }];

let n = 0;
function unique(overrides = {}) {
  n += 1;
  return draft({ page: `/pow/${n}/`, text: `comment ${n}`, email: `r${n}@example.org`,
    author: `Reader ${n}`, ...overrides });
}

function leadingZeroBits(digest) {
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

const zeroBits = (challenge, nonce) =>
  leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest());

function solve(challenge, bits) {
  for (let nonce = 0; ; nonce += 1) {
    if (zeroBits(challenge, nonce) >= bits) return String(nonce);
  }
}

async function challengeFor(server, site = 'demo') {
  const res = await get(server, `/api/challenge?site=${site}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return res.json;
}

async function solvedProof(server, site = 'demo') {
  const c = await challengeFor(server, site);
  return { challenge: c.challenge, nonce: solve(c.challenge, c.bits), bits: c.bits };
}

async function assertNotStored(server, body) {
  const res = await thread(server, body.page);
  assert.equal(res.status, 200);
  assert.equal(res.json.count, 0);
}

describe('proof of work', () => {
  let server;
  before(async () => {
    server = await startParleyd({ sites: SITES,
      extraArgs: ['--pow-bits', '8', '--pow-max-bits', '8'] });
  });
  after(async () => { await server?.stop(); });

  it('issues a signed challenge and takes a post that solved it', async () => {
    const c = await challengeFor(server);
    assert.equal(c.bits, 8);
    assert.match(c.challenge, /^8\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const now = Math.floor(Date.now() / 1000);
    assert.ok(c.expires > now + 3500 && c.expires <= now + 3601, `expires ${c.expires}`);
    const body = unique();
    const nonce = solve(c.challenge, c.bits);
    const res = await post(server, { ...body, proof: { challenge: c.challenge, nonce } });
    assert.equal(res.status, 201, res.text);
    const shown = await thread(server, body.page);
    assert.deepEqual(shown.json.comments.map((x) => x.author), [body.author]);
  });

  it('refuses a post without a proof, or with one that is not two strings', async () => {
    for (const proof of [undefined, null, 'x', { challenge: 'a' }, { nonce: '1' },
      { challenge: 1, nonce: 2 }]) {
      const body = unique();
      const res = await post(server, proof === undefined ? body : { ...body, proof });
      assert.equal(res.status, 400, `${JSON.stringify(proof)}: ${res.text}`);
      assert.equal(res.json.error, 'proof_required');
      assert.match(res.json.message, /did not prove its work/);
      await assertNotStored(server, body);
    }
  });

  it('refuses a nonce that does not hold, a forged or foreign challenge and oversized input',
    async () => {
      const { challenge, nonce } = await solvedProof(server);
      let wrong = 0;
      while (zeroBits(challenge, wrong) >= 8) wrong += 1;
      const [, expires, random, mac] = challenge.split('.');
      const foreign = await solvedProof(server, 'other');
      const cases = [
        { challenge, nonce: String(wrong) },
        { challenge, nonce: `${nonce}x` },
        { challenge, nonce: '1'.repeat(21) },
        // Fewer bits asked than signed: the MAC covers them.
        { challenge: `1.${expires}.${random}.${mac}`, nonce: solve(`1.${expires}.${random}.${mac}`, 1) },
        { challenge: `${challenge}x`, nonce },
        { challenge: 'x'.repeat(10000), nonce },
        { challenge: foreign.challenge, nonce: foreign.nonce },
      ];
      for (const proof of cases) {
        const body = unique();
        const res = await post(server, { ...body, proof });
        assert.equal(res.status, 403, `${JSON.stringify(proof).slice(0, 200)}: ${res.text}`);
        assert.equal(res.json.error, 'proof_invalid');
        assert.equal(res.json.message, "This comment's proof of work is not valid. Please send it again.");
        await assertNotStored(server, body);
      }
      // The valid proof is still unspent and good on its own site.
      const res = await post(server, { ...unique(), proof: { challenge, nonce } });
      assert.equal(res.status, 201, res.text);
    });

  it('takes each challenge once', async () => {
    const { challenge, nonce } = await solvedProof(server);
    assert.equal((await post(server, { ...unique(), proof: { challenge, nonce } })).status, 201);
    const again = unique();
    const res = await post(server, { ...again, proof: { challenge, nonce } });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.json.error, 'proof_spent');
    assert.match(res.json.message, /already used/);
    await assertNotStored(server, again);
  });

  it('does not spend the proof of a post refused for its fields', async () => {
    const { challenge, nonce } = await solvedProof(server);
    const body = unique();
    const bad = await post(server, { ...body, text: '', proof: { challenge, nonce } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error, 'invalid');
    const res = await post(server, { ...body, proof: { challenge, nonce } });
    assert.equal(res.status, 201, res.text);
  });

  it('leaves the plain form, which runs no script, to its own layers', async () => {
    const page = '/pow/form/';
    const res = await postForm(server, new URLSearchParams({ page, title: 't', comment: 'From a form',
      author: 'Form Reader', email: 'form@example.org', website: '', rendered: '' }).toString());
    assert.equal(res.status, 303, res.text);
    const shown = await thread(server, page);
    assert.deepEqual(shown.json.comments.map((x) => x.author), ['Form Reader']);
  });
});

describe('proof of work difficulty and expiry', () => {
  it('rises by one bit per post of the sender in the last hour, up to the cap', async () => {
    const server = await startParleyd({ extraArgs: ['--pow-bits', '6', '--pow-max-bits', '9'] });
    try {
      const seen = [];
      for (let i = 0; i < 5; i += 1) {
        const { challenge, nonce, bits } = await solvedProof(server);
        seen.push(bits);
        // The server asked for `bits` and the proof it took has at least that many.
        assert.ok(zeroBits(challenge, nonce) >= bits);
        const res = await post(server, { ...unique(), proof: { challenge, nonce } });
        assert.equal(res.status, 201, res.text);
      }
      assert.deepEqual(seen, [6, 7, 8, 9, 9]);
      // A refused post does not count.
      assert.equal((await post(server, unique())).status, 400);
      assert.equal((await challengeFor(server)).bits, 9);
    } finally {
      await server.stop();
    }
  });

  it('refuses a proof whose challenge expired', async () => {
    const server = await startParleyd({ extraArgs: ['--pow-bits', '4', '--pow-challenge-seconds', '1'] });
    try {
      const { challenge, nonce } = await solvedProof(server);
      await new Promise((resolve) => { setTimeout(resolve, 2100); });
      const body = unique();
      const res = await post(server, { ...body, proof: { challenge, nonce } });
      assert.equal(res.status, 409, res.text);
      assert.equal(res.json.error, 'proof_expired');
      assert.match(res.json.message, /expired/);
      await assertNotStored(server, body);
    } finally {
      await server.stop();
    }
  });

  // The widget's minimum time (the plain form's spam.min_form_seconds), counted from the
  // challenge, which the widget fetches at the reader's first keystroke.
  it('refuses a post sooner than --min-form-seconds after its challenge; the same proof posts later', async () => {
    const server = await startParleyd({ extraArgs: ['--pow-bits', '4', '--min-form-seconds', '2'] });
    try {
      const { challenge, nonce } = await solvedProof(server);
      const body = unique();
      const res = await post(server, { ...body, proof: { challenge, nonce } });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.error, 'too_fast');
      assert.match(res.json.message, /very quickly/);
      await assertNotStored(server, body);
      // The refused proof was not spent: sent again a moment later, it posts.
      await new Promise((resolve) => { setTimeout(resolve, 3100); });
      const later = await post(server, { ...body, proof: { challenge, nonce } });
      assert.equal(later.status, 201, later.text);
      assert.equal((await thread(server, body.page)).json.count, 1);
    } finally {
      await server.stop();
    }
  });

  it('is off with --pow-bits 0: no challenge, no proof needed', async () => {
    const server = await startParleyd({ extraArgs: ['--pow-bits', '0'] });
    try {
      assert.deepEqual(await challengeFor(server), { bits: 0 });
      assert.equal((await post(server, unique())).status, 201);
    } finally {
      await server.stop();
    }
  });
});
