import Dispatch

/// One training sentence: the features of each token, the gold labels, and the weight of
/// its log-likelihood in the objective (μ for a source language, 1 for the target).
public struct TrainingSequence: Sendable {
  public var features: [[String]]
  public var labels: [String]
  public var weight: Double

  public init(features: [[String]], labels: [String], weight: Double = 1) {
    self.features = features
    self.labels = labels
    self.weight = weight
  }
}

/// Training data held compactly: features are turned into attribute ids as sentences are
/// added (each string is kept once, in the dictionary), labels into label ids.
public struct TrainingSet: Sendable {
  public private(set) var labels: [String] = []
  public private(set) var labelIDs: [String: Int] = [:]
  /// Attribute names in id order, and how often each was seen.
  public private(set) var attributeNames: [String] = []
  public private(set) var attributeIDs: [String: Int] = [:]
  public private(set) var frequencies: [Int] = []
  public private(set) var sequences: [AttributeSequence] = []
  public private(set) var gold: [[Int]] = []
  public private(set) var weights: [Double] = []

  public init() {}

  public var count: Int { sequences.count }

  /// Adds a sentence: its tokens' features, gold labels and log-likelihood weight.
  public mutating func append(features: [[String]], labels: [String], weight: Double = 1) {
    var x = AttributeSequence()
    for f in features {
      var ids: [Int] = []
      ids.reserveCapacity(f.count)
      for a in f {
        if let id = attributeIDs[a] {
          frequencies[id] += 1
          ids.append(id)
        } else {
          attributeIDs[a] = attributeNames.count
          ids.append(attributeNames.count)
          attributeNames.append(a)
          frequencies.append(1)
        }
      }
      x.append(ids: ids)
    }
    sequences.append(x)
    gold.append(labels.map { l in
      if let id = labelIDs[l] { return id }
      labelIDs[l] = self.labels.count
      self.labels.append(l)
      return self.labels.count - 1
    })
    weights.append(weight)
  }

  /// Drops the attributes seen fewer than `minimum` times, renumbering the rest.
  public mutating func prune(minimumFrequency minimum: Int) {
    guard minimum > 1 else { return }
    var map = [Int](repeating: -1, count: attributeNames.count)
    var names: [String] = []
    var freq: [Int] = []
    for (id, name) in attributeNames.enumerated() where frequencies[id] >= minimum {
      map[id] = names.count
      names.append(name)
      freq.append(frequencies[id])
    }
    sequences = sequences.map { x in
      var y = AttributeSequence()
      for t in 0..<x.count {
        var kept: [(id: Int, value: Double)] = []
        for k in x.offsets[t]..<x.offsets[t + 1] where map[Int(x.ids[k])] >= 0 {
          kept.append((map[Int(x.ids[k])], x.values[k]))
        }
        y.append(kept)
      }
      return y
    }
    attributeNames = names
    frequencies = freq
    attributeIDs = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
  }
}

/// A trained tagger: label and attribute names with the model's weights.
public struct CRFTagger: Equatable, Sendable {
  public var labels: [String]
  public var attributes: [String: Int]
  public var model: CRFModel

  /// The attribute ids of a sentence's features (unknown features are left out).
  public func sequence(_ features: [[String]]) -> AttributeSequence {
    var x = AttributeSequence()
    for f in features { x.append(ids: f.compactMap { attributes[$0] }) }
    return x
  }

  /// The best labels for a sentence, valid under `mask` when given.
  public func tag(_ features: [[String]], mask: TransitionMask? = nil) -> [String] {
    let x = sequence(features)
    let best = Viterbi.decode(scores: model.stateScores(x), transition: model.transition, labelCount: labels.count, mask: mask)
    return best.labels.map { labels[$0] }
  }
}

/// Trains a linear-chain CRF by L-BFGS (OWL-QN with an L1 term), minimizing
/// −Σ weight · log-likelihood + c2 · |w|² + c1 · |w|₁ as CRFsuite does.
///
/// The gradient is computed in parallel over sentences. Sentences are cut into fixed
/// chunks summed into a fixed number of accumulators in a fixed order, so the result is
/// the same bytes whatever the number of threads.
public enum CRFTrainer {
  public struct Options: Sendable {
    public var c1 = 0.0
    public var c2 = 1.0
    public var optimizer = LBFGS.Options()
    /// Features seen fewer times than this in the training data are dropped.
    public var minFrequency = 1
    public var threads = 1
    public init() {}
  }

  /// Chunks of this many sentences are the unit of parallel work.
  static let chunkSize = 64
  /// Gradient accumulators (independent of the thread count, for determinism).
  static let accumulators = 4

  public static func train(
    _ data: [TrainingSequence], options: Options,
    progress: (LBFGS.Progress) -> Bool = { _ in true }
  ) -> (tagger: CRFTagger, stop: LBFGS.Stop) {
    var set = TrainingSet()
    for s in data { set.append(features: s.features, labels: s.labels, weight: s.weight) }
    return train(set, options: options, progress: progress)
  }

  /// Trains on a ``TrainingSet`` (pruned by ``Options/minFrequency`` first).
  public static func train(
    _ data: TrainingSet, options: Options,
    progress: (LBFGS.Progress) -> Bool = { _ in true }
  ) -> (tagger: CRFTagger, stop: LBFGS.Stop) {
    var data = data
    data.prune(minimumFrequency: options.minFrequency)
    let labels = data.labels
    let attributes = data.attributeIDs
    let sequences = data.sequences
    let gold = data.gold
    let weights = data.weights
    var model = CRFModel(labelCount: labels.count, attributeCount: data.attributeNames.count)
    var optimizer = options.optimizer
    optimizer.c1 = options.c1
    let n = model.weightCount
    let chunks = stride(from: 0, to: sequences.count, by: chunkSize).map { $0..<min($0 + chunkSize, sequences.count) }
    var buffers = [[Double]](repeating: [Double](repeating: 0, count: n), count: accumulators)
    var values = [Double](repeating: 0, count: accumulators)
    let threads = max(1, min(options.threads, accumulators))
    let template = model
    var w = model.weights
    let stop = LBFGS(options: optimizer).minimize(&w, evaluate: { w, g in
      var m = template
      m.weights = w
      let current = UnsafeSendable(m)
      for k in 0..<accumulators {
        values[k] = 0
        for i in 0..<n { buffers[k][i] = 0 }
      }
      buffers.withUnsafeMutableBufferPointer { bufs in
        values.withUnsafeMutableBufferPointer { vals in
          let shared = UnsafeSendable((bufs, vals, sequences, gold, weights, chunks))
          DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let (bufs, vals, sequences, gold, weights, chunks) = shared.value
            // Accumulator k takes chunks k, k + A, k + 2A... in order; thread t takes
            // accumulators t, t + threads...
            for k in stride(from: thread, to: accumulators, by: threads) {
              for c in stride(from: k, to: chunks.count, by: accumulators) {
                for s in chunks[c] {
                  vals[k] -= LogLikelihood.accumulate(
                    model: current.value, x: sequences[s], labels: gold[s], weight: weights[s], into: &bufs[k])
                }
              }
            }
          }
        }
      }
      var f = 0.0
      for i in 0..<n { g[i] = 2 * options.c2 * w[i] }
      for k in 0..<accumulators {
        f += values[k]
        for i in 0..<n { g[i] += buffers[k][i] }
      }
      var norm = 0.0
      for x in w { norm += x * x }
      return f + options.c2 * norm
    }, progress: { p, _ in progress(p) })
    model.weights = w
    return (CRFTagger(labels: labels, attributes: attributes, model: model), stop)
  }
}
