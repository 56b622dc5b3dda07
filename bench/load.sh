#!/usr/bin/env bash
# HTTP and mail benchmarks of canvass (issue 5). Rerunnable by anyone:
#
#   bash bench/load.sh                      # SQLite, 100000 members
#   CANVASS_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test bash bench/load.sh
#
# For each backend (SQLite always; PostgreSQL when CANVASS_BENCH_POSTGRES_URL
# names a server: a fresh database is created beside the one named, and
# dropped at the end) it makes a fixture with examples/load_fixture.rs,
# starts `canvass serve`, runs wrk RUNS times per test (the static
# stylesheet; first visits to distinct links; submissions; then visits to
# the links just submitted, whose pages show the answers) and reports the
# medians, samples the server's peak RSS, then times `canvass round invite`
# against examples/smtp_sink.rs. Results go to bench/results/http-<backend>.md
# and standard output.
#
# Knobs (environment): MEMBERS (100000), RUNS (3), DURATION (10s),
# CONNECTIONS (64), THREADS (2), QUICKACK (0: the SMTP sink delays its ACKs
# like a typical MTA; 1: it acknowledges at once, to see canvass alone),
# BACKENDS ("sqlite postgres": the ones to run; postgres only with the URL).
# wrk and the server share the machine; the
# static-file baseline measured in the same run is what the ratios compare to.
set -euo pipefail

cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-100000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
QUICKACK=${QUICKACK:-0}
BACKENDS=${BACKENDS:-sqlite postgres}
PG_URL=${CANVASS_BENCH_POSTGRES_URL:-}
COMMAND="MEMBERS=$MEMBERS RUNS=$RUNS DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS QUICKACK=$QUICKACK${BACKENDS:+ BACKENDS=\"$BACKENDS\"}${PG_URL:+ CANVASS_BENCH_POSTGRES_URL=$PG_URL} bash bench/load.sh"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [[ -n $PG_URL ]] && ! command -v psql >/dev/null; then
  echo "error: CANVASS_BENCH_POSTGRES_URL is set but psql is not installed (apt-get install postgresql-client)" >&2
  exit 1
fi
cargo build --release --examples --bins
BIN=target/release/canvass
FIXTURE=target/release/examples/load_fixture
SINK=target/release/examples/smtp_sink

WORK=$(mktemp -d /tmp/canvass-bench.XXXXXX)
PIDS=()
PG_DB=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n $PG_DB ]]; then
    psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A TCP port nobody listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

wait_for_port() {
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "error: nothing listens on port $1" >&2
  return 1
}

field() { grep -o "$1=[^ ]*" "$2" | cut -d= -f2; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
total() { awk '{ s += $1 } END { print s + 0 }'; }

# run_wrk NAME ARGS…: RUNS runs; prints "rps p99_ms bad_status socket_errors"
# (medians of rps and p99, sums of errors) and keeps each run's line.
# The token scripts take "-- TOKENS START THREADS [BODY]"; START moves by
# a RUNS-th of the token file per run, so no token is used twice unless a
# run makes more than that many requests. A fifth argument names another
# token file.
run_wrk() {
  local name=$1 url=$2 script=$3 extra=${4:-} tokens=${5:-$DIR/tokens.txt} run start line count
  count=$(wc -l <"$tokens")
  : >"$DIR/$name.runs"
  for run in $(seq "$RUNS"); do
    start=$(((run - 1) * count / RUNS))
    # shellcheck disable=SC2086 # extra holds several words on purpose
    line=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout 10s --latency \
      -s "$script" "$url" -- "$tokens" "$start" "$THREADS" $extra | grep '^RESULT')
    echo "$line" | tee -a "$DIR/$name.runs" >&2
  done
  local runs="$DIR/$name.runs"
  echo "$(field rps "$runs" | median) $(field p99_ms "$runs" | median)" \
    "$(field bad_status "$runs" | total) $(field socket_errors "$runs" | total)"
}

bench_backend() {
  local backend=$1 db_url=$2
  DIR="$WORK/$backend"
  mkdir -p "$DIR"
  export CANVASS_DATABASE_URL=$db_url CANVASS_SECRET_FILE="$DIR/canvass.key" \
    CANVASS_SURVEYS_DIR=surveys CANVASS_OUTBOX_DIR="$DIR/outbox"
  unset CANVASS_SMTP_URL

  echo "== $backend: fixture with $MEMBERS members" >&2
  "$FIXTURE" --database-url "$db_url" --secret-file "$CANVASS_SECRET_FILE" \
    --members "$MEMBERS" --out "$DIR" | tee "$DIR/fixture.log" >&2

  local port server
  port=$(free_port)
  "$BIN" serve --bind "127.0.0.1:$port" >"$DIR/serve.log" 2>&1 &
  server=$!
  PIDS+=("$server")
  wait_for_port "$port"
  local base="http://127.0.0.1:$port"

  echo "== $backend: wrk, $RUNS x $DURATION, $CONNECTIONS connections, $THREADS threads" >&2
  local st get post back
  st=$(run_wrk static "$base/static/canvass.css" bench/static.lua)
  get=$(run_wrk get "$base" bench/links.lua)
  post=$(run_wrk post "$base" bench/links.lua "$DIR/submit.txt")
  # A member coming back: the links the post runs submitted (each run's
  # range from its start; 90% of its count, as the threads' stripes end a
  # little apart). Their pages show the answers, rendered for the member.
  local req i=0
  : >"$DIR/returning.txt"
  for req in $(field requests "$DIR/post.runs"); do
    sed -n "$((i * MEMBERS / RUNS + 1)),$((i * MEMBERS / RUNS + req * 9 / 10))p" \
      "$DIR/tokens.txt" >>"$DIR/returning.txt"
    i=$((i + 1))
  done
  sort -u -o "$DIR/returning.txt" "$DIR/returning.txt"
  back=$(run_wrk back "$base" bench/links.lua "" "$DIR/returning.txt")
  local rss
  rss=$(awk '/VmHWM/ { printf "%.1f MB", $2 / 1024 }' "/proc/$server/status")
  kill "$server"
  wait "$server" 2>/dev/null || true

  echo "== $backend: canvass round invite load, mail to an SMTP sink" >&2
  local quick=()
  if [[ $QUICKACK == 1 ]]; then quick=(--quickack); fi
  "$SINK" --port 0 --count "$MEMBERS" --seconds 20 "${quick[@]}" >"$DIR/sink.log" &
  local sink=$!
  PIDS+=("$sink")
  for _ in $(seq 50); do grep -q '^listening' "$DIR/sink.log" && break; sleep 0.1; done
  local smtp t0 t1
  smtp=$(awk '/^listening/ { print $2 }' "$DIR/sink.log")
  t0=$(date +%s.%N)
  CANVASS_SMTP_URL="smtp://$smtp" "$BIN" round invite load | tee "$DIR/invite.log" >&2
  t1=$(date +%s.%N)
  wait "$sink"
  local invite_s sink_line
  invite_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  sink_line=$(grep '^messages' "$DIR/sink.log")

  report "$backend" "$st" "$get" "$post" "$back" "$rss" "$invite_s" "$sink_line" \
    | tee "bench/results/http-$backend.md"
}

report() {
  local backend=$1 rss=$6 invite_s=$7 sink_line=$8
  local -a st get post back sink
  read -r -a st <<<"$2"
  read -r -a get <<<"$3"
  read -r -a post <<<"$4"
  read -r -a back <<<"$5"
  read -r -a sink <<<"$sink_line"
  local ratio_get ratio_post ratio_back
  ratio_get=$(awk -v a="${get[0]}" -v b="${st[0]}" 'BEGIN { printf "%.3f", a / b }')
  ratio_post=$(awk -v a="${post[0]}" -v b="${st[0]}" 'BEGIN { printf "%.3f", a / b }')
  ratio_back=$(awk -v a="${back[0]}" -v b="${st[0]}" 'BEGIN { printf "%.3f", a / b }')
  cat <<EOF
## HTTP benchmark: $backend, $MEMBERS members

- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src && echo "" || echo " (src/ modified)")
- machine: $(nproc) CPUs, $(uname -sr), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
- command: \`$COMMAND\`
- wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per run, median of $RUNS runs
  (errors summed over the runs); wrk and the server share the machine

| test | req/s | p99 latency | errors | req/s ÷ static |
| --- | ---: | ---: | ---: | ---: |
| \`GET /static/canvass.css\` | ${st[0]} | ${st[1]} ms | $((st[2] + st[3])) | 1 |
| \`GET /r/<token>\` (distinct tokens) | ${get[0]} | ${get[1]} ms | $((get[2] + get[3])) | $ratio_get |
| \`POST /r/<token>\` submit (distinct tokens, 303 = success) | ${post[0]} | ${post[1]} ms | $((post[2] + post[3])) | $ratio_post |
| \`GET /r/<token>\` of a member who has submitted (answers shown; $(wc -l <"$DIR/returning.txt") tokens) | ${back[0]} | ${back[1]} ms | $((back[2] + back[3])) | $ratio_back |

- server peak RSS (VmHWM after the runs): $rss
- \`canvass round invite load\`: ${invite_s} s overall (queueing and delivering $MEMBERS mails);
  the SMTP sink received ${sink[1]} messages at ${sink[7]%/s} mails/s (first to last message;
  sink $([[ $QUICKACK == 1 ]] && echo "with immediate ACKs" || echo "with the kernel's delayed ACKs"))
- fixture: $(paste -sd';' "$DIR/fixture.log" | sed 's/;/; /g')

<details><summary>every run</summary>

\`\`\`
$(for t in static get post back; do sed "s/^/$t /" "$DIR/$t.runs"; done)
$(cat "$DIR/invite.log")
$sink_line
\`\`\`
</details>
EOF
}

mkdir -p bench/results
if [[ " $BACKENDS " == *" sqlite "* ]]; then
  bench_backend sqlite "sqlite://$WORK/sqlite.db"
fi
if [[ -n $PG_URL && " $BACKENDS " == *" postgres "* ]]; then
  PG_DB="canvass_bench_$$"
  psql -q "$PG_URL" -c "CREATE DATABASE $PG_DB" >/dev/null
  bench_backend postgres "${PG_URL%/*}/$PG_DB"
fi
