import Testing

@testable import NERKit

/// A word-vector table for tests.
struct TestVectors: TranslationVectors {
  var table: [String: [Float]]
  func vector(for word: String) -> [Float]? { table[word] }
}

/// Choosing among translations by the reverse-translation score.
struct ReverseTranslationScorerTests {
  /// English `bank` between German `Bank` (money) and `Ufer` (river), in two dimensions:
  /// x is rivers, y is money. The source vectors are already in the target space.
  static let source = TestVectors(table: [
    "bank": [0.6, 0.8], "river": [1, 0], "money": [0, 1], "fish": [0.8, 0.6],
  ])
  static let target = TestVectors(table: ["ufer": [1, 0], "bank": [0, 1], "fluss": [1, 0], "geld": [0, 1]])
  static let scorer = ReverseTranslationScorer(source: source, target: target)
  static let candidates = [["bank"], ["ufer"]]

  static func choice(_ sentence: String, at i: Int, _ candidates: [[String]] = candidates, scorer: ReverseTranslationScorer = scorer) -> Int {
    let tokens = sentence.split(separator: " ").map(String.init)
    return scorer.choose(candidates, at: i, sourceVectors: scorer.sourceVectors(for: tokens))
  }

  @Test func scoresAsTheFormulaSays() {
    let v = Self.scorer.sourceVectors(for: ["the", "river", "bank"])
    #expect(v[0] == nil)
    // 0.5 · cos(bank, ufer) + 0.5 · cos(ufer, river) / (1 + 1)²  =  0.5 · 0.6 + 0.5 · 0.25
    #expect(abs(Self.scorer.score(["ufer"], at: 2, sourceVectors: v) - 0.425) < 1e-6)
    #expect(abs(Self.scorer.score(["bank"], at: 2, sourceVectors: v) - 0.4) < 1e-6)
    // Distance 2 weighs 1/9: 0.5 · 0.6 + 0.5 · (1/9).
    let far = Self.scorer.sourceVectors(for: ["river", "the", "bank"])
    #expect(abs(Self.scorer.score(["ufer"], at: 2, sourceVectors: far) - (0.3 + 0.5 / 9)) < 1e-6)
    #expect(Self.scorer.score(["nix"], at: 2, sourceVectors: v) == -.infinity)
  }

  @Test func contextChangesTheChoice() {
    #expect(Self.choice("bank", at: 0) == 0)  // alone: bank is closer to Bank
    #expect(Self.choice("the river bank", at: 2) == 1)  // Ufer
    #expect(Self.choice("the bank of money", at: 1) == 0)
    #expect(Self.choice("RIVER Bank", at: 1) == 1)  // lookups fall back to lowercase
    // Without a window the river does not count; two positions away it counts too little.
    var narrow = Self.scorer
    narrow.window = 0
    #expect(Self.choice("the river bank", at: 2, scorer: narrow) == 0)
    #expect(Self.choice("river the bank", at: 2) == 0)
    // With alpha 1 only the word itself counts.
    var own = Self.scorer
    own.alpha = 1
    #expect(Self.choice("the river bank", at: 2, scorer: own) == 0)
  }

  @Test func candidatesWithoutVectors() {
    // One without a vector loses even when listed first.
    #expect(Self.choice("bank", at: 0, [["nix"], ["ufer"]]) == 1)
    // None with a vector: the first listed.
    #expect(Self.choice("the river bank", at: 2, [["nix"], ["nada"]]) == 0)
    // A source word without a vector still gets its context's choice.
    #expect(Self.choice("river unknown", at: 1) == 1)
    // Fewer than two candidates.
    #expect(Self.choice("bank", at: 0, [["ufer"]]) == 0)
  }

  @Test func tiesGoToTheEarlierListed() {
    #expect(Self.choice("bank", at: 0, [["ufer"], ["fluss"]]) == 0)
    #expect(Self.choice("bank", at: 0, [["fluss"], ["ufer"]]) == 0)
  }

  @Test func multiWordCandidatesUseTheMeanOfTheirWordsVectors() {
    // "fluss ufer" averages to (1, 0); "geld nix" is geld alone, (0, 1).
    #expect(Self.scorer.targetVector(for: ["fluss", "nix", "ufer"]) == [1, 0])
    #expect(Self.scorer.targetVector(for: ["ufer", "geld"]) == [0.5, 0.5])
    #expect(Self.scorer.targetVector(for: ["nix"]) == nil)
    #expect(Self.choice("the river bank", at: 2, [["geld", "nix"], ["fluss", "ufer"]]) == 1)
  }

  @Test func emptySentenceAndOddDimensions() {
    let s = ReverseTranslationScorer(source: TestVectors(table: ["a": [1, 0, 0]]), target: TestVectors(table: ["x": [1, 0], "y": [0, 1, 0]]))
    let v = s.sourceVectors(for: ["a"])
    #expect(s.score(["x"], at: 0, sourceVectors: v) == 0)  // lengths differ: cosine 0
    #expect(s.score(["y"], at: 0, sourceVectors: v) == 0)
    #expect(s.score(["y"], at: 0, sourceVectors: []) == 0)
  }
}
