/// Scoring predictions against a separate gold file (`ner-score --gold`): predicted and
/// gold sentences are paired in order (empty sentences skipped by the caller), and the
/// gold file's tag column is scored against the prediction's `pred` column (else its
/// last, when it has two or more). A pair with the same tokens is scored token by token;
/// a pair tokenized differently must have the same text (`# text`, JSONL `text`) and is
/// scored by character extent (``CharacterAlignment``).
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
    let (goldColumn, pc) = try tagColumns(prediction: prediction, gold: gold)
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

  /// The gold file's tag column and the prediction's `pred` column (else its last of two
  /// or more), or a ``Mismatch``.
  static func tagColumns(prediction: Sentence, gold: Sentence) throws -> (gold: Int, guess: Int) {
    guard let goldColumn = gold.tagColumn else { throw Mismatch(.gold, line: gold.line, "no gold tag column") }
    let predColumn = prediction.columnIndex("pred") ?? (prediction.columns.count >= 2 ? prediction.columns.count - 1 : nil)
    guard let pc = predColumn else { throw Mismatch(.prediction, line: prediction.line, "no predicted tag column") }
    return (goldColumn, pc)
  }

  /// How a pair is scored: token by token (same tokens), or by character extent.
  public enum Pairing {
    case tokens(gold: [String], guess: [String])
    case characters(CharacterAlignment, invalid: Bool)
  }

  /// Pairs `prediction` with `gold`: token by token when their tokens agree (see
  /// ``tags(prediction:gold:goldName:)``); else by character extent, when both give the
  /// same text and their tokens can be placed in it (``TokenOffsets``), each side's
  /// entities found with the scorer's `options`. Anything else is a ``Mismatch``.
  public static func pair(prediction: Sentence, gold: Sentence, goldName: String, options: ConllevalScorer.Options) throws -> Pairing {
    _ = try tagColumns(prediction: prediction, gold: gold)
    do {
      let t = try tags(prediction: prediction, gold: gold, goldName: goldName)
      return .tokens(gold: t.gold, guess: t.guess)
    } catch let m as Mismatch {
      guard let text = TokenOffsets.text(of: prediction), let goldText = TokenOffsets.text(of: gold) else {
        let which = switch (TokenOffsets.text(of: prediction), TokenOffsets.text(of: gold)) {
        case (nil, nil): "neither has one"
        case (nil, _): "the prediction has none"
        default: "the gold sentence has none"
        }
        throw Mismatch(
          m.side, line: m.line, m.message + "; to score different tokenizations by characters both need the sentence text ('# text' or JSONL 'text'): \(which)")
      }
      guard text == goldText else {
        throw Mismatch(
          .prediction, line: prediction.line, "the sentence text differs from the text of the gold sentence at \(goldName):\(gold.line) (sentences are paired in order)")
      }
      return try characters(prediction: prediction, gold: gold, text: text, options: options)
    }
  }

  /// The pair scored by character extent.
  static func characters(prediction: Sentence, gold: Sentence, text: String, options: ConllevalScorer.Options) throws -> Pairing {
    let (gc, pc) = try tagColumns(prediction: prediction, gold: gold)
    func offsets(_ s: Sentence, _ side: Mismatch.Side) throws -> [Range<Int>] {
      do { return try TokenOffsets.of(s, text: text) } catch let f as TokenOffsets.Failure { throw Mismatch(side, line: f.line, f.message) }
    }
    func entities(_ s: Sentence, _ tags: [String], _ side: Mismatch.Side) throws -> SentenceEntities {
      let outside = [String](repeating: "O", count: tags.count)
      let lines = (0..<s.count).map { s.lineOfToken($0) }
      do {
        return try SentenceEntities(gold: side == .gold ? tags : outside, guess: side == .gold ? outside : tags, lines: lines, options: options)
      } catch let e as DataError { throw Mismatch(side, line: e.line, e.message) }
    }
    let goldEntities = try entities(gold, gold.columns[gc].values, .gold)
    let guessEntities = try entities(prediction, prediction.columns[pc].values, .prediction)
    let alignment = CharacterAlignment(
      text: text, goldOffsets: try offsets(gold, .gold), goldSpans: goldEntities.gold,
      guessOffsets: try offsets(prediction, .prediction), guessSpans: guessEntities.guess)
    return .characters(alignment, invalid: goldEntities.invalid || guessEntities.invalid)
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
