#!/usr/bin/env python3
"""Reference implementation of `ner-score --compare A B --gold G` (standard library only).

Usage: significance_reference.py A B G [SAMPLES [SEED]]   (defaults 10000 and 1)

A, B and G are CoNLL files (whitespace-separated fields, blank lines between
sentences): the last field of A and B is the prediction, the last field of G
the gold tag; the first field is the token, which must agree across the files.
Entities are chunked by conlleval's rules for B-, I- and O tags (an I- after O
or after another type starts an entity), as ner-score does by default.

Prints the two p-value lines of ner-score's --compare report. The random
numbers come from SplitMix64 exactly as Sources/NERKit/Random/SeededRandom.swift
draws them, so the samples, and the p-values, are identical to ner-score's:

- F1 is conlleval's: p = 100 c / guessed, r = 100 c / gold, F = 2 p r / (p + r),
  over counts summed over sentences; delta = F1(A) - F1(B).
- Paired bootstrap: each sample draws n sentences, index next() % n; a sample
  counts when |delta* - delta| >= |delta|.
- Approximate randomization: each sentence's A and B counts are swapped when
  next() >> 63 is 1; a sample counts when |delta'| >= |delta|.
- p = (count + 1) / (samples + 1); each test starts its own generator at SEED.
"""
import itertools
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def read(path):
    """Sentences as lists of (token, last field): runs of non-blank lines, comments skipped."""
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for line in f if not line.startswith("# ")]
    groups = itertools.groupby(rows, key=bool)
    return [[(r[0], r[-1]) for r in run] for nonblank, run in groups if nonblank]


def entities(tags):
    """Entities (start, end exclusive, type) by conlleval's rules for B/I/O tags."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (start is None or t != kind))
        if start is not None and (prefix == "O" or begins):
            spans.append((start, i, kind))
            start = None
        if begins:
            start, kind = i, t
    return spans


def f1(c, p, g):
    prec = 100 * float(c) / float(p) if p > 0 else 0.0
    rec = 100 * float(c) / float(g) if g > 0 else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0


def counts(a, b, g):
    """Per sentence: (gold, guessed A, correct A, guessed B, correct B)."""
    if not (len(a) == len(b) == len(g)):
        sys.exit("the files have different numbers of sentences")
    rows = []
    for sa, sb, sg in zip(a, b, g):
        if [t for t, _ in sa] != [t for t, _ in sg] or [t for t, _ in sb] != [t for t, _ in sg]:
            sys.exit("tokens differ")
        gold = set(entities([x for _, x in sg]))
        ea = entities([x for _, x in sa])
        eb = entities([x for _, x in sb])
        rows.append((len(gold), len(ea), len(gold & set(ea)), len(eb), len(gold & set(eb))))
    return rows


def test(rows, samples, seed):
    n = len(rows)
    g = sum(r[0] for r in rows)
    delta = f1(sum(r[2] for r in rows), sum(r[1] for r in rows), g) - f1(sum(r[4] for r in rows), sum(r[3] for r in rows), g)
    rng = SplitMix64(seed)
    boot = 0
    for _ in range(samples):
        s = [0] * 5
        for _ in range(n):
            r = rows[rng.next() % n]
            for k in range(5):
                s[k] += r[k]
        if abs(f1(s[2], s[1], s[0]) - f1(s[4], s[3], s[0]) - delta) >= abs(delta):
            boot += 1
    rng = SplitMix64(seed)
    ar = 0
    for _ in range(samples):
        pa = ca = pb = cb = 0
        for r in rows:
            if rng.next() >> 63 == 1:
                pa += r[3]; ca += r[4]; pb += r[1]; cb += r[2]
            else:
                pa += r[1]; ca += r[2]; pb += r[3]; cb += r[4]
        if abs(f1(ca, pa, g) - f1(cb, pb, g)) >= abs(delta):
            ar += 1
    return boot, ar


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    samples = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    rows = counts(read(sys.argv[1]), read(sys.argv[2]), read(sys.argv[3]))
    boot, ar = test(rows, samples, seed)
    print("paired bootstrap: p = %.6f (%d samples, seed %d, %d as extreme)" % ((boot + 1) / (samples + 1), samples, seed, boot))
    print("approximate randomization: p = %.6f (%d samples, seed %d, %d as extreme)" % ((ar + 1) / (samples + 1), samples, seed, ar))


if __name__ == "__main__":
    main()
