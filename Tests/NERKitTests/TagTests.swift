import Testing

@testable import NERKit

@Suite struct TagTests {
  @Test(arguments: [
    ("O", Tag.Prefix.outside, ""),
    ("B-PER", .begin, "PER"),
    ("I-LOC", .inside, "LOC"),
    ("E-ORG", .end, "ORG"),
    ("S-MISC", .single, "MISC"),
    ("L-PER", .last, "PER"),
    ("U-PER", .unit, "PER"),
    ("B-ORG-GOV", .begin, "ORG-GOV"),
    ("I-X-Y-Z", .inside, "X-Y-Z"),
    ("B-É", .begin, "É"),
    ("I--", .inside, "-"),
  ])
  func parsesValidTags(text: String, prefix: Tag.Prefix, type: String) throws {
    let tag = try #require(Tag(parsing: text))
    #expect(tag.prefix == prefix)
    #expect(tag.type == type)
    #expect(tag.description == text)
    #expect(Tag.isTag(text))
  }

  @Test(arguments: ["", "B-", "I-", "B", "X-PER", "b-per", "o", "O-PER", "BPER", "B_PER", "-PER", " O", "O ", "B -PER", "Ø-PER"])
  func rejectsInvalidStrings(text: String) {
    #expect(Tag(parsing: text) == nil)
    #expect(!Tag.isTag(text))
  }

  @Test func outsideHasNoType() {
    #expect(Tag(.outside, "PER").type == "")
    #expect(Tag(.outside, "PER") == Tag.outside)
    #expect(Tag.outside.description == "O")
    #expect(Tag(parsing: "O") == .outside)
  }

  @Test func descriptionJoinsPrefixAndType() {
    #expect(Tag(.begin, "ORG-GOV").description == "B-ORG-GOV")
    #expect(Tag(.unit, "X").description == "U-X")
  }

  @Test func equalityUsesPrefixAndType() {
    #expect(Tag(parsing: "B-PER") == Tag(.begin, "PER"))
    #expect(Tag(parsing: "B-PER") != Tag(.inside, "PER"))
    #expect(Tag(parsing: "B-PER") != Tag(.begin, "LOC"))
  }
}

@Suite struct SpanTests {
  @Test func lengthAndOrder() {
    let a = Span(start: 0, end: 2, type: "PER")
    let b = Span(start: 0, end: 3, type: "LOC")
    let c = Span(start: 1, end: 2, type: "AAA")
    #expect(a.length == 2)
    #expect([c, b, a].sorted() == [a, b, c])
    #expect(Span(start: 0, end: 1, type: "B") > Span(start: 0, end: 1, type: "A"))
  }
}
