#!/usr/bin/env bash
# bench/align_unsupervised.sh: alignment without a dictionary (issue 18, part 2).
#
#   bash bench/align_unsupervised.sh [tables|identical|rotation|scale]...
#                                    (default: tables rotation scale)
#
# tables    On the shared vectors, en-es and en-nl: precision@1 (nn and csls_knn_10)
#           on dictionaries/en-L.dev.txt of `ner-translate align` with the train
#           dictionary (--rounds 1: plain Procrustes; --rounds 5: refined, keeping the
#           round best on held-out seed words, the default, or by the unsupervised
#           criterion), --identical (the same three), --init similarity and
#           --adversarial (defaults), each timed; then Procrustes, --init and
#           --adversarial on vectors normalized as VecMap does (renorm,center,renorm).
# identical Only the --identical rows of the tables (a few minutes).
# rotation  A real .vec file (en.vec) against its own random rotation plus small noise
#           (numpy, seed 1): precision@1 with no dictionary (gold: every word to itself).
# scale     A synthetic pair of SCALE_ROWS x 300 vectors (default 200000; anisotropic
#           Gaussian and its rotation): wall-clock time of `align --adversarial`
#           (--save-mapping only) with the default options.
#
# Environment: NER_DATA (default <root>/../shared/data), NER_TRANSLATE (a prebuilt
# binary; default swift build -c release), SCALE_ROWS, ALIGN_THREADS (default 2).
# Scratch files go to bench/out/align_unsupervised (not committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${NER_DATA:-$root/../shared/data}
out=$root/bench/out/align_unsupervised
mkdir -p "$out"
if [[ ! -d $data/embeddings ]]; then echo "align_unsupervised.sh: no $data/embeddings; skipping" >&2; exit 0; fi
if [[ -z ${NER_TRANSLATE:-} ]]; then
  (cd "$root" && swift build -c release --product ner-translate > /dev/null)
  NER_TRANSLATE=$root/.build/release/ner-translate
fi
T=$NER_TRANSLATE
threads=${ALIGN_THREADS:-2}

# run NAME EVAL_DICT ALIGN_ARGS...: align (timed), then evaluate; prints a table row.
run() {
  local name=$1 dev=$2 src=$3 tgt=$4
  shift 4
  local start end
  start=$(date +%s.%N)
  local norm=()
  [[ -n ${NORM:-} ]] && norm=(--normalize "$NORM")
  "$T" align --source-embeddings "$src" --target-embeddings "$tgt" --threads "$threads" "${norm[@]}" "$@" \
    --save-mapping "$out/$name.map" 2> "$out/$name.log"
  end=$(date +%s.%N)
  "$T" evaluate "${norm[@]}" --source-embeddings "$src" --mapping "$out/$name.map" --target-embeddings "$tgt" \
    --dictionary "$dev" > "$out/$name.eval"
  printf '| %-28s | %6s | %6s | %6.0f s |\n' "$name" \
    "$(awk '/^nn:/ {print $3}' "$out/$name.eval")" "$(awk '/^csls/ {print $3}' "$out/$name.eval")" \
    "$(echo "$end - $start" | bc)"
}

tables() {
  echo "| alignment (en-L, dev dictionary) | P@1 nn | P@1 csls | time |"
  echo "|---|---|---|---|"
  for L in es nl; do
    local e=$data/embeddings d=$data/dictionaries
    run "$L-procrustes-rounds1" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --dictionary "$d/en-$L.train.txt" --rounds 1
    run "$L-procrustes-rounds5" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --dictionary "$d/en-$L.train.txt"
    run "$L-procrustes-rounds5-criterion" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --dictionary "$d/en-$L.train.txt" --keep-round criterion
    identical_rows "$L"
    run "$L-init-similarity" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --init similarity
    run "$L-adversarial" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --adversarial
    # VecMap's normalization (unit length, centered, unit length), evaluated on the
    # same normalized vectors.
    NORM=renorm,center,renorm run "$L-procrustes-rounds1-norm" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --dictionary "$d/en-$L.train.txt" --rounds 1
    NORM=renorm,center,renorm run "$L-init-similarity-norm" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --init similarity
    NORM=renorm,center,renorm run "$L-adversarial-norm" "$d/en-$L.dev.txt" "$e/en.vec" "$e/$L.vec" --adversarial
  done
}

# identical_rows L: no dictionary, the words spelled the same as the seed; plain
# Procrustes on them (--rounds 1) and refined (the default 5 rounds, keeping the round
# best on held-out seed words or by the criterion).
identical_rows() {
  local e=$data/embeddings d=$data/dictionaries
  run "$1-identical-rounds1" "$d/en-$1.dev.txt" "$e/en.vec" "$e/$1.vec" --identical --rounds 1
  run "$1-identical" "$d/en-$1.dev.txt" "$e/en.vec" "$e/$1.vec" --identical
  run "$1-identical-criterion" "$d/en-$1.dev.txt" "$e/en.vec" "$e/$1.vec" --identical --keep-round criterion
}

identical() {
  echo "| alignment (en-L, dev dictionary) | P@1 nn | P@1 csls | time |"
  echo "|---|---|---|---|"
  for L in es nl; do identical_rows "$L"; done
}

rotation() {
  python3 - "$data/embeddings/en.vec" "$out" <<'PY'
import sys, numpy as np
src, out = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")[1:]
rows = [l.split(" ") for l in lines if l.strip()]
words = [r[0] for r in rows]
x = np.array([[float(v) for v in r[1:]] for r in rows], dtype=np.float64)
rng = np.random.default_rng(1)
q, _ = np.linalg.qr(rng.standard_normal((x.shape[1], x.shape[1])))
y = x @ q.T + rng.normal(0, 0.01, x.shape)
with open(f"{out}/rot.vec", "w", encoding="utf-8") as f:
    f.write(f"{len(words)} {x.shape[1]}\n")
    for w, v in zip(words, y):
        f.write(w + " " + " ".join(f"{t:.5f}" for t in v) + "\n")
with open(f"{out}/self.txt", "w", encoding="utf-8") as f:
    for w in words[:5000]:
        f.write(f"{w} {w}\n")
PY
  echo "| en.vec vs its rotation (first 5,000 words to themselves) | P@1 nn | P@1 csls | time |"
  echo "|---|---|---|---|"
  run rotation-init-similarity "$out/self.txt" "$data/embeddings/en.vec" "$out/rot.vec" --init similarity
  run rotation-adversarial "$out/self.txt" "$data/embeddings/en.vec" "$out/rot.vec" --adversarial
}

scale() {
  local n=${SCALE_ROWS:-200000}
  python3 - "$n" "$out" <<'PY'
import sys, numpy as np
n, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(2)
x = rng.standard_normal((n, 300)).astype(np.float32) * (1.0 / (1.0 + np.arange(300) / 30.0)).astype(np.float32)
q, _ = np.linalg.qr(rng.standard_normal((300, 300)))
y = (x @ q.T.astype(np.float32)) + rng.normal(0, 0.01, x.shape).astype(np.float32)
for name, m in (("big-s.vec", x), ("big-t.vec", y)):
    with open(f"{out}/{name}", "w") as f:
        f.write(f"{n} 300\n")
        for i in range(0, n, 10000):
            block = m[i:i + 10000]
            f.write("".join(f"w{i + r} " + " ".join(f"{v:.4f}" for v in row) + "\n" for r, row in enumerate(block)))
PY
  local start end
  start=$(date +%s.%N)
  "$T" align --source-embeddings "$out/big-s.vec" --target-embeddings "$out/big-t.vec" --threads "$threads" \
    --adversarial --save-mapping "$out/big.map" 2> "$out/big.log"
  end=$(date +%s.%N)
  printf 'align --adversarial on %d x 300 (defaults, %s threads): %.0f s\n' "$n" "$threads" "$(echo "$end - $start" | bc)"
}

for part in "${@:-tables rotation scale}"; do
  for p in $part; do "$p"; done
done
