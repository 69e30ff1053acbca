#!/usr/bin/env bash
# End-to-end rate-lake ingest benchmark: `payeratlas rates ingest` of a generated TiC in-network file (plain and gzip)
# into a fresh Parquet lake, beside the bare Utf8JsonReader token scan of the same file in the same run (the ceiling).
# Each measurement is its own process; peak memory is GNU time's maximum resident set size (%M).
#
#   bench/rates/ingest.sh                 # SIZE=1GB: generate, scan, ingest (plain, then gzip)
#   SIZE=5GB bench/rates/ingest.sh        # the 5 GB run (needs ~6 GB free in WORK, takes a while)
#
# Environment: SIZE (uncompressed JSON, default 1GB), WORK (scratch folder, default a temp dir, removed at the end unless
# KEEP=1), KINDS (plain,gzip), RESULTS (default bench/results/rates-ingest-<SIZE>.md).
# MB/s is 10^6 bytes of uncompressed JSON per second of the whole process (start-up included).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
SIZE="${SIZE:-1GB}"
KINDS="${KINDS:-plain,gzip}"
RESULTS="${RESULTS:-$repo/bench/results/rates-ingest-$SIZE.md}"
WORK="${WORK:-$(mktemp -d /tmp/payeratlas-rates-bench.XXXXXX)}"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
cleanup() { [[ "${KEEP:-}" == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
log "building (Release)"
dotnet build "$repo/src/PayerAtlas.Cli" -c Release -nologo -v q >&2
dotnet build "$repo/bench/PayerAtlas.Bench.Rates" -c Release -nologo -v q >&2
cli=(dotnet "$repo/artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll")
bench=(dotnet "$repo/artifacts/bin/PayerAtlas.Bench.Rates/release/PayerAtlas.Bench.Rates.dll")

# measure <name> <cmd...>: runs once, prints "seconds peak_kb" and keeps the command's stdout in $WORK/<name>.out
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || { cat "$WORK/$name.err" >&2; return 1; }
  cat "$WORK/$name.time"
}

{
  echo "# Rate-lake ingest, $SIZE generated in-network file ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) vCPU, load average at start $(cut -d' ' -f1-3 /proc/loadavg) (shared with other builds: figures are noisy)."
  echo
  echo "| file | JSON MB | token scan MB/s | scan peak RSS MB | ingest MB/s | ingest / scan | ingest peak RSS MB | observations | part files |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$RESULTS.tmp"

for kind in ${KINDS//,/ }; do
  file="$WORK/in-network-$SIZE.json"; gz=()
  [[ "$kind" == gzip ]] && { file="$file.gz"; gz=(--gzip); }
  log "synth $file"
  "${cli[@]}" rates synth --out "$file" --size "$SIZE" "${gz[@]}" >"$WORK/synth-$kind.out" 2>/dev/null
  json_bytes=$(grep -o '[0-9,]* bytes of JSON' "$WORK/synth-$kind.out" | tr -d , | cut -d' ' -f1)
  log "token scan ($kind)"
  read -r scan_s scan_kb < <(measure "scan-$kind" "${bench[@]}" scan "$file")
  lake="$WORK/lake-$kind"; rm -rf "$lake"
  log "ingest ($kind)"
  read -r ingest_s ingest_kb < <(measure "ingest-$kind" "${cli[@]}" rates ingest "$file" --lake "$lake")
  obs=$(grep -o '^[0-9,]* observations' "$WORK/ingest-$kind.out" | tr -d , | cut -d' ' -f1)
  parts=$(find "$lake" -name '*.parquet' | wc -l)
  row=$(awk -v b="$json_bytes" -v ss="$scan_s" -v sk="$scan_kb" -v is="$ingest_s" -v ik="$ingest_kb" -v o="$obs" -v p="$parts" -v f="$(basename "$file")" \
    'BEGIN { printf "| %s | %.0f | %.1f | %.0f | %.1f | %.2f | %.0f | %d | %d |", f, b/1e6, b/1e6/ss, sk/1024, b/1e6/is, ss/is, ik/1024, o, p }')
  echo "$row" | tee -a "$RESULTS.tmp" >&2
  rm -rf "$lake" "$file"
done

mv "$RESULTS.tmp" "$RESULTS"
log "results: $RESULTS"
