// The admin UI from a test's side: accounts made with the real `parleyd admin create`
// (password on stdin, as an operator pipes it), and logins through the real forms.
//
//   await createAccount(server, { email: 'owner@example.org', password: OWNER_PASSWORD });
//   const owner = await logIn(server, 'owner@example.org', OWNER_PASSWORD);
//   const res = await owner.post('/admin/moderators', { email, password, site: 'demo' });
import { spawn } from 'node:child_process';
import http from 'node:http';

import { PARLEYD_PATH } from './parleyd.mjs';

export const OWNER_PASSWORD = 'owner password 1234';

// Runs `parleyd admin create` on the database of a started parleyd. Resolves to
// {code, stdout, stderr}.
export function createAccount(server, { email, password, role, sites = [], extraArgs = [] }) {
  const store = server.pgUrl ? ['--store', 'postgres', '--pg', server.pgUrl]
    : ['--db', server.dbPath];
  const args = ['admin', 'create', '--email', email, ...store, ...extraArgs];
  if (role) args.push('--role', role);
  for (const s of sites) args.push('--site', s);
  return new Promise((resolve, reject) => {
    const child = spawn(PARLEYD_PATH, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(password === undefined ? '' : `${password}\n`);
  });
}

// Set-Cookie headers of a response as {name: {value, attributes}}.
export function cookiesOf(res) {
  const out = {};
  const lines = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie()
    : res.headers['set-cookie'] ?? [];
  for (const line of lines) {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = { value: pair.slice(eq + 1), attributes: attrs, line };
  }
  return out;
}

// The value of a hidden input named `name` in an HTML page.
export function hiddenField(html, name) {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return m ? m[1] : null;
}

// A browser-like client: keeps the admin cookies, sends forms urlencoded, never
// follows redirects (tests look at them). `from` is the loopback address it connects
// from (127.0.0.2, ...), so rate limits per client IP can be told apart.
export class AdminClient {
  constructor(server, { from = '127.0.0.1' } = {}) {
    this.server = server;
    this.from = from;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method, path, { form, headers = {} } = {}) {
    const all = { ...headers };
    if (this.cookies.size) all.Cookie = this.cookieHeader();
    let body;
    if (form !== undefined) {
      all['Content-Type'] = 'application/x-www-form-urlencoded';
      body = form instanceof URLSearchParams ? form.toString()
        : new URLSearchParams(form).toString();
    }
    const res = await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.server.port, path, method,
        headers: all, localAddress: this.from }, (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode, raw: r.headers,
          text: Buffer.concat(chunks).toString('utf8') }));
        r.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
    for (const [name, c] of Object.entries(cookiesOf({ headers: res.raw }))) {
      if (c.attributes.includes('Max-Age=0')) this.cookies.delete(name);
      else this.cookies.set(name, c.value);
    }
    const headersOut = new Headers();
    for (const [k, v] of Object.entries(res.raw)) {
      for (const one of [].concat(v)) headersOut.append(k, one);
    }
    return { status: res.status, headers: headersOut, text: res.text };
  }

  get(path) { return this.request('GET', path); }

  // POSTs a form with this session's CSRF token (read from the last page unless given).
  async post(path, fields, { csrf = this.csrf } = {}) {
    const form = new URLSearchParams(fields);
    if (csrf !== undefined && !form.has('csrf')) form.set('csrf', csrf);
    const res = await this.request('POST', path, { form });
    const token = hiddenField(res.text, 'csrf');
    if (token) this.csrf = token;
    return res;
  }

  // The login form, filled in and sent. Resolves to the POST's response.
  async logIn(email, password) {
    const page = await this.get('/admin/login');
    const formToken = hiddenField(page.text, 'form_token');
    const res = await this.request('POST', '/admin/login',
      { form: { form_token: formToken, email, password } });
    if (res.status === 303) {
      const home = await this.get('/admin');
      this.csrf = hiddenField(home.text, 'csrf');
    }
    return res;
  }
}

// A logged-in client (fails the test when the login does not succeed).
export async function logIn(server, email, password) {
  const client = new AdminClient(server);
  const res = await client.logIn(email, password);
  if (res.status !== 303) throw new Error(`login of ${email} failed: ${res.status}\n${res.text}`);
  return client;
}
