#!/usr/bin/env bash
# npm run bench: release builds, then every benchmark in bench/, side by side with the
# peers on the same machine in the same run. Each script rewrites its own section of
# bench/RESULTS.md and prints a one-line summary; the summaries are repeated at the end.
#   scripts/bench.sh            the full run (the 10-million-comment store is generated
#                               once, a few minutes, and cached in bench/out)
#   scripts/bench.sh --quick    tiny inputs, RESULTS.md untouched: checks the scripts work
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
scripts/build.sh
mkdir -p bench/out

quick=()
[[ "${1:-}" == "--quick" ]] && quick=(--quick)
export PARLEYD=${PARLEYD:-build/native/server/parleyd}
export PARLEY_ASSETS=${PARLEY_ASSETS:-build/dist}
export PARLEY_BENCH_NATIVE=${PARLEY_BENCH_NATIVE:-build/native/bench/markdown_bench}
export PARLEY_BENCH_WASM=${PARLEY_BENCH_WASM:-build/wasm/bench/markdown_bench.cjs}
export PARLEY_BENCH_WASM_DIR=${PARLEY_BENCH_WASM_DIR:-build/wasm/bench/browser}

summary=bench/out/summary.txt
: >"$summary"
run() {  # script, args...: runs one benchmark and keeps its last line (the summary)
  echo "== $1"
  node "$@" "${quick[@]}" | tee bench/out/last.txt
  tail -n 1 bench/out/last.txt >>"$summary"
}

# The Waline server is measured beside parleyd when it installs: outside the repo's
# dependencies, because its SQLite driver compiles from source for minutes when no
# prebuilt binary can be downloaded, and nothing but this benchmark needs it.
WALINE_SERVER=@waline/vercel@1.39.3
if [[ ! -f bench/out/waline/node_modules/@waline/vercel/vanilla.js ]]; then
  mkdir -p bench/out/waline
  npm install --prefix bench/out/waline --no-audit --no-fund --loglevel=error "$WALINE_SERVER" ||
    echo "parley bench: $WALINE_SERVER did not install; the server benchmark runs without it"
fi

node bench/gen-corpus.mjs
if ((${#quick[@]} == 0)); then
  run bench/markdown.mjs  # no --quick of its own: the smoke run leaves it out
fi
run bench/size.mjs
run bench/markdown-browser.mjs
run bench/client-render.mjs
run bench/tick.mjs
run bench/server.mjs
run bench/scale.mjs
run bench/sse.mjs
echo
echo "== summary"
cat "$summary"
