import NERKit

/// Input formats of labelled data: the suite's, plus CRFsuite's data format.
public enum LabelledFormat: String, CaseIterable, Sendable {
  case auto, conll, jsonl, crfsuite

  /// The suite's format to detect or read (CRFsuite data is read apart).
  public var inputFormat: InputFormat {
    switch self {
    case .auto, .crfsuite: return .auto
    case .conll: return .conll
    case .jsonl: return .jsonl
    }
  }
}

/// Reads labelled data, the one way every trainer and development set gets it.
public enum LabelledData {
  /// Adds the non-empty labelled sentences of every input (`FILE` or `LANG=FILE`, `-`
  /// for standard input) to `corpus`, each with its language (``LanguageRule``) and
  /// the weight `weights` gives that language (1 by default). `purpose` completes the
  /// message for a sentence without gold tags ("no gold tag column to train on").
  public static func read(_ arguments: [String], format: LabelledFormat, language: String?,
                          weights: [String: Double] = [:], purpose: String = "train on",
                          into corpus: inout LabelledCorpus) throws {
    for argument in InputFile.paths(arguments) {
      let input = LabelledInput(argument)
      let file = try InputFile(path: input.path)
      try file.located {
        if format == .crfsuite {
          var reader = CRFsuiteReader(lines: file.lines)
          let l = input.language ?? language
          while let s = try reader.next() {
            try corpus.add(ModelInput(.attributes(s.items), language: l, source: file.name, line: s.line), labels: s.labels, weight: weights[l ?? ""] ?? 1)
          }
          return
        }
        try forEachSentence(file, format) { s in
          let l = LanguageRule(option: language).language(of: s, input: input.language)
          try corpus.add(s, language: l, weight: weights[l ?? ""] ?? 1, source: file.name, purpose: purpose)
        }
      }
    }
  }

  /// Calls `body` with each non-empty sentence of `file` (CoNLL or JSONL).
  private static func forEachSentence(_ file: InputFile, _ format: LabelledFormat, _ body: (Sentence) throws -> Void) throws {
    let reader = try file.recordReader(try file.detect(format.inputFormat))
    while let record = try reader.next() {
      guard case .sentence(let s) = record, s.count > 0 else { continue }
      try body(s)
    }
  }

  /// The non-empty sentences of every input (`FILE` or `LANG=FILE`) as a model reads
  /// them, each with its language (``LanguageRule``), without any tag column they have
  /// (unlabelled data for self-training: gold tags, if present, are never read).
  public static func readUnlabelled(_ arguments: [String], format: LabelledFormat, language: String?) throws -> [ModelInput] {
    var out: [ModelInput] = []
    for argument in InputFile.paths(arguments) {
      let input = LabelledInput(argument)
      let file = try InputFile(path: input.path)
      try file.located {
        try forEachSentence(file, format) { sentence in
          var s = sentence
          if let t = s.tagColumn, t != s.tokenColumn {
            s.columns.remove(at: t)
            if s.tokenColumn > t { s.tokenColumn -= 1 }
            s.tagColumn = nil
          }
          out.append(ModelInput(s, language: LanguageRule(option: language).language(of: s, input: input.language), source: file.name))
        }
      }
    }
    return out
  }
}
