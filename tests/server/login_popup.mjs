// Walks a login popup the way a browser would, without one: parleyd's /auth/start,
// the provider's redirects, its login and consent forms (oidc-provider's built-in pages),
// up to the redirect back to parleyd's callback, which it returns unvisited so a test
// can visit it (or replay it) itself.
import { TEST_USER } from '../support/oidc-provider.mjs';

const MAX_HOPS = 20;

function entity(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The data-parley-* attributes of a popup page parleyd served. */
export function popupData(html) {
  const out = {};
  for (const m of html.matchAll(/data-parley-(origin|token|error)="([^"]*)"/g)) {
    out[m[1]] = entity(m[2]);
  }
  return out;
}

class CookieJar {
  #cookies = new Map();
  store(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * @param {object} o
 * @param {string} o.startUrl   parleyd's /auth/start URL with site, provider and origin
 * @param {string} o.callbackPrefix  parleyd's callback URL (where to stop)
 * @param {'consent'|'deny'} [o.choice]
 * @returns {Promise<{start: Response, authorizeUrl?: string, callbackUrl?: string}>}
 */
export async function walkPopup({ startUrl, callbackPrefix, choice = 'consent',
  login = TEST_USER.login }) {
  const start = await fetch(startUrl, { redirect: 'manual' });
  if (start.status !== 302) return { start };
  const authorizeUrl = start.headers.get('location');
  const jar = new CookieJar();
  let url = authorizeUrl;
  let init = {};
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (url.startsWith(callbackPrefix)) return { start, authorizeUrl, callbackUrl: url };
    const res = await fetch(url, {
      redirect: 'manual', ...init,
      headers: { cookie: jar.header(), ...(init.headers ?? {}) },
    });
    jar.store(res);
    init = {};
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location'), url).href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    if (choice === 'deny' && prompt === 'consent') {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      url = new URL(entity(abort), url).href;
      continue;
    }
    url = new URL(entity(action), url).href;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt, login, password: 'any' }).toString(),
    };
  }
  throw new Error('the popup never came back to parleyd');
}

/** Logs TEST_USER in to `site` of `server` through the `local` provider: the session token. */
export async function loginToken(server, site, origin) {
  const startUrl = `${server.url}/auth/start?site=${site}&provider=local` +
    `&origin=${encodeURIComponent(origin)}`;
  const { callbackUrl } = await walkPopup({ startUrl, callbackPrefix: `${server.url}/auth/callback` });
  const popup = popupData(await (await fetch(callbackUrl)).text());
  if (!popup.token) throw new Error(`no login: ${popup.error}`);
  return popup.token;
}
