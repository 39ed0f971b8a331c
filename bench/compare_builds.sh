#!/usr/bin/env bash
# bench/compare_builds.sh: two builds of ner-tag side by side in one run, on the same
# inputs and commands: CRF training on es.train, one neural epoch on es.train, and
# tagging es.train with a linear and a neural model (the same model files for both
# builds: the older build's files, which the newer one reads too).
#
#   OLD=/path/to/old/release NEW=/path/to/new/release bash bench/compare_builds.sh
#
# OLD and NEW are folders holding ner-tag (release builds: `swift build -c release`;
# for an earlier commit, a `git worktree add` of it built with its own scratch path).
# Each round runs every step with both builds, the order alternating between rounds
# (old then new, new then old) so that a change in machine load hits both; the table
# gives each build's median over ROUNDS (default 3) of the process's wall time.
# Environment: NER_DATA (default <root>/../shared/data), ITERATIONS (L-BFGS
# iterations of the CRF training, default 30), ROUNDS, THREADS (default 2).
# Output: a table on stdout and in bench/out/compare_builds.md.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
data=${NER_DATA:-$root/../shared/data}/conll2002
out=$script_dir/out/compare_builds
report=$script_dir/out/compare_builds.md
iterations=${ITERATIONS:-30}
rounds=${ROUNDS:-3}
threads=${THREADS:-2}
: "${OLD:?set OLD to the folder of the older build}" "${NEW:?set NEW to the folder of the newer build}"
if [[ ! -f $data/es.train ]]; then
  echo "bench/compare_builds.sh: no conll2002/es.train under $data (set NER_DATA); skipping."
  exit 0
fi
mkdir -p "$out"

# seconds BUILD NAME COMMAND...: runs the command with BUILD's ner-tag as $TAG, appends
# the wall seconds to $out/NAME.BUILD.
seconds() {
  local build=$1 name=$2; shift 2
  local bin; [[ $build == old ]] && bin=$OLD || bin=$NEW
  local start end
  start=$(date +%s.%N)
  TAG=$bin/ner-tag "$@" > /dev/null 2>> "$out/$name.$build.log"
  end=$(date +%s.%N)
  echo "$end - $start" | bc >> "$out/$name.$build"
}

steps() {
  local b=$1
  seconds "$b" crf bash -c "\$TAG train -q --threads $threads --c1 0.1 --c2 0.1 --max-iterations $iterations -m $out/crf.$b.model $data/es.train"
  seconds "$b" epoch bash -c "\$TAG train -q --threads $threads --model neural --epochs 1 -m $out/epoch.$b.model $data/es.train"
  seconds "$b" tag-linear bash -c "\$TAG --threads $threads -m $out/crf.old.model $data/es.train"
  seconds "$b" tag-neural bash -c "\$TAG --threads $threads -m $out/epoch.old.model $data/es.train"
}

rm -f "$out"/*.old "$out"/*.new "$out"/*.log
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then steps old; steps new; else steps new; steps old; fi
done

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
tokens=$(grep -cv '^\s*$' "$data/es.train" || true)
{
  echo "# ner-tag, two builds side by side ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $rounds rounds, medians)"
  echo
  echo "OLD=$OLD"
  echo "NEW=$NEW"
  echo
  echo "| step | old (s) | new (s) | new / old |"
  echo "|---|---:|---:|---:|"
  for name in crf epoch tag-linear tag-neural; do
    o=$(median "$out/$name.old"); n=$(median "$out/$name.new")
    printf '| %s | %.2f | %.2f | %.3f |\n' "$name" "$o" "$n" "$(echo "$n / $o" | bc -l)"
  done
  echo
  echo "crf: train -q --threads $threads --c1 0.1 --c2 0.1 --max-iterations $iterations on es.train; epoch: train --model neural --epochs 1 on es.train;"
  echo "tag-linear / tag-neural: tagging es.train ($tokens tokens) with the old build's models of those two steps."
} | tee "$report"
