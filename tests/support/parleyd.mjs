// Starts the real parleyd binary for tests: a free port, a temporary SQLite file, and
// a stop() that fails the test when the sanitizers reported anything.
//
//   const server = await startParleyd({ sites: [{ id: 'demo', origins: ['http://localhost:8081'] }] });
//   await fetch(`${server.url}/api/comments?site=demo&page=/a/`);
//   await server.stop();
//
// The binary is $PARLEYD, else build/native-asan/server/parleyd in this checkout.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PARLEYD_PATH =
  process.env.PARLEYD ?? path.join(REPO, 'build/native-asan/server/parleyd');

// An ASan build starts in well under a second; a loaded CI machine gets slack.
const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const LISTENING = /parleyd listening on (http:\/\/(\S+?):(\d+))\s/;
const SANITIZER_REPORT = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/;

export const DEFAULT_SITES = [{ id: 'demo', origins: ['http://localhost:8081'] }];

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * @param {object} [options]
 * @param {{id: string, origins?: string[]}[]} [options.sites] sites to serve (--site/--origin)
 * @param {string} [options.assets] the assets directory (default: build/dist of this checkout)
 * @param {string[]} [options.extraArgs] more flags; they come last, so they override
 *   the helper's defaults (rate limits are off unless a test turns them on)
 * @param {Record<string, string>} [options.env] extra environment variables
 * @param {string} [options.dbPath] reuse this database file (kept on stop) instead of
 *   a fresh temporary one
 */
export async function startParleyd({
  sites = DEFAULT_SITES,
  assets = path.join(REPO, 'build/dist'),
  extraArgs = [],
  env = {},
  dbPath,
} = {}) {
  const tempDir = dbPath ? null : await mkdtemp(path.join(tmpdir(), 'parleyd-test-'));
  const db = dbPath ?? path.join(tempDir, 'parley.db');
  const args = ['--listen', '127.0.0.1', '--port', '0', '--db', db, '--assets', assets,
    // Tests post many comments quickly; the rate-limit tests turn limits back on.
    '--posts-per-minute', '0', '--requests-per-minute', '0'];
  for (const site of sites) {
    args.push('--site', site.id);
    for (const origin of site.origins ?? []) args.push('--origin', origin);
  }
  args.push(...extraArgs);

  const child = spawn(PARLEYD_PATH, args, {
    env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const listening = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
      `parleyd did not start within ${STARTUP_TIMEOUT_MS} ms\n${stderr}`)), STARTUP_TIMEOUT_MS);
    const check = () => {
      const m = LISTENING.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], port: Number(m[3]) });
      }
    };
    child.stdout.on('data', check);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`parleyd exited (code ${code}, signal ${signal}) before listening\n${stderr}`));
    });
  });

  let stopped = null;
  async function stop() {
    stopped ??= (async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const { code, signal } = await exited;
      clearTimeout(timer);
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
      if (SANITIZER_REPORT.test(stderr)) {
        throw new Error(`parleyd: sanitizer report\n${stderr}`);
      }
      if (code !== 0) {
        throw new Error(`parleyd exited with code ${code} (signal ${signal})\n${stderr}`);
      }
    })();
    return stopped;
  }

  return {
    url: listening.url,
    port: listening.port,
    dbPath: db,
    /** Everything parleyd wrote to stderr so far (logs, warnings). */
    stderr: () => stderr,
    stop,
  };
}
