/// How the guessed entities of a sentence meet the gold ones in one schema of partial
/// credit, by the rules of nervaluate (1.x): each guess, in order, is compared with the
/// gold entities not yet matched, in order, and matched with at most one of them:
///
/// - strict: a gold entity with its boundaries and type is correct; else the first
///   overlapping one makes it incorrect;
/// - exact: a gold entity with its boundaries is correct; else the first overlapping
///   one makes it incorrect;
/// - partial: a gold entity with its boundaries is correct; else the first overlapping
///   one makes it partial;
/// - type: of the overlapping gold entities of its type, the one with the closest
///   boundaries (the least sum of start and end distances, the first on a tie) is
///   correct; else the first overlapping one of another type makes it incorrect.
///
/// A guess matched with none is spurious; a gold entity matched with none is missed.
public struct EntityMatching: Equatable, Sendable {
  public enum Outcome: Equatable, Sendable {
    case correct(Int), incorrect(Int), partial(Int), spurious
  }

  /// One per guessed entity, with the index of the gold entity it was matched with.
  public var guesses: [Outcome] = []
  /// Indices of the gold entities no guess was matched with.
  public var missed: [Int]

  public init(_ s: SentenceEntities, schema: PartialScores.Schema) {
    var matched = [Bool](repeating: false, count: s.gold.count)
    for guess in s.guess {
      var outcome = Outcome.spurious
      var closest: (index: Int, distance: Int)?
      for (k, gold) in s.gold.enumerated() where !matched[k] && gold.overlaps(guess) {
        let first = outcome == .spurious
        switch schema {
        case .strict, .exact, .partial:
          if gold.sameBoundaries(guess) && (schema != .strict || gold.type == guess.type) {
            outcome = .correct(k)
          } else if first {
            outcome = schema == .partial ? .partial(k) : .incorrect(k)
          }
        case .type:
          if gold.type == guess.type {
            let d = abs(gold.start - guess.start) + abs(gold.end - guess.end)
            if closest == nil || d < closest!.distance { closest = (k, d) }
          } else if first {
            outcome = .incorrect(k)
          }
        }
        if case .correct = outcome { break }
      }
      if let c = closest { outcome = .correct(c.index) }
      switch outcome {
      case .correct(let k), .incorrect(let k), .partial(let k): matched[k] = true
      case .spurious: break
      }
      guesses.append(outcome)
    }
    missed = matched.indices.filter { !matched[$0] }
  }
}

extension Span {
  /// Whether the two share a token.
  public func overlaps(_ other: Span) -> Bool { max(start, other.start) < min(end, other.end) }

  /// Whether the two cover the same tokens.
  public func sameBoundaries(_ other: Span) -> Bool { start == other.start && end == other.end }
}
