import ArgumentParser
import NERCLI
import NERKit

extension NERTranslate {
  struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Translate the tokens of labelled CoNLL or JSONL word by word (the default subcommand).",
      discussion: """
        Each token becomes its dictionary translation (looked up as written, then \
        lowercased), written with the token's letter case (Title, UPPER); a translation \
        of several words becomes several tokens, the tags expanded so the entity stays \
        whole (B-X becomes B-X I-X) and the other columns repeated. Tokens without an \
        entry are kept, or with --fallback csls translated to their CSLS nearest \
        neighbour in the aligned embeddings; --copy-types keeps tokens of those entity \
        types as they are. With --source-embeddings (already mapped into the target \
        space, or mapped by --mapping) and --target-embeddings, a word with several \
        translations gets the one with the best reverse-translation score \
        alpha*cos(w,t) + (1-alpha)*sum_j cos(t,c_j)/(d_j+1)^2 over the source words c_j \
        within --window; without them, the first listed. '# lang' is set to the target \
        language, '# text' lines (which give the source sentence) are dropped, and \
        everything else passes through. Dictionary lines are 'source target', separated \
        by a space (further words make a translation of several words) or by a tab. \
        When stderr is a terminal, a line there shows the progress (sentences, tokens, \
        tokens a second), erased at the end. With --attention, the tokens stay and each \
        sentence gains its translation and every word's attention over it as JSON fields: \
        what 'ner-tag train --transfer-model' brings to a word (it translates as this does \
        without --fallback and --copy-types).

        EXAMPLES:
          ner-translate --dictionary en-es.txt --copy-types PER en.train > en2es.train
          ner-translate --dictionary en-es.txt --source-embeddings en-mapped.vec --target-embeddings es.vec --fallback csls --stats en.train
          ner-translate --dictionary en-es.txt --keep-source --to jsonl en.train | jq -c '[.source, .tokens]'
          ner-translate --dictionary es-en.txt --attention alignment --to jsonl es.test | jq -c '.translation as $t | [.tokens, [.attention[] | max_by(.[1]) | $t[.[0]]]]'
        """)

    @Option(help: ArgumentHelp("Bilingual dictionary, 'source target' a line (MUSE format).", valueName: "file"))
    var dictionary: String

    @Argument(help: ArgumentHelp("Inputs; none or '-' reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Language code for '# lang' (default: the part of the dictionary's file name after the '-' of 'xx-yy', if it has one).", valueName: "lang"))
    var targetLang: String?

    @Flag(help: "Keep each source token in a 'source' column after the token column.")
    var keepSource = false

    @Option(help: ArgumentHelp("Tokens without an entry: keep them, or translate them to their CSLS nearest neighbour (needs both embeddings).", valueName: "keep|csls"))
    var fallback: Fallback = .keep

    @Option(help: ArgumentHelp("Entity types whose tokens are copied unchanged, comma-separated (e.g. PER,LOC).", valueName: "types"))
    var copyTypes: String?

    @Flag(inversion: .prefixedNo, help: "Give translations the source token's letter case (Title, UPPER).")
    var caseRestoration = true

    @OptionGroup var embeddings: EmbeddingOptions

    @Option(help: EmbeddingOptions.mappingHelp)
    var mapping: String?

    @Option(help: "Weight of the word's own similarity in the reverse-translation score.")
    var alpha: Double = 0.5

    @Option(help: "Source words on each side that make a word's context.")
    var window: Int = 3

    @Option(help: "CSLS neighbourhood size for --fallback csls (at most the vocabulary: a larger k is the whole vocabulary).")
    var k: Int = 10

    @Option(help: ArgumentHelp("Keep the tokens and add, for each sentence, its English (target) translation as the field 'translation' and each word's attention over it as 'attention' (rows of [index, weight] pairs summing to one; '# translation = ...' lines in CoNLL): what 'ner-tag train --transfer-model' brings to a word. alignment: each word attends to the words of its own translation; embedding: softmax of cosine / --attention-temperature minus the distance from its translation, from the two embeddings.", valueName: "alignment|embedding"))
    var attention: AttentionKind?

    @OptionGroup var attentionSettings: AttentionOptions

    @Flag(help: "Print a summary of what happened to the tokens on stderr.")
    var stats = false

    @OptionGroup var inputFormat: InputFormatOption

    @Option(help: "Output format: conll or jsonl (default: the input's format).")
    var to: CorpusFormat?

    @OptionGroup var outputFile: OutputFileOption

    enum Fallback: String, ExpressibleByArgument, CaseIterable { case keep, csls }

    func validate() throws {
      if !(0...1).contains(alpha) { throw ValidationError("--alpha needs a number between 0 and 1.") }
      if window < 0 { throw ValidationError("--window needs a number >= 0.") }
      if k < 1 { throw ValidationError("--k needs a positive number.") }
      if (embeddings.sourceEmbeddings == nil) != (embeddings.targetEmbeddings == nil) {
        throw ValidationError("give both --source-embeddings and --target-embeddings, or neither.")
      }
      if fallback == .csls && embeddings.sourceEmbeddings == nil {
        throw ValidationError("--fallback csls needs --source-embeddings and --target-embeddings.")
      }
      if attention == .embedding && embeddings.sourceEmbeddings == nil {
        throw ValidationError("--attention embedding needs --source-embeddings and --target-embeddings.")
      }
      if mapping != nil && embeddings.sourceEmbeddings == nil {
        throw ValidationError("--mapping applies to --source-embeddings; give the embeddings too.")
      }
    }

    /// The target language the dictionary's name implies: `en-es.train.txt` gives `es`.
    static func language(ofDictionary path: String) -> String? {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      let stem = name.split(separator: ".").first.map(String.init) ?? name
      let parts = stem.split(separator: "-")
      guard parts.count == 2, (2...3).contains(parts[1].count), parts[1].allSatisfy(\.isLetter) else { return nil }
      return parts[1].lowercased()
    }

    func run() throws {
      try ToolMain.run(tool: "ner-translate") {
        let dictionaryFile = try InputFile(path: dictionary)
        let words = try dictionaryFile.located { try BilingualDictionary(reader: dictionaryFile.lines) }
        var options = TranslationOptions()
        options.targetLanguage = targetLang ?? Self.language(ofDictionary: dictionary)
        options.caseRestoration = caseRestoration
        options.keepSource = keepSource
        options.copyTypes = Set(commaList(copyTypes))
        var translator = CorpusTranslator(dictionary: words, options: options)
        var attended = attention.map(attentionSettings.attention)
        if embeddings.sourceEmbeddings != nil {
          let (source, target) = try embeddings.loadBoth(mappedBy: mapping)
          attended?.source = source
          attended?.target = target
          translator.scorer = ReverseTranslationScorer(
            source: EmbeddingVectors(source), target: EmbeddingVectors(target), alpha: alpha, window: window)
          if fallback == .csls {
            translator.fallback = NearestTranslation(source: source, target: target, k: k).translate
          }
        }
        var statistics = TranslationStatistics()
        let target = try outputFile.target()
        let pipeline = RecordPipeline(from: inputFormat.from, to: to?.output, out: target.buffer)
        pipeline.progress = .onTerminal(tool: "ner-translate")
        try target.run {
          try pipeline.run(LabelledInput.files(files)) { batch in
            batch.map { record in
              guard case .sentence(var s) = record else { return record }
              if let attended { return .sentence(attended.annotate(s, with: translator, statistics: &statistics)) }
              s.header.removeAll { if case .pair("text", _) = $0 { return true } else { return false } }
              return .sentence(translator.translate(s, statistics: &statistics))
            }
          }
        }
        if stats { Diagnostics.write("ner-translate: \(statistics.summary)\n") }
      }
    }
  }
}
