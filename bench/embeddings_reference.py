#!/usr/bin/env python3
"""Checks NERKit's embedding alignment against numpy, the way MUSE computes it.

Usage: bench/embeddings_reference.py [OUT_DIR]

Runs the test `EmbeddingBenchmarks/reference` (swift test, scratch path .build-emb) with
NER_EMBED_REFERENCE=OUT_DIR (default /tmp/emb-ref; skip the run with NO_RUN=1 when the
files are there), which writes, for en.vec -> es.vec with Procrustes on en-es.train.txt:

  W.txt        the d x d mapping, one row a line (mapped source = X W^T)
  mapped.vec   the mapped English vectors, .vec with 6 decimals
  csls.tsv     per English row: row, best Spanish row by CSLS-10, its score, r_T
  rs.txt       r_S per Spanish row
  accuracy.txt precision@1/5/10 on en-es.dev.txt (nn, csls_knn_10), for reading

and compares each with numpy (float64 SVD, float32 products as MUSE on a GPU), printing
the largest absolute differences; exits 1 when one exceeds 1e-4. Data from
NER_EMBED_DATA (default /work/shared/data).
"""
import os
import subprocess
import sys

import numpy as np

data = os.environ.get("NER_EMBED_DATA", "/work/shared/data")
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/emb-ref"
here = os.path.dirname(os.path.abspath(__file__))


def read_vec(path):
    """MUSE's read_txt_emb without lowercasing: header, first of duplicate words kept."""
    words, vectors, seen = [], [], set()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        count, dim = map(int, f.readline().split())
        for line in f:
            word, rest = line.rstrip("\n").rstrip().split(" ", 1)
            if word in seen:
                continue
            v = np.array(rest.split(), dtype=np.float32)
            assert v.shape == (dim,), (path, word)
            seen.add(word)
            words.append(word)
            vectors.append(v)
    return words, np.vstack(vectors)


def load_dictionary(path, w2i1, w2i2):
    """MUSE's load_dictionary: pairs in both vocabularies, stably sorted by source row."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 2:
                continue
            a, b = parts
            if a in w2i1 and b in w2i2:
                pairs.append((w2i1[a], w2i2[b]))
    pairs.sort(key=lambda p: p[0])
    return np.array(pairs, dtype=np.int64)


def knn_mean(query, base, k, bs=2048):
    out = np.empty(query.shape[0], dtype=np.float64)
    for i in range(0, query.shape[0], bs):
        s = query[i:i + bs] @ base.T
        top = -np.partition(-s, k - 1, axis=1)[:, :k]
        out[i:i + bs] = top.astype(np.float64).mean(1)
    return out


def main():
    os.makedirs(out, exist_ok=True)
    if os.environ.get("NO_RUN") != "1":
        env = dict(os.environ, NER_EMBED_REFERENCE=out, NER_EMBED_DATA=data)
        subprocess.run(["swift", "test", "--scratch-path", ".build-emb", "--filter", "EmbeddingBenchmarks/reference"],
                       cwd=os.path.dirname(here), env=env, check=True)
    en_words, en = read_vec(f"{data}/embeddings/en.vec")
    es_words, es = read_vec(f"{data}/embeddings/es.vec")
    w2i_en = {w: i for i, w in enumerate(en_words)}
    w2i_es = {w: i for i, w in enumerate(es_words)}
    dico = load_dictionary(f"{data}/dictionaries/en-es.train.txt", w2i_en, w2i_es)
    print(f"en {en.shape}, es {es.shape}, train pairs {len(dico)}")

    # Procrustes as MUSE: M = B^T A, U S V^T = svd(M), W = U V^T.
    A, B = en[dico[:, 0]].astype(np.float64), es[dico[:, 1]].astype(np.float64)
    U, S, Vt = np.linalg.svd(B.T @ A)
    W = U @ Vt
    worst = {}
    ours_W = np.loadtxt(f"{out}/W.txt")
    worst["W"] = np.abs(ours_W - W).max()

    mapped = (en.astype(np.float64) @ W.T)
    m_words, ours_mapped = read_vec(f"{out}/mapped.vec")
    assert m_words == en_words
    worst["mapped vectors (6 decimals)"] = np.abs(ours_mapped - mapped).max()

    # CSLS-10 on unit vectors, float32 as MUSE.
    src = (mapped / np.linalg.norm(mapped, axis=1, keepdims=True)).astype(np.float32)
    tgt = (es / np.linalg.norm(es, axis=1, keepdims=True)).astype(np.float32)
    rT = knn_mean(src, tgt, 10)
    rS = knn_mean(tgt, src, 10)
    ours = np.loadtxt(f"{out}/csls.tsv")
    ours_rS = np.loadtxt(f"{out}/rs.txt")
    worst["r_T"] = np.abs(ours[:, 3] - rT).max()
    worst["r_S"] = np.abs(ours_rS - rS).max()
    best, best_score, ours_score_ref = [], [], []
    for i in range(0, src.shape[0], 2048):
        s = 2 * (src[i:i + 2048] @ tgt.T).astype(np.float64) - rT[i:i + 2048, None] - rS[None, :]
        j = s.argmax(1)
        best.append(j)
        best_score.append(s[np.arange(len(j)), j])
        # Our choice's score under numpy, to tell near-ties from errors.
        ours_score_ref.append(s[np.arange(len(j)), ours[i:i + 2048, 1].astype(np.int64)])
    best, best_score, ours_score_ref = map(np.concatenate, (best, best_score, ours_score_ref))
    same = (best == ours[:, 1].astype(np.int64))
    worst["CSLS top-1 score"] = np.abs(ours[:, 2] - best_score).max()
    worst["CSLS score of our top-1 below numpy's best"] = (best_score - ours_score_ref).max()
    print(f"CSLS top-1: same target for {same.sum()} of {len(same)} source words")
    for name, value in worst.items():
        print(f"max abs difference, {name}: {value:.3g}")
    print(open(f"{out}/accuracy.txt").read(), end="")
    bad = [name for name, value in worst.items() if value > 1e-4]
    if bad:
        print("FAIL:", ", ".join(bad))
        sys.exit(1)
    print("OK: all within 1e-4")


if __name__ == "__main__":
    main()
