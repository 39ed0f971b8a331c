#!/usr/bin/env python3
"""Score a conlleval-format file with seqeval, for bench/score.sh.

Input: one token per line as "token gold guess" (whitespace separated; the
gold tag is the second-to-last field and the guess the last one, as conlleval
reads them), blank lines between sentences. Reads the file named on the
command line, or standard input when there is none.

Prints seqeval's classification_report in its default mode (mode=None, the
conlleval-like chunking that also accepts an I- tag as the start of a chunk).
The whole process (interpreter start, imports, reading, scoring) is what the
benchmark times, so keep this script plain.
"""
import sys

from seqeval.metrics import classification_report


def read_sentences(stream):
    """Return (y_true, y_pred): one list of tags per sentence."""
    y_true, y_pred = [], []
    gold, guess = [], []
    for line in stream:
        fields = line.split()
        if not fields:
            # Blank line: end of a sentence (several in a row are one boundary).
            if gold:
                y_true.append(gold)
                y_pred.append(guess)
                gold, guess = [], []
            continue
        gold.append(fields[-2])
        guess.append(fields[-1])
    if gold:  # The last sentence need not end with a blank line.
        y_true.append(gold)
        y_pred.append(guess)
    return y_true, y_pred


def main():
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            y_true, y_pred = read_sentences(f)
    else:
        y_true, y_pred = read_sentences(sys.stdin)
    print(classification_report(y_true, y_pred, digits=2))


if __name__ == "__main__":
    main()
