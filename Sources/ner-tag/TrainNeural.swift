import Dispatch
import NERCLI
import NERKit

/// A labelled sentence as the neural CRF reads it.
struct TokenSentence {
  var tokens: [String]
  var tags: [String]
  var language: String?
}

extension NERTag.Train {
  /// `ner-tag train --model neural`: reads the labelled inputs, builds the vocabularies
  /// and trains the network epoch by epoch, scoring --dev after each epoch.
  func trainNeural(started: Double) throws {
    let muByLanguage = try keyedNumbers(weights, option: "--weight")
    // TrainingCorpus converts labels to the training scheme and detects the input's;
    // the neural CRF takes no features, so each token gets no attributes.
    var corpus = TrainingCorpus(featureSet: try FeatureSet(templateText: nil, tokenColumn: nil, extraColumns: [], languageFeatures: false),
                                trainingScheme: tagScheme)
    var sentences: [(tokens: [String], language: String, weight: Double)] = []
    for argument in InputFile.paths(inputs) {
      for s in try Self.readTokenSentences(path: argument, from: from, language: lang, gold: "train on") {
        let language = s.language ?? ""
        let weight = muByLanguage[language] ?? 1
        try corpus.add(attributes: Array(repeating: [], count: s.tokens.count), labels: s.tags, language: language,
                       weight: weight, line: 0)
        sentences.append((s.tokens, language, weight))
      }
    }
    guard corpus.set.count > 0 else { throw ToolFailure("no labelled sentences to train on", status: ExitStatus.dataError) }
    var data = NeuralCorpus(labels: corpus.set.labels)
    for (s, gold) in zip(sentences, corpus.set.gold) {
      data.add(tokens: s.tokens, labels: gold, language: s.language, weight: s.weight)
    }
    let report = ProgressReport(quiet: quiet, maxIterations: neural.epochs)
    var configuration = neural.configuration
    var pretrained: [String: WordEmbeddings] = [:]
    for item in neural.embeddings {
      let argument = LabelledInput(item)
      guard let language = argument.language else {
        throw ToolFailure("--embeddings wants LANG=FILE, not '\(item)'", status: ExitStatus.usage)
      }
      let file = try InputFile(path: argument.path)
      let e = try file.located { try file.readEmbeddings(maxVocab: neural.maxPretrained) }
      if let d = neural.wordDim, d != e.dimension {
        throw ToolFailure(file: file.name, "vectors of \(e.dimension) dimensions, but --word-dim is \(d)", status: ExitStatus.usage)
      }
      if let other = pretrained.values.first, other.dimension != e.dimension {
        throw ToolFailure(file: file.name, "vectors of \(e.dimension) dimensions; another --embeddings file has \(other.dimension)", status: ExitStatus.dataError)
      }
      configuration.wordDim = e.dimension
      pretrained[language] = e
      report.note("\(file.name): \(e.count) vectors of \(e.dimension) dimensions")
    }
    let frozen: Set<String> = neural.freezeEmbeddings ? Set(pretrained.keys) : []
    let model = data.makeModel(configuration: configuration, pretrained: pretrained, frozen: frozen,
                               maxPretrained: neural.maxPretrained, seed: neural.seed)
    let metadata = corpus.metadata.filter { ["languages", "input-scheme", "scheme"].contains($0.0) } + [("model", "neural")]
    let devSentences = try dev.map { try Self.readTokenSentences(path: $0, from: from, language: lang, gold: "score against") }
    report.note("\(corpus.set.count) sentences, \(corpus.tokenCount) tokens, \(corpus.set.labels.count) labels, \(model.characters.count) characters, vocabulary \(zip(model.languages, model.vocabularies).map { $0.0.isEmpty ? "\($0.1.count)" : "\($0.0) \($0.1.count)" }.joined(separator: ", ")), \(model.parameters.count) weights; read in \(Clock.format(Clock.now - started))")

    var options = neural.trainerOptions(threads: threads, patience: patience ?? 5)
    options.frozen = frozen
    let threads = self.threads
    let featureSet = corpus.featureSet
    let evaluate: ((NeuralCRF) -> Double)? = devSentences.map { dev in
      { model in Self.devF1(SequenceTagger(ModelFile.Contents(metadata: metadata, neural: model), featureSet: featureSet), dev, threads: threads) }
    }
    let trainStart = Clock.now
    let (final, bestEpoch) = NeuralTrainer.train(model, corpus: data, options: options, evaluate: evaluate) { p in
      var line = "epoch \(p.epoch): loss \(Clock.number(p.loss)), \(CFormat.format("%.1f", p.seconds)) s"
      if let f1 = p.devF1 { line += ", dev F1 \(CFormat.format("%.2f", f1))" }
      report.iteration(p.epoch, line)
      return true
    }
    if let bestEpoch { report.note("kept the model of epoch \(bestEpoch)") }
    report.note("trained in \(Clock.format(Clock.now - trainStart))")
    try ModelIO.save(ModelFile.Contents(metadata: metadata, neural: final), to: self.model)
  }

  /// conlleval's overall F1 of a neural tagger on labelled sentences, tagged in batches
  /// over `threads` threads.
  static func devF1(_ tagger: SequenceTagger, _ sentences: [TokenSentence], threads: Int) -> Double {
    let chunks = stride(from: 0, to: sentences.count, by: 64).map { Array(sentences[$0..<min(sentences.count, $0 + 64)]) }
    let workers = BatchWorkers(threads: threads) { tagger }
    let predicted = workers.map(chunks) { t, chunk in t.predict(sentences: chunk.map { ($0.tokens, $0.language) }).map(\.labels) }
    guard var scorer = try? ConllevalScorer() else { return 0 }
    for (chunk, guesses) in zip(chunks, predicted) {
      for (s, guess) in zip(chunk, guesses) {
        for (g, p) in zip(s.tags, guess) { try? scorer.addToken(gold: g, guess: p, line: 0) }
        try? scorer.addBoundary()
      }
    }
    return scorer.finish().overall.f
  }

  /// The non-empty labelled sentences of an input FILE or LANG=FILE (CoNLL or JSONL, '-'
  /// for standard input), each with its language: LANG, else its '# lang' or 'lang', else
  /// `language`.
  static func readTokenSentences(path: String, from: DataFormat, language: String?, gold: String) throws -> [TokenSentence] {
    let input = LabelledInput(path)
    let file = try InputFile(path: input.path)
    let reader = try file.recordReader(try file.detect(from.inputFormat))
    var result: [TokenSentence] = []
    try file.located {
      while let record = try reader.next() {
        guard case .sentence(let s) = record, s.count > 0 else { continue }
        guard let tags = s.tags else { throw DataError(line: s.line, "no gold tag column to \(gold)") }
        result.append(TokenSentence(tokens: s.tokens, tags: tags, language: input.language ?? s.metadata("lang") ?? language))
      }
    }
    return result
  }
}
