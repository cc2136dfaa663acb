#!/usr/bin/env bash
# Migration benchmark: N cases (default 10,000) waiting at a user task with a timer boundary and a message
# boundary are moved to a version that adds a step after it, one committed transaction per case, on SQLite and on
# PostgreSQL (from JCSTAR_TEST_POSTGRES; scratch database JCSTAR_BENCH_DATABASE, default jcstar_bench_migration).
# Last line: migration: sqlite=N/s postgres=N/s
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${N:-10000}"
: "${JCSTAR_TEST_POSTGRES:?set JCSTAR_TEST_POSTGRES (source .ci/postgres.sh)}"
dotnet build -c Release "$ROOT/tests/JcStar.Workflow.Benchmarks" >&2
export DOTNET_TieredPGO=0
DLL="$ROOT/tests/JcStar.Workflow.Benchmarks/bin/Release/net10.0/JcStar.Workflow.Benchmarks.dll"
dotnet "$DLL" migration all "$N" | tee /dev/stderr | tail -1
