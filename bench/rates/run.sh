#!/usr/bin/env bash
# Reader-side TiC benchmark: generates a synthetic in-network file (plain and gzip) and times, each in its own
# process: bare Utf8JsonReader token scan (the ceiling), TicReader → counting sink (parse to observations), and
# Python's json.load (a common baseline). MB/s = 10^6 bytes of uncompressed JSON per second; peak RSS from
# /usr/bin/time -f %M. Usage: bench/rates/run.sh            (1 GB)
#                            TIC_BENCH_SIZE=5000000000 bench/rates/run.sh   (5 GB)
#                            TIC_BENCH_PYTHON=0 to skip json.load (it holds the whole file in memory: ~7x its size)
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=${TIC_BENCH_SIZE:-1000000000}
DIR=${TIC_BENCH_DIR:-/tmp/payeratlas-tic-bench}
mkdir -p "$DIR"
dotnet build bench/PayerAtlas.Bench.Rates -c Release -v q -nologo >/dev/null
BENCH="dotnet artifacts/bin/PayerAtlas.Bench.Rates/release/PayerAtlas.Bench.Rates.dll"
PLAIN="$DIR/in-network-$SIZE.json"
GZ="$DIR/in-network-$SIZE.json.gz"
[ -f "$PLAIN" ] || $BENCH synth "$PLAIN" "$SIZE"
[ -f "$GZ" ] || $BENCH synth "$GZ" "$SIZE" gzip
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run() { /usr/bin/time -f "  peak_rss_KB=%M user_s=%U" "$@" 2>&1; }
for f in "$PLAIN" "$GZ"; do
  run $BENCH scan "$f"
  run $BENCH read "$f"
done
if [ "${TIC_BENCH_PYTHON:-1}" = "1" ]; then
  run python3 -c "
import json, sys, time
t = time.time()
with open(sys.argv[1], 'rb') as f:
    doc = json.load(f)
n = sum(len(p['negotiated_prices']) for i in doc['in_network'] for p in i['negotiated_rates'])
s = time.time() - t
print(f'json.load {sys.argv[1].rsplit(\"/\",1)[-1]} seconds={s:.3f} MB/s={$SIZE/1e6/s:.1f} prices={n}')
" "$PLAIN"
fi
