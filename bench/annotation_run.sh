#!/usr/bin/env bash
# bench/annotation_run.sh: an annotation tool's export through the suite (issue 20).
#
#   bash bench/annotation_run.sh
#
# WikiANN uk.dev (gold) becomes doccano JSONL (ner-convert --to doccano --join-tokens:
# the text is the tokens joined by spaces, the spans the gold entities), is read back
# as an annotation export would be (ner-convert --from doccano --lang uk --no-split, a
# document a sentence as in WikiANN: tokenized by
# ner-tokenize's tokenizer, spans to IOB2 tags), and tagged by two linear CRFs trained
# on uk.train: A with the default stopping rules, B stopped after 30 L-BFGS iterations.
# Then ner-score: A's report, the first of A's errors (--errors), and whether B's
# difference from A is real (--compare: paired bootstrap and approximate
# randomization).
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG, NER_SCORE, NER_CONVERT
# (prebuilt binaries; default swift build -c release). Output: bench/out/annotation_run.md.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out_dir=$script_dir/out/annotation_run
report=$script_dir/out/annotation_run.md
source "$script_dir/lib.sh"
w=$data/wikiann
if [[ ! -f $w/uk.dev ]]; then echo "bench/annotation_run.sh: no wikiann/uk.dev under $data; skipping."; exit 0; fi
build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN; [[ -n $tag ]] || exit 1
build_tool ner-score "${NER_SCORE:-}"; score=$TOOL_BIN; [[ -n $score ]] || exit 1
build_tool ner-convert "${NER_CONVERT:-}"; convert=$TOOL_BIN; [[ -n $convert ]] || exit 1

"$convert" --to doccano --join-tokens "$w/uk.dev" > "$out_dir/uk.dev.doccano.jsonl"
"$convert" --from doccano --lang uk --no-split --to conll "$out_dir/uk.dev.doccano.jsonl" > "$out_dir/uk.dev.gold.conll"
[[ -s $out_dir/A.model ]] || "$tag" train -q -m "$out_dir/A.model" "uk=$w/uk.train"
[[ -s $out_dir/B.model ]] || "$tag" train -q --max-iterations 30 -m "$out_dir/B.model" "uk=$w/uk.train"
for m in A B; do "$tag" -m "$out_dir/$m.model" --lang uk "$out_dir/uk.dev.gold.conll" > "$out_dir/$m.conll"; done
{
  echo "# WikiANN uk.dev as doccano JSONL → ner-convert → ner-tag → ner-score"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(wc -l < "$out_dir/uk.dev.doccano.jsonl") doccano documents."
  echo
  echo '    ner-convert --to doccano --join-tokens uk.dev > uk.dev.doccano.jsonl'
  echo '    ner-convert --from doccano --lang uk --no-split --to conll uk.dev.doccano.jsonl > uk.dev.gold.conll'
  echo '    ner-tag -m A.model --lang uk uk.dev.gold.conll > A.conll   # likewise B'
  echo
  echo "## ner-score A.conll"
  echo
  "$score" "$out_dir/A.conll" | sed 's/^/    /'
  echo
  echo "## ner-score --errors A.conll | head (of $("$score" --errors "$out_dir/A.conll" | wc -l) lines)"
  echo
  "$score" --errors "$out_dir/A.conll" | head -12 | sed 's/^/    /'
  echo
  echo "## ner-score --compare A.conll B.conll --gold uk.dev.gold.conll"
  echo
  "$score" --compare "$out_dir/A.conll" "$out_dir/B.conll" --gold "$out_dir/uk.dev.gold.conll" | sed 's/^/    /'
} | tee "$report"
