#!/usr/bin/env python3
"""Train or apply CRFsuite (python-crfsuite) on a file in CRFsuite's data format, as
written by `ner-tag features`: one item per line, LABEL<TAB>attr<TAB>attr:weight...,
a blank line between sequences; `\\:` and `\\\\` escape ':' and '\\' in names.

    crfsuite_run.py train DATA MODEL [--c1 X] [--c2 X] [--max-iterations N]
    crfsuite_run.py tag DATA MODEL > labels

`train` uses L-BFGS with feature.possible_transitions on (CRFsuite's other defaults:
possible_states off, minfreq 0). `tag` prints one label a line, a blank line between
sequences, like `crfsuite tag`. Timings go to stderr as one JSON line: seconds spent
reading the data (parsing and handing it to CRFsuite) and training or tagging.
"""
import json
import sys
import time

import pycrfsuite


def parse_attribute(field):
    """(name, weight) of one attribute field, with the escapes undone."""
    name = []
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == "\\" and i + 1 < n:
            name.append(field[i + 1])
            i += 2
            continue
        if c == ":":
            return "".join(name), float(field[i + 1:])
        name.append(c)
        i += 1
    return "".join(name), 1.0


def sequences(path):
    """Yields (attribute dicts, labels) per sequence."""
    xs, ys = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if ys:
                    yield xs, ys
                xs, ys = [], []
                continue
            fields = line.split("\t")
            ys.append(fields[0])
            if "\\" in line or ":" in line:
                item = {}
                for field in fields[1:]:
                    if field:
                        k, v = parse_attribute(field)
                        item[k] = item.get(k, 0.0) + v
                xs.append(item)
            else:
                xs.append([a for a in fields[1:] if a])
    if ys:
        yield xs, ys


def main():
    args = sys.argv[1:]
    if len(args) < 3 or args[0] not in ("train", "tag"):
        sys.exit(__doc__)
    mode, data, model = args[:3]
    opts = {"--c1": 0.0, "--c2": 1.0, "--max-iterations": 0}
    rest = args[3:]
    while rest:
        key, value = rest[0], rest[1]
        opts[key] = float(value)
        rest = rest[2:]
    t0 = time.perf_counter()
    if mode == "train":
        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
        for xs, ys in sequences(data):
            trainer.append(pycrfsuite.ItemSequence(xs), ys)
        params = {"c1": opts["--c1"], "c2": opts["--c2"], "feature.possible_transitions": True}
        if opts["--max-iterations"]:
            params["max_iterations"] = int(opts["--max-iterations"])
        trainer.set_params(params)
        t1 = time.perf_counter()
        trainer.train(model)
        t2 = time.perf_counter()
        last = trainer.logparser.last_iteration or {}
        info = {"read_s": t1 - t0, "train_s": t2 - t1, "iterations": len(trainer.logparser.iterations),
                "loss": last.get("loss")}
    else:
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        out = sys.stdout
        read = tag = 0.0
        for xs, ys in sequences(data):
            t1 = time.perf_counter()
            seq = pycrfsuite.ItemSequence(xs)
            t2 = time.perf_counter()
            labels = tagger.tag(seq)
            t3 = time.perf_counter()
            read += t2 - t1
            tag += t3 - t2
            out.write("\n".join(labels) + "\n\n")
        info = {"tag_s": tag, "item_s": read, "total_s": time.perf_counter() - t0}
    print(json.dumps(info), file=sys.stderr)


if __name__ == "__main__":
    main()
