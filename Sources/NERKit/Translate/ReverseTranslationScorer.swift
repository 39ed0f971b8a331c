/// Chooses among several dictionary translations of a word with word vectors and the
/// word's context, by the reverse-translation score
///
///     F(w, t) = α·cos(E(w), E(t)) + (1 − α)·Σ_j cos(E(t), E(c_j)) / (d_j + 1)²
///
/// for source word `w` at position `i`, candidate translation `t`, and the source words
/// `c_j` at distance `d_j = |j − i|` from 1 to ``window`` (`w` itself excluded).
/// `E(w)` and `E(c_j)` are source vectors (mapped into the target space), `E(t)` a
/// target vector. Words are looked up as written, then lowercased. A context word
/// without a vector is skipped; when `w` has none, the first term is 0 for every
/// candidate.
///
/// A multi-word candidate's vector is the mean of the vectors of those of its words
/// that have one. A candidate without a vector scores −∞, so it is chosen only when no
/// candidate has a vector, and then the first listed is. Ties go to the earlier listed
/// candidate. Sums run in Double in a fixed order, so choices are deterministic.
public struct ReverseTranslationScorer {
  /// Source-language vectors, mapped into the target space.
  public var source: any TranslationVectors
  /// Target-language vectors.
  public var target: any TranslationVectors
  /// The weight of the word's own similarity against its context's (0...1).
  public var alpha: Double
  /// How many positions on each side count as context.
  public var window: Int

  /// A scorer with α = 0.5 and three words of context on each side by default.
  public init(source: any TranslationVectors, target: any TranslationVectors, alpha: Double = 0.5, window: Int = 3) {
    self.source = source
    self.target = target
    self.alpha = alpha
    self.window = window
  }

  /// The source vectors of a sentence's tokens (nil where a token has none), looked up
  /// once and passed to ``score(_:at:sourceVectors:)`` and ``choose(_:at:sourceVectors:)``.
  public func sourceVectors(for tokens: [String]) -> [[Float]?] {
    tokens.map { source.vectorTryingLowercase(for: $0) }
  }

  /// The vector of a candidate translation: its word's, or the mean of its words'.
  public func targetVector(for candidate: [String]) -> [Float]? {
    TranslationVectorMath.mean(candidate.compactMap { target.vectorTryingLowercase(for: $0) })
  }

  /// F(w, t) for the word at `index` of a sentence and candidate `t`, or −∞ when the
  /// candidate has no vector.
  public func score(_ candidate: [String], at index: Int, sourceVectors: [[Float]?]) -> Double {
    guard let t = targetVector(for: candidate) else { return -.infinity }
    return score(targetVector: t, at: index, sourceVectors: sourceVectors)
  }

  /// The index in `candidates` of the best translation of the word at `index` (0 for
  /// fewer than two candidates).
  public func choose(_ candidates: [[String]], at index: Int, sourceVectors: [[Float]?]) -> Int {
    guard candidates.count > 1 else { return 0 }
    var best = 0
    var bestScore = -Double.infinity
    for (k, c) in candidates.enumerated() {
      let s = score(c, at: index, sourceVectors: sourceVectors)
      if s > bestScore {
        best = k
        bestScore = s
      }
    }
    return best
  }

  private func score(targetVector t: [Float], at index: Int, sourceVectors: [[Float]?]) -> Double {
    var own = 0.0
    if index < sourceVectors.count, let w = sourceVectors[index] { own = TranslationVectorMath.cosine(w, t) }
    var context = 0.0
    let lo = max(0, index - max(0, window))
    let hi = min(sourceVectors.count - 1, index + max(0, window))
    if lo <= hi {
      for j in lo...hi where j != index {
        guard let c = sourceVectors[j] else { continue }
        let d = Double(abs(j - index) + 1)
        context += TranslationVectorMath.cosine(t, c) / (d * d)
      }
    }
    return alpha * own + (1 - alpha) * context
  }
}
