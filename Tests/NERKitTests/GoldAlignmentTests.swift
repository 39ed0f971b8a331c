import Testing

@testable import NERKit

/// GoldAlignment: predictions scored against a separate gold file.
struct GoldAlignmentTests {
  func sentence(_ text: String) throws -> Sentence { try #require(sentences(try readCoNLL(text)).first) }

  @Test func scoresThePredictionColumnAgainstGoldTags() throws {
    var scorer = try ConllevalScorer(options: .init())
    let gold = try sentence("Ana B-PER\nvive O\n")
    try GoldAlignment.score(prediction: try sentence("Ana B-PER B-PER\nvive O O\n"), gold: gold, goldName: "g", into: &scorer)
    let table = scorer.finish()
    #expect(table.tokens == 2)
  }

  @Test func namesTheSideAndLineOfAMismatch() throws {
    var scorer = try ConllevalScorer(options: .init())
    let gold = try sentence("Ana B-PER\nvive O\n")
    #expect(throws: GoldAlignment.Mismatch(.prediction, line: 2, "token 'vivo' differs from the gold token 'vive' at g:2")) {
      try GoldAlignment.score(prediction: try sentence("Ana B-PER\nvivo O\n"), gold: gold, goldName: "g", into: &scorer)
    }
    #expect(throws: GoldAlignment.Mismatch(.gold, line: 1, "no gold tag column")) {
      try GoldAlignment.score(prediction: try sentence("Ana B-PER\n"), gold: try sentence("Ana\n"), goldName: "g", into: &scorer)
    }
  }

  func jsonl(_ text: String) throws -> Sentence { try #require(sentences(try readJSONL(text)).first) }

  func characters(_ pred: Sentence, _ gold: Sentence, _ options: ConllevalScorer.Options = .init()) throws -> CharacterAlignment {
    guard case .characters(let a, _) = try GoldAlignment.pair(prediction: pred, gold: gold, goldName: "g", options: options) else {
      Issue.record("expected an alignment by characters")
      return CharacterAlignment(text: "", goldOffsets: [], goldSpans: [], guessOffsets: [], guessSpans: [])
    }
    return a
  }

  @Test func pairsSameTokensTokenByToken() throws {
    let gold = try sentence("# text = Ana vive\nAna B-PER\nvive O\n")
    let pairing = try GoldAlignment.pair(prediction: try sentence("Ana B-PER B-PER\nvive O O\n"), gold: gold, goldName: "g", options: .init())
    guard case .tokens(let g, let p) = pairing else { Issue.record("expected tokens"); return }
    #expect(g == ["B-PER", "O"] && p == ["B-PER", "O"])
  }

  @Test func scoresDifferentTokenizationsByCharacterExtent() throws {
    let text = "# text = Ana García vive en Valencia.\n"
    let gold = try sentence(text + "Ana B-PER\nGarcía I-PER\nvive O\nen O\nValencia. B-LOC\n")
    let pred = try sentence(text + "Ana X B-PER\nGarc X I-PER\nía X I-PER\nvive X O\nen X O\nValencia X B-LOC\n. X O\n")
    let a = try characters(pred, gold)
    // Pieces: Ana, Garc, ía, vive, en, Valencia, "."
    #expect(a.pieces == [0..<3, 4..<8, 8..<10, 11..<15, 16..<18, 19..<27, 27..<28])
    #expect(a.gold == [Span(start: 0, end: 3, type: "PER"), Span(start: 5, end: 7, type: "LOC")])
    #expect(a.guess == [Span(start: 0, end: 3, type: "PER"), Span(start: 5, end: 6, type: "LOC")])
    #expect(a.correct == 1)
    #expect(a.goldOffBoundary == 0 && a.guessOffBoundary == 1)
    #expect(a.text(5, 7) == "Valencia.")
    var scorer = try ConllevalScorer(options: .init())
    try scorer.addSpans(count: a.pieces.count, gold: a.gold, guess: a.guess)
    let t = scorer.finish()
    #expect((t.tokens, t.foundCorrect, t.foundGuessed, t.correctChunks) == (7, 2, 2, 1))
    #expect(t.correctTags == 6)
  }

  @Test func strictSchemeSpansCountAsTheirExtents() throws {
    var o = ConllevalScorer.Options()
    o.strictScheme = .iobes
    let text = "# text = Ana García vive\n"
    let gold = try sentence(text + "Ana B-PER\nGarcía E-PER\nvive O\n")
    let pred = try sentence(text + "Ana X B-PER\nGarc X I-PER\nía X E-PER\nvive X S-PER\n")
    let a = try characters(pred, gold, o)
    var scorer = try ConllevalScorer(options: o)
    try scorer.addSpans(count: a.pieces.count, gold: a.gold, guess: a.guess)
    let t = scorer.finish()
    #expect((t.foundCorrect, t.foundGuessed, t.correctChunks) == (1, 2, 1))
  }

  @Test func usesOffsetsWhenGiven() throws {
    // Masked tokens ('url') are placed by their offsets.
    let pred = try jsonl(#"{"text":"see http://a.b now","tokens":["see","url","now"],"offsets":[[0,3],[4,14],[15,18]],"pred":["O","B-URL","O"]}"#)
    let gold = try sentence("# text = see http://a.b now\nsee O\nhttp://a.b B-URL\nnow O\n")
    let a = try characters(pred, gold)
    #expect(a.gold == [Span(start: 1, end: 2, type: "URL")])
    #expect(a.guess == [Span(start: 1, end: 2, type: "URL")])
  }

  @Test func locatesNFCTokensInNFDText() throws {
    let nfd = "Garci\u{301}a vive"
    let s = try sentence("# text = \(nfd)\nGarc\u{ED}a O\nvive O\n")
    #expect(try TokenOffsets.of(s, text: nfd) == [0..<7, 8..<12])
  }

  @Test func refusesWhatCannotBeAligned() throws {
    let gold = try sentence("# text = Ana vive\nAna B-PER\nvive O\n")
    #expect(throws: GoldAlignment.Mismatch(.prediction, line: 1, "the sentence text differs from the text of the gold sentence at g:1 (sentences are paired in order)")) {
      try GoldAlignment.pair(prediction: try sentence("# text = Ana vivía\nAna B-PER\nviv O\nía O\n"), gold: gold, goldName: "g", options: .init())
    }
    #expect(throws: GoldAlignment.Mismatch(.prediction, line: 3, "token 1 ('viva') is not the next word of the sentence text at character 2 ('a vive'); give 'offsets' or a text its tokens are cut from")) {
      try GoldAlignment.pair(prediction: try sentence("# text = Ana vive\nAn B-PER\nviva O\n"), gold: gold, goldName: "g", options: .init())
    }
    #expect(throws: GoldAlignment.Mismatch(.prediction, line: 1, "sentence has 3 tokens where the gold sentence at g:1 has 2; to score different tokenizations by characters both need the sentence text ('# text' or JSONL 'text'): the prediction has none")) {
      try GoldAlignment.pair(prediction: try sentence("An B-PER\na O\nvive O\n"), gold: gold, goldName: "g", options: .init())
    }
    let badOffsets = try jsonl(#"{"text":"Ana vive","tokens":["Ana","vive"],"offsets":[[0,3],[2,8]],"pred":["O","O"]}"#)
    #expect(throws: GoldAlignment.Mismatch.self) {
      try GoldAlignment.pair(prediction: badOffsets, gold: try sentence("# text = Ana vive\nA O\nna O\nvive O\n"), goldName: "g", options: .init())
    }
  }

  @Test func parsesOffsets() {
    #expect(TokenOffsets.parse("[[0, 3],[4,10]]")!.map { [$0.0, $0.1] } == [[0, 3], [4, 10]])
    #expect(TokenOffsets.parse("[]")!.isEmpty)
    #expect(TokenOffsets.parse("[[0,3]") == nil)
    #expect(TokenOffsets.parse("[[0,-3]]") == nil)
    #expect(TokenOffsets.parse("[[0,99999999999999999999]]") == nil)
  }
}
