#!/usr/bin/env bash
# Staff workspace benchmark: the server published in Release (ReadyToRun) on the embedded default (SQLite) and on PostgreSQL, each with
# CASES cases (one open task each, default 100,000) and COMPLETED completed tasks (default 1,000,000) seeded in
# the database by cloning one real case started through the API (tests/JcStar.Workflow.Benchmarks web-seed),
# 20 label-issuing staff users with personal access tokens (AccessAdministration, as jcstar users add and
# tokens create, in one process: web-users), then Debian's wrk
# against 127.0.0.1 only: CONNECTIONS connections (default 20), a warm-up of WARMUP (default 20s) and DURATION (default
# 20s) per page, each request signed by one of the 20 users in turn and naming the next task or case from a file.
# The pages are measured as a running server serves them: .NET recompiles its hottest methods with full optimization
# in the background during its first 20-30 s under load (tiered compilation; on this 2-core machine the inbox's server
# CPU per page was 3.7-4.2 ms from 5 to 15 s into the load and 2.4-3.1 ms after). The warm-up's own figures are printed
# too (raw "warm-up"), and the first page after start is the start figure.
# Measured: start = seconds from the server process's start until its first /inbox answers 200; the p95 of
# /inbox, /tasks/{id} and /cases/{id} (wrk's latency distribution), and of the public registry's search
# /registry?q=… over LABELS published labels (default 100,000; seeded by cloning one entry written through the
# registry's store: registry-seed), anonymous, each request a model number that finds its one entry.
# Both sides' raw figures are printed.
# PAGES (default "inbox task case registry") and SIDES (default "sqlite postgres") run a part: with PAGES=registry
# no case is seeded, and the last line carries only the keys measured.
# PostgreSQL from JCSTAR_TEST_POSTGRES (source .ci/postgres.sh); the benchmark's database is WEB_DB
# (default jcstar_bench_web), dropped and recreated at the start and dropped at the end.
# Second-last line: SQLite's figures; last line (PostgreSQL):
# web: start=Ns inbox-p95=Nms task-p95=Nms case-p95=Nms registry-p95=Nms
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CASES="${CASES:-100000}"
COMPLETED="${COMPLETED:-1000000}"
LABELS="${LABELS:-100000}"
PAGES="${PAGES:-inbox task case registry}"
SIDES="${SIDES:-sqlite postgres}"
staff_pages() { [[ " $PAGES " =~ \ (inbox|task|case)\  ]]; }
CONNECTIONS="${CONNECTIONS:-20}"
WARMUP="${WARMUP:-20s}"
DURATION="${DURATION:-20s}"
USERS=20
WEB_DB="${WEB_DB:-jcstar_bench_web}"
: "${JCSTAR_TEST_POSTGRES:?set JCSTAR_TEST_POSTGRES (source .ci/postgres.sh)}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# The server as it is deployed (README, "Running in production"): published in Release for this machine's runtime,
# self-contained and precompiled with the runtime as one composite ReadyToRun image, so its start is not spent
# compiling the code of the first requests. Built in a folder of its own (--artifacts-path): intermediate files of a
# composite publish left where a framework-dependent one reads them gave a server that aborted at start.
PUBLISHED="$ROOT/artifacts/bench/server"
if [ -z "${NO_BUILD:-}" ]; then
  rm -rf "$PUBLISHED"
  dotnet publish -c Release --use-current-runtime --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    --artifacts-path "$ROOT/artifacts/bench/build" "$ROOT/src/JcStar.Workflow.Server" -o "$PUBLISHED" >&2
  dotnet build -c Release "$ROOT/tests/JcStar.Workflow.Benchmarks" >&2
fi
SERVER="$PUBLISHED/JcStar.Workflow.Server"
SEED="$ROOT/tests/JcStar.Workflow.Benchmarks/bin/Release/net10.0/JcStar.Workflow.Benchmarks.dll"
LUA="$ROOT/tests/bench/web/pages.lua"

WORK="$(mktemp -d /tmp/jcstar-bench-web.XXXXXX)"
PORT="${PORT:-$(( 20000 + RANDOM % 20000 ))}"
BASE="https://127.0.0.1:$PORT"
# Production serves its cookies (and antiforgery's) over HTTPS only: a self-signed certificate for 127.0.0.1.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
pg_admin() { PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$JCSTAR_TEST_POSTGRES")" psql -h 127.0.0.1 -U jcstar -d postgres -qtAc "$1"; }
cleanup() { stop_server; pg_admin "DROP DATABASE IF EXISTS \"$WEB_DB\" WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

PG_CONNECTION="$(sed "s/Database=[^;]*/Database=$WEB_DB/" <<<"$JCSTAR_TEST_POSTGRES")"

# The environment of the server for one side.
side_env() {
  local side="$1"
  export ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
  export ASPNETCORE_Kestrel__Certificates__Default__Path="$WORK/cert.pem" ASPNETCORE_Kestrel__Certificates__Default__KeyPath="$WORK/key.pem"
  export Data__Root="$WORK/$side" Mail__Smtp__Host="" Logging__LogLevel__Default=Warning
  # The scheduled backup (Backup:Cron, 03:00 UTC by default) would dump the seeded database in the middle of a run that
  # crosses that hour; the benchmark measures pages, not backups (tests/JcStar.Workflow.Backup.Tests cover those).
  export Backup__Enabled=false
  # Production refuses placeholder office data on letters; the benchmark sends none.
  export Scheme__Office__Phone=03-5978-7600 Scheme__Office__Email=bench@jcstar.invalid \
    Scheme__Office__RegistryUrl=https://bench.jcstar.invalid/registry Scheme__Office__BankAccount="bench bank 1234567"
  if [ "$side" = postgres ]; then
    export Database__Provider=PostgreSql Database__ConnectionString="$PG_CONNECTION" Database__MigrateAtStart=true
  else
    unset Database__Provider Database__ConnectionString Database__MigrateAtStart
  fi
}

start_server() {
  (cd "$ROOT" && exec "$SERVER") >"$WORK/server-$1.log" 2>&1 &
  SERVER_PID=$!
}

# Seconds from now until GET $2 with token $1 answers 200 (gives up after ${WAIT:-180} s).
wait_for_200() {
  local token="$1" path="$2" t0 code
  t0=$(date +%s%N)
  while true; do
    if [ -n "$token" ]; then
      code=$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$BASE$path" || true)
    else
      code=$(curl -sk -o /dev/null -w '%{http_code}' "$BASE$path" || true)
    fi
    [ "$code" = 200 ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server stopped; its log:" >&2; tail -40 "$WORK/server-$SIDE.log" >&2; exit 1; fi
    if (( ($(date +%s%N) - t0) / 1000000000 > ${WAIT:-180} )); then echo "no 200 from $path after ${WAIT:-180} s (last answer $code); the server's log:" >&2; tail -40 "$WORK/server-$SIDE.log" >&2; exit 1; fi
    sleep 0.05
  done
}

run_side() {
  SIDE="$1"
  side_env "$SIDE"
  mkdir -p "$WORK/$SIDE"
  if [ "$SIDE" = postgres ]; then
    pg_admin "DROP DATABASE IF EXISTS \"$WEB_DB\" WITH (FORCE)" >/dev/null
    pg_admin "CREATE DATABASE \"$WEB_DB\"" >/dev/null
  fi
  local connection
  if [ "$SIDE" = postgres ]; then connection="$PG_CONNECTION"; else connection="Data Source=$WORK/$SIDE/workflow.db"; fi
  # First run: migrations, the workflows deployed; then the 20 staff users with their tokens (AccessAdministration,
  # as jcstar users add / tokens create) and one real ★1 case started by one of them through the API.
  start_server "$SIDE"
  wait_for_200 "" /health
  local token=""
  if staff_pages; then
    local company
    company=$(dotnet "$SEED" web-users "$SIDE" "$connection" "$USERS" "$WORK/tokens-$SIDE" | tee /dev/stderr | tail -1)
    token="$(head -1 "$WORK/tokens-$SIDE")"
    wait_for_200 "$token" /inbox
    local template
    local answer
    answer=$(jq --arg org "$company" '{processId: "SelfDeclarationApplication", businessKey: "bench-template", applicantOrganizationId: $org, variables: (.variables | del(.applicant))}' \
        "$ROOT/workflows/scenarios/self-declaration-application/granted.json" \
      | curl -sk -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @- "$BASE/api/instances")
    template=$(jq -r '.id // empty' <<<"$answer" 2>/dev/null || true)
    [ -n "$template" ] || { echo "could not start the template case: $answer" >&2; exit 1; }
    stop_server

    dotnet "$SEED" web-seed "$SIDE" "$connection" "$template" "$CASES" "$COMPLETED"
    shuf -i 0-$((CASES - 1)) -n 5000 --random-source=<(yes) | sed 's/^/bench-t/' >"$WORK/tasks-$SIDE"
    sed 's/^bench-t/bench-i/' "$WORK/tasks-$SIDE" >"$WORK/cases-$SIDE"
  else
    stop_server
  fi
  if [[ " $PAGES " == *" registry "* ]]; then
    dotnet "$SEED" registry-seed "$SIDE" "$connection" "$LABELS"
    shuf -i 0-$((LABELS - 1)) -n 5000 --random-source=<(yes) | sed 's/.*/M&Z/' >"$WORK/labels-$SIDE"
  fi

  # Timed start: from the process's start to the first /inbox page.
  local t0 start
  t0=$(date +%s%N)
  start_server "$SIDE"
  if staff_pages; then wait_for_200 "$token" /inbox; else wait_for_200 "" /registry; fi
  start=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.2f", ns / 1e9 }')
  echo "{\"benchmark\":\"web-start\",\"provider\":\"$SIDE\",\"seconds\":$start}"

  local page path ids p95 result
  declare -gA P95
  for page in $PAGES; do
    local tokens="$WORK/tokens-$SIDE"
    case "$page" in
      inbox) path=/inbox; ids="" ;;
      task) path='/tasks/{id}'; ids="$WORK/tasks-$SIDE" ;;
      case) path='/cases/{id}'; ids="$WORK/cases-$SIDE" ;;
      registry) path='/registry?q={id}'; ids="$WORK/labels-$SIDE"; tokens="" ;;
      *) echo "PAGES: unknown page '$page' (inbox, task, case, registry)" >&2; exit 2 ;;
    esac
    export WEB_TOKENS="$tokens" WEB_IDS="$ids" WEB_PATH="$path"
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s --latency -s "$LUA" "$BASE" | grep '^page-result:')
    echo "{\"benchmark\":\"web-warm-up\",\"provider\":\"$SIDE\",\"page\":\"$path\",\"connections\":$CONNECTIONS,\"duration\":\"$WARMUP\",\"raw\":\"${result#page-result: }\"}"
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$LUA" "$BASE" | tee /dev/stderr | grep '^page-result:')
    echo "{\"benchmark\":\"web\",\"provider\":\"$SIDE\",\"page\":\"$path\",\"connections\":$CONNECTIONS,\"duration\":\"$DURATION\",\"raw\":\"${result#page-result: }\"}"
    # Failed or timed-out requests (wrk gives up after 10 s) are reported, not hidden: the figures still print.
    if ! grep -q 'errors=0 non2xx=0' <<<"$result" || grep -q 'requests=0 ' <<<"$result"; then echo "$SIDE $path: some requests failed or timed out: $result" >&2; fi
    p95=$(sed -n 's/.* p95=\([0-9.]*\)ms.*/\1/p' <<<"$result")
    # wrk's distribution holds answered requests only: when 5 % or more timed out, the p95 is at least the timeout.
    local requests errors
    requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result"); errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$result")
    if (( errors * 20 >= requests + errors && errors > 0 )); then p95=10000; fi
    P95[$SIDE-$page]=$p95
  done
  stop_server
  START[$SIDE]=$start
}

declare -A START
echo "{\"benchmark\":\"web-settings\",\"labels\":$LABELS,\"pages\":\"$PAGES\",\"cases\":$CASES,\"openTasks\":$CASES,\"completedTasks\":$COMPLETED,\"users\":$USERS,\"connections\":$CONNECTIONS,\"warmUp\":\"$WARMUP\",\"duration\":\"$DURATION\",\"cores\":$(nproc)}"
for side in $SIDES; do run_side "$side"; done
line() {
  printf 'start=%ss' "${START[$1]}"
  local page
  for page in inbox task case registry; do
    [ -n "${P95[$1-$page]:-}" ] && printf ' %s-p95=%.0fms' "$page" "${P95[$1-$page]}"
  done
  return 0
}
if [[ " $SIDES " == *" sqlite "* ]]; then echo "web-sqlite: $(line sqlite)"; fi
if [[ " $SIDES " == *" postgres "* ]]; then echo "web: $(line postgres)"; fi
