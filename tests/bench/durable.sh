#!/usr/bin/env bash
# Durable runtime benchmark: throughput on SQLite (WAL, synchronous=NORMAL: survives a process crash; then
# synchronous=FULL: also survives a power loss) and PostgreSQL (start -> complete task -> end, every command
# committed; refused when fsync or synchronous_commit is off), printing the settings it ran under, and the
# group inbox p95 over 100,000 open / 1,000,000 completed tasks in PostgreSQL.
# PostgreSQL from JCSTAR_TEST_POSTGRES (source .ci/postgres.sh). N instances per provider (default 5000).
# Last line: durable: sqlite=N/s sqlite-full=N/s postgres=N/s inbox-p95=Nms
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${N:-5000}"
: "${JCSTAR_TEST_POSTGRES:?set JCSTAR_TEST_POSTGRES (source .ci/postgres.sh)}"
dotnet build -c Release "$ROOT/tests/JcStar.Workflow.Benchmarks" >&2
# Steady state: no PGO instrumentation tier (it doubles JIT work on two shared cores for a run of seconds).
export DOTNET_TieredPGO=0
DLL="$ROOT/tests/JcStar.Workflow.Benchmarks/bin/Release/net10.0/JcStar.Workflow.Benchmarks.dll"
dotnet "$DLL" durable all "$N" | tee /dev/stderr | tail -1
