import Testing

@testable import NERKit

/// The formats with character offsets: tokenizing documents, aligning spans, putting
/// sentences back into documents, and the JSON readers under them.
struct OffsetFormatsTests {
  static let tokenizer: Tokenizer = {
    var options = TokenizerOptions()
    options.normalization = nil
    return try! Tokenizer(options: options)
  }()

  /// Collects the warnings of an alignment.
  final class Warnings: @unchecked Sendable {
    var messages: [String] = []
  }

  static func sentences(_ d: OffsetDocument, _ policy: MisalignedPolicy = .error, _ warnings: Warnings = Warnings()) throws -> [Sentence] {
    try OffsetDocumentReader.sentences(d, tokenizer: tokenizer, alignment: SpanAlignment(policy: policy) { warnings.messages.append($0.message) })
  }

  @Test func offsetsCountCodePointsAcrossCRLFAndAstralCharacters() throws {
    let text = ScalarText("😀 Bob\r\nen París")
    let tokens = DocumentTokens(text, tokenizer: Self.tokenizer)
    #expect(tokens.tokens == [0..<1, 2..<5, 7..<9, 10..<15])
    #expect(tokens.sentences.map(\.text) == [0..<5, 7..<15])
    #expect(text.string(10..<15) == "París")
  }

  @Test func sentencesCarryTheirDocument() throws {
    let d = OffsetDocument(id: "7", text: " Ana vive.\n\nBob  ", spans: [CharacterSpan(start: 1, end: 4, type: "PER"), CharacterSpan(start: 12, end: 15, type: "PER")])
    let s = try Self.sentences(d)
    #expect(s.count == 2)
    #expect(s[0].header == [
      .pair(key: "id", value: "7-1"), .pair(key: "doc", value: "7"), .pair(key: "doc_offset", value: "1"),
      .pair(key: "text", value: "Ana vive."), .json(key: "offsets", raw: "[[0,3],[4,8],[8,9]]"),
    ])
    #expect(s[0].tags == ["B-PER", "O", "O"])
    #expect(s[1].metadata("doc_space") == "\\n\\n")
    #expect(s[1].metadata("doc_tail") == "  ")
    #expect(s[1].tags == ["B-PER"])
  }

  @Test func sentencesGoBackIntoTheSameDocument() throws {
    let d = OffsetDocument(id: "x", text: "\r\nAna vive.\r\n\r\n😀 Bob  ", spans: [CharacterSpan(start: 2, end: 5, type: "PER"), CharacterSpan(start: 17, end: 20, type: "PER")])
    let sink = Documents()
    let writer = OffsetDocumentWriter(sink)
    for s in try Self.sentences(d) { try writer.write(.sentence(s)) }
    try writer.finish()
    #expect(sink.documents == [OffsetDocument(id: "x", text: d.text, spans: d.spans)])
  }

  final class Documents: DocumentSink {
    var documents: [OffsetDocument] = []
    func write(_ document: OffsetDocument) throws {
      var d = document
      d.line = 0
      documents.append(d)
    }
    func finish() throws {}
  }

  @Test func misalignedSpanIsAnErrorNamingDocumentAndOffsets() throws {
    let d = OffsetDocument(id: "d1", text: "Ana García", spans: [CharacterSpan(start: 0, end: 6, type: "PER")], line: 3)
    #expect(throws: DataError(line: 3, "document d1: span 0-6 PER \"Ana Ga\" does not fall on token boundaries (tokens 'Ana' 0-3, 'García' 4-10) (--misaligned expand or drop goes on)")) {
      try Self.sentences(d)
    }
  }

  @Test func expandWidensAndDropLeavesOut() throws {
    let d = OffsetDocument(id: "d", text: "Ana García vive", spans: [CharacterSpan(start: 1, end: 6, type: "PER"), CharacterSpan(start: 11, end: 11, type: "X")])
    let w = Warnings()
    #expect(try Self.sentences(d, .expand, w)[0].tags == ["B-PER", "I-PER", "O"])
    #expect(w.messages == [
      "document d: span 1-6 PER \"na Ga\" does not fall on token boundaries (tokens 'Ana' 0-3, 'García' 4-10); expanded to 0-10",
      "document d: span 11-11 X \"\" is empty; dropped",
    ])
    #expect(try Self.sentences(d, .drop)[0].tags == ["O", "O", "O"])
  }

  @Test func overlappingSpansKeepTheFirst() throws {
    let d = OffsetDocument(id: "d", text: "New York City", spans: [CharacterSpan(start: 4, end: 13, type: "LOC"), CharacterSpan(start: 0, end: 8, type: "LOC")])
    #expect(throws: DataError(line: 0, "document d: span 4-13 LOC \"York City\" overlaps the span 0-8 LOC \"New York\" (--misaligned expand or drop goes on)")) {
      try Self.sentences(d)
    }
    let w = Warnings()
    #expect(try Self.sentences(d, .drop, w)[0].tags == ["B-LOC", "I-LOC", "O"])
    #expect(w.messages.count == 1)
  }

  @Test func spansOutsideTheTextAreBadWhateverThePolicy() throws {
    let d = OffsetDocument(id: "d", text: "Ana", spans: [CharacterSpan(start: 0, end: 4, type: "PER")])
    #expect(throws: DataError(line: 0, "document d: span 0-4 PER lies outside the text of 3 characters")) { try Self.sentences(d, .drop) }
  }

  @Test func discontinuousSpanExpandsToItsExtent() throws {
    let span = CharacterSpan(start: 0, end: 12, type: "LOC", fragments: [0..<3, 8..<12])
    let d = OffsetDocument(id: "b", text: "New big York", spans: [span])
    #expect(throws: DataError.self) { try Self.sentences(d) }
    let w = Warnings()
    #expect(try Self.sentences(d, .expand, w)[0].tags == ["B-LOC", "I-LOC", "I-LOC"])
    #expect(w.messages == ["document b: span 0-12 LOC \"New big York\" is discontinuous (0-3;8-12); expanded to 0-12"])
    #expect(try Self.sentences(d, .drop)[0].tags == ["O", "O", "O"])
  }

  @Test func spaceEscapeRoundTrips() {
    for s in ["\r\n", " \t\u{0B}\u{0C}\n", "\\", "\u{A0}\u{2028}"] {
      #expect(SpaceEscape.unescape(SpaceEscape.escape(s)) == s)
      #expect(!SpaceEscape.escape(s).contains("\n"))
    }
    #expect(SpaceEscape.unescape("\\q") == nil)
  }

  @Test func tokensAreFoundInTextWithoutOffsets() throws {
    #expect(try SentenceOffsets.align(["😀", "Bob", "."], in: ScalarText(" 😀\u{A0}Bob.")) == [1..<2, 3..<6, 6..<7])
    #expect(throws: SentenceOffsets.Failure.self) { try SentenceOffsets.align(["Cafe\u{301}"], in: ScalarText("Caf\u{E9}")) }
  }

  @Test func valueStreamCutsAnArrayReadInSmallPieces() throws {
    let json = "[\n {\"a\": \"x]\\\"}\"},\n [1, [2]] ,{}\n]\n"
    let values = try withLineReader(json, bufferSize: 16) { lines -> [(String, Int)] in
      let stream = JSONValueStream(lines: lines)
      var out: [(String, Int)] = []
      while let v = try stream.next() { out.append((String(decoding: v.bytes, as: UTF8.self), v.line)) }
      return out
    }
    #expect(values.map(\.0) == ["{\"a\": \"x]\\\"}\"}", "[1, [2]]", "{}"])
    #expect(values.map(\.1) == [2, 3, 3])
  }

  @Test func valueStreamRejectsTextAfterTheArray() throws {
    #expect(throws: DataError(line: 2, "invalid JSON: 'x' after the end of the array")) {
      try withLineReader("[{}]\nx") { lines in
        let stream = JSONValueStream(lines: lines)
        while try stream.next() != nil {}
      }
    }
  }

  @Test func labelStudioTaskTakesTheFirstAnnotationNotCancelled() throws {
    let task = #"{"id": 4, "data": {"body": "Ana vive"}, "annotations": [{"was_cancelled": true, "result": []}, {"result": [{"value": {"start": 0, "end": 3, "text": "Ana", "labels": ["PER", "X"]}}, {"type": "choices", "value": {"choices": ["a"]}}]}]}"#
    let d = try Array(task.utf8).withUnsafeBufferPointer { try LabelStudioReader.task($0, line: 1, number: 1) }
    #expect(d.id == "4")
    #expect(d.text == "Ana vive")
    #expect(d.spans.map(\.type) == ["PER", "X"])
  }

  @Test func integerTagsAreNamed() throws {
    let bytes = Array(#"{"tokens":["a","b"],"ner_tags":[1,0]}"#.utf8)
    let record = try bytes.withUnsafeBufferPointer { try JSONLReader.parse($0, lineNumber: 1, labelNames: ["O", "B-PER"]) }
    guard case .sentence(let s) = record else { Issue.record("not a sentence"); return }
    #expect(s.tags == ["B-PER", "O"])
  }
}
