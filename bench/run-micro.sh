#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks (bench/PayerAtlas.Bench), Release build, short in-process job.
#
#   bench/run-micro.sh                      # every benchmark (a few minutes)
#   bench/run-micro.sh --filter '*Read*'    # BenchmarkDotNet arguments pass through
#   bench/run-micro.sh split [--codes N]    # single-threaded Stopwatch split of the site build's per-page work
#   bench/run-micro.sh site [--workers 1,2,4] [--rounds 3]   # StaticSite.Build in-process per worker count
#
# Environment: SHARED_DATA (default <repo>/../shared/data; PFS files in $SHARED_DATA/pfs/rvu25d),
# ARTIFACTS (build output, default a private folder under /tmp so concurrent builds of the repo are not disturbed).
# GitHub-Markdown reports are copied to bench/results/micro-<Class>.md; `split`/`site` output goes to bench/results/site-<mode>.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
export SHARED_DATA="${SHARED_DATA:-$repo/../shared/data}"
ARTIFACTS="${ARTIFACTS:-${TMPDIR:-/tmp}/payeratlas-bench-artifacts}"
[[ -f "$SHARED_DATA/pfs/rvu25d/PPRRVU2025_Oct.csv" ]] || { echo "run-micro: PFS files not found in $SHARED_DATA/pfs/rvu25d (set SHARED_DATA)" >&2; exit 1; }

dotnet build "$here/PayerAtlas.Bench" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >&2
dll="$ARTIFACTS/bin/PayerAtlas.Bench/release/PayerAtlas.Bench.dll"
mkdir -p "$here/results"

case "${1:-}" in
  split | site)
    timeout 1800 dotnet "$dll" "$@" | tee "$here/results/site-$1.md"
    exit "${PIPESTATUS[0]}" ;;
esac

tmp="$(mktemp -d "${TMPDIR:-/tmp}/payeratlas-micro.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
args=("$@")
((${#args[@]})) || args=(--filter '*')
cd "$tmp"
timeout 1800 dotnet "$dll" "${args[@]}" --artifacts "$tmp/bdn"
for report in "$tmp"/bdn/results/*-report-github.md; do
  [[ -e "$report" ]] || continue
  name="$(basename "$report" -report-github.md)"
  cp "$report" "$here/results/micro-${name##*.}.md"
done
echo "reports: $(ls "$here"/results/micro-*.md 2>/dev/null | tr '\n' ' ')" >&2
