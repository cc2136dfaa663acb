#!/usr/bin/env bash
# Engine benchmark beside the bpmn-engine peer, same modes, same run. persist: ours against the peer's
# persist-lean (instance state only, no definition, on both sides). bulk-memory: resident set growth per
# waiting instance on both sides after full collections (node --expose-gc); our managed-heap figure beside it.
# Last line: ratios: run=NNx run-parse=NNx persist=NNx bulk-memory=NNx
# The peer runs once per mode (minutes at N=10,000); ours runs three times per mode, each line is
# printed, and the median counts: our runs last about a second on a machine shared with other
# builds, so one run alone says more about the neighbours than about the engine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${N:-10000}"
WARMUP="${WARMUP:-500}"
# The peer driver is tests/bench/bpmn-engine; its packages go into its git-ignored node_modules/.
WORK="$ROOT/tests/bench/bpmn-engine"

dotnet build -c Release "$ROOT/tests/JcStar.Workflow.Benchmarks" >&2
(cd "$WORK" && npm install --ignore-scripts --no-package-lock --no-audit --no-fund >&2)

OURS="$ROOT/tests/JcStar.Workflow.Benchmarks/bin/Release/net10.0/JcStar.Workflow.Benchmarks.dll"
declare -A peer ours
# persist is compared with the peer's persist-lean: both keep the instance state only, not the definition.
for mode in run run-parse persist bulk; do
  case "$mode" in
    bulk) peer[$mode]="$(cd "$WORK" && node --expose-gc --max-old-space-size=12288 bench.mjs bulk "$N" "$WARMUP" | tail -1)" ;;
    persist) peer[$mode]="$(cd "$WORK" && node bench.mjs persist-lean "$N" "$WARMUP" | tail -1)" ;;
    *) peer[$mode]="$(cd "$WORK" && node bench.mjs "$mode" "$N" "$WARMUP" | tail -1)" ;;
  esac
  echo "peer: ${peer[$mode]}"
  runs=()
  for i in 1 2 3; do
    runs+=("$(dotnet "$OURS" engine "$mode" "$N" "$WARMUP" | tail -1)")
    echo "ours[$i]: ${runs[-1]}"
  done
  ours[$mode]="$(node -e '
    const key = process.argv[1] === "bulk" ? "rssGrowthBytesPerWaitingInstance" : "instancesPerSec";
    const runs = process.argv.slice(2).map(JSON.parse).sort((a, b) => a[key] - b[key]);
    console.log(JSON.stringify(runs[1]));' "$mode" "${runs[@]}")"
  echo "ours (median): ${ours[$mode]}"
done

ratio() { # ours instancesPerSec / peer instancesPerSec
  node -e 'const [o,p]=process.argv.slice(1).map(JSON.parse); console.log(Math.round(o.instancesPerSec/p.instancesPerSec)+"x")' "${ours[$1]}" "${peer[$1]}"
}
# Memory: resident set growth per waiting instance on both sides, each read after full collections.
node -e 'const [o,p]=process.argv.slice(1).map(JSON.parse);
  console.log(`bulk memory per waiting instance: ours rss=${Math.round(o.rssGrowthBytesPerWaitingInstance)} B (managed heap ${Math.round(o.bytesPerWaitingInstance)} B); peer rss=${Math.round(p.rssGrowthBytesPerWaitingInstance)} B (V8 heap ${Math.round(p.heapGrowthBytesPerWaitingInstance)} B)`)' "${ours[bulk]}" "${peer[bulk]}"
memory=$(node -e 'const [o,p]=process.argv.slice(1).map(JSON.parse); console.log(Math.round(p.rssGrowthBytesPerWaitingInstance/o.rssGrowthBytesPerWaitingInstance)+"x")' "${ours[bulk]}" "${peer[bulk]}")
echo "ratios: run=$(ratio run) run-parse=$(ratio run-parse) persist=$(ratio persist) bulk-memory=$memory"
