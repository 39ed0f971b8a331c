/// Scoring predictions against a separate gold file (`ner-score --gold`): predicted and
/// gold sentences are paired in order (empty sentences skipped by the caller), each pair
/// must have the same tokens, and the gold file's tag column is scored against the
/// prediction's `pred` column (else its last, when it has two or more).
public enum GoldAlignment {
  /// Where a pair fails to align or to score: in the prediction or in the gold file.
  public struct Mismatch: Error, Equatable {
    public enum Side: Sendable { case prediction, gold }
    public var side: Side
    public var line: Int
    public var message: String

    public init(_ side: Side, line: Int, _ message: String) {
      self.side = side
      self.line = line
      self.message = message
    }

    /// A predicted sentence at `line` with no gold sentence left in `goldName`.
    public static func morePredictions(line: Int, goldName: String) -> Mismatch {
      Mismatch(.prediction, line: line, "more sentences than in the gold file \(goldName)")
    }

    /// A gold sentence at `line` with no predicted sentence left.
    public static func moreGold(line: Int) -> Mismatch {
      Mismatch(.gold, line: line, "the gold file has more sentences than the predictions")
    }
  }

  /// The gold tags of `gold` and the predicted tags of `prediction` (its `pred` column,
  /// else its last of two or more), once the pair is checked to align: both have tag
  /// columns, the same length and the same tokens; else a ``Mismatch`` naming the side
  /// and line (the gold file is `goldName` in messages).
  public static func tags(prediction: Sentence, gold: Sentence, goldName: String) throws -> (gold: [String], guess: [String]) {
    guard let goldColumn = gold.tagColumn else { throw Mismatch(.gold, line: gold.line, "no gold tag column") }
    let predColumn = prediction.columnIndex("pred") ?? (prediction.columns.count >= 2 ? prediction.columns.count - 1 : nil)
    guard let pc = predColumn else { throw Mismatch(.prediction, line: prediction.line, "no predicted tag column") }
    guard prediction.count == gold.count else {
      throw Mismatch(
        .prediction, line: prediction.line,
        "sentence has \(prediction.count) tokens where the gold sentence at \(goldName):\(gold.line) has \(gold.count)")
    }
    for i in 0..<prediction.count {
      let a = prediction.tokens[i], b = gold.tokens[i]
      guard a.utf8.elementsEqual(b.utf8) else {
        throw Mismatch(
          .prediction, line: prediction.lineOfToken(i),
          "token '\(a)' differs from the gold token '\(b)' at \(goldName):\(gold.lineOfToken(i))")
      }
    }
    return (gold.columns[goldColumn].values, prediction.columns[pc].values)
  }

  /// Adds a predicted sentence and its gold one (from the file `goldName`, for messages)
  /// to `scorer`, token by token, then the sentence boundary. A pair that does not align
  /// (see ``tags(prediction:gold:goldName:)``) and a tag the scorer refuses throw a
  /// ``Mismatch`` naming the side and line.
  public static func score(prediction: Sentence, gold: Sentence, goldName: String, into scorer: inout ConllevalScorer) throws {
    let t = try tags(prediction: prediction, gold: gold, goldName: goldName)
    for i in 0..<prediction.count {
      do {
        try scorer.addToken(gold: t.gold[i], guess: t.guess[i], line: prediction.lineOfToken(i))
      } catch let e as DataError {
        throw Mismatch(.prediction, line: e.line, e.message)
      }
    }
    try scorer.addBoundary()
  }
}
