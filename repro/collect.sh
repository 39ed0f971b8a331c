#!/usr/bin/env bash
# repro/collect.sh BENCH_OUT: one markdown table of every figure the README reports,
# read from the benchmarks' reports (bench/out/*.md), each row with the date its
# benchmark wrote (the report's own date, else the file's modification time). A
# report that is missing gives a "pending" row naming the make target that makes it.
# Writes to stdout; repro/Makefile puts it in repro/out/figures.md.
#
# repro/collect.sh --readme REPORTS README: puts the table's rows between README's
# lines `<!-- figures: make -C repro figures -->` and `<!-- /figures -->`, so that the
# table there is generated, never copied by hand.
set -euo pipefail

if [[ ${1:-} == --readme ]]; then
  reports=${2:?usage: collect.sh --readme REPORTS README} readme=${3:?usage: collect.sh --readme REPORTS README}
  grep -qx '<!-- figures: make -C repro figures -->' "$readme" && grep -qx '<!-- /figures -->' "$readme" \
    || { echo "collect.sh: $readme lacks the <!-- figures... --> and <!-- /figures --> lines" >&2; exit 1; }
  table=$(bash "${BASH_SOURCE[0]}" "$reports" | grep '^|')
  TABLE=$table awk '
    $0 == "<!-- /figures -->" { print ENVIRON["TABLE"]; skip = 0 }
    !skip { print }
    $0 == "<!-- figures: make -C repro figures -->" { skip = 1 }' "$readme" > "$readme.tmp"
  mv "$readme.tmp" "$readme"
  exit 0
fi

out=${1:?usage: collect.sh BENCH_OUT}

# when FILE: the first "YYYY-MM-DD[ HH:MM UTC]" in FILE, else its modification time.
when() {
  local d
  d=$(grep -o -m1 -E '[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2} UTC)?' "$1" || true)
  [[ -n $d ]] || d="$(date -u -r "$1" '+%Y-%m-%d %H:%M UTC') (file time)"
  echo "$d"
}
# row AREA FIGURE VALUE REFERENCE WHEN SCRIPT
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }
# pending AREA FIGURE REFERENCE TARGET: no report yet; TARGET is the make target that
# writes it, or a sentence when there is none.
pending() {
  local how=$4
  [[ $how == *" "* ]] || how="\`make -C repro $how\`"
  row "$1" "$2" "pending" "$3" "-" "$how"
}
# cells LINE: the cells of a markdown table row, one per line, trimmed.
cells() { awk -F'|' '{ for (i = 2; i < NF; i++) { gsub(/^ +| +$/, "", $i); print $i } }' <<< "$1"; }

echo "# ner-tools: every figure the README reports"
echo
echo "Collected $(date -u '+%Y-%m-%d %H:%M UTC') from $(cd "$out" 2> /dev/null && pwd || echo "$out")/*.md by repro/collect.sh;"
echo "each row gives the date its benchmark ran. Machine: $(uname -m), $(nproc) cores."
echo
echo "| area | figure | ner-tools | reference / target | measured | from |"
echo "|---|---|---:|---|---|---|"

# --- Accuracy: CoNLL-2002, linear CRF -----------------------------------------------
f=$out/crf_accuracy.md
for l in es nl; do
  line=$( [[ -f $f ]] && grep -E "^\| $l \|" "$f" || true)
  if [[ -n $line ]]; then
    mapfile -t c < <(cells "$line")
    row "accuracy" "CoNLL-2002 $l test F1, linear CRF (built-in features, c1 = c2 = 0.1, 100 iterations)" \
      "${c[1]}" "target ${c[2]} (${c[3]}); training ${c[4]} s, peak RSS ${c[5]} MB" "$(when "$f")" "bench/crf_accuracy.sh"
  else
    pending "accuracy" "CoNLL-2002 $l test F1, linear CRF" "target $([[ $l == es ]] && echo 80.0 || echo 75.0)" crf-accuracy
  fi
done

# --- Accuracy and speed: neural CRF --------------------------------------------------
# repro keeps each mode's report of bench/neural.sh (which rewrites neural.md) apart.
f=$out/neural_accuracy.md
[[ -f $f ]] || f=$out/neural.md
for l in es nl; do
  line=$( [[ -f $f ]] && grep -E "^- $l: test F1" "$f" || true)
  if [[ -n $line ]]; then
    f1=$(sed -E 's/^- [a-z]+: test F1 ([0-9.]+).*/\1/' <<< "$line")
    note=$(sed -E 's/^- [a-z]+: test F1 [0-9.]+ \(([^)]*)\).*/\1/' <<< "$line")
    row "accuracy" "CoNLL-2002 $l test F1, neural CRF (character BiLSTM-CRF; options in the command)" \
      "$f1" "Lample et al. 2016 (with embeddings): $([[ $l == es ]] && echo 85.75 || echo 81.74); $note" "$(when "$f")" "bench/neural.sh accuracy"
  else
    pending "accuracy" "CoNLL-2002 $l test F1, neural CRF" "Lample et al. 2016: $([[ $l == es ]] && echo 85.75 || echo 81.74)" neural
  fi
done
line=$( [[ -f $f ]] && grep -E '^- one epoch:' "$f" || true)
if [[ -n $line ]]; then
  row "speed" "neural CRF, one epoch on es.train (2 threads)" "$(sed -E 's/^- one epoch: ([0-9.]+) s.*/\1/' <<< "$line") s" \
    "target <= 90 s; $(sed -E 's/.*(peak RSS [0-9]+ MB).*/\1/' <<< "$line")" "$(when "$f")" "bench/neural.sh"
else
  pending "speed" "neural CRF, one epoch on es.train" "target <= 90 s" neural
fi
line=$( [[ -f $f ]] && grep -E '^- tagging es.train' "$f" || true)
if [[ -n $line ]]; then
  row "speed" "neural CRF, tagging es.train" "$(sed -E 's/.* ([0-9]+) tokens\/s.*/\1/' <<< "$line") tokens/s" \
    "target >= 20000; $(sed -E 's/.*(peak RSS [0-9]+ MB).*/\1/' <<< "$line")" "$(when "$f")" "bench/neural.sh"
else
  pending "speed" "neural CRF, tagging es.train" "target >= 20000 tokens/s" neural
fi

# --- Low-resource transfer (WikiANN) ---------------------------------------------------
f=$out/lowresource.md
for pair in uk:ru mr:hi mr:ur; do
  t=${pair%%:*} s=${pair##*:}
  line=$( [[ -f $f ]] && grep -E "^\| $t \| $s \|" "$f" || true)
  if [[ -n $line ]]; then
    mapfile -t c < <(cells "$line")
    rom=$([[ ${c[4]} == yes ]] && echo ", both romanized" || true)
    row "low-resource" "WikiANN $t dev F1: ${c[2]} $t sentences alone → with ${c[3]} $s$rom, log-linear CRF" \
      "${c[5]} → ${c[6]} (${c[7]})" "target gain +5 (${c[8]})" "$(when "$f")" "bench/lowresource.sh"
  else
    pending "low-resource" "WikiANN $t dev F1: $t alone → with $s, log-linear CRF" "target gain +5" lowresource
  fi
done
f=$out/neural_lowresource.md
[[ -f $f ]] || f=$out/neural.md
for pair in uk:ru mr:hi mr:ur; do
  t=${pair%%:*} s=${pair##*:}
  line=$( [[ -f $f ]] && grep -E "^\| $t \| $s \|" "$f" || true)
  if [[ -n $line ]]; then
    mapfile -t c < <(cells "$line")
    gain=$(awk -v a="${c[4]}" -v b="${c[5]}" 'BEGIN { printf "%+.2f", b - a }')
    row "low-resource" "WikiANN $t dev F1: 100 $t sentences alone → with $s, neural CRF" \
      "${c[4]} → ${c[5]} ($gain)" "log-linear in the same run: ${c[2]} → ${c[3]}" "$(when "$f")" "bench/neural.sh lowresource"
  else
    pending "low-resource" "WikiANN $t dev F1: $t alone → with $s, neural CRF" "Cotterell and Duh 2017, neural column" neural-lowresource
  fi
done

# --- Zero-resource transfer by translation --------------------------------------------
f=$out/zeroresource.md
for l in es nl; do
  line=$( [[ -f $f ]] && grep -E "^\| en → $l \|" "$f" || true)
  if [[ -n $line ]]; then
    mapfile -t c < <(cells "$line")
    row "zero-resource" "en → $l: CoNLL-2003 en.train translated word by word (two translations of each sentence: embedding choice and first listed), CoNLL-2002 $l test F1" \
      "${c[1]}" "Mayhew et al. 2017: ${c[7]}; target ${c[8]}; one translation (embedding choice) ${c[2]}, and its ablations: first translation ${c[3]}, no case restoration ${c[4]}, romanized ${c[5]}; with self-training on unlabelled $l text ${c[6]}" \
      "$(when "$f")" "bench/zeroresource.sh"
  else
    pending "zero-resource" "en → $l: CoNLL-2003 translated, CoNLL-2002 $l test F1" "Mayhew et al. 2017: $([[ $l == es ]] && echo 51.82 || echo 53.94)" zeroresource
  fi
done

# --- Speed against the peers -----------------------------------------------------------
f=$out/score.md
if [[ -f $f ]]; then
  rate=$(grep -E '^\| ner-score \|' "$f" | head -1 | awk -F'|' '{ gsub(/ /, "", $4); print $4 }')
  for peer in conlleval.pl seqeval; do
    line=$(grep -E "^- ner-score vs $peer:" "$f" || true)
    if [[ -n $line ]]; then
      row "speed" "ner-score vs $peer, 1 M tokens (whole processes)" "$(sed -E 's/.*: ([0-9.]+x).*/\1/' <<< "$line") faster" \
        "$(sed -E 's/.*\((target[^)]*)\).*/\1/' <<< "$line"); ner-score $rate tokens/s" "$(when "$f")" "bench/score.sh"
    else
      pending "speed" "ner-score vs $peer" "set CONLLEVAL=/path/to/conlleval.pl for conlleval.pl" score
    fi
  done
  line=$(grep -E '^- ner-score output byte-identical' "$f" || true)
  [[ -n $line ]] && row "speed" "ner-score output byte-identical to conlleval.pl" "${line##*: }" "" "$(when "$f")" "bench/score.sh"
else
  pending "speed" "ner-score vs conlleval.pl and seqeval" "targets 50x, 200x" score
fi

f=$out/tokenize.md
if [[ -f $f ]]; then
  while IFS= read -r line; do
    what=$(sed -E 's/^- (.*) vs sacremoses:.*/\1/' <<< "$line")
    row "speed" "\`$what\` vs sacremoses, CoNLL-2002 es.train as raw text" "$(sed -E 's/.*sacremoses: ([0-9.]+x).*/\1/' <<< "$line") faster" \
      "$(sed -E 's/.*\((target[^)]*)\).*/\1/' <<< "$line")$(grep -q 'without start-up' <<< "$line" && sed -E 's/.*(without start-up: [0-9.]+x).*/; \1/' <<< "$line")" \
      "$(when "$f")" "bench/tokenize.sh"
  done < <(grep -E '^- .* vs sacremoses:' "$f")
else
  pending "speed" "ner-tokenize vs sacremoses" "target 20x" tokenize
fi

f=$out/romanize.md
if [[ -f $f ]]; then
  # The headline: all languages in one process a tool (uroman's start-up counted once);
  # reports written before that row existed give the per-language sum, said so.
  one=$(grep -E '^\| one process \|' "$f" || true)
  mapfile -t t < <(cells "$(grep -E '^\| total \|' "$f")")
  per=$(grep -E '^\| [a-z]{2} \|' "$f" | awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $9); printf "%s%s %s", (n++ ? ", " : ""), $2, $9 }')
  if [[ -n $one ]]; then
    mapfile -t c < <(cells "$one")
    row "speed" "ner-romanize vs uroman, 2,000 WikiANN sentences each of uk ru hi mr ar bn ur, one process a tool" "${c[7]} faster" \
      "target 50x (${c[8]}); started once per language (uroman's start-up counted 7 times): ${t[7]}, $per; against uroman's in-process speed ${c[9]}" "$(when "$f")" "bench/romanize.sh"
  else
    row "speed" "ner-romanize vs uroman, 2,000 WikiANN sentences each of uk ru hi mr ar bn ur, one process a language (uroman's start-up counted 7 times)" "${t[7]} faster" \
      "target 50x (${t[8]}); $per; against uroman's in-process speed ${t[9]}" "$(when "$f")" "bench/romanize.sh"
  fi
else
  pending "speed" "ner-romanize vs uroman" "target 50x" romanize
fi

f=$out/crf.md
if [[ -f $f ]]; then
  for who in "CRFsuite (python-crfsuite)" "ner-tag --threads 1" "ner-tag --threads 2"; do
    line=$(grep -F "| $who |" "$f" || true)
    [[ -n $line ]] || continue
    mapfile -t c < <(cells "$line")
    row "speed" "CRF training on es.train (CRFsuite attributes, 100 iterations): $who" \
      "F1 ${c[1]}, $(printf '%.0f' "${c[2]}") s" "peak RSS ${c[4]} MB${c[5]:+; tagging es.test ${c[5]%% (*} s}" "$(when "$f")" "bench/crf.sh"
  done
  while IFS= read -r line; do
    line=${line#- }
    row "speed" "ner-tag vs CRFsuite: ${line%%:*}" "$(sed -E 's/^[^:]*: ([0-9.]+).*/\1/' <<< "$line")" \
      "$(sed -E 's/.*\((target[^)]*)\).*/\1/' <<< "$line")" "$(when "$f")" "bench/crf.sh"
  done < <(grep -E '^- (training time|tagging time|peak memory|F1 difference)' "$f")
else
  pending "speed" "ner-tag vs CRFsuite (training, tagging, memory)" "training <= 1x (1 thread), <= 0.6x (2 threads)" crf
fi

# --- Agreement --------------------------------------------------------------------------
f=$out/tokenize_agreement.md
if [[ -f $f ]]; then
  for who in ner-tokenize sacremoses; do
    line=$(grep -E "^\| $who \|" "$f" | head -1)
    mapfile -t c < <(cells "$line")
    row "agreement" "$who: CoNLL-2002 es.train gold tokens found by exact span" "${c[1]##*= }" "precision ${c[2]}, F1 ${c[3]}" "$(when "$f")" "bench/tokenize_agreement.py"
  done
else
  pending "agreement" "ner-tokenize recall of CoNLL-2002 es gold tokens" "sacremoses" tokenize-agreement
fi

f=$out/romanize_agreement.md
if [[ -f $f ]]; then
  ours=$(grep -E '^\| [a-z]{2,3} \|' "$f" | awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $5); printf "%s%s %s", (n++ ? ", " : ""), $2, $5 }')
  gen=$(grep -E '^\| [a-z]{2,3} \|' "$f" | awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $7); printf "%s%s %s", (n++ ? ", " : ""), $2, $7 }')
  icu=$(grep -E '^\| [a-z]{2,3} \|' "$f" | awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $8); printf "%s%s %s", (n++ ? ", " : ""), $2, $8 }')
  row "agreement" "ner-romanize --lang vs uroman on WikiANN entity tokens (1 − normalized edit distance)" "$ours" \
    "no language: $gen; plain ICU: $icu" "$(when "$f")" "bench/romanize_agreement.py"
else
  pending "agreement" "ner-romanize vs uroman on WikiANN entity tokens" "plain ICU Any-Latin; Latin-ASCII" romanize-agreement
fi

# --- Zero-resource neural transfer ----------------------------------------------------
f=$out/zeroresource_neural.md
for l in es nl; do
  # cell ROW: "F1 (n seeds)" of the row for $l, from the report's table.
  cell() {
    local line
    line=$(grep -E "^\| $1 \|" "$f" || true)
    [[ -n $line ]] || { echo "-"; return; }
    mapfile -t c < <(cells "$line")
    if [[ $l == es ]]; then echo "${c[1]} (n=${c[2]})"; else echo "${c[4]} (n=${c[5]})"; fi
  }
  if [[ -f $f ]] && grep -qE '^\| both\+aug \|' "$f"; then
    row "zero-resource" "en → $l, neural CRF: English (mapped vectors) and its word-by-word translation in one network, plus augmented fine-tuning, CoNLL-2002 $l test F1" \
      "$(cell 'both\+aug')" "target $([[ $l == es ]] && echo 56.0 || echo 60.0); Bari et al. 2020: $([[ $l == es ]] && echo 75.93 || echo 74.61); Cross-Word $(cell word), Cross-Shared $(cell shared), Cross-Augmented $(cell augmented), with own encoders $(cell augmented-enc), translation $(cell translate), translation + augmented $(cell 'translate\+aug'); with the self-training setting chosen on target dev (uncertain labels left free): $(cell 'both\+tok'), Cross-Augmented with it $(cell 'augmented\+tok')" \
      "$(when "$f")" "bench/zeroresource_neural.sh"
  else
    pending "zero-resource" "en → $l, neural CRF: English and its translation in one network, plus augmented fine-tuning, CoNLL-2002 $l test F1" "target $([[ $l == es ]] && echo 56.0 || echo 60.0)" zeroresource-neural
  fi
done

# --- Converse attention transfer (CAN) -----------------------------------------------------
f=$out/can.md
for s in es nl es1k nl1k uk100; do
  case $s in
    es | nl) what="CoNLL-2002 $s, all of $s.train"; target="+1.0 F1 (the paper: +1.74 es)" ;;
    es1k | nl1k) what="CoNLL-2002 ${s%1k}, the first 1,000 sentences of ${s%1k}.train"; target="+3.0 F1" ;;
    uk100) what="WikiANN uk, the first 100 sentences of uk.train (F1 on uk.dev)"; target="+3.0 F1" ;;
  esac
  # cell ROW: the row's F1 ± sd (n), its gain over base, its training seconds and tagging speed.
  cell() { grep -E "^\| $s \| $1 \|" "$f" || true; }
  if [[ -f $f ]] && [[ -n $(cell base) ]]; then
    mapfile -t b < <(cells "$(cell base)")
    best="" best_dev="" detail="neural CRF alone ${b[2]} (n=${b[3]}, dev ${b[5]}, ${b[6]} s to train)"
    # Every CAN row of the setting, in the table's order.
    while IFS= read -r line; do
      mapfile -t c < <(cells "$line")
      name=${c[1]}
      [[ $name != base ]] || continue
      detail+="; $name ${c[2]} (n=${c[3]}, ${c[4]}, dev ${c[5]}, ${c[6]} s, ${c[7]} tokens/s tagging)"
      # The figure is the CAN row with the best mean dev F1 among those run with as many
      # seeds as the base row, never the best on test.
      if [[ ${c[3]} -ge ${b[3]} && ${c[5]} != - ]] && { [[ -z $best_dev ]] || awk -v a="${c[5]}" -v b="$best_dev" 'BEGIN { exit !(a > b) }'; }; then
        best="${c[4]} ($name, chosen on dev)" best_dev=${c[5]}
      fi
    done < <(grep -E "^\| $s \|" "$f")
    row "CAN" "$what: F1 gain of converse attention transfer from a frozen English neural model" "${best:--}" "target $target; $detail" "$(when "$f")" "bench/can.sh"
  else
    pending "CAN" "$what: F1 gain of converse attention transfer from a frozen English neural model" "target $target" can
  fi
done

# --- Scale --------------------------------------------------------------------------------
found=0
for f in "$out/scale-2gb.md" "$out/scale.md"; do
  [[ -f $f ]] || continue
  found=1
  model=$(sed -n 's/.*; model: \(.*\) on [^ ]*\. Output to.*/\1/p' "$f" | head -1)
  while IFS= read -r line; do
    mapfile -t c < <(cells "$line")
    row "scale" "${c[0]} on ${c[1]} of CoNLL (${c[2]} tokens, ${c[7]} cores; model: $model)" "${c[5]} tokens/s/core" \
      "peak RSS ${c[8]} MB; ${c[6]} tokens per CPU-second; ${c[3]} s" "$(when "$f")" "bench/scale.sh"
  done < <(grep -E '^\| `ner-' "$f")
done
if ((found == 0)); then
  pending "scale" "ner-tag on a 2 GB CoNLL file: peak RSS, tokens/s/core" "memory flat" scale
fi
