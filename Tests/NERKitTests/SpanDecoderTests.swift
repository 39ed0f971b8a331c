import Testing

@testable import NERKit

/// "TYPE start end" for each span, joined by spaces (readable expectations).
private func render(_ spans: [Span]) -> String {
  spans.map { "\($0.type) \($0.start) \($0.end)" }.joined(separator: ", ")
}

@Suite struct SpanDecoderLenientTests {
  @Test(arguments: [
    // IOB2
    ("B-PER I-PER O B-LOC", "PER 0 2, LOC 3 4"),
    ("B-PER B-PER", "PER 0 1, PER 1 2"),
    // IOB1
    ("I-PER I-PER B-PER O", "PER 0 2, PER 2 3"),
    ("I-PER O I-PER", "PER 0 1, PER 2 3"),
    // IO
    ("I-PER I-PER I-LOC O", "PER 0 2, LOC 2 3"),
    // IOBES
    ("B-PER I-PER E-PER S-LOC O", "PER 0 3, LOC 3 4"),
    ("S-PER S-PER", "PER 0 1, PER 1 2"),
    // BILOU
    ("B-PER L-PER U-LOC", "PER 0 2, LOC 2 3"),
    ("B-ORG I-ORG L-ORG O U-ORG", "ORG 0 3, ORG 4 5"),
    // Hyphenated type
    ("B-ORG-GOV I-ORG-GOV", "ORG-GOV 0 2"),
  ])
  func everyScheme(text: String, expected: String) {
    #expect(render(SpanDecoder.lenient(tags(text))) == expected)
  }

  @Test(arguments: [
    ("O I-PER I-PER", "PER 1 3"),  // I after O opens an entity
    ("B-PER I-LOC", "PER 0 1, LOC 1 2"),  // type change opens a new entity
    ("I-PER I-LOC I-LOC", "PER 0 1, LOC 1 3"),
    ("E-PER", "PER 0 1"),  // E with nothing open
    ("L-PER O", "PER 0 1"),
    ("B-PER E-PER I-PER", "PER 0 2, PER 2 3"),  // E closes; I opens again
    ("B-PER S-PER I-PER", "PER 0 1, PER 1 2, PER 2 3"),
    ("I-PER E-LOC", "PER 0 1, LOC 1 2"),
    ("B-PER", "PER 0 1"),  // open at the end
    ("B-PER U-PER L-PER", "PER 0 1, PER 1 2, PER 2 3"),
    ("O O", ""),
    ("", ""),
  ])
  func invalidSequences(text: String, expected: String) {
    #expect(render(SpanDecoder.lenient(tags(text))) == expected)
  }
}

@Suite struct SpanDecoderStrictTests {
  @Test(arguments: [
    (TagScheme.iob2, "B-PER I-PER O B-LOC B-LOC I-LOC", "PER 0 2, LOC 3 4, LOC 4 6"),
    (.iob1, "I-PER I-PER B-PER O I-LOC", "PER 0 2, PER 2 3, LOC 4 5"),
    (.iobes, "B-PER I-PER E-PER S-LOC O", "PER 0 3, LOC 3 4"),
    (.bilou, "B-PER L-PER U-LOC O", "PER 0 2, LOC 2 3"),
    (.io, "I-PER I-PER O I-LOC I-ORG", "PER 0 2, LOC 3 4, ORG 4 5"),
  ])
  func validSequences(scheme: TagScheme, text: String, expected: String) {
    let (spans, violation) = SpanDecoder.strict(tags(text), scheme: scheme)
    #expect(render(spans) == expected)
    #expect(violation == nil)
  }

  @Test(arguments: [
    // IOB2: I- after O or at the start, type change.
    (TagScheme.iob2, "O I-PER O", 1, Optional(""), "'O' followed by 'I-PER': I- must follow B- or I- of the same type"),
    (.iob2, "I-PER", 0, "", "'I-PER' at the start of a sentence: I- must follow B- or I- of the same type"),
    (.iob2, "B-PER I-LOC O I-ORG", 1, "PER 0 1", "'B-PER' followed by 'I-LOC': I- must follow B- or I- of the same type"),
    (.iob2, "B-PER E-PER", 1, nil, "tag 'E-PER' does not belong to the IOB2 scheme"),
    (.iob2, "B-PER O B-LOC I-LOC I-PER", 4, "PER 0 1, LOC 2 4", "'I-LOC' followed by 'I-PER': I- must follow B- or I- of the same type"),
    // IOB1: B- only right after an entity of the same type.
    (.iob1, "B-PER", 0, "PER 0 1", "'B-PER' at the start of a sentence: IOB1 uses B- only between two entities of one type"),
    (.iob1, "O B-PER", 1, "PER 1 2", "'O' followed by 'B-PER': IOB1 uses B- only between two entities of one type"),
    (.iob1, "I-PER B-LOC", 1, "PER 0 1, LOC 1 2", "'I-PER' followed by 'B-LOC': IOB1 uses B- only between two entities of one type"),
    (.iob1, "I-PER S-PER", 1, nil, "tag 'S-PER' does not belong to the IOB1 scheme"),
    // IOBES
    (.iobes, "B-PER O", 1, "", "'B-PER' followed by 'O': an entity must end with E-"),
    (.iobes, "S-LOC B-PER", 1, "LOC 0 1", "'B-PER' at the end of a sentence: an entity must end with E-"),
    (.iobes, "I-PER E-PER", 0, "", "'I-PER' at the start of a sentence: I- must follow B- or I- of the same type"),
    (.iobes, "O E-PER", 1, "", "'O' followed by 'E-PER': E- must follow B- or I- of the same type"),
    (.iobes, "B-PER E-LOC", 1, "", "'B-PER' followed by 'E-LOC': E- must follow B- or I- of the same type"),
    (.iobes, "B-PER B-LOC E-LOC", 1, "LOC 1 3", "'B-PER' followed by 'B-LOC': an entity must end with E-"),
    (.iobes, "B-PER I-PER S-PER", 2, "PER 2 3", "'I-PER' followed by 'S-PER': an entity must end with E-"),
    (.iobes, "U-PER", 0, "", "tag 'U-PER' does not belong to the IOBES scheme"),
    // BILOU
    (.bilou, "B-PER O", 1, "", "'B-PER' followed by 'O': an entity must end with L-"),
    (.bilou, "B-PER I-PER", 1, "", "'I-PER' at the end of a sentence: an entity must end with L-"),
    (.bilou, "O L-PER", 1, "", "'O' followed by 'L-PER': L- must follow B- or I- of the same type"),
    (.bilou, "B-PER E-PER", 1, nil, "tag 'E-PER' does not belong to the BILOU scheme"),
    (.bilou, "U-PER S-PER", 1, "PER 0 1", "tag 'S-PER' does not belong to the BILOU scheme"),
    // IO
    (.io, "I-PER B-PER", 1, nil, "tag 'B-PER' does not belong to the IO scheme"),
    (.io, "O S-PER", 1, "", "tag 'S-PER' does not belong to the IO scheme"),
  ])
  func firstViolation(scheme: TagScheme, text: String, index: Int, expectedSpans: String?, message: String) {
    let (spans, violation) = SpanDecoder.strict(tags(text), scheme: scheme)
    #expect(violation?.index == index)
    #expect(violation?.message == message)
    #expect(violation?.description == message)
    // nil: which open entity survives a tag of another scheme is left unspecified.
    if let expectedSpans { #expect(render(spans) == expectedSpans) }
  }

  @Test func onlyTheFirstViolationIsReported() {
    let (_, v) = SpanDecoder.strict(tags("O I-PER O I-LOC E-LOC"), scheme: .iob2)
    #expect(v?.index == 1)
  }

  @Test(arguments: TagScheme.allCases)
  func emptyAndOutsideOnlySentencesAreValid(scheme: TagScheme) {
    for text in ["", "O", "O O O"] {
      let (spans, v) = SpanDecoder.strict(tags(text), scheme: scheme)
      #expect(spans.isEmpty)
      #expect(v == nil)
    }
  }

  @Test(arguments: [TagScheme.iob2, .iobes, .bilou])
  func strictAgreesWithLenientOnValidInput(scheme: TagScheme) {
    let spans = [Span(start: 0, end: 3, type: "A"), Span(start: 3, end: 4, type: "A"), Span(start: 5, end: 7, type: "B")]
    let t = scheme.tags(for: spans, count: 8)
    #expect(SpanDecoder.strict(t, scheme: scheme).spans == SpanDecoder.lenient(t))
  }

  @Test func strictIOB2DropsOnlyTheInvalidEntity() {
    // seqeval strict: the I-LOC run after O is not an entity; the rest still counts.
    let (spans, v) = SpanDecoder.strict(tags("B-PER I-PER O I-LOC I-LOC O B-ORG"), scheme: .iob2)
    #expect(render(spans) == "PER 0 2, ORG 6 7")
    #expect(v?.index == 3)
  }
}
