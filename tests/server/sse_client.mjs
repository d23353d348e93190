// A minimal Server-Sent Events reader over node:http for the live update tests: it
// keeps every frame (events and comment lines) so tests can wait for what a browser's
// EventSource would see, and the raw head so they can check the headers.
import http from 'node:http';

/**
 * Opens GET /api/events on `server`. Resolves once the response head arrived.
 * @returns {Promise<{status, headers, frames: Array<{id?: string, data?: string, comment?: string, retry?: string}>,
 *   next: (pred, timeoutMs?) => Promise<object>, close: () => void, body: () => string}>}
 */
export function openEvents(server, query, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?${query}`, headers },
      (res) => {
        let text = '';
        let buffered = '';
        const frames = [];
        const waiters = new Set();
        const check = () => {
          for (const w of waiters) {
            const found = frames.slice(w.from).find(w.pred);
            if (found) { waiters.delete(w); clearTimeout(w.timer); w.resolve(found); }
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
          buffered += chunk;
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            frames.push(parseFrame(buffered.slice(0, end)));
            buffered = buffered.slice(end + 2);
          }
          check();
        });
        res.on('error', () => {});
        let seen = 0;
        resolve({
          status: res.statusCode,
          headers: res.headers,
          frames,
          body: () => text,
          // The first frame after those already returned by next() that matches `pred`.
          next(pred, timeoutMs = 10_000) {
            return new Promise((ok, fail) => {
              const w = { pred, from: seen, resolve: (f) => { seen = frames.indexOf(f) + 1; ok(f); } };
              w.timer = setTimeout(() => {
                waiters.delete(w);
                fail(new Error(`no matching frame within ${timeoutMs} ms; got:\n${text}`));
              }, timeoutMs);
              waiters.add(w);
              check();
            });
          },
          close: () => req.destroy(),
        });
      });
    req.on('error', reject);
  });
}

function parseFrame(block) {
  const frame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      frame[name] = frame[name] === undefined ? value : `${frame[name]}\n${value}`;
    }
  }
  return frame;
}

export const isEvent = (f) => f.data !== undefined;
