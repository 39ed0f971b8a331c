/// The CSLS nearest target word of a source word, for words a dictionary lacks (the
/// fallback of ``CorpusTranslator``): a word not in the source embeddings is looked up
/// lowercased; each word is looked up once and remembered. Not thread-safe.
public final class NearestTranslation {
  private let source: WordEmbeddings
  private let retrieval: NeighbourRetrieval
  private var cache: [String: String?] = [:]

  /// Retrieval from `source` (already mapped into the target space) to `target`, over
  /// neighbourhoods of `k` words.
  public init(source: WordEmbeddings, target: WordEmbeddings, k: Int) {
    self.source = source.normalized()
    retrieval = NeighbourRetrieval(source: self.source, target: target.normalized(), method: .csls(k: k))
  }

  /// The nearest target word of `word`, or nil when the source embeddings lack it.
  public func translate(_ word: String) -> String? {
    if let known = cache[word] { return known }
    var answer: String?
    if let row = source.index(of: word) ?? source.index(of: word.lowercased()),
      let best = retrieval.nearest([row], count: 1).first?.first
    {
      answer = retrieval.target.words[best.index]
    }
    cache[word] = answer
    return answer
  }
}
