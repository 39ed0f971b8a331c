/// MUSE's unsupervised validation criterion (`evaluator.py`, `dist_mean_cosine`): the
/// mean cosine between each of the `words` most frequent source words and its CSLS
/// translation, S2T candidates kept only when both rows are at most `words`
/// (``DictionaryInduction`` with `build: .sourceToTarget, maxRank: words`).
///
/// CPU-sized: CSLS's r terms are taken among the same `words` first rows of each side
/// (MUSE takes them over the whole vocabularies), so one evaluation costs three passes
/// of `words × words` dot products whatever the vocabulary size. Higher is better; -1
/// when no candidate survives. The same bits on any number of threads.
public struct UnsupervisedCriterion: Sendable {
  /// Most frequent words of each side taking part (MUSE: 10,000).
  public var words = 10_000
  /// CSLS neighbourhood (MUSE: 10).
  public var k = 10
  public var threads = BatchWorkers<Void>.processorCount

  public init(words: Int = 10_000, k: Int = 10, threads: Int = BatchWorkers<Void>.processorCount) {
    self.words = words
    self.k = k
    self.threads = threads
  }

  /// The criterion of `source` (already mapped) against `target`.
  public func evaluate(source: WordEmbeddings, target: WordEmbeddings) -> Double {
    let s = source.prefix(words).normalized(), t = target.prefix(words).normalized()
    var induction = DictionaryInduction(method: .csls(k: k), build: .sourceToTarget, maxRank: words)
    induction.threads = threads
    let entries = induction.induce(source: s, target: t)
    guard !entries.isEmpty else { return -1 }
    var sum = 0.0
    for e in entries {
      sum += Double(NeighbourRetrieval.dot(s.vector(at: e.pair.source), t.vector(at: e.pair.target)))
    }
    return sum / Double(entries.count)
  }

  /// The criterion of `mapping` applied to `source`.
  public func evaluate(_ mapping: LinearMapping, source: WordEmbeddings, target: WordEmbeddings) -> Double {
    evaluate(source: mapping.apply(to: source.prefix(words), threads: threads), target: target)
  }
}
