import ArgumentParser
import NERCLI
import NERKit

extension NERTag {
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add the predicted tags to CoNLL or JSONL (the default subcommand).",
      discussion: """
        Appends a 'pred' column (JSONL: a 'pred' array) and passes everything else \
        through, sentence by sentence in input order; sentences are tagged in parallel. \
        Decoding is constrained to valid tag sequences of the model's scheme, and tags \
        are written in the scheme of the input's gold tags when it has them (learned from \
        its first sentences that tell IOB1, IOB2, IOBES and BILOU apart), else in the \
        scheme the model was trained on, or in --scheme. A sentence's language is \
        LANG for an input written LANG=FILE, else its '# lang' or JSONL 'lang', else \
        --lang, else the model's first training language. With --from crfsuite, prints \
        one label a line and a blank line between sequences, as 'crfsuite tag' does. \
        Models of either kind (linear or neural, see 'ner-tag train --kind') tag the \
        same way, with the same options; a neural model reads the token column and \
        cannot tag --from crfsuite. When stderr is a terminal, a line there shows the \
        progress (sentences, tokens, tokens a second), erased at the end.

        EXAMPLES:
          ner-tag -m es.model es.test | ner-score
          ner-tag -m es.model --marginals --to jsonl es.test | jq -c '.pred_prob'
          ner-tag -m es.model --nbest 3 es.test
          ner-tokenize < news.txt | ner-tag -m es.model --to spans | sort -k4 | uniq -c -f3
        """)

    @Option(name: [.short, .customLong("model")], help: ArgumentHelp("The model file.", valueName: "file"))
    var model: String

    @Argument(help: ArgumentHelp("Inputs, each FILE or LANG=FILE; none or '-' reads standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Input format: auto, conll, jsonl or crfsuite.")
    var from: LabelledFormat = .auto

    @Option(help: "Output format: conll, jsonl or spans (entities with their probability, then their character start and end when the sentence has offsets or '# text'; default: the input's format).")
    var to: OutputFormat?

    @Option(help: "Language of sentences that give none (after LANG=FILE and '# lang'; default: the model's first training language).")
    var lang: String?

    @Option(help: "Write the predicted tags in this scheme: iob1, iob2, iobes, bilou or io (default: the scheme of the input's gold tags when it has them, else the model's).")
    var scheme: TagScheme?

    @Flag(help: "Add the probability of each predicted tag (CoNLL: a column after the tags; JSONL: 'pred_prob').")
    var marginals = false

    @Option(help: ArgumentHelp("Write the N best tag sequences with their probabilities (columns pred, pred2...; '# nbest_prob'; JSONL 'nbest').", valueName: "N"))
    var nbest: Int = 0

    @OptionGroup var threads: ThreadsOption<TagThreads>

    @OptionGroup var output: OutputFileOption

    func validate() throws {
      if nbest < 0 { throw ValidationError("--nbest needs a number >= 1.") }
      if from == .crfsuite && (to != nil || marginals || nbest > 0) {
        throw ValidationError("--from crfsuite prints labels only; drop --to, --marginals and --nbest.")
      }
    }

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        let tagger = SequenceTagger(try ModelIO.load(model))
        try LanguageOption.checkModelLanguage(lang, modelLanguages: tagger.trained.languages)
        if let lang, tagger.trained.kind == NeuralCRF.kind, !tagger.trained.languages.contains(lang) {
          let known = tagger.trained.languages.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ")
          Diagnostics.write("ner-tag: warning: the model has no word vectors for --lang \(lang) (its languages: \(known)); its words are looked up as \(tagger.defaultLanguage.map { $0.isEmpty ? "''" : $0 } ?? "''")'s\n")
        }
        let workers = BatchWorkers(threads: threads.threads) { tagger }
        let target = try output.target()
        try target.run {
          let pipeline = RecordPipeline(from: from.inputFormat, to: to, out: target.buffer)
          pipeline.progress = .onTerminal(tool: "ner-tag")
          pipeline.configureWriter = { writer in
            guard let spans = writer as? SpansWriter else { return }
            spans.columnKey = "pred"
            spans.confidenceKey = "pred_span_prob"
            spans.characterOffsets = true
          }
          let rule = LanguageRule(option: lang, fallback: tagger.defaultLanguage)
          var groups = TaggingGroups()  // per input: its records 1-32, 33-64, ...
          var goldScheme = SchemeDetector()  // per input: the scheme of its gold tags
          if from == .crfsuite && !tagger.model.readsAttributes {
            throw ToolFailure("--from crfsuite gives attributes, but a \(tagger.trained.kind) model reads tokens", status: ExitStatus.usage)
          }
          for input in LabelledInput.arguments(inputs) {
            guard from != .crfsuite else {
              try tagCRFsuite(input, language: input.language ?? lang ?? tagger.defaultLanguage, workers, target.buffer)
              continue
            }
            try pipeline.process(input) { batch in
              if batch.position == 0 { groups = TaggingGroups(); goldScheme = SchemeDetector() }
              let format = batch.outputFormat
              let predictions = Self.predictions(batch.records, groups: &groups, workers: workers) { s in
                ModelInput(s, language: batch.language(of: s, rule))
              } predict: { t, inputs in
                t.predict(inputs, marginals: marginals, nbest: nbest, spans: format == .spans)
              }
              return zip(batch.records, predictions).map { r, p in
                Result {
                  let p = p.map { p in p.map { inScheme($0, of: r, gold: &goldScheme, tagger: tagger) } }
                  return try Self.annotated(r, p, format: format, marginals: marginals, nbest: nbest)
                }
              }
            }
          }
          try pipeline.finish()
          try target.buffer.flush()
        }
      }
    }

    /// A prediction in the scheme to write: --scheme, else that of the input's gold tags
    /// (learned from the record and those before it), else the model's.
    func inScheme(_ p: SequenceTagger.Prediction, of record: Record, gold: inout SchemeDetector,
                  tagger: SequenceTagger) -> SequenceTagger.Prediction {
      if case .sentence(let s) = record, let tags = s.tags { gold.observe(tags) }
      guard let target = scheme ?? gold.scheme, target != tagger.outputScheme else { return p }
      var p = p
      p.labels = SchemeDetector.convert(p.labels, to: target)
      p.nbest = p.nbest.map { (SchemeDetector.convert($0.labels, to: target), $0.probability) }
      return p
    }

    /// A record with its prediction added (records that are not sentences to tag pass
    /// through; the -DOCSTART- line gets a value in each new column, `-X-` for
    /// probabilities and `O` for tags, so the file stays rectangular for conlleval and
    /// ner-score).
    static func annotated(_ record: Record, _ prediction: Result<SequenceTagger.Prediction, Error>?,
                          format: OutputFormat, marginals: Bool, nbest: Int) throws -> Record {
      guard case .sentence(var s) = record, let prediction else {
        if case .documentStart(var d) = record {
          let columns = format == .jsonl ? [] : (marginals ? ["pred_prob"] : []) + (nbest > 1 ? (2...nbest).map { "pred\($0)" } : [])
          let keys = columns + ["pred"]
          ColumnInsertion.insertPrediction(keys.map { $0 == "pred_prob" ? "-X-" : "O" }, named: keys.map { $0.uppercased() }, into: &d)
          return .documentStart(d)
        }
        return record
      }
      s.add(try prediction.get(), as: format == .jsonl ? .json : format == .spans ? .spans : .columns)
      return .sentence(s)
    }

    /// The predictions for a batch of records (nil for records that are not sentences
    /// to tag): the sentences go by ``TaggingGroups`` to the model (fixed by position, so
    /// that shards of a multiple of 32 records give the same bytes), the groups spread
    /// over the workers.
    static func predictions(
      _ batch: [Record], groups: inout TaggingGroups, workers: BatchWorkers<SequenceTagger>,
      input: (Sentence) -> ModelInput,
      predict: (SequenceTagger, [ModelInput]) -> [Result<SequenceTagger.Prediction, Error>]
    ) -> [Result<SequenceTagger.Prediction, Error>?] {
      let sentences = batch.map { record -> Sentence? in
        guard case .sentence(let s) = record, s.count > 0 else { return nil }
        return s
      }
      let indices = groups.next(sentences.map { $0 != nil })
      let chunks = indices.map { group in group.map { input(sentences[$0]!) } }
      var out = [Result<SequenceTagger.Prediction, Error>?](repeating: nil, count: batch.count)
      for (i, p) in zip(indices.joined(), workers.map(chunks, predict).joined()) { out[i] = p }
      return out
    }

    /// Tags CRFsuite data: one label a line, a blank line after each sequence.
    func tagCRFsuite(_ input: LabelledInput, language: String?, _ workers: BatchWorkers<SequenceTagger>,
                     _ out: OutputBuffer) throws {
      let file = try InputFile(path: input.path)
      var reader = CRFsuiteReader(lines: file.lines)
      try file.located {
        var batch: [ModelInput] = []
        repeat {
          batch.removeAll(keepingCapacity: true)
          while batch.count < 256, let s = try reader.next() {
            batch.append(ModelInput(.attributes(s.items), language: language, line: s.line))
          }
          let groups = FixedPartition.groups(batch, size: 32)
          for prediction in workers.map(groups, { t, group in t.predict(group) }).joined() {
            try out.write(try prediction.get().labels.joined(separator: "\n") + "\n\n")
          }
        } while batch.count == 256
      }
    }
  }
}

/// The help of ner-tag tag's --threads.
enum TagThreads: ThreadsHelp {
  static let help = "Threads to tag with (default: all cores); the output is the same for any number."
}
