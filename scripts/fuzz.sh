#!/usr/bin/env bash
# npm run fuzz: builds the libFuzzer targets in fuzz/ (clang 14, ASan + UBSan) into
# build/fuzz and runs each one for a while, starting from its committed seed corpus.
#   scripts/fuzz.sh              every target for FUZZ_SECONDS (default 60) seconds
#   scripts/fuzz.sh 5            every target for 5 seconds (what npm test runs)
#   scripts/fuzz.sh 300 fuzz_markdown   one target for 5 minutes
# New interesting inputs go to build/fuzz/corpus/<target>/ (not committed: copy the
# small, telling ones into fuzz/corpus/<target>/). A crash stops the run with a non-zero
# exit and leaves its input in build/fuzz/crashes/; turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${FUZZ_SECONDS:-60}}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_markdown fuzz_wire_json fuzz_widget_events fuzz_thread_reader fuzz_json_object
                               fuzz_share fuzz_api_pipeline fuzz_wxr fuzz_disqus)
# Per-input bounds: a hang or a memory blow-up on one input is a finding too.
readonly kInputTimeoutSeconds=10
readonly kRssLimitMb=2048
# The largest body parleyd accepts (core kMaxBodyBytes) plus its request line.
readonly kMaxInputBytes=70000

dir=build/fuzz
[[ -f $dir/build.ninja ]] || CC=clang-14 CXX=clang++-14 cmake -G Ninja -B $dir -S . \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_SANITIZE=ON -DPARLEY_FUZZ=ON \
  -DPARLEY_WERROR=ON >/dev/null
cmake --build $dir --target "${targets[@]}"

mkdir -p $dir/crashes
for target in "${targets[@]}"; do
  echo "== fuzz $target (${seconds}s)"
  mkdir -p $dir/corpus/$target
  # -close_fd_mask=1: the targets print nothing useful on stdout.
  $dir/fuzz/$target -max_total_time="$seconds" -timeout=$kInputTimeoutSeconds \
    -rss_limit_mb=$kRssLimitMb -max_len=$kMaxInputBytes -print_final_stats=1 \
    -artifact_prefix=$dir/crashes/$target- -close_fd_mask=1 \
    $dir/corpus/$target fuzz/corpus/$target 2>$dir/$target.log ||
    { tail -n 60 $dir/$target.log; echo "fuzz: $target failed; input in $dir/crashes/"; exit 1; }
  grep -E '^stat::number_of_executed_units|^Done' $dir/$target.log || true
done
