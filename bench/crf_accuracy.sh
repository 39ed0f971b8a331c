#!/usr/bin/env bash
# bench/crf_accuracy.sh: accuracy of ner-tag's linear CRF with the built-in features on
# CoNLL-2002 Spanish and Dutch: trained on LANG.train, scored with ner-score
# (conlleval) on LANG.test, also reporting training time and peak memory.
#
#   bash bench/crf_accuracy.sh
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG, NER_SCORE,
# LANGS (default "es nl"), TRAIN_OPTS (default "--c1 0.1 --c2 0.1 --max-iterations 100").
# Output: a table on stdout and in bench/out/crf_accuracy.md. Targets: es >= 80.0,
# nl >= 75.0.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}/conll2002
out_dir=$script_dir/out/crf_accuracy
report=$script_dir/out/crf_accuracy.md
langs=${LANGS:-"es nl"}
read -r -a train_opts <<< "${TRAIN_OPTS:---c1 0.1 --c2 0.1 --max-iterations 100}"
source "$script_dir/lib.sh"

[[ -d $data ]] || { echo "bench/crf_accuracy.sh: no conll2002 folder; skipping."; exit 0; }
build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN; [[ -n $tag ]] || exit 1
build_tool ner-score "${NER_SCORE:-}"; score=$TOOL_BIN; [[ -n $score ]] || exit 1

rows=()
for l in $langs; do
  echo "== $l: ner-tag train ${train_opts[*]}" >&2
  /usr/bin/time -f "%e %M" -o "$out_dir/$l.time" \
    "$tag" train "${train_opts[@]}" -m "$out_dir/$l.model" "$data/$l.train" 2> "$out_dir/$l.train.log"
  read -r wall rss < "$out_dir/$l.time"
  "$tag" -m "$out_dir/$l.model" "$data/$l.test" > "$out_dir/$l.test.pred"
  f1=$("$score" < "$out_dir/$l.test.pred" | awk '/^accuracy/ { print $NF }')
  target=$([[ $l == es ]] && echo 80.0 || echo 75.0)
  rows+=("| $l | $f1 | $target | $(awk -v f="$f1" -v t="$target" 'BEGIN { print (f >= t ? "met" : "NOT met") }') | $wall | $((rss / 1024)) |")
done
{
  echo "# ner-tag accuracy, built-in features, CoNLL-2002"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; ner-tag train ${train_opts[*]} LANG.train; conlleval F1 on LANG.test."
  echo
  echo "| language | F1 | target | | training s (whole process) | peak RSS MB |"
  echo "|---|---:|---:|---|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "$report"
