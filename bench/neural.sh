#!/usr/bin/env bash
# bench/neural.sh: ner-tag's neural CRF (ner-tag train --kind neural) on CoNLL-2002.
#
#   bash bench/neural.sh                 # speed: one epoch on es.train, tagging speed
#   EPOCHS=30 bash bench/neural.sh accuracy   # also train es and nl with early stopping
#   bash bench/neural.sh lowresource          # also Cotterell and Duh's Table 2, both columns
#
# Speed: `ner-tag train --kind neural --epochs 1` on conll2002/es.train with the default
# sizes (characters 25, character LSTM 25, words 100, sentence LSTM 100, batch 10, 2
# threads), under /usr/bin/time -v: the epoch's seconds as ner-tag reports them, the
# wall-clock time and the peak memory (max RSS). Then that model tags es.train
# (265,000 tokens; CoNLL in, CoNLL out, 2 threads): tokens per second of the whole
# process and its peak memory. Targets: an epoch in at most 90 s, tagging at least
# 20,000 tokens/s.
#
# Accuracy (argument `accuracy`): for es and nl, train on LANG.train for at most
# EPOCHS epochs (default 30) with --dev LANG.dev (the best epoch is kept, patience 5),
# tag LANG.test and score it with ner-score (conlleval). Linear CRF of the previous
# issue: 80.22 (es), 79.33 (nl); Lample et al. 2016 report 85.75 and 81.74 with
# pretrained embeddings (none here: set EMBED_es / EMBED_nl to .vec files to add them).
#
# Low resource (argument `lowresource`): Cotterell and Duh's Table 2 as
# bench/lowresource.sh builds it (WikiANN; the first 100 sentences of TARGET.train alone,
# then with the first 10,000 of SOURCE.train as TARGET=FILE SOURCE=FILE; mr+ur romanized;
# F1 on TARGET.dev), with the log-linear CRF (LINEAR_OPTS, default "--c2 1
# --max-iterations 100", plus --language-features for the joint model) and the neural
# CRF (--kind neural --epochs LOW_EPOCHS, default 30, no early stopping: the dev set is
# the one scored) side by side. PAIRS (default "uk:ru mr:hi mr:ur"); LOW_SEEDS (default
# "1"): the neural columns give the mean over these seeds (single runs vary by several
# points with 100 target sentences).
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG and NER_SCORE (prebuilt
# binaries; default: swift build -c release --scratch-path .build-nn; NER_ROMANIZE too for
# lowresource), EPOCHS, EXTRA
# (more ner-tag train options), SPEED=0 (skip the speed part), LOW_SEEDS_JOINT (seeds of
# the neural + source column; default LOW_SEEDS: with the paper's configuration a joint
# run takes about half an hour). Output: lines on stdout (each seed's cells on stderr)
# and bench/out/neural.md.
#
# Measured 2026-11-21 (2 cores shared with other jobs, load 6 to 9; release build):
#   one epoch on es.train: 17.0 s (19.5 s before the fast tanh), peak RSS 134 MB;
#   tagging es.train: 4.3 s, 61,562 tokens/s, peak RSS 115 MB.
#   Again later that day (load 0.6): 11.0 s an epoch, peak RSS 130 MB; tagging 3.3 s,
#   80,217 tokens/s, peak RSS 100 MB.
#   es: ner-tag train --kind neural --epochs 15 --lower --embeddings es=embeddings/es.vec
#       --dev es.dev -m es.model es=es.train: epoch 15 kept (dev 79.24), es.test F1 81.86
#       (linear CRF 80.22); without vectors, momentum 0.9, 8 epochs: dev 73.72 at epoch 7.
#   nl: the same with nl.vec, 15 epochs: epoch 12 kept (dev 80.07), nl.test F1 80.34
#       (linear CRF 79.33).
#   lowresource (no vectors; F1 on dev; log-linear alone / + source, neural alone /
#   + source, neural as the mean of the seeds):
#   LOW_EPOCHS=30 EXTRA=--share-directions LOW_SEEDS="1 2 3 4 5 6 7 8 9 10" (what repro
#   runs; about 50 min): uk+ru 61.77 / 68.73, 49.82 / 68.59; mr+hi 38.43 / 47.96,
#     40.39 / 48.77; mr+ur (romanized) 40.15 / 37.35, 39.59 / 46.77.
#   The same, seeds 1 2 3: uk+ru 50.60 / 69.37; mr+hi 40.56 / 48.85; mr+ur 37.54 / 47.88.
#   LOW_EPOCHS=50 EXTRA=--share-directions: uk+ru 51.19 / 68.54; mr+hi 42.04 / 49.32;
#     mr+ur 42.16 / 48.96.
#   LOW_EPOCHS=30 LOW_SEEDS="1 2 3", no --share-directions: uk+ru 50.81 / 65.77;
#     mr+hi 39.36 / 47.53; mr+ur 37.76 / 45.29.
#   mr romanized in the mr+hi row too: log-linear 40.15 / 47.87, neural (seeds 1-10)
#     39.59 / 46.29.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}/conll2002
out_dir=$script_dir/out/neural
report=$script_dir/out/neural.md
epochs=${EPOCHS:-30}
extra=${EXTRA:-}
mkdir -p "$out_dir"

if [[ ! -f $data/es.train ]]; then
  echo "bench/neural.sh: no conll2002/es.train under $data (set NER_DATA); skipping."
  exit 0
fi
[[ -x /usr/bin/time ]] || { echo "bench/neural.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

if [[ -z ${NER_TAG:-} || -z ${NER_SCORE:-} ]]; then
  (cd "$root" && swift build -c release --scratch-path .build-nn --product ner-tag && swift build -c release --scratch-path .build-nn --product ner-score)
fi
tag=${NER_TAG:-$root/.build-nn/release/ner-tag}
score=${NER_SCORE:-$root/.build-nn/release/ner-score}

# rss FILE: max RSS in MB from a /usr/bin/time -v log.
rss() { awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$1"; }
# wall FILE: elapsed seconds from a /usr/bin/time -v log.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; printf "%.1f", s}' "$1"; }

{
  echo "# ner-tag --kind neural ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
  echo
  echo "## Speed (conll2002/es.train, default sizes)"
  echo
} > "$report"

if [[ ${SPEED:-1} != 0 ]]; then
log=$out_dir/epoch.log
/usr/bin/time -v "$tag" train --kind neural --epochs 1 $extra -m "$out_dir/es.1.model" "$data/es.train" 2> "$log"
epoch=$(sed -n 's/.*epoch 1: loss [^,]*, \([0-9.]*\) s.*/\1/p' "$log")
tokens=$(grep -c . "$data/es.train" || true)
echo "- one epoch: $epoch s (process $(wall "$log") s wall, peak RSS $(rss "$log") MB); command: ner-tag train --kind neural --epochs 1 -m es.1.model es.train" | tee -a "$report"

log=$out_dir/tag.log
/usr/bin/time -v "$tag" -m "$out_dir/es.1.model" "$data/es.train" > "$out_dir/es.train.pred" 2> "$log"
secs=$(wall "$log")
echo "- tagging es.train ($tokens tokens): $secs s, $(awk -v n="$tokens" -v s="$secs" 'BEGIN {printf "%.0f", n / s}') tokens/s, peak RSS $(rss "$log") MB; command: ner-tag -m es.1.model es.train" | tee -a "$report"
fi

if [[ ${1:-} == accuracy ]]; then
  {
    echo
    echo "## Accuracy (train, early stopping on dev, at most $epochs epochs; test F1)"
    echo
  } >> "$report"
  for lang in es nl; do
    embed_var=EMBED_$lang
    embed=${!embed_var:-}
    opts=(--kind neural --epochs "$epochs" --dev "$data/$lang.dev" $extra)
    [[ -n $embed ]] && opts+=(--embeddings "$lang=$embed")
    log=$out_dir/$lang.train.log
    /usr/bin/time -v "$tag" train "${opts[@]}" -m "$out_dir/$lang.model" "$lang=$data/$lang.train" 2> "$log"
    "$tag" -m "$out_dir/$lang.model" "$data/$lang.test" > "$out_dir/$lang.test.pred"
    f1=$("$score" "$out_dir/$lang.test.pred" | sed -n 's/.*FB1: *\([0-9.]*\).*/\1/p' | head -1)
    kept=$(sed -n 's/.*kept the model of epoch \([0-9]*\).*/\1/p' "$log")
    echo "- $lang: test F1 $f1 (epoch $kept kept; $(wall "$log") s; peak RSS $(rss "$log") MB); command: ner-tag train ${opts[*]} -m $lang.model $lang=$lang.train" | tee -a "$report"
  done
fi

if [[ ${1:-} == lowresource ]]; then
  wikiann=${NER_DATA:-$root/../shared/data}/wikiann
  romanize=${NER_ROMANIZE:-$root/.build-nn/release/ner-romanize}
  [[ -x $romanize ]] || (cd "$root" && swift build -c release --scratch-path .build-nn --product ner-romanize)
  read -r -a linear_opts <<< "${LINEAR_OPTS:---c2 1 --max-iterations 100}"
  low_epochs=${LOW_EPOCHS:-30}
  low_seeds=${LOW_SEEDS:-1}
  # mean F1...: the mean, and the values when there are several.
  mean() { if (($# == 1)); then echo "$1"; else echo "$(printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.2f", s / NR }') ($*)"; fi; }
  first() { awk -v n="$1" 'BEGIN { RS = ""; ORS = "\n\n" } NR <= n' "$2"; }
  script_of() { case $1 in uk|ru) echo Cyrillic ;; mr|hi) echo Devanagari ;; ur|ar) echo Arabic ;; *) echo Latin ;; esac; }
  prepare() { if [[ $4 == 1 ]]; then first "$2" "$3" | "$romanize" --in-place --lang "$1" > "$5"; else first "$2" "$3" > "$5"; fi; }
  f1() { "$tag" -m "$1" "$2" | "$score" | awk '/^accuracy/ { print $NF }'; }
  {
    echo
    echo "## Low resource (WikiANN, Cotterell and Duh 2017 Table 2; F1 on the target's dev set)"
    echo
    echo "log-linear: ner-tag train ${linear_opts[*]} (+ --language-features when joint); neural: ner-tag train --kind neural --epochs $low_epochs $extra, seeds $low_seeds"
    echo
    echo "| target | source | log-linear alone | log-linear + source | neural alone | neural + source |"
    echo "|---|---|---:|---:|---:|---:|"
  } >> "$report"
  for pair in ${PAIRS:-uk:ru mr:hi mr:ur}; do
    t=${pair%%:*} s=${pair##*:}
    roman=0
    [[ $(script_of "$t") != $(script_of "$s") ]] && roman=1
    prepare "$t" 100 "$wikiann/$t.train" "$roman" "$out_dir/$t.100.conll"
    prepare "$s" 10000 "$wikiann/$s.train" "$roman" "$out_dir/$s.10000.conll"
    if [[ $roman == 1 ]]; then "$romanize" --in-place --lang "$t" "$wikiann/$t.dev" > "$out_dir/$t.dev.conll"; else cp "$wikiann/$t.dev" "$out_dir/$t.dev.conll"; fi
    pre=$out_dir/$t+$s
    "$tag" train -q "${linear_opts[@]}" -m "$pre.linear.alone.model" "$t=$out_dir/$t.100.conll"
    "$tag" train -q "${linear_opts[@]}" --language-features -m "$pre.linear.joint.model" "$t=$out_dir/$t.100.conll" "$s=$out_dir/$s.10000.conll"
    alone=() joint=()
    for seed in $low_seeds; do
      "$tag" train -q --kind neural --epochs "$low_epochs" --seed "$seed" $extra -m "$pre.neural.alone.model" "$t=$out_dir/$t.100.conll"
      alone+=("$(f1 "$pre.neural.alone.model" "$out_dir/$t.dev.conll")")
      echo "$t + $s seed $seed: neural alone ${alone[-1]}" >&2
    done
    for seed in ${LOW_SEEDS_JOINT:-$low_seeds}; do
      "$tag" train -q --kind neural --epochs "$low_epochs" --seed "$seed" $extra -m "$pre.neural.joint.model" "$t=$out_dir/$t.100.conll" "$s=$out_dir/$s.10000.conll"
      joint+=("$(f1 "$pre.neural.joint.model" "$out_dir/$t.dev.conll")")
      echo "$t + $s seed $seed: neural + source ${joint[-1]}" >&2
    done
    row="| $t | $s | $(f1 "$pre.linear.alone.model" "$out_dir/$t.dev.conll") | $(f1 "$pre.linear.joint.model" "$out_dir/$t.dev.conll") | $(mean "${alone[@]}") | $(mean "${joint[@]}") |"
    echo "$row" | tee -a "$report"
  done
fi
