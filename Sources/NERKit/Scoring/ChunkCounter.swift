/// The chunk tag of conlleval.pl: the text before a tag's first hyphen, reduced to the
/// letters its rules look at.
public enum ChunkTag: UInt8, Sendable {
  case B, I, O, E, open, close, dot, other
}

/// Counts chunks exactly as conlleval.pl (version 2004-01-26) does.
///
/// Feed it one token at a time with ``add(correct:correctType:guessed:guessedType:boundary:sameTag:)``;
/// types are interned ids. Its start and end rules, and its "in a correct chunk" state,
/// follow the Perl script line for line, quirks included: `E-X B-X` does not split, `.`
/// tags never open a chunk, `[` and `]` chunks have one token. Optionally records every
/// chunk as a span (positions count all lines fed in), for the reports conlleval lacks.
public struct ChunkCounter {
  public private(set) var tokens = 0
  public private(set) var correctTags = 0
  public private(set) var foundCorrect = 0
  public private(set) var foundGuessed = 0
  public private(set) var correctChunks = 0
  /// Per type id: chunks in the gold column, in the guess column, and correct.
  public private(set) var foundCorrectByType: [Int] = []
  public private(set) var foundGuessedByType: [Int] = []
  public private(set) var correctByType: [Int] = []
  /// Whether each type id has an entry in conlleval's hashes (a count > 0).
  private var inCorrectHash: [Bool] = []
  private var inGuessedHash: [Bool] = []

  private var inCorrect = false
  private var lastCorrect = ChunkTag.O
  private var lastGuessed = ChunkTag.O
  private var lastCorrectType = 0
  private var lastGuessedType = 0

  /// Recorded spans, when `recordSpans` is on: (start, end exclusive, type id).
  public var recordSpans = false
  public private(set) var goldSpans: [(start: Int, end: Int, type: Int)] = []
  public private(set) var guessSpans: [(start: Int, end: Int, type: Int)] = []
  public private(set) var correctSpans: [(start: Int, end: Int, type: Int)] = []
  private var position = 0
  private var goldOpen = -1
  private var guessOpen = -1
  private var correctOpen = -1

  /// The id of the empty type must be 0.
  public init() { ensure(0) }

  /// How many type ids have room.
  public var typeCapacity: Int { foundCorrectByType.count }

  /// Makes room for type ids up to `type`.
  public mutating func ensure(_ type: Int) {
    while foundCorrectByType.count <= type {
      foundCorrectByType.append(0); foundGuessedByType.append(0); correctByType.append(0)
      inCorrectHash.append(false); inGuessedHash.append(false)
    }
  }

  @inline(__always)
  static func endOfChunk(_ prevTag: ChunkTag, _ tag: ChunkTag, _ prevType: Int, _ type: Int) -> Bool {
    switch (prevTag, tag) {
    case (.B, .B), (.B, .O), (.I, .B), (.I, .O), (.E, .E), (.E, .I), (.E, .O): return true
    default: break
    }
    if prevTag != .O && prevTag != .dot && prevType != type { return true }
    if prevTag == .close || prevTag == .open { return true }
    return false
  }

  @inline(__always)
  static func startOfChunk(_ prevTag: ChunkTag, _ tag: ChunkTag, _ prevType: Int, _ type: Int) -> Bool {
    switch (prevTag, tag) {
    case (.B, .B), (.I, .B), (.O, .B), (.O, .I), (.E, .E), (.E, .I), (.O, .E): return true
    default: break
    }
    if tag != .O && tag != .dot && prevType != type { return true }
    if tag == .open || tag == .close { return true }
    return false
  }

  /// Adds one line (type ids must have room: see ``ensure(_:)``). `boundary` is conlleval's "first item is -X-" (empty lines included);
  /// `sameTag` says whether the full chunk tags (not only their letters) are equal.
  @inline(__always)
  public mutating func add(
    correct: ChunkTag, correctType: Int, guessed guessedIn: ChunkTag, guessedType: Int,
    boundary: Bool, sameTag: Bool
  ) {
    let guessed = boundary ? ChunkTag.O : guessedIn
    // Outside of every chunk on both sides, before and now: no rule can fire.
    if correct == .O && guessed == .O && lastCorrect == .O && lastGuessed == .O && !inCorrect
      && (correctType | guessedType | lastCorrectType | lastGuessedType) == 0
    {
      if !boundary {
        if sameTag { correctTags += 1 }
        tokens += 1
      }
      position += 1
      return
    }
    let endC = Self.endOfChunk(lastCorrect, correct, lastCorrectType, correctType)
    let endG = Self.endOfChunk(lastGuessed, guessed, lastGuessedType, guessedType)
    let startC = Self.startOfChunk(lastCorrect, correct, lastCorrectType, correctType)
    let startG = Self.startOfChunk(lastGuessed, guessed, lastGuessedType, guessedType)
    if inCorrect {
      if endC && endG && lastGuessedType == lastCorrectType {
        inCorrect = false
        correctChunks += 1
        correctByType[lastCorrectType] += 1
        if recordSpans { correctSpans.append((correctOpen, position, lastCorrectType)) }
      } else if endC != endG || guessedType != correctType {
        inCorrect = false
      }
    }
    if startC && startG && guessedType == correctType {
      inCorrect = true
      correctOpen = position
    }
    if recordSpans {
      if goldOpen >= 0 && (endC || startC) { goldSpans.append((goldOpen, position, lastCorrectType)); goldOpen = -1 }
      if guessOpen >= 0 && (endG || startG) { guessSpans.append((guessOpen, position, lastGuessedType)); guessOpen = -1 }
      if startC { goldOpen = position }
      if startG { guessOpen = position }
    }
    if startC {
      foundCorrect += 1
      foundCorrectByType[correctType] += 1
      inCorrectHash[correctType] = true
    }
    if startG {
      foundGuessed += 1
      foundGuessedByType[guessedType] += 1
      inGuessedHash[guessedType] = true
    }
    if !boundary {
      // conlleval compares the chunk tags as strings; for a boundary `guessed` is O.
      if sameTag && guessedType == correctType { correctTags += 1 }
      tokens += 1
    }
    lastGuessed = guessed
    lastCorrect = correct
    lastGuessedType = guessedType
    lastCorrectType = correctType
    position += 1
  }

  /// Outside of every chunk, as at the start and after a blank line: what follows can be
  /// counted by a fresh counter and appended.
  public var isAtRest: Bool {
    !inCorrect && lastCorrect == .O && lastGuessed == .O && lastCorrectType == 0 && lastGuessedType == 0
      && goldOpen < 0 && guessOpen < 0
  }

  /// Adds the counts of `other` (a counter that started fresh where this one is at rest),
  /// mapping its type ids through `typeMap`, and takes over its state.
  public mutating func append(_ other: ChunkCounter, typeMap: [Int]) {
    tokens += other.tokens
    correctTags += other.correctTags
    foundCorrect += other.foundCorrect
    foundGuessed += other.foundGuessed
    correctChunks += other.correctChunks
    for (id, count) in other.foundCorrectByType.enumerated() where id < typeMap.count {
      let t = typeMap[id]
      ensure(t)
      foundCorrectByType[t] += count
      foundGuessedByType[t] += other.foundGuessedByType[id]
      correctByType[t] += other.correctByType[id]
      inCorrectHash[t] = inCorrectHash[t] || other.inCorrectHash[id]
      inGuessedHash[t] = inGuessedHash[t] || other.inGuessedHash[id]
    }
    inCorrect = other.inCorrect
    lastCorrect = other.lastCorrect
    lastGuessed = other.lastGuessed
    lastCorrectType = other.lastCorrectType < typeMap.count ? typeMap[other.lastCorrectType] : 0
    lastGuessedType = other.lastGuessedType < typeMap.count ? typeMap[other.lastGuessedType] : 0
    position += other.position
  }

  /// Closes the input: counts a correct chunk still open at the end.
  public mutating func finish() {
    if inCorrect {
      correctChunks += 1
      ensure(lastCorrectType)
      correctByType[lastCorrectType] += 1
      if recordSpans { correctSpans.append((correctOpen, position, lastCorrectType)) }
      inCorrect = false
    }
    if recordSpans {
      if goldOpen >= 0 { goldSpans.append((goldOpen, position, lastCorrectType)); goldOpen = -1 }
      if guessOpen >= 0 { guessSpans.append((guessOpen, position, lastGuessedType)); guessOpen = -1 }
    }
  }

  /// Type ids in conlleval's hashes: those with a gold chunk, and those with a guessed one.
  public var correctHashTypes: [Int] { inCorrectHash.indices.filter { inCorrectHash[$0] } }
  public var guessedHashTypes: [Int] { inGuessedHash.indices.filter { inGuessedHash[$0] } }
}
