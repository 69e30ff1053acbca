#!/usr/bin/env bash
# Whole-process timings for payer-policy work, each against a baseline in the same run (medians of N runs):
#   1. indexing the real 287-page CMS NCCI policy manual (PDF) vs poppler's pdftotext reading the same file;
#   2. building the full CMS site (16,852 codes) with the demo policy pack vs without it (policy lookups per page).
# Usage: bench/policies/run.sh [runs]   (needs ../shared/data beside the checkout; pdftotext optional)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-5}
data=../shared/data
pdf=$data/ncci/2026_ncci_medicare_policy_manual_all-chapters.pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/PayerAtlas.Cli -c Release -nologo -v q >/dev/null
cli="dotnet artifacts/bin/PayerAtlas.Cli/release/PayerAtlas.Cli.dll"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
# User CPU seconds: steadier than wall time when other work shares the two cores.
cpu() { /usr/bin/time -f "%U" -o "$work/cpu" "$@" >/dev/null 2>&1; cat "$work/cpu"; }

if command -v pdftotext >/dev/null; then
  base=$(for i in $(seq "$runs"); do seconds pdftotext -layout "$pdf" "$work/ncci.txt"; done | median)
  echo "baseline  pdftotext -layout (287 pages)            median ${base} s"
fi
idx=$(for i in $(seq "$runs"); do rm -f "$work/p.db"*; seconds $cli policies import "$pdf" --payer Medicare --policy "NCCI Policy Manual" --kind medicare_manual --db "$work/p.db"; done | median)
echo "payeratlas policies import (287 pages, index)    median ${idx} s  ($(echo "scale=1; 287 / $idx" | bc) pages/s)"
[[ -n "${base:-}" ]] && echo "ratio import / pdftotext: $(echo "scale=2; $idx / $base" | bc)"
$cli policies mentions 77065 --db "$work/p.db" | tail -1

$cli import "$data/pfs/rvu25d" content/demo/codes --db "$work/plain.db" --release plain >/dev/null
$cli import "$data/pfs/rvu25d" content/demo/codes content/demo/policies --db "$work/policies.db" --release policies >/dev/null
# Alternate the two builds so drift on a shared machine hits both alike.
: > "$work/plain.t"; : > "$work/with.t"; : > "$work/plain.c"; : > "$work/with.c"
for i in $(seq "$runs"); do
  rm -rf "$work/s1" "$work/s2"
  seconds $cli site --db "$work/plain.db" --out "$work/s1" >> "$work/plain.t"
  seconds $cli site --db "$work/policies.db" --out "$work/s2" >> "$work/with.t"
  rm -rf "$work/s1" "$work/s2"
  cpu $cli site --db "$work/plain.db" --out "$work/s1" >> "$work/plain.c"
  cpu $cli site --db "$work/policies.db" --out "$work/s2" >> "$work/with.c"
done
plain=$(median < "$work/plain.t")
with=$(median < "$work/with.t")
plainc=$(median < "$work/plain.c")
withc=$(median < "$work/with.c")
pages=$(ls "$work/s2/codes" | grep -c '\.html$')
echo "baseline  site without policies ($pages pages)      median ${plain} s"
echo "site with the demo policy pack ($pages pages)        median ${with} s  ratio $(echo "scale=2; $with / $plain" | bc)"
echo "user CPU: without ${plainc} s, with ${withc} s, ratio $(echo "scale=2; $withc / $plainc" | bc)"
