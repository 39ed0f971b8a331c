import Testing

@testable import NERKit

/// Case patterns of source tokens, and tags expanded over multi-word translations.
struct TranslationCaseAndTagTests {
  @Test(arguments: [
    ("Paris", CasePattern.title), ("McDonald", .title), ("I", .title), ("A", .title), ("É", .title),
    ("NATO", .upper), ("UK", .upper), ("H2O", .upper), ("ÉCOLE", .upper), ("U.S.", .upper),
    ("paris", .lower), ("iPhone", .lower), ("123", .lower), (",", .lower), ("", .lower), ("é", .lower),
    ("3M", .title), ("USA's", .title),
  ])
  func patterns(token: String, pattern: CasePattern) {
    #expect(CasePattern(of: token) == pattern)
  }

  @Test func applyingPatterns() {
    #expect(CasePattern.lower.apply(to: ["nowy", "Jork"]) == ["nowy", "Jork"])
    #expect(CasePattern.title.apply(to: ["nowy", "jork"]) == ["Nowy", "jork"])
    #expect(CasePattern.title.apply(to: ["école"]) == ["École"])
    #expect(CasePattern.title.apply(to: ["l'homme"]) == ["L'homme"])
    #expect(CasePattern.title.apply(to: []) == [])
    #expect(CasePattern.title.apply(to: [""]) == [""])
    #expect(CasePattern.upper.apply(to: ["nowy", "jork"]) == ["NOWY", "JORK"])
    #expect(CasePattern.upper.apply(to: ["straße"]) == ["STRASSE"])
  }

  @Test(arguments: [
    ("O", "O O O"), ("B-LOC", "B-LOC I-LOC I-LOC"), ("I-LOC", "I-LOC I-LOC I-LOC"),
    ("E-LOC", "I-LOC I-LOC E-LOC"), ("L-LOC", "I-LOC I-LOC L-LOC"),
    ("S-LOC", "B-LOC I-LOC E-LOC"), ("U-LOC", "B-LOC I-LOC L-LOC"), ("B-ORG-GOV", "B-ORG-GOV I-ORG-GOV I-ORG-GOV"),
  ])
  func expansionToThree(tag: String, expected: String) {
    #expect(Tag(parsing: tag)!.expanded(to: 3).map(\.description).joined(separator: " ") == expected)
  }

  @Test func expansionToTwoOneAndNone() {
    #expect(Tag(parsing: "S-PER")!.expanded(to: 2).map(\.description) == ["B-PER", "E-PER"])
    #expect(Tag(parsing: "U-PER")!.expanded(to: 2).map(\.description) == ["B-PER", "L-PER"])
    #expect(Tag(parsing: "E-PER")!.expanded(to: 2).map(\.description) == ["I-PER", "E-PER"])
    for t in ["O", "B-PER", "I-PER", "E-PER", "S-PER", "L-PER", "U-PER"] {
      #expect(Tag(parsing: t)!.expanded(to: 1).map(\.description) == [t])
      #expect(Tag(parsing: t)!.expanded(to: 0).isEmpty)
    }
  }
}
