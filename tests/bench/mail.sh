#!/usr/bin/env bash
# Mail benchmark: outbox dispatch over SMTP to an in-process server, 50 KB .docx per message.
# Usage: tests/bench/mail.sh [messages]   Last line: "mail: N/s".
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/JcStar.Workflow.Benchmarks -c Release -v quiet -nologo >&2
out=$(dotnet tests/JcStar.Workflow.Benchmarks/bin/Release/net10.0/JcStar.Workflow.Benchmarks.dll mail "${1:-2000}")
echo "$out"
rate=$(printf '%s\n' "$out" | tail -1 | python3 -c 'import sys, json; print(int(json.load(sys.stdin)["messagesPerSec"]))')
echo "mail: ${rate}/s"
