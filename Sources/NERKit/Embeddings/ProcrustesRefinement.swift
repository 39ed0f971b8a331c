/// MUSE's alignment refinement loop (`supervised.py`, and the refinement of
/// `unsupervised.py`): Procrustes on the seed dictionary (or a given starting mapping),
/// then, round after round, induce a dictionary from the current mapping
/// (``DictionaryInduction``) and solve Procrustes on it.
///
/// With a ``criterion`` every round is scored by it (``UnsupervisedCriterion``), and
/// ``best(_:)`` picks the round with the highest score, as MUSE keeps the best model by
/// its validation metric; a round therefore never leaves the mapping worse by the
/// criterion than where it started. The embeddings are used as given (MUSE's default:
/// no centering or normalization before Procrustes; induction normalizes its own copies).
public struct ProcrustesRefinement: Sendable {
  /// What each round produced.
  public struct Round: Sendable {
    /// The pairs this round's Procrustes used (the seed, then induced pairs; empty for a
    /// given starting mapping).
    public var pairs: [IndexPair]
    /// The mapping solved on them.
    public var mapping: LinearMapping
    /// Its ``UnsupervisedCriterion`` score, when the refinement has a criterion.
    public var criterion: Double?
  }

  /// Procrustes solutions in total, the first on the seed (MUSE's `n_refinement`, 5).
  public var rounds = 5
  public var induction = DictionaryInduction()
  /// Scores each round for ``best(_:)`` (nil: no scoring, the last round is the result).
  public var criterion: UnsupervisedCriterion?

  public init(rounds: Int = 5, induction: DictionaryInduction = DictionaryInduction(), criterion: UnsupervisedCriterion? = nil) {
    self.rounds = rounds
    self.induction = induction
    self.criterion = criterion
  }

  /// Every round in order, the first Procrustes on `seed`. A round whose induction gives
  /// no pairs ends the loop early (MUSE stops there too).
  public func run(source: WordEmbeddings, target: WordEmbeddings, seed: [IndexPair]) -> [Round] {
    let first = round(pairs: seed, source: source, target: target)
    return refine(from: first, rounds: max(1, rounds) - 1, source: source, target: target)
  }

  /// The starting `mapping` as round 0, then ``rounds`` Procrustes solutions on
  /// dictionaries induced from it (the refinement of an unsupervised alignment).
  public func run(source: WordEmbeddings, target: WordEmbeddings, start mapping: LinearMapping) -> [Round] {
    let first = Round(pairs: [], mapping: mapping, criterion: criterion?.evaluate(mapping, source: source, target: target))
    return refine(from: first, rounds: max(1, rounds), source: source, target: target)
  }

  /// The round to keep: the highest criterion (the earliest among equals), or the last
  /// round when the rounds were not scored.
  public static func best(_ rounds: [Round]) -> Round {
    var best = rounds.last!
    if rounds.allSatisfy({ $0.criterion != nil }) {
      best = rounds[0]
      for r in rounds.dropFirst() where r.criterion! > best.criterion! { best = r }
    }
    return best
  }

  private func refine(from first: Round, rounds: Int, source: WordEmbeddings, target: WordEmbeddings) -> [Round] {
    var result = [first]
    for _ in 0..<rounds {
      let mapped = result.last!.mapping.apply(to: source, threads: induction.threads)
      let pairs = induction.induce(source: mapped, target: target).map(\.pair)
      if pairs.isEmpty { break }
      result.append(round(pairs: pairs, source: source, target: target))
    }
    return result
  }

  private func round(pairs: [IndexPair], source: WordEmbeddings, target: WordEmbeddings) -> Round {
    let mapping = Procrustes.fit(source: source, target: target, pairs: pairs)
    return Round(pairs: pairs, mapping: mapping, criterion: criterion?.evaluate(mapping, source: source, target: target))
  }
}
