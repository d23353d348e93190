// The local web server of the client-render benchmark: one origin serving both systems'
// files and their recorded API responses, so neither pays a server's time or a network
// hop, and nothing reaches the internet.
//
//   /parley.html?page=P&count=N    host page embedding Parley's loader
//   /waline.html?page=P&count=N    host page embedding Waline's client
//   /floor-parley.html?page=P      a page that only reads Parley's response (the floor)
//   /floor-waline.html?page=P      the same for Waline's
//   /floor-parley-html.html?page=P&count=N  Parley's set as innerHTML in one go
//   /api/comments?site=..&page=P   Parley's recorded response for page P
//   /embed/thread?…&page=P&format=early  parleyd's recorded early rendering of page P
//   /api/comment?path=P&...        Waline's recorded response for page P
//   /api/events?...                Parley's live-updates stream, open and idle
//   /api/login?site=..             Parley's login offer: guests only, as a site without providers
//   /api/i18n?lang=en              Parley's English catalog, as parleyd serves it
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, ROOT } from '../lib/report.mjs';

const HERE = join(ROOT, 'bench', 'client');
const WALINE = join(ROOT, 'node_modules', '@waline', 'client', 'dist');
const TYPES = { js: 'text/javascript', css: 'text/css', wasm: 'application/wasm', html: 'text/html', json: 'application/json' };

// parleyd writes the content-hashed asset paths into the loader at startup; this server
// serves the assets under fixed paths and does the same substitution.
function loader(dist) {
  return readFileSync(join(dist, 'parley.js'), 'utf8')
    .replaceAll('__PARLEY_WIDGET_JS__', '/assets/parley-widget.js')
    .replace('__PARLEY_WIDGET_WASM__', '/assets/parley-widget.wasm')
    .replace('__PARLEY_CSS__', '/assets/parley.css');
}

// Every body gzipped, as parleyd sends Parley's and any production server would send
// Waline's: over an emulated network (measure.mjs) the bytes on the wire are the real
// ones. Compressed once per body; the runs then cost the server nothing.
const compressed = new Map(); // by content for strings, by identity for the files' Buffers
function gzipped(body) {
  if (!compressed.has(body)) compressed.set(body, gzipSync(body));
  return compressed.get(body);
}

const page = (title, head, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;

const probe = (selector, count, ready = '') =>
  `<script src="/probe.js" data-selector="${selector}" data-count="${count}" data-ready="${ready}"></script>`;

/**
 * @param {Map<string, {parley: string, early: string, waline: string}>} recorded bodies by page key
 * @param {string} dist Parley's built assets (bench/loader-ab.mjs serves several builds)
 */
export function startBenchServer(recorded, dist = DIST) {
  const files = {
    '/parley.js': loader(dist),
    '/assets/parley-widget.js': readFileSync(join(dist, 'parley-widget.js')),
    '/assets/parley-widget.wasm': readFileSync(join(dist, 'parley-widget.wasm')),
    '/assets/parley.css': readFileSync(join(dist, 'parley.css')),
    '/waline/waline.js': readFileSync(join(WALINE, 'waline.js')),
    '/waline/waline.css': readFileSync(join(WALINE, 'waline.css')),
    '/probe.js': readFileSync(join(HERE, 'probe.js')),
    '/waline-start.js': readFileSync(join(HERE, 'waline-start.js')),
    '/floor.js': readFileSync(join(HERE, 'floor.js')),
  };
  // The pages are English; parleyd serves en.json plus the tag it matched.
  const english = JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'i18n', 'en.json'), 'utf8')), '@lang': 'en' });
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const q = url.searchParams;
    const send = (status, type, body) => {
      const headers = { 'Content-Type': TYPES[type] ?? type, 'Cache-Control': 'no-store' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['Content-Encoding'] = 'gzip';
        body = gzipped(body);
      }
      res.writeHead(status, headers);
      res.end(body);
    };
    const count = Number(q.get('count'));
    if (url.pathname === '/parley.html') {
      return send(200, 'html', page('Parley', probe('article.parley-comment', count, '[data-parley-key=root] form.parley-form'),
        `<div id="parley-thread"></div><script src="/parley.js" data-parley-site="bench" data-parley-page="${q.get('page')}" data-parley-parts="comments"></script>`));
    }
    if (url.pathname === '/waline.html') {
      return send(200, 'html', page('Waline', `${probe('.wl-card-item', count)}<link rel="stylesheet" href="/waline/waline.css">`,
        '<div id="waline"></div><script type="module" src="/waline-start.js' + url.search + '"></script>'));
    }
    // The floors (floor.js): a page that fetches the same response as the system, reads
    // it into a string and adds one element, rendering nothing (no client can show the
    // comments sooner after the response); or sets Parley's as one innerHTML in one go.
    const floor = /^\/floor-(parley|waline|parley-html)\.html$/.exec(url.pathname);
    if (floor) {
      const from = floor[1] === 'waline'
        ? `/api/comment?path=${encodeURIComponent(q.get('page'))}`
        : `/embed/thread?page=${encodeURIComponent(q.get('page'))}&format=early`;
      const html = floor[1] === 'parley-html';
      return send(200, 'html', page('Floor', html ? probe('article.parley-comment', count) : probe('p.bench-floor', 1),
        `<script src="/floor.js" data-from="${from}"${html ? ' data-insert="html"' : ''}></script>`));
    }
    if (url.pathname === '/api/comments') return send(200, 'json', recorded.get(q.get('page'))?.parley ?? '{}');
    if (url.pathname === '/embed/thread') return send(200, 'html', recorded.get(q.get('page'))?.early ?? '');
    if (url.pathname === '/api/i18n') return send(200, 'json', english);
    if (url.pathname === '/api/login') return send(200, 'json', '{"guests":"allowed","providers":[]}');
    if (url.pathname === '/api/events') {
      // Parley's widget follows the thread live once it is shown: an open stream with
      // no events, as parleyd gives a page nobody is commenting on.
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': idle\n\n');
      return undefined;
    }
    if (url.pathname === '/api/comment') return send(200, 'json', recorded.get(q.get('path'))?.waline ?? '{}');
    const file = files[url.pathname];
    if (file) return send(200, url.pathname.slice(url.pathname.lastIndexOf('.') + 1), file);
    return send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => {
      server.close(r);
      server.closeAllConnections(); // the idle event streams
    }),
  })));
}
