/// spaCy's (v2) training JSON: an array of `[text, {"entities": [[start, end, "LABEL"],
/// ...]}]`, offsets in Unicode scalars. Documents have no ids: they are numbered from 1 in
/// their file. Other keys of the annotation object (`cats`, `links`...) are not read.
/// Read one entry at a time (``JSONValueStream``).
public enum SpacyReader {
  /// The entries of `lines` as documents.
  public static func documents(_ lines: LineReader) -> DocumentSource { JSONDocumentReader(lines: lines, parse: entry) }

  static func entry(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, number: Int) throws -> OffsetDocument {
    var document = OffsetDocument(id: String(number), text: "", line: line)
    var s = JSONScanner(bytes)
    var n = 0
    try s.readArray { s in
      switch n {
      case 0:
        guard s.peek() == 0x22 else { throw DataError(line: line, "an entry must be [text, {\"entities\": [...]}]: its first element is not a string") }
        document.text = try s.readString()
      case 1:
        guard s.peek() == UInt8(ascii: "{") else { throw DataError(line: line, "an entry must be [text, {\"entities\": [...]}]: its second element is not an object") }
        try s.readObject { s, key in
          if key == "entities" { document.spans = try OffsetJSON.triples(&s, key: key, line: line) } else { try s.skipValue() }
        }
      default:
        throw DataError(line: line, "an entry must be [text, {\"entities\": [...]}]: it has more than two elements")
      }
      n += 1
    }
    guard n >= 1 else { throw DataError(line: line, "an entry must be [text, {\"entities\": [...]}]: it is empty") }
    return document
  }
}

/// Writes spaCy's training JSON: `[` then one `["text",{"entities":[[start,end,"LABEL"]]}]`
/// a line, then `]`.
public final class SpacyWriter: DocumentSink {
  private let array: JSONArrayOutput

  public init(_ out: OutputBuffer) { array = JSONArrayOutput(out) }

  public func write(_ d: OffsetDocument) throws {
    let entities = JSONText.array(raw: d.spans.map { "[\($0.start),\($0.end),\(JSONText.quote($0.type))]" })
    try array.append("[\(JSONText.quote(d.text)),{\"entities\":\(entities)}]")
  }

  public func finish() throws { try array.finish() }
}
