import Dispatch
#if canImport(Glibc)
import Glibc
#endif

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

  /// Adds a sentence: its tokens' features, gold labels and log-likelihood weight;
  /// `known` marks the known labels (nil: all), the others are free (label id -1).
  public mutating func append(features: [[String]], labels: [String], weight: Double = 1, known: [Bool]? = nil) {
    var x = AttributeSequence()
    for f in features { x.append(ids: f.map { intern($0) }) }
    x.shrink()
    sequences.append(x)
    gold.append(ids(labels, known: known))
    weights.append(weight)
  }

  /// Adds a sentence of CRFsuite-style attributes with values.
  public mutating func append(attributes: [[(String, Double)]], labels: [String], weight: Double = 1,
                              known: [Bool]? = nil) {
    var x = AttributeSequence()
    for f in attributes {
      x.append(f.map { (id: intern($0.0), value: $0.1) })
    }
    x.shrink()
    sequences.append(x)
    gold.append(ids(labels, known: known))
    weights.append(weight)
  }

  mutating func ids(_ labels: [String], known: [Bool]?) -> [Int] {
    labels.enumerated().map { t, l in known.map { $0[t] } == false ? -1 : labelID(l) }
  }

  mutating func intern(_ a: String) -> Int {
    if let id = attributeIDs[a] {
      frequencies[id] += 1
      return id
    }
    attributeIDs[a] = attributeNames.count
    attributeNames.append(a)
    frequencies.append(1)
    return attributeNames.count - 1
  }

  mutating func labelID(_ l: String) -> Int {
    if let id = labelIDs[l] { return id }
    labelIDs[l] = labels.count
    labels.append(l)
    return labels.count - 1
  }

  /// For each attribute, the labels it occurs with (ascending): the state features of a
  /// sparse model.
  public func observedLabels() -> [[Int]] {
    let L = labels.count
    var seen = [Bool](repeating: false, count: attributeNames.count * L)
    for (x, y) in zip(sequences, gold) {
      for t in 0..<x.count {
        for k in x.range(t) where y[t] >= 0 { seen[Int(x.ids[k]) * L + y[t]] = true }
      }
    }
    return (0..<attributeNames.count).map { a in (0..<L).filter { seen[a * L + $0] } }
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
        for k in x.range(t) where map[Int(x.ids[k])] >= 0 {
          kept.append((map[Int(x.ids[k])], x.value(k)))
        }
        y.append(kept)
      }
      y.shrink()
      return y
    }
    attributeNames = names
    frequencies = freq
    attributeIDs = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
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
    /// State features for every (attribute, label) pair, not only the pairs seen in
    /// training (CRFsuite's `feature.possible_states`).
    public var allStates = false
    public var threads = 1
    public init() {}
  }

  /// Chunks of this many sentences are the unit of parallel work.
  static let chunkSize = 64
  /// Gradient accumulators (independent of the thread count, for determinism).
  static let accumulators = 4

  public static func train(
    _ data: [TrainingSequence], options: Options,
    progress: (LBFGS.Progress, () -> CRFTagger) -> Bool = { _, _ in true }
  ) -> (tagger: CRFTagger, stop: LBFGS.Stop) {
    var set = TrainingSet()
    for s in data { set.append(features: s.features, labels: s.labels, weight: s.weight) }
    return train(set, options: options, progress: progress)
  }

  /// Trains on a ``TrainingSet`` (pruned by ``Options/minFrequency`` first). `progress`
  /// is called after every iteration with the figures and a function that builds the
  /// current tagger; it returns false to stop.
  public static func train(
    _ data: TrainingSet, options: Options,
    progress: (LBFGS.Progress, () -> CRFTagger) -> Bool = { _, _ in true }
  ) -> (tagger: CRFTagger, stop: LBFGS.Stop) {
    var data = data
    data.prune(minimumFrequency: options.minFrequency)
    let labels = data.labels
    let attributes = data.attributeIDs
    let sequences = data.sequences
    let gold = data.gold
    let weights = data.weights
    let L = labels.count
    let observed = options.allStates ? [] : data.observedLabels()
    let model = CRFModel(labelCount: L, attributeCount: data.attributeNames.count) { a in
      options.allStates ? Array(0..<L) : observed[a]
    }
    data = TrainingSet()  // the copies above are all that is needed from here on
    var optimizer = options.optimizer
    optimizer.c1 = options.c1
    let n = model.weightCount
    let chunks = FixedPartition.chunks(sequences.count, size: chunkSize)
    var buffers = [[Double]](repeating: [Double](repeating: 0, count: n), count: accumulators)
    var values = [Double](repeating: 0, count: accumulators)
    let threads = max(1, min(options.threads, accumulators))
    let template = model
    var w = model.weights
    func tagger(_ w: [Double]) -> CRFTagger {
      var m = template
      m.weights = w
      return CRFTagger(labels: labels, attributes: attributes, model: m)
    }
    let stop = LBFGS(options: optimizer).minimize(&w, evaluate: { w, g in
      var m = template
      m.weights = w
      let current = UnsafeSendable((m, m.transition.map { exp($0) }))
      for k in 0..<accumulators { values[k] = 0 }
      buffers.withUnsafeMutableBufferPointer { bufs in
        values.withUnsafeMutableBufferPointer { vals in
          let shared = UnsafeSendable((bufs, vals, sequences, gold, weights, chunks))
          DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let (bufs, vals, sequences, gold, weights, chunks) = shared.value
            let (model, expTransition) = current.value
            // Accumulator k takes chunks k, k + A, k + 2A... in order; thread t takes
            // accumulators t, t + threads...
            for k in stride(from: thread, to: accumulators, by: threads) {
              bufs[k].withUnsafeMutableBufferPointer { buffer in
                let b = buffer.baseAddress!
                b.update(repeating: 0, count: n)
                for c in stride(from: k, to: chunks.count, by: accumulators) {
                  for s in chunks[c] {
                    vals[k] -= LogLikelihood.accumulate(
                      model: model, expTransition: expTransition, x: sequences[s], labels: gold[s],
                      weight: weights[s], into: b)
                  }
                }
              }
            }
          }
        }
      }
      var f = 0.0
      var norm = 0.0
      w.withUnsafeBufferPointer { w in
        g.withUnsafeMutableBufferPointer { g in
          for i in 0..<n {
            g[i] = 2 * options.c2 * w[i]
            norm += w[i] * w[i]
          }
          for k in 0..<accumulators {
            f += values[k]
            buffers[k].withUnsafeBufferPointer { b in
              for i in 0..<n { g[i] += b[i] }
            }
          }
        }
      }
      return f + options.c2 * norm
    }, progress: { p, w in progress(p, { tagger(w) }) })
    return (tagger(w), stop)
  }
}
