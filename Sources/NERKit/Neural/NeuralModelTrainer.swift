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
  /// A frozen English model's features brought to every sentence (``ConverseTransfer``),
  /// or nil.
  public var transfer: ConverseTransfer?

  /// A model to go on training (a later self-training round) instead of a new one:
  /// its vocabularies, characters and labels stay; the corpus's labels must be among
  /// its labels.
  public var initial: NeuralCRF?
  /// Epochs of each later self-training round (nil: ``NeuralTrainer/Options/epochs``).
  public var roundEpochs: Int?

  public init() {}

  /// Goes on training `model`'s network for ``roundEpochs`` epochs, its shuffling and
  /// dropout drawn anew for the round.
  public func continuing(from model: TrainedModel, round: Int) -> ModelTrainer {
    var next = self
    next.initial = model.of(NeuralCRF.self)
    if let e = roundEpochs { next.options.epochs = e }
    next.options.seed = options.seed &+ UInt64(round) &* 0x9E37_79B9
    return next
  }

  public func train(_ corpus: LabelledCorpus, development: DevelopmentSet?, log: TrainingLog) throws -> TrainedModel {
    let (data, start) = try startingModel(corpus, log: log)
    let trainedLanguages = Set(data.languages)
    let untrained = start.languages.indices.filter { !trainedLanguages.contains(start.languages[$0]) }
    let tagged = { (m: NeuralCRF) in m.sharingLanguageWeights(of: 0, with: untrained) }
    // The development set's transfer features are computed once, not every epoch.
    let devTransfer = start.transfer?.caching()
    let scored = { (m: NeuralCRF) in devTransfer.map { tagged(m).replacingTransfer($0) } ?? tagged(m) }
    let allLanguages = corpus.languages + start.languages.filter { !corpus.languages.contains($0) }
    let metadata = corpus.metadata.map { $0.0 == "languages" ? ($0.0, allLanguages.joined(separator: " ")) : $0 }
    var failure: Error?
    let evaluate: ((NeuralCRF) -> Double)? = development.map { dev in
      { model in
        do { return try dev.f1(SequenceTagger(TrainedModel(scored(model), metadata: metadata))) } catch {
          failure = error
          return -.infinity
        }
      }
    }
    let started = Clock.now
    let (final, bestEpoch) = NeuralTrainer.train(start, corpus: data, options: options, evaluate: evaluate) { p in
      var line = "epoch \(p.epoch): loss \(Clock.number(p.loss)), \(CFormat.format("%.1f", p.seconds)) s"
      if let f1 = p.devF1 { line += ", dev F1 \(CFormat.format("%.2f", f1))" }
      log.step(p.epoch, line)
      return failure == nil
    }
    if let failure { throw failure }
    if let bestEpoch { log.note("kept the model of epoch \(bestEpoch)") }
    log.note("trained in \(Clock.format(Clock.now - started))")
    return TrainedModel(tagged(final), metadata: metadata)
  }

  /// The corpus as label ids, and the model training starts from: ``initial``, or a new
  /// one over the corpus and the pretrained vectors (languages with vectors and no
  /// sentence are noted: they are tagged zero-shot).
  func startingModel(_ corpus: LabelledCorpus, log: TrainingLog) throws -> (NeuralCorpus, NeuralCRF) {
    let labels = initial?.labels ?? corpus.labels
    var data = NeuralCorpus(labels: labels)
    let labelID = Dictionary(labels.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
    for item in corpus.items {
      guard let tokens = item.input.tokens else {
        throw DataError(line: item.input.line, "a neural model reads tokens, not CRFsuite attributes")
      }
      let ids = try item.labels.enumerated().map { t, label in
        if item.known.map({ $0[t] }) == false { return -1 }  // free: any label
        guard let id = labelID[label] else { throw DataError(line: item.input.line, "label '\(label)' is not one of the model's") }
        return id
      }
      data.add(tokens: tokens, labels: ids, language: item.input.language ?? "", weight: item.weight)
    }
    if let initial { return (data, initial) }
    var configuration = self.configuration
    if let d = pretrained.values.first?.dimension { configuration.wordDim = d }
    let model = data.makeModel(configuration: configuration, pretrained: pretrained, frozen: options.frozen,
                               maxPretrained: maxPretrained, transfer: transfer, seed: options.seed)
    let vocabulary = zip(model.languages, model.vocabularies).map { $0.0.isEmpty ? "\($0.1.count)" : "\($0.0) \($0.1.count)" }
    log.note("\(corpus.count) sentences, \(corpus.tokenCount) tokens, \(model.labels.count) labels, \(model.characters.count) characters, vocabulary \(vocabulary.joined(separator: ", ")), \(model.parameters.count) weights")
    if let t = transfer {
      log.note("transfer: an English model of \(t.english.parameters.count) weights (states of \(t.width)), a dictionary of \(t.dictionary.count) words, \(t.attention.kind.rawValue) attention")
    }
    for language in data.zeroShotLanguages(pretrained) {
      log.note("language '\(language)' has vectors and no training sentence: tagged zero-shot (language weights of '\(model.languages[0])')")
    }
    return (data, model)
  }
}
