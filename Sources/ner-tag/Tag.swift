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
        are written in the scheme the model was trained on. A sentence's language is \
        LANG for an input written LANG=FILE, else its '# lang' or JSONL 'lang', else \
        --lang, else the model's first training language. With --from crfsuite, prints \
        one label a line and a blank line between sequences, as 'crfsuite tag' does. \
        Models of either kind (linear or neural, see 'ner-tag train --model') tag the \
        same way, with the same options; a neural model reads the token column and \
        cannot tag --from crfsuite.

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
    var from: DataFormat = .auto

    @Option(help: "Output format: conll, jsonl or spans (entities with their probability; default: the input's format).")
    var to: OutputFormat?

    @Option(help: "Language of sentences that give none (default: the model's first training language).")
    var lang: String?

    @Flag(help: "Add the probability of each predicted tag (CoNLL: a column after the tags; JSONL: 'pred_prob').")
    var marginals = false

    @Option(help: ArgumentHelp("Write the N best tag sequences with their probabilities (columns pred, pred2...; '# nbest_prob'; JSONL 'nbest').", valueName: "N"))
    var nbest: Int = 0

    @Option(help: "Threads to tag with (default: all cores); the output is the same for any number.")
    var threads: Int = BatchWorkers<Int>.processorCount

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
      if threads < 1 { throw ValidationError("--threads needs a positive number.") }
      if nbest < 0 { throw ValidationError("--nbest needs a number >= 1.") }
      if from == .crfsuite && (to != nil || marginals || nbest > 0) {
        throw ValidationError("--from crfsuite prints labels only; drop --to, --marginals and --nbest.")
      }
    }

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        let contents = try ModelIO.load(model)
        let tagger: SequenceTagger
        do {
          tagger = try SequenceTagger(contents)
        } catch let e as DataError {
          throw ToolFailure(file: model, line: e.line, "bad template in model: \(e.message)", status: ExitStatus.dataError)
        }
        let workers = BatchWorkers(threads: threads) { tagger }
        let target = try OutputTarget(path: output)
        try target.run {
          var writer: RecordWriter?
          for argument in InputFile.paths(inputs) {
            let input = LabelledInput(argument)
            let file = try InputFile(path: input.path)
            if from == .crfsuite {
              if tagger.neural != nil {
                throw ToolFailure("--from crfsuite gives attributes, but a neural model reads tokens", status: ExitStatus.usage)
              }
              try tagCRFsuite(file, language: input.language ?? lang ?? tagger.defaultLanguage, tagger, workers, target.buffer)
              continue
            }
            let format = try file.detect(from.inputFormat)
            let outFormat = to ?? (format == .jsonl ? .jsonl : .conll)
            if writer == nil {
              writer = recordWriter(outFormat, target.buffer, dropMetadata: false)
              if let spans = writer as? SpansWriter {
                spans.columnKey = "pred"
                spans.confidenceKey = "pred_span_prob"
              }
            }
            let reader = try file.recordReader(format)
            try file.located {
              var batch: [Record] = []
              var groups = TaggingGroups()  // per file: its records 1-32, 33-64, ...
              var done = false
              while !done {
                batch.removeAll(keepingCapacity: true)
                while batch.count < 256 {
                  guard let record = try reader.next() else { done = true; break }
                  batch.append(record)
                }
                let predictions = tagger.neural != nil ? Self.neuralPredictions(batch, groups: &groups, workers: workers) { s in
                  input.language ?? s.metadata("lang") ?? lang ?? tagger.defaultLanguage
                } predict: { t, items in
                  t.predict(sentences: items, marginals: marginals, nbest: nbest, spans: outFormat == .spans)
                } : workers.map(batch) { t, record -> Result<SequenceTagger.Prediction, Error>? in
                  guard case .sentence(let s) = record, s.count > 0 else { return nil }
                  return Result {
                    let language = input.language ?? s.metadata("lang") ?? lang ?? t.defaultLanguage
                    let x = t.contents.tagger.sequence(try t.featureSet.features(s, language: language))
                    return t.predict(x, marginals: marginals, nbest: nbest, spans: outFormat == .spans)
                  }
                }
                for (record, prediction) in zip(batch, predictions) {
                  guard case .sentence(var s) = record, let prediction else {
                    if case .documentStart(var d) = record, !d.fields.isEmpty {
                      // The -DOCSTART- line gets an O in the new column, so the file stays
                      // rectangular for conlleval and ner-score.
                      d.fields.append("O")
                      try writer!.write(.documentStart(d))
                    } else {
                      try writer!.write(record)
                    }
                    continue
                  }
                  Self.annotate(&s, with: try prediction.get(), format: outFormat)
                  try writer!.write(.sentence(s))
                }
              }
            }
          }
          try writer?.finish()
          try target.buffer.flush()
        }
      }
    }

    /// Adds a prediction to a sentence: the `pred` column (replacing one already there)
    /// and what --marginals, --nbest and spans output ask for.
    static func annotate(_ s: inout Sentence, with p: SequenceTagger.Prediction, format: OutputFormat) {
      func setColumn(_ key: String, _ values: [String]) {
        if let i = s.columnIndex(key) { s.columns[i].values = values } else { s.columns.append(Column(key: key, values: values)) }
        ordered(key)
      }
      // JSONL read with a key order: new keys go last.
      func ordered(_ key: String) {
        if s.jsonKeyOrder != nil && !s.jsonKeyOrder!.contains(key) { s.jsonKeyOrder!.append(key) }
      }
      func number(_ x: Double) -> String { CFormat.format("%.4f", x) }
      setColumn("pred", p.labels)
      if !p.probabilities.isEmpty {
        if format == .jsonl {
          ordered("pred_prob")
          s.header.append(.json(key: "pred_prob", raw: "[" + p.probabilities.map(number).joined(separator: ",") + "]"))
        } else {
          setColumn("pred_prob", p.probabilities.map(number))
        }
      }
      if !p.nbest.isEmpty {
        if format == .jsonl {
          let items = p.nbest.map { "{\"pred\":[" + $0.labels.map { JSONText.quote($0) }.joined(separator: ",") + "],\"prob\":\(number($0.probability))}" }
          ordered("nbest")
          s.header.append(.json(key: "nbest", raw: "[" + items.joined(separator: ",") + "]"))
        } else {
          for (k, n) in p.nbest.enumerated().dropFirst() { setColumn("pred\(k + 1)", n.labels) }
          s.setMetadata("nbest_prob", p.nbest.map { number($0.probability) }.joined(separator: " "))
        }
      }
      if format == .spans {
        s.header.append(.json(key: "pred_span_prob", raw: "[" + p.spans.map { number($0.probability) }.joined(separator: ",") + "]"))
      }
    }

    /// The predictions of a neural model for a batch of records (nil for records that are
    /// not sentences to tag): the sentences go by ``TaggingGroups`` through the network
    /// (fixed by position, so that shards of a multiple of 32 records give the same
    /// bytes), the groups spread over the workers.
    static func neuralPredictions(
      _ batch: [Record], groups: inout TaggingGroups, workers: BatchWorkers<SequenceTagger>,
      language: (Sentence) -> String?,
      predict: (SequenceTagger, [(tokens: [String], language: String?)]) -> [SequenceTagger.Prediction]
    ) -> [Result<SequenceTagger.Prediction, Error>?] {
      let sentences = batch.map { record -> Sentence? in
        guard case .sentence(let s) = record, s.count > 0 else { return nil }
        return s
      }
      let indices = groups.next(sentences.map { $0 != nil })
      let chunks = indices.map { group in group.map { (sentences[$0]!.tokens, language(sentences[$0]!)) } }
      var out = [Result<SequenceTagger.Prediction, Error>?](repeating: nil, count: batch.count)
      for (i, p) in zip(indices.joined(), workers.map(chunks, predict).joined()) { out[i] = .success(p) }
      return out
    }

    /// Tags CRFsuite data: one label a line, a blank line after each sequence.
    func tagCRFsuite(_ file: InputFile, language: String?, _ tagger: SequenceTagger,
                     _ workers: BatchWorkers<SequenceTagger>, _ out: OutputBuffer) throws {
      var batch: [[[(String, Double)]]] = []
      func flush() throws {
        let labels = workers.map(batch) { t, items -> [String] in
          t.predict(t.contents.tagger.sequence(t.featureSet.attributes(items, language: language))).labels
        }
        for l in labels { try out.write(l.joined(separator: "\n") + "\n\n") }
        batch.removeAll(keepingCapacity: true)
      }
      try readCRFsuite(file) { _, items, _ in
        batch.append(items)
        if batch.count == 256 { try flush() }
      }
      try flush()
    }
  }
}
