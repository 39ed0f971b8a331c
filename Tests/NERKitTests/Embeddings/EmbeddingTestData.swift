@testable import NERKit

/// Small hand-made and random embeddings for the Embeddings tests (nothing read from disk).
enum EmbeddingTestData {
  /// `rows × dimension` uniform values in [-1, 1) from a seeded generator.
  static func random(rows: Int, dimension: Int, seed: UInt64, prefix: String = "w") -> WordEmbeddings {
    var rng = SplitMix64(seed: seed)
    let values = (0..<(rows * dimension)).map { _ in Float.random(in: -1..<1, using: &rng) }
    return WordEmbeddings(words: (0..<rows).map { "\(prefix)\($0)" }, dimension: dimension, vectors: values)
  }

  /// A random orthogonal `d × d` matrix (Gram-Schmidt on random columns, in Double).
  static func rotation(dimension d: Int, seed: UInt64) -> [Float] {
    var rng = SplitMix64(seed: seed)
    var q: [[Double]] = []
    while q.count < d {
      var v = (0..<d).map { _ in Double.random(in: -1..<1, using: &rng) }
      for u in q {
        let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        for i in 0..<d { v[i] -= dot * u[i] }
      }
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 1e-6 { q.append(v.map { $0 / norm }) }
    }
    return q.flatMap { $0.map(Float.init) }
  }

  /// `x Wᵀ` for every row, in Double, rounded to Float.
  static func rotate(_ e: WordEmbeddings, by w: [Float], words: [String]? = nil) -> WordEmbeddings {
    let d = e.dimension
    var out = [Float](repeating: 0, count: e.count * d)
    for r in 0..<e.count {
      for i in 0..<d {
        var s = 0.0
        for j in 0..<d { s += Double(w[i * d + j]) * Double(e.vectors[r * d + j]) }
        out[r * d + i] = Float(s)
      }
    }
    return WordEmbeddings(words: words ?? e.words, dimension: d, vectors: out)
  }
}
