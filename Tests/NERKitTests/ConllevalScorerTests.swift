import Testing

@testable import NERKit

/// Inputs and conlleval.pl's report on them (as printed by conlleval.pl 2004-01-26).
let conllevalCases: [(name: String, input: String, args: ConllevalScorer.Options, report: String)] = [
  (
    "basic", "a B-PER B-PER\nb I-PER I-PER\nc O O\nd B-LOC B-ORG\ne O O\n", .init(),
    """
    processed 5 tokens with 2 phrases; found: 2 phrases; correct: 1.
    accuracy:  80.00%; precision:  50.00%; recall:  50.00%; FB1:  50.00
                  LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  0
                  ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                  PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1

    """
  ),
  (
    "E-X B-X does not split", "a B-PER B-PER\nb E-PER E-PER\nc B-PER B-PER\nd E-PER E-PER\n", .init(),
    """
    processed 4 tokens with 1 phrases; found: 1 phrases; correct: 1.
    accuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00
                  PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1

    """
  ),
  (
    "E-X I-X splits", "a B-PER B-PER\nb E-PER E-PER\nc I-PER I-PER\nd E-PER E-PER\n", .init(),
    """
    processed 4 tokens with 2 phrases; found: 2 phrases; correct: 2.
    accuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00
                  PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2

    """
  ),
  (
    "empty type listed twice", "a B B\nb O O\n", .init(),
    """
    processed 2 tokens with 1 phrases; found: 1 phrases; correct: 1.
    accuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00
                     : precision: 100.00%; recall: 100.00%; FB1: 100.00  1
                     : precision: 100.00%; recall: 100.00%; FB1: 100.00  1

    """
  ),
  (
    "empty type and a named one", "a B B\nb O B-X\n", .init(),
    """
    processed 2 tokens with 1 phrases; found: 2 phrases; correct: 1.
    accuracy:  50.00%; precision:  50.00%; recall: 100.00%; FB1:  66.67
                     : precision: 100.00%; recall: 100.00%; FB1: 100.00  1
                     : precision: 100.00%; recall: 100.00%; FB1: 100.00  1
                    X: precision:   0.00%; recall:   0.00%; FB1:   0.00  1

    """
  ),
  (
    "-X- boundary", "a B-PER B-PER\n-X- O O\nb I-PER I-PER\n", .init(),
    """
    processed 2 tokens with 2 phrases; found: 2 phrases; correct: 2.
    accuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00
                  PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2

    """
  ),
  (
    "I after O and type change", "a O O\nb I-PER I-PER\nc I-LOC I-LOC\nd B-LOC I-LOC\n", .init(),
    """
    processed 4 tokens with 3 phrases; found: 2 phrases; correct: 1.
    accuracy:  75.00%; precision:  50.00%; recall:  33.33%; FB1:  40.00
                  LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                  PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1

    """
  ),
  (
    "raw tags", "a NN NN\nb NN VB\nc O O\n", .with(raw: true),
    """
    processed 3 tokens with 2 phrases; found: 2 phrases; correct: 1.
    accuracy:  66.67%; precision:  50.00%; recall:  50.00%; FB1:  50.00
                   NN: precision: 100.00%; recall:  50.00%; FB1:  66.67  1
                   VB: precision:   0.00%; recall:   0.00%; FB1:   0.00  1

    """
  ),
  (
    "raw tags with another outside tag", "a NN NN\nb - VB\nc - -\n", .with(raw: true, outsideTag: "-"),
    """
    processed 3 tokens with 1 phrases; found: 2 phrases; correct: 1.
    accuracy:  66.67%; precision:  50.00%; recall: 100.00%; FB1:  66.67
                   NN: precision: 100.00%; recall: 100.00%; FB1: 100.00  1
                   VB: precision:   0.00%; recall:   0.00%; FB1:   0.00  1

    """
  ),
  (
    "bracket chunks", "a [-NP [-NP\nb [-NP [-NP\nc ]-NP O\n", .init(),
    """
    processed 3 tokens with 3 phrases; found: 2 phrases; correct: 2.
    accuracy:  66.67%; precision: 100.00%; recall:  66.67%; FB1:  80.00
                   NP: precision: 100.00%; recall:  66.67%; FB1:  80.00  2

    """
  ),
  (
    "dot tags", "a .-PER .-PER\nb .-PER .-PER\n", .init(),
    """
    processed 2 tokens with 0 phrases; found: 0 phrases; correct: 0.
    accuracy: 100.00%; precision:   0.00%; recall:   0.00%; FB1:   0.00

    """
  ),
  ("empty input", "", .init(), "processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n"),
]

/// `text` split at its `\n` bytes (a Swift `Character` split would keep `\r\n` whole).
private func splitLines(_ text: String) -> [String] {
  text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct ConllevalScorerTests {
  @Test(arguments: conllevalCases)
  func reportMatchesConlleval(name: String, input: String, options: ConllevalScorer.Options, report: String) throws {
    let table = try score(input, options: options)
    #expect(String(decoding: ScoreReports.conlleval(table), as: UTF8.self) == report, "\(name)")
  }

  @Test(arguments: conllevalCases)
  func lineByLineGivesTheSameReport(name: String, input: String, options: ConllevalScorer.Options, report: String) throws {
    var lines = splitLines(input)
    if lines.last == "" { lines.removeLast() }
    let table = try scoreLines(lines, options: options)
    #expect(String(decoding: ScoreReports.conlleval(table), as: UTF8.self) == report, "\(name)")
  }

  @Test func countsOnTheBasicInput() throws {
    let t = try score("a B-PER B-PER\nb I-PER I-PER\nc O O\nd B-LOC B-ORG\ne O O\n")
    #expect(t.tokens == 5)
    #expect(t.correctTags == 4)
    #expect(t.foundCorrect == 2)
    #expect(t.foundGuessed == 2)
    #expect(t.correctChunks == 1)
    #expect(t.accuracy == 80)
    #expect(t.overall.p == 50 && t.overall.r == 50 && t.overall.f == 50)
    #expect(t.rows == ["LOC 1 0 0", "ORG 0 1 0", "PER 1 1 1"])
  }

  @Test func emptyTypeIsListedTwice() throws {
    let t = try score("a B B\nb O O\n")
    #expect(t.listing.count == 2)
    #expect(t.listing.allSatisfy { $0.type == 0 })
    #expect(t.rows == [" 1 1 1", " 1 1 1"])
  }

  @Test func typeZeroIsTheEmptyType() throws {
    // Perl truthiness: a type "0" is no type.
    let t = try score("a B-0 B-0\nb O O\n")
    #expect(t.rows == [" 1 1 1", " 1 1 1"])
  }

  @Test func typesAreCompared() throws {
    // Byte-wise: NFC and NFD spellings are two types.
    let t = try score("a B-\u{e9} B-e\u{301}\n")
    #expect(t.correctChunks == 0)
    #expect(t.listing.count == 2)
  }

  @Test func spansAreRecordedOnRequest() throws {
    let t = try score("a B-PER B-PER\nb I-PER O\n\nc B-LOC B-LOC\n", options: .with(recordSpans: true))
    #expect(t.named(t.goldSpans) == [Span(start: 0, end: 2, type: "PER"), Span(start: 3, end: 4, type: "LOC")])
    #expect(t.named(t.guessSpans) == [Span(start: 0, end: 1, type: "PER"), Span(start: 3, end: 4, type: "LOC")])
    #expect(t.named(t.correctSpans) == [Span(start: 3, end: 4, type: "LOC")])
    #expect(t.boundaries == [2])
    #expect(t.positions == 4)
  }

  @Test func tabSeparatedInputIsDetected() throws {
    let tabs = try score("a\tB-PER\tB-PER\nc\tO\tO\n")
    #expect(tabs.foundCorrect == 1)
    #expect(tabs.correctChunks == 1)
    #expect(tabs.tokens == 2)
    // Spaces on the first line too: conlleval's single space wins, so that line has 2 fields.
    #expect(throws: DataError(line: 2, "unexpected number of fields: 1 where line 1 has 2")) {
      try score("a b\tB-PER\tB-PER\nc\tO\tO\n")
    }
  }

  @Test func explicitDelimiter() throws {
    let t = try score("New York\tB-LOC\tB-LOC\nis\tO\tO\n", options: .with(delimiter: "\\t"))
    #expect(t.correctChunks == 1)
    #expect(t.tokens == 2)
    let ws = try score("a  \t B-PER \tB-PER\nb O   O\n", options: .with(delimiter: "\\s+"))
    #expect(ws.correctChunks == 1)
    #expect(ws.tokens == 2)
    #expect(throws: DataError.self) { try ConllevalScorer(options: .with(delimiter: "a|b")) }
  }

  @Test func carriageReturnsStayInTheTag() throws {
    var scorer = try ConllevalScorer()
    try withLineReader("a B-PER B-PER\r\nb O O\r\n") { try scorer.addLines(from: $0) }
    #expect(scorer.sawCarriageReturn)
    let t = scorer.finish()
    #expect(t.typeNames.contains(Array("PER\r".utf8)))
    #expect(t.tokens == 2)
  }

  @Test func fieldCountMismatchIsAnErrorAtItsLine() {
    #expect(throws: DataError(line: 2, "unexpected number of fields: 2 where line 1 has 3")) {
      try score("a B-PER B-PER\nb O\n")
    }
    #expect(throws: DataError(line: 4, "unexpected number of fields: 4 where line 2 has 3")) {
      try score("\na O O\n\nb x O O\n")
    }
    #expect(throws: DataError(line: 1, "unexpected number of fields in line: 1 (conlleval needs a gold and a guessed tag)")) {
      try score("a\n")
    }
  }

  @Test func errorLineNumbersSurviveSmallReadBuffers() {
    let text = String(repeating: "token O O\n", count: 39) + "bad O\n"
    for size in [16, 17, 31, 64] {
      #expect(throws: DataError(line: 40, "unexpected number of fields: 2 where line 1 has 3")) {
        try score(text, bufferSize: size)
      }
    }
  }

  @Test func addTokenMatchesLines() throws {
    var scorer = try ConllevalScorer()
    for (g, p) in [("B-PER", "B-PER"), ("I-PER", "I-PER"), ("O", "B-LOC")] { try scorer.addToken(gold: g, guess: p, line: 0) }
    try scorer.addBoundary()
    try scorer.addToken(gold: "B-LOC", guess: "B-LOC", line: 0)
    let t = scorer.finish()
    #expect(t.foundCorrect == 2)
    #expect(t.foundGuessed == 3)
    #expect(t.correctChunks == 2)
    #expect(t.tokens == 4)
  }

  // MARK: Strict mode

  @Test func strictCountsOnlyWellFormedEntities() throws {
    let input = "a B-PER B-PER\nb I-PER I-PER\nc O O\nd I-LOC I-LOC\ne O O\n"
    let lenient = try score(input)
    #expect(lenient.foundCorrect == 2 && lenient.correctChunks == 2)
    let t = try score(input, options: .with(strict: .iob2))
    #expect(t.foundCorrect == 1)
    #expect(t.foundGuessed == 1)
    #expect(t.correctChunks == 1)
    #expect(t.rows == ["PER 1 1 1"])
    #expect(t.tokens == 5)
  }

  @Test func strictInvalidSentencesCountsSentencesNotColumns() throws {
    // Gold and guess are both invalid in the first sentence; the second is valid.
    let t = try score("a O O\nb I-LOC I-LOC\n\nc B-PER B-PER\n", options: .with(strict: .iob2))
    #expect(t.invalidSentences == 1)
    let two = try score("a I-LOC O\n\nb O I-LOC\n", options: .with(strict: .iob2))
    #expect(two.invalidSentences == 2)
  }

  @Test func strictIOBESAcrossSentences() throws {
    let t = try score("a B-PER B-PER\nb I-PER E-PER\n\nc S-LOC S-LOC\n", options: .with(strict: .iobes))
    #expect(t.foundCorrect == 1)
    #expect(t.foundGuessed == 2)
    #expect(t.correctChunks == 1)
    #expect(t.invalidSentences == 1)
    #expect(t.named(t.goldSpans) == [Span(start: 3, end: 4, type: "LOC")])
    #expect(t.named(t.guessSpans) == [Span(start: 0, end: 2, type: "PER"), Span(start: 3, end: 4, type: "LOC")])
    #expect(t.rows == ["LOC 1 1 1", "PER 0 1 0"])
  }

  @Test func strictSpansUseDocumentPositions() throws {
    let t = try score("x O O\n\n\na B-PER B-PER\nb E-PER E-PER\n", options: .with(strict: .iobes))
    #expect(t.named(t.correctSpans) == [Span(start: 3, end: 5, type: "PER")])
  }

  @Test func strictRejectsNonTags() {
    #expect(throws: DataError(line: 2, "'X' is not a tag (O, or B-, I-, E-, S-, L-, U- and a type)")) {
      try score("a O O\nb X O\n", options: .with(strict: .iob2))
    }
    #expect(throws: DataError(line: 1, "'B' is not a tag (O, or B-, I-, E-, S-, L-, U- and a type)")) {
      try score("a O B\n", options: .with(strict: .iob2))
    }
  }

  @Test func strictWithBoundaryLines() throws {
    let t = try score("a B-PER B-PER\n-X- O O\nb I-PER I-PER\n", options: .with(strict: .iob2))
    // The I-PER after the boundary starts a new sentence: invalid in IOB2.
    #expect(t.foundCorrect == 1)
    #expect(t.correctChunks == 1)
    #expect(t.invalidSentences == 1)
  }

  // MARK: The block scanner agrees with the line-by-line path

  /// A deterministic input with every kind of line conlleval cares about.
  static func mixedInput(separator: String, lines count: Int, seed: UInt64) -> String {
    var rng = SplitMix64(seed: seed)
    let tags = ["O", "O", "O", "B-PER", "I-PER", "E-PER", "B-LOC", "I-LOC", "S-LOC", "B", "I-X-Y", "[-NP", ".-A", "B-0"]
    var out = ""
    for i in 0..<count {
      let r = rng.next() % 100
      if r < 8 {
        out += "\n"
        continue
      }
      if r < 11 {
        out += "-X-\(separator)O\(separator)O\n"
        continue
      }
      let g = tags[Int(rng.next() % UInt64(tags.count))]
      let p = rng.next() % 3 == 0 ? tags[Int(rng.next() % UInt64(tags.count))] : g
      out += "w\(i)\(separator)\(g)\(separator)\(p)"
      let tail = rng.next() % 20
      if tail == 0 { out += separator }  // a trailing empty field, dropped
      if tail == 1 { out += separator + separator }
      if tail == 2 { out += "\r" }
      out += "\n"
    }
    out += "last\(separator)B-PER\(separator)B-PER"  // no final newline
    return out
  }

  private static func summary(_ t: ScoreTable) -> String {
    "\(t.tokens) \(t.correctTags) \(t.foundCorrect) \(t.foundGuessed) \(t.correctChunks) \(t.rows) "
      + "\(t.named(t.goldSpans)) \(t.named(t.guessSpans)) \(t.named(t.correctSpans)) \(t.boundaries) \(t.positions)"
  }

  @Test(arguments: [" ", "\t"], [16, 17, 29, 64, 1 << 16])
  func blockScannerMatchesLineByLine(separator: String, bufferSize: Int) throws {
    for seed: UInt64 in [1, 2, 3] {
      let input = Self.mixedInput(separator: separator, lines: 400, seed: seed)
      let lines = splitLines(input)
      let options = ConllevalScorer.Options.with(recordSpans: true)
      let expected = try scoreLines(lines, options: options)
      let got = try score(input, options: options, bufferSize: bufferSize)
      #expect(Self.summary(got) == Self.summary(expected), "seed \(seed)")
    }
  }

  @Test func blockScannerMatchesLineByLineWithARegexDelimiter() throws {
    let input = Self.mixedInput(separator: " ", lines: 300, seed: 9)
    let lines = splitLines(input)
    let options = ConllevalScorer.Options.with(delimiter: " +", recordSpans: true)
    #expect(try Self.summary(score(input, options: options, bufferSize: 32)) == Self.summary(scoreLines(lines, options: options)))
  }
}

@Suite struct ScoreTableTests {
  @Test func prfAsConllevalComputesIt() {
    let m = ScoreTable.prf(correct: 1, guessed: 2, gold: 4)
    #expect(m.p == 50)
    #expect(m.r == 25)
    #expect(abs(m.f - 100.0 / 3) < 1e-9)
    let zero = ScoreTable.prf(correct: 0, guessed: 0, gold: 0)
    #expect(zero.p == 0 && zero.r == 0 && zero.f == 0)
  }

  @Test func cFormatRoundsLikePrintf() {
    #expect(CFormat.format("%6.2f", 66.666666) == " 66.67")
    #expect(CFormat.format("%.2f", 0.125) == "0.12")  // binary 0.125, round-half-even
    #expect(CFormat.format("%d%%", 7) == "7%")
    #expect(CFormat.pad(Array("ab".utf8), 4) == Array("  ab".utf8))
    #expect(CFormat.pad(Array("ab".utf8), 4, left: true) == Array("ab  ".utf8))
    #expect(CFormat.pad(Array("abcdef".utf8), 4) == Array("abcdef".utf8))
  }

  @Test func latexReport() throws {
    let t = try score("a B-PER B-PER\nb O B-LOC\n")
    let expected = "        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline\nLOC     &    0.00\\% &   0.00\\% &   0.00 \\\\\nPER     &  100.00\\% & 100.00\\% & 100.00 \\\\\\hline\nOverall &   50.00\\% & 100.00\\% &  66.67 \\\\\\hline\n"
    #expect(String(decoding: ScoreReports.latex(t), as: UTF8.self) == expected)
  }
}
