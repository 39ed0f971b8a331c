/// How each guessed entity of a sentence meets the gold ones, by the rules of
/// SemEval-2013 task 9.1 as the nervaluate package applies them: a guess with the
/// boundaries and type of a gold entity is correct; otherwise it is compared with the
/// gold entities in order and classified by the first it has the same boundaries as or
/// overlaps; a guess that overlaps none is spurious; a gold entity no guess overlaps is
/// missed.
public struct EntityMatching: Equatable, Sendable {
  public enum Match: Equatable, Sendable {
    /// Same boundaries, same type (gold index).
    case correct(Int)
    /// Same boundaries, another type.
    case wrongType(Int)
    /// Overlapping with other boundaries (the type may match or not).
    case boundary(Int)
    /// Overlapping no gold entity.
    case spurious
  }

  /// One per guessed entity.
  public var guesses: [Match]
  /// Indices of the gold entities no guess overlaps.
  public var missed: [Int]

  public init(_ s: SentenceEntities) {
    var overlapped = [Bool](repeating: false, count: s.gold.count)
    guesses = s.guess.map { g in
      if let k = s.gold.firstIndex(where: { $0.sameBoundaries(g) && $0.type == g.type }) {
        overlapped[k] = true
        return .correct(k)
      }
      guard let k = s.gold.firstIndex(where: { $0.overlaps(g) }) else { return .spurious }
      overlapped[k] = true
      return s.gold[k].sameBoundaries(g) ? .wrongType(k) : .boundary(k)
    }
    missed = overlapped.indices.filter { !overlapped[$0] }
  }
}
