import CLinAlg

/// The orthogonal Procrustes solution, as MUSE's supervised refinement computes it
/// (`trainer.py`, `procrustes`).
///
/// Given the source vectors A and the target vectors B of a dictionary's pairs (one row
/// per pair), the orthogonal W minimizing `‖A Wᵀ − B‖` is `W = U Vᵀ`, where
/// `U Σ Vᵀ = Bᵀ A` is the singular value decomposition of the `d × d` cross-covariance.
/// Bᵀ A is summed by `sgemm` in Float (as MUSE does on the GPU), the SVD and `U Vᵀ` are
/// in Double (LAPACK `dgesdd`), W is rounded to Float. W is unique when Bᵀ A has full
/// rank.
public enum Procrustes {
  /// The mapping for `pairs` of rows of `source` and `target` (same dimension; pairs may
  /// repeat, each counting once per occurrence).
  public static func fit(source: WordEmbeddings, target: WordEmbeddings, pairs: [IndexPair]) -> LinearMapping {
    precondition(source.dimension == target.dimension, "Procrustes: dimensions \(source.dimension) and \(target.dimension) differ")
    let d = source.dimension, k = pairs.count
    var a = [Float](repeating: 0, count: k * d)
    var b = [Float](repeating: 0, count: k * d)
    for (r, pair) in pairs.enumerated() {
      precondition(pair.source >= 0 && pair.source < source.count && pair.target >= 0 && pair.target < target.count, "Procrustes: pair \(pair) out of range")
      a.replaceSubrange((r * d)..<((r + 1) * d), with: source.vector(at: pair.source))
      b.replaceSubrange((r * d)..<((r + 1) * d), with: target.vector(at: pair.target))
    }
    var m = [Float](repeating: 0, count: d * d)
    b.withUnsafeBufferPointer { b in
      a.withUnsafeBufferPointer { a in
        m.withUnsafeMutableBufferPointer { m in
          MatrixProduct.transposedTimes(b, columns: d, a, columns: d, rows: k, into: m)
        }
      }
    }
    return LinearMapping(weights: orthogonalFactor(m.map(Double.init), dimension: d).map(Float.init), outputDimension: d, inputDimension: d)
  }

  /// `U Vᵀ` for the SVD `U Σ Vᵀ` of a square row-major matrix.
  static func orthogonalFactor(_ m: [Double], dimension d: Int) -> [Double] {
    var a = m
    var s = [Double](repeating: 0, count: d)
    var u = [Double](repeating: 0, count: d * d)
    var vt = [Double](repeating: 0, count: d * d)
    let info = clinalg_dgesdd(d, d, &a, &s, &u, &vt)
    precondition(info == 0, "Procrustes: LAPACK dgesdd failed (info \(info))")
    var w = [Double](repeating: 0, count: d * d)
    clinalg_dgemm(0, 0, d, d, d, 1, u, d, vt, d, 0, &w, d)
    return w
  }
}
