#!/usr/bin/env bash
# Document rendering side by side with docxtemplater, plus warm PDF conversion.
# Last line: "ratios: en=NNx ja=NNx pdf-median=N.NNs" (targets: >= 3x for en and ja, <= 0.3 s warm PDF).
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
peer_dir="$root/tests/bench/docgen"   # the peer driver and the template generator; packages in its git-ignored node_modules/
n="${N:-500}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$peer_dir/make_templates.py" "$work/templates" >/dev/null
(cd "$peer_dir" && npm install --ignore-scripts --no-package-lock --no-audit --no-fund --silent >/dev/null)
dotnet build "$root/tests/JcStar.Workflow.Benchmarks" -c Release -o "$work/bench" -v quiet -nologo >/dev/null
bench() { dotnet "$work/bench/JcStar.Workflow.Benchmarks.dll" documents "$@"; }
rate() { python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["docs_per_s"])'; }

declare -A ours peer
for lang in en ja; do
  peer_line=$(cd "$peer_dir" && node docxtemplater-bench.js "$work/templates/notice_$lang.docxtemplater.docx" "$work/templates/data_${lang}_200.json" "$n")
  our_line=$(bench "$work/templates/notice_$lang.liquid.docx" "$work/templates/data_${lang}_200.json" "$n")
  echo "peer $lang: $peer_line"
  echo "ours $lang: $our_line"
  peer[$lang]=$(rate <<<"$peer_line")
  ours[$lang]=$(rate <<<"$our_line")
done

# A three-page Japanese letter: the benchmark notice without item rows (two pages of text, one of table).
pdf_line=$(bench --pdf "$work/templates/notice_ja.liquid.docx" "$work/templates/data_ja_0.json" "${PDF_N:-20}" || echo '{"median_s": null}')
echo "ours pdf: $pdf_line"
median=$(python3 -c 'import json,sys; m=json.loads(sys.argv[1])["median_s"]; print("n/a" if m is None else "%.2f" % m)' "$pdf_line")

python3 - "${ours[en]}" "${peer[en]}" "${ours[ja]}" "${peer[ja]}" "$median" <<'PY'
import sys
oe, pe, oj, pj, median = sys.argv[1:]
print("ratios: en=%.0fx ja=%.0fx pdf-median=%ss" % (float(oe) / float(pe), float(oj) / float(pj), median))
PY
