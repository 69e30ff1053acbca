#!/usr/bin/env bash
# Claim-check and NCCI-import benchmark: generates a full-size practitioner PTP table and a batch of claim lines,
# then times the import and the checks against their parse-only baselines, each phase in its own process.
#   bench/claims.sh [edits=1500000] [lines=1000000]     (data in ${BENCH_DIR:-/tmp/payeratlas-bench})
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
edits=${1:-1500000}
lines=${2:-1000000}
dir=${BENCH_DIR:-/tmp/payeratlas-bench}
data="$root/../shared/data/pfs/rvu25d"
mkdir -p "$dir"
dotnet build "$here/PayerAtlas.Bench.Claims" -c Release -nologo -v q >&2
dotnet build "$root/src/PayerAtlas.Cli" -c Release -nologo -v q >&2
bench="dotnet $root/artifacts/bin/PayerAtlas.Bench.Claims/release/PayerAtlas.Bench.Claims.dll"
if [[ ! -f "$dir/lines.csv" || "${REGENERATE:-}" != "" ]]; then
  $bench generate --pfs "$data/PPRRVU2025_Oct.csv" --out "$dir" --edits "$edits" --lines "$lines"
fi
ls -la "$dir/ncci" "$dir/lines.csv"
echo "--- import (NCCI PTP + MUE, after the fee schedule)"
$bench import --pfs "$data" --data "$dir" --db "$dir/atlas.db" --runs "${RUNS:-3}"
echo "--- check (core API, PTP index preloaded)"
$bench check --db "$dir/atlas.db" --lines "$dir/lines.csv" --runs "${RUNS:-3}"
echo "--- check (whole CLI process, JSON findings to a file)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet "$root/artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll" \
  check "$dir/lines.csv" --db "$dir/atlas.db" --format json --out "$dir/findings.json" || test $? -eq 4
ls -la "$dir/findings.json"
echo "--- the same, with the GC asked to conserve memory (most of the default peak is garbage not yet collected)"
DOTNET_GCConserveMemory=7 /usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet "$root/artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll" \
  check "$dir/lines.csv" --db "$dir/atlas.db" --format json --out "$dir/findings.json" || test $? -eq 4
