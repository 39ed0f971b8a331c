#!/usr/bin/env bash
# bench/linearity.sh: every tool linear in its input on adversarial shapes (issue 17:
# "Every tool is linear in its input on adversarial shapes too").
#
#   bash bench/linearity.sh                  # 1, 2, 4, 8 MB of each shape
#   SIZES="1 2" SHAPES="dots han" bash bench/linearity.sh
#
# Each shape is generated at each size (MB = 2^20 bytes) into LIN_DIR (default
# /tmp/ner-linearity, never inside the repository) and fed to the tools it is meant for,
# output to /dev/null. Shapes:
#   dots        one line of periods                       ner-tokenize
#   dotspace    one line of ". " repeated                 ner-tokenize
#   longline    one line of words ("lorem ipsum ... ")    ner-tokenize
#   e-token     one CoNLL token of é                      ner-romanize, ner-tag (neural), ner-convert
#   han         one CoNLL token of Han characters         ner-romanize
#   deva        one CoNLL token of Devanagari             ner-romanize
#   mixed       one CoNLL token of Han and Cyrillic       ner-romanize
#   longsent    one CoNLL sentence of many tokens         ner-convert, ner-romanize, ner-tag (linear), ner-translate
#   tiny        many one-token CoNLL sentences            ner-convert, ner-romanize, ner-tag (linear), ner-translate, ner-score
#   tinyjsonl   many one-token JSONL records              ner-convert
# Reported per tool and shape: seconds at each size and seconds per MB; the last column
# is the seconds per MB at the largest size over that at the smallest (about 1 when
# linear; a quadratic tool doubles it with each doubling of the size).
#
# Environment: BIN (folder of release binaries; default: swift build -c release),
# SIZES ("1 2 4 8"), SHAPES (all), LIN_DIR, KEEP (1: keep the inputs), REPORT (default
# bench/out/linearity.md). Models: the test fixtures (Tests/CLITests/Fixtures/models).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
sizes=${SIZES:-1 2 4 8}
shapes=${SHAPES:-dots dotspace longline e-token han deva mixed longsent tiny tinyjsonl}
dir=${LIN_DIR:-/tmp/ner-linearity}
report=${REPORT:-$script_dir/out/linearity.md}
models=$root/Tests/CLITests/Fixtures/models

if [[ -z ${BIN:-} ]]; then
  (cd "$root" && swift build -c release >&2)
  BIN=$(cd "$root" && swift build -c release --show-bin-path)
fi
mkdir -p "$dir" "$(dirname "$report")"
printf 'a x\nb y\nword palabra\n' > "$dir/dict.txt"

# generate SHAPE MB FILE
generate() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys
shape, mb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = mb << 20
def fill(unit, suffix=""):
    u = unit.encode()
    return (u * (n // len(u) + 1))[: n - n % len(u)] + suffix.encode()
data = {
    "dots": lambda: fill(".", "\n"),
    "dotspace": lambda: fill(". ", "\n"),
    "longline": lambda: fill("lorem ipsum dolor sit amet, consectetur. ", "\n"),
    "e-token": lambda: fill("é", "\tO\n"),
    "han": lambda: fill("中文字", "\tO\n"),
    "deva": lambda: fill("नमस्ते", "\tO\n"),
    "mixed": lambda: fill("中д", "\tO\n"),
    "longsent": lambda: fill("word\tO\n", "\n"),
    "tiny": lambda: fill("a\tO\tO\n\n"),
    "tinyjsonl": lambda: fill('{"tokens":["a"],"tags":["O"]}\n'),
}[shape]()
open(path, "wb").write(data)
EOF
}

# The commands for a shape, one a line: "label<TAB>command" (the input file is "$f").
commands() {
  case $1 in
    dots | dotspace | longline) printf 'ner-tokenize\t%s\n' "$BIN/ner-tokenize" ;;
    e-token)
      printf 'ner-romanize\t%s\n' "$BIN/ner-romanize"
      printf 'ner-convert --to jsonl\t%s\n' "$BIN/ner-convert --to jsonl"
      printf 'ner-tag (neural)\t%s\n' "$BIN/ner-tag -m $models/neural.model" ;;
    han | deva | mixed) printf 'ner-romanize\t%s\n' "$BIN/ner-romanize" ;;
    longsent)
      printf 'ner-convert --to jsonl\t%s\n' "$BIN/ner-convert --to jsonl"
      printf 'ner-romanize\t%s\n' "$BIN/ner-romanize"
      printf 'ner-tag (linear)\t%s\n' "$BIN/ner-tag -m $models/linear.model"
      printf 'ner-translate\t%s\n' "$BIN/ner-translate --dictionary $dir/dict.txt" ;;
    tiny)
      printf 'ner-convert --to jsonl\t%s\n' "$BIN/ner-convert --to jsonl"
      printf 'ner-romanize\t%s\n' "$BIN/ner-romanize"
      printf 'ner-tag (linear)\t%s\n' "$BIN/ner-tag -m $models/linear.model"
      printf 'ner-translate\t%s\n' "$BIN/ner-translate --dictionary $dir/dict.txt"
      printf 'ner-score\t%s\n' "$BIN/ner-score" ;;
    tinyjsonl) printf 'ner-convert --to conll\t%s\n' "$BIN/ner-convert --to conll" ;;
  esac
}

# seconds COMMAND FILE: wall-clock seconds of COMMAND < FILE (output discarded), or
# "failed" (its message on stderr).
seconds() {
  local start end
  start=$(date +%s.%N)
  if ! $1 < "$2" > /dev/null; then
    echo failed
    return
  fi
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

{
  echo "# Linearity (bench/linearity.sh, $(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  header="| shape | tool |"
  rule="| --- | --- |"
  for s in $sizes; do header+=" $s MB s |"; rule+=" ---: |"; done
  for s in $sizes; do header+=" s/MB at $s |"; rule+=" ---: |"; done
  echo "$header ratio |"
  echo "$rule ---: |"
} | tee "$report"

for shape in $shapes; do
  for s in $sizes; do generate "$shape" "$s" "$dir/$shape.$s"; done
  while IFS=$'\t' read -r label command; do
    row="| $shape | $label |"
    per=()
    for s in $sizes; do
      t=$(seconds "$command" "$dir/$shape.$s")
      row+=" $t |"
      per+=("$(awk -v t="$t" -v s="$s" 'BEGIN { printf "%.3f", t / s }')")
    done
    for p in "${per[@]}"; do row+=" $p |"; done
    ratio=$(awk -v a="${per[0]}" -v b="${per[${#per[@]}-1]}" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')
    echo "$row $ratio |" | tee -a "$report"
  done < <(commands "$shape")
  [[ ${KEEP:-0} == 1 ]] || rm -f "$dir/$shape".*
done
[[ ${KEEP:-0} == 1 ]] || rm -f "$dir/dict.txt"
