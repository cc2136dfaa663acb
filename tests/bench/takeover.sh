#!/usr/bin/env bash
# Takeover benchmark: how long work held by a node that dies waits before another node finishes it, with the
# product's default settings (Runtime:JobLease 30 s, renewed while a run lives; Hangfire:SweepInterval 15 s).
# A node process (tests/JcStar.Workflow.Runtime.KillHost, wired as a server) leases a case's async step and is
# SIGKILLed while the step runs; a second node process is started at once and the time from the kill to the
# step's completion by the second node is measured. On SQLite (a file in a scratch folder) and PostgreSQL (a
# scratch database on the server JCSTAR_TEST_POSTGRES names; source .ci/postgres.sh). Target: <= 60 s each.
# Last line: takeover: sqlite=Ns postgres=Ns
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
: "${JCSTAR_TEST_POSTGRES:?set JCSTAR_TEST_POSTGRES (source .ci/postgres.sh)}"
dotnet build -c Release "$ROOT/tests/JcStar.Workflow.Runtime.KillHost" >&2
DLL="$ROOT/tests/JcStar.Workflow.Runtime.KillHost/bin/Release/net10.0/JcStar.Workflow.Runtime.KillHost.dll"

pg_value() { tr ';' '\n' <<<"$JCSTAR_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -1; }
PGHOST="$(pg_value Host)"; PGPORT="$(pg_value Port)"; PGUSER="$(pg_value Username)"; PGPASSWORD="$(pg_value Password)"
export PGHOST PGPORT="${PGPORT:-5432}" PGUSER PGPASSWORD

now() { date +%s.%N; }

# measure PROVIDER CONNECTION FOLDER: prints the seconds from the kill to the second node's completion.
measure() {
  local provider="$1" db="$2" folder="$3" line job began killed finished
  coproc HOLD { exec dotnet "$DLL" takeover --role hold --provider "$provider" --db "$db" --folder "$folder" 2>"$folder/hold.err"; }
  local hold_pid=$HOLD_PID
  while IFS= read -r -t 180 line <&"${HOLD[0]}"; do
    [[ "$line" == began\ * ]] && break
  done
  [[ "${line:-}" == began\ * ]] || { echo "the holding node never began its step:" >&2; cat "$folder/hold.err" >&2; exit 1; }
  job="$(cut -d' ' -f2 <<<"$line")"
  kill -9 "$hold_pid"; wait "$hold_pid" 2>/dev/null || true
  killed="$(now)"
  line="$(timeout 300 dotnet "$DLL" takeover --role finish --provider "$provider" --db "$db" --folder "$folder" --job "$job" 2>"$folder/finish.err" | grep -m1 '^finished ' || true)"
  finished="$(now)"
  [[ -n "$line" ]] || { echo "the second node did not finish the step:" >&2; cat "$folder/finish.err" >&2; exit 1; }
  awk -v a="$killed" -v b="$finished" 'BEGIN { printf "%.1f", b - a }'
}

work="$(mktemp -d)"
trap 'rm -rf "$work"; psql -q -d postgres -c "DROP DATABASE IF EXISTS jcstar_bench_takeover WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

mkdir -p "$work/sqlite"
sqlite="$(measure Sqlite "Data Source=$work/sqlite/workflow.db;Pooling=True" "$work/sqlite")"
echo "sqlite: the step was finished ${sqlite}s after its node was killed" >&2

PGOPTIONS="--client-min-messages=warning" psql -q -d postgres -c "DROP DATABASE IF EXISTS jcstar_bench_takeover WITH (FORCE)" -c "CREATE DATABASE jcstar_bench_takeover" >/dev/null
mkdir -p "$work/postgres"
pgdb="$(sed -E 's/(^|;)Database=[^;]*/\1Database=jcstar_bench_takeover/I' <<<"$JCSTAR_TEST_POSTGRES")"
postgres="$(measure PostgreSql "$pgdb" "$work/postgres")"
echo "postgres: the step was finished ${postgres}s after its node was killed" >&2

echo "takeover: sqlite=${sqlite}s postgres=${postgres}s"
