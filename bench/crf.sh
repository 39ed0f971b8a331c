#!/usr/bin/env bash
# bench/crf.sh: ner-tag's linear CRF against CRFsuite (python-crfsuite) on the same
# attributes, side by side in one run.
#
#   bash bench/crf.sh
#
# `ner-tag features` writes the default features of conll2002/es.train and es.test
# in CRFsuite's data format (cached in bench/out/crf/). Both trainers then read that
# file: CRFsuite through bench/crfsuite_run.py (L-BFGS, c1 = c2 = 0.1, 100
# iterations, feature.possible_transitions on, its other defaults), ner-tag through
# `ner-tag train --from crfsuite` with the same settings, once with 1 thread and once
# with 2. Each model tags es.test (CRFsuite: crfsuite_run.py tag; ner-tag: --from
# crfsuite, one thread) and ner-score scores the labels against the gold ones.
#
# Figures: wall-clock seconds of the whole process and peak memory (max RSS, from
# /usr/bin/time), and the training time each trainer reports itself (CRFsuite:
# trainer.train(); ner-tag: "trained in"), which leaves out reading the data.
# One run each (training takes minutes): RUNS=N repeats and keeps the median.
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG (a prebuilt ner-tag;
# default swift build -c release), NER_SCORE, ITERATIONS (default 100), RUNS (1).
# Output: a table on stdout and in bench/out/crf.md. Targets: F1 within 0.5 of
# CRFsuite; training time with 1 thread <= CRFsuite's, with 2 threads <= 0.6 of it;
# tagging at least as fast; peak memory <= 1.5 x CRFsuite's.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out_dir=$script_dir/out/crf
report=$script_dir/out/crf.md
iterations=${ITERATIONS:-100}
runs=${RUNS:-1}
source "$script_dir/lib.sh"

if [[ ! -f $data/conll2002/es.train ]]; then
  echo "bench/crf.sh: no conll2002/es.train under $data (set NER_DATA); skipping."
  exit 0
fi
find_python || { echo "bench/crf.sh: python3 is needed for CRFsuite" >&2; exit 1; }
pip_ensure pycrfsuite python-crfsuite || { echo "bench/crf.sh: python-crfsuite cannot be installed" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench/crf.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN
[[ -n $tag ]] || exit 1
build_tool ner-score "${NER_SCORE:-}"; score=$TOOL_BIN
[[ -n $score ]] || exit 1

train=$out_dir/es.train.crfsuite
test=$out_dir/es.test.crfsuite
for split in train test; do
  f=$out_dir/es.$split.crfsuite
  if [[ ! -s $f || $f -ot $data/conll2002/es.$split || $f -ot $tag ]]; then
    echo "== ner-tag features conll2002/es.$split"
    "$tag" features -o "$f" "$data/conll2002/es.$split"
  fi
done
cut -f1 "$test" > "$out_dir/gold.labels"

# measure NAME CMD...: runs CMD RUNS times under /usr/bin/time; keeps the median
# wall-clock seconds in WALL, the largest max RSS (KB) in RSS and stderr in NAME.err.
measure() {
  local name=$1 i walls=() rss=0
  shift
  for ((i = 1; i <= runs; i++)); do
    echo "== $name (run $i/$runs): $*" >&2
    /usr/bin/time -f "%e %M" -o "$out_dir/$name.time" "$@" 2> "$out_dir/$name.err"
    read -r w m < "$out_dir/$name.time"
    walls+=("$w")
    (( m > rss )) && rss=$m
  done
  WALL=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  RSS=$rss
}

# f1 LABELS: conlleval F1 of predicted labels (one a line) against the gold ones.
f1() {
  paste -d' ' "$out_dir/gold.labels" "$1" | sed 's/^ $//' | "$score" | awk '/^accuracy/ { print $NF }'
}

# trained_secs LOG: the seconds of ner-tag's "trained in 12.3s" / "trained in 2m51s" line.
trained_secs() {
  sed -n 's/.*trained in \([0-9m.]*\)s$/\1/p' "$1" |
    awk '{ if (index($0, "m")) { split($0, a, "m"); print a[1] * 60 + a[2] } else print }'
}

common=(--c1 0.1 --c2 0.1 --max-iterations "$iterations")
measure crfsuite-train "$PY" "$script_dir/crfsuite_run.py" train "$train" "$out_dir/crfsuite.model" "${common[@]}"
cs_train_wall=$WALL cs_train_rss=$RSS
cs_train_s=$(sed -n 's/.*"train_s": \([0-9.]*\).*/\1/p' "$out_dir/crfsuite-train.err" | tail -1)
measure ner-train-1 "$tag" train --from crfsuite --threads 1 "${common[@]}" -m "$out_dir/ner1.model" "$train"
n1_wall=$WALL n1_rss=$RSS
n1_s=$(trained_secs "$out_dir/ner-train-1.err")
measure ner-train-2 "$tag" train --from crfsuite --threads 2 "${common[@]}" -m "$out_dir/ner2.model" "$train"
n2_wall=$WALL n2_rss=$RSS
n2_s=$(trained_secs "$out_dir/ner-train-2.err")

measure crfsuite-tag sh -c "'$PY' '$script_dir/crfsuite_run.py' tag '$test' '$out_dir/crfsuite.model' > '$out_dir/crfsuite.labels'"
cs_tag_wall=$WALL
cs_tag_s=$(sed -n 's/.*"tag_s": \([0-9.]*\).*/\1/p' "$out_dir/crfsuite-tag.err" | tail -1)
measure ner-tag-1 sh -c "'$tag' --from crfsuite --threads 1 -m '$out_dir/ner1.model' '$test' > '$out_dir/ner1.labels'"
n_tag_wall=$WALL
"$tag" --from crfsuite -m "$out_dir/ner2.model" "$test" > "$out_dir/ner2.labels"

cs_f1=$(f1 "$out_dir/crfsuite.labels")
n1_f1=$(f1 "$out_dir/ner1.labels")
n2_f1=$(f1 "$out_dir/ner2.labels")


{
  echo "# ner-tag against CRFsuite on identical attributes"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores; python-crfsuite $("$PY" -c 'import importlib.metadata as m; print(m.version("python-crfsuite"))');"
  echo "attributes: \`ner-tag features\` of conll2002/es.train ($(grep -c . "$train") tokens) and es.test;"
  echo "L-BFGS, c1 = c2 = 0.1, $iterations iterations, possible transitions on; median of $runs run(s)."
  echo
  echo "| trainer | F1 on es.test | training s (own) | whole process s | peak RSS MB | tagging es.test s (whole process) |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| CRFsuite (python-crfsuite) | $cs_f1 | $cs_train_s | $cs_train_wall | $((cs_train_rss / 1024)) | $cs_tag_wall (tag() calls: $cs_tag_s) |"
  echo "| ner-tag --threads 1 | $n1_f1 | $n1_s | $n1_wall | $((n1_rss / 1024)) | $n_tag_wall |"
  echo "| ner-tag --threads 2 | $n2_f1 | $n2_s | $n2_wall | $((n2_rss / 1024)) | |"
  echo
  awk -v cs="$cs_f1" -v n="$n1_f1" -v a="$cs_train_s" -v b="$n1_s" -v c="$n2_s" \
      -v ra="$cs_train_rss" -v rb="$n1_rss" -v rc="$n2_rss" -v ta="$cs_tag_wall" -v tb="$n_tag_wall" 'BEGIN {
    d = n - cs; if (d < 0) d = -d
    printf "- F1 difference: %.2f (target <= 0.5: %s)\n", d, d <= 0.5 ? "met" : "NOT met"
    printf "- training time, 1 thread / CRFsuite: %.2f (target <= 1: %s)\n", b / a, b / a <= 1 ? "met" : "NOT met"
    printf "- training time, 2 threads / CRFsuite: %.2f (target <= 0.6: %s)\n", c / a, c / a <= 0.6 ? "met" : "NOT met"
    printf "- tagging time (whole process) / CRFsuite: %.2f (target <= 1: %s)\n", tb / ta, tb / ta <= 1 ? "met" : "NOT met"
    m = (rb > rc ? rb : rc) / ra
    printf "- peak memory / CRFsuite: %.2f (target <= 1.5: %s)\n", m, m <= 1.5 ? "met" : "NOT met"
  }'
} | tee "$report"
