/// Everything a scorer counted: the figures conlleval.pl prints, and the spans behind
/// them for the further reports.
public struct ScoreTable: Sendable {
  public var tokens = 0
  public var correctTags = 0
  /// Chunks in the gold column ("phrases").
  public var foundCorrect = 0
  /// Chunks in the guessed column ("found").
  public var foundGuessed = 0
  public var correctChunks = 0
  /// Type names by id (bytes, as conlleval compares them); id 0 is the empty type.
  public var typeNames: [[UInt8]] = []
  /// Sentences in which the strict scheme found an invalid transition.
  public var invalidSentences = 0

  /// One line of conlleval's per-type listing.
  public struct TypeRow: Sendable {
    public var type: Int
    public var gold: Int
    public var guessed: Int
    public var correct: Int
  }
  /// The per-type rows in conlleval's order: Perl's byte-wise sort, with its quirk of
  /// listing the empty type twice when it is both a gold and a guessed type.
  public var listing: [TypeRow] = []

  /// Spans as (start, end exclusive, type id) over input positions (lines).
  public var goldSpans: [(Int, Int, Int)] = []
  public var guessSpans: [(Int, Int, Int)] = []
  public var correctSpans: [(Int, Int, Int)] = []
  /// Positions of sentence boundaries, and the number of positions.
  public var boundaries: [Int] = []
  public var positions = 0

  public init() {}

  static func conllevalListing(
    names: [[UInt8]], goldTypes: [Int], guessTypes: [Int], gold: [Int], guess: [Int], correct: [Int]
  ) -> [TypeRow] {
    let keys = (goldTypes + guessTypes).sorted { names[$0].lexicographicallyPrecedes(names[$1]) }
    var rows: [TypeRow] = []
    var last: Int?
    for k in keys {
      // Perl: `if (not($lastType) or $lastType ne $i)`: an empty last type is false.
      if last == nil || names[last!].isEmpty || last! != k {
        rows.append(TypeRow(type: k, gold: k < gold.count ? gold[k] : 0, guessed: k < guess.count ? guess[k] : 0,
                            correct: k < correct.count ? correct[k] : 0))
      }
      last = k
    }
    return rows
  }

  /// The name of type `id` as text.
  public func name(_ id: Int) -> String { String(decoding: typeNames[id], as: UTF8.self) }

  /// Precision, recall and F1 in percent, computed as conlleval.pl does.
  public static func prf(correct: Int, guessed: Int, gold: Int) -> (p: Double, r: Double, f: Double) {
    let p = guessed > 0 ? 100 * Double(correct) / Double(guessed) : 0
    let r = gold > 0 ? 100 * Double(correct) / Double(gold) : 0
    let f = p + r > 0 ? 2 * p * r / (p + r) : 0
    return (p, r, f)
  }

  public var overall: (p: Double, r: Double, f: Double) {
    Self.prf(correct: correctChunks, guessed: foundGuessed, gold: foundCorrect)
  }

  public var accuracy: Double { tokens > 0 ? 100 * Double(correctTags) / Double(tokens) : 0 }
}
