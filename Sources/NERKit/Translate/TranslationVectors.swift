/// Word vectors as word-by-word translation uses them: a lookup by word, whatever holds
/// the vectors (a text or binary embedding file, a mapped matrix, a test's dictionary).
///
/// Source-language vectors must already be mapped into the target space, so that
/// cosines between source and target words mean something. All vectors of one lookup,
/// and the source and target lookups together, should have one dimension; a pair of
/// vectors of different lengths counts as unrelated (cosine 0).
public protocol TranslationVectors {
  /// The vector of `word` exactly as written, or nil when there is none.
  func vector(for word: String) -> [Float]?
}

extension TranslationVectors {
  /// The vector of `word`, else of its lowercase form (`String.lowercased()`).
  public func vectorTryingLowercase(for word: String) -> [Float]? {
    if let v = vector(for: word) { return v }
    let lower = word.lowercased()
    return lower == word ? nil : vector(for: lower)
  }
}

/// Vector arithmetic for translation scores, in Double.
enum TranslationVectorMath {
  /// The cosine of two vectors; 0 when either is zero or their lengths differ.
  static func cosine(_ a: [Float], _ b: [Float]) -> Double {
    guard a.count == b.count, !a.isEmpty else { return 0 }
    var dot = 0.0
    var na = 0.0
    var nb = 0.0
    for i in a.indices {
      let x = Double(a[i])
      let y = Double(b[i])
      dot += x * y
      na += x * x
      nb += y * y
    }
    guard na > 0, nb > 0 else { return 0 }
    return dot / (na.squareRoot() * nb.squareRoot())
  }

  /// The mean of vectors of one length (those of another length than the first are
  /// skipped); nil for none.
  static func mean(_ vectors: [[Float]]) -> [Float]? {
    guard let first = vectors.first else { return nil }
    if vectors.count == 1 { return first }
    var sum = [Double](repeating: 0, count: first.count)
    var n = 0
    for v in vectors where v.count == first.count {
      for i in v.indices { sum[i] += Double(v[i]) }
      n += 1
    }
    return sum.map { Float($0 / Double(n)) }
  }
}
