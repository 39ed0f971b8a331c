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
      bootstrap confidence intervals, and scoring against a separate gold file.

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

      - '--gold FILE': score a prediction stream (CoNLL whose last column is the prediction, or JSONL with 'pred') against a separate gold file, aligned sentence by sentence; mismatched tokens are an error naming both lines.

      - JSONL input with 'tags' and 'pred' is scored directly.

      EXAMPLES:
        ner-tag -m es.model es.test | ner-score
        ner-score -d '\\t' < wikiann.pred
        ner-score --format json pred.conll | jq .f1
        ner-score --strict --scheme iobes --by-length --confusion pred.conll
        ner-score --gold es.test --bootstrap 1000 pred.jsonl
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

  @Option(help: ArgumentHelp("Score the input's predictions (its last column, or JSONL 'pred') against this gold file, aligned sentence by sentence.", valueName: "file"))
  var gold: String?

  @Option(help: ArgumentHelp("Add a 95% confidence interval of F1 from this many bootstrap resamplings of sentences.", valueName: "n"))
  var bootstrap: Int?

  @Option(help: "Seed of the bootstrap's random generator.")
  var seed: UInt64 = 1

  @OptionGroup var inputFormat: InputFormatOption

  @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

  func validate() throws {
    if strict && scheme == nil { throw ValidationError("--strict needs --scheme (iob1, iob2, iobes, bilou or io).") }
    if latex && format == .json { throw ValidationError("-l and --format json cannot be combined.") }
    if let n = bootstrap, n < 1 { throw ValidationError("--bootstrap needs a positive number of samples.") }
  }

  func run() throws {
    try ToolMain.run(tool: "ner-score") {
      var options = ConllevalScorer.Options()
      options.delimiter = delimiter
      options.raw = raw
      options.outsideTag = outsideTag
      options.strictScheme = scheme
      options.recordSpans = byLength || confusion || bootstrap != nil
      options.requireTags = true
      var scorer: ConllevalScorer
      do {
        scorer = try ConllevalScorer(options: options)
      } catch let e as DataError {
        throw ToolFailure(e.message, status: ExitStatus.usage)
      }
      let target = try OutputTarget(path: output)
      try target.run {
        if let gold {
          try scoreAgainstGold(&scorer, goldPath: gold)
        } else {
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
        }
        if scorer.sawCarriageReturn {
          Diagnostics.warning(
            tool: "ner-score",
            "lines end with CR LF; as conlleval.pl does, the CR is read as part of the last tag (strip it with tr -d '\\r')")
        }
        let table = scorer.finish()
        let boot = bootstrap.map { ($0, seed) }
        switch format {
        case .json:
          try target.buffer.write(ExtendedReports.json(table, byLength: byLength, confusion: confusion, bootstrap: boot))
        case .text:
          let main = latex ? ScoreReports.latex(table) : ScoreReports.conlleval(table)
          try main.withUnsafeBufferPointer { try target.buffer.write($0) }
          let extra = ExtendedReports.text(table, byLength: byLength, confusion: confusion, bootstrap: boot)
          try extra.withUnsafeBufferPointer { try target.buffer.write($0) }
        }
        if table.invalidSentences > 0 {
          Diagnostics.warning(
            tool: "ner-score",
            "\(table.invalidSentences) sentence(s) hold tag sequences invalid in \(scheme!.rawValue.uppercased()); their invalid entities were not counted")
        }
      }
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

  /// Predictions from the inputs, gold from `goldPath`, aligned by sentence.
  func scoreAgainstGold(_ scorer: inout ConllevalScorer, goldPath: String) throws {
    let goldInput = try InputFile(path: goldPath)
    let goldReader = try goldInput.recordReader(.auto)
    func nextSentence(_ reader: RecordReader, _ input: InputFile) throws -> Sentence? {
      try input.located {
        while let r = try reader.next() {
          if case .sentence(let s) = r, s.count > 0 { return s }
        }
        return nil
      }
    }
    func located(_ input: InputFile, _ body: () throws -> Void) throws {
      do {
        try body()
      } catch let m as GoldAlignment.Mismatch {
        throw ToolFailure(file: m.side == .gold ? goldInput.name : input.name, line: m.line, m.message, status: ExitStatus.dataError)
      }
    }
    for path in InputFile.paths(files) {
      let input = try InputFile(path: path)
      let reader = try input.recordReader(inputFormat.from)
      while let pred = try nextSentence(reader, input) {
        try located(input) {
          guard let g = try nextSentence(goldReader, goldInput) else {
            throw GoldAlignment.Mismatch.morePredictions(line: pred.line, goldName: goldInput.name)
          }
          try GoldAlignment.score(prediction: pred, gold: g, goldName: goldInput.name, into: &scorer)
        }
      }
    }
    if let extra = try nextSentence(goldReader, goldInput) {
      try located(goldInput) { throw GoldAlignment.Mismatch.moreGold(line: extra.line) }
    }
  }
}
