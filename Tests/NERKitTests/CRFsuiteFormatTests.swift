import Testing

@testable import NERKit

struct CRFsuiteFormatTests {
  @Test func escapingRoundTrips() throws {
    let names = ["w[0]=a:b", "w[0]=c\\d", "plain", "x=::\\\\"]
    let line = CRFsuiteFormat.line(label: "B-PER", attributes: names)
    #expect(line == "B-PER\tw[0]=a\\:b\tw[0]=c\\\\d\tplain\tx=\\:\\:\\\\\\\\")
    let parsed = try CRFsuiteFormat.parse(line, lineNumber: 1)
    #expect(parsed.label == "B-PER")
    #expect(parsed.attributes.map(\.0) == names)
    #expect(parsed.attributes.allSatisfy { $0.1 == 1 })
  }

  @Test func weightsAndErrors() throws {
    let p = try CRFsuiteFormat.parse("O\tlen:2.5\tw\\:x:0.5", lineNumber: 3)
    #expect(p.attributes.map(\.0) == ["len", "w:x"])
    #expect(p.attributes.map(\.1) == [2.5, 0.5])
    #expect(throws: DataError(line: 4, "attribute 'a:b' has a weight that is not a finite number")) {
      try CRFsuiteFormat.parse("O\ta:b", lineNumber: 4)
    }
    #expect(throws: DataError(line: 4, "attribute 'a:nan' has a weight that is not a finite number")) {
      try CRFsuiteFormat.parse("O\ta:nan", lineNumber: 4)
    }
    #expect(throws: DataError(line: 5, "attribute 'a\\' ends with a lone backslash")) {
      try CRFsuiteFormat.parse("O\ta\\", lineNumber: 5)
    }
  }

  @Test func bytesParseLikeText() throws {
    for line in ["B-LOC\tw[0]=Lima\t\tshape=UL", "O", "\tx", "O\tw=a\\:b:0.5\tc", "I-PER\tw=é"] {
      let viaBytes = try Array(line.utf8).withUnsafeBufferPointer { try CRFsuiteFormat.parse(bytes: $0, lineNumber: 1) }
      let viaText = try CRFsuiteFormat.parse(line, lineNumber: 1)
      #expect(viaBytes.label == viaText.label)
      #expect(viaBytes.attributes.map { "\($0.0)=\($0.1)" } == viaText.attributes.map { "\($0.0)=\($0.1)" })
    }
    #expect(throws: DataError(line: 3, "invalid UTF-8")) {
      try [UInt8]([0x4F, 0x09, 0xFF]).withUnsafeBufferPointer { try CRFsuiteFormat.parse(bytes: $0, lineNumber: 3) }
    }
  }
}
