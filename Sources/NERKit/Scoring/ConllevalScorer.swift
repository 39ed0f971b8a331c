#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads conlleval.pl's input, a line at a time, and counts what it counts.
///
/// The last two fields of a line are the gold and the guessed tag; an empty line, or a
/// line whose first field is `-X-`, is a sentence boundary; every non-empty line must
/// have as many fields as the first one. Options are conlleval's: `-d` (delimiter),
/// `-r` (raw tags), `-o` (outside tag). In strict mode the chunks are the well-formed
/// entities of a declared scheme, found per sentence (as seqeval's strict mode does).
public struct ConllevalScorer {
  public struct Options: Sendable {
    /// The field delimiter (Perl regex text); nil means conlleval's single space, or a tab
    /// when the first line has tabs and no spaces (where conlleval.pl would fail).
    public var delimiter: String?
    /// `-r`: every tag other than the outside tag is a one-token chunk of its own type.
    public var raw = false
    /// `-o`: the outside tag, used with `-r`.
    public var outsideTag = "O"
    /// Find chunks by this scheme's rules instead of conlleval's.
    public var strictScheme: TagScheme?
    /// Keep spans and sentence boundaries, for the reports beyond conlleval's.
    public var recordSpans = false
    /// Stop at a gold or guessed value that is not a tag (``isTag(_:)``), which
    /// conlleval.pl would count as a chunk (ner-score's contract; not with `raw`).
    public var requireTags = false

    public init() {}
  }

  public let options: Options
  private var splitter: FieldSplitter?
  private var fields: [Range<Int>] = []
  private var expectedFields = -1
  private var expectedFieldsLine = 0
  private var counter = ChunkCounter()
  private var types = ByteInterner()
  private let boundary = Array("-X-".utf8)
  private let outside: [UInt8]
  /// Positions (lines fed in) of the sentence boundaries, when recording.
  private var boundaries: [Int] = []
  private var position = 0
  /// Whether a CR was seen at the end of a line (conlleval keeps it in the tag).
  public private(set) var sawCarriageReturn = false

  // Strict mode: the current sentence's tags, as (prefix letter, type id).
  private var strictGold: [(UInt8, Int)] = []
  private var strictGuess: [(UInt8, Int)] = []
  private var strictStart = 0
  private var strict = StrictCounts()

  private struct StrictCounts {
    var gold: [(Int, Int, Int)] = []
    var guess: [(Int, Int, Int)] = []
    var correct: [(Int, Int, Int)] = []
    var violations = 0
  }

  public init(options: Options = Options()) throws {
    self.options = options
    if let d = options.delimiter { splitter = try FieldSplitter(pattern: d) }
    outside = Array(options.outsideTag.utf8)
    _ = types.intern([UInt8]())  // id 0 is the empty type
    counter.recordSpans = options.recordSpans
  }

  /// Whether a line is the suite's metadata, `# key = value` (a key without spaces,
  /// then ` =`), which the other tools write before a sentence. conlleval.pl would
  /// reject such a line; ner-score skips it, so tagged output with metadata scores as
  /// it is. A token line for the token `#` has no `=` as its third field.
  static func isMetadataLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = line.count
    guard n >= 5, line[0] == UInt8(ascii: "#"), line[1] == 0x20 else { return false }
    var i = 2
    while i < n, line[i] != 0x20, line[i] != 0x09 { i += 1 }
    guard i > 2, i + 1 < n, line[i] == 0x20, line[i + 1] == UInt8(ascii: "=") else { return false }
    return i + 2 == n || line[i + 2] == 0x20 || (line[i + 2] == 0x0D && i + 3 == n)
  }

  /// Adds one input line (without its `\n`).
  public mutating func addLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
    if splitter == nil {
      // conlleval's single space, unless the first non-empty line is tab-separated only.
      guard !line.isEmpty else {
        try addBoundary()
        return
      }
      // Metadata is skipped in addFields; it must not choose the delimiter either.
      if line.first == UInt8(ascii: "#") && Self.isMetadataLine(line) { return }
      try chooseDelimiter(forFirstLine: line)
    }
    splitter!.split(line, into: &fields)
    let n = fields.count
    try addFields(
      line, number: number, count: n, firstIsBoundary: n > 0 && equal(line, fields[0], boundary),
      gold: n >= 2 ? fields[n - 2] : 0..<0, guess: n >= 1 ? fields[n - 1] : 0..<0)
  }

  /// What conlleval does with a line split into `n` fields, given whether the first is
  /// `-X-` and where the last two are.
  @inline(__always)
  private mutating func addFields(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, count n: Int, firstIsBoundary: Bool,
    gold goldRange: Range<Int>, guess guessRange: Range<Int>
  ) throws {
    if line.first == UInt8(ascii: "#") && Self.isMetadataLine(line) { return }
    if line.last == 0x0D { sawCarriageReturn = true }
    if expectedFields < 0 {
      expectedFields = n - 1
      expectedFieldsLine = number
    } else if expectedFields != n - 1 && n != 0 {
      throw DataError(
        line: number,
        "unexpected number of fields: \(n) where line \(expectedFieldsLine) has \(expectedFields + 1)")
    }
    if n == 0 || firstIsBoundary {
      try addBoundary()
      return
    }
    if n < 2 {
      throw DataError(line: number, "unexpected number of fields in line: \(n) (conlleval needs a gold and a guessed tag)")
    }
    if options.raw {
      try addRaw(gold: Array(line[goldRange]), guess: Array(line[guessRange]))
    } else {
      try addPair(
        gold: UnsafeBufferPointer(rebasing: line[goldRange]),
        guess: UnsafeBufferPointer(rebasing: line[guessRange]), line: number)
    }
  }

  /// Adds every line of `reader` (read in blocks: do not mix with its `next()`).
  public mutating func addLines(from reader: LineReader) throws {
    var number = 0
    while let block = try reader.nextBlock() {
      try addBlock(block, number: &number)
    }
  }

  /// Adds the lines of `block`; `number` counts lines across calls. A block that does
  /// not end with a newline ends with the input's last line.
  public mutating func addBlock(_ block: UnsafeBufferPointer<UInt8>, number: inout Int) throws {
    guard let base = block.baseAddress else { return }
    let n = block.count
    var lineStart = 0
    while lineStart < n {
      if splitter != nil, let d = splitter!.singleByte, !options.raw {
        lineStart = try scanBlock(base, from: lineStart, count: n, delimiter: d, number: &number)
        if lineStart >= n { break }
      }
      // One line the general way (the first line, any other delimiter, -r, a last
      // line without newline).
      var i = n
      if let p = memchr(base + lineStart, 0x0A, n - lineStart) {
        i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
      }
      number += 1
      try addLine(UnsafeBufferPointer(start: base + lineStart, count: i - lineStart), number: number)
      lineStart = i + 1
    }
  }

  /// Bytes equal to `b` in `x`, as the high bit of each byte (exact, no carries).
  @inline(__always)
  private static func bytesEqual(_ x: UInt64, _ pattern: UInt64) -> UInt64 {
    let y = x ^ pattern
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((y & low7) &+ low7) | y | low7)
  }

  /// Scans the newline-terminated lines of `base[from..<count]` eight bytes at a time,
  /// finding newlines and delimiters in one pass, and adds each line. Returns where it
  /// stopped: at the first line it leaves to ``addLine(_:number:)`` (one with trailing
  /// delimiters, or the last one when it has no newline).
  private mutating func scanBlock(
    _ base: UnsafePointer<UInt8>, from start: Int, count n: Int, delimiter d: UInt8, number: inout Int
  ) throws -> Int {
    let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    let delimiters = UInt64(d) &* 0x0101_0101_0101_0101
    let raw = UnsafeRawPointer(base)
    var lineStart = start
    var delimiterCount = 0
    var first = -1, last = -1, secondLast = -1
    var word = start
    while word < n {
      var nl: UInt64
      var dl: UInt64
      let width = min(8, n - word)
      if width == 8 {
        let x = raw.loadUnaligned(fromByteOffset: word, as: UInt64.self)
        nl = Self.bytesEqual(x, newlines)
        dl = Self.bytesEqual(x, delimiters)
      } else {
        nl = 0
        dl = 0
        for k in 0..<width {
          let b = base[word + k]
          if b == 0x0A { nl |= 0x80 << (8 * UInt64(k)) } else if b == d { dl |= 0x80 << (8 * UInt64(k)) }
        }
      }
      var events = nl | dl
      while events != 0 {
        let bit = events.trailingZeroBitCount
        let pos = word + bit >> 3
        events &= events &- 1
        if (nl >> UInt64(bit)) & 1 == 0 {
          if first < 0 { first = pos }
          secondLast = last
          last = pos
          delimiterCount += 1
          continue
        }
        // A whole line: lineStart..<pos.
        number += 1
        let line = UnsafeBufferPointer(start: base + lineStart, count: pos - lineStart)
        if delimiterCount > 0 && last == pos - 1 {
          try addLine(line, number: number)  // trailing empty fields: the general way
        } else {
          try addSplitLine(
            line, number: number, fields: pos == lineStart ? 0 : delimiterCount + 1,
            first: first < 0 ? -1 : first - lineStart, last: last < 0 ? -1 : last - lineStart,
            secondLast: secondLast < 0 ? -1 : secondLast - lineStart)
        }
        lineStart = pos + 1
        delimiterCount = 0
        first = -1; last = -1; secondLast = -1
      }
      word += 8
    }
    return lineStart
  }

  /// Adds a line split on a one-byte delimiter: `fields` fields, and the offsets of the
  /// first, last and second-to-last delimiters (negative when absent).
  @inline(__always)
  private mutating func addSplitLine(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, fields n: Int, first: Int, last: Int, secondLast: Int
  ) throws {
    let end = line.count
    let firstEnd = first < 0 ? end : first
    let isBoundary = firstEnd == 3 && line[0] == UInt8(ascii: "-") && line[1] == UInt8(ascii: "X") && line[2] == UInt8(ascii: "-")
    try addFields(
      line, number: number, count: n, firstIsBoundary: isBoundary,
      gold: (secondLast + 1)..<max(secondLast + 1, last), guess: (last + 1)..<end)
  }

  /// Adds one token given its gold and guessed tags (for JSONL and aligned inputs).
  public mutating func addToken(gold: String, guess: String, line: Int) throws {
    let g = Array(gold.utf8)
    let p = Array(guess.utf8)
    if options.raw {
      try addRaw(gold: g, guess: p)
    } else {
      try g.withUnsafeBufferPointer { gb in
        try p.withUnsafeBufferPointer { pb in try addPair(gold: gb, guess: pb, line: line) }
      }
    }
  }

  /// Adds a sentence boundary.
  public mutating func addBoundary() throws {
    if options.strictScheme != nil { flushStrictSentence() }
    if options.recordSpans { boundaries.append(position) }
    counter.add(correct: .O, correctType: 0, guessed: .O, guessedType: 0, boundary: true, sameTag: true)
    position += 1
    if options.strictScheme != nil { strictStart = position }
  }

  /// Adds a sentence of `count` positions given as its gold and guessed entities
  /// (positions `start..<end`, disjoint on each side), then the sentence boundary: as
  /// its chunks would count, whatever the options (for a sentence aligned by characters,
  /// ``CharacterAlignment``). A position's tag is correct when both sides are outside,
  /// or both begin or both continue an entity of one type. `invalid`: the strict scheme
  /// found an invalid sequence on either side.
  public mutating func addSpans(count: Int, gold: [Span], guess: [Span], invalid: Bool = false) throws {
    func tags(_ spans: [Span]) -> [(ChunkTag, Int)] {
      var t = [(ChunkTag, Int)](repeating: (.O, 0), count: count)
      for s in spans {
        let id = types.intern(Array(s.type.utf8))
        if id >= counter.typeCapacity { counter.ensure(id) }
        for i in s.start..<s.end { t[i] = (i == s.start ? .B : .I, id) }
      }
      return t
    }
    let g = tags(gold), p = tags(guess)
    if options.strictScheme != nil {
      if invalid { strict.violations += 1 }
      let guessSet = Set(guess.map { [$0.start, $0.end, p[$0.start].1] })
      for s in gold {
        let span = (strictStart + s.start, strictStart + s.end, g[s.start].1)
        strict.gold.append(span)
        if guessSet.contains([s.start, s.end, span.2]) { strict.correct.append(span) }
      }
      for s in guess { strict.guess.append((strictStart + s.start, strictStart + s.end, p[s.start].1)) }
    }
    for i in 0..<count {
      counter.add(correct: g[i].0, correctType: g[i].1, guessed: p[i].0, guessedType: p[i].1, boundary: false, sameTag: g[i].0 == p[i].0)
      position += 1
    }
    try addBoundary()
  }

  private mutating func addRaw(gold: [UInt8], guess: [UInt8]) throws {
    func rawTag(_ t: [UInt8]) -> [UInt8] {
      let t = t == outside ? [UInt8(ascii: "O")] : t
      return t == [UInt8(ascii: "O")] ? t : Array("B-".utf8) + t
    }
    let g = rawTag(gold)
    let p = rawTag(guess)
    try g.withUnsafeBufferPointer { gb in
      try p.withUnsafeBufferPointer { pb in try addPair(gold: gb, guess: pb, line: 0) }
    }
  }

  @inline(__always)
  private func equal(_ line: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ word: [UInt8]) -> Bool {
    guard r.count == word.count else { return false }
    var i = 0
    for k in r {
      if line[k] != word[i] { return false }
      i += 1
    }
    return true
  }

  /// Splits a tag at its first hyphen: chunk letter range, type id (conlleval's rules:
  /// no hyphen means an empty type, and a type `0` is empty too, by Perl truthiness).
  @inline(__always)
  private mutating func parse(_ tag: UnsafeBufferPointer<UInt8>) -> (prefixLength: Int, chunk: ChunkTag, type: Int) {
    if tag.count == 1 && tag[0] == UInt8(ascii: "O") { return (1, .O, 0) }  // the common case
    var hyphen = -1
    for i in 0..<tag.count where tag[i] == UInt8(ascii: "-") { hyphen = i; break }
    let prefixLength = hyphen < 0 ? tag.count : hyphen
    var chunk = ChunkTag.other
    if prefixLength == 1 {
      switch tag[0] {
      case UInt8(ascii: "B"): chunk = .B
      case UInt8(ascii: "I"): chunk = .I
      case UInt8(ascii: "O"): chunk = .O
      case UInt8(ascii: "E"): chunk = .E
      case UInt8(ascii: "["): chunk = .open
      case UInt8(ascii: "]"): chunk = .close
      case UInt8(ascii: "."): chunk = .dot
      default: chunk = .other
      }
    }
    var type = 0
    if hyphen >= 0 {
      let typeBytes = UnsafeBufferPointer(rebasing: tag[(hyphen + 1)...])
      if !(typeBytes.count == 1 && typeBytes[0] == UInt8(ascii: "0")) && !typeBytes.isEmpty {
        type = types.intern(typeBytes)
        if type >= counter.typeCapacity { counter.ensure(type) }
      }
    }
    return (prefixLength, chunk, type)
  }

  @inline(__always)
  private mutating func addPair(gold: UnsafeBufferPointer<UInt8>, guess: UnsafeBufferPointer<UInt8>, line: Int) throws {
    if options.requireTags && !options.raw { try Self.checkTags(gold: gold, guess: guess, line: line) }
    let c = parse(gold)
    let g = parse(guess)
    var same = c.prefixLength == g.prefixLength
    if same {
      for i in 0..<c.prefixLength where gold[i] != guess[i] { same = false; break }
    }
    if options.strictScheme != nil {
      strictGold.append(try strictTag(gold, c.prefixLength, c.type, line))
      strictGuess.append(try strictTag(guess, g.prefixLength, g.type, line))
    }
    counter.add(correct: c.chunk, correctType: c.type, guessed: g.chunk, guessedType: g.type, boundary: false, sameTag: same)
    position += 1
  }

  /// Whether `tag` is a tag by the suite's definition: `O`, a prefix letter (B I E S L U,
  /// or conlleval's `[` and `]`), a hyphen and a type, or a bare `[` or `]`.
  @inline(__always)
  static func isTag(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = tag.count
    guard n > 0 else { return false }
    let first = tag[0]
    if n == 1 { return first == UInt8(ascii: "O") || first == UInt8(ascii: "[") || first == UInt8(ascii: "]") }
    guard n >= 3, tag[1] == UInt8(ascii: "-") else { return false }
    switch first {
    case UInt8(ascii: "B"), UInt8(ascii: "I"), UInt8(ascii: "E"), UInt8(ascii: "S"), UInt8(ascii: "L"), UInt8(ascii: "U"),
      UInt8(ascii: "["), UInt8(ascii: "]"):
      return true
    default: return false
    }
  }

  /// Stops at a gold or guessed value that is not a tag (a probability, a token: a
  /// column other than conlleval's last two), rather than count it as a chunk.
  @inline(__always)
  static func checkTags(gold: UnsafeBufferPointer<UInt8>, guess: UnsafeBufferPointer<UInt8>, line: Int) throws {
    if gold.count == 1 && guess.count == 1 && gold[0] == UInt8(ascii: "O") && guess[0] == UInt8(ascii: "O") { return }
    let goldIsTag = isTag(gold)
    // A CR LF line end leaves its CR in the guess, as in conlleval.pl (ner-score warns).
    let guess = guess.last == 0x0D ? UnsafeBufferPointer(rebasing: guess.dropLast()) : guess
    if goldIsTag && isTag(guess) { return }
    let what = "(O, or B-, I-, E-, S-, L-, U-, [- or ]- and a type)"
    if !goldIsTag && isTag(guess) {
      throw DataError(
        line: line,
        "'\(String(decoding: gold, as: UTF8.self))' is not a tag \(what), but ner-score expects the gold tags and the predicted tags as the last two fields (JSONL: 'tags' and 'pred'); is the prediction column missing?")
    }
    let side = goldIsTag ? "predicted tag (the last field; JSONL: 'pred')" : "gold tag (the second-last field; JSONL: 'tags')"
    let value = goldIsTag ? guess : gold
    throw DataError(
      line: line,
      "'\(String(decoding: value, as: UTF8.self))' is not a tag \(what) where ner-score reads the \(side); with -r any value is a type")
  }

  private func strictTag(_ tag: UnsafeBufferPointer<UInt8>, _ prefixLength: Int, _ type: Int, _ line: Int) throws -> (UInt8, Int) {
    if prefixLength == 1 && tag[0] == UInt8(ascii: "O") && tag.count == 1 { return (UInt8(ascii: "O"), 0) }
    guard prefixLength == 1, type != 0, "BIESLU".utf8.contains(tag[0]) else {
      throw DataError(line: line, "'\(String(decoding: tag, as: UTF8.self))' is not a tag (O, or B-, I-, E-, S-, L-, U- and a type)")
    }
    return (tag[0], type)
  }

  private mutating func flushStrictSentence() {
    guard let scheme = options.strictScheme, !strictGold.isEmpty else { return }
    var invalid = false
    func decode(_ tags: [(UInt8, Int)]) -> [Span] {
      let t = tags.map { Tag(Tag.Prefix(rawValue: Character(UnicodeScalar($0.0))) ?? .outside, String($0.1)) }
      let (spans, violation) = SpanDecoder.strict(t, scheme: scheme)
      if violation != nil { invalid = true }
      return spans
    }
    let gold = decode(strictGold)
    let guess = decode(strictGuess)
    if invalid { strict.violations += 1 }
    let guessSet = Set(guess)
    for s in gold { strict.gold.append((strictStart + s.start, strictStart + s.end, Int(s.type)!)) }
    for s in guess { strict.guess.append((strictStart + s.start, strictStart + s.end, Int(s.type)!)) }
    for s in gold where guessSet.contains(s) {
      strict.correct.append((strictStart + s.start, strictStart + s.end, Int(s.type)!))
    }
    strictGold.removeAll(keepingCapacity: true)
    strictGuess.removeAll(keepingCapacity: true)
  }

  /// Whether this scorer can score the second half of an input on its own: the default
  /// mode, where nothing but counts is kept.
  public var canSplit: Bool { options.strictScheme == nil && !options.recordSpans }

  /// Appends the counts of `other`, which scored the input that follows this one's,
  /// starting from a fresh state. Returns false (changing nothing) when that is not
  /// exact: when this scorer did not end at rest (outside every chunk, as after a
  /// blank line) or the two disagree on the number of fields.
  public mutating func append(_ other: ConllevalScorer) -> Bool {
    guard canSplit, other.canSplit, counter.isAtRest else { return false }
    if expectedFields >= 0 && other.expectedFields >= 0 && expectedFields != other.expectedFields { return false }
    var map = [Int](repeating: 0, count: other.types.count)
    for id in 0..<other.types.count {
      map[id] = types.intern(other.types.bytes(id))
      if map[id] >= counter.typeCapacity { counter.ensure(map[id]) }
    }
    counter.append(other.counter, typeMap: map)
    if expectedFields < 0 { expectedFields = other.expectedFields }
    sawCarriageReturn = sawCarriageReturn || other.sawCarriageReturn
    position += other.position
    return true
  }

  /// Fixes the delimiter before the first line (as the first non-empty line would).
  public mutating func chooseDelimiter(forFirstLine line: UnsafeBufferPointer<UInt8>) throws {
    guard splitter == nil, !line.isEmpty else { return }
    splitter = try FieldSplitter(pattern: line.contains(0x09) && !line.contains(0x20) ? "\t" : " ")
  }

  /// Ends the input and returns the counts.
  public mutating func finish() -> ScoreTable {
    if options.strictScheme != nil { flushStrictSentence() }
    counter.finish()
    var table = ScoreTable()
    table.tokens = counter.tokens
    table.correctTags = counter.correctTags
    table.typeNames = (0..<types.count).map { types.bytes($0) }
    if options.strictScheme != nil {
      table.foundCorrect = strict.gold.count
      table.foundGuessed = strict.guess.count
      table.correctChunks = strict.correct.count
      table.goldSpans = strict.gold
      table.guessSpans = strict.guess
      table.correctSpans = strict.correct
      table.invalidSentences = strict.violations
      var g = [Int](repeating: 0, count: types.count), p = g, c = g
      for s in strict.gold { g[s.2] += 1 }
      for s in strict.guess { p[s.2] += 1 }
      for s in strict.correct { c[s.2] += 1 }
      table.listing = ScoreTable.conllevalListing(
        names: table.typeNames, goldTypes: g.indices.filter { g[$0] > 0 }, guessTypes: p.indices.filter { p[$0] > 0 },
        gold: g, guess: p, correct: c)
    } else {
      table.foundCorrect = counter.foundCorrect
      table.foundGuessed = counter.foundGuessed
      table.correctChunks = counter.correctChunks
      table.goldSpans = counter.goldSpans
      table.guessSpans = counter.guessSpans
      table.correctSpans = counter.correctSpans
      table.listing = ScoreTable.conllevalListing(
        names: table.typeNames, goldTypes: counter.correctHashTypes, guessTypes: counter.guessedHashTypes,
        gold: counter.foundCorrectByType, guess: counter.foundGuessedByType, correct: counter.correctByType)
    }
    table.boundaries = boundaries
    table.positions = position
    return table
  }
}
