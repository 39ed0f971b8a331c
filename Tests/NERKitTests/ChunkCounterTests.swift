import Testing

@testable import NERKit

/// Feeds ChunkCounter by hand: type ids 1 = PER, 2 = LOC.
private struct Feeder {
  var counter: ChunkCounter

  init(recordSpans: Bool = false) {
    counter = ChunkCounter()
    counter.recordSpans = recordSpans
    counter.ensure(2)
  }

  mutating func add(_ gold: ChunkTag, _ goldType: Int, _ guess: ChunkTag, _ guessType: Int) {
    counter.add(
      correct: gold, correctType: goldType, guessed: guess, guessedType: guessType, boundary: false,
      sameTag: gold == guess)
  }

  /// Gold and guess the same.
  mutating func both(_ tag: ChunkTag, _ type: Int) { add(tag, type, tag, type) }

  mutating func boundary() {
    counter.add(correct: .O, correctType: 0, guessed: .O, guessedType: 0, boundary: true, sameTag: true)
  }
}

@Suite struct ChunkCounterTests {
  @Test func countsOneCorrectChunk() {
    var f = Feeder()
    f.both(.B, 1)
    f.both(.I, 1)
    f.both(.O, 0)
    #expect(f.counter.tokens == 3)
    #expect(f.counter.correctTags == 3)
    #expect(f.counter.foundCorrect == 1)
    #expect(f.counter.foundGuessed == 1)
    #expect(f.counter.correctChunks == 1)  // closed by the O
    #expect(f.counter.correctByType[1] == 1)
    f.counter.finish()
    #expect(f.counter.correctChunks == 1)
  }

  @Test func aChunkOpenAtTheEndIsCountedByFinish() {
    var f = Feeder()
    f.both(.O, 0)
    f.both(.B, 2)
    #expect(f.counter.correctChunks == 0)
    f.counter.finish()
    #expect(f.counter.correctChunks == 1)
    #expect(f.counter.correctByType[2] == 1)
    #expect(f.counter.foundCorrectByType == [0, 0, 1])
  }

  @Test func wrongBoundaryIsNotCorrect() {
    var f = Feeder()
    f.add(.B, 1, .B, 1)
    f.add(.I, 1, .O, 0)
    f.both(.O, 0)
    f.counter.finish()
    #expect(f.counter.foundCorrect == 1)
    #expect(f.counter.foundGuessed == 1)
    #expect(f.counter.correctChunks == 0)
    #expect(f.counter.correctTags == 2)
  }

  @Test func sameLetterOtherTypeIsNotACorrectTag() {
    var f = Feeder()
    f.add(.B, 2, .B, 1)
    f.counter.finish()
    #expect(f.counter.tokens == 1)
    #expect(f.counter.correctTags == 0)
    #expect(f.counter.correctChunks == 0)
    #expect(f.counter.correctHashTypes == [2])
    #expect(f.counter.guessedHashTypes == [1])
  }

  @Test func iAfterOAndTypeChangeStartChunks() {
    var f = Feeder()
    f.both(.O, 0)
    f.both(.I, 1)
    f.both(.I, 2)
    f.both(.I, 2)
    f.counter.finish()
    #expect(f.counter.foundCorrect == 2)
    #expect(f.counter.correctChunks == 2)
  }

  /// conlleval's quirk: `E-X B-X` neither ends nor starts a chunk.
  @Test func eThenBOfTheSameTypeDoesNotSplit() {
    var f = Feeder(recordSpans: true)
    for tag in [ChunkTag.B, .E, .B, .E] { f.both(tag, 1) }
    f.counter.finish()
    #expect(f.counter.foundCorrect == 1)
    #expect(f.counter.foundGuessed == 1)
    #expect(f.counter.correctChunks == 1)
    #expect(f.counter.goldSpans.map { [$0.start, $0.end, $0.type] } == [[0, 4, 1]])
  }

  @Test func eThenISplits() {
    var f = Feeder()
    for tag in [ChunkTag.B, .E, .I, .E] { f.both(tag, 1) }
    f.counter.finish()
    #expect(f.counter.foundCorrect == 2)
    #expect(f.counter.correctChunks == 2)
  }

  @Test func eThenBAgainstBThenEIsOneCorrectChunk() {
    // conlleval.pl: gold B-PER E-PER, guess E-PER B-PER: 1 phrase, 1 found, 1 correct, no correct tag.
    var f = Feeder()
    f.add(.B, 1, .E, 1)
    f.add(.E, 1, .B, 1)
    f.counter.finish()
    #expect(f.counter.foundCorrect == 1)
    #expect(f.counter.foundGuessed == 1)
    #expect(f.counter.correctChunks == 1)
    #expect(f.counter.correctTags == 0)
  }

  @Test func dotTagsNeverOpenAChunk() {
    var f = Feeder()
    f.both(.dot, 1)
    f.both(.dot, 1)
    f.counter.finish()
    #expect(f.counter.foundCorrect == 0)
    #expect(f.counter.correctTags == 2)
  }

  @Test func bracketChunksHaveOneToken() {
    var f = Feeder()
    f.both(.open, 1)
    f.both(.open, 1)
    f.add(.close, 1, .O, 0)
    f.counter.finish()
    #expect(f.counter.foundCorrect == 3)
    #expect(f.counter.foundGuessed == 2)
    #expect(f.counter.correctChunks == 2)
  }

  @Test func boundaryEndsChunksAndIsNotAToken() {
    var f = Feeder(recordSpans: true)
    f.both(.B, 1)
    f.boundary()
    f.both(.I, 1)
    f.counter.finish()
    #expect(f.counter.tokens == 2)
    #expect(f.counter.foundCorrect == 2)
    #expect(f.counter.correctChunks == 2)
    #expect(f.counter.goldSpans.map { [$0.start, $0.end] } == [[0, 1], [2, 3]])
    #expect(f.counter.correctSpans.map { [$0.start, $0.end] } == [[0, 1], [2, 3]])
  }

  @Test func recordedSpans() {
    var f = Feeder(recordSpans: true)
    f.add(.B, 1, .B, 1)  // 0
    f.add(.I, 1, .I, 1)  // 1
    f.add(.O, 0, .B, 2)  // 2
    f.add(.B, 2, .I, 2)  // 3
    f.add(.I, 2, .O, 0)  // 4
    f.counter.finish()
    #expect(f.counter.goldSpans.map { [$0.start, $0.end, $0.type] } == [[0, 2, 1], [3, 5, 2]])
    #expect(f.counter.guessSpans.map { [$0.start, $0.end, $0.type] } == [[0, 2, 1], [2, 4, 2]])
    #expect(f.counter.correctSpans.map { [$0.start, $0.end, $0.type] } == [[0, 2, 1]])
  }

  @Test func spansAreNotRecordedByDefault() {
    var f = Feeder()
    f.both(.B, 1)
    f.counter.finish()
    #expect(f.counter.goldSpans.isEmpty)
    #expect(f.counter.correctChunks == 1)
  }

  @Test func ensureGrowsEveryTable() {
    var c = ChunkCounter()
    #expect(c.typeCapacity == 1)
    c.ensure(5)
    #expect(c.typeCapacity == 6)
    #expect(c.foundGuessedByType.count == 6)
    #expect(c.correctByType.count == 6)
  }
}

@Suite struct ByteInternerTests {
  @Test func sameBytesSameId() {
    var i = ByteInterner()
    let a = i.intern(Array("PER".utf8))
    let b = i.intern(Array("LOC".utf8))
    #expect(a != b)
    #expect(i.intern(Array("PER".utf8)) == a)
    #expect(i.count == 2)
    #expect(i.bytes(b) == Array("LOC".utf8))
  }

  @Test func bytesNotCanonicalEquivalence() {
    var i = ByteInterner()
    let nfc = i.intern(Array("\u{e9}".utf8))
    let nfd = i.intern(Array("e\u{301}".utf8))
    #expect(nfc != nfd)
  }

  @Test func manyStringsSurviveGrowth() {
    var i = ByteInterner()
    let empty = i.intern([UInt8]())
    let words = (0..<1000).map { "type-\($0)-" + String(repeating: "x", count: $0 % 40) }
    let ids = words.map { i.intern(Array($0.utf8)) }
    #expect(Set(ids).count == 1000)
    #expect(i.count == 1001)
    for (w, id) in zip(words, ids) {
      #expect(i.intern(Array(w.utf8)) == id)
      #expect(i.bytes(id) == Array(w.utf8))
    }
    #expect(i.intern([UInt8]()) == empty)
  }
}
