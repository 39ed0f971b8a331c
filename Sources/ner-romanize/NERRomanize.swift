import ArgumentParser
import NERCLI
import NERKit

@main
struct NERRomanize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-romanize",
    abstract: "Add the Latin romanization of every token (ICU transliteration with the project's rules).",
    discussion: """
      Reads CoNLL or JSONL and adds a column after the token column holding each token in \
      case-preserving ASCII Latin (named ROMAN when '# global.columns' names the columns; \
      JSONL: a 'roman' array), or replaces the tokens with --in-place. Everything else \
      passes through. The default rules are ICU's Any-Latin and Latin-ASCII plus the \
      project's own: no apostrophes or hyphens inside words, native digits to ASCII, \
      inherent vowels of Devanagari and Bengali names as they are spelled in Latin, and \
      language rules (--lang, or each sentence's '# lang') for Russian, Ukrainian, Arabic, \
      Urdu, Hindi, Marathi and Bengali. Latin-script tokens only lose their diacritics \
      (kept with --keep-diacritics). Each distinct token is romanized once.

      EXAMPLES:
        ner-romanize --lang uk uk.train > uk.roman.conll
        ner-tokenize < news.hi.txt | ner-romanize --lang hi --in-place
        ner-romanize --transform 'Cyrillic-Latin' --to jsonl ru.conll | jq -c .roman
        ner-romanize --list-transforms | grep -i devanagari
      """,
    version: suiteVersion)

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @Option(help: "Language of the text (ISO 639-1 or 639-3: ru, uk, ar, ur, hi, mr, bn...); default: each sentence's '# lang' or JSONL 'lang', else rules for any language.")
  var lang: String?

  @Option(help: ArgumentHelp("Use this ICU transform or compound ID instead of the project's rules.", valueName: "id"))
  var transform: String?

  @Flag(help: "Print the transform IDs ICU offers and exit.")
  var listTransforms = false

  @Flag(help: "Replace the tokens instead of adding a column.")
  var inPlace = false

  @Flag(help: "Leave Latin-script tokens unchanged, diacritics included.")
  var keepDiacritics = false

  @Option(help: "Input format: auto, conll or jsonl.")
  var from: InputFormat = .auto

  @Option(help: "Output format: conll or jsonl (default: the input's format).")
  var to: OutputFormat?

  @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if to == .spans { throw ValidationError("ner-romanize writes conll or jsonl.") }
  }

  func run() throws {
    try ToolMain.run(tool: "ner-romanize") {
      let target = try OutputTarget(path: output)
      if listTransforms {
        try target.run {
          for id in Transliterator.availableIDs { try target.buffer.write(id + "\n") }
        }
        return
      }
      var romanizers: [String: Romanizer] = [:]
      func romanizer(for language: String?) throws -> Romanizer {
        let key = transform.map { "transform:" + $0 } ?? (language ?? "")
        if let r = romanizers[key] { return r }
        do {
          let r = try Romanizer(transform.map { .transform($0) } ?? .standard(language: language), keepLatin: keepDiacritics)
          romanizers[key] = r
          return r
        } catch let e as DataError {
          throw ToolFailure(e.message, status: ExitStatus.usage)
        }
      }
      _ = try romanizer(for: lang)  // a bad --transform or --lang fails before any output
      var writer: RecordWriter?
      try target.run {
        for path in InputFile.paths(files) {
          let input = try InputFile(path: path)
          let format = try input.detect(from)
          if writer == nil { writer = recordWriter(to ?? (format == .jsonl ? .jsonl : .conll), target.buffer, dropMetadata: false) }
          let reader = try input.recordReader(format)
          try input.located {
            // Records go in batches, so that the new tokens of a batch are romanized in
            // one ICU call per language.
            var batch: [Record] = []
            var done = false
            while !done {
              batch.removeAll(keepingCapacity: true)
              while batch.count < 512 {
                guard let record = try reader.next() else { done = true; break }
                batch.append(record)
              }
              var byLanguage: [String: [String]] = [:]
              for case .sentence(let s) in batch { byLanguage[lang ?? s.metadata("lang") ?? "", default: []] += s.tokens }
              for (language, tokens) in byLanguage { try romanizer(for: language.isEmpty ? nil : language).prefetch(tokens) }
              for record in batch {
              switch record {
              case .documentStart(var d):
                if !inPlace && !d.fields.isEmpty {
                  d.fields.insert(d.fields[0], at: 1)
                  Self.nameColumn(&d.header, at: 1)
                }
                try writer!.write(.documentStart(d))
              case .sentence(var s):
                let r = try romanizer(for: lang ?? s.metadata("lang"))
                let roman = r.romanize(prefetched: s.tokens)  // the batch's tokens were prefetched above
                if inPlace {
                  if !s.columns.isEmpty { s.tokens = roman }
                } else {
                  Self.addColumn(&s, roman)
                }
                try writer!.write(.sentence(s))
              }
              }
            }
          }
        }
        try writer?.finish()
      }
    }
  }

  /// Inserts the romanization after the token column, naming it ROMAN in
  /// `# global.columns` when the file names its columns.
  static func addColumn(_ s: inout Sentence, _ roman: [String]) {
    guard !s.columns.isEmpty else { return }
    let at = s.tokenColumn + 1
    s.columns.insert(Column(key: "roman", values: roman), at: at)
    if let t = s.tagColumn, t >= at { s.tagColumn = t + 1 }
    nameColumn(&s.header, at: at)
  }

  /// Names the new column ROMAN in a `# global.columns` line, if the header has one.
  static func nameColumn(_ header: inout [HeaderLine], at: Int) {
    for (i, line) in header.enumerated() {
      guard case .pair("global.columns", let names) = line else { continue }
      var parts = names.split(separator: " ").map(String.init)
      parts.insert("ROMAN", at: min(at, parts.count))
      header[i] = .pair(key: "global.columns", value: parts.joined(separator: " "))
    }
  }
}
