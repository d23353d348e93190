// Starts the real parleyd binary for tests: a free port, a temporary SQLite file, and
// a stop() that fails the test when the sanitizers reported anything.
//
//   const server = await startParleyd({ sites: [{ id: 'demo', origins: ['http://localhost:8081'] }] });
//   await fetch(`${server.url}/api/comments?site=demo&page=/a/`);
//   await server.stop();
//
// The binary is $PARLEYD, else build/native-asan/server/parleyd in this checkout.
//
// The store is $PARLEY_STORE: "sqlite" (default) or "postgres", which needs $PARLEY_PG, the
// connection string of a PostgreSQL cluster (tests/support/postgres.mjs starts one); each
// start then gets a fresh database with a random name, dropped at stop.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { databaseUrl, randomDatabaseName, sqlAt } from './postgres.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PARLEYD_PATH =
  process.env.PARLEYD ?? path.join(REPO, 'build/native-asan/server/parleyd');

// An ASan build starts in well under a second; a loaded CI machine gets slack.
const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_TIMEOUT_MS = 5_000;
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
 *   the helper's defaults (rate limits, the plain form's minimum time and duplicate
 *   detection are off unless a test turns them on)
 * @param {Record<string, string>} [options.env] extra environment variables
 * @param {string} [options.dbPath] reuse this database file (kept on stop) instead of
 *   a fresh temporary one; with PostgreSQL, a database named after it (kept on stop)
 * @param {'sqlite'|'postgres'} [options.store] default $PARLEY_STORE, else sqlite
 * @param {string} [options.pgUrl] use this PostgreSQL database (kept on stop), whatever
 *   $PARLEY_STORE says: for tests of several parleyd on one database
 */
export async function startParleyd({
  sites = DEFAULT_SITES,
  assets = path.join(REPO, 'build/dist'),
  extraArgs = [],
  env = {},
  dbPath,
  store = process.env.PARLEY_STORE ?? 'sqlite',
  pgUrl,
} = {}) {
  const pg = pgUrl ? { url: pgUrl, drop: async () => {} }
    : store === 'postgres' ? await postgresDatabase(dbPath) : null;
  const tempDir = dbPath || pg ? null : await mkdtemp(path.join(tmpdir(), 'parleyd-test-'));
  const db = dbPath ?? (pg ? null : path.join(tempDir, 'parley.db'));
  const storeArgs = pg ? ['--store', 'postgres', '--pg', pg.url] : ['--db', db];
  const args = ['--listen', '127.0.0.1', '--port', '0', ...storeArgs, '--assets', assets,
    // Tests post many comments quickly, often the same text; the rate-limit and spam
    // tests turn these limits back on.
    '--posts-per-minute', '0', '--requests-per-minute', '0', '--identity-posts-per-minute', '0',
    '--min-form-seconds', '0', '--duplicate-hours', '0',
    '--pow-bits', '0'];
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
  // 'close', not 'exit': only then has all of stderr been read, and a sanitizer report
  // is the last thing parleyd writes.
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
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
      if (pg && !dbPath) await pg.drop();
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
    /** The PostgreSQL connection string parleyd uses (null with SQLite). */
    pgUrl: pg?.url ?? null,
    /** Everything parleyd wrote to stderr so far (logs, warnings). */
    stderr: () => stderr,
    /**
     * Resolves with stderr once it matches `pattern`. parleyd writes a request's log line
     * before the response, but the pipe and the socket are read in separate turns of this
     * process's event loop, so a client can hold the response before the line arrives.
     */
    logged: (pattern, timeoutMs = LOG_TIMEOUT_MS) => new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(stderr)) return false;
        child.stderr.off('data', check);
        clearTimeout(timer);
        resolve(stderr);
        return true;
      };
      const timer = setTimeout(() => {
        child.stderr.off('data', check);
        reject(new Error(`parleyd did not log ${pattern} within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      if (!check()) child.stderr.on('data', check);
    }),
    /** Everything parleyd wrote to stdout so far (the listening line). */
    stdout: () => stdout,
    stop,
  };
}

// A database for one parleyd on the cluster at $PARLEY_PG: fresh and random, or, for a
// test that restarts parleyd on the same data (dbPath), named after that path.
async function postgresDatabase(dbPath) {
  const cluster = process.env.PARLEY_PG;
  if (!cluster) {
    throw new Error('PARLEY_STORE=postgres needs PARLEY_PG, a PostgreSQL connection string ' +
      '(node tests/support/postgres.mjs <command> starts a cluster and sets it)');
  }
  const name = dbPath
    ? `parley_kept_${createHash('sha256').update(dbPath).digest('hex').slice(0, 16)}`
    : randomDatabaseName();
  const exists = await sqlAt(cluster, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (!exists) await sqlAt(cluster, `CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(cluster, name),
    drop: () => sqlAt(cluster, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
