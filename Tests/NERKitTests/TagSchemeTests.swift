import Testing

@testable import NERKit

@Suite struct TagSchemeTests {
  /// PER 0..<2, PER 2..<3 (adjacent, same type), LOC 4..<5, ORG 5..<6 (adjacent, other type) over 7 tokens.
  static let spans = [
    Span(start: 0, end: 2, type: "PER"), Span(start: 2, end: 3, type: "PER"),
    Span(start: 4, end: 5, type: "LOC"), Span(start: 5, end: 6, type: "ORG"),
  ]

  @Test(arguments: [
    (TagScheme.iob1, "I-PER I-PER B-PER O I-LOC I-ORG O"),
    (.iob2, "B-PER I-PER B-PER O B-LOC B-ORG O"),
    (.iobes, "B-PER E-PER S-PER O S-LOC S-ORG O"),
    (.bilou, "B-PER L-PER U-PER O U-LOC U-ORG O"),
    (.io, "I-PER I-PER I-PER O I-LOC I-ORG O"),
  ])
  func tagsForSpans(scheme: TagScheme, expected: String) {
    let out = scheme.tags(for: Self.spans, count: 7).map(\.description).joined(separator: " ")
    #expect(out == expected)
  }

  @Test func longEntitiesInEveryScheme() {
    let spans = [Span(start: 1, end: 5, type: "ORG-GOV")]
    let render = { (s: TagScheme) in s.tags(for: spans, count: 6).map(\.description).joined(separator: " ") }
    #expect(render(.iob1) == "O I-ORG-GOV I-ORG-GOV I-ORG-GOV I-ORG-GOV O")
    #expect(render(.iob2) == "O B-ORG-GOV I-ORG-GOV I-ORG-GOV I-ORG-GOV O")
    #expect(render(.iobes) == "O B-ORG-GOV I-ORG-GOV I-ORG-GOV E-ORG-GOV O")
    #expect(render(.bilou) == "O B-ORG-GOV I-ORG-GOV I-ORG-GOV L-ORG-GOV O")
    #expect(render(.io) == "O I-ORG-GOV I-ORG-GOV I-ORG-GOV I-ORG-GOV O")
  }

  @Test func iob1UsesBOnlyBetweenAdjacentEntitiesOfOneType() {
    // Separated by an O: no B- needed.
    let separated = [Span(start: 0, end: 1, type: "PER"), Span(start: 2, end: 3, type: "PER")]
    #expect(TagScheme.iob1.tags(for: separated, count: 3).map(\.description) == ["I-PER", "O", "I-PER"])
    // Three adjacent single-token entities: B- on the second and the third.
    let three = (0..<3).map { Span(start: $0, end: $0 + 1, type: "LOC") }
    #expect(TagScheme.iob1.tags(for: three, count: 3).map(\.description) == ["I-LOC", "B-LOC", "B-LOC"])
  }

  @Test func ioMergesAdjacentEntitiesOfOneType() {
    let tags = TagScheme.io.tags(for: Self.spans, count: 7)
    #expect(SpanDecoder.lenient(tags) == [
      Span(start: 0, end: 3, type: "PER"), Span(start: 4, end: 5, type: "LOC"), Span(start: 5, end: 6, type: "ORG"),
    ])
  }

  @Test(arguments: [TagScheme.iob1, .iob2, .iobes, .bilou])
  func lossLessSchemesDecodeBackToTheSpans(scheme: TagScheme) {
    let tags = scheme.tags(for: Self.spans, count: 7)
    #expect(SpanDecoder.lenient(tags) == Self.spans)
    let strict = SpanDecoder.strict(tags, scheme: scheme)
    #expect(strict.spans == Self.spans)
    #expect(strict.firstViolation == nil)
  }

  @Test func unsortedSpansAreSorted() {
    let out = TagScheme.iob2.tags(for: Self.spans.reversed(), count: 7)
    #expect(out == TagScheme.iob2.tags(for: Self.spans, count: 7))
  }

  @Test func spansOutsideTheSentenceOrEmptyAreIgnored() {
    let spans = [Span(start: 1, end: 1, type: "PER"), Span(start: 2, end: 5, type: "LOC")]
    #expect(TagScheme.iob2.tags(for: spans, count: 3).map(\.description) == ["O", "O", "O"])
    #expect(TagScheme.iobes.tags(for: [], count: 2) == [.outside, .outside])
    #expect(TagScheme.iob2.tags(for: [], count: 0).isEmpty)
  }

  @Test(arguments: [
    ("B-PER I-PER O", TagScheme.iob2),
    ("I-PER I-PER O", .iob2),
    ("O O", .iob2),
    ("B-PER E-PER", .iobes),
    ("I-PER S-PER", .iobes),
    ("U-PER", .bilou),
    ("B-PER L-PER", .bilou),
  ])
  func guess(text: String, expected: TagScheme) {
    #expect(TagScheme.guess(tags(text)) == expected)
  }

  @Test func rawValuesAreTheOptionNames() {
    #expect(TagScheme.allCases.map(\.rawValue) == ["iob1", "iob2", "iobes", "bilou", "io"])
    #expect(TagScheme(rawValue: "bilou") == .bilou)
  }
}
