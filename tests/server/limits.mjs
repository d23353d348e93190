// The limits the tests check, read from the C++ headers that define them, so a test
// never restates a number the server might change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Reads `inline constexpr <type> kName = <a> * <b> ...;` (integer products only).
function readLimits(relativePath) {
  const source = readFileSync(path.join(REPO, relativePath), 'utf8');
  const limits = {};
  for (const m of source.matchAll(/inline constexpr [\w:]+ (k\w+)\s*=\s*([\d\s*]+);/g)) {
    limits[m[1]] = m[2].split('*').reduce((product, factor) => product * Number(factor.trim()), 1);
  }
  return limits;
}

export const core = readLimits('core/limits.hpp');
export const server = readLimits('server/server_limits.hpp');
