/// Labelled sentences scored with conlleval's entity F1 while a model trains.
public final class DevelopmentSet {
  let sentences: [(features: [[String]], gold: [String])]
  /// Attribute ids of each sentence, computed once for the attribute dictionary they were
  /// made with (training keeps the same dictionary throughout).
  private var cached: (attributes: [String: Int], sequences: [AttributeSequence])?

  public init(_ sentences: [(features: [[String]], gold: [String])]) { self.sentences = sentences }

  public var count: Int { sentences.count }

  /// conlleval's overall F1 (0 to 100) of `tagger` on these sentences.
  public func f1(_ tagger: SequenceTagger) -> Double {
    let attributes = tagger.contents.tagger.attributes
    if cached == nil || cached!.attributes.count != attributes.count {
      cached = (attributes, sentences.map { tagger.contents.tagger.sequence($0.features) })
    }
    guard var scorer = try? ConllevalScorer() else { return 0 }
    for (s, x) in zip(sentences, cached!.sequences) {
      let guess = tagger.predict(x).labels
      for (g, p) in zip(s.gold, guess) {
        // Tags never contain spaces, so conlleval's field splitting cannot fail here.
        try? scorer.addToken(gold: g, guess: p, line: 0)
      }
      try? scorer.addBoundary()
    }
    return scorer.finish().overall.f
  }
}
