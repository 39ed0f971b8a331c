#!/usr/bin/env bash
# bench/score.sh: throughput of `ner-score` against conlleval.pl and seqeval,
# side by side in one run, on the same 1,000,000-token file.
#
#   bash bench/score.sh
#
# Environment (all optional):
#   NER_DATA      corpora folder (default: <repo root>/../shared/data); if it is
#                 missing the benchmark is skipped and the script exits 0
#   NER_SCORE     a prebuilt ner-score binary (default: swift build -c release)
#   CONLLEVAL     path to conlleval.pl (skipped with a message when unset)
#   RUNS_NER      timed runs of ner-score                   (default 10)
#   RUNS_REF      timed runs of conlleval.pl and of seqeval (default 3)
#   BENCH_TOKENS  token lines in the generated file         (default 1000000)
#   NO_HYPERFINE  set to 1 to time with the plain bash loop even if hyperfine
#                 is installed
#
# Each tool is timed as a whole process (start-up, reading, scoring, writing)
# with stdin from the file and stdout to a file; the reported time is the
# median of the runs (hyperfine's median when hyperfine is installed).
#
# Output: a table on stdout, and the same as markdown in bench/out/score.md.
# Exit status: 0 when everything that ran went well (targets missed are
# reported, not fatal) or when the data is absent; 1 when ner-score could not
# be built or run, or when its output is not byte-identical to conlleval.pl's.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out_dir=$script_dir/out/score          # scratch; bench/out/ is git-ignored
report=$script_dir/out/score.md
tokens=${BENCH_TOKENS:-1000000}
runs_ner=${RUNS_NER:-10}
runs_ref=${RUNS_REF:-3}

# Throughput targets: ner-score must be at least this many times faster.
target_conlleval=50
target_seqeval=200

status=0  # final exit status; set to 1 by a fatal-but-keep-going problem

# ---------------------------------------------------------------------------
# 1. Data: es.train repeated to exactly $tokens token lines, "token gold guess"
# ---------------------------------------------------------------------------
src=$data/conll2002/es.train
if [[ ! -d $data ]]; then
  echo "bench/score.sh: no corpus folder at $data (set NER_DATA); skipping the benchmark."
  exit 0
fi
if [[ ! -f $src ]]; then
  echo "bench/score.sh: $src not found; skipping the benchmark."
  exit 0
fi

mkdir -p "$out_dir"
input=$out_dir/es-train-${tokens}.conll

# The guess column is a deterministic perturbation of gold, counted over the
# whole generated file, chosen so that the scores look like a real tagger's
# (conlleval on the 1M-token file: precision 84.17%, recall 89.70%, FB1 86.85):
#   - every 17th non-O token: guess O            (misses, broken chunks)
#   - every 11th B- token that is still kept:    B-X -> I-X (merged chunks)
#   - every 151st O token: guess B-MISC          (false positives)
# Sentences are separated by one blank line, also between two copies of the
# corpus (its last sentence has no trailing blank line); the file ends right
# after token line $tokens, which may cut the last sentence short.
# LC_ALL=C: awk works on bytes, so the result does not depend on the locale.
echo "== data: $tokens token lines from $src"
LC_ALL=C awk -v src="$src" -v want="$tokens" '
BEGIN {
  n = 0; pending = 0
  while (n < want) {
    got = 0
    while (n < want && (getline line < src) > 0) {
      nf = split(line, f, " ")
      if (nf == 0) { pending = (n > 0); continue }   # sentence boundary
      gold = f[nf]; guess = gold
      if (gold == "O") {
        if (++no % 151 == 0) guess = "B-MISC"
      } else if (++ne % 17 == 0) {
        guess = "O"
      } else if (substr(gold, 1, 2) == "B-" && ++nb % 11 == 0) {
        guess = "I-" substr(gold, 3)
      }
      if (pending) { print ""; pending = 0 }
      print f[1] " " gold " " guess
      n++; got++
    }
    close(src)
    if (got == 0) { print "no token lines in " src > "/dev/stderr"; exit 1 }
    pending = 1   # next copy starts a new sentence
  }
}' > "$input.tmp"
mv "$input.tmp" "$input"
input_lines=$(wc -l < "$input")
input_sum=$(sha256sum "$input" | cut -c1-16)
echo "   $input ($input_lines lines, $(du -h "$input" | cut -f1), sha256 $input_sum...)"

# ---------------------------------------------------------------------------
# Timing helper
# ---------------------------------------------------------------------------
# Timing (time_cmd, timer) is shared with the other benchmarks.
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"
echo "== timing with $timer"

# ---------------------------------------------------------------------------
# 2. ner-score (ours)
# ---------------------------------------------------------------------------
ner_secs= ner_note=
ner_out=$out_dir/ner-score.out
ner_bin=${NER_SCORE:-}
if [[ -n $ner_bin ]]; then
  if [[ ! -x $ner_bin ]]; then
    echo "error: NER_SCORE=$ner_bin is not an executable file" >&2
    ner_bin= ner_note="NER_SCORE not executable"
  fi
else
  echo "== building: swift build -c release --static-swift-stdlib --product ner-score"
  if (cd "$root" && swift build -c release --static-swift-stdlib --product ner-score); then
    bin_dir=$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path 2> /dev/null) \
      || bin_dir=$root/.build/release
    ner_bin=$bin_dir/ner-score
    if [[ ! -x $ner_bin ]]; then
      echo "error: the build succeeded but $ner_bin is missing" >&2
      ner_bin= ner_note="binary missing after build"
    fi
  else
    echo "error: 'swift build -c release --static-swift-stdlib --product ner-score' failed in $root (see above)." >&2
    echo "       Fix the build, or set NER_SCORE=/path/to/ner-score to time a prebuilt binary." >&2
    ner_note="build failed"
  fi
fi
if [[ -n $ner_bin ]]; then
  echo "== ner-score: $ner_bin ($runs_ner runs)"
  if time_cmd ner-score "$runs_ner" "$input" "$ner_out" "$ner_bin"; then
    ner_secs=$SECS
  else
    echo "error: ner-score failed on $input (see above)" >&2
    ner_note="run failed"
  fi
fi
[[ -n $ner_secs ]] || status=1

# ---------------------------------------------------------------------------
# 3. conlleval.pl (reference output and speed)
# ---------------------------------------------------------------------------
conl_secs= conl_note= same_output=
conl_out=$out_dir/conlleval.out
if [[ -z ${CONLLEVAL:-} || ! -f ${CONLLEVAL:-} ]]; then
  echo "skipping conlleval.pl (set CONLLEVAL=/path/to/conlleval.pl)"
  conl_note="skipped: CONLLEVAL not set"
elif ! command -v perl > /dev/null; then
  echo "skipping conlleval.pl: perl not found"
  conl_note="skipped: no perl"
else
  echo "== conlleval.pl: $CONLLEVAL ($runs_ref runs)"
  if time_cmd conlleval.pl "$runs_ref" "$input" "$conl_out" perl "$CONLLEVAL"; then
    conl_secs=$SECS
    sed -n 2p "$conl_out" | sed 's/^/   conlleval.pl: /'
  else
    echo "warning: conlleval.pl failed on $input; not compared" >&2
    conl_note="failed"
  fi
fi

# Byte-identical output: the contract of ner-score's default output.
if [[ -n $ner_secs && -n $conl_secs ]]; then
  if cmp -s "$ner_out" "$conl_out"; then
    same_output=yes
    echo "== ner-score output is byte-identical to conlleval.pl's"
  else
    same_output=no
    status=1
    echo "error: ner-score output differs from conlleval.pl's:" >&2
    diff "$conl_out" "$ner_out" | head -n 20 >&2 || true
  fi
fi

# ---------------------------------------------------------------------------
# 4. seqeval (Python)
# ---------------------------------------------------------------------------
seq_secs= seq_note=
seq_out=$out_dir/seqeval.out
if ! command -v python3 > /dev/null; then
  echo "skipping seqeval: python3 not found"
  seq_note="skipped: no python3"
else
  if ! python3 -c 'import seqeval' 2> /dev/null; then
    echo "== installing seqeval: python3 -m pip install seqeval"
    python3 -m pip install --quiet --disable-pip-version-check --timeout 30 --retries 1 seqeval \
      || echo "   pip install seqeval failed"
  fi
  if python3 -c 'import seqeval' 2> /dev/null; then
    echo "== seqeval $(python3 -c 'import importlib.metadata as m; print(m.version("seqeval"))' 2> /dev/null || echo '?') ($runs_ref runs)"
    # The script reads stdin (the same file), like the other two tools.
    if time_cmd seqeval "$runs_ref" "$input" "$seq_out" python3 "$script_dir/seqeval_score.py"; then
      seq_secs=$SECS
      grep 'micro avg' "$seq_out" | sed 's/^ */   seqeval: /'
    else
      echo "warning: seqeval_score.py failed (see above)" >&2
      seq_note="failed"
    fi
  else
    echo "skipping seqeval: not installed and 'pip install seqeval' did not work (offline?)"
    seq_note="skipped: not installable"
  fi
fi

# ---------------------------------------------------------------------------
# 5. Table, ratios and targets; markdown copy in bench/out/score.md
# ---------------------------------------------------------------------------
# fmt_secs SECS / fmt_rate SECS / ratio FASTER_SECS SLOWER_SECS
fmt_secs() { awk -v s="$1" 'BEGIN { printf "%.3f", s }'; }
fmt_rate() { awk -v s="$1" -v n="$tokens" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b / a }'; }

rows=()     # "tool|seconds|tokens/s|note"
add_row() { # add_row TOOL SECS NOTE
  if [[ -n $2 ]]; then
    rows+=("$1|$(fmt_secs "$2")|$(fmt_rate "$2")|$3")
  else
    rows+=("$1|-|-|${3:-not run}")
  fi
}
add_row ner-score "$ner_secs" "$ner_note"
add_row conlleval.pl "$conl_secs" "$conl_note"
add_row seqeval "$seq_secs" "$seq_note"

# ratio_line NAME OTHER_SECS TARGET: "ner-score vs NAME: N.Nx (target >= Tx: met)"
ratio_line() {
  local r
  if [[ -n $ner_secs && -n $2 ]]; then
    r=$(ratio "$ner_secs" "$2")
    if awk -v r="$r" -v t="$3" 'BEGIN { exit !(r >= t) }'; then
      echo "ner-score vs $1: ${r}x (target >= ${3}x: met)"
    else
      echo "ner-score vs $1: ${r}x (target >= ${3}x: NOT met)"
    fi
  else
    echo "ner-score vs $1: n/a (target >= ${3}x: not measured)"
  fi
}
ratios=("$(ratio_line conlleval.pl "$conl_secs" "$target_conlleval")"
        "$(ratio_line seqeval "$seq_secs" "$target_seqeval")")
case $same_output in
  yes) identical="ner-score output byte-identical to conlleval.pl: yes" ;;
  no) identical="ner-score output byte-identical to conlleval.pl: NO" ;;
  *) identical="ner-score output byte-identical to conlleval.pl: not checked" ;;
esac

echo
echo "== results: $tokens tokens, $timer"
{
  echo "tool|seconds|tokens/s|note"
  printf '%s\n' "${rows[@]}"
} | awk -F'|' '{ printf "%-13s %10s %12s  %s\n", $1, $2, $3, $4 }'
echo
printf '%s\n' "${ratios[@]}" "$identical"

{
  echo "# ner-score throughput"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores; input: $tokens tokens"
  echo "(conll2002/es.train repeated, perturbed guesses; sha256 $input_sum...);"
  echo "timing: $timer of $runs_ner runs for ner-score, $runs_ref for the others;"
  echo "whole processes, stdin from the file, stdout to a file."
  echo
  echo "| tool | seconds | tokens/s | note |"
  echo "|---|---:|---:|---|"
  for row in "${rows[@]}"; do echo "| ${row//|/ | } |"; done
  echo
  for line in "${ratios[@]}" "$identical"; do echo "- $line"; done
} > "$report"
echo
echo "markdown: $report"

exit "$status"
