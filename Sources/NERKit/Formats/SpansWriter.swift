/// Writes entities one per line, tab-separated: sentence id, start token, end token
/// (exclusive), type, surface text (the tokens joined by spaces). Made for grep, awk and
/// `sort | uniq -c`.
///
/// The sentence id is the sentence's `id` metadata, or its number in the input (counting
/// sentences from 1, document boundaries excluded). Spans are read from the gold tag
/// column with ``SpanDecoder/lenient(_:)``, so any scheme works.
///
/// With ``characterOffsets``, a sentence whose tokens have offsets (its `offsets`, or
/// tokens found in its `text`: ``SentenceOffsets``) gets two more fields, the entity's
/// start and end in Unicode scalars: in its document when the sentence has a
/// `doc_offset` (it was cut from a document), else in its `text`.
public final class SpansWriter: RecordWriter {
  private let out: OutputBuffer
  private var sentenceNumber = 0
  /// The key of the column to read spans from (default: the gold tags).
  public var columnKey: String?
  /// The key of a JSON metadata field holding a number per entity (a JSON array), written
  /// as a sixth field when the sentence has it (ner-tag's entity probabilities).
  public var confidenceKey: String?
  /// Add the entities' character offsets when the sentence has them.
  public var characterOffsets = false

  public init(_ out: OutputBuffer) { self.out = out }

  public func write(_ record: Record) throws {
    guard case .sentence(let s) = record, s.count > 0 else { return }
    sentenceNumber += 1
    let column: Int?
    if let key = columnKey { column = s.columnIndex(key) } else { column = s.tagColumn }
    guard let c = column else {
      throw DataError(line: s.line, "no tag column to read entities from")
    }
    let tags = try TagColumn.parse(s, column: c)
    let id = s.metadata("id") ?? String(sentenceNumber)
    let tokens = s.tokens
    var confidences: [Substring] = []
    if let key = confidenceKey {
      for case let .json(k, raw) in s.header where k == key {
        confidences = raw.dropFirst().dropLast().split(separator: ",")
      }
    }
    let offsets = characterOffsets ? SentenceOffsets.offsetsIfAny(s) : nil
    let base = s.metadata(DocumentMetadata.offset).flatMap { Int($0) } ?? 0
    for (k, span) in SpanDecoder.lenient(tags).enumerated() {
      var extra = k < confidences.count ? "\t\(confidences[k])" : ""
      if let offsets {
        extra += "\t\(base + offsets[span.start].lowerBound)\t\(base + offsets[span.end - 1].upperBound)"
      }
      try out.write("\(id)\t\(span.start)\t\(span.end)\t\(span.type)\t\(tokens[span.start..<span.end].joined(separator: " "))\(extra)\n")
    }
  }

  public func finish() throws { try out.flush() }
}
