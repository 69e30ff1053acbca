#!/usr/bin/env bash
# The crash drill at length: KILLS imports (default 100) SIGKILLed at seeded random points, on SQLite (and on
# PostgreSQL when PAYERATLAS_PG is set, see tests/PayerAtlas.Tests/Safety). CI runs the same test with 10 kills.
#   KILLS=200 SEED=7 bench/crash/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PAYERATLAS_CRASH_KILLS=${KILLS:-100} PAYERATLAS_CRASH_SEED=${SEED:-20261201}
dotnet build tests/PayerAtlas.Tests -v q -nologo >/dev/null
dotnet test tests/PayerAtlas.Tests --no-build --filter "FullyQualifiedName~CrashTests" --logger "console;verbosity=detailed" 2>&1 \
  | grep -vE '^\[xUnit|^\s+at ' | sed -n '/Standard Output Messages/,$p'
