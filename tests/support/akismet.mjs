// A loopback Akismet for tests, speaking the documented comment-check API
// (https://akismet.com/developers/detailed-docs/comment-check/): POST
// /1.1/comment-check, form-encoded, answers "true" (spam) or "false" (ham); an unknown
// api_key gets "invalid" with X-akismet-debug-help. What decides, as Akismet's own test
// values do: the author "viagra-test-123" is spam; a text containing "[discard]" is
// blatant spam (X-akismet-pro-tip: discard); "[slow]" answers after `slowMs`.
import http from 'node:http';

export const AKISMET_KEY = 'test-akismet-key';

export async function startAkismet({ slowMs = 5000 } = {}) {
  const calls = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/1.1/comment-check') {
        res.writeHead(404).end();
        return;
      }
      const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      calls.push({ contentType: req.headers['content-type'], userAgent: req.headers['user-agent'], fields });
      const answer = (body, headers = {}) =>
        res.writeHead(200, { 'Content-Type': 'text/plain', ...headers }).end(body);
      if (fields.api_key !== AKISMET_KEY) {
        answer('invalid', { 'X-akismet-debug-help': 'We were unable to verify your API key.' });
      } else if ((fields.comment_content ?? '').includes('[slow]')) {
        setTimeout(() => answer('false'), slowMs);
      } else if ((fields.comment_content ?? '').includes('[discard]')) {
        answer('true', { 'X-akismet-pro-tip': 'discard' });
      } else {
        answer(fields.comment_author === 'viagra-test-123' ? 'true' : 'false');
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    calls,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
