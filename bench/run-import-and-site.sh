#!/usr/bin/env bash
# End-to-end benchmark: PayerAtlas import of the real PFS files and the full site build, each measured against a
# baseline in the same run (sqlite3's own CSV import of the same PPRRVU file; Hugo building the same pages from the
# Markdown PayerAtlas emits). RUNS rounds, each running the baseline and PayerAtlas back to back; medians, and
# ratios as the median of the per-round ratios, so load on a noisy machine hits both sides alike.
#
#   bench/run-import-and-site.sh                  # RUNS=3, all parts
#   RUNS=5 bench/run-import-and-site.sh
#   PARTS=site bench/run-import-and-site.sh       # only the site build vs Hugo (PARTS=import: only the import part)
#
# Environment: SHARED_DATA (default <repo>/../shared/data; the PFS files are in $SHARED_DATA/pfs/rvu25d),
# RUNS (3), PARTS (import,site), RUN_TIMEOUT (seconds per timed run, 900),
# PAYERATLAS (command that runs the CLI; default <repo>/payeratlas, which publishes a ReadyToRun Release build on first use),
# RESULTS (default bench/results/import-and-site.md; PARTS other than both writes …-<part>.md unless set).
# Needs dotnet; installs sqlite3, hugo and GNU time with apt-get if they are missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
SHARED_DATA="${SHARED_DATA:-$repo/../shared/data}"
PFS="$SHARED_DATA/pfs/rvu25d"
CSV="$PFS/PPRRVU2025_Oct.csv"
RUNS="${RUNS:-3}"
PARTS="${PARTS:-import,site}"
RUN_TIMEOUT="${RUN_TIMEOUT:-900}"
read -r -a CLI <<<"${PAYERATLAS:-$repo/payeratlas}"
if [[ -z "${RESULTS:-}" ]]; then
  case "$PARTS" in
    import,site | site,import) RESULTS="$here/results/import-and-site.md" ;;
    *) RESULTS="$here/results/import-and-site-${PARTS//,/-}.md" ;;
  esac
fi

die() { echo "run-import-and-site: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
want() { [[ ",$PARTS," == *",$1,"* ]]; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ -f "$CSV" ]] || die "PPRRVU2025_Oct.csv not found in $PFS (set SHARED_DATA to the folder holding pfs/rvu25d)"
command -v dotnet >/dev/null || die "dotnet is not on PATH"

# --- tools: install what is missing; apt-get update only if the install fails without it ----------------------
missing=()
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v hugo >/dev/null || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  if ! "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; then
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/payeratlas-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export HUGO_CACHEDIR="$tmp/hugo-cache"

# --- helpers ---------------------------------------------------------------------------------------------------
# timed <name> <cmd…>: runs cmd with its stdout in $tmp/<name>.out, and appends "wall_s peak_kb" to $tmp/<name>.times.
timed() {
  local name=$1; shift
  timeout "$RUN_TIMEOUT" /usr/bin/time -f "%e %M" -o "$tmp/time.txt" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" \
    || { cat "$tmp/$name.err" >&2; die "$name failed or timed out (RUN_TIMEOUT=$RUN_TIMEOUT s): $*"; }
  tail -1 "$tmp/time.txt" >>"$tmp/$name.times"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
med_wall() { awk '{ print $1 }' "$tmp/$1.times" | median; }
med_rss_mib() { awk '{ print $2 / 1024 }' "$tmp/$1.times" | median; }
raw_runs() { awk '{ printf "%s%.2f s / %.0f MiB", (NR > 1 ? ", " : ""), $1, $2 / 1024 }' "$tmp/$1.times"; }
fresh_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
# the number before " rows imported" / " pages (" on the CLI's summary line, without thousands separators
count_from() { grep -Eo "$2" "$1" | tail -1 | grep -Eo '^[0-9,]+' | tr -d ,; }

rows_table=()   # Markdown rows, in order
raw_lines=()
# row <label> <name> <units> <unit label> [<baseline name> <baseline units>]
row() {
  local label=$1 name=$2 units=$3 unit=$4 base=${5:-} base_units=${6:-}
  local wall rss rate ratio="baseline" rss_ratio="1.00×"
  wall=$(med_wall "$name"); rss=$(med_rss_mib "$name")
  rate=$(awk -v u="$units" -v w="$wall" 'BEGIN { printf "%.0f", u / (w > 0 ? w : 0.001) }')
  if [[ -n "$base" ]]; then
    local br
    br=$(med_rss_mib "$base")
    # median over rounds of (this round's throughput ÷ the baseline's throughput in the same round)
    ratio=$(paste -d' ' "$tmp/$name.times" "$tmp/$base.times" \
      | awk -v u="$units" -v bu="$base_units" '{ print (u / ($1 > 0 ? $1 : 0.001)) / (bu / ($3 > 0 ? $3 : 0.001)) }' | median)
    ratio=$(printf '%.2f×' "$ratio")
    rss_ratio=$(awk -v a="$rss" -v b="$br" 'BEGIN { printf "%.2f×", a / b }')
  fi
  rows_table+=("| $label | $RUNS | $(printf '%.2f' "$wall") | $(thousands "$rate") $unit | $(printf '%.0f' "$rss") | $ratio | $rss_ratio |")
  raw_lines+=("- $label: $(raw_runs "$name")")
}

# The checkout being measured (taken now: the tree may move while the benchmark runs).
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -z "$(git -C "$repo" status --porcelain -- src 2>/dev/null)" ]] || commit="$commit + uncommitted src/ changes"
started_load="$(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up: build the CLI if needed (never timed) and check it starts.
log "warming up the CLI: ${CLI[*]}"
"${CLI[@]}" --version >/dev/null
unset PAYERATLAS_REBUILD  # a rebuild belongs to the warm-up only, never to a timed run

# --- (a, b) import vs sqlite3 .import ---------------------------------------------------------------------------
# Rounds interleave the tools (baseline, then PayerAtlas), so a burst of machine load hits both alike.
if want import; then
  cols=$(seq -s, -f 'c%g TEXT' 1 31)
  for i in $(seq "$RUNS"); do
    # Baseline: the sqlite3 shell's CSV import into a 31-column table; --skip 10 drops the title and header lines.
    fresh_db "$tmp/sqlite.db"
    log "round $i/$RUNS: sqlite3 .import --csv --skip 10, PayerAtlas import of $(basename "$CSV"), of the folder"
    timed sqlite-import sqlite3 "$tmp/sqlite.db" "CREATE TABLE pprrvu ($cols);" ".import --csv --skip 10 '$CSV' pprrvu" "SELECT count(*) FROM pprrvu;"
    sqlite_rows=$(tail -1 "$tmp/sqlite-import.out")
    # The same PPRRVU file alone: exactly the rows sqlite3 imports.
    fresh_db "$tmp/import.db"
    timed pa-import-csv "${CLI[@]}" import --db "$tmp/import.db" "$CSV"
    csv_rows=$(count_from "$tmp/pa-import-csv.out" '[0-9,]+ rows imported')
    # The whole PFS folder: every table PayerAtlas recognises there (the .txt twins of the CSVs are skipped).
    fresh_db "$tmp/import.db"
    timed pa-import "${CLI[@]}" import --db "$tmp/import.db" "$PFS"
    folder_rows=$(count_from "$tmp/pa-import.out" '[0-9,]+ rows imported')
    folder_kinds=$(awk '$1 == "Imported" { printf "%s%s", (n++ ? ", " : ""), $2 }' "$tmp/pa-import.out")
  done
  fresh_db "$tmp/import.db"; fresh_db "$tmp/sqlite.db"
  [[ "$csv_rows" == "$sqlite_rows" ]] || log "warning: PayerAtlas imported $csv_rows PPRRVU rows, sqlite3 $sqlite_rows"
  row "sqlite3 \`.import --csv\` PPRRVU2025_Oct.csv ($(thousands "$sqlite_rows") rows)" sqlite-import "$sqlite_rows" rows/s
  row "PayerAtlas \`import\` PPRRVU2025_Oct.csv ($(thousands "$csv_rows") rows)" pa-import-csv "$csv_rows" rows/s sqlite-import "$sqlite_rows"
  row "PayerAtlas \`import\` rvu25d folder ($(thousands "$folder_rows") rows: $folder_kinds)" pa-import "$folder_rows" rows/s sqlite-import "$sqlite_rows"
fi

# --- (c, d) site build vs Hugo ----------------------------------------------------------------------------------
if want site; then
  log "importing $PFS for the site build (not timed)"
  "${CLI[@]}" import --db "$tmp/site.db" "$PFS" >"$tmp/site-import.out" 2>&1 || { cat "$tmp/site-import.out" >&2; die "import for the site build failed"; }
  # An untimed site build gives Hugo its content (and warms the disk and page cache for both tools).
  log "untimed site build for Hugo's content"
  timeout "$RUN_TIMEOUT" "${CLI[@]}" site --db "$tmp/site.db" --out "$tmp/site" >"$tmp/site-warmup.out" 2>&1 \
    || { cat "$tmp/site-warmup.out" >&2; die "site build failed"; }
  # Hugo's content: our Markdown with a small front matter (the page's own H1 as title) prepended.
  mkdir -p "$tmp/hugo/content/codes" "$tmp/hugo/layouts/_default"
  find "$tmp/site/codes" -name '*.md' -print0 | xargs -0 awk -v q="'" -v dst="$tmp/hugo/content/codes" '
    FNR == 1 {
      if (out) close(out)
      n = split(FILENAME, parts, "/"); out = dst "/" parts[n]
      code = parts[n]; sub(/\.md$/, "", code)
      title = $0; if (!sub(/^# +/, "", title)) title = code
      gsub(/\\/, "", title); gsub(q, q q, title)  # drop Markdown escapes; YAML single quotes
      printf "---\ntitle: %s%s%s\n---\n\n", q, title, q > out
    }
    { print > out }'
  hugo_pages=$(find "$tmp/hugo/content/codes" -name '*.md' | wc -l)
  cat >"$tmp/hugo/hugo.toml" <<'EOF'
baseURL = "http://localhost/"
title = "PayerAtlas bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
EOF
  cat >"$tmp/hugo/layouts/_default/single.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>
EOF
  cat >"$tmp/hugo/layouts/_default/list.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
EOF
  for i in $(seq "$RUNS"); do
    rm -rf "$tmp/site" "$tmp/hugo/public"; sync
    log "round $i/$RUNS: hugo ($hugo_pages pages)"
    timed hugo hugo --quiet --source "$tmp/hugo" --destination "$tmp/hugo/public" --cacheDir "$tmp/hugo-cache"
    hugo_bytes=$(du -sb "$tmp/hugo/public" | cut -f1)
    rm -rf "$tmp/hugo/public"; sync
    log "round $i/$RUNS: payeratlas site"
    timed pa-site "${CLI[@]}" site --db "$tmp/site.db" --out "$tmp/site"
    pages=$(count_from "$tmp/pa-site.out" '[0-9,]+ pages \(')
    site_bytes=$(du -sb "$tmp/site" | cut -f1)
  done
  rm -rf "$tmp/site" "$tmp/hugo" "$tmp/site.db"*
  row "Hugo $(hugo version | grep -Eo 'v[0-9.]+' | head -1) from our Markdown ($(thousands "$hugo_pages") pages, HTML only, $((hugo_bytes / 1048576)) MiB)" hugo "$hugo_pages" pages/s
  row "PayerAtlas \`site\` ($(thousands "$pages") pages × HTML + JSON + Markdown, $((site_bytes / 1048576)) MiB)" pa-site "$pages" pages/s hugo "$hugo_pages"
fi

# --- report -----------------------------------------------------------------------------------------------------
{
  echo "## Import and site build benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit (CLI: \`${CLI[*]}\`); load average $started_load at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end;"
  echo "$(nproc) vCPU, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM;" \
    ".NET $(dotnet --version 2>/dev/null | head -1) SDK, sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(hugo version | grep -Eo 'hugo v[0-9.]+[^ ]*' | head -1)."
  echo "Medians of $RUNS runs per tool (wall time and peak RSS from \`/usr/bin/time -f \"%e %M\"\`, whole process incl. .NET start-up)."
  echo "Each round runs the baseline and PayerAtlas back to back. Throughput vs baseline = median over the rounds of"
  echo "(PayerAtlas rows/s or pages/s ÷ the baseline's in the same round; > 1 is faster). RSS vs baseline = median peak RSS ÷ the baseline's (< 1 is leaner)."
  echo
  echo "| tool | runs | median wall s | throughput | peak RSS MiB | throughput vs baseline | RSS vs baseline |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows_table[@]}"
  echo
  echo "Individual runs (wall / peak RSS):"
  echo
  printf '%s\n' "${raw_lines[@]}"
} | tee "$tmp/report.md"
mkdir -p "$(dirname "$RESULTS")"
cp "$tmp/report.md" "$RESULTS"
log "wrote $RESULTS"
