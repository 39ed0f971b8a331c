/// Unsupervised alignment by adversarial training (Conneau et al. 2018, MUSE's
/// `unsupervised.py` before its refinement): a ``Discriminator`` learns to tell mapped
/// source vectors from target vectors among the ``mostFrequent`` words of each side;
/// the mapping W (identity at first) is trained to fool it and kept near orthogonal
/// (`W ← (1 + β)W − β(WWᵀ)W` after every step). After each epoch the
/// ``UnsupervisedCriterion`` is computed: the best epoch's W is the result, the mapping's
/// learning rate decays by ``decay`` each epoch and shrinks by ``shrink`` whenever the
/// criterion falls below its best (from the second time on, as MUSE does).
///
/// Both networks step by plain SGD (``Optimizer``) on flat vectors. Each step draws its
/// batch and dropout masks from ``SeededRandom`` keyed by (seed, epoch, iteration,
/// step), and every product runs on one thread, so a seed gives the same bits whatever
/// the thread count (the criterion's own passes are thread-count independent too).
public struct AdversarialAlignment: Sendable {
  public var hidden = 256
  public var layers = 2
  public var slope: Float = 0.2
  public var inputDropout: Float = 0.1
  public var smoothing: Float = 0.1
  public var discriminatorSteps = 5
  public var batchSize = 32
  public var learningRate: Float = 0.1
  public var discriminatorLearningRate: Float = 0.1
  public var decay: Float = 0.98
  public var shrink: Float = 0.5
  public var minimumLearningRate: Float = 1e-6
  public var beta: Float = 0.001
  /// Batches are drawn from this many most frequent words of each side (0: all).
  public var mostFrequent = 20_000
  public var epochs = 5
  /// Source (and target) vectors drawn per epoch; `epochSize / batchSize` iterations.
  public var epochSize = 50_000
  public var seed: UInt64 = 1
  public var criterion = UnsupervisedCriterion()

  public init() {}

  /// One epoch's outcome.
  public struct Epoch: Sendable {
    public var criterion: Double
    /// Mean discriminator loss over the epoch's discriminator steps.
    public var discriminatorLoss: Double
    /// The mapping's learning rate during the epoch.
    public var learningRate: Float
  }

  /// Trains the mapping of `source` onto `target` (same dimension); `progress` sees each
  /// epoch as it ends. Returns the best epoch's mapping and every epoch.
  public func train(
    source: WordEmbeddings, target: WordEmbeddings, progress: (Int, Epoch) -> Void = { _, _ in }
  ) -> (mapping: LinearMapping, epochs: [Epoch]) {
    precondition(source.dimension == target.dimension, "adversarial: dimensions \(source.dimension) and \(target.dimension) differ")
    let d = source.dimension
    var init0 = SeededRandom(seed, 0xD15C)
    var state = AdversarialState(
      discriminator: Discriminator(dimension: d, hidden: hidden, layers: layers, slope: slope, random: &init0),
      mapping: LinearMapping.identity(dimension: d).weights)
    var lr = learningRate
    var best = (criterion: -Double.infinity, weights: state.mapping)
    var shrinkNext = false
    var history: [Epoch] = []
    for epoch in 0..<epochs {
      let loss = runEpoch(epoch, state: &state, source: source, target: target, learningRate: lr)
      let mapping = LinearMapping(weights: state.mapping, outputDimension: d, inputDimension: d)
      let score = criterion.evaluate(mapping, source: source, target: target)
      let result = Epoch(criterion: score, discriminatorLoss: loss, learningRate: lr)
      history.append(result)
      progress(epoch, result)
      if score > best.criterion {
        best = (score, state.mapping)
      } else {
        if shrinkNext { lr *= shrink }
        shrinkNext = true
      }
      lr = max(minimumLearningRate, lr * decay)
    }
    return (LinearMapping(weights: best.weights, outputDimension: d, inputDimension: d), history)
  }

  /// One epoch of discriminator and mapping steps; the mean discriminator loss.
  func runEpoch(_ epoch: Int, state: inout AdversarialState, source: WordEmbeddings, target: WordEmbeddings, learningRate: Float) -> Double {
    let iterations = max(1, epochSize / batchSize)
    let sgd = Optimizer(kind: .sgd, momentum: 0)
    var lossSum = 0.0
    for it in 0..<iterations {
      for step in 0...discriminatorSteps {
        var random = SeededRandom(seed, UInt64(epoch), UInt64(it), UInt64(step))
        let batch = sample(source: source, target: target, random: &random)
        let mappingStep = step == discriminatorSteps
        var gD = [Float](repeating: 0, count: state.discriminator.parameters.count)
        var gW: [Float]? = mappingStep ? [Float](repeating: 0, count: state.mapping.count) : nil
        let loss = Self.batchLoss(
          discriminator: state.discriminator, mapping: state.mapping, batch: batch,
          sourceLabel: mappingStep ? smoothing : 1 - smoothing, discriminatorGradient: &gD, mappingGradient: &gW)
        if let gW {
          gW.withUnsafeBufferPointer { sgd.step(&state.mapping, gradient: $0.baseAddress!, state: &state.mappingState, learningRate: learningRate) }
          Self.orthogonalize(&state.mapping, dimension: source.dimension, beta: beta)
        } else {
          lossSum += loss
          gD.withUnsafeBufferPointer {
            sgd.step(&state.discriminator.parameters, gradient: $0.baseAddress!, state: &state.discriminatorState, learningRate: discriminatorLearningRate)
          }
        }
      }
    }
    return lossSum / Double(iterations * max(1, discriminatorSteps))
  }

  /// A batch: `batchSize` source and target rows among the most frequent, and an input
  /// dropout mask (0 or 1/(1 − p) per value of the 2·batch rows).
  func sample(source: WordEmbeddings, target: WordEmbeddings, random: inout SeededRandom) -> AdversarialBatch {
    let d = source.dimension, n = batchSize
    let sRows = mostFrequent > 0 ? min(mostFrequent, source.count) : source.count
    let tRows = mostFrequent > 0 ? min(mostFrequent, target.count) : target.count
    var batch = AdversarialBatch(rows: n, dimension: d)
    for r in 0..<n {
      let s = Int(random.next() % UInt64(sRows)), t = Int(random.next() % UInt64(tRows))
      batch.source.replaceSubrange((r * d)..<((r + 1) * d), with: source.vector(at: s))
      batch.target.replaceSubrange((r * d)..<((r + 1) * d), with: target.vector(at: t))
    }
    if inputDropout > 0 {
      let keep = 1 / (1 - inputDropout)
      batch.mask = (0..<(2 * n * d)).map { _ in random.unit() < inputDropout ? 0 : keep }
    }
    return batch
  }
}

/// The weights and optimizer states adversarial training updates.
struct AdversarialState {
  var discriminator: Discriminator
  var mapping: [Float]
  var discriminatorState: OptimizerState
  var mappingState: OptimizerState

  init(discriminator: Discriminator, mapping: [Float]) {
    self.discriminator = discriminator
    self.mapping = mapping
    discriminatorState = OptimizerState(kind: .sgd, count: discriminator.parameters.count)
    mappingState = OptimizerState(kind: .sgd, count: mapping.count)
  }
}

/// One batch of adversarial training: `rows` source vectors (unmapped), as many target
/// vectors, and the dropout mask of the discriminator's input (empty: none).
struct AdversarialBatch {
  var rows: Int
  var source: [Float]
  var target: [Float]
  var mask: [Float] = []

  init(rows: Int, dimension: Int) {
    self.rows = rows
    source = [Float](repeating: 0, count: rows * dimension)
    target = source
  }
}
