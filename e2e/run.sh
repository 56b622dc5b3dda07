#!/usr/bin/env bash
# Real-browser test of the respondent form and the consoles: builds canvass
# with its right-to-left test locale (`--features test-locale`), starts the
# demo on a free port with its own database and outbox in a
# temporary folder, runs e2e/respond.test.js, e2e/report.test.js, then
# e2e/console.test.js in
# headless Chromium against it, stops the demo.
# Screenshots and the demo's logs go to target/e2e/. Exit status non-zero on
# any failure. Needs cargo, Node 20+ with npm, and Chromium at
# $CHROMIUM_PATH (default /usr/bin/chromium; Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/e2e"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "e2e: no Chromium at $CHROMIUM_PATH (Debian: apt-get install -y chromium)" >&2
  exit 1
fi

# With the right-to-left test locale ar-XB, which report.test.js uses.
cargo build --features test-locale
BIN="$ROOT/target/debug/canvass"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "e2e: needs Node 20 or later with npm" >&2
  exit 1
fi
if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  (cd e2e && npm ci --no-audit --no-fund)
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.png
TMP=$(mktemp -d "${TMPDIR:-/tmp}/canvass-e2e.XXXXXX")
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
ORIGIN="http://127.0.0.1:$PORT"
"$BIN" demo --demo-db "$TMP/demo.db" --bind "127.0.0.1:$PORT" >"$OUT/demo.stdout.log" 2>"$OUT/demo.stderr.log" &
SERVER=$!

# Seeding takes a few seconds; then it prints its address and serves.
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "e2e: canvass demo exited before serving:" >&2
    cat "$OUT/demo.stderr.log" >&2
    exit 1
  fi
  if grep -q "is serving on" "$OUT/demo.stdout.log" 2>/dev/null \
    && node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$ORIGIN/health"; then
    ready=1
    break
  fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "e2e: canvass demo did not serve on $ORIGIN within a minute" >&2
  cat "$OUT/demo.stderr.log" >&2
  exit 1
fi

status=0
CANVASS_E2E_ORIGIN="$ORIGIN" \
CANVASS_E2E_OUTBOX="$TMP/demo.outbox" \
CANVASS_E2E_STDOUT="$OUT/demo.stdout.log" \
CANVASS_E2E_OUT="$OUT" \
  timeout 150 node e2e/respond.test.js || status=$?
if [ "$status" = 124 ]; then
  echo "e2e: the browser test did not finish within 150 s" >&2
fi
# The report test reads the closed round 2025 and needs 2026 still open:
# before the console test, which closes it.
report_status=0
CANVASS_E2E_ORIGIN="$ORIGIN" \
CANVASS_E2E_STDOUT="$OUT/demo.stdout.log" \
CANVASS_E2E_OUT="$OUT" \
  timeout 150 node e2e/report.test.js || report_status=$?
if [ "$report_status" = 124 ]; then
  echo "e2e: the report test did not finish within 150 s" >&2
fi
console_status=0
CANVASS_E2E_ORIGIN="$ORIGIN" \
CANVASS_E2E_STDOUT="$OUT/demo.stdout.log" \
CANVASS_E2E_OUT="$OUT" \
  timeout 300 node e2e/console.test.js || console_status=$?
if [ "$console_status" = 124 ]; then
  echo "e2e: the console test did not finish within 300 s" >&2
fi
if [ "$status" = 0 ]; then
  status=$report_status
fi
if [ "$status" = 0 ]; then
  status=$console_status
fi
if ! kill -0 "$SERVER" 2>/dev/null; then
  server_status=0
  wait "$SERVER" || server_status=$?
  SERVER=""
  echo "e2e: canvass demo stopped during the test (exit status $server_status); its stderr:" >&2
  tail -n 40 "$OUT/demo.stderr.log" >&2
  status=1
fi
exit "$status"
