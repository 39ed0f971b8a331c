#!/usr/bin/env bash
# bench/can.sh: converse attention transfer (issue 19; CAN, "Converse Attention Knowledge
# Transfer for Low-Resource Named Entity Recognition") built from the suite's own parts.
#
#   bash bench/can.sh            # every setting and row, SEEDS
#   bash bench/can.sh table      # only the table of the runs done
#   bash bench/can.sh cost       # the cost on es: 3 epochs of es.train with dev scoring,
#                                # then tagging es.test, alone and with CAN (both,
#                                # both+in+tokdrop, and rt+in, the row chosen on es), one
#                                # after the other (run the main part first, with the rt+
#                                # rows: it makes the English models, the mapped vectors
#                                # and the dictionary)
#
# A neural CRF of the low-resource language L, without and with the features of a frozen
# English neural model brought to L's words: each L sentence is translated word by word
# into English (ner-translate's translator: the L-en MUSE train dictionary, the mapped
# vectors choosing among translations), the English model's sentence BiLSTM runs over
# the translation, and T = A·R (A the attention between L's words and the English words,
# R the English states) joins L's own states under the tag layer.
#
# Settings (SETTINGS, default "es1k nl1k uk100 es nl"):
#   es, nl      CoNLL-2002 L.train (all of it), dev L.dev, figures on L.test; the English
#               model is trained on CoNLL-2003 en.train (dev en.dev).
#   es1k, nl1k  the first 1,000 sentences of L.train, otherwise the same.
#   uk100       the first 100 sentences of WikiANN uk.train; dev: its sentences 101-1,100
#               (no gold label of the scored set is read while training); figures on
#               WikiANN uk.dev; the English model is trained on WikiANN en.train.
# Rows (ROWS, default "base alignment embedding both both+drop both+tokdrop both+sentdrop
# both+in both+in+tokdrop both+in+sentdrop", the table's; both+scores and the rt+ rows
# run when named):
#   base        the neural CRF alone: --kind neural --lower --embeddings L=L.vec.
#   alignment   + --transfer-model EN --transfer-dictionary L-en.train.txt --attention
#               alignment: each word attends to the English words it became.
#   embedding   + --attention embedding: a_ij = softmax_j(cos(E(s_i), E(t_j))/0.1 - d_ij),
#               d_ij the distance of English word j from word i's translation, within 5.
#   both        alignment with the dictionary of both directions: the L-en train dictionary,
#               then the en-L train dictionary reversed (MUSE's L-en pairs lack frequent
#               words such as es "de", "la", "el", which en-L gives as translations of
#               "from", "the"): chosen on dev, where the English model's F1 on the
#               word-by-word translation of L.dev rises from 37.34 to 51.12 (es) and 47.50
#               to 61.93 (nl), and on uk100's dev from 26.76 to 32.33.
#   both+scores both, with --transfer-scores (the English tag scores after its states).
#   both+drop   both, with --transfer-dropout 0.5 (dropout on the English features while
#               training, as --dropout 0.5 does on the input).
#   both+tokdrop, both+sentdrop
#               both+drop with --transfer-dropout-unit token or sentence: half the tokens
#               (sentences) train without their English features, so the tagger's own
#               features cannot lean on them (modality dropout).
#   both+in, both+in+tokdrop, both+in+sentdrop
#               both, both+tokdrop and both+sentdrop with --transfer-into input: T enters
#               the sentence BiLSTM's input beside each word's own features instead of
#               joining its states.
#   rt+tokdrop, rt+in, rt+in+tokdrop, rt+in+sentdrop
#               both+tokdrop, both+in, both+in+tokdrop and both+in+sentdrop with an
#               English model that has also seen translationese: it trains on the English
#               training set plus its round trip through L (word by word into L with the
#               en-L train dictionary, the first translation listed, then back as CAN
#               translates: the both dictionary and the mapped vectors), the same options
#               otherwise.
# Both CAN rows take --source-embeddings L-en.vec (L.vec mapped into en.vec's space by
# Procrustes on the L-en train dictionary: ner-translate align --rounds 1) and
# --target-embeddings en.vec. Every run: 2 threads, --seed s for s in SEEDS, EPOCHS epochs
# (default 15; LOW_EPOCHS, default 30, for the low-resource settings), the epoch best on
# dev kept (no early stopping: --patience is the epoch count, since with patience 5 the
# noise of dev F1 from epoch to epoch stopped some runs at half their epochs, which
# decided the comparison more than the rows did). The English models: the same options
# with en=en.vec, seed 1, EPOCHS epochs.
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG, NER_SCORE,
# NER_TRANSLATE (prebuilt binaries; default swift build -c release), SETTINGS, ROWS, SEEDS
# (default "1 2 3"), EPOCHS, LOW_EPOCHS, EXTRA (more ner-tag train options for every run,
# e.g. the seed model's own configuration: "--layers 2 --hidden 200"). Runs already in
# bench/out/can/runs.tsv (setting, row, seed, test F1, training seconds, tagging tokens/s)
# are not run again (delete it to start over). Output: the table on stdout and in
# bench/out/can.md.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out=$script_dir/out/can
report=$script_dir/out/can.md
runs=$out/runs.tsv
settings=${SETTINGS:-"es1k nl1k uk100 es nl"}
rows=${ROWS:-"base alignment embedding both both+drop both+tokdrop both+sentdrop both+in both+in+tokdrop both+in+sentdrop"}
# Every row the script knows, in the table's order.
known_rows="base alignment embedding both both+scores both+drop both+tokdrop both+sentdrop both+in both+in+tokdrop both+in+sentdrop rt+tokdrop rt+in rt+in+tokdrop rt+in+sentdrop"
seeds=${SEEDS:-"1 2 3"}
epochs=${EPOCHS:-15}
low_epochs=${LOW_EPOCHS:-30}
read -r -a extra <<< "${EXTRA:-}"
out_dir=$out
source "$script_dir/lib.sh"
mkdir -p "$out"
touch "$runs"

if [[ ! -f $data/conll2002/es.train ]]; then
  echo "bench/can.sh: no conll2002/es.train under $data; skipping."
  exit 0
fi

table() {
  {
    echo "# Converse attention transfer (CAN)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'). Test F1 (conlleval; uk100: WikiANN uk.dev), mean ± sd over the seeds run (n);"
    echo "training seconds (wall clock, 2 threads) and tagging speed (tokens/s, one ner-tag process over the scored file) as means;"
    echo "dev: the mean of each run's best dev F1 (the epoch kept), from its log."
    echo
    echo "| setting | row | F1 | n | gain | dev | train s | tag tokens/s |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    for s in es1k nl1k uk100 es nl; do
      for row in $known_rows; do
        awk -F'\t' -v s="$s" -v r="$row" -v dir="$out" '
          function dev(file,   line, best, f) {
            best = -1
            while ((getline line < file) > 0) if (match(line, /dev F1 [0-9.]+/)) { f = substr(line, RSTART + 7, RLENGTH - 7) + 0; if (f > best) best = f }
            close(file)
            return best
          }
          $1 == s && $2 == "base" { bn++; bs += $4 }
          $1 == s && $2 == r { n++; f += $4; q += $4 * $4; t += $5; k += $6; d = dev(dir "/" s "." r "." $3 ".log"); if (d >= 0) { dn++; ds += d } }
          END { if (n == 0) exit
                m = f / n; v = n > 1 ? (q - n * m * m) / (n - 1) : 0
                g = (r != "base" && bn > 0) ? sprintf("%+.2f", m - bs / bn) : ""
                dv = dn > 0 ? sprintf("%.2f", ds / dn) : "-"
                printf "| %s | %s | %.2f ± %.2f | %d | %s | %s | %.0f | %.0f |\n", s, r, m, sqrt(v > 0 ? v : 0), n, g, dv, t / n, k / n }' "$runs"
      done
    done
  } | tee "$report"
}

if [[ ${1:-} == table ]]; then table; exit 0; fi

build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN; [[ -n $tag ]] || exit 1
build_tool ner-score "${NER_SCORE:-}"; score=$TOOL_BIN; [[ -n $score ]] || exit 1
build_tool ner-translate "${NER_TRANSLATE:-}"; translate=$TOOL_BIN; [[ -n $translate ]] || exit 1

vec=$data/embeddings

# transfer_options ROW: the ner-tag options of ROW into can (none for base), for the
# language l with its English model en_model, both dictionary and mapped vectors.
transfer_options() {
  local row=$1 english=$out/$en_model.model dictionary=$both attention=alignment
  [[ " $known_rows " == *" $row "* ]] || { echo "bench/can.sh: unknown row $row" >&2; exit 64; }
  can=()
  case $row in
    base) return 0 ;;
    alignment | embedding) dictionary=$data/dictionaries/$l-en.train.txt attention=$row ;;
    rt+*) english=$out/$en_model-rt-$l.model ;;
  esac
  can=(--transfer-model "$english" --transfer-dictionary "$dictionary" --attention "$attention"
    --source-embeddings "$mapped" --target-embeddings "$vec/en.vec")
  [[ $row == *+in || $row == *+in+* ]] && can+=(--transfer-into input)
  case $row in
    *+scores) can+=(--transfer-scores) ;;
    *+drop) can+=(--transfer-dropout 0.5) ;;
    *+tokdrop) can+=(--transfer-dropout 0.5 --transfer-dropout-unit token) ;;
    *+sentdrop) can+=(--transfer-dropout 0.5 --transfer-dropout-unit sentence) ;;
  esac
  return 0
}

if [[ ${1:-} == cost ]]; then
  l=es en_model=en-conll both=$out/es-en.both.txt mapped=$out/es-en.vec
  for row in base both both+in+tokdrop rt+in; do
    transfer_options "$row"
    start=$(date +%s.%N)
    "$tag" train -q --kind neural --lower --threads 2 --seed 1 --epochs 3 --patience 3 "${can[@]}" \
      --embeddings "es=$vec/es.vec" --dev "es=$data/conll2002/es.dev" -m "$out/cost.$row.model" "es=$data/conll2002/es.train"
    mid=$(date +%s.%N)
    "$tag" -m "$out/cost.$row.model" --lang es "$data/conll2002/es.test" > /dev/null
    end=$(date +%s.%N)
    echo "$row: training 3 epochs $(echo "$mid - $start" | bc) s; tagging es.test (51,533 tokens) $(echo "51533 / ($end - $mid)" | bc) tokens/s"
  done
  exit 0
fi
# english NAME TRAIN DEV: the frozen English model of a setting.
english() {
  [[ -s $out/$1.model ]] && return 0
  "$tag" train --kind neural --lower --threads 2 --seed 1 --epochs "$epochs" "${extra[@]}" \
    --embeddings "en=$vec/en.vec" --dev "en=$3" -m "$out/$1.model" "en=$2" 2> "$out/$1.log"
}
# first N FROM FILE: sentences FROM..FROM+N-1 (counting from 1) of a CoNLL file.
first() {
  awk -v n="$1" -v from="$2" 'BEGIN { RS = ""; ORS = "\n\n" } NR >= from && NR < from + n' "$3"
}
done_already() { awk -F'\t' -v s="$1" -v r="$2" -v e="$3" '$1 == s && $2 == r && $3 == e { f = 1 } END { exit !f }' "$runs"; }

for s in $settings; do
  case $s in
    es | nl) l=$s; train=$data/conll2002/$l.train; dev=$data/conll2002/$l.dev; test=$data/conll2002/$l.test
      en_model=en-conll; max_epochs=$epochs ;;
    es1k | nl1k) l=${s%1k}; train=$out/$s.train; dev=$data/conll2002/$l.dev; test=$data/conll2002/$l.test
      [[ -s $train ]] || first 1000 1 "$data/conll2002/$l.train" > "$train"
      en_model=en-conll; max_epochs=$low_epochs ;;
    uk100) l=uk; train=$out/uk100.train; dev=$out/uk100.dev; test=$data/wikiann/uk.dev
      [[ -s $train ]] || first 100 1 "$data/wikiann/uk.train" > "$train"
      [[ -s $dev ]] || first 1000 101 "$data/wikiann/uk.train" > "$dev"
      en_model=en-wikiann; max_epochs=$low_epochs ;;
    *) echo "bench/can.sh: unknown setting $s" >&2; exit 64 ;;
  esac
  case $en_model in
    en-conll) en_train=$data/conll2003/en.train; en_dev=$data/conll2003/en.dev ;;
    en-wikiann) en_train=$data/wikiann/en.train; en_dev=$data/wikiann/en.dev ;;
  esac
  english "$en_model" "$en_train" "$en_dev"
  both=$out/$l-en.both.txt
  [[ -s $both ]] || { cat "$data/dictionaries/$l-en.train.txt"; awk 'NF == 2 { print $2, $1 }' "$data/dictionaries/en-$l.train.txt"; } > "$both"
  mapped=$out/$l-en.vec
  [[ -s $mapped ]] || "$translate" align -q --rounds 1 --source-embeddings "$vec/$l.vec" \
    --target-embeddings "$vec/en.vec" --dictionary "$data/dictionaries/$l-en.train.txt" --output "$mapped"
  # The round-trip English model (the rt+ rows), only when a row needs it.
  if [[ " $rows " == *" rt+"* ]] && [[ ! -s $out/$en_model-rt-$l.model ]]; then
    [[ -s $out/$en_model-rt-$l.train ]] || {
      cat "$en_train"
      [[ -z $(tail -n 1 "$en_train") ]] || echo # WikiANN's files end without a blank line
      "$translate" --dictionary "$data/dictionaries/en-$l.train.txt" "$en_train" |
        "$translate" --dictionary "$both" --source-embeddings "$mapped" --target-embeddings "$vec/en.vec"
    } > "$out/$en_model-rt-$l.train"
    english "$en_model-rt-$l" "$out/$en_model-rt-$l.train" "$en_dev"
  fi
  tokens=$(awk 'NF > 0 && $1 != "-DOCSTART-"' "$test" | wc -l)
  for seed in $seeds; do
    for row in $rows; do
      done_already "$s" "$row" "$seed" && continue
      transfer_options "$row"
      model=$out/$s.$row.$seed.model
      start=$(date +%s.%N)
      "$tag" train --kind neural --lower --threads 2 --seed "$seed" --epochs "$max_epochs" --patience "$max_epochs" "${extra[@]}" "${can[@]}" \
        --embeddings "$l=$vec/$l.vec" --dev "$l=$dev" -m "$model" "$l=$train" 2> "$out/$s.$row.$seed.log"
      mid=$(date +%s.%N)
      "$tag" -m "$model" --lang "$l" "$test" > "$out/$s.$row.$seed.pred"
      end=$(date +%s.%N)
      f1=$("$score" < "$out/$s.$row.$seed.pred" | awk '/^accuracy/ { print $NF }')
      secs=$(echo "$mid - $start" | bc)
      rate=$(echo "$tokens / ($end - $mid)" | bc)
      printf '%s\t%s\t%s\t%s\t%.1f\t%s\n' "$s" "$row" "$seed" "$f1" "$secs" "$rate" >> "$runs"
      echo "$s $row seed $seed: F1 $f1 (train $secs s, tag $rate tokens/s)" >&2
    done
  done
done
table
