#!/usr/bin/env bash
# The fuzz harness at length: ITERATIONS seeded mutations per importer (default 3000), or SECONDS per importer,
# through the real import into a real store. Prints inputs tried per target and every finding; the inputs of
# findings are saved under OUT (default bench/fuzz/findings) for reducing to a fixture. CI runs 150 per target.
#   ITERATIONS=20000 SEED=3 bench/fuzz/run.sh          SECONDS=120 bench/fuzz/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=${OUT:-bench/fuzz/findings}
export PAYERATLAS_FUZZ_ITERATIONS=${ITERATIONS:-3000} PAYERATLAS_FUZZ_SEED=${SEED:-1} PAYERATLAS_FUZZ_OUT=$out
[[ -n "${SECONDS_PER_TARGET:-}" ]] && export PAYERATLAS_FUZZ_ITERATIONS=100000000 PAYERATLAS_FUZZ_SECONDS=$SECONDS_PER_TARGET
dotnet build tests/PayerAtlas.Tests -v q -nologo >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test tests/PayerAtlas.Tests --no-build --filter "FullyQualifiedName~Fuzz.FuzzTests" --logger "console;verbosity=detailed" >"$log" 2>&1
rc=$?
set -e
grep -E '^ [a-z0-9-]+ +[0-9]+ inputs' "$log" | sort -u
grep -E '^   finding: ' "$log" | sort -u || true
awk '/^ [a-z0-9-]+ +[0-9]+ inputs/ && !seen[$1]++ { n += $2; f += $(NF-1) } END { printf "total: %d inputs, %d findings (seed %s)\n", n, f, ENVIRON["PAYERATLAS_FUZZ_SEED"] }' "$log"
exit $rc
