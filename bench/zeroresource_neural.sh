#!/usr/bin/env bash
# bench/zeroresource_neural.sh: zero-resource neural transfer (issue 18), in the style
# of Table 4 of Bari, Joty and Jwalapuram (AAAI 2020).
#
#   bash bench/zeroresource_neural.sh            # every row, SEEDS, LANGS
#   bash bench/zeroresource_neural.sh table      # only the table of the runs done
#   bash bench/zeroresource_neural.sh sweep      # self-training options on nl, chosen
#                                                # on nl.dev (see below)
#
# English is CoNLL-2003 en.train; each target L (es, nl) is scored on CoNLL-2002 L.test
# (conlleval entity F1). No gold label of L is read: early stopping uses English dev
# (CoNLL-2003 en.dev, or its word-by-word translation for the translation rows), so
# every row is chosen on the source side (the self-training rows take no dev: they run
# their rounds and keep the last); unlabelled target text is L.train with its tag
# column cut off.
#   vectors      en.vec mapped into L.vec's space: ner-translate align, Procrustes on
#                the MUSE train dictionary (--rounds 1, the best mapping on the dev
#                dictionary, bench/align_unsupervised.sh).
#   nochar       Cross-Word without the character BiLSTM (--no-char-lstm).
#   word         Cross-Word: trained on en with the mapped English vectors, tagging L
#                zero-shot with L's vectors (both frozen; --lang L).
#   shared       Cross-Shared: Cross-Word with --share-directions.
#   augmented    Cross-Shared self-trained on the unlabelled L text (--start-model,
#                --unlabelled, ROUNDS rounds of ROUND_EPOCHS epochs): one network.
#   shared-enc   Cross-Shared with --language-encoders: each language has its own
#                sentence BiLSTM beside the shared one (L's a copy of en's until
#                self-training).
#   augmented-enc  Cross-Augmented as the paper's equation 7 has it: shared-enc
#                self-trained, the shared encoder learning from en and pseudo-labelled
#                L batches, L's own encoder from L's, the tag layer reading both.
#   translate    The same network trained on the word-by-word translation of en.train
#                into L (ner-translate with the mapped vectors; Xie et al. 2018's
#                route) with L's vectors.
#   translate+aug  The translate model self-trained as augmented is.
#   both         Both routes in one network: en.train with the mapped English vectors
#                and its translation into L with L's vectors (L's sentences in
#                language L), --share-directions; dev: en.dev.
#   both+aug     The both model self-trained as augmented is.
#   augmented+tok, translate+tok, both+tok  augmented, translate+aug and both+aug with
#                the self-training setting chosen on target dev (the sweep below, on nl.dev
#                and es.dev): --min-token-confidence 0.7 --no-length-threshold, the
#                pseudo-labels below 0.7 left free, every sentence a candidate.
#   shared-nodict  Cross-Shared with English vectors mapped with no dictionary at all:
#                ner-translate align --identical (the words spelled the same in both
#                vocabularies as the seed), the round kept on held-out seed words.
# sweep: from nl.both.SEED.model (SEED, default 1), self-training with the defaults and
# with --no-length-threshold, --min-confidence 0.9, --confidence entity
# --min-confidence 0.9, --pseudo-weight 2 --no-length-threshold, and with uncertain
# labels left free: --min-token-confidence 0.9 (tok9), the same with
# --no-length-threshold (tok9nolen) and 0.7 (tok7nolen); 6 rounds instead of 3 (r6,
# tok7nolen-r6; the last option given wins), a noisier student (--dropout 0.7 in the
# rounds instead of 0.5: drop7, tok7nolen-drop7); SWEEP names a subset, SWEEP_LANG another
# language than nl (its file: sweep.L.tsv); each scored on nl.dev
# (the choice: the paper's "tuned on target dev" setting) and on nl.test
# (bench/out/zeroresource_neural/sweep.tsv: name, seed, dev F1, test F1, seconds).
# Every neural run: --kind neural --lower --freeze-embeddings --epochs EPOCHS, patience
# 5 on dev, 2 threads, seed s for s in SEEDS.
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG, NER_SCORE,
# NER_TRANSLATE (prebuilt binaries; default swift build -c release), LANGS (default
# "es nl"), SEEDS (default "1 2 3"), ROWS (default all), EPOCHS (default 15), ROUNDS
# (default 3), ROUND_EPOCHS (default 5). Runs already in bench/out/zeroresource_neural/
# runs.tsv are not run again (delete it to start over). Output: the table on stdout
# and in bench/out/zeroresource_neural.md.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out=$script_dir/out/zeroresource_neural
report=$script_dir/out/zeroresource_neural.md
runs=$out/runs.tsv
langs=${LANGS:-"es nl"}
seeds=${SEEDS:-"1 2 3"}
rows=${ROWS:-"nochar word shared augmented translate translate+aug both both+aug shared-enc augmented-enc shared-nodict both+tok translate+tok augmented+tok"}
epochs=${EPOCHS:-15}
rounds=${ROUNDS:-3}
round_epochs=${ROUND_EPOCHS:-5}
out_dir=$out
source "$script_dir/lib.sh"
mkdir -p "$out"
touch "$runs"

if [[ ! -f $data/conll2003/en.train ]]; then
  echo "bench/zeroresource_neural.sh: no conll2003/en.train under $data; skipping."
  exit 0
fi

table() {
  {
    echo "# Zero-resource neural transfer (Bari et al. 2020, Table 4 style)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'). CoNLL-2003 en.train → CoNLL-2002 L.test, conlleval entity F1, mean ± sd over the seeds run"
    echo "(n), chosen on source dev (the +tok rows: their self-training setting chosen on target dev, see sweep); seconds are"
    echo "the mean wall-clock time of a run (2 threads)."
    echo
    echo "| row | es F1 | n | s | nl F1 | n | s |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for row in nochar word shared augmented augmented+tok translate translate+aug translate+tok both both+aug both+tok \
        shared-enc augmented-enc shared-nodict; do
      line="| $row"
      for l in es nl; do
        line+=$(awk -F'\t' -v r="$row" -v l="$l" '$1 == l && $2 == r { n++; s += $4; q += $4 * $4; t += $5 }
          END { if (n == 0) { printf " | - | 0 | -"; exit }
                m = s / n; v = n > 1 ? (q - n * m * m) / (n - 1) : 0
                if (n == 1) printf " | %.2f | %d | %.0f", m, n, t / n
                else printf " | %.2f ± %.2f | %d | %.0f", m, sqrt(v > 0 ? v : 0), n, t / n }' "$runs")
      done
      echo "$line |"
    done
  } | tee "$report"
}

if [[ ${1:-} == table ]]; then table; exit 0; fi

build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN; [[ -n $tag ]] || exit 1
build_tool ner-score "${NER_SCORE:-}"; score=$TOOL_BIN; [[ -n $score ]] || exit 1
build_tool ner-translate "${NER_TRANSLATE:-}"; translate=$TOOL_BIN; [[ -n $translate ]] || exit 1

en_train=$data/conll2003/en.train
en_dev=$data/conll2003/en.dev
neural=(--kind neural --lower --freeze-embeddings --epochs "$epochs" --threads 2)
self_train=(--rounds "$rounds" --round-epochs "$round_epochs")

# record L ROW SEED MODEL SECONDS: scores MODEL on L.test and appends the run.
record() {
  local f1
  f1=$("$tag" -m "$4" --lang "$1" "$data/conll2002/$1.test" | "$score" | awk '/^accuracy/ { print $NF }')
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$f1" "$5" >> "$runs"
  echo "$1 $2 seed $3: F1 $f1 ($5 s)" >&2
}
done_already() { awk -F'\t' -v l="$1" -v r="$2" -v s="$3" '$1 == l && $2 == r && $3 == s { f = 1 } END { exit !f }' "$runs"; }
# tok ROW: the self-training options of a +tok row (uncertain labels left free, every
# sentence a candidate: the setting nl.dev chose in the sweep).
tok() { [[ $1 == *+tok ]] && echo "--min-token-confidence 0.7 --no-length-threshold"; return 0; }
# train L ROW SEED ARGS...: trains (timed, log kept) and records the run.
train() {
  local l=$1 row=$2 seed=$3 start end
  shift 3
  done_already "$l" "$row" "$seed" && return 0
  start=$(date +%s)
  "$tag" train "${neural[@]}" --seed "$seed" -m "$out/$l.$row.$seed.model" "$@" 2> "$out/$l.$row.$seed.log"
  end=$(date +%s)
  record "$l" "$row" "$seed" "$out/$l.$row.$seed.model" $((end - start))
}

if [[ ${1:-} == sweep ]]; then
  seed=${SEED:-1} l=${SWEEP_LANG:-nl}
  start_model=$out/$l.both.$seed.model
  [[ -s $start_model ]] || { echo "bench/zeroresource_neural.sh sweep: run the both row of $l seed $seed first" >&2; exit 66; }
  # nl's runs keep their first names; another language's carry it.
  tag_l=""; [[ $l == nl ]] || tag_l=".$l"
  sweep=$out/sweep$tag_l.tsv
  touch "$sweep"
  for name in ${SWEEP:-defaults nolen conf9 ent9 w2nolen tok9 tok9nolen tok7nolen}; do
    awk -F'\t' -v n="$name" -v s="$seed" '$1 == n && $2 == s { f = 1 } END { exit !f }' "$sweep" && continue
    case $name in
      defaults) opts=() ;;
      nolen) opts=(--no-length-threshold) ;;
      conf9) opts=(--min-confidence 0.9) ;;
      ent9) opts=(--confidence entity --min-confidence 0.9) ;;
      w2nolen) opts=(--pseudo-weight 2 --no-length-threshold) ;;
      tok9) opts=(--min-token-confidence 0.9) ;;
      tok9nolen) opts=(--min-token-confidence 0.9 --no-length-threshold) ;;
      tok7nolen) opts=(--min-token-confidence 0.7 --no-length-threshold) ;;
      r6) opts=(--rounds 6) ;;
      tok7nolen-r6) opts=(--min-token-confidence 0.7 --no-length-threshold --rounds 6) ;;
      drop7) opts=(--dropout 0.7) ;;
      tok7nolen-drop7) opts=(--min-token-confidence 0.7 --no-length-threshold --dropout 0.7) ;;
      *) echo "bench/zeroresource_neural.sh sweep: unknown setting $name" >&2; exit 64 ;;
    esac
    model=$out/sweep$tag_l.$name.$seed.model
    start=$(date +%s)
    "$tag" train "${neural[@]}" --seed "$seed" --share-directions --start-model "$start_model" "${self_train[@]}" "${opts[@]}" \
      --unlabelled "$l=$out/$l.unlabelled.conll" --embeddings "en=$out/en-$l.vec" --embeddings "$l=$data/embeddings/$l.vec" \
      "en=$en_train" "$l=$out/translated.$l.train.conll" -m "$model" 2> "$out/sweep$tag_l.$name.$seed.log"
    end=$(date +%s)
    dev=$("$tag" -m "$model" --lang "$l" "$data/conll2002/$l.dev" | "$score" | awk '/^accuracy/ { print $NF }')
    test=$("$tag" -m "$model" --lang "$l" "$data/conll2002/$l.test" | "$score" | awk '/^accuracy/ { print $NF }')
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$seed" "$dev" "$test" $((end - start)) | tee -a "$sweep"
  done
  exit 0
fi

for l in $langs; do
  mapped=$out/en-$l.vec
  [[ -s $mapped ]] || "$translate" align -q --rounds 1 --source-embeddings "$data/embeddings/en.vec" \
    --target-embeddings "$data/embeddings/$l.vec" --dictionary "$data/dictionaries/en-$l.train.txt" --output "$mapped"
  identical=$out/en-$l.identical.vec
  [[ -s $identical ]] || "$translate" align -q --identical --source-embeddings "$data/embeddings/en.vec" \
    --target-embeddings "$data/embeddings/$l.vec" --output "$identical"
  unlabelled=$out/$l.unlabelled.conll
  [[ -s $unlabelled ]] || awk '{ print $1 }' "$data/conll2002/$l.train" > "$unlabelled"
  for split in train dev; do
    [[ -s $out/translated.$l.$split.conll ]] || "$translate" --dictionary "$data/dictionaries/en-$l.train.txt" \
      --source-embeddings "$mapped" --target-embeddings "$data/embeddings/$l.vec" \
      "$data/conll2003/en.$split" > "$out/translated.$l.$split.conll"
  done
  # The self-training rows take no dev: English dev (or its translation) would keep the
  # model least adapted to L, and L's own dev holds gold labels; they run their rounds
  # and keep the last.
  cross_data=(--embeddings "en=$mapped" --embeddings "$l=$data/embeddings/$l.vec" "en=$en_train")
  cross=(--dev "en=$en_dev" "${cross_data[@]}")
  trans_data=(--embeddings "$l=$data/embeddings/$l.vec" "$l=$out/translated.$l.train.conll")
  trans=(--dev "$l=$out/translated.$l.dev.conll" "${trans_data[@]}")
  both_data=("${cross_data[@]}" "$l=$out/translated.$l.train.conll")
  both=(--dev "en=$en_dev" "${both_data[@]}")
  for seed in $seeds; do
    for row in $rows; do
      case $row in
        nochar) train "$l" "$row" "$seed" --no-char-lstm "${cross[@]}" ;;
        word) train "$l" "$row" "$seed" "${cross[@]}" ;;
        shared) train "$l" "$row" "$seed" --share-directions "${cross[@]}" ;;
        augmented)
          train "$l" shared "$seed" --share-directions "${cross[@]}"
          train "$l" "$row" "$seed" --share-directions --start-model "$out/$l.shared.$seed.model" \
            "${self_train[@]}" --unlabelled "$l=$unlabelled" "${cross_data[@]}" ;;
        shared-enc) train "$l" "$row" "$seed" --share-directions --language-encoders "${cross[@]}" ;;
        shared-nodict) train "$l" "$row" "$seed" --share-directions --dev "en=$en_dev" --embeddings "en=$identical" \
          --embeddings "$l=$data/embeddings/$l.vec" "en=$en_train" ;;
        augmented-enc)
          train "$l" shared-enc "$seed" --share-directions --language-encoders "${cross[@]}"
          train "$l" "$row" "$seed" --share-directions --language-encoders --start-model "$out/$l.shared-enc.$seed.model" \
            "${self_train[@]}" --unlabelled "$l=$unlabelled" "${cross_data[@]}" ;;
        translate) train "$l" "$row" "$seed" "${trans[@]}" ;;
        translate+aug)
          train "$l" translate "$seed" "${trans[@]}"
          train "$l" "$row" "$seed" --start-model "$out/$l.translate.$seed.model" \
            "${self_train[@]}" --unlabelled "$l=$unlabelled" "${trans_data[@]}" ;;
        both) train "$l" "$row" "$seed" --share-directions "${both[@]}" ;;
        both+aug | both+tok)
          train "$l" both "$seed" --share-directions "${both[@]}"
          train "$l" "$row" "$seed" --share-directions --start-model "$out/$l.both.$seed.model" \
            "${self_train[@]}" $(tok "$row") --unlabelled "$l=$unlabelled" "${both_data[@]}" ;;
        augmented+tok)
          train "$l" shared "$seed" --share-directions "${cross[@]}"
          train "$l" "$row" "$seed" --share-directions --start-model "$out/$l.shared.$seed.model" \
            "${self_train[@]}" $(tok "$row") --unlabelled "$l=$unlabelled" "${cross_data[@]}" ;;
        translate+tok)
          train "$l" translate "$seed" "${trans[@]}"
          train "$l" "$row" "$seed" --start-model "$out/$l.translate.$seed.model" \
            "${self_train[@]}" $(tok "$row") --unlabelled "$l=$unlabelled" "${trans_data[@]}" ;;
        *) echo "bench/zeroresource_neural.sh: unknown row $row" >&2; exit 64 ;;
      esac
    done
  done
done
table
