#!/usr/bin/env bash
# Engine benchmark beside the bpmn-engine peer, same modes, same run.
# Last line: ratios: run=NNx run-parse=NNx persist=NNx bulk-memory=NNx
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${N:-10000}"
WARMUP="${WARMUP:-500}"
PEER_SRC="$ROOT/../shared/bench/bpmn-engine"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

dotnet build -c Release "$ROOT/tests/JcStar.Workflow.Benchmarks" >&2
cp -r "$PEER_SRC/." "$WORK/"
(cd "$WORK" && npm install --ignore-scripts --no-audit --no-fund >&2)

OURS="$ROOT/tests/JcStar.Workflow.Benchmarks/bin/Release/net10.0/JcStar.Workflow.Benchmarks.dll"
declare -A peer ours
for mode in run run-parse persist bulk; do
  if [ "$mode" = bulk ]; then
    peer[$mode]="$(cd "$WORK" && node --max-old-space-size=12288 bench.mjs bulk "$N" "$WARMUP" | tail -1)"
  else
    peer[$mode]="$(cd "$WORK" && node bench.mjs "$mode" "$N" "$WARMUP" | tail -1)"
  fi
  ours[$mode]="$(dotnet "$OURS" engine "$mode" "$N" "$WARMUP" | tail -1)"
  echo "peer: ${peer[$mode]}"
  echo "ours: ${ours[$mode]}"
done

ratio() { # ours instancesPerSec / peer instancesPerSec
  node -e 'const [o,p]=process.argv.slice(1).map(JSON.parse); console.log(Math.round(o.instancesPerSec/p.instancesPerSec)+"x")' "${ours[$1]}" "${peer[$1]}"
}
memory=$(node -e 'const [o,p]=process.argv.slice(1).map(JSON.parse); const peerBytes=p.rssAllWaitingMiB*2**20/p.N; console.log(Math.round(peerBytes/o.bytesPerWaitingInstance)+"x")' "${ours[bulk]}" "${peer[bulk]}")
echo "ratios: run=$(ratio run) run-parse=$(ratio run-parse) persist=$(ratio persist) bulk-memory=$memory"
