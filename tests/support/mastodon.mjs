// A small Mastodon server on loopback for the login tests: the endpoints parleyd uses, as
// docs.joinmastodon.org documents them — POST /api/v1/apps (app registration),
// GET/POST /oauth/authorize (a consent form), POST /oauth/token (authorization code with
// PKCE) and GET /api/v1/accounts/verify_credentials. Codes are single-use, redirect URIs
// exact, the PKCE verifier checked, tokens opaque.
//
//   const masto = await startMastodon();     // masto.host is "127.0.0.1:<port>"
//   masto.registrations                      // how many apps parleyd registered
//   masto.behaviour = 'refuse' | 'not-mastodon' | 'normal'
//   const arrived = masto.hold('/oauth/token');  // such requests wait for masto.release()
//   await masto.stop();
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

// The reader the tests log in as (Mastodon's Account entity, the fields parleyd reads).
export const MASTODON_USER = { id: '109372843234', username: 'ada', display_name: 'Ada Lovelace' };

const MAX_BODY_BYTES = 64 * 1024;
// The reader's avatar: a 1×1 PNG, so a browser test can check the picture really loads.
const AVATAR_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

// Mastodon accepts form-encoded and JSON bodies alike.
function parseBody(req, body) {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    return new URLSearchParams(Object.entries(JSON.parse(body || '{}')));
  }
  return new URLSearchParams(body);
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function random() {
  return randomBytes(32).toString('base64url');
}

export async function startMastodon() {
  const apps = new Map();    // client_id -> {secret, redirectUri, scopes}
  const codes = new Map();   // code -> {clientId, redirectUri, challenge, used}
  const tokens = new Set();
  let held = [];
  const holds = new Map();  // path -> resolves when a request for it has arrived
  // `issued`: every client secret and access token handed out, for the tests that check
  // none of them reaches parleyd's log.
  const state = { registrations: 0, behaviour: 'normal', issued: [] };

  async function register(req, res) {
    if (state.behaviour === 'not-mastodon') {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      return;
    }
    if (state.behaviour === 'refuse') {
      json(res, 422, { error: 'Validation failed: Application name is reserved' });
      return;
    }
    const p = parseBody(req, await readBody(req));
    const redirectUri = p.get('redirect_uris');
    if (!p.get('client_name') || !redirectUri) {
      json(res, 422, { error: 'Validation failed: client_name and redirect_uris are required' });
      return;
    }
    const app = { secret: random(), redirectUri, scopes: (p.get('scopes') ?? 'read').split(' ') };
    const clientId = random();
    apps.set(clientId, app);
    state.issued.push(app.secret);
    state.registrations += 1;
    json(res, 200, { id: String(apps.size), name: p.get('client_name'),
      website: p.get('website'), redirect_uri: redirectUri, client_id: clientId,
      client_secret: app.secret, vapid_key: 'unused' });
  }

  function authorizeForm(res, q) {
    const app = apps.get(q.get('client_id'));
    if (!app || q.get('redirect_uri') !== app.redirectUri || q.get('response_type') !== 'code') {
      res.writeHead(400, { 'content-type': 'text/html' })
        .end('<p>The redirect URI included is not valid.</p>');
      return;
    }
    const scopes = (q.get('scope') ?? 'read').split(' ');
    if (!scopes.every((s) => app.scopes.includes(s))) {
      res.writeHead(400, { 'content-type': 'text/html' }).end('<p>invalid scope</p>');
      return;
    }
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'code_challenge',
      'code_challenge_method'].map((k) =>
      `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><title>Authorization required</title><form method="post" ` +
      `action="/oauth/authorize">${hidden}<p>Parley comments would like to read your ` +
      `account (${escapeHtml(scopes.join(', '))}).</p><button name="decision" ` +
      `value="approve">Authorize</button><button name="decision" value="deny">Deny</button>` +
      `</form>`);
  }

  async function authorizeDecision(req, res) {
    const p = new URLSearchParams(await readBody(req));
    const app = apps.get(p.get('client_id'));
    if (!app || p.get('redirect_uri') !== app.redirectUri) {
      res.writeHead(400).end('invalid client');
      return;
    }
    const back = new URL(app.redirectUri);
    if (p.get('state')) back.searchParams.set('state', p.get('state'));
    if (p.get('decision') !== 'approve') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The resource owner or authorization server denied the request.');
    } else {
      const code = random();
      codes.set(code, { clientId: p.get('client_id'), redirectUri: app.redirectUri,
        challenge: p.get('code_challenge') ?? '', used: false });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href }).end();
  }

  async function token(req, res) {
    const p = parseBody(req, await readBody(req));
    const grant = codes.get(p.get('code') ?? '');
    const app = apps.get(p.get('client_id') ?? '');
    if (!app || app.secret !== p.get('client_secret')) {
      json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      return;
    }
    const verifier = p.get('code_verifier') ?? '';
    const challengeOk = grant && (!grant.challenge ||
      createHash('sha256').update(verifier).digest('base64url') === grant.challenge);
    if (p.get('grant_type') !== 'authorization_code' || !grant || grant.used ||
        grant.clientId !== p.get('client_id') || grant.redirectUri !== p.get('redirect_uri') ||
        !challengeOk) {
      if (grant) grant.used = true;
      json(res, 400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' });
      return;
    }
    grant.used = true;
    const accessToken = random();
    tokens.add(accessToken);
    state.issued.push(accessToken);
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', scope: 'read:accounts',
      created_at: Math.floor(Date.now() / 1000) });
  }

  function verifyCredentials(req, res, origin) {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !tokens.has(auth.slice(7))) {
      json(res, 401, { error: 'The access token is invalid' });
      return;
    }
    json(res, 200, { ...MASTODON_USER, acct: MASTODON_USER.username, locked: false, bot: false,
      avatar: `${origin}/avatars/ada.png`, avatar_static: `${origin}/avatars/ada.png`,
      url: `${origin}/@${MASTODON_USER.username}`, note: '' });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, origin);
    const route = `${req.method} ${url.pathname}`;
    if (holds.has(url.pathname)) {
      holds.get(url.pathname)();
      await new Promise((resolve) => { held.push(resolve); });
    }
    const handled = route === 'POST /api/v1/apps' ? register(req, res)
      : route === 'GET /oauth/authorize' ? authorizeForm(res, url.searchParams)
        : route === 'POST /oauth/authorize' ? authorizeDecision(req, res)
          : route === 'POST /oauth/token' ? token(req, res)
            : route === 'GET /api/v1/accounts/verify_credentials' ? verifyCredentials(req, res, origin)
              : route === 'GET /avatars/ada.png'
                ? res.writeHead(200, { 'content-type': 'image/png' }).end(AVATAR_PNG)
                : json(res, 404, { error: 'Record not found' });
    Promise.resolve(handled).catch((err) => {
      if (!res.headersSent) json(res, 500, { error: String(err.message) });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${server.address().port}`;
  const origin = `http://${host}`;

  return Object.assign(state, {
    host,
    origin,
    /** Requests for `path` wait until release(); resolves when the first one arrives. */
    hold(path) {
      return new Promise((resolve) => { holds.set(path, resolve); });
    },
    /** Lets held requests proceed and stops holding. */
    release() {
      holds.clear();
      for (const resolve of held) resolve();
      held = [];
    },
    stop: () => new Promise((resolve) => {
      state.release();
      server.closeAllConnections();
      server.close(resolve);
    }),
  });
}

/**
 * Walks a Mastodon login popup as a browser would: parleyd's /auth/start, the redirect
 * to the instance's consent form, the reader's choice, and the redirect back, returned
 * unvisited (a test visits or replays it itself).
 * @returns {Promise<{start: Response, authorizeUrl?: string, callbackUrl?: string}>}
 */
export async function walkMastodonPopup(startUrl, decision = 'approve') {
  const start = await fetch(startUrl, { redirect: 'manual' });
  if (start.status !== 302) return { start };
  const authorizeUrl = start.headers.get('location');
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html}`);
  const fields = new URLSearchParams({ decision });
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(m[1], m[2].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))));
  }
  const answer = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST', redirect: 'manual', body: fields,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (answer.status !== 302) throw new Error(`consent answered ${answer.status}`);
  return { start, authorizeUrl, callbackUrl: answer.headers.get('location') };
}
