// A throwaway PostgreSQL 15 cluster for the tests: initdb into a temporary directory,
// pg_ctl start on a free port with its unix socket in that directory (TCP off), and
// stop() that shuts it down and deletes everything.
//
//   const pg = await startPostgres();
//   pg.url           // postgresql:///postgres?host=/tmp/parley-pg-XXXX&port=NNNN
//   await pg.createDatabase('parley_x'); await pg.dropDatabase('parley_x');
//   await pg.stop({ keep: true }); await pg.start();   // an outage, then recovery
//   await pg.destroy();
//
// initdb refuses to run as root: as root, the cluster belongs to the `postgres` user
// (created by Debian's package) and every command runs as that user via runuser.
//
// As a command, it runs another command with PARLEY_PG set to a fresh cluster:
//   node tests/support/postgres.mjs ctest --test-dir build/native-asan
import { execFile, spawn } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Debian installs the server binaries outside PATH, one directory per major version.
const PG_BIN = process.env.PARLEY_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const IS_ROOT = process.getuid?.() === 0;
const OWNER = 'postgres';
// pg_ctl -w waits for the server to accept connections; a loaded CI machine gets slack.
const START_TIMEOUT_SECONDS = 60;

function asOwner(cmd, args) {
  return IS_ROOT ? ['runuser', ['-u', OWNER, '--', cmd, ...args]] : [cmd, args];
}

async function pgTool(name, args) {
  const [cmd, argv] = asOwner(path.join(PG_BIN, name), args);
  try {
    return await run(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    throw new Error(`Parley tests: ${name} failed: ${err.stderr || err.message}`);
  }
}

// A port nobody listens on now. The server binds no TCP socket, but the port number
// names its unix socket file, so two clusters must not share one.
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts a fresh cluster; resolves once it accepts connections. */
export async function startPostgres() {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`Parley tests: PostgreSQL server binaries not found in ${PG_BIN} ` +
      '(scripts/setup.sh --test installs the postgresql package)');
  }
  // In /tmp, not $TMPDIR: a unix socket path must fit in 107 bytes.
  const dir = await mkdtemp('/tmp/parley-pg-');
  if (IS_ROOT) await chown(dir, ...(await ownerIds()));
  const data = path.join(dir, 'data');
  const port = await freePort();
  await pgTool('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8',
    '--locale=C', '--no-sync']);
  const cluster = {
    dir,
    port,
    url: `postgresql:///postgres?host=${encodeURIComponent(dir)}&port=${port}&user=postgres`,
    /** A connection string for database `name` on this cluster. */
    urlFor(name) {
      return databaseUrl(cluster.url, name);
    },
    async start() {
      // listen_addresses='': unix socket only, so tests never expose a trust-auth server.
      await pgTool('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w',
        '-t', String(START_TIMEOUT_SECONDS), '-o',
        `-c listen_addresses='' -c unix_socket_directories='${dir}' -p ${port}`, 'start']);
    },
    /** Stops the server (fast: connections are cut, as in a crash or failover). */
    async stop() {
      await pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    sql(statement, database = 'postgres') {
      return sqlAt(cluster.urlFor(database), statement);
    },
    async createDatabase(name) { await cluster.sql(`CREATE DATABASE ${name}`); },
    async dropDatabase(name) { await cluster.sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); },
    async destroy() {
      try {
        await cluster.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
  await cluster.start();
  return cluster;
}

async function ownerIds() {
  const uid = Number((await run('id', ['-u', OWNER])).stdout);
  const gid = Number((await run('id', ['-g', OWNER])).stdout);
  return [uid, gid];
}

/** The connection string `url` with its database replaced by `name`. */
export function databaseUrl(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one SQL statement with psql; resolves to its output (unaligned, no headers). */
export async function sqlAt(url, statement) {
  try {
    const { stdout } = await run('psql', [url, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-A', '-t',
      '-c', statement]);
    return stdout.trim();
  } catch (err) {
    throw new Error(`Parley tests: psql failed: ${err.stderr || err.message}`);
  }
}

/** A database name no other test uses (lower case: SQL folds unquoted names). */
export function randomDatabaseName(prefix = 'parley_test') {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

// Command mode: PARLEY_PG=<cluster url> <command...>, then the cluster is removed.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error('usage: node tests/support/postgres.mjs <command> [args...]');
    process.exit(2);
  }
  const cluster = await startPostgres();
  let code = 1;
  try {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, PARLEY_PG: cluster.url } });
    code = await new Promise((resolve) => {
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
      child.on('error', (err) => { console.error(`Parley tests: ${err.message}`); resolve(1); });
    });
  } finally {
    await cluster.destroy();
  }
  process.exit(code);
}
