#!/usr/bin/env node
// A tiny static server for the demo blog, with no dependencies. The page comes from a
// different origin than parleyd, so the browser enforces CORS exactly as on a real site.
//
//   node demo/serve.mjs [--port 8081] [--host 127.0.0.1] [--api http://host:port] [--csp]
//                       [--trusted-types] [--no-wasm] [--include]
//
// --api rewrites the embed's http://localhost:8080 in served HTML so tests can point
// the page at a parleyd on a random port; --csp serves pages under a strict
// Content-Security-Policy (no inline script, no eval) to prove the widget needs neither;
// --trusted-types also enforces Trusted Types (the policy allows Parley's two by name);
// --no-wasm serves a policy without 'wasm-unsafe-eval': the comments show, the form does
// not, and the page says so (docs/embed.md);
// --include puts the thread, rendered by parleyd, into the page as a server-side
// include would (docs/seo-nojs.md): readers without JavaScript get comments and a form.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_PORT = 8081;
const DEFAULT_HOST = '127.0.0.1';
// The origin written in demo/index.html's embed snippet (parleyd's default port).
const EMBED_ORIGIN = 'http://localhost:8080';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The page's policy. `mode` true: what a Parley page needs; 'trusted-types' adds Trusted
// Types enforcement with Parley's two policies, and allows the proof-of-work worker
// (docs/embed.md); the demo page's own scripts use no sinks. 'no-wasm' leaves out
// 'wasm-unsafe-eval', as a page that forbids WebAssembly.
function cspFor(api, mode) {
  if (mode === 'no-wasm') return `script-src 'self' ${api}`;
  const policy = `script-src 'self' ${api} 'wasm-unsafe-eval'`;
  const tt = "worker-src blob:; require-trusted-types-for 'script'; trusted-types parley parley-widget";
  return mode === 'trusted-types' ? `${policy}; ${tt}` : policy;
}

const MOUNT = '<div id="parley-thread"></div>';

// The page's thread as parleyd renders it (GET /embed/thread, format=fragment), inside
// the mount, for the page key and title the widget would use (path and <title>), with
// the mount's parts, share targets and style (the script's data-parley-parts, -share and
// -share-style), so that the widget adopts every part and inserts nothing.
async function includeThread(html, pathname, api) {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const attr = (name) => new RegExp(`data-parley-${name}="([^"]*)"`).exec(html)?.[1] ?? '';
  const query = new URLSearchParams({ site: 'demo', page: pathname, title, parts: attr('parts'),
    share: attr('share'), share_style: attr('share-style'), format: 'fragment' });
  const res = await fetch(`${api}/embed/thread?${query}`);
  if (!res.ok) throw new Error(`GET /embed/thread: ${res.status}`);
  // The stylesheet too: without JavaScript no loader adds it.
  return html.replace('</head>', `<link rel="stylesheet" href="${api}/parley.css">\n</head>`)
    .replace(MOUNT, `<div id="parley-thread">${await res.text()}</div>`);
}

// Maps a URL path to a file under ROOT, or null when it would escape it.
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null; // Malformed escapes name no file.
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(ROOT, path));
  return file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep) ? file : null;
}

async function handle(req, res, { api, csp, include, pages }) {
  const { pathname } = new URL(req.url, 'http://demo');
  const extra = Object.hasOwn(pages, pathname) ? pages[pathname] : null;
  const file = extra == null && !pathname.endsWith('.mjs') ? fileFor(pathname) : null;
  const type = TYPES[extname(file ?? pathname)];
  if (!type || (!file && extra == null) || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  let body = extra;
  try {
    body ??= await readFile(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
  if (extname(file ?? pathname) === '.html') {
    body = body.toString('utf8').replaceAll(EMBED_ORIGIN, api);
    if (include) body = await includeThread(body, pathname, api);
    if (csp) headers['Content-Security-Policy'] = cspFor(api, csp);
  }
  res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
}

// Starts the server; resolves to {url, port, setApi(origin), close()} once it listens.
// setApi exists because tests must know the page's origin to configure parleyd, and
// parleyd's random port to configure the page.
// `pages` maps more paths to their text (tests add host pages and their CSS this way,
// so they come from the demo's origin and address space, as a real site's would).
export function startDemoServer({ port = DEFAULT_PORT, host = DEFAULT_HOST, api = EMBED_ORIGIN, csp = false,
  include = false, pages = {} } = {}) {
  const config = { api, csp, include, pages };
  const server = createServer((req, res) => {
    handle(req, res, config).catch((err) => {
      console.error('demo server:', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        setApi: (origin) => {
          config.api = new URL(origin).origin;
        },
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections(); // Browsers keep idle connections open.
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--csp') opts.csp = opts.csp || true;
    else if (arg === '--trusted-types') opts.csp = 'trusted-types';
    else if (arg === '--no-wasm') opts.csp = 'no-wasm';
    else if (arg === '--include') opts.include = true;
    else if (arg === '--port') opts.port = Number(argv[++i]);
    else if (arg === '--host') opts.host = argv[++i];
    else if (arg === '--api') opts.api = new URL(argv[++i]).origin;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startDemoServer(parseArgs(process.argv.slice(2)));
  console.log(`demo blog at ${url}/`);
}
