/// How target words are ranked for a source word, by MUSE's names.
public enum RetrievalMethod: Sendable, Equatable, CustomStringConvertible {
  /// Plain nearest neighbours by cosine similarity (MUSE `nn`).
  case nearestNeighbour
  /// Cross-domain similarity local scaling over `k` neighbours (MUSE `csls_knn_K`,
  /// Conneau et al. 2018): `CSLS(x, y) = 2 cos(x, y) − r_T(x) − r_S(y)`, where `r_T(x)` is
  /// the mean cosine of `x` to its `k` nearest targets and `r_S(y)` that of `y` to its `k`
  /// nearest sources.
  case csls(k: Int)

  /// `nn` or `csls_knn_K` (K positive); nil for anything else.
  public init?(museName: String) {
    if museName == "nn" {
      self = .nearestNeighbour
    } else if museName.hasPrefix("csls_knn_"), let k = Int(museName.dropFirst(9)), k > 0 {
      self = .csls(k: k)
    } else {
      return nil
    }
  }

  /// MUSE's name: `nn` or `csls_knn_K`.
  public var description: String {
    switch self {
    case .nearestNeighbour: "nn"
    case .csls(let k): "csls_knn_\(k)"
    }
  }
}

/// A retrieved row and its score (cosine, or CSLS).
public struct Neighbour: Sendable, Equatable, CustomStringConvertible {
  public var index: Int
  public var score: Float

  public init(index: Int, score: Float) {
    self.index = index
    self.score = score
  }

  public var description: String { "\(index):\(score)" }
}
