#!/usr/bin/env bash
# bench/romanize.sh: throughput of `ner-romanize` against uroman (the Python
# package, `python3 -m uroman`), per language and in total, on the same tokens.
#
#   bash bench/romanize.sh
#
# Input: the first 2,000 sentences of wikiann/{uk,ru,hi,mr,ar,bn,ur}.train
# (Cyrillic, Devanagari, Arabic and Bengali scripts; 8,500 to 16,100 tokens a
# language). The two tools get the same tokens in their natural form:
#   ner-romanize  the WikiANN CoNLL lines as they are ("token<TAB>tag", blank
#                 line between sentences); it adds a romanized column
#   uroman        one sentence per line, the tokens joined by single spaces;
#                 it writes the romanized line
# Sentences as lines is uroman's ordinary input, and the cheaper one for it:
# uroman caches romanizations per space-separated piece, so each token is
# still romanized on its own, while one token per line adds per-line overhead
# (measured on uk: 6.4 s for sentences, 7.4 s for one token per line, hyperfine
# means of 3 runs). Throughput is tokens per second for both tools (the
# number of token lines of the CoNLL file).
#
# Environment (all optional):
#   NER_DATA          corpora folder (default: <repo root>/../shared/data); if
#                     it is missing the benchmark is skipped and the script
#                     exits 0
#   NER_ROMANIZE      a prebuilt ner-romanize binary (default: swift build)
#   RUNS_NER          timed runs of ner-romanize per language     (default 10)
#   RUNS_REF          timed runs of uroman per language           (default 3)
#   BENCH_SENTENCES   sentences taken from each language          (default 2000)
#   BENCH_LANGS       languages, space separated (default "uk ru hi mr ar bn ur")
#   NO_HYPERFINE      set to 1 to time with the plain bash loop even if
#                     hyperfine is installed
#
# Commands timed (whole processes, stdin from the file, stdout to a file):
#   ner-romanize --lang L                      L = the WikiANN code (uk, hi...)
#   python3 -m uroman -l LLL --silent          LLL = ISO 639-3 (ukr, hin...),
#                                              default cache; python3 = the real
#                                              interpreter, not a pyenv shim
# Each tool is also run on empty input (uk) to show its start-up time: uroman
# loads its rule tables for about 4 s before it reads a line, which is most of
# its time on 2,000 sentences. The target is checked on whole processes (all languages in one).
# Because that start-up dwarfs the work (and varies by +-0.3 s from run to
# run, too much to subtract), uroman's steady speed is also measured in one
# Python process: Uroman(cache_size=65536) loaded once, then per language
# (cache emptied, median of RUNS_REF passes) romanize_string(line, lcode=LLL)
# on every line, which is what the command line does per line (same output).
# "ratio in-process" compares ner-romanize's whole-process time with that:
# the conservative figure.
#
# All languages in one process: the seven languages' sentences are also put
# together in one file each tool reads in one run, every sentence carrying its
# language (ner-romanize: a `# lang = L` line before it, the suite's metadata;
# uroman: its `::lcode LLL ` line prefix), so that each tool's start-up is
# counted once. This is the headline figure ("one process" row) and the one
# the target is checked on: the per-language rows start uroman once per
# language, seven times its 4 s start-up, which inflates the ratio (the "total"
# row, the sum of the per-language medians, shows how much).
#
# Output: a table on stdout, and the same as markdown in bench/out/romanize.md.
# Exit status: 0 when everything that ran went well (targets missed are
# reported, not fatal) or when the data is absent; 1 when ner-romanize could
# not be built or run, or wrote the wrong number of token lines (uroman is
# still timed and reported in that case).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}
out_dir=$script_dir/out/romanize       # scratch; bench/out/ is git-ignored
report=$script_dir/out/romanize.md
runs_ner=${RUNS_NER:-10}
runs_ref=${RUNS_REF:-3}
max_sentences=${BENCH_SENTENCES:-2000}
read -r -a langs <<< "${BENCH_LANGS:-uk ru hi mr ar bn ur}"

# Throughput target: ner-romanize must be at least this many times faster.
target=50

# uroman wants ISO 639-3 codes.
declare -A iso3=([uk]=ukr [ru]=rus [hi]=hin [mr]=mar [ar]=ara [bn]=ben [ur]=urd)

status=0  # final exit status; set to 1 by a fatal-but-keep-going problem

if [[ ! -d $data ]]; then
  echo "bench/romanize.sh: no corpus folder at $data (set NER_DATA); skipping the benchmark."
  exit 0
fi
for l in "${langs[@]}"; do
  if [[ -z ${iso3[$l]:-} ]]; then
    echo "error: no ISO 639-3 code for language '$l' (add it to iso3 in bench/romanize.sh)" >&2
    exit 1
  fi
  if [[ ! -f $data/wikiann/$l.train ]]; then
    echo "bench/romanize.sh: $data/wikiann/$l.train not found; skipping the benchmark."
    exit 0
  fi
done

# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

# ---------------------------------------------------------------------------
# 1. Data: first $max_sentences sentences of each language, two forms
# ---------------------------------------------------------------------------
# $l.conll: the WikiANN lines unchanged (runs of blank lines made single, none
# at the end); $l.txt: one sentence per line, tokens joined by spaces.
declare -A tokens=()
total_tokens=0
echo "== data: first $max_sentences sentences of wikiann/{${langs[*]}}.train"
for l in "${langs[@]}"; do
  LC_ALL=C awk -F'\t' -v max="$max_sentences" -v conll="$out_dir/$l.conll.tmp" '
    NF == 0 {                       # sentence boundary
      if (n) { print line; s++; if (s >= max) exit }
      n = 0; next
    }
    {
      if (n == 0 && s > 0) print "" > conll
      print > conll
      line = n ? line " " $1 : $1; n++
    }
    END { if (n && s < max) print line }' "$data/wikiann/$l.train" > "$out_dir/$l.txt.tmp"
  mv "$out_dir/$l.conll.tmp" "$out_dir/$l.conll"
  mv "$out_dir/$l.txt.tmp" "$out_dir/$l.txt"
  tokens[$l]=$(LC_ALL=C awk -F'\t' 'NF > 0' "$out_dir/$l.conll" | wc -l)
  words=$(wc -w < "$out_dir/$l.txt")
  if ((words != tokens[$l])); then
    # A token with a space inside would be two words for uroman.
    echo "warning: $l: ${tokens[$l]} tokens but $words space-separated words in $l.txt" >&2
  fi
  total_tokens=$((total_tokens + tokens[$l]))
  echo "   $l: $(wc -l < "$out_dir/$l.txt") sentences, ${tokens[$l]} tokens"
done
# all.conll / all.txt: every language's sentences in one file, each sentence with its
# language (`# lang = L` before it; uroman's `::lcode LLL ` before the line).
for l in "${langs[@]}"; do
  LC_ALL=C awk -v l="$l" 'NR == 1 || prev == "" { if (NR > 1) print ""; print "# lang = " l }
    NF > 0 { print } { prev = $0 }' "$out_dir/$l.conll"
  echo
done | sed '$d' > "$out_dir/all.conll.tmp"
mv "$out_dir/all.conll.tmp" "$out_dir/all.conll"
for l in "${langs[@]}"; do sed "s/^/::lcode ${iso3[$l]} /" "$out_dir/$l.txt"; done > "$out_dir/all.txt.tmp"
mv "$out_dir/all.txt.tmp" "$out_dir/all.txt"
echo "   all: $(wc -l < "$out_dir/all.txt") sentences, $total_tokens tokens in one file (one process a tool)"
echo "== timing with $timer"

# ---------------------------------------------------------------------------
# 2. ner-romanize (ours), per language, plus its start-up time
# ---------------------------------------------------------------------------
declare -A ner_secs=() ner_note=()
ner_start= ner_one= ner_one_note=
build_tool ner-romanize "${NER_ROMANIZE:-}"
ner_bin=$TOOL_BIN
if [[ -z $ner_bin ]]; then
  for l in "${langs[@]}"; do ner_note[$l]=$TOOL_NOTE; done
  status=1
else
  for l in "${langs[@]}"; do
    out=$out_dir/ner-romanize-$l.out
    echo "== ner-romanize --lang $l: $ner_bin ($runs_ner runs)"
    if time_cmd "ner-romanize-$l" "$runs_ner" "$out_dir/$l.conll" "$out" "$ner_bin" --lang "$l"; then
      ner_secs[$l]=$SECS
      # Same token lines as the input, each with one column more.
      read -r got cols <<< "$(LC_ALL=C awk -F'\t' 'NF > 0 && !/^# / { n++; if (!c) c = NF } END { print n + 0, c + 0 }' "$out")"
      if ((got != tokens[$l])); then
        echo "error: ner-romanize --lang $l wrote $got token lines for ${tokens[$l]} (see $out)" >&2
        ner_note[$l]="$got token lines out"
        status=1
      elif ((cols != 3)); then
        echo "warning: ner-romanize --lang $l: $cols tab-separated columns, expected 3 (see $out)" >&2
        ner_note[$l]="$cols columns"
      fi
    else
      echo "error: ner-romanize --lang $l failed on $out_dir/$l.conll (see above)" >&2
      ner_note[$l]="run failed"
      status=1
    fi
  done
  if time_cmd ner-romanize-startup "$runs_ner" /dev/null /dev/null "$ner_bin" --lang uk; then
    ner_start=$SECS
  fi
  out=$out_dir/ner-romanize-all.out
  echo "== ner-romanize, all languages in one process (# lang per sentence): $ner_bin ($runs_ner runs)"
  if time_cmd ner-romanize-all "$runs_ner" "$out_dir/all.conll" "$out" "$ner_bin"; then
    ner_one=$SECS
    got=$(LC_ALL=C awk -F'\t' 'NF > 0 && !/^# / { n++ } END { print n + 0 }' "$out")
    if ((got != total_tokens)); then
      echo "error: ner-romanize over all.conll wrote $got token lines for $total_tokens (see $out)" >&2
      ner_one_note="$got token lines out"
      status=1
    elif ! cmp -s <(for l in "${langs[@]}"; do LC_ALL=C awk 'NF > 0' "$out_dir/ner-romanize-$l.out"; done) \
        <(LC_ALL=C awk 'NF > 0 && !/^# /' "$out"); then
      # The language comes from `# lang` instead of --lang: the same rules, the same output.
      echo "error: ner-romanize over all.conll differs from the per-language runs (see $out)" >&2
      ner_one_note="output differs from --lang"
      status=1
    fi
  else
    echo "error: ner-romanize failed on $out_dir/all.conll (see above)" >&2
    ner_one_note="run failed"
    status=1
  fi
fi

# ---------------------------------------------------------------------------
# 3. uroman (reference), per language, plus its start-up time
# ---------------------------------------------------------------------------
declare -A ref_secs=() ref_note=() ref_inproc=()
ref_start= ref_version= ref_skip= ref_one= ref_one_note=
if ! find_python; then
  ref_skip="skipped: no python3"
elif ! pip_ensure uroman uroman; then
  ref_skip="skipped: not installable"
fi
if [[ -n $ref_skip ]]; then
  echo "skipping uroman: $ref_skip"
  for l in "${langs[@]}"; do ref_note[$l]=$ref_skip; done
else
  ref_version=$(pkg_version uroman)
  for l in "${langs[@]}"; do
    out=$out_dir/uroman-$l.out
    echo "== uroman -l ${iso3[$l]}: uroman $ref_version ($runs_ref runs)"
    if time_cmd "uroman-$l" "$runs_ref" "$out_dir/$l.txt" "$out" \
        "$PY" -m uroman -l "${iso3[$l]}" --silent; then
      ref_secs[$l]=$SECS
      if (($(wc -l < "$out") != $(wc -l < "$out_dir/$l.txt"))); then
        echo "warning: uroman -l ${iso3[$l]} wrote $(wc -l < "$out") lines for $(wc -l < "$out_dir/$l.txt")" >&2
        ref_note[$l]="line count differs"
      fi
    else
      echo "warning: uroman -l ${iso3[$l]} failed (see above)" >&2
      ref_note[$l]="failed"
    fi
  done
  if time_cmd uroman-startup "$runs_ref" /dev/null /dev/null "$PY" -m uroman -l ukr --silent; then
    ref_start=$SECS
  fi
  out=$out_dir/uroman-all.out
  echo "== uroman, all languages in one process (::lcode per line): uroman $ref_version ($runs_ref runs)"
  if time_cmd uroman-all "$runs_ref" "$out_dir/all.txt" "$out" "$PY" -m uroman --silent; then
    ref_one=$SECS
    if (($(wc -l < "$out") != $(wc -l < "$out_dir/all.txt"))); then
      echo "warning: uroman wrote $(wc -l < "$out") lines for $(wc -l < "$out_dir/all.txt") (all.txt)" >&2
      ref_one_note="line count differs"
    fi
  else
    echo "warning: uroman failed on all.txt (see above)" >&2
    ref_one_note="failed"
  fi

  # Steady speed: uroman in one process, timed around the romanization only.
  echo "== uroman in-process: load once, then romanize_string per line ($runs_ref passes per language)"
  specs=()
  for l in "${langs[@]}"; do specs+=("$l:${iso3[$l]}:$out_dir/$l.txt"); done
  if "$PY" - "$runs_ref" "${specs[@]}" > "$out_dir/uroman-inprocess.tsv" <<'PY'
import statistics
import sys
import time

from uroman import Uroman

runs = int(sys.argv[1])
rom = Uroman(cache_size=65536)             # the command line's default cache
for spec in sys.argv[2:]:
    lang, lcode, path = spec.split(":", 2)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    times = []
    for _ in range(runs):
        rom.reset_cache(65536)             # each pass starts cold, like a new process
        t0 = time.perf_counter()
        out = [rom.romanize_string(line, lcode=lcode) for line in lines]
        times.append(time.perf_counter() - t0)
    print(f"{lang}\t{statistics.median(times):.6f}")
PY
  then
    while IFS=$'\t' read -r l secs; do ref_inproc[$l]=$secs; done < "$out_dir/uroman-inprocess.tsv"
  else
    echo "warning: the in-process uroman measurement failed (see above)" >&2
  fi
fi

# ---------------------------------------------------------------------------
# 4. Table, ratios and target; markdown copy in bench/out/romanize.md
# ---------------------------------------------------------------------------
# Per language, their sum ("total": each tool started once per language), and
# all languages in one process ("one process": each tool started once).
# Columns: lang | tokens | ner-romanize s | tokens/s | uroman s | tokens/s |
#          uroman in-process tokens/s | ratio | target | ratio in-process | note
rows=()
ner_total=0 ref_total=0 inproc_total=0 ner_all=1 ref_all=1 inproc_all=1
add_row() { # add_row LANG TOKENS NER_SECS REF_SECS REF_INPROCESS_SECS NOTE
  local lang=$1 n=$2 a=$3 b=$4 c=$5 note=$6 r
  local c1=- c2=- c3=- c4=- c5=- c6=- c7=- c8=-
  if [[ -n $a ]]; then c1=$(fmt_secs "$a"); c2=$(fmt_rate "$n" "$a"); fi
  if [[ -n $b ]]; then c3=$(fmt_secs "$b"); c4=$(fmt_rate "$n" "$b"); fi
  if [[ -n $c ]]; then c7=$(fmt_rate "$n" "$c"); fi
  if [[ -n $a && -n $b ]]; then
    r=$(ratio "$a" "$b"); c5="${r}x"
    c6=$(meets "$r" "$target" && echo met || echo "NOT met")
  fi
  if [[ -n $a && -n $c ]]; then c8="$(ratio "$a" "$c")x"; fi
  rows+=("$lang|$n|$c1|$c2|$c3|$c4|$c7|$c5|$c6|$c8|$note")
}
# sum TOTAL SECS: TOTAL + SECS
sum() { awk -v t="$1" -v s="$2" 'BEGIN { print t + s }'; }
for l in "${langs[@]}"; do
  a=${ner_secs[$l]:-} b=${ref_secs[$l]:-} c=${ref_inproc[$l]:-}
  note=$(printf '%s' "${ner_note[$l]:-}${ner_note[$l]:+; }${ref_note[$l]:-}")
  add_row "$l" "${tokens[$l]}" "$a" "$b" "$c" "${note%; }"
  if [[ -n $a ]]; then ner_total=$(sum "$ner_total" "$a"); else ner_all=0; fi
  if [[ -n $b ]]; then ref_total=$(sum "$ref_total" "$b"); else ref_all=0; fi
  if [[ -n $c ]]; then inproc_total=$(sum "$inproc_total" "$c"); else inproc_all=0; fi
done
add_row total "$total_tokens" "$( ((ner_all)) && echo "$ner_total" || true)" \
  "$( ((ref_all)) && echo "$ref_total" || true)" "$( ((inproc_all)) && echo "$inproc_total" || true)" \
  "sum of the per-language runs: each tool started $((${#langs[@]})) times"
one_note=$(printf '%s' "${ner_one_note}${ner_one_note:+; }${ref_one_note}")
add_row "one process" "$total_tokens" "$ner_one" "$ref_one" "$( ((inproc_all)) && echo "$inproc_total" || true)" \
  "${one_note:-all languages in one file, each tool started once}"

startups="start-up (empty input, uk): ner-romanize $([[ -n $ner_start ]] && fmt_secs "$ner_start" || echo -) s, uroman $([[ -n $ref_start ]] && fmt_secs "$ref_start" || echo -) s"

echo
echo "== results: first $max_sentences sentences per language, $timer"
{
  echo "lang|tokens|ner-romanize s|tokens/s|uroman s|tokens/s|in-process|ratio|target ${target}x|in-process|note"
  printf '%s\n' "${rows[@]}"
} | awk -F'|' '{ printf "%-5s %7s %14s %9s %9s %9s %12s %7s %10s %18s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
echo
echo "$startups"
headline=
if [[ -n $ner_one && -n $ref_one ]]; then
  r=$(ratio "$ner_one" "$ref_one")
  headline="ner-romanize vs uroman, all ${#langs[@]} languages in one process: ${r}x ($(meets "$r" "$target" && echo met || echo "NOT met") target ${target}x)"
  echo "$headline"
fi

{
  echo "# ner-romanize throughput"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores; input: the first $max_sentences sentences"
  echo "of wikiann/{$(IFS=,; echo "${langs[*]}")}.train ($total_tokens tokens); uroman ${ref_version:-not run}."
  echo "ner-romanize reads the CoNLL lines (\`token<TAB>tag\`); uroman reads the same tokens"
  echo "as one sentence per line, joined by spaces. timing: $timer of $runs_ner runs for"
  echo "ner-romanize, $runs_ref for uroman; whole processes, stdin from the file, stdout to a"
  echo "file. The target is checked on whole processes, all languages in one process each"
  echo "(the \"one process\" row). \"uroman in-process\" is uroman's"
  echo "steady speed: rule tables loaded once in one Python process, then romanize_string on"
  echo "each line, cache emptied before each pass (median of $runs_ref passes); \"ratio in-process\""
  echo "divides it into ner-romanize's whole-process speed."
  echo
  echo "| lang | tokens | ner-romanize s | tokens/s | uroman s | tokens/s | uroman in-process tokens/s | ratio | target ${target}x | ratio in-process | note |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|"
  for row in "${rows[@]}"; do echo "| ${row//|/ | } |"; done
  echo
  [[ -z $headline ]] || echo "- $headline"
  echo "- $startups"
  echo "- commands: \`${ner_bin:-ner-romanize} --lang L < L.conll\`,"
  echo "  \`${PY:-python3} -m uroman -l LLL --silent < L.txt\` (LLL: $(for l in "${langs[@]}"; do printf '%s=%s ' "$l" "${iso3[$l]}"; done | sed 's/ $//'))"
  echo "  one process: \`${ner_bin:-ner-romanize} < all.conll\` (\`# lang = L\` before each sentence),"
  echo "  \`${PY:-python3} -m uroman --silent < all.txt\` (\`::lcode LLL \` before each line)"
} > "$report"
echo
echo "markdown: $report"

exit "$status"
