/// MUSE's alignment refinement loop (`supervised.py`, and the refinement of
/// `unsupervised.py`): Procrustes on the seed dictionary (or a given starting mapping),
/// then, round after round, induce a dictionary from the current mapping
/// (``DictionaryInduction``) and solve Procrustes on it.
///
/// With a ``criterion`` every round is scored by it (``UnsupervisedCriterion``), and
/// ``best(_:)`` picks the round with the highest score, as MUSE keeps the best model by
/// its validation metric. With ``holdOut`` and a seed dictionary, every `holdOut`-th
/// source word of the seed (and all its pairs) is set aside, the rounds start from
/// Procrustes on the rest, and each round is scored by CSLS precision@1 on the words set
/// aside, which then chooses the round (a round kept as the first is solved again on the
/// whole seed). The held-out score follows the precision on unseen words where the
/// unsupervised criterion does not: on the small vectors of bench/ the criterion rises
/// round after round while precision on held-out words falls (en-es: 8.1% CSLS after
/// plain Procrustes, 5.6% after five rounds). The embeddings are used as given (MUSE's
/// default: no centering or normalization before Procrustes; induction normalizes its
/// own copies).
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
    /// Its CSLS precision@1 (percent) on the seed words held out (``holdOut``).
    public var heldOut: Double?
  }

  /// Procrustes solutions in total, the first on the seed (MUSE's `n_refinement`, 5).
  public var rounds = 5
  public var induction = DictionaryInduction()
  /// Scores each round for ``best(_:)`` (nil: no scoring, the last round is the result).
  public var criterion: UnsupervisedCriterion?
  /// Hold out every `holdOut`-th distinct source word of a seed dictionary to choose the
  /// round by (0: none). Used only with more than one round and at least
  /// ``minimumHeldOut`` words to hold out.
  public var holdOut = 0
  /// The fewest held-out source words that choose a round.
  public static let minimumHeldOut = 20

  public init(rounds: Int = 5, induction: DictionaryInduction = DictionaryInduction(), criterion: UnsupervisedCriterion? = nil) {
    self.rounds = rounds
    self.induction = induction
    self.criterion = criterion
  }

  /// Every round in order, the first Procrustes on `seed`. A round whose induction gives
  /// no pairs ends the loop early (MUSE stops there too).
  public func run(source: WordEmbeddings, target: WordEmbeddings, seed: [IndexPair]) -> [Round] {
    let (fit, heldOut) = split(seed)
    guard !heldOut.isEmpty else {
      let first = round(pairs: seed, source: source, target: target)
      return refine(from: first, rounds: max(1, rounds) - 1, source: source, target: target)
    }
    var result = refine(from: round(pairs: fit, source: source, target: target), rounds: rounds - 1,
                        source: source, target: target)
    for i in result.indices { result[i].heldOut = precision(result[i].mapping, on: heldOut, source: source, target: target) }
    // The first round kept: solved again on the whole seed, its scores those of the fit.
    if Self.best(result).mapping == result[0].mapping {
      result[0].pairs = seed
      result[0].mapping = Procrustes.fit(source: source, target: target, pairs: seed)
    }
    return result
  }

  /// The seed split into the pairs fitted and those held out (every ``holdOut``-th
  /// distinct source word in order of first appearance, with all its pairs); nothing is
  /// held out with one round, without ``holdOut`` or when too few words would be.
  public func split(_ seed: [IndexPair]) -> (fit: [IndexPair], heldOut: [IndexPair]) {
    guard holdOut > 1, rounds > 1 else { return (seed, []) }
    var ordinal: [Int: Int] = [:]
    for p in seed where ordinal[p.source] == nil { ordinal[p.source] = ordinal.count }
    guard ordinal.count / holdOut >= Self.minimumHeldOut else { return (seed, []) }
    let isHeldOut = { (p: IndexPair) in ordinal[p.source]! % self.holdOut == self.holdOut - 1 }
    return (seed.filter { !isHeldOut($0) }, seed.filter(isHeldOut))
  }

  /// CSLS precision@1 of `mapping` on `pairs`, candidates among the first
  /// `induction.searchRank` rows of each side (as induction searches; 0: all).
  private func precision(_ mapping: LinearMapping, on pairs: [IndexPair], source: WordEmbeddings, target: WordEmbeddings) -> Double {
    let rank = induction.searchRank > 0 ? induction.searchRank : max(source.count, target.count)
    let kept = pairs.filter { $0.source < rank && $0.target < rank }
    let mapped = mapping.apply(to: source.prefix(rank), threads: induction.threads)
    return TranslationAccuracy.evaluate(
      source: mapped, target: target.prefix(rank), dictionary: kept, method: .csls(k: 10), ks: [1], threads: induction.threads
    ).precision(at: 1)
  }

  /// The starting `mapping` as round 0, then ``rounds`` Procrustes solutions on
  /// dictionaries induced from it (the refinement of an unsupervised alignment).
  public func run(source: WordEmbeddings, target: WordEmbeddings, start mapping: LinearMapping) -> [Round] {
    let first = Round(pairs: [], mapping: mapping, criterion: criterion?.evaluate(mapping, source: source, target: target))
    return refine(from: first, rounds: max(1, rounds), source: source, target: target)
  }

  /// The round to keep: the highest held-out precision when every round has one, else the
  /// highest criterion (the earliest among equals), or the last round when the rounds
  /// were not scored.
  public static func best(_ rounds: [Round]) -> Round {
    let score: (Round) -> Double? = rounds.allSatisfy { $0.heldOut != nil } ? \.heldOut : \.criterion
    guard rounds.allSatisfy({ score($0) != nil }) else { return rounds.last! }
    var best = rounds[0]
    for r in rounds.dropFirst() where score(r)! > score(best)! { best = r }
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
