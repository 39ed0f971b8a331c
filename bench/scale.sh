#!/usr/bin/env bash
# bench/scale.sh: memory and throughput on a large input (issue 7: "memory stays flat on
# a 2 GB input ... throughput in tokens per second per core").
#
#   bash bench/scale.sh                      # ner-tag on a generated 2 GB CoNLL file
#   SCALE_GB=0.2 TOOLS="tag convert romanize" bash bench/scale.sh
#
# 1. A base corpus: conll2002/es.train (264,715 tokens), or examples/data/es.train.conll
#    when NER_DATA has no CoNLL-2002; a blank line is ensured after its last sentence.
# 2. A model: `ner-tag train --max-iterations 20` on the base corpus (MODEL=FILE to use
#    an existing one instead; TEMPLATE=FILE trains with that CRF++ template instead of
#    the built-in features, e.g. bench/scale.template, which tags about ten times
#    faster); its accuracy does not matter here, only its size and cost.
# 3. The big file: the base corpus repeated until it holds SCALE_GB gigabytes (10^9
#    bytes), written to SCALE_DIR (default /tmp/ner-scale, never inside the repository)
#    and deleted at the end unless KEEP=1.
# 4. Each command of TOOLS runs under /usr/bin/time -v, once on the base corpus and once
#    on the big file, output to /dev/null:
#      tag       ner-tag -m MODEL --threads THREADS
#      convert   ner-convert --to jsonl
#      romanize  ner-romanize --lang es
#    Reported: wall-clock seconds, tokens/s, tokens/s/core (tokens / wall / THREADS;
#    ner-convert and ner-romanize work on one core), tokens per
#    CPU-second (user + system: what a core does when the machine is shared), and peak
#    memory (max RSS). Memory is flat when the big file's peak RSS is close to the base
#    corpus's, whatever the size.
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TAG, NER_CONVERT,
# NER_ROMANIZE (prebuilt binaries; default swift build -c release), SCALE_GB (2),
# SCALE_DIR (/tmp/ner-scale), THREADS (all cores), TOOLS ("tag"), MODEL, TEMPLATE, KEEP,
# REPORT (default bench/out/scale.md).
# Output: a table on stdout and in REPORT.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out_dir=$script_dir/out/scale
report=${REPORT:-$script_dir/out/scale.md}
gb=${SCALE_GB:-2}
big_dir=${SCALE_DIR:-/tmp/ner-scale}
threads=${THREADS:-$(nproc)}
tools=${TOOLS:-tag}
source "$script_dir/lib.sh"

[[ -x /usr/bin/time ]] || { echo "bench/scale.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
case $big_dir in "$root"|"$root"/*) echo "bench/scale.sh: SCALE_DIR must be outside the repository" >&2; exit 1 ;; esac
mkdir -p "$big_dir"

# 1. Base corpus.
if [[ -f $data/conll2002/es.train ]]; then
  source_file=$data/conll2002/es.train source_name=conll2002/es.train
else
  source_file=$root/examples/data/es.train.conll source_name=examples/data/es.train.conll
fi
base=$big_dir/base.conll
awk '{ print } END { if ($0 != "") print "" }' "$source_file" > "$base"
base_tokens=$(awk 'NF && !/^#/ { n++ } END { print n + 0 }' "$base")
base_bytes=$(stat -c %s "$base")

# 2. Model (for ner-tag).
model= model_note=
if [[ " $tools " == *" tag "* ]]; then
  build_tool ner-tag "${NER_TAG:-}"; tag=$TOOL_BIN; [[ -n $tag ]] || exit 1
  if [[ -n ${MODEL:-} ]]; then
    model=$MODEL model_note="given: $MODEL"
  else
    template=()
    [[ -z ${TEMPLATE:-} ]] || template=(--template "$TEMPLATE")
    model=$out_dir/es${TEMPLATE:+.$(basename "$TEMPLATE" .template)}.model
    echo "== ner-tag train --max-iterations 20 ${template[*]} on $source_name" >&2
    "$tag" train -q --max-iterations 20 "${template[@]}" -m "$model" "$base"
    model_note="ner-tag train --max-iterations 20${TEMPLATE:+ --template ${TEMPLATE#"$root"/}} on $source_name"
  fi
fi

# 3. Big file.
big=$big_dir/big.conll
target_bytes=$(awk -v g="$gb" 'BEGIN { printf "%.0f", g * 1e9 }')
repeats=$(( (target_bytes + base_bytes - 1) / base_bytes ))
if [[ ! -f $big || $(stat -c %s "$big") -ne $((repeats * base_bytes)) ]]; then
  echo "== writing $big: $source_name x $repeats" >&2
  for ((i = 0; i < repeats; i++)); do cat "$base"; done > "$big"
fi
big_tokens=$((repeats * base_tokens))
big_bytes=$(stat -c %s "$big")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -f "$big"' EXIT

# 4. Runs.
# measure NAME CORES TOKENS BYTES FILE CMD...: one run under /usr/bin/time -v; adds a row.
rows=()
size() { awk -v b="$1" 'BEGIN { if (b >= 1e9) printf "%.2f GB", b / 1e9; else if (b >= 1e6) printf "%.1f MB", b / 1e6; else printf "%.1f KB", b / 1e3 }'; }
measure() {
  local name=$1 cores=$2 tokens=$3 bytes=$4 file=$5 log
  shift 5
  log=$out_dir/$name.$bytes.time
  echo "== $name on $(size "$bytes"): $*" >&2
  /usr/bin/time -v "$@" < "$file" > /dev/null 2> "$log" || { tail -5 "$log" >&2; return 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; printf "%.2f", s }' "$log")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.1f", $2 / 1024 }' "$log")
  rows+=("$(awk -v n="$name" -v c="$(basename "$1") ${*:2}" -v sz="$(size "$bytes")" -v t="$tokens" -v w="$wall" -v cpu="$cpu" -v k="$cores" -v r="$rss" 'BEGIN {
    printf "| `%s` | %s | %d | %.2f | %.0f | %.0f | %.0f | %d | %s |", c, sz, t, w, t / w, t / w / k, t / cpu, k, r }')")
}

for t in $tools; do
  case $t in
    tag) cmd=("$tag" -m "$model" --threads "$threads") cores=$threads ;;
    convert) build_tool ner-convert "${NER_CONVERT:-}"; [[ -n $TOOL_BIN ]] || exit 1; cmd=("$TOOL_BIN" --to jsonl) cores=1 ;;
    romanize) build_tool ner-romanize "${NER_ROMANIZE:-}"; [[ -n $TOOL_BIN ]] || exit 1; cmd=("$TOOL_BIN" --lang es) cores=1 ;;
    *) echo "bench/scale.sh: unknown tool $t (tag, convert, romanize)" >&2; exit 1 ;;
  esac
  measure "$t" "$cores" "$base_tokens" "$base_bytes" "$base" "${cmd[@]}"
  measure "$t" "$cores" "$big_tokens" "$big_bytes" "$big" "${cmd[@]}"
done

{
  echo "# Memory and throughput on a large input"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "input: $source_name ($base_tokens tokens, $(size "$base_bytes")) and the same repeated $repeats times"
  echo "($big_tokens tokens, $(size "$big_bytes"))${model_note:+; model: $model_note}. Output to /dev/null; one run each under"
  echo "/usr/bin/time -v. tokens/s/core = tokens / wall-clock s / cores used; tokens/CPU-s = tokens / (user + system s)."
  echo
  echo "| command | input | tokens | wall s | tokens/s | tokens/s/core | tokens/CPU-s | cores | peak RSS MB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}" | sed "s|$root/||g; s|$big_dir/||g"
} | tee "$report"
