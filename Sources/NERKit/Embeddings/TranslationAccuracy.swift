/// Word translation precision@k of mapped embeddings on a test dictionary, as MUSE's
/// `get_word_translation_accuracy` (`src/evaluation/word_translation.py`) computes it.
///
/// Both sides are normalized; each dictionary source word (pairs with both words in the
/// vocabularies, ``IndexDictionary``) retrieves its best targets by ``RetrievalMethod``
/// (CSLS's r terms over the whole vocabularies); a source word is a hit at k when any of
/// its gold translations is among its k best. Precision is hits over distinct source
/// words.
public struct TranslationAccuracy: Sendable, Equatable {
  public var method: RetrievalMethod
  /// The k values, ascending.
  public var ks: [Int]
  /// Distinct source words evaluated (in both vocabularies with at least one gold target).
  public var covered: Int
  /// Hits per k (same order as ``ks``).
  public var hits: [Int]

  /// Precision at `ks[i]`, in percent as MUSE prints it (0 when nothing is covered).
  public func precision(at k: Int) -> Double {
    guard let i = ks.firstIndex(of: k), covered > 0 else { return 0 }
    return 100 * Double(hits[i]) / Double(covered)
  }

  /// Evaluates `source` (already mapped) against `target` on `dictionary`'s pairs.
  public static func evaluate(
    source: WordEmbeddings, target: WordEmbeddings, dictionary: [IndexPair], method: RetrievalMethod,
    ks: [Int] = [1, 5, 10], threads: Int = BatchWorkers<Void>.processorCount
  ) -> TranslationAccuracy {
    let ks = Array(Set(ks)).sorted()
    precondition(ks.first.map { $0 > 0 } ?? false, "precision@k needs k > 0")
    var gold: [Int: Set<Int>] = [:]
    var order: [Int] = []
    for pair in dictionary {
      if gold[pair.source] == nil { order.append(pair.source) }
      gold[pair.source, default: []].insert(pair.target)
    }
    let retrieval = NeighbourRetrieval(source: source.normalized(), target: target.normalized(), method: method, threads: threads)
    let best = retrieval.nearest(order, count: ks.last!)
    var hits = [Int](repeating: 0, count: ks.count)
    for (r, s) in order.enumerated() {
      let golds = gold[s]!
      if let rank = best[r].firstIndex(where: { golds.contains($0.index) }) {
        for (i, k) in ks.enumerated() where rank < k { hits[i] += 1 }
      }
    }
    return TranslationAccuracy(method: method, ks: ks, covered: order.count, hits: hits)
  }
}
