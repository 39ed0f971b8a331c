import Foundation
import Testing

@testable import NERKit

/// Two sentences: PER right, LOC guessed as ORG (same extent), a 3-token ORG missed,
/// a spurious LOC.
private let mixed = "a B-PER B-PER\nb I-PER I-PER\nc O O\nd B-LOC B-ORG\n\ne B-ORG O\nf I-ORG O\ng I-ORG O\nh O B-LOC\n"

private func table(_ text: String = mixed, strict: TagScheme? = nil) throws -> ScoreTable {
  try score(text, options: .with(strict: strict, recordSpans: true))
}

/// `count` sentences of two entities each; the guess finds every PER and every other LOC.
private func manySentences(_ count: Int) -> String {
  (0..<count).map { k in
    "w B-PER B-PER\nw I-PER I-PER\nw O O\nw B-LOC \(k % 2 == 0 ? "B-LOC" : "O")\n"
  }.joined(separator: "\n")
}

private func parseJSON(_ text: String) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(object as? [String: Any])
}

@Suite struct ExtendedReportsTests {
  @Test func spansOfTheMixedInput() throws {
    let t = try table()
    #expect(t.named(t.goldSpans) == [
      Span(start: 0, end: 2, type: "PER"), Span(start: 3, end: 4, type: "LOC"), Span(start: 5, end: 8, type: "ORG"),
    ])
    #expect(t.named(t.guessSpans) == [
      Span(start: 0, end: 2, type: "PER"), Span(start: 3, end: 4, type: "ORG"), Span(start: 8, end: 9, type: "LOC"),
    ])
    #expect(t.named(t.correctSpans) == [Span(start: 0, end: 2, type: "PER")])
  }

  @Test func byLengthBuckets() throws {
    let b = ExtendedReports.byLength(try table())
    #expect(b == [
      ExtendedReports.Counts(gold: 1, guessed: 2, correct: 0),
      ExtendedReports.Counts(gold: 1, guessed: 1, correct: 1),
      ExtendedReports.Counts(gold: 1, guessed: 0, correct: 0),
    ])
    #expect(b[1].prf.f == 100)
    #expect(ExtendedReports.lengthBuckets == ["1", "2", "3+"])
  }

  @Test func longEntitiesShareTheLastBucket() throws {
    let t = try table("a B-X B-X\nb I-X I-X\nc I-X I-X\nd I-X I-X\ne I-X O\n")
    #expect(ExtendedReports.byLength(t)[2] == ExtendedReports.Counts(gold: 1, guessed: 1, correct: 0))
    #expect(ExtendedReports.byLength(t)[0] == ExtendedReports.Counts())
  }

  @Test func byLengthText() throws {
    let text = String(decoding: ExtendedReports.text(try table(), byLength: true, confusion: false, bootstrap: nil), as: UTF8.self)
    #expect(text == """
      by entity length (tokens):
               length 1: precision:   0.00%; recall:   0.00%; FB1:   0.00  gold 1 found 2 correct 0
               length 2: precision: 100.00%; recall: 100.00%; FB1: 100.00  gold 1 found 1 correct 1
              length 3+: precision:   0.00%; recall:   0.00%; FB1:   0.00  gold 1 found 0 correct 0

      """)
  }

  @Test func confusionMatrixWithMissedAndSpurious() throws {
    let t = try table()
    let c = ExtendedReports.confusion(t)
    #expect(c.types.map { t.name($0) } == ["LOC", "ORG", "PER"])
    #expect(c.matrix == [[0, 1, 0], [0, 0, 0], [0, 0, 1]])
    #expect(c.missed == [0, 1, 0])
    #expect(c.spurious == [1, 0, 0])
  }

  @Test func confusionText() throws {
    let text = String(decoding: ExtendedReports.text(try table(), byLength: false, confusion: true, bootstrap: nil), as: UTF8.self)
    let lines = text.split(separator: "\n").map(String.init)
    try #require(lines.count == 6)
    #expect(lines[0] == "type confusion (rows gold, columns guessed; spans with the same boundaries):")
    // Rows: a label, one count per guessed type, then missed (the spurious row has no missed).
    #expect(lines[2].split(separator: " ") == ["LOC", "0", "1", "0", "0"])
    #expect(lines[3].split(separator: " ") == ["ORG", "0", "0", "0", "1"])
    #expect(lines[4].split(separator: " ") == ["PER", "0", "0", "1", "0"])
    #expect(lines[5].split(separator: " ") == ["spurious", "1", "0", "0"])
  }

  @Test func bootstrapIsReproducible() throws {
    let t = try table(manySentences(40))
    let a = ExtendedReports.bootstrap(t, samples: 500, seed: 7)
    let b = ExtendedReports.bootstrap(t, samples: 500, seed: 7)
    #expect(a.low == b.low && a.high == b.high && a.sentences == b.sentences)
    #expect(a.sentences == 40)
    // Another seed draws other samples.
    let others = [1, 2, 3, 4].map { ExtendedReports.bootstrap(t, samples: 500, seed: $0) }
    #expect(others.contains { $0.low != a.low || $0.high != a.high })
  }

  @Test(arguments: [1, 42, 2024] as [UInt64])
  func bootstrapIntervalContainsThePointF1(seed: UInt64) throws {
    let t = try table(manySentences(50))
    let f = t.overall.f
    #expect(abs(f - 2 * 100 * 75 / 175.0) < 1e-9)
    let b = ExtendedReports.bootstrap(t, samples: 1000, seed: seed)
    #expect(b.sentences == 50)
    #expect(b.low <= f && f <= b.high, "[\(b.low), \(b.high)] vs \(f)")
    #expect(b.low < b.high)
    #expect(b.low > 50 && b.high < 100)
  }

  @Test func bootstrapCountsSentencesBetweenBoundaries() throws {
    // Leading, doubled and trailing blank lines do not make sentences.
    let t = try table("\n\na B-X B-X\n\n\n\nb B-X O\n\n")
    #expect(ExtendedReports.bootstrap(t, samples: 10, seed: 1).sentences == 2)
    let none = ExtendedReports.bootstrap(t, samples: 0, seed: 1)
    #expect(none.low == 0 && none.high == 0)
  }

  @Test func bootstrapOfAPerfectGuessIsExact() throws {
    let t = try table("a B-X B-X\n\nb B-Y B-Y\nc I-Y I-Y\n")
    let b = ExtendedReports.bootstrap(t, samples: 200, seed: 3)
    #expect(b.low == 100 && b.high == 100)
  }

  @Test func bootstrapText() throws {
    let t = try table(manySentences(10))
    let text = String(decoding: ExtendedReports.text(t, byLength: false, confusion: false, bootstrap: (100, 5)), as: UTF8.self)
    #expect(text.hasPrefix("bootstrap: FB1 95% confidence interval ["))
    #expect(text.hasSuffix("] (100 samples of 10 sentences, seed 5)\n"))
  }

  @Test func jsonParsesAndHasTheExpectedKeys() throws {
    let t = try table()
    let json = ExtendedReports.json(t, byLength: true, confusion: true, bootstrap: (200, 11))
    #expect(json.hasSuffix("}\n"))
    let o = try parseJSON(json)
    #expect(Set(o.keys) == [
      "tokens", "phrases", "found", "correct", "accuracy", "precision", "recall", "f1", "types", "micro", "macro",
      "by_length", "confusion", "bootstrap",
    ])
    #expect(o["tokens"] as? Int == 8)
    #expect(o["phrases"] as? Int == 3)
    #expect(o["found"] as? Int == 3)
    #expect(o["correct"] as? Int == 1)
    #expect(o["accuracy"] as? Double == 37.5)
    #expect(abs((o["f1"] as? Double ?? 0) - 33.3333) < 1e-9)

    let types = try #require(o["types"] as? [String: [String: Any]])
    #expect(Set(types.keys) == ["LOC", "ORG", "PER"])
    #expect(types["PER"]?["gold"] as? Int == 1)
    #expect(types["PER"]?["found"] as? Int == 1)
    #expect(types["PER"]?["correct"] as? Int == 1)
    #expect(types["PER"]?["f1"] as? Int == 100)
    #expect(types["ORG"]?["correct"] as? Int == 0)
    for key in ["precision", "recall", "f1"] {
      #expect((o["micro"] as? [String: Any])?[key] != nil)
      #expect((o["macro"] as? [String: Any])?[key] != nil)
    }
    #expect(abs(((o["macro"] as? [String: Any])?["f1"] as? Double ?? 0) - 33.3333) < 1e-9)

    let byLength = try #require(o["by_length"] as? [String: [String: Any]])
    #expect(Set(byLength.keys) == ["1", "2", "3+"])
    #expect(byLength["1"]?["found"] as? Int == 2)
    #expect(byLength["3+"]?["gold"] as? Int == 1)

    let confusion = try #require(o["confusion"] as? [String: Any])
    #expect(confusion["types"] as? [String] == ["LOC", "ORG", "PER"])
    #expect(confusion["matrix"] as? [[Int]] == [[0, 1, 0], [0, 0, 0], [0, 0, 1]])
    #expect(confusion["missed"] as? [Int] == [0, 1, 0])
    #expect(confusion["spurious"] as? [Int] == [1, 0, 0])

    let bootstrap = try #require(o["bootstrap"] as? [String: Any])
    #expect(Set(bootstrap.keys) == ["samples", "seed", "sentences", "f1_low", "f1_high"])
    #expect(bootstrap["samples"] as? Int == 200)
    #expect(bootstrap["seed"] as? Int == 11)
    #expect(bootstrap["sentences"] as? Int == 2)
  }

  @Test func jsonWithoutOptionalParts() throws {
    let o = try parseJSON(ExtendedReports.json(try table(), byLength: false, confusion: false, bootstrap: nil))
    #expect(o["by_length"] == nil && o["confusion"] == nil && o["bootstrap"] == nil && o["invalid_sentences"] == nil)
  }

  @Test func jsonListsTheEmptyTypeOnce() throws {
    let t = try table("a B B\nb O O\n")
    let json = ExtendedReports.json(t, byLength: false, confusion: false, bootstrap: nil)
    #expect(json.components(separatedBy: "\"\":{").count == 2)
    let types = try #require(try parseJSON(json)["types"] as? [String: Any])
    #expect(Array(types.keys) == [""])
  }

  @Test func jsonEscapesTypeNames() throws {
    let t = try table("a B-\"Q\\ B-\"Q\\\n")
    let types = try #require(try parseJSON(ExtendedReports.json(t, byLength: false, confusion: true, bootstrap: nil))["types"] as? [String: Any])
    #expect(Array(types.keys) == ["\"Q\\"])
  }

  @Test func jsonReportsInvalidSentencesInStrictMode() throws {
    let t = try table("a I-X I-X\n\nb B-X B-X\n", strict: .iob2)
    let o = try parseJSON(ExtendedReports.json(t, byLength: true, confusion: true, bootstrap: (50, 1)))
    #expect(o["invalid_sentences"] as? Int == 1)
    #expect(o["phrases"] as? Int == 1)
  }

  @Test func jsonOfAnEmptyInput() throws {
    let o = try parseJSON(ExtendedReports.json(try table(""), byLength: true, confusion: true, bootstrap: (10, 1)))
    #expect(o["tokens"] as? Int == 0)
    #expect(o["f1"] as? Int == 0)
    #expect((o["confusion"] as? [String: Any])?["types"] as? [String] == [])
  }

  @Test func splitMix64IsStable() {
    // Reference values of SplitMix64 for seed 0 (Vigna's splitmix64.c).
    var g = SplitMix64(seed: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
  }
}
