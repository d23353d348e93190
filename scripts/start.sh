#!/usr/bin/env bash
# npm start: set up, build, and run the demo: parleyd on :8080 (API, SQLite in ./data/)
# and the static blog page on :8081, a different origin, so CORS is real.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

mkdir -p data
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
# The demo's identity provider first: demo/parley.json offers it beside guest comments.
node demo/login-provider.mjs --port 8082 --parleyd http://localhost:8080 &
pids+=($!)
build/native/server/parleyd --config demo/parley.json &
pids+=($!)
node demo/serve.mjs --port 8081 &
pids+=($!)
sleep 1
echo
echo "  Parley demo:  http://localhost:8081/"
echo "  API server:   http://localhost:8080/  (database: ./data/parley.db)"
echo "  Log in with:  Demo ID (a local OpenID Connect provider on :8082): user \"ada\", any password"
echo "  Stop with Ctrl+C."
wait -n "${pids[@]}"
