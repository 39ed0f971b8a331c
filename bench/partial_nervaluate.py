#!/usr/bin/env python3
"""Cross-check of `ner-score --partial` with the nervaluate package (pip install nervaluate).

Usage: partial_nervaluate.py FILE

FILE is in conlleval's format: one token per line, the gold tag and the
prediction its last two fields (IOB2 or IOB1 tags: B-, I-, O), blank lines
between sentences. Prints, per schema (strict, exact, partial, ent_type as
nervaluate names the type schema), the counts correct, incorrect, partial,
missed, spurious, possible and actual, and compares them with
`ner-score --partial --format json FILE` (ner-score on PATH, or NER_SCORE):
exits 1 when any count differs.

nervaluate's overlap test needs 1% of the gold entity covered by default: the
same as any overlap for entities under 100 tokens.
"""
import itertools
import json
import os
import subprocess
import sys

from nervaluate import Evaluator


def read(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for line in f if not line.startswith("# ")]
    sentences = [list(run) for nonblank, run in itertools.groupby(rows, key=bool) if nonblank]
    return [[r[-2] for r in s] for s in sentences], [[r[-1] for r in s] for s in sentences]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    gold, pred = read(sys.argv[1])
    tags = sorted({t[2:] for s in gold + pred for t in s if t != "O"})
    results = Evaluator(gold, pred, tags=tags, loader="list").evaluate()["overall"]
    ours = json.loads(subprocess.run(
        [os.environ.get("NER_SCORE", "ner-score"), "--partial", "--format", "json", sys.argv[1]],
        check=True, capture_output=True, text=True).stdout)["partial"]
    fields = ["correct", "incorrect", "partial", "missed", "spurious", "possible", "actual"]
    differ = False
    for theirs, mine in [("strict", "strict"), ("exact", "exact"), ("partial", "partial"), ("ent_type", "type")]:
        r = results[theirs]
        a = [getattr(r, k) for k in fields]
        b = [ours[mine][k] for k in fields]
        print("%-8s nervaluate %s  ner-score %s%s" % (mine, a, b, "" if a == b else "  DIFFERENT"))
        differ = differ or a != b
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
