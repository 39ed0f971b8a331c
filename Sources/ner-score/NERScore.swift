import ArgumentParser
import NERCLI
import NERKit

/// Report formats.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json
}

@main
struct NERScore: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-score",
    abstract: "Entity-level precision, recall and F1, byte-identical to conlleval.pl by default.",
    discussion: """
      Reads conlleval.pl's input: one token per line, the last two fields the gold and \
      the guessed tag, an empty line (or a line whose first field is -X-) between \
      sentences; or JSONL with 'tags' (gold) and 'pred' (guessed). Prints exactly what \
      conlleval.pl (version 2004-01-26) prints, quirks included; options add what it \
      lacks: scheme-strict chunks, JSON, scores by entity length, type confusion, \
      bootstrap confidence intervals, scoring against a separate gold file, error lists, \
      partial credit and paired significance tests.

      Where conlleval.pl would fail on a tab-separated file read without -d, ner-score \
      splits it on tabs; and it skips the suite's metadata lines ('# key = value', as \
      ner-tokenize and ner-translate write them), which conlleval.pl would reject. And \
      it stops with an error at a gold or guessed value that is not a tag (O, a prefix B, \
      I, E, S, L, U, [ or ] with a hyphen and a type, or [ and ] alone), where \
      conlleval.pl would count a probability or a token as a chunk (with -r any value is \
      a type); a file without a prediction column ends there too.

      By default it prints exactly what 'conlleval.pl' (version 2004-01-26) prints, byte for byte, with its quirks: sentence boundaries at empty lines and at lines whose first field is '-X-'; '-DOCSTART-' lines counted as tokens; a single-space delimiter taken as Perl's 'split' takes it (two spaces make an empty field, trailing empty fields are dropped); tags split at the first hyphen; a type named '0' read as empty; 'E-X B-X' not split and 'S-X S-X' merged; the count at the end of a type line is the number of *found* phrases; types in Perl's byte-wise sort order, the empty type listed twice when both columns have it; CR of CRLF lines kept in the last tag (with a warning on stderr). 74 differential cases ('Tests/CLITests/Fixtures/score/') hold conlleval.pl's recorded outputs. Where conlleval.pl fails, ner-score differs on purpose: it names the file and line (exit 65), and it splits a tab-separated file on tabs when no '-d' is given (conlleval.pl dies on such a file).

      More than conlleval:

      - '--strict --scheme iob1|iob2|iobes|bilou|io': entities parsed by the declared scheme, counting only well-formed ones, as seqeval's strict mode; sentences with invalid sequences are counted on stderr.

      - '--format json': all figures, per type (with gold support), micro and macro averages.

      - '--by-length': scores for entities of 1, 2 and 3+ tokens.

      - '--confusion': type confusion over spans with identical boundaries, plus missed and spurious counts per type.

      - '--bootstrap N [--seed S]': 95% confidence interval of F1 by resampling sentences (percentile method, SplitMix64 generator, deterministic for a seed).

      - '--gold FILE': score a prediction stream (CoNLL whose last column is the prediction, or JSONL with 'pred') against a separate gold file, sentences paired in order. A pair with the same tokens is scored token by token (the report is then what the same file with both columns gives). A pair tokenized differently (say 'ner-tokenize raw.txt | ner-tag -m M | ner-score --gold gold.conll') is scored by character extent: both sentences must have the same text ('# text' or JSONL 'text'), each token is placed in it by its 'offsets' (as ner-tokenize writes them, Unicode scalars; masked tokens need them) or else found in the text in order, after whitespace only (canonically equivalent characters match); each side's entities are found on its own tokens, and a predicted entity is correct when its type and its first and last character are those of a gold entity. The report counts 'tokens' as the pieces of text between the boundaries of either tokenization (so accuracy and --by-length are over pieces), and a note on stderr (and 'character_alignment' in JSON) says how many sentences were aligned so, and how many gold and predicted entities start or end where the other tokenization has no token boundary (they cannot match). A text that differs, a missing text, or a token that cannot be placed is an error naming both files and lines (exit 65). --compare pairs sentences the same way. Several prediction files are scored each on its own against the gold file, one report each, headed '==> FILE <=='.

      - '--errors': instead of the report, one tab-separated line per error, like the spans format: sentence id (its '# id' or JSONL 'id', else its number from 1), start token, end token (exclusive, tokens counted from 0), kind, gold type, predicted type, gold text, predicted text; '-' for an empty field. Kinds: FP (a predicted entity overlapping no gold one), FN (a gold entity no prediction overlaps), TYPE (same boundaries, another type), BOUNDARY (a prediction overlapping a gold entity with other boundaries, whatever the types: one line, not an FP and an FN, its range covering both; for a sentence aligned by characters with --gold, start and end are character offsets into its text and the texts are cut from it). Predictions are matched one to one with gold entities as in the strict schema of '--partial' (a gold entity with the same boundaries and type, else the first overlapping one not yet matched), so the lines are its incorrect (TYPE, BOUNDARY), spurious (FP) and missed (FN) entities.

      - '--partial': partial credit as MUC and SemEval-2013 task 9.1 count it, with the definitions and one-to-one matching of nervaluate 1.x ('bench/partial_nervaluate.py' compares the counts), after the report: for the schemas strict (boundaries and type), exact (boundaries), partial (overlap; a partial match counts half) and type (type, with overlap): correct, incorrect, partial, missed, spurious, possible (correct + incorrect + partial + missed), actual (correct + incorrect + partial + spurious), precision, recall and F1.

      - '--compare A B --gold G [--samples N] [--seed S]': paired significance of the F1 difference of two systems on the same sentences: A and B are prediction files (their last column or 'pred'; any gold columns of their own are ignored, G's gold is used), matched with G sentence by sentence as with --gold (same tokens, or the same text; else exit 65 naming the file and line). Prints both F1, the difference, and the p-values of a paired bootstrap (sentences resampled with replacement; a sample counts when its difference is at least as far from the observed one as the observed one is from 0) and of approximate randomization (each sentence's A and B swapped with probability 1/2, as sigf; a sample counts when its difference is at least the observed one in absolute value), each (count + 1) / (N + 1) over N samples (default 10000), deterministic for a seed (SplitMix64); 'bench/significance_reference.py' recomputes them.

      --gold, --errors, --partial and --compare read sentences as the suite's other tools do (blank lines between sentences, CoNLL or JSONL), with the scorer's chunking rules (conlleval's, -r, or --strict --scheme).

      - JSONL input with 'tags' and 'pred' is scored directly.

      EXAMPLES:
        ner-tag -m es.model es.test | ner-score
        ner-score -d '\\t' < wikiann.pred
        ner-score --format json pred.conll | jq .f1
        ner-score --strict --scheme iobes --by-length --confusion pred.conll
        ner-score --gold es.test --bootstrap 1000 pred.jsonl
        ner-score --errors pred.conll | awk -F'\\t' '$4 == "TYPE"'
        ner-score --partial --gold es.test pred.conll
        ner-score --compare pred.conll pred.jsonl --gold es.test --seed 7
      """,
    version: versionLine("ner-score"))

  @Argument(help: "Input files, read one after the other as one stream; none or '-' reads standard input.")
  var files: [String] = []

  @Option(name: .customShort("d"), help: ArgumentHelp("Field delimiter, as a Perl regex like conlleval's (default: a single space).", valueName: "delimiter"))
  var delimiter: String?

  @Flag(name: .customShort("r"), help: "Raw tags: every tag other than the outside tag is a one-token chunk (conlleval -r).")
  var raw = false

  @Option(name: .customShort("o"), help: ArgumentHelp("The outside tag for -r (conlleval -o).", valueName: "tag"))
  var outsideTag = "O"

  @Flag(name: .customShort("l"), help: "LaTeX table rows (conlleval -l).")
  var latex = false

  @Flag(help: "Find entities by the rules of --scheme, counting only well-formed ones (as seqeval's strict mode).")
  var strict = false

  @Option(help: "The scheme for --strict: iob1, iob2, iobes, bilou or io (implies --strict).")
  var scheme: TagScheme?

  @Option(help: "Report format: text (conlleval's) or json (all figures, per type, micro and macro averages).")
  var format: ReportFormat = .text

  @Flag(help: "Add scores for entities of 1, 2 and 3 or more tokens.")
  var byLength = false

  @Flag(help: "Add a type confusion table over spans with matching boundaries, with missed and spurious counts.")
  var confusion = false

  @Option(help: ArgumentHelp("Score the input's predictions (its last column, or JSONL 'pred') against this gold file, sentence by sentence; tokenized differently, by character extent over the sentence text.", valueName: "file"))
  var gold: String?

  @Option(help: ArgumentHelp("Add a 95% confidence interval of F1 from this many bootstrap resamplings of sentences.", valueName: "n"))
  var bootstrap: Int?

  @Option(help: "Seed of the random generator of --bootstrap and --compare.")
  var seed: UInt64 = 1

  @Flag(help: "List the errors instead of the report, one tab-separated line each: sentence id, start and end token, FP, FN, TYPE or BOUNDARY, gold and predicted type and text.")
  var errors = false

  @Flag(help: "Add partial-credit scores as MUC and SemEval-2013 count them (nervaluate's strict, exact, partial and type schemas).")
  var partial = false

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two prediction files against --gold: p-values of their F1 difference by paired bootstrap and approximate randomization.", valueName: "A B"))
  var compare: [String] = []

  @Option(help: ArgumentHelp("Samples of each --compare test.", valueName: "n"))
  var samples = 10000

  @OptionGroup var inputFormat: InputFormatOption

  @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

  func validate() throws {
    if strict && scheme == nil { throw ValidationError("--strict needs --scheme (iob1, iob2, iobes, bilou or io).") }
    if latex && format == .json { throw ValidationError("-l and --format json cannot be combined.") }
    if let n = bootstrap, n < 1 { throw ValidationError("--bootstrap needs a positive number of samples.") }
    if samples < 1 { throw ValidationError("--samples needs a positive number.") }
    if !compare.isEmpty {
      if compare.count != 2 { throw ValidationError("--compare takes two prediction files, A and B.") }
      if gold == nil { throw ValidationError("--compare A B needs --gold FILE.") }
      if !files.isEmpty { throw ValidationError("--compare reads A, B and the --gold file only; no other input files.") }
      if errors || partial || byLength || confusion || bootstrap != nil || latex {
        throw ValidationError("--compare prints its own report; it takes no other report option.")
      }
    }
    if errors && (partial || byLength || confusion || bootstrap != nil || latex || format == .json) {
      throw ValidationError("--errors lists errors instead of the report; it takes no other report option.")
    }
    if delimiter != nil && (errors || partial || !compare.isEmpty) {
      throw ValidationError("-d applies to conlleval's line format; --errors, --partial and --compare read CoNLL (tab- or space-separated) or JSONL sentences.")
    }
  }

  func run() throws {
    try ToolMain.run(tool: "ner-score") {
      let options = scorerOptions()
      var scorer: ConllevalScorer
      do {
        scorer = try ConllevalScorer(options: options)
      } catch let e as DataError {
        throw ToolFailure(e.message, status: ExitStatus.usage)
      }
      let target = try OutputTarget(path: output)
      try target.run {
        if !compare.isEmpty { return try runCompare(target) }
        if gold != nil || errors || partial { return try runSentenceReports(target) }
        let paths = InputFile.paths(files)
        for path in paths {
          let input = try InputFile(path: path)
          // One regular file in conlleval's format: scored on two cores when exact.
          if paths.count == 1, inputFormat.from != .jsonl, scorer.canSplit, let bytes = input.mapped(),
            bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) != UInt8(ascii: "{")
          {
            scorer = try input.located { try ParallelScoring.score(bytes, options: options) }
            continue
          }
          if try input.detect(inputFormat.from) == .jsonl {
            try scoreJSONL(&scorer, input)
          } else {
            try input.located {
              try scorer.addLines(from: input.lines)
            }
          }
        }
        if scorer.sawCarriageReturn {
          Diagnostics.warning(
            tool: "ner-score",
            "lines end with CR LF; as conlleval.pl does, the CR is read as part of the last tag (strip it with tr -d '\\r')")
        }
        try writeReport(scorer.finish(), partial: nil, target)
      }
    }
  }

  /// Writes the report of `table` in the chosen format, with the optional reports.
  func writeReport(_ table: ScoreTable, partial: PartialScores?, alignment: String? = nil, _ target: OutputTarget) throws {
    let boot = bootstrap.map { ($0, seed) }
    switch format {
    case .json:
      var json = ExtendedReports.json(table, byLength: byLength, confusion: confusion, bootstrap: boot)
      if let partial { json = String(json.dropLast(2)) + "," + partial.json() + "}\n" }
      if let alignment { json = String(json.dropLast(2)) + ",\"character_alignment\":" + alignment + "}\n" }
      try target.buffer.write(json)
    case .text:
      let main = latex ? ScoreReports.latex(table) : ScoreReports.conlleval(table)
      try main.withUnsafeBufferPointer { try target.buffer.write($0) }
      let extra = ExtendedReports.text(table, byLength: byLength, confusion: confusion, bootstrap: boot)
      try extra.withUnsafeBufferPointer { try target.buffer.write($0) }
      if let partial { try Array(partial.text().utf8).withUnsafeBufferPointer { try target.buffer.write($0) } }
    }
    if table.invalidSentences > 0 {
      Diagnostics.warning(
        tool: "ner-score",
        "\(table.invalidSentences) sentence(s) hold tag sequences invalid in \(scheme!.rawValue.uppercased()); their invalid entities were not counted")
    }
  }

  /// JSONL input: gold from `tags`, guess from `pred`.
  func scoreJSONL(_ scorer: inout ConllevalScorer, _ input: InputFile) throws {
    let reader = JSONLReader(lines: input.lines)
    try input.located {
      while let record = try reader.next() {
        guard case .sentence(let s) = record else { continue }
        guard let g = s.tagColumn, let p = s.columnIndex("pred") else {
          throw DataError(line: s.line, "a JSONL sentence needs 'tags' (gold) and 'pred' (guessed) to be scored")
        }
        for i in 0..<s.count {
          try scorer.addToken(gold: s.columns[g].values[i], guess: s.columns[p].values[i], line: s.line)
        }
        try scorer.addBoundary()
      }
    }
  }
}
