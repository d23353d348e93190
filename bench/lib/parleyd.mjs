// Starts a release parleyd for a benchmark: loopback, a free port, a database the caller
// chooses (so the scale benchmark can hand it a pre-filled one), rate limits and the
// per-author and link-count spam layers off (a benchmark is one client IP and one author sending
// thousands of requests, some with equal texts), and peak RSS on stop.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { DIST, PARLEYD, requireFile } from './report.mjs';

const STARTUP_TIMEOUT_MS = 30_000;
const LISTENING = /parleyd listening on (http:\/\/\S+?:\d+)\s/;
export const SITE = 'bench';
export const ORIGIN = 'http://localhost:8081';

/** Peak resident set (VmHWM) of a live process, in bytes. */
export function peakRss(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** `build`: another parleyd and its assets (bench/loader-ab.mjs compares builds). */
export async function startParleyd(db, build = { parleyd: PARLEYD, dist: DIST }) {
  requireFile(build.parleyd, 'run scripts/build.sh (or set PARLEYD to a release build)');
  // The corpus has comments with many links (they would be held for moderation, and a
  // held comment is not in the thread being measured).
  const config = `${db}.bench.json`;
  writeFileSync(config, JSON.stringify({ spam: { max_links: -1 } }));
  const child = spawn(build.parleyd, ['--config', config, '--listen', '127.0.0.1', '--port', '0', '--db', db, '--assets', build.dist,
    '--site', SITE, '--origin', ORIGIN, '--posts-per-minute', '0', '--requests-per-minute', '0',
    '--identity-posts-per-minute', '0', '--duplicate-hours', '0', '--pow-bits', '0'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parleyd did not start\n${stderr}`)), STARTUP_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (c) => {
      stdout += c;
      const m = LISTENING.exec(stdout);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`parleyd exited (${code})\n${stderr}`)); });
  });
  return {
    url,
    pid: child.pid,
    peakRss: () => peakRss(child.pid),
    async stop() {
      child.kill('SIGTERM');
      const { code } = await exited;
      if (code !== 0) throw new Error(`parleyd exited with code ${code}\n${stderr.slice(-2000)}`);
    },
  };
}

/** Posts one comment through the public API, as the widget would. */
export async function postComment(url, page, text, parent = 0) {
  const res = await fetch(`${url}/api/comments?site=${SITE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ page, title: `Page ${page}`, parent, text, author: 'Bench', email: 'bench@example.org', website: '' }),
  });
  if (res.status !== 201) throw new Error(`POST ${page}: ${res.status} ${await res.text()}`);
  return res.json();
}
