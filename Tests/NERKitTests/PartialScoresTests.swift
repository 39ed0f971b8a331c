import Testing

@testable import NERKit

/// Partial credit (MUC / SemEval-2013, nervaluate's definitions), one category at a time,
/// with counts computed by hand.
struct PartialScoresTests {
  func span(_ s: Int, _ e: Int, _ t: String) -> Span { Span(start: s, end: e, type: t) }

  func scores(gold: [Span], guess: [Span]) -> PartialScores {
    var p = PartialScores()
    p.add(SentenceEntities(gold: gold, guess: guess, correct: 0))
    return p
  }

  func counts(_ c: PartialScores.Counts) -> [Int] { [c.correct, c.incorrect, c.partial, c.missed, c.spurious] }

  @Test func exactMatchIsCorrectInEverySchema() {
    let p = scores(gold: [span(0, 2, "PER")], guess: [span(0, 2, "PER")])
    for schema in PartialScores.Schema.allCases { #expect(counts(p[schema]) == [1, 0, 0, 0, 0]) }
    #expect(p.strict.prf.f == 100)
  }

  @Test func spuriousAndMissedCountInEverySchema() {
    let p = scores(gold: [span(0, 1, "PER")], guess: [span(2, 3, "LOC")])
    for schema in PartialScores.Schema.allCases {
      #expect(counts(p[schema]) == [0, 0, 0, 1, 1])
      #expect(p[schema].possible == 1 && p[schema].actual == 1)
    }
  }

  @Test func sameBoundariesOtherTypeIsIncorrectInStrictAndType() {
    let p = scores(gold: [span(1, 3, "PER")], guess: [span(1, 3, "ORG")])
    #expect(counts(p.strict) == [0, 1, 0, 0, 0])
    #expect(counts(p.exact) == [1, 0, 0, 0, 0])
    #expect(counts(p.partial) == [1, 0, 0, 0, 0])
    #expect(counts(p.type) == [0, 1, 0, 0, 0])
  }

  @Test func overlapWithTheSameTypeIsPartialAndTypeCorrect() {
    let p = scores(gold: [span(1, 3, "PER")], guess: [span(2, 4, "PER")])
    #expect(counts(p.strict) == [0, 1, 0, 0, 0])
    #expect(counts(p.exact) == [0, 1, 0, 0, 0])
    #expect(counts(p.partial) == [0, 0, 1, 0, 0])
    #expect(counts(p.type) == [1, 0, 0, 0, 0])
    // A partial counts half: (0 + 0.5) / 1.
    #expect(p.partial.prf.p == 50 && p.partial.prf.r == 50)
  }

  @Test func overlapWithAnotherTypeIsPartialAndTypeIncorrect() {
    let p = scores(gold: [span(1, 3, "PER")], guess: [span(0, 2, "LOC")])
    #expect(counts(p.strict) == [0, 1, 0, 0, 0])
    #expect(counts(p.exact) == [0, 1, 0, 0, 0])
    #expect(counts(p.partial) == [0, 0, 1, 0, 0])
    #expect(counts(p.type) == [0, 1, 0, 0, 0])
  }

  @Test func eachGoldEntityIsMatchedOnce() {
    // Two guesses overlap one gold entity: the first is matched with it, the second is
    // spurious (nervaluate 1.x matches one to one).
    let p = scores(gold: [span(0, 3, "PER")], guess: [span(0, 1, "PER"), span(2, 3, "PER")])
    #expect(counts(p.partial) == [0, 0, 1, 0, 1])
    #expect(counts(p.strict) == [0, 1, 0, 0, 1])
    // A guess over two gold entities meets the first; the second is missed.
    let q = scores(gold: [span(0, 2, "PER"), span(2, 4, "LOC")], guess: [span(1, 3, "LOC")])
    #expect(counts(q.strict) == [0, 1, 0, 1, 0])
    // The type schema prefers an overlapping entity of the guess's type.
    #expect(counts(q.type) == [1, 0, 0, 1, 0])
    let both = SentenceEntities(gold: [span(0, 2, "PER"), span(2, 4, "LOC")], guess: [span(1, 3, "LOC")], correct: 0)
    #expect(EntityMatching(both, schema: .type).guesses == [.correct(1)])
    #expect(EntityMatching(both, schema: .type).missed == [0])
  }

  @Test func anExactMatchIsPreferredToAnEarlierOverlap() {
    let s = SentenceEntities(gold: [span(0, 2, "PER"), span(1, 3, "LOC")], guess: [span(1, 3, "LOC")], correct: 0)
    #expect(EntityMatching(s, schema: .strict).guesses == [.correct(1)])
    #expect(EntityMatching(s, schema: .strict).missed == [0])
  }

  @Test func sentenceEntitiesFollowConllevalsChunking() throws {
    // An I- tag after O starts a chunk, as in conlleval.pl.
    let e = try SentenceEntities(gold: ["I-PER", "I-PER", "O"], guess: ["B-PER", "O", "I-LOC"], lines: [], options: .init())
    #expect(e.gold == [span(0, 2, "PER")])
    #expect(e.guess == [span(0, 1, "PER"), span(2, 3, "LOC")])
    #expect(e.correct == 0)
  }
}
