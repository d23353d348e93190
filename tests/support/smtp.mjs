// A real SMTP receiver on loopback (the npm package smtp-server) for notification
// tests: every message parleyd delivers is kept, raw and parsed (mailparser).
//
//   const smtp = await startSmtp();            // smtp.port
//   const mail = await smtp.next((m) => m.to === 'ada@example.org');
//   await smtp.stop();
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const WAIT_MS = 20_000;

/**
 * @param {object} [options]
 * @param {number} [options.port] listen here (default: any free port)
 */
export async function startSmtp({ port = 0 } = {}) {
  const received = [];
  const waiters = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        const mail = {
          raw,
          from: session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: parsed.subject,
          text: parsed.text,
          headers: parsed.headers,
        };
        received.push(mail);
        for (const w of [...waiters]) w();
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.server.address().port,
    received,
    // The first received message (in arrival order) matching `match` that no earlier
    // next() returned; fails after WAIT_MS.
    async next(match = () => true, what = 'a mail') {
      const taken = this.taken ??= new Set();
      const find = () => received.find((m) => !taken.has(m) && match(m));
      const found = find() ?? await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(check), 1);
          reject(new Error(`no ${what} within ${WAIT_MS} ms; received:\n` +
            received.map((m) => `${m.to}: ${m.subject}`).join('\n')));
        }, WAIT_MS);
        const check = () => {
          const m = find();
          if (!m) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(m);
        };
        waiters.push(check);
      });
      taken.add(found);
      return found;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// A loopback port nothing listens on (bound, then released).
export async function freePort() {
  const probe = await startSmtp();
  const { port } = probe;
  await probe.stop();
  return port;
}
