/// What a sentence is tagged from: feature names (value 1), or CRFsuite attributes with
/// values.
public enum Observations: Sendable {
  case features([[String]])
  case attributes([[(String, Double)]])
}

/// Labelled sentences scored with conlleval's entity F1 while a model trains.
public final class DevelopmentSet {
  let sentences: [(observations: Observations, gold: [String])]
  /// Attribute ids of each sentence, computed once: training keeps one attribute
  /// dictionary throughout (its size identifies it).
  private var cached: (attributeCount: Int, sequences: [AttributeSequence])?

  public init(_ sentences: [(observations: Observations, gold: [String])]) { self.sentences = sentences }

  public var count: Int { sentences.count }

  /// conlleval's overall F1 (0 to 100) of `tagger` on these sentences.
  public func f1(_ tagger: SequenceTagger) -> Double {
    let t = tagger.contents.tagger
    if cached?.attributeCount != t.attributes.count {
      cached = (t.attributes.count, sentences.map { t.sequence($0.observations) })
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
