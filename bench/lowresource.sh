#!/usr/bin/env bash
# bench/lowresource.sh: Cotterell and Duh's low-resource table (2017, Table 2),
# log-linear column, on WikiANN.
#
#   bash bench/lowresource.sh
#
# For each pair TARGET+SOURCE (uk+ru, mr+hi, mr+ur), ner-tag trains on
#   - the first 100 sentences of wikiann/TARGET.train alone, and
#   - the same 100 with the first 10,000 of wikiann/SOURCE.train (all there are when
#     the file has fewer), inputs given as TARGET=FILE SOURCE=FILE, with
#     --language-features (every feature also conjoined with the language),
# and each model tags wikiann/TARGET.dev, scored by ner-score (conlleval F1).
# When the two languages are written in different scripts (mr+ur), both sides are
# romanized first with `ner-romanize --in-place --lang L`, so that their characters
# are shared; the other pairs use the text as it is.
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG, NER_SCORE,
# NER_ROMANIZE (prebuilt binaries; default swift build -c release), TARGET_N (100),
# SOURCE_N (10000), TRAIN_OPTS (ner-tag train options for every model, default
# "--c2 1 --max-iterations 100"), PAIRS (default "uk:ru mr:hi mr:ur").
# Output: a markdown table on stdout and in bench/out/lowresource.md.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}/wikiann
out_dir=$script_dir/out/lowresource
report=$script_dir/out/lowresource.md
target_n=${TARGET_N:-100}
source_n=${SOURCE_N:-10000}
pairs=${PAIRS:-"uk:ru mr:hi mr:ur"}
read -r -a train_opts <<< "${TRAIN_OPTS:---c2 1 --max-iterations 100}"
source "$script_dir/lib.sh"

if [[ ! -d $data ]]; then
  echo "bench/lowresource.sh: no wikiann folder under ${NER_DATA:-$root/../shared/data}; skipping."
  exit 0
fi
build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN; [[ -n $tag ]] || exit 1
build_tool ner-score "${NER_SCORE:-}"; score=$TOOL_BIN; [[ -n $score ]] || exit 1
build_tool ner-romanize "${NER_ROMANIZE:-}"; romanize=$TOOL_BIN; [[ -n $romanize ]] || exit 1

# first N FILE: the first N sentences (blank-line separated) of FILE.
first() { awk -v n="$1" 'BEGIN { RS = ""; ORS = "\n\n" } NR <= n' "$2"; }
script_of() { case $1 in uk|ru) echo Cyrillic ;; mr|hi) echo Devanagari ;; ur|ar) echo Arabic ;; bn) echo Bengali ;; *) echo Latin ;; esac; }
# prepare LANG N FILE ROMAN OUT: the first N sentences, romanized when ROMAN is 1.
prepare() {
  if [[ $4 == 1 ]]; then first "$2" "$3" | "$romanize" --in-place --lang "$1" > "$5"; else first "$2" "$3" > "$5"; fi
}
f1() { "$tag" -m "$1" "$2" | "$score" | awk '/^accuracy/ { print $NF }'; }

rows=()
for pair in $pairs; do
  t=${pair%%:*} s=${pair##*:}
  roman=0
  [[ $(script_of "$t") != $(script_of "$s") ]] && roman=1
  echo "== $t + $s (romanized: $roman)" >&2
  prepare "$t" "$target_n" "$data/$t.train" "$roman" "$out_dir/$t.$target_n.conll"
  prepare "$s" "$source_n" "$data/$s.train" "$roman" "$out_dir/$s.$source_n.conll"
  if [[ $roman == 1 ]]; then "$romanize" --in-place --lang "$t" "$data/$t.dev" > "$out_dir/$t.dev.conll"; else cp "$data/$t.dev" "$out_dir/$t.dev.conll"; fi
  n_source=$(awk 'BEGIN { RS = "" } END { print NR }' "$out_dir/$s.$source_n.conll")
  "$tag" train -q "${train_opts[@]}" -m "$out_dir/$t.alone.model" "$t=$out_dir/$t.$target_n.conll"
  "$tag" train -q "${train_opts[@]}" --language-features -m "$out_dir/$t+$s.model" \
    "$t=$out_dir/$t.$target_n.conll" "$s=$out_dir/$s.$source_n.conll"
  alone=$(f1 "$out_dir/$t.alone.model" "$out_dir/$t.dev.conll")
  joint=$(f1 "$out_dir/$t+$s.model" "$out_dir/$t.dev.conll")
  gain=$(awk -v a="$alone" -v b="$joint" 'BEGIN { printf "%+.2f", b - a }')
  rows+=("| $t | $s | $target_n | $n_source | $([[ $roman == 1 ]] && echo yes || echo no) | $alone | $joint | $gain | $(awk -v g="$gain" 'BEGIN { print (g >= 5 ? "met" : "NOT met") }') |")
done

{
  echo "# Low-resource transfer, log-linear CRF (Cotterell and Duh 2017, Table 2)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); WikiANN (Rahimi et al. 2019 splits); entity F1 (conlleval) on the target's dev set;"
  echo "ner-tag train ${train_opts[*]}, plus --language-features for the joint models."
  echo
  echo "| target | source | target sentences | source sentences | romanized | target alone | with source | gain | target +5 |"
  echo "|---|---|---:|---:|---|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$report"
