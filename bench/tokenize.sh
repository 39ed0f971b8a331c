#!/usr/bin/env bash
# bench/tokenize.sh: throughput of `ner-tokenize` against sacremoses' Moses
# tokenizer (`sacremoses -l es tokenize`), side by side in one run, on the same
# raw Spanish text.
#
#   bash bench/tokenize.sh
#
# Input: the sentences of conll2002/es.train (8,323 sentences, 264,715 gold
# tokens), one per line, detokenized with `sacremoses -l es detokenize` so that
# both tools see ordinary running text ("Melbourne (Australia), 25 may (EFE).").
# The detokenized text is cached in bench/out/tokenize/ and rebuilt only when
# the corpus or the sacremoses version changes.
#
# Environment (all optional):
#   NER_DATA      corpora folder (default: <repo root>/../shared/data); if it is
#                 missing the benchmark is skipped and the script exits 0
#   NER_TOKENIZE  a prebuilt ner-tokenize binary (default: swift build -c release)
#   RUNS_NER      timed runs of each ner-tokenize command   (default 10)
#   RUNS_REF      timed runs of sacremoses                  (default 3)
#   NO_HYPERFINE  set to 1 to time with the plain bash loop even if hyperfine
#                 is installed
#
# Commands timed (whole processes, stdin from the text, stdout to a file):
#   ner-tokenize --lang es                          sentence splitting, CoNLL
#                                                   with "# id" / "# text" lines
#   ner-tokenize --lang es --no-split --no-metadata one line in, one sentence
#                                                   out: the same job as Moses
#   python3 -m sacremoses -l es -j 1 -q tokenize    one process, no progress
#                                                   bar (python3 = the real
#                                                   interpreter, not a shim)
# Each command is also run on empty input, to show its start-up time.
# Throughput is counted in gold tokens (264,715) for every tool, so the ratios
# are plain time ratios; each tool's own token count is shown beside it.
#
# Output: a table on stdout, and the same as markdown in bench/out/tokenize.md.
# Exit status: 0 when everything that ran went well (targets missed are
# reported, not fatal), when the data is absent, or when sacremoses cannot be
# installed and no cached text exists; 1 when ner-tokenize could not be built
# or run (sacremoses is still timed and reported in that case).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out_dir=$script_dir/out/tokenize       # scratch; bench/out/ is git-ignored
report=$script_dir/out/tokenize.md
runs_ner=${RUNS_NER:-10}
runs_ref=${RUNS_REF:-3}

# Throughput target: ner-tokenize must be at least this many times faster.
target=20

status=0  # final exit status; set to 1 by a fatal-but-keep-going problem

src=$data/conll2002/es.train
if [[ ! -d $data ]]; then
  echo "bench/tokenize.sh: no corpus folder at $data (set NER_DATA); skipping the benchmark."
  exit 0
fi
if [[ ! -f $src ]]; then
  echo "bench/tokenize.sh: $src not found; skipping the benchmark."
  exit 0
fi

# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

# ---------------------------------------------------------------------------
# 1. sacremoses (needed to build the input text, and timed as the reference)
# ---------------------------------------------------------------------------
moses=0 moses_version=
if ! find_python; then
  echo "skipping sacremoses: python3 not found"
elif pip_ensure sacremoses sacremoses; then
  moses=1
  moses_version=$(pkg_version sacremoses)
else
  echo "skipping sacremoses: not installed and 'pip install sacremoses' did not work (offline?)"
fi

# ---------------------------------------------------------------------------
# 2. Data: gold sentences, one per line, then detokenized (cached)
# ---------------------------------------------------------------------------
# es.train is "token tag" per line, a blank line between sentences; the gold
# line is the tokens joined by single spaces. LC_ALL=C: awk works on bytes.
gold=$out_dir/es-train.gold.txt
LC_ALL=C awk 'NF == 0 { if (n) print line; line = ""; n = 0; next }
              { line = n ? line " " $1 : $1; n++ }
              END { if (n) print line }' "$src" > "$gold.tmp"
mv "$gold.tmp" "$gold"
sentences=$(wc -l < "$gold")
gold_tokens=$(wc -w < "$gold")
gold_sum=$(sha256sum "$gold" | cut -c1-16)

# The cache key is the gold text's checksum and the sacremoses version.
input=$out_dir/es-train.detok.txt
if ((moses)); then
  key="$gold_sum sacremoses-$moses_version"
  if [[ -f $input && -f $input.key && $(cat "$input.key") == "$key" ]]; then
    echo "== data: cached $input"
  else
    echo "== data: detokenizing $sentences sentences with sacremoses $moses_version"
    "$PY" -m sacremoses -l es -j 1 -q detokenize < "$gold" > "$input.tmp"
    mv "$input.tmp" "$input"
    echo "$key" > "$input.key"
  fi
elif [[ -f $input && -f $input.key && $(cut -d' ' -f1 "$input.key") == "$gold_sum" ]]; then
  echo "== data: cached $input (sacremoses unavailable; built by $(cut -d' ' -f2 "$input.key"))"
else
  echo "bench/tokenize.sh: sacremoses is needed to build the detokenized input and none is cached; skipping the benchmark."
  exit 0
fi
input_sum=$(sha256sum "$input" | cut -c1-16)
echo "   $input ($sentences lines, $gold_tokens gold tokens, $(wc -c < "$input") bytes, sha256 $input_sum...)"
echo "== timing with $timer"

# count_conll FILE: "TOKENS SENTENCES" of ner-tokenize's CoNLL output (token
# lines are the non-blank lines that are not "# key = value" comments).
count_conll() {
  LC_ALL=C awk 'NF == 0 { if (n) s++; n = 0; next }
                /^# [A-Za-z_.-]+ = / { next }
                { t++; n++ }
                END { if (n) s++; print t + 0, s + 0 }' "$1"
}

# ---------------------------------------------------------------------------
# 3. ner-tokenize (ours), two ways, plus its start-up time
# ---------------------------------------------------------------------------
ner_labels=("ner-tokenize --lang es" "ner-tokenize --lang es --no-split --no-metadata")
ner_names=(ner-tokenize ner-tokenize-nosplit)   # file names of the scratch output
ner_args=("--lang es" "--lang es --no-split --no-metadata")
ner_secs=("" "") ner_count=("" "") ner_note=("" "")
ner_start=
build_tool ner-tokenize "${NER_TOKENIZE:-}"
ner_bin=$TOOL_BIN
if [[ -z $ner_bin ]]; then
  ner_note=("$TOOL_NOTE" "$TOOL_NOTE")
  status=1
else
  for i in 0 1; do
    # shellcheck disable=SC2206  # the arguments are plain words
    args=(${ner_args[i]})
    out=$out_dir/${ner_names[i]}.out
    echo "== ${ner_labels[i]}: $ner_bin ($runs_ner runs)"
    if time_cmd "${ner_names[i]}" "$runs_ner" "$input" "$out" "$ner_bin" "${args[@]}"; then
      ner_secs[i]=$SECS
      read -r toks sents <<< "$(count_conll "$out")"
      ner_count[i]=$toks
      echo "   $toks tokens in $sents sentences"
      if ((toks == 0)); then
        echo "error: ${ner_labels[i]} wrote no tokens (see $out)" >&2
        ner_note[i]="no tokens in output"
        status=1
      elif ((i == 1 && sents != sentences)); then
        # --no-split: one sentence per input line, by contract
        echo "warning: --no-split gave $sents sentences for $sentences input lines" >&2
        ner_note[i]="$sents sentences for $sentences lines"
      fi
    else
      echo "error: ${ner_labels[i]} failed on $input (see above)" >&2
      ner_note[i]="run failed"
      status=1
    fi
  done
  if time_cmd ner-tokenize-startup "$runs_ner" /dev/null /dev/null "$ner_bin" --lang es; then
    ner_start=$SECS
  fi
fi

# ---------------------------------------------------------------------------
# 4. sacremoses tokenize (reference), plus its start-up time
# ---------------------------------------------------------------------------
moses_label="sacremoses -l es tokenize"
moses_cmd=("$PY" -m sacremoses -l es -j 1 -q tokenize)
moses_secs= moses_count= moses_note= moses_start=
if ((moses)); then
  echo "== $moses_label: sacremoses $moses_version ($runs_ref runs)"
  if time_cmd sacremoses "$runs_ref" "$input" "$out_dir/sacremoses.out" "${moses_cmd[@]}"; then
    moses_secs=$SECS
    moses_count=$(wc -w < "$out_dir/sacremoses.out")
    echo "   $moses_count tokens"
    if time_cmd sacremoses-startup "$runs_ref" /dev/null /dev/null "${moses_cmd[@]}"; then
      moses_start=$SECS
    fi
  else
    echo "warning: sacremoses tokenize failed (see above)" >&2
    moses_note="failed"
  fi
else
  moses_note="skipped: not installable"
fi

# ---------------------------------------------------------------------------
# 5. Table, ratios and target; markdown copy in bench/out/tokenize.md
# ---------------------------------------------------------------------------
# Columns: tool | seconds | gold tokens/s | tokens out | start-up s |
#          gold tokens/s without start-up | note
rows=()
add_row() { # add_row LABEL SECS COUNT STARTUP NOTE
  local label=$1 secs=$2 count=$3 start=$4 note=$5 net
  if [[ -z $secs ]]; then
    rows+=("$label|-|-|-|-|-|${note:-not run}")
    return
  fi
  net=$([[ -n $start ]] && minus "$secs" "$start" || true)
  rows+=("$label|$(fmt_secs "$secs")|$(fmt_rate "$gold_tokens" "$secs")|$count|$([[ -n $start ]] && fmt_secs "$start" || echo -)|$([[ -n $net ]] && fmt_rate "$gold_tokens" "$net" || echo -)|$note")
}
for i in 0 1; do
  add_row "${ner_labels[i]}" "${ner_secs[i]}" "${ner_count[i]}" "$ner_start" "${ner_note[i]}"
done
add_row "$moses_label" "$moses_secs" "$moses_count" "$moses_start" "$moses_note"

# Whole-process ratios decide the target; ratios without start-up are shown
# for information (sacremoses spends about 0.6 s importing its modules).
ratios=()
for i in 0 1; do
  if [[ -n ${ner_secs[i]} && -n $moses_secs ]]; then
    r=$(ratio "${ner_secs[i]}" "$moses_secs")
    met=$(meets "$r" "$target" && echo met || echo "NOT met")
    line="${ner_labels[i]} vs sacremoses: ${r}x (target >= ${target}x: $met)"
    a=$(minus "${ner_secs[i]}" "${ner_start:-0}") b=$(minus "$moses_secs" "${moses_start:-0}")
    if [[ -n $ner_start && -n $moses_start && -n $a && -n $b ]]; then
      line+="; without start-up: $(ratio "$a" "$b")x"
    fi
  else
    line="${ner_labels[i]} vs sacremoses: n/a (target >= ${target}x: not measured)"
  fi
  ratios+=("$line")
done

echo
echo "== results: $gold_tokens gold tokens, $sentences lines, $timer"
{
  echo "tool|seconds|tokens/s|tokens out|start-up s|tokens/s w/o start-up|note"
  printf '%s\n' "${rows[@]}"
} | awk -F'|' '{ printf "%-48s %8s %9s %10s %10s %21s  %s\n", $1, $2, $3, $4, $5, $6, $7 }'
echo
printf '%s\n' "${ratios[@]}"

{
  echo "# ner-tokenize throughput"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores; input: conll2002/es.train,"
  echo "$sentences sentences one per line, detokenized with sacremoses ${moses_version:-(cached)}"
  echo "($gold_tokens gold tokens, $(wc -c < "$input") bytes, sha256 $input_sum...);"
  echo "timing: $timer of $runs_ner runs for ner-tokenize, $runs_ref for sacremoses;"
  echo "whole processes, stdin from the file, stdout to a file. tokens/s counts gold tokens"
  echo "for every tool; start-up is the same command on empty input."
  echo
  echo "| tool | seconds | tokens/s | tokens out | start-up s | tokens/s w/o start-up | note |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for row in "${rows[@]}"; do echo "| ${row//|/ | } |"; done
  echo
  for line in "${ratios[@]}"; do echo "- $line"; done
  echo
  echo "Commands: \`${ner_bin:-ner-tokenize} --lang es\`, \`${ner_bin:-ner-tokenize} --lang es --no-split --no-metadata\`,"
  echo "\`${moses_cmd[*]}\`."
} > "$report"
echo
echo "markdown: $report"

exit "$status"
