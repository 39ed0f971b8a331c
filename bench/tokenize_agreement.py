#!/usr/bin/env python3
"""Tokenization agreement of ner-tokenize (and of sacremoses) with the gold
tokens of CoNLL-2002 Spanish.

    python3 bench/tokenize_agreement.py [--split train] [--ner-tokenize BIN]

Method
  1. Read the sentences of conll2002/es.<split> (token = first column).
  2. Detokenize each sentence with sacremoses' MosesDetokenizer(lang='es'), the
     same as `sacremoses -l es detokenize`: one line of running text per
     sentence ("Melbourne (Australia), 25 may (EFE).").
  3. Give the gold tokens character spans in that line by sequential search:
     each token is looked for from the end of the previous one (after
     whitespace, normally right there). Offsets count Unicode scalars, like
     Python string indices and like ner-tokenize's JSONL offsets.
  4. Tokenize the lines with
       ner-tokenize --lang es --no-split --to jsonl   (one record per line;
                                                       spans from "offsets")
       sacremoses MosesTokenizer(lang='es').tokenize(line, escape=False)
                                                      (spans by the same
                                                       sequential search)
  5. A gold token agrees when a predicted token has exactly its span.
     Reported: recall (the figure asked for: agreeing gold tokens / gold
     tokens), precision (agreeing predicted tokens / predicted tokens), F1,
     sentences with every token right, and for the misses: the 20 commonest
     gold tokens missed, a breakdown by kind of token (abbreviation with
     periods, number, hyphen, apostrophe, quote, other) and by kind of error
     (split, merged, crossing boundaries), with examples.

Environment: NER_DATA (corpora folder, default <repo root>/../shared/data),
NER_TOKENIZE (a prebuilt ner-tokenize; default: the release build, built with
`swift build -c release --static-swift-stdlib --product ner-tokenize` when
missing). sacremoses is pip-installed when it cannot be imported.

Output: a summary on stdout and a markdown report in
bench/out/tokenize_agreement.md (with the detokenized lines and both tools'
outputs in bench/out/tokenize_agreement/). Exit status 0 when both parts ran
(whatever the agreement; this measures, it does not judge), 0 when the data is
absent (skipped), 1 when ner-tokenize could not be built or run or its output
does not follow the JSONL contract (the sacremoses part still runs and is
reported), 2 when sacremoses is missing and cannot be installed.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out")
SCRATCH = os.path.join(OUT, "tokenize_agreement")

TOP_MISSED = 20       # most frequent missed gold tokens listed
EXAMPLES = 5          # examples per category / per error kind

# Characters that make a token belong to a category (see categorize()).
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
APOSTROPHES = "'\u2019\u02bc`\u00b4"
QUOTES = '"\u00ab\u00bb\u201c\u201d\u201e\u201f\u2018\u201a\u2039\u203a'


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------
def read_sentences(path):
    """Gold token lists, one per sentence, from a CoNLL file (token first)."""
    sentences, tokens = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                if tokens:
                    sentences.append(tokens)
                    tokens = []
            elif fields[0] != "-DOCSTART-":
                tokens.append(fields[0])
    if tokens:
        sentences.append(tokens)
    return sentences


def align(tokens, text):
    """Spans (start, end) of tokens in text by sequential search, or None for
    a token that cannot be found after the previous one. Returns (spans,
    number of tokens not found where expected, i.e. after whitespace only)."""
    spans, pos, displaced = [], 0, 0
    for tok in tokens:
        start = pos
        while start < len(text) and text[start].isspace():
            start += 1
        if not text.startswith(tok, start):
            # Not where it should be: the detokenizer or tokenizer changed
            # something. Take the next occurrence, if any.
            displaced += 1
            start = text.find(tok, pos)
            if start < 0:
                spans.append(None)
                continue
        spans.append((start, start + len(tok)))
        pos = start + len(tok)
    return spans, displaced


# ---------------------------------------------------------------------------
# Tokenizers
# ---------------------------------------------------------------------------
def find_ner_tokenize(explicit):
    """Path of an executable ner-tokenize, or (None, reason)."""
    if explicit:
        if os.path.isfile(explicit) and os.access(explicit, os.X_OK):
            return explicit, None
        return None, f"{explicit} is not an executable file"
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib"]
    cmd = build + ["--product", "ner-tokenize"]
    print("== building: " + " ".join(cmd), flush=True)
    try:
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=sys.stderr)
        bin_dir = subprocess.run(build + ["--show-bin-path"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.strip()
    except FileNotFoundError:
        return None, "swift not found; set NER_TOKENIZE=/path/to/ner-tokenize"
    except subprocess.CalledProcessError:
        return None, ("'" + " ".join(cmd) + "' failed (does ner-tokenize exist yet?); "
                      "fix the build or set NER_TOKENIZE=/path/to/ner-tokenize")
    path = os.path.join(bin_dir, "ner-tokenize")
    if not os.access(path, os.X_OK):
        return None, f"the build succeeded but {path} is missing"
    return path, None


def run_ner_tokenize(binary, lines, jsonl_path):
    """Per line: (text, spans) from ner-tokenize's JSONL, the seconds it took,
    and how many tokens differ from text[start:end]. Raises RuntimeError with a
    readable message when the output breaks the contract."""
    cmd = [binary, "--lang", "es", "--no-split", "--to", "jsonl"]
    print("== " + " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, input="".join(line + "\n" for line in lines),
                          capture_output=True, text=True, encoding="utf-8")
    secs = time.perf_counter() - t0
    with open(jsonl_path, "w", encoding="utf-8") as f:
        f.write(proc.stdout)
    if proc.returncode != 0:
        raise RuntimeError(f"exit status {proc.returncode}: {proc.stderr.strip()[:500]}")
    records = [json.loads(r) for r in proc.stdout.splitlines() if r.strip()]
    if len(records) != len(lines):
        raise RuntimeError(f"{len(records)} JSONL records for {len(lines)} input lines "
                           f"(--no-split must give one per line); see {jsonl_path}")
    result, changed = [], 0
    for n, (rec, line) in enumerate(zip(records, lines), 1):
        try:
            text, tokens, offsets = rec["text"], rec["tokens"], rec["offsets"]
        except (KeyError, TypeError):
            raise RuntimeError(f"record {n} lacks text/tokens/offsets: {str(rec)[:200]}")
        if len(tokens) != len(offsets):
            raise RuntimeError(f"record {n}: {len(tokens)} tokens, {len(offsets)} offsets")
        if text.strip() != line.strip():
            # Outer whitespace may go; anything else means the records and
            # the input lines are out of step.
            raise RuntimeError(f"record {n}: text {text!r} is not input line {line!r}")
        for tok, (s, e) in zip(tokens, offsets):
            if text[s:e] != tok:
                # Not fatal: a tokenizer may normalize tokens; spans still count.
                changed += 1
        result.append((text, [tuple(o) for o in offsets]))
    return result, secs, changed


def run_sacremoses(lines, path):
    """Per line: (text, spans) of sacremoses' tokens (escape=False, so tokens
    are substrings; spans by sequential search)."""
    from sacremoses import MosesTokenizer

    moses = MosesTokenizer(lang="es")
    t0 = time.perf_counter()
    tokenized = [moses.tokenize(line, escape=False) for line in lines]
    secs = time.perf_counter() - t0
    with open(path, "w", encoding="utf-8") as f:
        for toks in tokenized:
            f.write(" ".join(toks) + "\n")
    result, unaligned = [], 0
    for line, toks in zip(lines, tokenized):
        spans, _ = align(toks, line)
        unaligned += sum(s is None for s in spans)
        result.append((line, [s for s in spans if s is not None]))
    return result, secs, unaligned


# ---------------------------------------------------------------------------
# Scoring and error analysis
# ---------------------------------------------------------------------------
def categorize(tok):
    """Kind of a gold token, first match wins:
    number           has a digit (1.500, 10:00, 1877-1878, 30%, 4.)
    abbreviation     has a period and a letter, and either a period between
      with periods   two word characters (EE.UU., S.A., Diversia.com) or is a
                     short word of at most 4 letters plus period (h., Sr., Dña.)
    hyphen           has a hyphen or dash (árabe-israelí, lm-c)
    apostrophe       has an apostrophe (d'Esquadra, O'Leary)
    quote            has a quotation mark ("Macho", or a lone ")
    word with        letters followed by . , ; or : (hoy, Castilla.): a
      attached punct quirk of the gold tokenization, kept apart from 'other'
    other            everything else (plain words, lone punctuation)"""
    has_letter = any(c.isalpha() for c in tok)
    if any(c.isdigit() for c in tok):
        return "number"
    if "." in tok and has_letter:
        if re.search(r"\w\.\w", tok) or (tok.endswith(".") and tok[:-1].isalpha() and len(tok) <= 5):
            return "abbreviation with periods"
    if any(c in HYPHENS for c in tok):
        return "hyphen"
    if any(c in APOSTROPHES for c in tok):
        return "apostrophe"
    if any(c in QUOTES for c in tok):
        return "quote"
    if has_letter and len(tok) > 1 and tok[-1] in ".,;:" and tok[:-1].isalpha():
        return "word with attached punctuation"
    return "other"


CATEGORIES = ["abbreviation with periods", "number", "hyphen", "apostrophe", "quote",
              "word with attached punctuation", "other"]
KINDS = {
    "split": "split: predicted tokens lie inside the gold token",
    "merged": "merged: one predicted token covers it and more",
    "crossing": "crossing: predicted boundaries cut through it",
    "unaligned": "unaligned: gold token not found in the detokenized text",
}


def score(name, sentences, predicted):
    """Agreement of one tokenizer with gold. predicted[i] = (text, spans) for
    sentence i: the line the tokenizer saw (as it reports it) and its token
    spans. Gold spans are found in that same text."""
    gold_total = agree = pred_total = pred_agree = exact_sentences = 0
    missed = []    # (sentence index, gold token index, kind, overlapping predicted)
    texts, gold_spans = [], []
    for i, tokens in enumerate(sentences):
        text, pred = predicted[i]
        spans, _ = align(tokens, text)
        texts.append(text)
        gold_spans.append(spans)
        pred_set = set(pred)
        gold_set = {s for s in spans if s is not None}
        gold_total += len(tokens)
        pred_total += len(pred)
        pred_agree += len(pred_set & gold_set)
        ok = 0
        for j, span in enumerate(spans):
            if span is not None and span in pred_set:
                ok += 1
                continue
            if span is None:
                kind, over = "unaligned", []
            else:
                s, e = span
                over = [p for p in pred if p[0] < e and p[1] > s]
                if over and all(s <= p[0] and p[1] <= e for p in over):
                    kind = "split"
                elif len(over) == 1:
                    kind = "merged"
                else:
                    kind = "crossing"
            missed.append((i, j, kind, [text[p[0]:p[1]] for p in over]))
        agree += ok
        exact_sentences += ok == len(tokens) and len(pred) == len(tokens)
    recall = agree / gold_total if gold_total else 0.0
    precision = pred_agree / pred_total if pred_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "name": name, "gold": gold_total, "agree": agree, "pred": pred_total,
        "pred_agree": pred_agree, "recall": recall, "precision": precision, "f1": f1,
        "exact_sentences": exact_sentences, "sentences": len(sentences), "missed": missed,
        "texts": texts, "gold_spans": gold_spans,
    }


def context(text, span, width=30):
    """The text around span, with the span in [brackets]."""
    s, e = span
    left = text[max(0, s - width):s]
    right = text[e:e + width]
    return ("…" if s > width else "") + left + "[" + text[s:e] + "]" + right + ("…" if e + width < len(text) else "")


def analysis(result, sentences):
    """Markdown lines: the error analysis of one tokenizer's misses."""
    out = []
    missed, name = result["missed"], result["name"]
    texts, gold_spans = result["texts"], result["gold_spans"]
    out.append(f"### {name}: {len(missed)} gold tokens missed")
    out.append("")
    if not missed:
        return out

    counts = collections.Counter(sentences[i][j] for i, j, _, _ in missed)
    out.append(f"Top {TOP_MISSED} missed gold tokens:")
    out.append("")
    out.append("| gold token | missed | kind |")
    out.append("|---|---:|---|")
    for tok, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_MISSED]:
        out.append(f"| `{tok}` | {n} | {categorize(tok)} |")
    out.append("")

    by_kind = collections.Counter(kind for _, _, kind, _ in missed)
    out.append("By kind of error: " + ", ".join(
        f"{KINDS[k].split(':')[0]} {by_kind[k]}" for k in KINDS if by_kind[k]) + ".")
    out.append("")

    by_cat = collections.defaultdict(list)
    for m in missed:
        by_cat[categorize(sentences[m[0]][m[1]])].append(m)
    out.append("| kind of gold token | missed | share of misses | examples (gold token in [brackets] → predicted tokens) |")
    out.append("|---|---:|---:|---|")
    for cat in CATEGORIES:
        items = by_cat.get(cat, [])
        if not items:
            out.append(f"| {cat} | 0 | 0.0% | |")
            continue
        # Examples: the first occurrences of distinct gold tokens, corpus order.
        seen, examples = set(), []
        for i, j, kind, over in items:
            tok = sentences[i][j]
            if tok in seen:
                continue
            seen.add(tok)
            span = gold_spans[i][j]
            where = context(texts[i], span) if span else texts[i][:60]
            got = " ".join(f"`{o}`" for o in over[:8]) + (" …" if len(over) > 8 else "") or "(none)"
            examples.append(f"{where.replace('|', '&#124;')} → {got.replace('|', '&#124;')} ({kind})")
            if len(examples) == EXAMPLES:
                break
        out.append(f"| {cat} | {len(items)} | {100 * len(items) / len(missed):.1f}% | "
                   + "<br>".join(examples) + " |")
    out.append("")
    return out


def summary_line(r):
    return (f"{r['name']}: {r['agree']}/{r['gold']} gold tokens matched = {100 * r['recall']:.2f}% "
            f"(precision {100 * r['precision']:.2f}%, F1 {100 * r['f1']:.2f}%, "
            f"sentences all right {r['exact_sentences']}/{r['sentences']})")


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("NER_DATA", os.path.join(ROOT, "..", "shared", "data")),
                        help="corpora folder (default: $NER_DATA or <repo root>/../shared/data)")
    parser.add_argument("--split", default="train", choices=["train", "dev", "test"],
                        help="which CoNLL-2002 Spanish file (default: train)")
    parser.add_argument("--ner-tokenize", default=os.environ.get("NER_TOKENIZE", ""),
                        help="prebuilt ner-tokenize (default: $NER_TOKENIZE, else swift build)")
    parser.add_argument("--report", default=os.path.join(OUT, "tokenize_agreement.md"),
                        help="markdown report (default: bench/out/tokenize_agreement.md)")
    args = parser.parse_args()

    src = os.path.join(args.data, "conll2002", f"es.{args.split}")
    if not os.path.isfile(src):
        print(f"bench/tokenize_agreement.py: {src} not found (set NER_DATA); skipping.")
        return 0

    try:
        import sacremoses  # noqa: F401
    except ImportError:
        print("== installing sacremoses: pip install sacremoses", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--timeout", "30", "--retries", "1", "sacremoses"])
        try:
            import sacremoses  # noqa: F401
        except ImportError:
            print("error: sacremoses is needed to detokenize the corpus and 'pip install sacremoses' "
                  "failed (offline?)", file=sys.stderr)
            return 2
    from importlib.metadata import version
    from sacremoses import MosesDetokenizer

    moses_version = version("sacremoses")
    os.makedirs(SCRATCH, exist_ok=True)

    # 1-3: gold sentences, detokenized lines.
    sentences = read_sentences(src)
    detok = MosesDetokenizer(lang="es")
    lines = [detok.detokenize(tokens, return_str=True) for tokens in sentences]
    with open(os.path.join(SCRATCH, f"es-{args.split}.detok.txt"), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)
    # Gold spans are found again in each tool's text by score(); here they
    # only show whether detokenization kept every gold token intact.
    unaligned = displaced = 0
    for tokens, line in zip(sentences, lines):
        spans, d = align(tokens, line)
        unaligned += sum(s is None for s in spans)
        displaced += d
    n_gold = sum(map(len, sentences))
    print(f"== {src}: {len(sentences)} sentences, {n_gold} gold tokens; "
          f"detokenized with sacremoses {moses_version}; {unaligned} gold tokens not found in the "
          f"detokenized text, {displaced} not where expected")

    results, notes, status = [], [], 0

    # 4a. ner-tokenize
    binary, why = find_ner_tokenize(args.ner_tokenize)
    if binary is None:
        print(f"error: ner-tokenize: {why}", file=sys.stderr)
        notes.append(f"ner-tokenize: not run ({why})")
        status = 1
    else:
        try:
            pred, secs, changed = run_ner_tokenize(binary, lines, os.path.join(SCRATCH, "ner-tokenize.jsonl"))
        except (RuntimeError, json.JSONDecodeError, OSError) as e:
            print(f"error: ner-tokenize: {e}", file=sys.stderr)
            notes.append(f"ner-tokenize: failed ({e})")
            status = 1
        else:
            results.append(score("ner-tokenize", sentences, pred))
            notes.append(f"ner-tokenize: `{binary} --lang es --no-split --to jsonl`, {secs:.2f} s")
            if changed:
                notes.append(f"ner-tokenize: {changed} tokens differ from text[start:end] "
                             "(normalized tokens; compared by span)")

    # 4b. sacremoses
    pred, secs, moses_unaligned = run_sacremoses(lines, os.path.join(SCRATCH, "sacremoses.txt"))
    results.append(score("sacremoses", sentences, pred))
    notes.append(f"sacremoses {moses_version}: `MosesTokenizer(lang='es').tokenize(line, escape=False)`, "
                 f"{secs:.2f} s in-process; {moses_unaligned} of its tokens not found in the line")

    # 5. Report
    for r in results:
        print(summary_line(r))
    md = ["# Tokenization agreement with CoNLL-2002 Spanish gold tokens", ""]
    md.append(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; `conll2002/es.{args.split}`: "
              f"{len(sentences)} sentences, {n_gold} gold tokens, each sentence detokenized with "
              f"sacremoses {moses_version} `MosesDetokenizer(lang='es')` into one line "
              f"({unaligned} gold tokens not found in it, {displaced} not where expected). A gold token "
              "agrees when a predicted token has exactly its character span.")
    md.append("")
    md.append("| tokenizer | gold tokens matched (recall) | precision | F1 | predicted tokens | sentences all right |")
    md.append("|---|---:|---:|---:|---:|---:|")
    for r in results:
        md.append(f"| {r['name']} | {r['agree']}/{r['gold']} = {100 * r['recall']:.2f}% | "
                  f"{100 * r['precision']:.2f}% | {100 * r['f1']:.2f}% | {r['pred']} | "
                  f"{r['exact_sentences']}/{r['sentences']} |")
    md.append("")
    for n in notes:
        md.append(f"- {n}")
    md.append("")
    md.append("## Disagreements")
    md.append("")
    md.append("Kinds of gold token, first match wins: number (has a digit); abbreviation with periods "
              "(a period between word characters, or a word of at most 4 letters plus a period); "
              "hyphen (has a hyphen or dash); apostrophe; quote; word with attached punctuation "
              "(letters then one of . , ; : as one gold token, a quirk of the corpus such as `hoy,`); "
              "other (plain words, lone punctuation). "
              "Kinds of error: " + "; ".join(KINDS.values()) + ".")
    md.append("")
    for r in results:
        md.extend(analysis(r, sentences))
    os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
    with open(args.report, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
    print(f"markdown: {args.report}")
    return status


if __name__ == "__main__":
    sys.exit(main())
