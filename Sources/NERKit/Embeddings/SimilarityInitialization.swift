import CLinAlg

/// Unsupervised alignment without adversaries: VecMap's fully unsupervised
/// initialization and stochastic self-learning (Artetxe, Labaka and Agirre 2018,
/// `map_embeddings.py --unsupervised`), CPU-sized.
///
/// Both sides (their ``vocabulary`` most frequent words) are normalized unit, center,
/// unit. The initial dictionary pairs words whose similarity distributions match: for
/// the first ``words`` rows X of each side, the rows of `√(XXᵀ)` sorted and normalized
/// are compared by CSLS, each word on either side taking its best match (VecMap's
/// `union`). Self-learning then alternates Procrustes on the dictionary with inducing a
/// new one by CSLS in both directions, each similarity dropped with probability
/// `1 − keep`; `keep` starts at ``initialKeep`` and doubles whenever the objective (the
/// mean best cosine of both directions) has not improved by ``threshold`` for
/// ``patience`` iterations; after the first such stall at `keep = 1` the last mapping is
/// the result. Random draws are keyed by (seed, iteration, direction, row): the same
/// bits on any number of threads. The mapping is orthogonal and applies to the vectors
/// as given (VecMap's final re-weighting is left to the Procrustes refinement).
public struct SimilarityInitialization: Sendable {
  /// Rows compared by similarity distributions (VecMap's `unsupervised_vocab`, 4,000).
  public var words = 4_000
  /// Rows taking part in self-learning (VecMap's `vocabulary_cutoff`, 20,000).
  public var vocabulary = 10_000
  /// CSLS neighbourhood.
  public var k = 10
  public var initialKeep: Float = 0.1
  public var multiplier: Float = 2
  /// Iterations without improvement before `keep` grows (VecMap's `stochastic_interval`, 50).
  public var patience = 10
  /// The gain over the best objective that counts as an improvement (VecMap: 1e-6;
  /// 1e-3 here, so that `keep` grows within tens of iterations on a CPU).
  public var threshold = 1e-3
  /// A bound on self-learning iterations.
  public var maxIterations = 1_000
  public var seed: UInt64 = 1
  public var threads = BatchWorkers<Void>.processorCount

  public init() {}

  /// One self-learning iteration's outcome.
  public struct Iteration: Sendable {
    public var objective: Double
    public var keep: Float
    public var pairs: Int
  }

  /// The mapping of `source` onto `target`; `progress` sees every iteration.
  public func train(
    source: WordEmbeddings, target: WordEmbeddings, progress: (Int, Iteration) -> Void = { _, _ in }
  ) -> LinearMapping {
    precondition(source.dimension == target.dimension, "similarity initialization: dimensions differ")
    let x = Self.prepared(source.prefix(vocabulary)), z = Self.prepared(target.prefix(vocabulary))
    var pairs = initialPairs(x, z)
    var keep = initialKeep
    var best = -Double.infinity, lastImprovement = 0, finishing = false
    var mapping = Procrustes.fit(source: x, target: z, pairs: pairs)
    for it in 1...maxIterations {
      if it - lastImprovement > patience {
        if keep >= 1 { finishing = true }
        keep = min(1, multiplier * keep)
        lastImprovement = it
      }
      mapping = Procrustes.fit(source: x, target: z, pairs: pairs)
      if finishing { break }
      let xw = mapping.apply(to: x, threads: threads)
      let forward = stochasticMatches(xw, z, keep: keep, random: (UInt64(it), 0))
      let backward = stochasticMatches(z, xw, keep: keep, random: (UInt64(it), 1))
      pairs = forward.best.enumerated().map { IndexPair(source: $0.offset, target: $0.element) }
        + backward.best.enumerated().map { IndexPair(source: $0.element, target: $0.offset) }
      let objective = (forward.meanSimilarity + backward.meanSimilarity) / 2
      progress(it, Iteration(objective: objective, keep: keep, pairs: pairs.count))
      if objective - best >= threshold {
        lastImprovement = it
        best = objective
      }
    }
    return mapping
  }

  /// Unit length, centered, unit length again (VecMap's unsupervised normalization).
  static func prepared(_ e: WordEmbeddings) -> WordEmbeddings {
    var e = e
    e.normalize()
    e.center()
    e.normalize()
    return e
  }
}
