// Small request helpers shared by the server tests: real HTTP, no mocks.
import http from 'node:http';

export const ORIGIN = 'http://localhost:8081';
export const PAGE = '/2011/07/raids/';

export function draft(overrides = {}) {
  return {
    page: PAGE,
    title: 'New Report Examines the Use of Raids',
    parent: 0,
    text: 'Hello *world*',
    author: 'Ana',
    email: 'ana@example.org',
    website: 'https://ana.example',
    ...overrides,
  };
}

// POSTs a draft (an object, or a raw string/Buffer body) and returns {status, headers, text, json}.
export async function post(server, body, { site = 'demo', origin = ORIGIN, headers = {} } = {}) {
  const res = await fetch(`${server.url}/api/comments?site=${encodeURIComponent(site)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  return read(res);
}

// POSTs a plain form body (POST /form/comments) as a browser would from `origin`
// (null: no Origin header); redirects are returned, not followed.
export async function postForm(server, body, { origin = ORIGIN, site = 'demo', headers = {} } = {}) {
  const res = await fetch(`${server.url}/form/comments?site=${site}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded',
      ...(origin ? { Origin: origin } : {}), ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function get(server, pathAndQuery, headers = {}) {
  return read(await fetch(`${server.url}${pathAndQuery}`, { headers }));
}

export function thread(server, page = PAGE, site = 'demo') {
  return get(server, `/api/comments?site=${site}&page=${encodeURIComponent(page)}`);
}

async function read(res) {
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

// A request through node:http, for what fetch hides: the raw (still compressed) body.
export function rawRequest(server, { method = 'GET', path, headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    // host/port/path, not a URL: the path reaches the server exactly as written.
    const options = { host: '127.0.0.1', port: server.port, path, method, headers };
    const req = http.request(options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks),
      }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
