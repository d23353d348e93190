// A parleyd child process the test controls directly (its pid, SIGKILL), for the crash
// and load tests; everything else uses startParleyd() from parleyd.mjs. Same flags as
// that helper: loopback, a free port, rate limits off, one site "demo".
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { PARLEYD_PATH } from './parleyd.mjs';

const STARTUP_TIMEOUT_MS = 20_000;
const LISTENING = /parleyd listening on (http:\/\/\S+?:\d+)\s/;

/**
 * @param {import('node:test').TestContext} t killed (SIGKILL) after the test at the latest
 * @param {{db?: string, storeArgs?: string[], origin: string, env?: Record<string, string>}}
 *   options `db` (a SQLite file) or `storeArgs` (e.g. --store postgres --pg URL)
 * @returns {Promise<{url: string, child: import('node:child_process').ChildProcess,
 *   exited: Promise<{code: number|null, signal: string|null}>, stderr: () => string}>}
 */
export function spawnParleyd(t, { db, storeArgs = ['--db', db], origin, env = {} }) {
  const child = spawn(PARLEYD_PATH, ['--listen', '127.0.0.1', '--port', '0', ...storeArgs,
    '--site', 'demo', '--origin', origin, '--posts-per-minute', '0',
    '--requests-per-minute', '0', '--identity-posts-per-minute', '0', '--duplicate-hours', '0',
    '--pow-bits', '0'], { stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env } });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parleyd did not start\n${stderr}`)),
      STARTUP_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (c) => {
      stdout += c;
      const m = LISTENING.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, exited, stderr: () => stderr });
      }
    });
    exited.then(({ code }) => reject(new Error(`parleyd exited (${code})\n${stderr}`)));
  });
}

// The resident set size of a process, in KiB (Linux /proc).
export function rssKiB(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]);
}
