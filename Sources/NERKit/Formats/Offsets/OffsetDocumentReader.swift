/// Something that yields the documents of an input in a format with character offsets.
public protocol DocumentSource: AnyObject {
  /// The next document, or nil at the end of the input.
  func nextDocument() throws -> OffsetDocument?
}

/// Reads the documents of a ``DocumentSource`` as sentence records: each document is
/// tokenized into sentences (``DocumentTokens``), its spans become IOB2 tags
/// (``SpanAlignment``), and every sentence carries what puts the document back together
/// (``DocumentMetadata``): `id` (`DOC-N`), `doc`, `doc_offset`, `doc_space`, `doc_tail`,
/// `text` and `offsets`. The document's own other fields go on its first sentence. A
/// document with no token gives one empty sentence, so that it is written back.
/// Memory: one document.
public final class OffsetDocumentReader: RecordReader {
  private let source: DocumentSource
  private let tokenizer: Tokenizer
  private let alignment: SpanAlignment
  private var queue: [Record] = []
  private var position = 0

  public init(_ source: DocumentSource, tokenizer: Tokenizer, alignment: SpanAlignment) {
    self.source = source
    self.tokenizer = tokenizer
    self.alignment = alignment
  }

  public func next() throws -> Record? {
    while position == queue.count {
      guard let document = try source.nextDocument() else { return nil }
      queue = try Self.sentences(document, tokenizer: tokenizer, alignment: alignment).map { .sentence($0) }
      position = 0
    }
    defer { position += 1 }
    return queue[position]
  }

  /// The sentences of `document`, tagged.
  public static func sentences(_ document: OffsetDocument, tokenizer: Tokenizer, alignment: SpanAlignment) throws -> [Sentence] {
    let text = ScalarText(document.text)
    let tokens = DocumentTokens(text, tokenizer: tokenizer)
    let tags = try alignment.tags(document, text, tokens)
    var sentences: [Sentence] = []
    var end = 0  // the end of the sentence before, in the document
    for (k, part) in tokens.sentences.enumerated() {
      var header: [HeaderLine] = [
        .pair(key: "id", value: "\(document.id)-\(k + 1)"),
        .pair(key: DocumentMetadata.doc, value: document.id),
        .pair(key: DocumentMetadata.offset, value: String(part.text.lowerBound)),
      ]
      let gap = text.string(end..<part.text.lowerBound)
      if gap.unicodeScalars.contains(where: { $0 != " " }) {
        header.append(.pair(key: DocumentMetadata.space, value: SpaceEscape.escape(gap)))
      }
      if k == tokens.sentences.count - 1 {
        header.append(.pair(key: DocumentMetadata.tail, value: SpaceEscape.escape(text.string(part.text.upperBound..<text.count))))
      }
      if k == 0 { header += document.fields }
      header.append(.pair(key: "text", value: text.string(part.text)))
      let spans = tokens.tokens[part.tokens]
      let offsets = spans.map { "[\($0.lowerBound - part.text.lowerBound),\($0.upperBound - part.text.lowerBound)]" }
      header.append(.json(key: DocumentMetadata.offsets, raw: "[" + offsets.joined(separator: ",") + "]"))
      sentences.append(sentence(header, tokens: spans.map { text.string($0) }, tags: Array(tags[part.tokens]), line: document.line))
      end = part.text.upperBound
    }
    if sentences.isEmpty {
      var header: [HeaderLine] = [.pair(key: "id", value: "\(document.id)-0"), .pair(key: DocumentMetadata.doc, value: document.id)]
      header.append(.pair(key: DocumentMetadata.tail, value: SpaceEscape.escape(document.text)))
      sentences.append(sentence(header + document.fields, tokens: [], tags: [], line: document.line))
    }
    return sentences
  }

  private static func sentence(_ header: [HeaderLine], tokens: [String], tags: [String], line: Int) -> Sentence {
    var s = Sentence()
    s.header = header
    s.columns = [Column(key: "tokens", values: tokens), Column(key: "tags", values: tags)]
    s.tagColumn = 1
    s.line = line
    var order: [String] = []
    for h in header {
      switch h {
      case .pair(let k, _), .json(let k, _):
        if k == DocumentMetadata.offsets { order.append("tokens") }
        order.append(k)
      case .comment: break
      }
    }
    if !order.contains("tokens") { order.append("tokens") }
    s.jsonKeyOrder = order + ["tags"]
    return s
  }
}
