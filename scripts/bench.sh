#!/usr/bin/env bash
# npm run bench: release builds, then every benchmark in bench/, side by side with the
# peers on the same machine in the same run. Results are written to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
scripts/build.sh
mkdir -p bench/out
node bench/gen-corpus.mjs
node bench/markdown.mjs
