#!/usr/bin/env bash
# npm test: every test Parley has, on the real parts. Exits non-zero on any failure.
#  1. formatting (clang-format) of all C++
#  2. doctest suite natively under ASan/UBSan, and the same suite compiled to WASM in Node
#  3. server tests over real HTTP against parleyd (ASan build), once with temporary SQLite
#     files and once with temporary databases on a throwaway PostgreSQL cluster
#  4. the WASM module under Node, then browser tests in Chromium on the demo page
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh --test

echo "== clang-format"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
clang-format --dry-run --Werror "${sources[@]}"

echo "== size budgets"
node scripts/sizes.mjs build/dist

echo "== doctest (native, ASan/UBSan; the store suite also on a throwaway PostgreSQL)"
node tests/support/postgres.mjs ctest --test-dir build/native-asan --output-on-failure
echo "== fuzz targets, briefly (seed corpora plus a few seconds of mutation each)"
scripts/fuzz.sh 5
echo "== doctest (WASM under Node)"
ctest --test-dir build/wasm --output-on-failure

export PARLEYD=$PWD/build/native-asan/server/parleyd
export PARLEY_ASSETS=$PWD/build/dist
export PARLEY_WIDGET_DIR=$PWD/build/wasm/widget
echo "== server, module and browser tests"
node --test --test-concurrency=1 tests/server/ tests/widget/ tests/browser/ tests/bench/
echo "== load, briefly (npm run load runs the full 60 s)"
PARLEY_LOAD_SECONDS=10 node --test tests/load/
echo "== server tests again, on PostgreSQL"
PARLEY_STORE=postgres node tests/support/postgres.mjs node --test --test-concurrency=1 tests/server/
