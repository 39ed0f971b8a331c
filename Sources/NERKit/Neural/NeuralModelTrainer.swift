/// Trains a ``NeuralCRF`` on a labelled corpus: the vocabularies from the corpus and
/// the pretrained vectors, then minibatch training (``NeuralTrainer``) epoch by epoch,
/// scoring the development set after each epoch and keeping the best.
public struct NeuralModelTrainer: ModelTrainer {
  public var configuration = NeuralConfiguration()
  public var options = NeuralTrainer.Options()
  /// Pretrained word vectors per language (their size is the word embedding size).
  public var pretrained: [String: WordEmbeddings] = [:]
  /// Words taken from each pretrained table besides the training words.
  public var maxPretrained = 100_000

  public init() {}

  public func train(_ corpus: LabelledCorpus, development: DevelopmentSet?, log: TrainingLog) throws -> TrainedModel {
    var data = NeuralCorpus(labels: corpus.labels)
    let labelID = Dictionary(uniqueKeysWithValues: data.labels.enumerated().map { ($0.element, $0.offset) })
    for item in corpus.items {
      guard let tokens = item.input.tokens else {
        throw DataError(line: item.input.line, "a neural model reads tokens, not CRFsuite attributes")
      }
      data.add(tokens: tokens, labels: item.labels.map { labelID[$0]! }, language: item.input.language ?? "", weight: item.weight)
    }
    var configuration = self.configuration
    if let d = pretrained.values.first?.dimension { configuration.wordDim = d }
    let model = data.makeModel(configuration: configuration, pretrained: pretrained, frozen: options.frozen,
                               maxPretrained: maxPretrained, seed: options.seed)
    let vocabulary = zip(model.languages, model.vocabularies).map { $0.0.isEmpty ? "\($0.1.count)" : "\($0.0) \($0.1.count)" }
    log.note("\(corpus.count) sentences, \(corpus.tokenCount) tokens, \(model.labels.count) labels, \(model.characters.count) characters, vocabulary \(vocabulary.joined(separator: ", ")), \(model.parameters.count) weights")
    let metadata = corpus.metadata
    var failure: Error?
    let evaluate: ((NeuralCRF) -> Double)? = development.map { dev in
      { model in
        do { return try dev.f1(SequenceTagger(TrainedModel(model, metadata: metadata))) } catch {
          failure = error
          return -.infinity
        }
      }
    }
    let started = Clock.now
    let (final, bestEpoch) = NeuralTrainer.train(model, corpus: data, options: options, evaluate: evaluate) { p in
      var line = "epoch \(p.epoch): loss \(Clock.number(p.loss)), \(CFormat.format("%.1f", p.seconds)) s"
      if let f1 = p.devF1 { line += ", dev F1 \(CFormat.format("%.2f", f1))" }
      log.step(p.epoch, line)
      return failure == nil
    }
    if let failure { throw failure }
    if let bestEpoch { log.note("kept the model of epoch \(bestEpoch)") }
    log.note("trained in \(Clock.format(Clock.now - started))")
    return TrainedModel(final, metadata: metadata)
  }
}
