/// spaCy's (v2) training JSON: an array of `[text, {"entities": [[start, end, "LABEL"],
/// ...]}]`, offsets in Unicode scalars. Documents have no ids: they are numbered from 1 in
/// their file. Other keys of the annotation object (`cats`, `links`...) are not read.
/// Read one entry at a time (``JSONValueStream``).
public final class SpacyReader: DocumentSource {
  private let values: JSONValueStream
  private var number = 0

  public init(lines: LineReader) { values = JSONValueStream(lines: lines) }

  public func nextDocument() throws -> OffsetDocument? {
    guard let value = try values.next() else { return nil }
    number += 1
    let line = value.line
    var document = OffsetDocument(id: String(number), text: "", line: line)
    do {
      try value.bytes.withUnsafeBufferPointer { bytes in
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
      }
    } catch let f as JSONScanner.Failure {
      throw DataError(line: line, "invalid JSON: \(f)")
    }
    return document
  }
}

/// Writes spaCy's training JSON: `[` then one `["text",{"entities":[[start,end,"LABEL"]]}]`
/// a line, then `]`.
public final class SpacyWriter: DocumentSink {
  private let out: OutputBuffer
  private var count = 0

  public init(_ out: OutputBuffer) { self.out = out }

  public func write(_ d: OffsetDocument) throws {
    let entities = JSONText.array(raw: d.spans.map { "[\($0.start),\($0.end),\(JSONText.quote($0.type))]" })
    try out.write((count == 0 ? "[\n" : ",\n") + "[\(JSONText.quote(d.text)),{\"entities\":\(entities)}]")
    count += 1
  }

  public func finish() throws {
    try out.write(count == 0 ? "[]\n" : "\n]\n")
    try out.flush()
  }
}
