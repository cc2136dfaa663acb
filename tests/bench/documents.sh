#!/usr/bin/env bash
# Document rendering side by side with docxtemplater, plus warm PDF conversion.
# Like for like: "en"/"ja" compare our uncached path (template opened, checked, compiled, filled and zipped per
# document) with docxtemplater doing the same per document, both deflating at zlib level 6 (output sizes printed);
# "en-cached"/"ja-cached" are our steady state (compiled template kept by hash) against the same peer figure.
# Last line: "ratios: en=NNx ja=NNx en-cached=NNx ja-cached=NNx pdf-median=N.NNs" (targets: >= 3x for en and ja, <= 0.3 s warm PDF).
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

declare -A ours cached peer
for lang in en ja; do
  peer_line=$(cd "$peer_dir" && node docxtemplater-bench.js "$work/templates/notice_$lang.docxtemplater.docx" "$work/templates/data_${lang}_200.json" "$n")
  our_lines=$(bench "$work/templates/notice_$lang.liquid.docx" "$work/templates/data_${lang}_200.json" "$n")
  echo "peer $lang: $peer_line"
  echo "ours $lang uncached: $(sed -n 1p <<<"$our_lines")"
  echo "ours $lang cached: $(sed -n 2p <<<"$our_lines")"
  peer[$lang]=$(rate <<<"$peer_line")
  ours[$lang]=$(sed -n 1p <<<"$our_lines" | rate)
  cached[$lang]=$(sed -n 2p <<<"$our_lines" | rate)
done

# A three-page Japanese letter: the benchmark notice without item rows (two pages of text, one of table).
pdf_line=$(bench --pdf "$work/templates/notice_ja.liquid.docx" "$work/templates/data_ja_0.json" "${PDF_N:-20}" || echo '{"median_s": null}')
echo "ours pdf: $pdf_line"
median=$(python3 -c 'import json,sys; m=json.loads(sys.argv[1])["median_s"]; print("n/a" if m is None else "%.2f" % m)' "$pdf_line")

python3 - "${ours[en]}" "${peer[en]}" "${ours[ja]}" "${peer[ja]}" "${cached[en]}" "${cached[ja]}" "$median" <<'PY'
import sys
oe, pe, oj, pj, ce, cj, median = sys.argv[1:]
r = lambda a, b: float(a) / float(b)
print("ratios: en=%.1fx ja=%.1fx en-cached=%.0fx ja-cached=%.0fx pdf-median=%ss" % (r(oe, pe), r(oj, pj), r(ce, pe), r(cj, pj), median))
PY
