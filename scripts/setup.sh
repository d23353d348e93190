#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for Parley, and nothing it already has.
#   scripts/setup.sh          build + demo needs
#   scripts/setup.sh --test   also what the tests need (Chromium, clang-format, a PostgreSQL
#                             server the tests run throwaway clusters of)
set -euo pipefail
cd "$(dirname "$0")/.."

want=(cmake ninja-build g++ make pkg-config emscripten
      libboost-dev libsqlite3-dev zlib1g-dev nlohmann-json3-dev doctest-dev
      libssl-dev libcurl4-openssl-dev libpq-dev libargon2-dev
      libexpat1-dev)
# Node may come from elsewhere than Debian (nodesource, nvm): only install Debian's
# when there is none at all.
command -v npm >/dev/null || want+=(nodejs npm)
if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
  # clang 14 and its libFuzzer runtime build the fuzz targets (scripts/fuzz.sh).
  want+=(clang-14 libclang-rt-14-dev)
  # sqlite3 runs PRAGMA integrity_check on the database the crash test killed parleyd over.
  want+=(sqlite3)
  want+=(chromium clang-format postgresql)
fi
# wrk drives the server benchmarks, which npm test also runs once on tiny inputs.
if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
  want+=(wrk)
fi

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "parley setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "parley setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
