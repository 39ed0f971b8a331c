/// Trains a ``LinearCRF``: features of the labelled sentences (computed on the
/// threads), then L-BFGS or OWL-QN (``CRFTrainer``), scoring the development set every
/// ``devEvery`` iterations and keeping the best model.
public struct LinearTrainer: ModelTrainer {
  public var featureSet: FeatureSet
  public var options = CRFTrainer.Options()
  /// Iterations between development scores.
  public var devEvery = 10
  /// Development scores without improvement before stopping.
  public var patience = 3

  public init(featureSet: FeatureSet) { self.featureSet = featureSet }

  public func train(_ corpus: LabelledCorpus, development: DevelopmentSet?, log: TrainingLog) throws -> TrainedModel {
    let set = try trainingSet(corpus)
    log.note("\(set.count) sentences, \(corpus.tokenCount) tokens, \(set.attributeNames.count) attributes, \(set.labels.count) labels")
    let metadata = corpus.metadata, featureSet = self.featureSet
    func trained(_ tagger: CRFTagger) -> TrainedModel {
      TrainedModel(LinearCRF(featureSet: featureSet, tagger: tagger), metadata: metadata)
    }
    try development?.prepare(for: LinearCRF(featureSet: featureSet, tagger: CRFTagger(labels: [], attributes: [:], model: CRFModel(labelCount: 0, attributeCount: 0))))
    var stopping = EarlyStopping<CRFTagger>(patience: patience)
    var failure: Error?
    let started = Clock.now
    let (tagger, stop) = CRFTrainer.train(set, options: options) { p, current in
      var line = "iteration \(p.iteration): loss \(Clock.number(p.objective)), active \(p.activeWeights), |g| \(Clock.number(p.gradientNorm)), \(Clock.format(Clock.now - started))"
      var goOn = true
      if let development, p.iteration % devEvery == 0 {
        do {
          let snapshot = current()
          let f1 = try development.f1(SequenceTagger(trained(snapshot)))
          line += ", dev F1 \(CFormat.format("%.2f", f1))"
          goOn = stopping.observe(f1, step: p.iteration) { snapshot }
        } catch {
          failure = error
          goOn = false
        }
      }
      log.step(p.iteration, line)
      return goOn
    }
    if let failure { throw failure }
    var final = tagger
    if let development {
      _ = stopping.observe(try development.f1(SequenceTagger(trained(tagger))), step: -1) { tagger }
      let best = stopping.best!
      final = best.model
      log.note("kept the model of \(best.step < 0 ? "the last iteration" : "iteration \(best.step)"): dev F1 \(CFormat.format("%.2f", best.score))")
    }
    log.note("stopped: \(Self.describe(stop)); trained in \(Clock.format(Clock.now - started))")
    return trained(final)
  }

  /// The corpus's features and labels, computed in batches on the threads and added in
  /// input order.
  func trainingSet(_ corpus: LabelledCorpus) throws -> TrainingSet {
    var set = TrainingSet()
    let workers = BatchWorkers(threads: options.threads) { featureSet }
    for range in FixedPartition.chunks(corpus.items.count, size: 256) {
      let batch = corpus.items[range]
      let computed = workers.map(Array(batch)) { fs, item -> Result<ModelInput.Observation, Error> in
        Result {
          switch item.input.observation {
          case .sentence(let s):
            return .features(try DataError.naming(item.input.source) { try fs.features(s, language: item.input.language) })
          case .features: return item.input.observation
          case .attributes(let a): return .attributes(fs.attributes(a, language: item.input.language))
          }
        }
      }
      for (item, observation) in zip(batch, computed) {
        switch try observation.get() {
        case .attributes(let a): set.append(attributes: a, labels: item.labels, weight: item.weight, known: item.known)
        case .features(let f): set.append(features: f, labels: item.labels, weight: item.weight, known: item.known)
        case .sentence: break
        }
      }
    }
    return set
  }

  static func describe(_ stop: LBFGS.Stop) -> String {
    switch stop {
    case .converged: return "converged (gradient below --epsilon)"
    case .noImprovement: return "no improvement over --period iterations (--delta)"
    case .maxIterations: return "--max-iterations reached"
    case .lineSearchFailed: return "line search failed (the model so far is kept)"
    case .stopped: return "early stopping on the development data"
    }
  }
}
