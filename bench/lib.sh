# bench/lib.sh: helpers shared by the benchmarks (score.sh, tokenize.sh, romanize.sh).
# Source it (do not run it) after setting:
#   root     the repository root
#   out_dir  the benchmark's scratch folder (created here if missing)
#
# It provides:
#   timer                      how runs are timed (hyperfine or a bash loop)
#   time_cmd NAME RUNS IN OUT CMD...   median wall-clock seconds of CMD in SECS
#   build_tool PRODUCT PREBUILT        path of a release binary in TOOL_BIN
#   find_python                        the real python3 interpreter in PY
#   pip_ensure MODULE PACKAGE          import MODULE, pip-installing PACKAGE once
#   fmt_secs / fmt_rate / ratio / meets   number formatting for the tables

mkdir -p "$out_dir"

# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------
# Each tool is timed as a whole process (interpreter or binary start-up,
# reading, work, writing) with stdin from a file and stdout to a file; the
# figure kept is the median of the runs (hyperfine's median when hyperfine is
# installed and NO_HYPERFINE is not 1).
if [[ ${NO_HYPERFINE:-0} != 1 ]] && command -v hyperfine > /dev/null; then
  timer="hyperfine $(hyperfine --version | awk '{print $2}') (median)"
else
  timer="bash loop with date +%s.%N (median)"
fi

# time_cmd NAME RUNS INFILE OUTFILE CMD...: runs CMD RUNS times with stdin from
# INFILE and stdout to OUTFILE; sets SECS to the median wall-clock seconds.
# NAME must be usable in a file name. Returns non-zero (SECS empty) if a run
# fails.
SECS=
time_cmd() {
  local name=$1 runs=$2 infile=$3 outfile=$4
  shift 4
  SECS=
  if [[ $timer == hyperfine* ]]; then
    # One shell command line; hyperfine subtracts the shell's start-up time.
    local cmd csv=$out_dir/$name.hyperfine.csv
    cmd="$(printf '%q ' "$@")< $(printf '%q' "$infile") > $(printf '%q' "$outfile")"
    hyperfine --shell=bash --runs "$runs" --command-name "$name" \
      --export-csv "$csv" "$cmd" >&2 || return 1
    # CSV header: command,mean,stddev,median,user,system,min,max
    SECS=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "median") c = i }
                    NR == 2 { print $c }' "$csv")
  else
    local i t0 t1 times=()
    for ((i = 1; i <= runs; i++)); do
      t0=$(date +%s.%N)
      "$@" < "$infile" > "$outfile" || return 1
      t1=$(date +%s.%N)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
      echo "   $name run $i/$runs: ${times[-1]} s" >&2
    done
    SECS=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 }
      END { if (NR % 2) print t[(NR + 1) / 2]; else printf "%.6f\n", (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  fi
  [[ -n $SECS ]]
}

# ---------------------------------------------------------------------------
# Our tools
# ---------------------------------------------------------------------------
# build_tool PRODUCT PREBUILT: sets TOOL_BIN to an executable PRODUCT, or
# TOOL_BIN empty and TOOL_NOTE to the reason (after printing a clear error).
# PREBUILT is the value of the tool's override variable (NER_TOKENIZE,
# NER_ROMANIZE); when it is empty the product is built in release mode.
TOOL_BIN= TOOL_NOTE=
build_tool() {
  local product=$1 prebuilt=$2 var bin_dir
  var=$(echo "${product//-/_}" | tr '[:lower:]' '[:upper:]')
  TOOL_BIN= TOOL_NOTE=
  if [[ -n $prebuilt ]]; then
    if [[ -x $prebuilt && ! -d $prebuilt ]]; then
      TOOL_BIN=$prebuilt
    else
      echo "error: $var=$prebuilt is not an executable file" >&2
      TOOL_NOTE="$var not executable"
    fi
    return 0
  fi
  if ! command -v swift > /dev/null; then
    echo "error: swift not found, cannot build $product; set $var=/path/to/$product" >&2
    TOOL_NOTE="no swift"
    return 0
  fi
  echo "== building: swift build -c release --static-swift-stdlib --product $product"
  if (cd "$root" && swift build -c release --static-swift-stdlib --product "$product"); then
    bin_dir=$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path 2> /dev/null) \
      || bin_dir=$root/.build/release
    TOOL_BIN=$bin_dir/$product
    if [[ ! -x $TOOL_BIN ]]; then
      echo "error: the build succeeded but $TOOL_BIN is missing" >&2
      TOOL_BIN= TOOL_NOTE="binary missing after build"
    fi
  else
    echo "error: 'swift build -c release --static-swift-stdlib --product $product' failed in $root (see above)." >&2
    echo "       If $product does not exist yet, this part cannot run; the reference tools are still timed." >&2
    echo "       Otherwise fix the build, or set $var=/path/to/$product to time a prebuilt binary." >&2
    TOOL_NOTE="build failed"
  fi
}

# ---------------------------------------------------------------------------
# Python peers
# ---------------------------------------------------------------------------
# find_python: sets PY to the interpreter behind `python3` (sys.executable),
# so that the timed runs do not also pay for a version-manager shim (pyenv's
# adds about 80 ms per process). Returns non-zero when there is no python3.
PY=
find_python() {
  command -v python3 > /dev/null || return 1
  PY=$(python3 -c 'import sys; print(sys.executable)') && [[ -x $PY ]]
}

# pip_ensure MODULE PACKAGE: succeeds when MODULE can be imported, trying
# `pip install PACKAGE` once if it cannot.
pip_ensure() {
  "$PY" -c "import $1" 2> /dev/null && return 0
  echo "== installing $2: $PY -m pip install $2"
  "$PY" -m pip install --quiet --disable-pip-version-check --timeout 30 --retries 1 "$2" \
    || echo "   pip install $2 failed"
  "$PY" -c "import $1" 2> /dev/null
}

# pkg_version PACKAGE: its installed version, or "?".
pkg_version() {
  "$PY" -c "import importlib.metadata as m; print(m.version('$1'))" 2> /dev/null || echo '?'
}

# ---------------------------------------------------------------------------
# Formatting: fmt_secs SECS, fmt_rate COUNT SECS, ratio OURS_SECS THEIRS_SECS,
# meets RATIO TARGET (exit status), minus A B (A - B, or empty if not > 0)
# ---------------------------------------------------------------------------
fmt_secs() { awk -v s="$1" 'BEGIN { printf "%.3f", s }'; }
fmt_rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b / a }'; }
meets() { awk -v r="$1" -v t="$2" 'BEGIN { exit !(r >= t) }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { if (a - b > 0) printf "%.6f", a - b }'; }
