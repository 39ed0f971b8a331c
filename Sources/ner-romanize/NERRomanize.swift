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
      language rules (each sentence's '# lang', else --lang) for Russian, Ukrainian, Arabic, \
      Urdu, Hindi, Marathi and Bengali. Latin-script tokens only lose their diacritics \
      (kept with --keep-diacritics). Each distinct token is romanized once. When stderr is \
      a terminal, a line there shows the progress (sentences, tokens, tokens a second), \
      erased at the end.

      Adds each token's romanization as a column after the token column ('ROMAN' in '# global.columns'; JSONL 'roman'), or replaces the token ('--in-place'); '-DOCSTART-' lines get the column too. The default is case-preserving ASCII Latin comparable to uroman: ICU's 'Any-Latin' and 'Latin-ASCII' inside the project's own ICU rules ('Sources/NERKit/Romanize/RomanizationRules.swift', compiled once per process, no resource files): nothing ICU inserts inside words (apostrophes in 'mumba'i', hyphens between Hangul syllables, spaces between Han syllables), native digits of every script to ASCII, schwa deletion for Devanagari, and language rules for Russian and Ukrainian (х kh, щ shch; и y, і i, ї yi, є ye, г h), Arabic-script and Urdu, Hindi and Marathi, Bengali, Persian. The language is each sentence's '# lang' / JSONL 'lang', else '--lang' (ISO 639-1 or 639-3; the rule of Formats). Latin-script tokens only lose diacritics ('--keep-diacritics' keeps them). '--transform' takes any ICU transform or compound ID instead. Each distinct token is romanized once; it goes through only the rule passes that can change one of its characters, and Han goes through Han-Latin's rules cut down to the characters met so far (ICU's full Han-Latin takes some 0.13 s to set up), with the same output as the complete rules. A token longer than 4,096 UTF-16 units goes through ICU's incremental mode a chunk at a time, so that one long token takes time linear in its length, with the output of a single pass.

      EXAMPLES:
        ner-romanize --lang uk uk.train > uk.roman.conll
        ner-tokenize < news.hi.txt | ner-romanize --lang hi --in-place
        ner-romanize --transform 'Cyrillic-Latin' --to jsonl ru.conll | jq -c .roman
        ner-romanize --list-transforms | grep -i devanagari
      """,
    version: versionLine("ner-romanize"))

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @Option(help: "Language of sentences that give none (ISO 639-1, or 639-3 for the languages with rules: ru, uk, hi, mr, fa...; a sentence's '# lang' or JSONL 'lang' comes first); default: rules for any language, with a warning.")
  var lang: String?

  @Option(help: ArgumentHelp("Use this ICU transform or compound ID instead of the project's rules.", valueName: "id"))
  var transform: String?

  @Flag(help: "Print the transform IDs ICU offers and exit.")
  var listTransforms = false

  @Flag(help: "Replace the tokens instead of adding a column.")
  var inPlace = false

  @Flag(help: "Leave Latin-script tokens unchanged, diacritics included.")
  var keepDiacritics = false

  @OptionGroup var inputFormat: InputFormatOption

  @Option(help: "Output format: conll or jsonl (default: the input's format).")
  var to: CorpusFormat?

  @OptionGroup var outputFile: OutputFileOption

  @Flag(name: [.short, .long], help: "Do not warn that sentences without a language get the generic rules.")
  var quiet = false

  func validate() throws {
    try LanguageOption.check(lang, known: LanguageOption.withRules(RomanizationRules.languagesWithRules))
  }

  func run() throws {
    try ToolMain.run(tool: "ner-romanize") {
      let target = try outputFile.target()
      if listTransforms {
        try target.run {
          for id in Transliterator.availableIDs { try target.buffer.write(id + "\n") }
        }
        return
      }
      let romanizers = RomanizerCache(transform: transform, keepLatin: keepDiacritics)
      func romanizer(for language: String?) throws -> Romanizer {
        do {
          return try romanizers.romanizer(for: language)
        } catch let e as DataError {
          throw ToolFailure(e.message, status: ExitStatus.usage)
        }
      }
      _ = try romanizer(for: lang)  // a bad --transform or --lang fails before any output
      let rule = LanguageRule(option: lang)
      let pipeline = RecordPipeline(from: inputFormat.from, to: to?.output, out: target.buffer)
      pipeline.batchSize = 512
      pipeline.progress = .onTerminal(tool: "ner-romanize")
      var warned = false
      try target.run {
        try pipeline.run(LabelledInput.files(files)) { batch in
          // The new tokens of a batch are romanized in one ICU call per language.
          var byLanguage: [String: [String]] = [:]
          for case .sentence(let s) in batch.records { byLanguage[batch.language(of: s, rule) ?? "", default: []] += s.tokens }
          if byLanguage[""] != nil && !quiet && !warned {
            warned = true
            Diagnostics.warning(
              tool: "ner-romanize",
              "sentences without a language ('# lang', JSONL 'lang' or --lang) get the generic rules, which romanize some languages differently (-q: no warning)")
          }
          for (language, tokens) in byLanguage { try romanizer(for: language.isEmpty ? nil : language).prefetch(tokens) }
          return batch.map { record in
            try romanize(record) { try romanizer(for: batch.language(of: $0, rule)) }
          }
        }
      }
    }
  }

  /// A record with its tokens romanized: in a column after the token column, named ROMAN
  /// in `# global.columns` (the `-DOCSTART-` line repeats itself there), or in place.
  func romanize(_ record: Record, with romanizer: (Sentence) throws -> Romanizer) throws -> Record {
    switch record {
    case .documentStart(var d):
      if !inPlace, let first = d.fields.first { ColumnInsertion.insert(first, at: 1, named: "ROMAN", into: &d) }
      return .documentStart(d)
    case .sentence(var s):
      let roman = try romanizer(s).romanize(prefetched: s.tokens)  // the batch's tokens were prefetched
      if inPlace {
        if !s.columns.isEmpty { s.tokens = roman }
      } else {
        ColumnInsertion.insert(Column(key: "roman", values: roman), at: s.tokenColumn + 1, named: "ROMAN", into: &s)
      }
      return .sentence(s)
    }
  }
}
