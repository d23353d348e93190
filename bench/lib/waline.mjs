// The Waline server (@waline/vercel, Node + SQLite) for the server benchmark, installed
// by scripts/bench.sh into bench/out/waline (its SQLite driver compiles from source when
// no prebuilt binary can be downloaded). Started with everything that would reach the
// internet off (Akismet) or pointed at a local stub (its OAuth service list), and its per-IP posting interval off, like parleyd's rate limits.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, packageVersion } from './report.mjs';

export const WALINE_DIR = process.env.WALINE_SERVER_DIR ?? join(OUT, 'waline', 'node_modules', '@waline', 'vercel');
const STARTUP_TIMEOUT_MS = 60_000;

export const walineInstalled = () => existsSync(join(WALINE_DIR, 'vanilla.js'));
export const walineVersion = () => {
  try {
    return `@waline/vercel ${JSON.parse(readFileSync(join(WALINE_DIR, 'package.json'), 'utf8')).version}`;
  } catch {
    return packageVersion('@waline/vercel');
  }
};

// Waline's SQLite storage expects its tables to exist (its repository ships an empty
// database); these are the columns its models read and write.
const SCHEMA = `
CREATE TABLE wl_Comment (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER, comment TEXT,
  insertedAt DATETIME DEFAULT (datetime('now', 'localtime')), ip TEXT, link TEXT, mail TEXT, nick TEXT,
  rid INTEGER, pid INTEGER, sticky NUMERIC, status TEXT NOT NULL, "like" INTEGER, ua TEXT, url TEXT,
  createdAt DATETIME DEFAULT (datetime('now', 'localtime')), updatedAt DATETIME DEFAULT (datetime('now', 'localtime')));
CREATE TABLE wl_Counter (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER, reaction0 INTEGER,
  reaction1 INTEGER, reaction2 INTEGER, reaction3 INTEGER, reaction4 INTEGER, reaction5 INTEGER,
  reaction6 INTEGER, reaction7 INTEGER, reaction8 INTEGER, url TEXT,
  createdAt DATETIME DEFAULT (datetime('now', 'localtime')), updatedAt DATETIME DEFAULT (datetime('now', 'localtime')));
CREATE TABLE wl_Users (id INTEGER PRIMARY KEY AUTOINCREMENT, display_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '', password TEXT NOT NULL DEFAULT '', type TEXT NOT NULL DEFAULT '',
  label TEXT, github TEXT, twitter TEXT, facebook TEXT, google TEXT, weibo TEXT, qq TEXT, oidc TEXT,
  huawei TEXT, "2fa" TEXT, avatar TEXT, url TEXT,
  createdAt DATETIME DEFAULT (datetime('now', 'localtime')), updatedAt DATETIME DEFAULT (datetime('now', 'localtime')));
`;

const sql = (s) => `'${String(s).replaceAll("'", "''")}'`;

/**
 * Creates the database in `dir` with the given comments, stored as Waline stores them
 * (Markdown source; Waline renders on every read). comments: {url, text, pid?, rid?}[]
 */
export function seedWaline(dir, comments) {
  const rows = comments.map((c, i) => `(${sql(c.text)}, '127.0.0.1', '', 'bench${i % 97}@example.org', ` +
    `'Bench ${i % 97}', ${c.rid ?? 'NULL'}, ${c.pid ?? 'NULL'}, 'approved', 0, 'Mozilla/5.0', ${sql(c.url)}, ` +
    `datetime(1700000000 + ${i}, 'unixepoch'))`);
  const insert = rows.length ? `INSERT INTO wl_Comment (comment, ip, link, mail, nick, rid, pid, status, "like", ua, url, insertedAt) VALUES\n${rows.join(',\n')};` : '';
  execFileSync('sqlite3', [join(dir, 'waline.sqlite')], { input: `${SCHEMA}\nBEGIN;\n${insert}\nCOMMIT;\n` });
}

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

// thinkjs runs a master and worker processes; the figure is their peak RSS summed.
function treePeakRss(rootPid) {
  const pids = [rootPid];
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(rootPid)) pids.push(Number(p));
    } catch { /* gone */ }
  }
  return pids.reduce((sum, pid) => {
    try {
      return sum + Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}

function startOauthStub() {
  const child = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'oauth-stub.mjs')],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  // Also when this benchmark dies part-way: the stub must not outlive it.
  process.on('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (port) => resolve({ url: `http://127.0.0.1:${port.trim()}/`, child }));
    child.on('error', reject);
  });
}

export async function startWaline(dir) {
  const port = await freePort();
  const oauth = await startOauthStub();
  const child = spawn(process.execPath, [join(WALINE_DIR, 'vanilla.js'), String(port)], {
    cwd: WALINE_DIR,
    env: { ...process.env, SQLITE_PATH: dir, SQLITE_DB: 'waline', JWT_TOKEN: 'parley-bench', AKISMET_KEY: 'false',
      IPQPS: '0', SITE_URL: 'http://localhost:8081', NODE_ENV: 'production', OAUTH_URL: oauth.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (c) => { log += c; });
  child.stderr.on('data', (c) => { log += c; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Waline exited (${child.exitCode})\n${log.slice(-2000)}`);
    const ok = await fetch(`${url}/api/comment?type=count&url=/`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      oauth.child.kill('SIGKILL');
      throw new Error(`Waline did not start\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    peakRss: () => treePeakRss(child.pid),
    log: () => log,
    async stop() {
      // SIGTERM to the master; its workers follow.
      child.kill('SIGTERM');
      oauth.child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
    },
  };
}
