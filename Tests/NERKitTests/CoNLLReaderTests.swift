import Testing

@testable import NERKit

@Suite struct CoNLLReaderTests {
  @Test func readsSentencesAndRoles() throws {
    let records = try readCoNLL("EU NNP B-ORG\nrejects VBZ O\n\nPeter NNP B-PER\n")
    let s = sentences(records)
    try #require(s.count == 2)
    #expect(s[0].tokens == ["EU", "rejects"])
    #expect(s[0].tags == ["B-ORG", "O"])
    #expect(s[0].columns.map(\.key) == ["tokens", "col1", "tags"])
    #expect(s[0].columns[1].values == ["NNP", "VBZ"])
    #expect(s[0].tokenColumn == 0)
    #expect(s[0].tagColumn == 2)
    #expect(s[0].layout.separator == 0x20)
    #expect(s[0].layout.blankLinesAfter == 1)
    #expect(s[0].line == 1)
    #expect(s[0].tokenLines == [1, 2])
    #expect(s[1].line == 4)
    #expect(s[1].tokenLines == [4])
    #expect(s[1].layout.blankLinesAfter == 0)
    #expect(s[1].layout.finalNewline)
  }

  @Test func tabSeparatorKeepsSpacesInsideFields() throws {
    let s = sentences(try readCoNLL("New York\tB-LOC\nis\tO\n"))
    #expect(s[0].layout.separator == 0x09)
    #expect(s[0].tokens == ["New York", "is"])
    #expect(s[0].tags == ["B-LOC", "O"])
  }

  @Test func tagColumnOnlyWhenEveryValueIsATag() throws {
    let notAllTags = sentences(try readCoNLL("a B-PER\nb foo\n"))[0]
    #expect(notAllTags.tagColumn == nil)
    #expect(notAllTags.columns.map(\.key) == ["tokens", "col1"])
    #expect(notAllTags.tags == nil)

    let oneColumn = sentences(try readCoNLL("a\nb\n"))[0]
    #expect(oneColumn.tagColumn == nil)
    #expect(oneColumn.columns.map(\.key) == ["tokens"])

    let fourColumns = sentences(try readCoNLL("a x y O\nb x y I-PER\n"))[0]
    #expect(fourColumns.columns.map(\.key) == ["tokens", "col1", "col2", "tags"])
    #expect(fourColumns.tagColumn == 3)

    // A tag-looking middle column stays a plain column; the last decides.
    let middle = sentences(try readCoNLL("a O x\n"))[0]
    #expect(middle.tagColumn == nil)
    #expect(middle.columns.map(\.key) == ["tokens", "col1", "col2"])
  }

  @Test func emptyFieldsAreKept() throws {
    let s = sentences(try readCoNLL("a  O\nb x O\n"))[0]
    #expect(s.columns.count == 3)
    #expect(s.columns[1].values == ["", "x"])
    #expect(s.tags == ["O", "O"])
  }

  @Test func crlfIsAcceptedAndRecorded() throws {
    let s = sentences(try readCoNLL("a O\r\nb B-PER\r\n\r\nc O\r\n"))
    try #require(s.count == 2)
    #expect(s[0].tags == ["O", "B-PER"])
    #expect(s[0].layout.crlf)
    #expect(s[0].layout.blankLinesAfter == 1)
    #expect(s[1].tokens == ["c"])
    #expect(s[1].layout.crlf)
  }

  @Test func blankLinesAreCounted() throws {
    let s = sentences(try readCoNLL("\n\na O\n\n\n\nb O\n\n"))
    try #require(s.count == 2)
    #expect(s[0].layout.blankLinesBefore == 2)
    #expect(s[0].layout.blankLinesAfter == 3)
    #expect(s[0].line == 3)
    #expect(s[1].layout.blankLinesBefore == 0)
    #expect(s[1].layout.blankLinesAfter == 1)
  }

  @Test func lastLineWithoutNewline() throws {
    let s = sentences(try readCoNLL("a O\nb O"))
    #expect(s.count == 1)
    #expect(s[0].tokens == ["a", "b"])
    #expect(!s[0].layout.finalNewline)
    #expect(s[0].layout.blankLinesAfter == 0)
  }

  @Test func lastDocstartWithoutNewline() throws {
    let d = documentStarts(try readCoNLL("a O\n\n-DOCSTART- O"))
    try #require(d.count == 1)
    #expect(d[0].layout.blankLinesAfter == 0)
    #expect(!d[0].layout.finalNewline)  // Layout.finalNewline: "False when the input's last line had no newline."
    let terminated = documentStarts(try readCoNLL("a O\n\n-DOCSTART- O\n"))
    #expect(terminated.first?.layout.finalNewline == true)
  }

  @Test func emptyInputHasNoRecords() throws {
    #expect(try readCoNLL("").isEmpty)
  }

  @Test func docstartIsARecordOfItsOwn() throws {
    let records = try readCoNLL("-DOCSTART- -X- -X- O\n\nEU B-ORG\n\n-DOCSTART- -X- -X- O\nPeter B-PER\n")
    try #require(records.count == 4)
    guard case .documentStart(let d1) = records[0], case .sentence(let s1) = records[1],
      case .documentStart(let d2) = records[2], case .sentence(let s2) = records[3]
    else {
      Issue.record("unexpected record kinds: \(records)")
      return
    }
    #expect(d1.fields == ["-DOCSTART-", "-X-", "-X-", "O"])
    #expect(d1.text == "-DOCSTART- -X- -X- O")
    #expect(d1.layout.blankLinesAfter == 1)
    #expect(d1.line == 1)
    #expect(s1.tokens == ["EU"])
    #expect(d2.layout.blankLinesAfter == 0)
    #expect(d2.line == 5)
    #expect(s2.tokens == ["Peter"])
  }

  @Test func docstartRecognition() throws {
    #expect(documentStarts(try readCoNLL("-DOCSTART-\n")).count == 1)
    #expect(documentStarts(try readCoNLL("-DOCSTART-\tO\n")).first?.fields == ["-DOCSTART-", "O"])
    // Only as the whole first field.
    let notDoc = try readCoNLL("-DOCSTART-X O\n")
    #expect(documentStarts(notDoc).isEmpty)
    #expect(sentences(notDoc).first?.tokens == ["-DOCSTART-X"])
  }

  @Test func docstartRightAfterTokensClosesTheSentence() throws {
    let records = try readCoNLL("a O\n-DOCSTART- O\nb O\n")
    try #require(records.count == 3)
    guard case .sentence(let s) = records[0], case .documentStart = records[1], case .sentence(let t) = records[2] else {
      Issue.record("unexpected record kinds: \(records)")
      return
    }
    #expect(s.tokens == ["a"])
    #expect(s.layout.blankLinesAfter == 0)
    #expect(t.tokens == ["b"])
  }

  @Test func metadataPairs() throws {
    let s = sentences(try readCoNLL("# id = s1\n# text = EU rejects\n# sent_id:x.y-z = 1 = 2\nEU B-ORG\nrejects O\n"))[0]
    #expect(s.header == [
      .pair(key: "id", value: "s1"), .pair(key: "text", value: "EU rejects"), .pair(key: "sent_id:x.y-z", value: "1 = 2"),
    ])
    #expect(s.metadata("id") == "s1")
    #expect(s.metadata("text") == "EU rejects")
    #expect(s.metadata("lang") == nil)
    #expect(s.tokens == ["EU", "rejects"])
    #expect(s.line == 1)
    #expect(s.tokenLines == [4, 5])
  }

  @Test func duplicateKeysKeepTheWholeHeaderAsComments() throws {
    let s = sentences(try readCoNLL("# id = 1\n# id = 2\na O\n"))[0]
    #expect(s.header == [.comment("# id = 1"), .comment("# id = 2")])
    #expect(s.metadata("id") == nil)
  }

  @Test(arguments: ["# tokens = x", "# tags = y", "# col1 = z", "# conll = w"])
  func reservedOrColumnKeysBecomeComments(line: String) throws {
    let s = sentences(try readCoNLL("\(line)\na x O\n"))[0]
    #expect(s.header == [.comment(line)])
  }

  @Test func otherCommentsAreVerbatim() throws {
    let text = "#no space\n# just words\n# key =\n#\n# = value\na O\n"
    let s = sentences(try readCoNLL(text))[0]
    #expect(s.header == [
      .comment("#no space"), .comment("# just words"), .comment("# key ="), .comment("#"), .comment("# = value"),
    ])
    #expect(s.tokens == ["a"])
  }

  @Test func aCommentAmongPairsTurnsEveryLineIntoAComment() throws {
    let s = sentences(try readCoNLL("# id = 1\n# free text\na O\n"))[0]
    #expect(s.header == [.comment("# id = 1"), .comment("# free text")])
  }

  @Test func emptyValueIsAPair() throws {
    let s = sentences(try readCoNLL("# note = \na O\n"))[0]
    #expect(s.header == [.pair(key: "note", value: "")])
  }

  @Test func hashLineBeforeTheFirstSentenceIsAComment() throws {
    let s = sentences(try readCoNLL("# O\na O\n"))
    #expect(s.count == 1)
    #expect(s[0].header == [.comment("# O")])
    #expect(s[0].tokens == ["a"])
  }

  @Test func hashTokenLineAfterAFirstSentence() throws {
    let s = sentences(try readCoNLL("a O\n\n# B-PER\nb O\n\n# id = 3\nc O\n"))
    try #require(s.count == 3)
    #expect(s[1].header.isEmpty)
    #expect(s[1].tokens == ["#", "b"])
    #expect(s[1].tags == ["B-PER", "O"])
    #expect(s[1].tokenLines == [3, 4])
    // A `# key = value` line stays metadata even though it splits into fields.
    #expect(s[2].header == [.pair(key: "id", value: "3")])
    #expect(s[2].tokens == ["c"])
  }

  @Test func hashLineWithTheWrongShapeStaysAComment() throws {
    // After a 2-column sentence: 3 fields, or a last field that is not a tag.
    let s = sentences(try readCoNLL("a O\n\n# x O\n# hello\nb O\n"))
    try #require(s.count == 2)
    #expect(s[1].header == [.comment("# x O"), .comment("# hello")])
    #expect(s[1].tokens == ["b"])
  }

  @Test func globalColumnsNameTheColumns() throws {
    let text = "# global.columns = ID FORM UPOS NER\n1\tEU\tPROPN\tB-ORG\n2\trejects\tVERB\tO\n\n1\tPeter\tPROPN\tB-PER\n"
    var names: [String]?
    let records = try withLineReader(text) { lines -> [Record] in
      let reader = CoNLLReader(lines: lines)
      var out: [Record] = []
      while let r = try reader.next() { out.append(r) }
      names = reader.columnNames
      return out
    }
    #expect(names == ["ID", "FORM", "UPOS", "NER"])
    let s = sentences(records)
    try #require(s.count == 2)
    #expect(s[0].header == [.pair(key: "global.columns", value: "ID FORM UPOS NER")])
    #expect(s[0].columns.map(\.key) == ["col0", "tokens", "upos", "tags"])
    #expect(s[0].tokenColumn == 1)
    #expect(s[0].tagColumn == 3)
    #expect(s[0].tokens == ["EU", "rejects"])
    #expect(s[0].tags == ["B-ORG", "O"])
    // The names hold for the rest of the file.
    #expect(s[1].columns.map(\.key) == ["col0", "tokens", "upos", "tags"])
    #expect(s[1].tokens == ["Peter"])
  }

  @Test func globalColumnsOfTheWrongWidthAreIgnored() throws {
    let s = sentences(try readCoNLL("# global.columns = FORM NER\na x O\n"))[0]
    #expect(s.columns.map(\.key) == ["tokens", "col1", "tags"])
  }

  @Test func headerOnlySentenceBeforeABlankLine() throws {
    let s = sentences(try readCoNLL("# a comment\n\na O\n"))
    try #require(s.count == 2)
    #expect(s[0].header == [.comment("# a comment")])
    #expect(s[0].count == 0)
    #expect(s[1].tokens == ["a"])
  }

  @Test func headerBeforeDocstartGoesWithIt() throws {
    let records = try readCoNLL("# newdoc id = d1\n-DOCSTART- O\n\na O\n")
    let d = documentStarts(records)
    try #require(d.count == 1)
    #expect(d[0].header == [.comment("# newdoc id = d1")])
    #expect(sentences(records).first?.header == [])
  }

  // MARK: Errors

  @Test func raggedLineIsAnErrorAtItsLine() throws {
    #expect(throws: DataError(line: 2, "1 field where line 1 has 2")) {
      try readCoNLL("a B-PER\nb\n")
    }
    #expect(throws: DataError(line: 5, "3 fields where line 4 has 2")) {
      try readCoNLL("a O\n\n# id = 1\nb O\nc O x\n")
    }
    // The separator is the first line's: a tab-separated sentence with a space-separated line.
    #expect(throws: DataError(line: 2, "1 field where line 1 has 2")) {
      try readCoNLL("a\tO\nb O\n")
    }
  }

  @Test func raggedLineNumberCountsDocstartsAndComments() throws {
    #expect(throws: DataError(line: 6, "3 fields where line 5 has 2")) {
      try readCoNLL("-DOCSTART- O\n\n# c\n\nx O\ny O O\n")
    }
  }

  @Test func invalidUTF8IsAnErrorAtItsLine() throws {
    var bytes = Array("a O\n\nb O\n".utf8)
    bytes += [0xFF, 0x20, 0x4F, 0x0A]
    #expect(throws: DataError(line: 4, "invalid UTF-8")) { try readCoNLL(bytes) }
    // In a comment, too.
    #expect(throws: DataError(line: 1, "invalid UTF-8")) { try readCoNLL([0x23, 0x20, 0xC3, 0x28, 0x0A]) }
  }

  @Test func recordsBeforeAnErrorAreReturned() throws {
    try withLineReader("a O\n\nb O\nc\n") { lines in
      let reader = CoNLLReader(lines: lines)
      let first = try reader.next()
      #expect(sentences(first.map { [$0] } ?? []).first?.tokens == ["a"])
      #expect(throws: DataError.self) { try reader.next() }
    }
  }

  @Test func smallReadBufferGivesTheSameRecords() throws {
    let text = "# id = long\n" + (0..<50).map { "token\($0) O" }.joined(separator: "\n") + "\n\n-DOCSTART- O\n\nx B-PER\n"
    #expect(try readCoNLL(text, bufferSize: 16) == readCoNLL(text))
  }
}
