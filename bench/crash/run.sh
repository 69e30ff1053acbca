#!/usr/bin/env bash
# The crash drill at length: KILLS imports (default 100) SIGKILLed at seeded random points, on SQLite (and on
# PostgreSQL), every reader method over every code of every release after each kill. CI runs 10 kills per backend
# with a 1-in-16 code sample after each kill and every code at the end.
#   KILLS=200 SEED=7 bench/crash/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PAYERATLAS_CRASH_FULL=1 PAYERATLAS_CRASH_KILLS=${KILLS:-100} PAYERATLAS_CRASH_SEED=${SEED:-20261201}
dotnet build tests/PayerAtlas.Tests -v q -nologo >/dev/null
dotnet test tests/PayerAtlas.Tests --no-build --filter "FullyQualifiedName~CrashTests" --logger "console;verbosity=detailed" 2>&1 \
  | grep -vE '^\[xUnit|^\s+at ' | sed -n '/Standard Output Messages/,$p'
