#!/usr/bin/env bash
# Regenerates every NAME.out / NAME.status in this folder from NAME.in + NAME.args
# by running the reference conlleval.pl (version 2004-01-26).
#
#   CONLLEVAL=/path/to/conlleval.pl ./regenerate.sh
#
# NAME.args holds one command-line argument per line (empty file: no arguments).
# Only stdout is recorded; stderr (warnings, error messages) is discarded.
set -u

if [ -z "${CONLLEVAL:-}" ]; then
  echo "regenerate.sh: set CONLLEVAL to the path of conlleval.pl (2004-01-26)" >&2
  exit 2
fi
if [ ! -f "$CONLLEVAL" ]; then
  echo "regenerate.sh: CONLLEVAL=$CONLLEVAL is not a file" >&2
  exit 2
fi

cd "$(dirname "$0")" || exit 2
export LC_ALL=C

count=0
for input in *.in; do
  [ -e "$input" ] || continue
  name=${input%.in}
  args=()
  if [ -f "$name.args" ]; then
    mapfile -t args < "$name.args"
  fi
  perl "$CONLLEVAL" ${args[@]+"${args[@]}"} < "$input" > "$name.out" 2> /dev/null
  echo "$?" > "$name.status"
  count=$((count + 1))
done
echo "regenerated $count cases" >&2
