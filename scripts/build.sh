#!/usr/bin/env bash
# Builds Parley and assembles the files parleyd serves into build/dist/.
#   scripts/build.sh            release: build/native (parleyd) + build/wasm (widget)
#   scripts/build.sh --test     adds build/native-asan: core tests and parleyd under ASan/UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emcc optimizer needs acorn from here
# Paths inside the checkout hash as relative, so worktrees and build trees share ccache hits.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}

configure() {  # dir, extra cmake args...
  local dir=$1
  shift
  [[ -f $dir/build.ninja ]] || "$@" -G Ninja -B "$dir" -S . -DPARLEY_WERROR=ON >/dev/null
}

configure build/native cmake -DCMAKE_BUILD_TYPE=Release
cmake --build build/native

configure build/wasm emcmake cmake -DCMAKE_BUILD_TYPE=Release
cmake --build build/wasm

if [[ "${1:-}" == "--test" ]]; then
  configure build/native-asan cmake -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON
  cmake --build build/native-asan
fi

mkdir -p build/dist build/dist/admin
cp build/wasm/widget/parley-widget.wasm build/wasm/widget/parley-pow.wasm build/dist/
# The admin UI's script and stylesheet, served by parleyd at /admin/ (docs/admin.md).
cp web/admin/admin.js web/admin/admin.css build/dist/admin/
node scripts/minify-css.mjs web/parley.css build/dist/parley.css
# The loader is what every page pays for: ship it minified (the source keeps its comments).
npx --no-install terser web/parley.js --ecma 2018 --compress --mangle --output build/dist/parley.js
npx --no-install terser web/parley-count.js --ecma 2018 --compress --mangle \
  --output build/dist/parley-count.js
npx --no-install terser web/pow-worker.js --ecma 2018 --compress --mangle \
  --output build/dist/pow-worker.js
# The widget script is the Emscripten glue and the host (web/host.js) in one function
# scope: one request, and the factory ParleyWidget stays out of the page's globals.
# Emscripten only strips whitespace from the glue without Closure (not in Debian's
# emscripten); terser's local renaming and compression take a further 30% off its gzip.
{
  echo '(function () {'
  cat build/wasm/widget/parley-widget.js web/host.js
  echo '})();'
} >build/dist/parley-widget.src.js
npx --no-install terser build/dist/parley-widget.src.js --ecma 2018 --compress --mangle \
  --output build/dist/parley-widget.js
rm build/dist/parley-widget.src.js
