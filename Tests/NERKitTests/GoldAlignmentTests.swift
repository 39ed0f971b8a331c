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
}
