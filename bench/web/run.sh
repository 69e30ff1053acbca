#!/usr/bin/env bash
# Load test of the web site: the 77054 code page and the price API on Kestrel, beside nginx serving the very same
# page's HTML as a static file and a bare Kestrel endpoint writing the same bytes (bench/web/bare), in one run on
# loopback (wrk and the servers share the machine's cores).
# Rounds alternate between targets; medians of requests/s and of latency percentiles are reported with ratios.
#
#   bench/web/run.sh                      # 3 rounds × 10 s per target
#   ROUNDS=5 DURATION=15s bench/web/run.sh
#   BENCH_STRICT=1 bench/web/run.sh       # exit 1 unless page ≥ 0.8 × nginx requests/s and p99 no worse (else exit 0)
#   CAND_ENV="DOTNET_X=1" CAND_ARGS="--PayerAtlas:Y=z" bench/web/run.sh   # also a second web host ("cand"), A/B in one run
#   CAND_DLL=/tmp/old/bin/PayerAtlas.Web/release/PayerAtlas.Web.dll bench/web/run.sh   # another build as the candidate
#   BARE_TRANSPORT=pool bench/web/run.sh  # the bare endpoint with Kestrel's default dispatch (default: inline, as the site)
#   BENCH_NO_BUILD=1 flock /tmp/payeratlas-bench.lock bench/web/run.sh   # build first, outside the lock
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WEB_PORT=${WEB_PORT:-5181}
NGINX_PORT=${NGINX_PORT:-5182}
BARE_PORT=${BARE_PORT:-5183}
CAND_PORT=${CAND_PORT:-5184}
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
if (( ${#need[@]} )); then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/payeratlas-webbench.XXXXXX)
chmod 755 "$work"
web_pid=""; bare_pid=""; cand_pid=""; nginx_started=""
cleanup() {
  [[ -n "$web_pid" ]] && kill "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null || true
  [[ -n "$cand_pid" ]] && kill "$cand_pid" 2>/dev/null && wait "$cand_pid" 2>/dev/null || true
  [[ -n "$bare_pid" ]] && kill "$bare_pid" 2>/dev/null && wait "$bare_pid" 2>/dev/null || true
  [[ -n "$nginx_started" ]] && "$NGINX" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${BENCH_NO_BUILD:-}" ]]; then
  echo "building (Release)…" >&2
  dotnet build src/PayerAtlas.Cli -c Release -nologo -v q >&2
  dotnet build bench/web/bare -c Release -nologo -v q >&2
fi
dotnet artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll demo --db "$work/demo.db" --out "$work/site" --no-serve >/dev/null

# Request logging off, as when the figures were first taken (a console line per request is not what is measured here).
dotnet artifacts/bin/PayerAtlas.Web/release/PayerAtlas.Web.dll --PayerAtlas:Db="$work/demo.db" --PayerAtlas:RequestLog=false --urls "http://127.0.0.1:$WEB_PORT" ${WEB_ARGS:-} >"$work/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$WEB_PORT/healthz" && break; sleep 0.2; done
if [[ -n "${CAND_ENV:-}${CAND_ARGS:-}${CAND_DLL:-}" ]]; then
  # shellcheck disable=SC2086 # word splitting intended: VAR=value pairs and arguments
  env ${CAND_ENV:-} dotnet "${CAND_DLL:-artifacts/bin/PayerAtlas.Web/release/PayerAtlas.Web.dll}" --PayerAtlas:Db="$work/demo.db" --PayerAtlas:RequestLog=false --urls "http://127.0.0.1:$CAND_PORT" ${CAND_ARGS:-} >"$work/cand.log" 2>&1 &
  cand_pid=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$CAND_PORT/healthz" && break; sleep 0.2; done
fi

# nginx serves the page the web app renders, byte for byte.
mkdir -p "$work/html/codes" "$work/logs"
curl -fsS "http://127.0.0.1:$WEB_PORT/codes/77054" -o "$work/html/codes/77054.html"
chmod -R a+rX "$work/html"
dotnet artifacts/bin/BareKestrel/release/BareKestrel.dll "$work/html/codes/77054.html" "http://127.0.0.1:$BARE_PORT" ${BARE_TRANSPORT:-inline} >"$work/bare.log" 2>&1 &
bare_pid=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$BARE_PORT/page" && break; sleep 0.2; done
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000; keepalive_timeout 65;
  types { text/html html; }
  server { listen 127.0.0.1:$NGINX_PORT; root $work/html; }
}
CONF
"$NGINX" -p "$work" -c "$work/nginx.conf"
nginx_started=1
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/codes/77054.html" && break; sleep 0.1; done

declare -A URL=(
  [nginx]="http://127.0.0.1:$NGINX_PORT/codes/77054.html"
  [bare]="http://127.0.0.1:$BARE_PORT/page"
  [page]="http://127.0.0.1:$WEB_PORT/codes/77054"
  [price]="http://127.0.0.1:$WEB_PORT/api/v1/prices/77054?locality=01112-54"
)
ORDER=(nginx bare page price)
if [[ -n "$cand_pid" ]]; then
  URL[cand]="http://127.0.0.1:$CAND_PORT/codes/77054"
  ORDER=(nginx bare page cand price)
  echo "cand: ${CAND_DLL:-} ${CAND_ENV:-} ${CAND_ARGS:-}" >&2
fi
page_bytes=$(stat -c %s "$work/html/codes/77054.html")
price_bytes=$(curl -fsS "${URL[price]}" | wc -c)
cmp <(curl -fsS "${URL[nginx]}") <(curl -fsS "${URL[page]}") >/dev/null || { echo "error: nginx and Kestrel serve different bytes" >&2; exit 1; }

[[ -n "$cand_pid" ]] && { cmp <(curl -fsS "${URL[nginx]}") <(curl -fsS "${URL[cand]}") >/dev/null || { echo "error: the candidate serves different bytes" >&2; exit 1; }; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Warm-up (JIT, caches), then alternating rounds.
for t in "${ORDER[@]}"; do wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "${URL[$t]}" >/dev/null; done
to_us() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); print v } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v*1000 } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000000 } }' <<<"$1"; }
declare -A RPS P50 P99
for round in $(seq 1 "$ROUNDS"); do
  for t in "${ORDER[@]}"; do
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${URL[$t]}")
    if grep -q "Non-2xx" <<<"$out"; then echo "error: $t answered non-2xx" >&2; echo "$out" >&2; exit 1; fi
    RPS[$t]+="$(awk '/^Requests\/sec/ {print $2}' <<<"$out") "
    P50[$t]+="$(to_us "$(awk '$1=="50%" {print $2}' <<<"$out")") "
    P99[$t]+="$(to_us "$(awk '$1=="99%" {print $2}' <<<"$out")") "
    echo "round $round $t: $(awk '/^Requests\/sec/ {print $2}' <<<"$out") req/s, p50 $(awk '$1=="50%" {print $2}' <<<"$out"), p99 $(awk '$1=="99%" {print $2}' <<<"$out")" >&2
  done
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR]=$1 } END { print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2 }'; }

printf '\nload average %s before, %s after\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -n "$cand_pid" ]] && printf 'cand: %s %s %s\n' "${CAND_DLL:-}" "${CAND_ENV:-}" "${CAND_ARGS:-}"
printf 'wrk -t%s -c%s -d%s, %s rounds, medians (page %s bytes, price JSON %s bytes)\n' "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS" "$page_bytes" "$price_bytes"
printf '%-34s %12s %10s %10s %12s\n' target "requests/s" "p50 ms" "p99 ms" "vs nginx"
nginx_rps=$(median "${RPS[nginx]}")
for t in "${ORDER[@]}"; do
  rps=$(median "${RPS[$t]}"); p50=$(median "${P50[$t]}"); p99=$(median "${P99[$t]}")
  printf '%-34s %12.0f %10.2f %10.2f %11.2fx\n' "$t ${URL[$t]#http://127.0.0.1:}" "$rps" "$(echo "$p50/1000" | bc -l)" "$(echo "$p99/1000" | bc -l)" "$(echo "$rps/$nginx_rps" | bc -l)"
done
ratio=$(echo "$(median "${RPS[page]}")/$nginx_rps" | bc -l)
p99_page=$(median "${P99[page]}"); p99_nginx=$(median "${P99[nginx]}")
verdict="code page: $(printf '%.2f' "$ratio")x nginx requests/s (target ≥ 0.80), p99 $(printf '%.2f' "$(echo "$p99_page/1000" | bc -l)") ms vs nginx $(printf '%.2f' "$(echo "$p99_nginx/1000" | bc -l)") ms"
if (( $(echo "$ratio >= 0.8" | bc -l) )) && (( $(echo "$p99_page <= $p99_nginx" | bc -l) )); then
  echo "PASS $verdict"
else
  echo "MISS $verdict"
  if [[ "${BENCH_STRICT:-}" == 1 ]]; then exit 1; fi
fi
exit 0
