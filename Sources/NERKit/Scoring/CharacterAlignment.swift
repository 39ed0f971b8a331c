/// One sentence tokenized two ways (gold and prediction), scored by character extent:
/// each side's entities, found on its own tokens, are carried onto the *pieces* of the
/// text, the stretches between consecutive boundaries of either tokenization that lie
/// within a token of either. Two entities have the same character extent exactly when
/// they cover the same pieces, so the scorer counts pieces as it counts tokens.
public struct CharacterAlignment: Sendable {
  /// The pieces, as Unicode scalar ranges of the text, in order.
  public var pieces: [Range<Int>]
  /// The entities over pieces.
  public var gold: [Span]
  public var guess: [Span]
  /// Gold entities that start or end where no predicted token starts or ends, and
  /// predicted entities that start or end where no gold token does: they cannot match.
  public var goldOffBoundary = 0
  public var guessOffBoundary = 0
  /// The sentence text.
  public var text: String

  /// Aligns `goldSpans` (over tokens at `goldOffsets`) with `guessSpans` (over tokens at
  /// `guessOffsets`); offsets are ascending, non-empty and non-overlapping.
  public init(text: String, goldOffsets: [Range<Int>], goldSpans: [Span], guessOffsets: [Range<Int>], guessSpans: [Span]) {
    self.text = text
    var points = Set<Int>()
    for r in goldOffsets + guessOffsets {
      points.insert(r.lowerBound)
      points.insert(r.upperBound)
    }
    let sorted = points.sorted()
    var index: [Int: Int] = [:]
    for (k, p) in sorted.enumerated() { index[p] = k }
    // Coverage of each stretch between consecutive points, by a difference array.
    var depth = [Int](repeating: 0, count: sorted.count + 1)
    for r in goldOffsets + guessOffsets {
      depth[index[r.lowerBound]!] += 1
      depth[index[r.upperBound]!] -= 1
    }
    var pieces: [Range<Int>] = []
    var pieceStarting: [Int: Int] = [:]
    var covered = 0
    for k in 0..<(sorted.count - (sorted.isEmpty ? 0 : 1)) {
      covered += depth[k]
      if covered > 0 {
        pieceStarting[sorted[k]] = pieces.count
        pieces.append(sorted[k]..<sorted[k + 1])
      }
    }
    self.pieces = pieces
    // An entity's extent starts a piece; it ends before the first piece at or after its end.
    func carry(_ spans: [Span], _ offsets: [Range<Int>]) -> [Span] {
      spans.map { s in
        let start = offsets[s.start].lowerBound, end = offsets[s.end - 1].upperBound
        let first = pieceStarting[start]!
        var last = first
        while last < pieces.count && pieces[last].lowerBound < end { last += 1 }
        return Span(start: first, end: last, type: s.type)
      }
    }
    gold = carry(goldSpans, goldOffsets)
    guess = carry(guessSpans, guessOffsets)
    func offBoundary(_ spans: [Span], _ own: [Range<Int>], _ other: [Range<Int>]) -> Int {
      let starts = Set(other.map(\.lowerBound)), ends = Set(other.map(\.upperBound))
      return spans.filter { !starts.contains(own[$0.start].lowerBound) || !ends.contains(own[$0.end - 1].upperBound) }.count
    }
    goldOffBoundary = offBoundary(goldSpans, goldOffsets, guessOffsets)
    guessOffBoundary = offBoundary(guessSpans, guessOffsets, goldOffsets)
  }

  /// Guessed entities with a gold entity of the same extent and type.
  public var correct: Int {
    let g = Set(gold)
    return guess.filter { g.contains($0) }.count
  }

  /// The character range (Unicode scalars) of the pieces `start..<end`.
  public func characters(_ start: Int, _ end: Int) -> Range<Int> { pieces[start].lowerBound..<pieces[end - 1].upperBound }

  /// The text of the pieces `start..<end` (with what lies between them).
  public func text(_ start: Int, _ end: Int) -> String {
    let r = characters(start, end)
    let scalars = text.unicodeScalars
    let a = scalars.index(scalars.startIndex, offsetBy: r.lowerBound)
    let b = scalars.index(a, offsetBy: r.count)
    return String(scalars[a..<b])
  }
}
