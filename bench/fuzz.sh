#!/usr/bin/env bash
# bench/fuzz.sh: a long pass of the in-project fuzzer (Tests/FuzzTests) on a release
# build of the tools.
#
#   bash bench/fuzz.sh [CASES [SEED]]      (default: 20000 cases, seed 1)
#
# Environment (all optional):
#   NER_TOOLS_BIN       prebuilt tools (default: swift build -c release)
#   NER_FUZZ_FIRST      the first case's number (default 0); cases are numbered,
#                       each one's damage drawn from its own generator, so a range
#                       can be run again alone
#   NER_FUZZ_TIMEOUT    seconds a run may take before it counts as a hang (default 20)
#   NER_FUZZ_MAX_INSERT the longest run of bytes a mutation inserts (default 300)
#   NER_FUZZ_JOBS       cases run side by side (default 1; more than one can stall)
#   NER_FUZZ_STRICT     1 to fail on the violations FuzzContract.deferred lists
#   NER_FUZZ_OUT        where failing inputs are written
#                       (default: bench/out/fuzz-SEED, emptied first)
#
# Output: the counts per verdict (ok, signal, hang, exit, message, lost-output) and
# one line per failing case, on stdout and in bench/out/fuzz-SEED.log. Exit status 0
# when every case kept the contract, 1 otherwise. A failing input is replayed by
# copying it into Tests/FuzzTests/Crashers/TARGET/ (minimized by hand).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$script_dir")
cases=${1:-20000}
seed=${2:-1}
out=${NER_FUZZ_OUT:-$root/bench/out/fuzz-$seed}
rm -rf "$out"
mkdir -p "$out"

cd "$root"
if [[ -z ${NER_TOOLS_BIN:-} ]]; then
  # A scratch folder of its own, so the debug build of the tests can go on beside it.
  swift build -c release --scratch-path .build-release > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
  NER_TOOLS_BIN=$(swift build -c release --scratch-path .build-release --show-bin-path)
fi
swift build --build-tests > "$out/build-tests.log" 2>&1 || { cat "$out/build-tests.log"; exit 1; }

status=0
NER_FUZZ_JOBS=${NER_FUZZ_JOBS:-1} NER_TOOLS_BIN=$NER_TOOLS_BIN NER_FUZZ_CASES=$cases NER_FUZZ_SEED=$seed NER_FUZZ_OUT=$out \
  swift test --skip-build --filter FuzzTests.boundedPass > "$out/test.log" 2>&1 || status=1
grep '^fuzz:' "$out/test.log" | tee "$root/bench/out/fuzz-$seed.log"
if ! grep -q '^fuzz: seed' "$out/test.log"; then
  tail -20 "$out/test.log"
  exit 1
fi
exit $status
