/// MUSE's supervised alignment loop (`supervised.py`): Procrustes on the seed dictionary,
/// then `rounds − 1` times: induce a dictionary from the current mapping
/// (``DictionaryInduction``), Procrustes on it.
///
/// The embeddings are used as given (MUSE's default: no centering or normalization before
/// Procrustes; induction normalizes its own copies).
public struct ProcrustesRefinement: Sendable {
  /// What each round produced.
  public struct Round: Sendable {
    /// The pairs this round's Procrustes used (the seed, then induced pairs).
    public var pairs: [IndexPair]
    /// The mapping solved on them.
    public var mapping: LinearMapping
  }

  /// Procrustes solutions in total, the first on the seed (MUSE's `n_refinement`, 5).
  public var rounds = 5
  public var induction = DictionaryInduction()

  public init(rounds: Int = 5, induction: DictionaryInduction = DictionaryInduction()) {
    self.rounds = rounds
    self.induction = induction
  }

  /// Every round in order; the last mapping is the result. A round whose induction gives
  /// no pairs ends the loop early (MUSE stops there too).
  public func run(source: WordEmbeddings, target: WordEmbeddings, seed: [IndexPair]) -> [Round] {
    var result: [Round] = []
    var pairs = seed
    for round in 0..<max(1, rounds) {
      if round > 0 {
        let mapped = result.last!.mapping.apply(to: source, threads: induction.threads)
        pairs = induction.induce(source: mapped, target: target).map(\.pair)
        if pairs.isEmpty { break }
      }
      result.append(Round(pairs: pairs, mapping: Procrustes.fit(source: source, target: target, pairs: pairs)))
    }
    return result
  }
}
