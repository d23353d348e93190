// Shared by the benchmark scripts: where the repo and builds are, the machine line every
// section starts with, and writing one section of bench/RESULTS.md without touching the
// others (each script owns the section under its own "## " heading).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
export const OUT = join(ROOT, 'bench', 'out');

// The release builds scripts/build.sh makes; each can be overridden for a private build.
export const PARLEYD = process.env.PARLEYD ?? join(ROOT, 'build/native/server/parleyd');
export const DIST = process.env.PARLEY_ASSETS ?? join(ROOT, 'build/dist');

/** --quick: tiny inputs, no RESULTS.md write (the smoke run that keeps a script from rotting). */
export const QUICK = process.argv.includes('--quick');

/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** Every value given after `--name` (the option repeated). */
export function options(name) {
  return process.argv.flatMap((arg, i) => (arg === name && i + 1 < process.argv.length ? [process.argv[i + 1]] : []));
}

export function fail(message, code = 1) {
  console.error(`Parley: ${message}`);
  process.exit(code);
}

export function requireFile(path, hint) {
  if (!existsSync(path)) fail(`${path} is missing; ${hint}`, 2);
}

export const fmt = (n, digits = 0) =>
  Number(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}x` : 'n/a');

function version(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0].trim();
  } catch (e) {
    // Some tools (wrk -v) print their version and exit non-zero.
    return e.stdout?.split('\n')[0].trim() || `${command} unavailable`;
  }
}

/** "Measured <date> on <cpu> (...)": what a reader needs to compare two runs. */
export function machineLine(extra = []) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const parts = [`Node ${process.version}`, ...extra];
  return `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu} ` +
    `(${os.cpus().length} logical CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `${os.platform()} ${os.release()}), ${parts.join(', ')}; load average when done ` +
    `${os.loadavg()[0].toFixed(1)} (other work on the machine competes for the CPUs).`;
}

export const chromiumVersion = () => version('chromium', ['--version']);
export const wrkVersion = () => version('wrk', ['-v']).replace(/ \[.*$/, '').replace('debian/', '');
export const sqliteVersion = () => `SQLite ${version('sqlite3', ['--version']).split(' ')[0]}`;

export function packageVersion(name) {
  try {
    return `${name} ${JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version}`;
  } catch {
    return `${name} (not installed)`;
  }
}

/** Replaces (or appends) the section under `heading` and prints it. */
export function writeSection(heading, lines) {
  // Ends with a blank line, which keeps it apart from the next section's heading.
  const section = [heading, '', ...lines, '', ''].join('\n');
  console.log(section);
  if (QUICK) return;
  let doc = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n';
  const start = doc.indexOf(`${heading}\n`);
  if (start === -1) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const next = doc.indexOf('\n## ', start + heading.length);
    doc = doc.slice(0, start) + section + (next === -1 ? '' : doc.slice(next + 1));
  }
  writeFileSync(RESULTS, doc.endsWith('\n') ? doc : `${doc}\n`);
}

/** p-th percentile (0..100) of an array of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
