import Testing

@testable import NERKit

/// The counts a report is made of, as one comparable string.
private func summary(_ t: ScoreTable) -> String {
  "\(t.tokens) \(t.correctTags) \(t.foundCorrect) \(t.foundGuessed) \(t.correctChunks) \(t.rows)"
}

/// Sentences separated by blank lines, `bytes` long at least; types T0... appear in
/// a different order in each half, plus the empty type.
private func bigInput(bytes: Int, seed: UInt64, fields: Int = 3) -> [UInt8] {
  var rng = SplitMix64(seed: seed)
  var out: [UInt8] = []
  out.reserveCapacity(bytes + 100)
  var k = 0
  while out.count < bytes {
    let half = out.count < bytes / 2
    let length = 1 + Int(rng.next() % 12)
    for _ in 0..<length {
      let t = half ? Int(rng.next() % 5) : 9 - Int(rng.next() % 5)
      let tags = ["O", "O", "B-T\(t)", "I-T\(t)", "B", "E-T\(t)", "I-T\(t + 1)"]
      let g = tags[Int(rng.next() % UInt64(tags.count))]
      let p = rng.next() % 4 == 0 ? tags[Int(rng.next() % UInt64(tags.count))] : g
      let extra = String(repeating: " x", count: fields - 3)
      out += Array("w\(k)\(extra) \(g) \(p)\n".utf8)
      k += 1
    }
    out.append(0x0A)
  }
  return out
}

private func sequential(_ bytes: [UInt8], options: ConllevalScorer.Options = .init()) throws -> ScoreTable {
  var s = try ConllevalScorer(options: options)
  var number = 0
  try bytes.withUnsafeBufferPointer { try s.addBlock($0, number: &number) }
  return s.finish()
}

private func parallel(_ bytes: [UInt8], options: ConllevalScorer.Options = .init()) throws -> ScoreTable {
  var s = try bytes.withUnsafeBufferPointer { try ParallelScoring.score($0, options: options) }
  return s.finish()
}

/// The error `body` throws, if any.
private func thrown(_ body: () throws -> Void) -> DataError? {
  do { try body() } catch let e as DataError { return e } catch { return DataError(line: -1, "\(error)") }
  return nil
}

@Suite struct ParallelScoringTests {
  @Test func appendGivesTheCountsOfOnePass() throws {
    let head = Array("a B-PER B-PER\nb I-PER O\n\nc B B\n\n".utf8)
    let tail = Array("d B-LOC B-LOC\ne B B-PER\nf O B\n".utf8)
    var first = try ConllevalScorer()
    try head.withUnsafeBufferPointer { try first.chooseDelimiter(forFirstLine: UnsafeBufferPointer(rebasing: $0[0..<13])) }
    var second = first
    var n1 = 0, n2 = 0
    try head.withUnsafeBufferPointer { try first.addBlock($0, number: &n1) }
    try tail.withUnsafeBufferPointer { try second.addBlock($0, number: &n2) }
    let appended = first.append(second)
    #expect(appended)
    let whole = try sequential(head + tail)
    let joined = first.finish()
    #expect(summary(joined) == summary(whole))
    #expect(ScoreReports.conlleval(joined) == ScoreReports.conlleval(whole))
  }

  @Test func appendRefusesWhenTheFirstPartIsInsideAChunk() throws {
    var first = try ConllevalScorer()
    var second = try ConllevalScorer()
    var n = 0
    try Array("a B-PER B-PER\n".utf8).withUnsafeBufferPointer { try first.addBlock($0, number: &n) }
    try Array("b I-PER I-PER\n".utf8).withUnsafeBufferPointer { try second.addBlock($0, number: &n) }
    let appended = first.append(second)
    #expect(!appended)
    // Nothing changed: the first part alone.
    #expect(first.finish().tokens == 1)
  }

  @Test func appendRefusesOtherFieldCounts() throws {
    var first = try ConllevalScorer()
    var second = try ConllevalScorer()
    var n = 0
    try Array("a B-PER B-PER\n\n".utf8).withUnsafeBufferPointer { try first.addBlock($0, number: &n) }
    try Array("b x I-PER I-PER\n".utf8).withUnsafeBufferPointer { try second.addBlock($0, number: &n) }
    let appended = first.append(second)
    #expect(!appended)
  }

  @Test func appendRefusesStrictAndRecordedModes() throws {
    for options in [ConllevalScorer.Options.with(strict: .iob2), .with(recordSpans: true)] {
      var first = try ConllevalScorer(options: options)
      let second = try ConllevalScorer(options: options)
      #expect(!first.canSplit)
      let appended = first.append(second)
      #expect(!appended)
    }
  }

  @Test func cutPointIsAfterABlankLineFromTheMiddle() {
    let bytes = Array("a O O\n\nb O O\nc O O\n\nd O O\n".utf8)
    let cut = bytes.withUnsafeBufferPointer { ParallelScoring.cutPoint($0) }
    #expect(cut == 20)
    #expect(Array("x\ny\n".utf8).withUnsafeBufferPointer { ParallelScoring.cutPoint($0) } == nil)
  }

  @Test(arguments: [1, 2] as [UInt64])
  func bigInputGivesTheSameCounts(seed: UInt64) throws {
    let bytes = bigInput(bytes: ParallelScoring.minimumSize + 4096, seed: seed)
    let one = try sequential(bytes)
    let two = try parallel(bytes)
    #expect(summary(two) == summary(one))
    #expect(two.tokens > 50_000)
  }

  @Test func bigInputWithATabDelimiter() throws {
    let bytes = bigInput(bytes: ParallelScoring.minimumSize + 10, seed: 3).map { $0 == 0x20 ? 0x09 : $0 }
    #expect(try summary(parallel(bytes)) == summary(sequential(bytes)))
  }

  @Test func anErrorInTheSecondHalfIsReportedAsInOnePass() throws {
    var bytes = bigInput(bytes: ParallelScoring.minimumSize + 10, seed: 4)
    let at = bytes.count * 3 / 4
    let lineStart = bytes[..<at].lastIndex(of: 0x0A)! + 1
    bytes.insert(contentsOf: Array("bad line with too many fields\n".utf8), at: lineStart)
    let expected = thrown { _ = try sequential(bytes) }
    #expect(expected != nil)
    #expect(thrown { _ = try parallel(bytes) } == expected)
  }

  @Test func otherFieldCountsInTheSecondHalfAreAnErrorAsInOnePass() throws {
    let head = bigInput(bytes: ParallelScoring.minimumSize, seed: 5)
    let tail = bigInput(bytes: ParallelScoring.minimumSize / 4, seed: 6, fields: 4)
    let bytes = head + tail
    // The second half starts inside `head`'s blank lines, so its first lines have 3 fields
    // like the first half's; make sure the cut is where we think.
    let cut = bytes.withUnsafeBufferPointer { ParallelScoring.cutPoint($0) }
    #expect(cut != nil && cut! < head.count)
    let expected = thrown { _ = try sequential(bytes) }
    #expect(expected?.message == "unexpected number of fields: 4 where line 1 has 3")
    #expect(thrown { _ = try parallel(bytes) } == expected)
  }

  @Test func theCutRightWhereOtherFieldCountsStart() throws {
    // Both halves are consistent on their own, but disagree on the number of fields:
    // the result must be the one-pass error.
    let head = bigInput(bytes: ParallelScoring.minimumSize / 2 + 1, seed: 7)
    #expect(head.suffix(2) == [0x0A, 0x0A])
    // A tail of 4-field lines (no blank line) making the middle fall on head's last blank line.
    let length = head.count - 4
    let lines = (length - 7) / 8
    let pad = (length - 7) - 8 * lines
    let tail = Array((String(repeating: "t x O O\n", count: lines) + "t" + String(repeating: "y", count: pad) + " x O O\n").utf8)
    let bytes = head + tail
    #expect(bytes.withUnsafeBufferPointer { ParallelScoring.cutPoint($0) } == head.count)
    let expected = thrown { _ = try sequential(bytes) }
    #expect(expected?.message == "unexpected number of fields: 4 where line 1 has 3")
    #expect(thrown { _ = try parallel(bytes) } == expected)
  }

  @Test func smallInputsAreScoredInOnePass() throws {
    let bytes = Array("a B-PER B-PER\n\nb O B-LOC\n".utf8)
    #expect(try summary(parallel(bytes)) == summary(sequential(bytes)))
  }
}
