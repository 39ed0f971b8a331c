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
    // Labels in order of first appearance; attributes by frequency threshold, in order
    // of first appearance (deterministic ids).
    var labelIDs: [String: Int] = [:]
    var labels: [String] = []
    var counts: [String: Int] = [:]
    var order: [String] = []
    for s in data {
      for l in s.labels where labelIDs[l] == nil {
        labelIDs[l] = labels.count
        labels.append(l)
      }
      for f in s.features {
        for a in f {
          if counts[a] == nil { order.append(a) }
          counts[a, default: 0] += 1
        }
      }
    }
    var attributes: [String: Int] = [:]
    for a in order where counts[a]! >= options.minFrequency { attributes[a] = attributes.count }
    let tagger0 = CRFTagger(labels: labels, attributes: attributes, model: CRFModel(labelCount: labels.count, attributeCount: attributes.count))
    let sequences = data.map { tagger0.sequence($0.features) }
    let gold = data.map { $0.labels.map { labelIDs[$0]! } }
    let weights = data.map(\.weight)
    var model = tagger0.model
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
