import Testing

@testable import NERKit

@Suite struct JSONLReaderTests {
  @Test func readsTokensTagsAndMetadata() throws {
    let records = try readJSONL(#"{"id":"s1","tokens":["EU","rejects"],"tags":["B-ORG","O"]}"# + "\n")
    let s = sentences(records)
    try #require(s.count == 1)
    #expect(s[0].header == [.pair(key: "id", value: "s1")])
    #expect(s[0].metadata("id") == "s1")
    #expect(s[0].columns.map(\.key) == ["tokens", "tags"])
    #expect(s[0].tokens == ["EU", "rejects"])
    #expect(s[0].tags == ["B-ORG", "O"])
    #expect(s[0].tagColumn == 1)
    #expect(s[0].jsonKeyOrder == ["id", "tokens", "tags"])
    #expect(s[0].layout == .standard)
    #expect(s[0].line == 1)
  }

  @Test func nerTagsIsASynonymOfTags() throws {
    let s = sentences(try readJSONL(#"{"tokens":["Peter","ran"],"ner_tags":["B-PER","O"]}"#))[0]
    #expect(s.tags == ["B-PER", "O"])
    #expect(s.tagColumn == 1)
    #expect(s.columns.map(\.key) == ["tokens", "ner_tags"])
  }

  @Test func tagsAndNerTagsTogetherAreAnError() {
    #expect(throws: DataError(line: 1, "both 'tags' and 'ner_tags'")) {
      try readJSONL(#"{"tokens":["a"],"tags":["O"],"ner_tags":["O"]}"#)
    }
  }

  @Test func predGoesLastAndOtherColumnsInTheMiddle() throws {
    let s = sentences(try readJSONL(#"{"pred":["B-X","O"],"tokens":["a","b"],"tags":["O","O"],"pos":["N","V"]}"#))[0]
    #expect(s.columns.map(\.key) == ["tokens", "pos", "tags", "pred"])
    #expect(s.tagColumn == 2)
    #expect(s.tags == ["O", "O"])
    #expect(s.columns[s.columnIndex("pred")!].values == ["B-X", "O"])
    #expect(s.columns[1].values == ["N", "V"])
  }

  @Test func unknownFieldsAreKeptInOrder() throws {
    let line = #"{"id":"x","tokens":["a"],"score":0.5,"meta":{"k": [1, 2]},"alts":["p","q"],"flag":true,"lang":"de","none":null}"#
    let s = sentences(try readJSONL(line))[0]
    #expect(s.header == [
      .pair(key: "id", value: "x"),
      .json(key: "score", raw: "0.5"),
      .json(key: "meta", raw: #"{"k": [1, 2]}"#),
      .json(key: "alts", raw: #"["p","q"]"#),
      .json(key: "flag", raw: "true"),
      .pair(key: "lang", value: "de"),
      .json(key: "none", raw: "null"),
    ])
    #expect(s.columns.map(\.key) == ["tokens"])
    #expect(s.tagColumn == nil)
  }

  @Test func commentsBecomeCommentLines() throws {
    let s = sentences(try readJSONL(##"{"comments":["# c1","#c2"],"tokens":["a"]}"##))[0]
    #expect(s.header == [.comment("# c1"), .comment("#c2")])
  }

  @Test func stringEscapesAreDecoded() throws {
    let s = sentences(try readJSONL(#"{"tokens":["a\"b","c\\d","\u00e9","\ud83d\ude00"],"text":"x\ty"}"#))[0]
    #expect(s.tokens.map { Array($0.utf8) } == ["a\"b", "c\\d", "\u{e9}", "😀"].map { Array($0.utf8) })
    #expect(s.metadata("text") == "x\ty")
  }

  @Test func integerTagsAreRejectedWithAClearMessage() {
    let message = "'ner_tags' holds numbers, not tag strings (name them with ner-convert --label-names O,B-PER,...)"
    #expect(throws: DataError(line: 1, message)) {
      try readJSONL(#"{"tokens":["a","b"],"ner_tags":[3,0]}"#)
    }
    #expect(throws: DataError(line: 1, "'tags' holds numbers, not tag strings (name them with ner-convert --label-names O,B-PER,...)")) {
      try readJSONL(#"{"tokens":["a"],"tags":[1]}"#)
    }
  }

  @Test func lengthMismatch() {
    #expect(throws: DataError(line: 1, "'tags' has 1 values for 2 tokens")) {
      try readJSONL(#"{"tokens":["a","b"],"tags":["O"]}"#)
    }
    #expect(throws: DataError(line: 1, "'ner_tags' has 3 values for 2 tokens")) {
      try readJSONL(#"{"tokens":["a","b"],"ner_tags":["O","O","O"]}"#)
    }
    #expect(throws: DataError(line: 1, "'pred' has 1 values for 2 tokens")) {
      try readJSONL(#"{"tokens":["a","b"],"pred":["O"]}"#)
    }
  }

  @Test func duplicateKeyIsAnErrorAtItsLine() {
    let text = #"{"tokens":["a"]}"# + "\n" + #"{"tokens":["a"],"id":"1","id":"2"}"# + "\n"
    #expect(throws: DataError(line: 2, "duplicate key 'id'")) { try readJSONL(text) }
  }

  @Test func missingTokens() {
    #expect(throws: DataError(line: 1, "missing 'tokens'")) { try readJSONL(#"{"tags":["O"]}"#) }
    #expect(throws: DataError(line: 1, "missing 'tokens'")) { try readJSONL("{}") }
  }

  @Test(arguments: [#"{"tokens":[1]}"#, #"{"tokens":"a"}"#, #"{"tokens":null}"#])
  func tokensMustBeStrings(line: String) {
    #expect(throws: DataError(line: 1, "'tokens' must be an array of strings")) { try readJSONL(line) }
  }

  @Test(arguments: [
    (#"{"tokens":["a"]"#, "invalid JSON: unterminated object at byte 16"),
    ("not json", "invalid JSON: expected '{' at byte 1"),
    (#"["a"]"#, "invalid JSON: expected '{' at byte 1"),
    (#"{"tokens":["a"]} x"#, "invalid JSON: text after the object"),
    (#"{"tokens":["a"]}{}"#, "invalid JSON: text after the object"),
    (#"{"tokens":["a\q"]}"#, "invalid JSON: invalid escape at byte 15"),
  ])
  func invalidJSON(line: String, message: String) {
    #expect(throws: DataError(line: 1, message)) { try readJSONL(line) }
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let records = try readJSONL("\n  \n" + #"{"tokens":["a"]}"# + "\r\n\r\n\t\n" + #"{"tokens":["b"]}"#)
    let s = sentences(records)
    #expect(s.map(\.tokens) == [["a"], ["b"]])
    #expect(s.map(\.line) == [3, 6])
    #expect(throws: DataError(line: 3, "missing 'tokens'")) { try readJSONL("\n\n{}\n") }
  }

  @Test func docstartRecords() throws {
    let records = try readJSONL(
      #"{"docstart":"-DOCSTART- -X- O"}"# + "\n" + #"{"docstart":"-DOCSTART-\tO","id":"d1","conll":{"after":0}}"# + "\n")
    let d = documentStarts(records)
    try #require(d.count == 2)
    #expect(d[0].fields == ["-DOCSTART-", "-X-", "O"])
    #expect(d[0].layout.separator == 0x20)
    #expect(d[0].layout.blankLinesAfter == 1)
    #expect(d[0].text == "-DOCSTART- -X- O")
    #expect(d[1].fields == ["-DOCSTART-", "O"])
    #expect(d[1].header == [.pair(key: "id", value: "d1")])
    #expect(d[1].layout.blankLinesAfter == 0)
    #expect(d[1].line == 2)
  }

  @Test func conllLayoutObject() throws {
    let line = #"{"tokens":["a","b"],"tags":["O","O"],"conll":{"sep":" ","crlf":true,"before":2,"after":0,"final_newline":false,"future":[1,{"x":2}]}}"#
    let s = sentences(try readJSONL(line))[0]
    var expected = Layout()
    expected.separator = 0x20
    expected.crlf = true
    expected.blankLinesBefore = 2
    expected.blankLinesAfter = 0
    expected.finalNewline = false
    #expect(s.layout == expected)
    #expect(s.jsonKeyOrder == ["tokens", "tags", "conll"])
    #expect(s.header.isEmpty)
    #expect(visible(try writeCoNLL([.sentence(s)])) == visible("\r\n\r\na O\r\nb O"))
  }

  @Test(arguments: [
    (#"{"tokens":["a"],"conll":{"sep":"x"}}"#, "conll.sep must be a space or a tab"),
    (#"{"tokens":["a"],"conll":{"before":-1}}"#, "conll.before must be a whole number from 0 to 1000"),
    (#"{"tokens":["a"],"conll":{"after":1.5}}"#, "conll.after must be a whole number from 0 to 1000"),
    (#"{"tokens":["a"],"conll":{"after":"1"}}"#, "conll.after must be a whole number from 0 to 1000"),
    // A layout no real file gives (issue 17: a billion blank lines from one line).
    (#"{"tokens":["a"],"conll":{"after":1001}}"#, "conll.after must be a whole number from 0 to 1000"),
    (#"{"tokens":["a"],"conll":{"before":1000000000}}"#, "conll.before must be a whole number from 0 to 1000"),
    (#"{"tokens":["a"],"conll":{"after":9223372036854775807}}"#, "conll.after must be a whole number from 0 to 1000"),
  ])
  func badLayoutObject(line: String, message: String) {
    #expect(throws: DataError(line: 1, message)) { try readJSONL(line) }
  }

  @Test func parseReadsOneRecord() throws {
    let bytes = Array(#" {"tokens":["x"],"tags":["S-LOC"]} "#.utf8)
    let record = try bytes.withUnsafeBufferPointer { try JSONLReader.parse($0, lineNumber: 9) }
    guard case .sentence(let s) = record else {
      Issue.record("not a sentence")
      return
    }
    #expect(s.line == 9)
    #expect(s.tags == ["S-LOC"])
  }
}

@Suite struct JSONLWriterTests {
  @Test func conllSentenceToJSONL() throws {
    let records = try readCoNLL("# id = s1\nEU B-ORG\nrejects O\n")
    #expect(String(decoding: try writeJSONL(records), as: UTF8.self)
      == #"{"id":"s1","tokens":["EU","rejects"],"tags":["B-ORG","O"],"conll":{"sep":" ","after":0}}"# + "\n")
  }

  @Test func standardLayoutWritesNoConllObject() throws {
    let records = try readCoNLL("EU\tNNP\tB-ORG\n\n")
    #expect(String(decoding: try writeJSONL(records), as: UTF8.self)
      == #"{"tokens":["EU"],"col1":["NNP"],"tags":["B-ORG"]}"# + "\n")
  }

  @Test func layoutObjectHasEveryDeviation() throws {
    let records = try readCoNLL("\r\n\r\na O\r\nb O")
    #expect(String(decoding: try writeJSONL(records), as: UTF8.self)
      == #"{"tokens":["a","b"],"tags":["O","O"],"conll":{"sep":" ","crlf":true,"before":2,"after":0,"final_newline":false}}"# + "\n")
  }

  @Test func commentsAndDocstart() throws {
    let records = try readCoNLL("-DOCSTART- -X- O\n\n#c\n# free\na\tO\n\n")
    #expect(String(decoding: try writeJSONL(records), as: UTF8.self)
      == #"{"docstart":"-DOCSTART- -X- O","conll":{"sep":" "}}"# + "\n" + ##"{"comments":["#c","# free"],"tokens":["a"],"tags":["O"]}"## + "\n")
  }

  @Test func dropMetadata() throws {
    let records = try readCoNLL("# id = 1\na\tO\n\n")
    #expect(String(decoding: try writeJSONL(records, dropMetadata: true), as: UTF8.self) == #"{"tokens":["a"],"tags":["O"]}"# + "\n")
  }

  @Test(arguments: [
    #"{"id":"x","tokens":["a"],"score":0.5,"tags":["O"],"meta":{"k": [1, 2]},"lang":"de"}"#,
    ##"{"comments":["# c"],"tokens":["a","b"],"pos":["N","V"],"ner_tags":["B-PER","O"],"pred":["O","O"],"conll":{"sep":" "}}"##,
    #"{"tokens":["a"],"ner_tags":["O"],"id":"1","text":"a \"b\""}"#,
    #"{"docstart":"-DOCSTART-\tO","id":"d"}"#,
    #"{"tokens":[]}"#,
  ])
  func jsonlRoundTripKeepsKeyOrder(line: String) throws {
    let out = try writeJSONL(try readJSONL(line + "\n"))
    #expect(String(decoding: out, as: UTF8.self) == line + "\n")
  }

  @Test func newColumnsGoAfterTokensAndPredLast() throws {
    var s = sentences(try readJSONL(#"{"tokens":["a"],"tags":["O"],"id":"1"}"#))[0]
    s.columns.append(Column(key: "pred", values: ["B-X"]))
    s.columns.insert(Column(key: "pos", values: ["N"]), at: 1)
    #expect(String(decoding: try writeJSONL([.sentence(s)]), as: UTF8.self)
      == #"{"tokens":["a"],"pos":["N"],"tags":["O"],"id":"1","pred":["B-X"]}"# + "\n")
  }

  @Test func specialCharactersAreEscaped() throws {
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: ["a\"b", "c\\d", "e\u{1}f", "tab\tx"])]
    s.setMetadata("text", "line\nbreak")
    #expect(String(decoding: try writeJSONL([.sentence(s)]), as: UTF8.self)
      == #"{"text":"line\nbreak","tokens":["a\"b","c\\d","e\u0001f","tab\tx"]}"# + "\n")
  }
}

/// CoNLL inputs that only the JSONL path makes tricky (name, text).
let jsonlOnlyRoundTripCases: [(String, String)] = [
  ("json specials in tokens", "say O\n\"hi\" O\nback\\slash O\nctl\u{1}x O\n{\"a\":1} O\n"),
  ("metadata looking like json", "# meta = {\"a\": [1]}\n# text = a \"b\"\na O\n"),
  ("two-column file without tags", "a x\nb y\n\nc z\n"),
  ("docstart with metadata", "# id = d1\n-DOCSTART- -X- O\n\na B-PER\n"),
  ("docstart with duplicate keys", "# k = 1\n# k = 2\n-DOCSTART- O\n\na O\n"),
  ("docstart with a reserved key", "# tokens = x\n-DOCSTART- O\n\na O\n"),
  ("global columns with duplicate names", "# global.columns = FORM X X NER\na 1 2 O\n"),
]

@Suite struct CoNLLJSONLRoundTripTests {
  @Test(arguments: conllRoundTripCases + jsonlOnlyRoundTripCases)
  func conllToJSONLToConllIsByteExact(name: String, text: String) throws {
    let (jsonl, out) = try conllThroughJSONL(Array(text.utf8))
    #expect(visible(out) == visible(text), "\(name); JSONL: \(jsonl)")
  }

  @Test(arguments: conllRoundTripCases + jsonlOnlyRoundTripCases)
  func everyJSONLRecordIsOneLine(name: String, text: String) throws {
    let records = try readCoNLL(text)
    let jsonl = String(decoding: try writeJSONL(records), as: UTF8.self)
    #expect(jsonl.split(separator: "\n", omittingEmptySubsequences: false).count == records.count + 1, "\(name)")
  }
}
