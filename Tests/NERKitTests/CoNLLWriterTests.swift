import Testing

@testable import NERKit

/// CoNLL inputs that must come back byte for byte (name, text).
let conllRoundTripCases: [(String, String)] = [
  ("spaces", "EU B-ORG\nrejects O\n\nGerman B-MISC\ncall O\n\n"),
  ("tabs", "EU\tNNP\tB-ORG\nrejects\tVBZ\tO\n\nNew York\tNNP\tB-LOC\n\n"),
  ("crlf", "EU B-ORG\r\nrejects O\r\n\r\nPeter B-PER\r\n"),
  ("crlf without final newline", "a O\r\nb O"),
  ("crlf blank lines", "\r\na O\r\n\r\n\r\nb O\r\n\r\n"),
  ("last sentence without blank line", "a O\n\nb O\n"),
  ("no final newline", "a O\n\nb O"),
  ("one token without newline", "a"),
  ("several blank lines between sentences", "a O\n\n\n\nb O\n\n\n"),
  ("leading blank lines", "\n\n\na O\n\nb O\n"),
  ("blank lines only", "\n\n\n"),
  ("docstart and blank line", "-DOCSTART- -X- -X- O\n\nEU B-ORG\n\n"),
  ("docstart with tabs", "-DOCSTART-\t-X-\tO\n\nEU\tB-ORG\n"),
  ("docstart directly followed by tokens", "-DOCSTART- -X- O\nEU B-ORG\n\n-DOCSTART- -X- O\nPeter B-PER\n"),
  ("docstart right after tokens", "a O\n-DOCSTART- O\nb O\n"),
  ("docstart crlf", "-DOCSTART- O\r\n\r\na O\r\n"),
  ("docstart last", "a O\n\n-DOCSTART- O\n"),
  ("docstart last without final newline", "a O\n\n-DOCSTART- O"),
  ("comment before docstart", "# newdoc\n-DOCSTART- O\n\na O\n"),
  ("blank lines before docstart", "\n\n-DOCSTART- O\n\na O\n"),
  ("blank line and comment before docstart", "\n# c\n-DOCSTART-\tO\n\na\tO\n"),
  ("leading spaces make empty fields", " a O\n b O\n"),
  ("metadata", "# id = s1\n# text = EU rejects\nEU B-ORG\nrejects O\n\n# id = s2\nx O\n"),
  ("duplicate keys", "# id = 1\n# id = 1\na O\n\n"),
  ("reserved key", "# tokens = a\na O\n\n"),
  ("other comments", "#c\n# free text here\n# k = v\n#\na O\n\n"),
  ("header only sentence", "# comment\n\na O\n"),
  ("comment at the end without newline", "a O\n\n# end"),
  ("global columns", "# global.columns = ID FORM NER\n1\tEU\tB-ORG\n2\trejects\tO\n\n1\tx\tO\n"),
  ("hash token line after a first sentence", "a O\n\n# O\nb B-PER\n\n# id = 3\n# B-PER\nc O\n"),
  ("empty fields", "a  O\nb x O\n\nc O \n"),
  ("unicode", "Zürich B-LOC\n日本 B-LOC\n\ne\u{301} O\n"),
  ("carriage return inside a field", "a\rb O\n"),
]

@Suite struct CoNLLWriterTests {
  @Test(arguments: conllRoundTripCases)
  func roundTripIsByteExact(name: String, text: String) throws {
    let out = try conllRoundTrip(Array(text.utf8))
    #expect(visible(out) == visible(text), "\(name)")
  }

  @Test(arguments: conllRoundTripCases)
  func roundTripWithASmallReadBuffer(name: String, text: String) throws {
    let out = try writeCoNLL(try readCoNLL(text, bufferSize: 16))
    #expect(visible(out) == visible(text), "\(name)")
  }

  @Test func dropMetadataLeavesOutHeaderLines() throws {
    let records = try readCoNLL("# id = 1\na O\n\n#c\nb O\n")
    #expect(visible(try writeCoNLL(records, dropMetadata: true)) == visible("a O\n\nb O\n"))
  }

  @Test func newSentenceUsesTheStandardLayout() throws {
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: ["EU", "rejects"]), Column(key: "tags", values: ["B-ORG", "O"])]
    s.tagColumn = 1
    s.setMetadata("id", "7")
    #expect(s.count == 2)
    #expect(s.layout == .standard)
    let out = try writeCoNLL([.sentence(s), .sentence(s)])
    #expect(visible(out) == visible("# id = 7\nEU\tB-ORG\nrejects\tO\n\n# id = 7\nEU\tB-ORG\nrejects\tO\n\n"))
  }

  @Test func editedTagsAreWritten() throws {
    var s = sentences(try readCoNLL("a B-PER\nb I-PER\n"))[0]
    try TagColumn.convert(&s, column: try #require(s.tagColumn), to: .iobes, strictInput: nil)
    #expect(visible(try writeCoNLL([.sentence(s)])) == visible("a B-PER\nb E-PER\n"))
  }

  @Test func renderHeaderLines() {
    #expect(CoNLLWriter.render(.pair(key: "id", value: "s1")) == "# id = s1")
    #expect(CoNLLWriter.render(.json(key: "meta", raw: "{\"a\":[1,2]}")) == "# meta = {\"a\":[1,2]}")
    #expect(CoNLLWriter.render(.comment("#free")) == "#free")
    // A value must stay on one line.
    #expect(CoNLLWriter.render(.pair(key: "text", value: "a\nb\r\nc\rd")) == "# text = a b c d")
    #expect(CoNLLWriter.render(.comment("# x\ny")) == "# x y")
  }

  @Test func setMetadataReplacesOrAppends() {
    var s = Sentence()
    s.setMetadata("id", "1")
    s.setMetadata("lang", "de")
    s.setMetadata("id", "2")
    #expect(s.header == [.pair(key: "id", value: "2"), .pair(key: "lang", value: "de")])
  }

  @Test func documentStartText() {
    var d = DocumentStart(fields: ["-DOCSTART-", "O"])
    #expect(d.text == "-DOCSTART-\tO")
    d.layout.separator = 0x20
    #expect(d.text == "-DOCSTART- O")
  }
}
