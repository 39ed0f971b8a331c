import Testing

@testable import NERKit

@Suite struct TagColumnTests {
  @Test func parseReportsTheLineOfABadTag() throws {
    let s = sentences(try readCoNLL("a O\n\nb B-PER\nc I-PER\nd B-\n"))[1]
    #expect(s.tagColumn == nil)  // "B-" is not a tag
    #expect(throws: DataError(line: 5, "'B-' is not a tag (O, or B-, I-, E-, S-, L-, U- and a type)")) {
      try TagColumn.parse(s, column: 1)
    }
  }

  @Test(arguments: [
    (TagScheme.iob1, "I-PER I-PER B-PER O I-LOC"),
    (.iob2, "B-PER I-PER B-PER O B-LOC"),
    (.iobes, "B-PER E-PER S-PER O S-LOC"),
    (.bilou, "B-PER L-PER U-PER O U-LOC"),
    (.io, "I-PER I-PER I-PER O I-LOC"),
  ])
  func convertToEveryScheme(scheme: TagScheme, expected: String) throws {
    var s = sentences(try readCoNLL("a B-PER\nb I-PER\nc B-PER\nd O\ne B-LOC\n"))[0]
    try TagColumn.convert(&s, column: 1, to: scheme, strictInput: nil)
    #expect(s.tags?.joined(separator: " ") == expected)
  }

  @Test func strictInputReportsTheLineOfTheFirstViolation() throws {
    var s = sentences(try readCoNLL("# id = 1\na O\nb I-PER\nc O\n"))[0]
    #expect(throws: DataError(line: 3, "invalid IOB2 sequence: 'O' followed by 'I-PER': I- must follow B- or I- of the same type")) {
      try TagColumn.convert(&s, column: 1, to: .iobes, strictInput: .iob2)
    }
    var ok = sentences(try readCoNLL("a B-PER\nb I-PER\n"))[0]
    try TagColumn.convert(&ok, column: 1, to: .bilou, strictInput: .iob2)
    #expect(ok.tags == ["B-PER", "L-PER"])
  }
}

@Suite struct SpansWriterTests {
  private func spans(_ conll: String, columnKey: String? = nil) throws -> String {
    let records = try readCoNLL(conll)
    return String(decoding: try captureOutput { out in
      let w = SpansWriter(out)
      w.columnKey = columnKey
      for r in records { try w.write(r) }
      try w.finish()
    }, as: UTF8.self)
  }

  @Test func oneLinePerEntity() throws {
    let text = "-DOCSTART- O\n\nNew B-LOC\nYork I-LOC\nis O\nbig S-X\n\n# id = s-two\nPeter B-PER\n\nnothing O\n\nlast U-ORG\n"
    #expect(try spans(text) == "1\t0\t2\tLOC\tNew York\n1\t3\t4\tX\tbig\ns-two\t0\t1\tPER\tPeter\n4\t0\t1\tORG\tlast\n")
  }

  @Test func otherColumn() throws {
    // The last two columns hold tags: the gold tags and a prediction, `pred`.
    #expect(try spans("a B-X O\nb I-X B-Y\n", columnKey: "pred") == "1\t1\t2\tY\tb\n")
    #expect(try spans("a B-X O x\nb I-X B-Y y\n", columnKey: "col1") == "1\t0\t2\tX\ta b\n")
  }

  @Test func noTagColumnIsAnError() {
    #expect(throws: DataError(line: 1, "no tag column to read entities from")) { try spans("a b\n") }
  }
}
