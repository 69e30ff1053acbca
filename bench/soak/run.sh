#!/usr/bin/env bash
# Soak: the real web host (`payeratlas serve`) under concurrent readers (wrk, a mix of pages and JSON API routes)
# while a full import of a new release (the real CMS files + the demo content) runs into the same store, then more
# reads after the site switches to it. Reports requests, failed requests (non-2xx and socket errors: must be 0),
# latency percentiles, and the server's RSS sampled every second (first / peak / last).
#   bench/soak/run.sh                          # SQLite
#   BACKEND=postgres bench/soak/run.sh         # PostgreSQL: PAYERATLAS_SOAK_PG=<connection string>, or a throwaway cluster
#   DURATION=90 CONNECTIONS=32 bench/soak/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BACKEND=${BACKEND:-sqlite}
DURATION=${DURATION:-60}          # seconds of load in all
IMPORT_AT=${IMPORT_AT:-10}        # the import starts this many seconds into the load
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-5191}
DATA=../shared/data
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/payeratlas-soak.XXXXXX)
chmod 755 "$work"
web_pid=""; sampler_pid=""; pgbin=""; pgdata=""
cleanup() {
  [[ -n "$sampler_pid" ]] && kill "$sampler_pid" 2>/dev/null || true
  [[ -n "$web_pid" ]] && kill "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null || true
  if [[ -n "$pgdata" ]]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $BACKEND == postgres ]]; then
  if [[ -n "${PAYERATLAS_SOAK_PG:-}" ]]; then
    DB=$PAYERATLAS_SOAK_PG
  else
    # A throwaway cluster on 127.0.0.1 with durable settings (fsync on), stopped and removed on exit.
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pgport=$((PORT + 1))
    echo soak > "$work/pwfile"
    chown -R postgres:postgres "$work"
    runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres --pwfile="$work/pwfile" --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    pgdata=$work/pg
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w start -o "-c listen_addresses=127.0.0.1 -p $pgport -k $work" >/dev/null
    DB="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=soak;Database=postgres"
  fi
else
  DB=$work/atlas.db
fi

echo "building (Release)…" >&2
dotnet build src/PayerAtlas.Cli -c Release -nologo -v q >&2
cli() { dotnet artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll "$@"; }

echo "importing the first release…" >&2
cli import "$DATA/pfs/rvu25d" content/demo/codes content/demo/policies tests/PayerAtlas.Tests/Fixtures/ncci \
  "$DATA/hcpcs/2020/2020-Alpha-Numeric-HCPCS-File.zip" "$DATA/pos/cs-CMS-PlaceofServiceCodes.xml" --db "$DB" --release soak-1 >"$work/import-1.log"

if curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; then echo "port $PORT is already serving: stop that server or set PORT" >&2; exit 1; fi
# Started as a plain command (not through the cli function) so that $! is the server's own PID.
PayerAtlas__RequestLog=false dotnet artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll serve --db "$DB" --urls "http://127.0.0.1:$PORT" >"$work/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.2; done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null
kill -0 "$web_pid" || { echo "the server exited:" >&2; cat "$work/web.log" >&2; exit 1; }
# The dotnet host runs the app in its own process: the PID started is the server.
for t in $(seq 0 $((DURATION + 2))); do
  echo "$t $(ps -o rss= -p "$web_pid" 2>/dev/null | tr -d ' ' || true)" >>"$work/rss.txt"
  sleep 1
done &
sampler_pid=$!

echo "load: $CONNECTIONS connections for ${DURATION}s; import of the next release starts at ${IMPORT_AT}s" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/soak/mix.lua "http://127.0.0.1:$PORT" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep "$IMPORT_AT"
t0=$(date +%s.%N)
import_rc=0
cli import "$DATA/pfs/rvu25d" content/demo/codes --db "$DB" --release soak-2 >"$work/import-2.log" 2>&1 || import_rc=$?
t1=$(date +%s.%N)
if (( import_rc != 0 )); then echo "the import during the load failed (exit $import_rc):" >&2; cat "$work/import-2.log" >&2; fi
switched=""
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$PORT/health" | grep -q '"soak-2"'; then switched=$(date +%s.%N); break; fi
  sleep 0.1
done
wait "$wrk_pid" || { echo "wrk failed:" >&2; cat "$work/wrk.txt" >&2; exit 1; }
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=""

line=$(grep '^SOAK ' "$work/wrk.txt" || { cat "$work/wrk.txt" >&2; exit 1; })
get() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$line"; }
requests=$(get requests); non2xx=$(get non2xx)
socket=$(( $(get connect) + $(get read) + $(get write) + $(get timeout) ))
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
import_s=$(calc "$t1 - $t0")
switch_s=$([[ -n "$switched" ]] && calc "$switched - $t1" || echo "never")
rss=$(awk 'NF == 2 { v[NR] = $2; if ($2 > peak) peak = $2 } END { printf "first %.0f MiB, peak %.0f MiB, last %.0f MiB (%d samples)", v[1] / 1024, peak / 1024, v[NR] / 1024, NR }' "$work/rss.txt")
echo "backend:   $BACKEND"
echo "import:    $(grep -E '^release ' "$work/import-2.log") — ${import_s}s while serving; site switched ${switch_s}s after it ended"
echo "requests:  $requests in $(get duration_s)s ($(calc "$requests / $(get duration_s)") req/s, $CONNECTIONS connections)"
echo "failed:    $non2xx non-2xx, $socket socket errors/timeouts"
echo "latency:   p50 $(get p50_ms) ms, p90 $(get p90_ms) ms, p99 $(get p99_ms) ms, p99.9 $(get p999_ms) ms, max $(get max_ms) ms"
echo "server RSS: $rss"
awk 'NF == 2 { printf "%s%s", (NR > 1 ? " " : "rss MiB/s: "), int($2 / 1024) } END { print "" }' "$work/rss.txt"
kill -0 "$web_pid" || { echo "the server died during the soak:" >&2; tail -20 "$work/web.log" >&2; exit 1; }
[[ "$non2xx" == 0 && "$socket" == 0 && -n "$switched" && $import_rc == 0 ]]
