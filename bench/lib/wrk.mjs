// Runs wrk and returns its figures as numbers. wrk's own Lua hooks print one JSON line at
// the end (done()), so nothing depends on parsing its human-readable report.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './report.mjs';

const DONE = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,' ..
    '"errors":%d,"non2xx":%d}\\n', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;

/**
 * @param {string} url
 * @param {{connections: number, seconds: number, threads?: number, script?: string, headers?: string[]}} o
 *   script: Lua run before the done() hook (e.g. a request() that varies the body)
 */
export function wrk(url, { connections, seconds, threads = 2, script = '', headers = [] }) {
  const file = join(OUT, `wrk-${process.pid}.lua`);
  writeFileSync(file, `${script}\n${DONE}`);
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '-s', file];
  for (const h of headers) args.push('-H', h);
  const out = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith('WRKJSON '));
  if (!line) throw new Error(`wrk printed no summary:\n${out}`);
  const r = JSON.parse(line.slice(8));
  return { ...r, rps: r.requests / (r.duration_us / 1e6), p50_ms: r.p50_us / 1000, p99_ms: r.p99_us / 1000 };
}
