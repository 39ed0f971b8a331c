/// Self-training on unlabelled sentences for any model kind: the augmented fine-tuning
/// of Bari et al. (2020, Algorithm 1) with one network, and the label / select /
/// retrain loop of a linear CRF.
///
/// Each round the current model labels the unlabelled sentences; a length threshold `l`
/// is drawn: the length of one of them chosen uniformly at random, so that a round keeps
/// a share of the sentences uniform in (0, 1], the shortest first (the paper's
/// curriculum: short sentences, whose labels are more often right, are kept in more
/// rounds; its draw of `l` uniformly between the shortest and the longest length keeps
/// nearly every sentence every round on real text, where a few sentences are very long:
/// CoNLL-2002 es.train has 8,323 sentences of 1 to 1,238 tokens, 99% of them at most
/// 76); the sentences of at most `l` tokens whose confidence reaches
/// ``minConfidence`` are added, with weight ``weight``, to the labelled corpus, and
/// the trainer's next-round form (``ModelTrainer/continuing(from:round:)``: the neural
/// CRF goes on training the current network, the linear CRF trains anew) trains on
/// the whole. Pseudo-labels are made anew by each round's model. With a development
/// set the result is the round that scores best on it (the starting model included),
/// else the last round's.
///
/// With ``minTokenConfidence`` the labels the model was unsure of (the marginal
/// probability of the predicted label below it) are left free: the sentence's
/// likelihood is that of every labelling agreeing with its confident labels (a partial
/// annotation, ``CRFLoss``), so long sentences with a few doubtful tokens still teach
/// their confident ones instead of being kept whole or dropped whole.
public struct SelfTraining: Sendable {
  /// What a sentence's confidence is.
  public enum Confidence: String, CaseIterable, Sendable {
    /// The probability of its predicted label sequence.
    case sentence
    /// The lowest probability of its predicted entities (the sentence's probability
    /// when it has none).
    case entity
  }

  public var rounds = 3
  public var minConfidence = 0.0
  /// Leave a token's pseudo-label free when its marginal probability is below this (0:
  /// every label is kept).
  public var minTokenConfidence = 0.0
  public var confidence = Confidence.sentence
  /// The weight of each pseudo-labelled sentence's log-likelihood.
  public var weight = 1.0
  /// Draw a length threshold each round (false: every sentence is a candidate).
  public var lengthThreshold = true
  public var seed: UInt64 = 1
  public var threads = 2

  public init() {}

  /// A sentence with the labels a model gave it (in the model's output scheme).
  public struct PseudoLabelled: Sendable {
    public var input: ModelInput
    public var labels: [String]
    public var confidence: Double
    /// The marginal probability of each label (when ``minTokenConfidence`` is set).
    public var probabilities: [Double] = []

    /// Which labels a round trains on: those whose probability reaches `minimum` (nil
    /// when every label is kept).
    public func known(minimum: Double) -> [Bool]? {
      guard minimum > 0 else { return nil }
      return probabilities.map { $0 >= minimum }
    }
  }

  /// The sentences labelled by `tagger` with their confidence, tagged in fixed groups of
  /// 64 so that the labels are the same for any number of threads.
  public func label(_ sentences: [ModelInput], with tagger: SequenceTagger) throws -> [PseudoLabelled] {
    let groups = FixedPartition.groups(sentences, size: 64)
    let workers = BatchWorkers(threads: threads) { tagger }
    let spans = confidence == .entity
    let marginals = minTokenConfidence > 0
    let predicted = workers.map(groups) { t, group in t.predict(group, marginals: marginals, nbest: 1, spans: spans) }.joined()
    return try zip(sentences, predicted).map { input, result in
      let p = try result.get()
      let sentence = p.nbest.first?.probability ?? 1
      let c = spans ? (p.spans.map(\.probability).min() ?? sentence) : sentence
      return PseudoLabelled(input: input, labels: p.labels, confidence: c, probabilities: p.probabilities)
    }
  }

  /// The sentences a round trains on: at most the round's length threshold (returned,
  /// nil without ``lengthThreshold``) and at least ``minConfidence``.
  public func select(_ labelled: [PseudoLabelled], round: Int) -> (kept: [PseudoLabelled], threshold: Int?) {
    var threshold: Int?
    if lengthThreshold, !labelled.isEmpty {
      var rng = SeededRandom(seed, 5, UInt64(round))
      threshold = labelled[Int(rng.next() % UInt64(labelled.count))].input.count
    }
    let kept = labelled.filter { ($0.input.count <= (threshold ?? .max)) && $0.confidence >= minConfidence }
    return (kept, threshold)
  }

  /// Runs the rounds from `model` (trained on `corpus` by `trainer`).
  public func run(from model: TrainedModel, trainer: ModelTrainer, corpus: LabelledCorpus, unlabelled: [ModelInput],
                  development: DevelopmentSet?, log: TrainingLog) throws -> TrainedModel {
    var current = model
    var best: (model: TrainedModel, f1: Double, round: Int)?
    if let development { best = (model, try development.f1(SequenceTagger(model)), 0) }
    for round in stride(from: 1, through: rounds, by: 1) {
      let labelled = try label(unlabelled, with: SequenceTagger(current))
      let (kept, threshold) = select(labelled, round: round)
      var augmented = corpus
      var free = 0, tokens = 0, none = 0
      for p in kept {
        let known = p.known(minimum: minTokenConfidence)
        if let known {
          let n = known.filter { !$0 }.count
          // A sentence with no confident label adds nothing to the likelihood.
          if n == known.count { none += 1; continue }
          free += n
        }
        tokens += p.input.count
        try augmented.add(p.input, labels: p.labels, weight: weight, known: known)
      }
      var line = "self-training round \(round): \(kept.count - none) of \(labelled.count) unlabelled sentences"
      if let threshold { line += ", length threshold \(threshold)" }
      if minTokenConfidence > 0 { line += ", \(free) of \(tokens) tokens left free" }
      log.note(line)
      current = try trainer.continuing(from: current, round: round).train(augmented, development: development, log: log)
      if let development, let b = best {
        let f1 = try development.f1(SequenceTagger(current))
        log.note("self-training round \(round): dev F1 \(CFormat.format("%.2f", f1))")
        if f1 > b.f1 { best = (current, f1, round) }
      }
    }
    if let best {
      log.note("kept the model of self-training round \(best.round)")
      return best.model
    }
    return current
  }
}
