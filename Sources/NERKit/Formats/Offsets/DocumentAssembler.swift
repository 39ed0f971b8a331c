/// Something that writes documents in a format with character offsets.
public protocol DocumentSink: AnyObject {
  func write(_ document: OffsetDocument) throws
  /// Writes whatever the format keeps until the end, and flushes.
  func finish() throws
}

/// Writes sentence records as documents: consecutive sentences with the same `doc` are
/// one document (``DocumentMetadata``), put back together at their `doc_offset` with
/// their `doc_space` before them (spaces when it is missing, or when sentences were left
/// out, so that the offsets of the rest stay right) and the last one's `doc_tail` after;
/// a sentence without `doc` is a document of its own (its id: its `id`, else its number).
/// A document is written at its sentence with `doc_tail` (its last), or when the next
/// document starts, or at the end.
/// Spans come from the gold tags, or the predicted ones (`pred`) when there are none (any
/// scheme, read as conlleval does), and the tokens' offsets (``SentenceOffsets``). A sentence with neither `offsets` nor `text` is an
/// error, unless ``joinTokens``. `-DOCSTART-` lines and empty records from blank lines
/// are skipped. Memory: one document.
public final class OffsetDocumentWriter: RecordWriter {
  private let sink: DocumentSink
  /// A sentence without `text` nor `offsets` gets its tokens joined by spaces as its text.
  public var joinTokens = false
  private var document: OffsetDocument?
  private var sentenceNumber = 0

  public init(_ sink: DocumentSink) { self.sink = sink }

  public func write(_ record: Record) throws {
    guard case .sentence(let s) = record, s.count > 0 || s.metadata(DocumentMetadata.doc) != nil else { return }
    sentenceNumber += 1
    let id = s.metadata(DocumentMetadata.doc)
    if document == nil || id == nil || id != document!.id {
      try flush()
      document = OffsetDocument(id: id ?? s.metadata("id") ?? String(sentenceNumber), text: "", line: s.line, fields: Self.fields(s))
    }
    try append(s, to: &document!)
    // A document is complete at its last sentence: written at once, so that a failure
    // after it leaves it written.
    if id == nil || s.metadata(DocumentMetadata.tail) != nil { try flush() }
  }

  public func finish() throws {
    try flush()
    try sink.finish()
  }

  private func flush() throws {
    guard let d = document else { return }
    document = nil
    try sink.write(d)
  }

  /// The sentence's metadata that are the document's own (doccano's other fields).
  static func fields(_ s: Sentence) -> [HeaderLine] {
    s.header.filter {
      switch $0 {
      case .pair(let k, _), .json(let k, _): return !DocumentMetadata.owned.contains(k)
      case .comment: return false
      }
    }
  }

  /// Adds sentence `s` and its spans to `d`.
  private func append(_ s: Sentence, to d: inout OffsetDocument) throws {
    let length = d.text.unicodeScalars.count
    var start = length + (length > 0 ? 1 : 0)
    if let o = s.metadata(DocumentMetadata.offset) {
      guard let n = Int(o), n >= length else {
        throw DataError(line: s.line, "doc_offset '\(o)' is not a whole number at or after the end of the sentence before (\(length))")
      }
      start = n
    }
    var gap = String(repeating: " ", count: start - length)
    if let escaped = s.metadata(DocumentMetadata.space) {
      guard let space = SpaceEscape.unescape(escaped) else { throw DataError(line: s.line, "doc_space '\(escaped)' has an unknown escape") }
      if space.unicodeScalars.count == start - length { gap = space }
    }
    let (text, offsets) = try textAndOffsets(s)
    d.text += gap
    d.text += text
    if let escaped = s.metadata(DocumentMetadata.tail) {
      guard let tail = SpaceEscape.unescape(escaped) else { throw DataError(line: s.line, "doc_tail '\(escaped)' has an unknown escape") }
      d.text += tail
    }
    guard let column = s.tagColumn ?? s.columnIndex("pred"), s.count > 0 else { return }
    let tags = try TagColumn.parse(s, column: column)
    for span in SpanDecoder.lenient(tags) {
      d.spans.append(CharacterSpan(start: start + offsets[span.start].lowerBound, end: start + offsets[span.end - 1].upperBound, type: span.type))
    }
  }

  /// The sentence's text and its tokens' offsets in it.
  private func textAndOffsets(_ s: Sentence) throws -> (String, [Range<Int>]) {
    guard let text = s.metadata("text") else {
      if s.count == 0 { return ("", []) }
      guard joinTokens else {
        throw DataError(
          line: s.line,
          "sentence has no 'text' to place its tokens in (tokenize raw text with ner-tokenize, which writes '# text' and JSONL 'offsets'; or --join-tokens to join the tokens with spaces)")
      }
      var offsets: [Range<Int>] = []
      var at = 0
      for t in s.tokens {
        let n = t.unicodeScalars.count
        offsets.append(at..<(at + n))
        at += n + 1
      }
      return (s.tokens.joined(separator: " "), offsets)
    }
    do {
      return (text, try SentenceOffsets.offsets(s, text: ScalarText(text)))
    } catch SentenceOffsets.Failure.mismatch(let why) {
      throw DataError(
        line: s.line,
        "\(why), and the sentence has no 'offsets' (normalized or masked tokens need them: ner-tokenize --to jsonl writes them, and ner-convert keeps them)")
    }
  }
}
