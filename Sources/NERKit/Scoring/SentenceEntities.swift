/// The entities of one sentence's gold and guessed tags, found by the rules the scorer
/// uses for the whole input (conlleval's, `-r`, or a strict scheme), so the sentence
/// reports (`--errors`, `--partial`, `--compare`) count the chunks conlleval counts.
public struct SentenceEntities: Sendable {
  public var gold: [Span]
  public var guess: [Span]
  /// Guessed entities conlleval counts as correct.
  public var correct: Int
  /// The strict scheme found an invalid sequence in the sentence.
  public var invalid = false

  /// Chunks `gold` and `guess` (one tag per token; `lines` for messages) with a fresh
  /// scorer of these options: a sentence starts and ends outside every chunk, as after
  /// a boundary in the whole stream.
  public init(gold: [String], guess: [String], lines: [Int], options: ConllevalScorer.Options) throws {
    var o = options
    o.recordSpans = true
    var scorer = try ConllevalScorer(options: o)
    for i in 0..<gold.count {
      try scorer.addToken(gold: gold[i], guess: guess[i], line: i < lines.count ? lines[i] : 0)
    }
    let t = scorer.finish()
    self.gold = t.goldSpans.map { Span(start: $0.0, end: $0.1, type: t.name($0.2)) }
    self.guess = t.guessSpans.map { Span(start: $0.0, end: $0.1, type: t.name($0.2)) }
    correct = t.correctChunks
    invalid = t.invalidSentences > 0
  }

  public init(gold: [Span], guess: [Span], correct: Int) {
    self.gold = gold
    self.guess = guess
    self.correct = correct
  }
}
