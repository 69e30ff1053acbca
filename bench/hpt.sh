#!/usr/bin/env bash
# Hospital standard-charges readers: generated v3 tall CSV and JSON of the size asked, read by HptReader into a
# counting sink, against a raw baseline over the same file in the same process (line split / Utf8JsonReader token scan).
#   bench/hpt.sh [mib=256]     (data in ${BENCH_DIR:-/tmp/payeratlas-bench-hpt})
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
mib=${1:-256}
dir=${BENCH_DIR:-/tmp/payeratlas-bench-hpt}
dotnet build "$here/PayerAtlas.Bench.Hpt" -c Release -nologo -v q >&2
bench="dotnet $root/artifacts/bin/PayerAtlas.Bench.Hpt/release/PayerAtlas.Bench.Hpt.dll"
if [[ ! -f "$dir/charges.json" || "${REGENERATE:-}" != "" ]]; then
  $bench generate --example "$root/../shared/data/hpt/examples/CSV/Tall/V3.0.0_Tall_CSV_Format_Example.csv" --out "$dir" --mb "$mib"
fi
ls -la "$dir"
for f in tall.csv charges.json; do
  echo "--- $f"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" $bench read "$dir/$f" --runs "${RUNS:-3}"
done
