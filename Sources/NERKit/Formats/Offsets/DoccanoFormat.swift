/// doccano's JSONL for sequence labelling, one document a line:
/// `{"id": 1, "text": "...", "label": [[start, end, "TYPE"], ...]}`, offsets in Unicode
/// scalars. Reading also takes doccano's newer `entities` (objects with `start_offset`,
/// `end_offset`, `label`); other fields are kept as the document's (metadata of its first
/// sentence) and written back. A document without `id` is numbered by its position.
public final class DoccanoReader: DocumentSource {
  private let lines: LineReader
  private var number = 0

  public init(lines: LineReader) { self.lines = lines }

  public func nextDocument() throws -> OffsetDocument? {
    while let line = try lines.next() {
      if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      number += 1
      do {
        return try Self.parse(line.bytes, line: line.number, number: number)
      } catch let f as JSONScanner.Failure {
        throw DataError(line: line.number, "invalid JSON: \(f)")
      }
    }
    return nil
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, number: Int) throws -> OffsetDocument {
    var scanner = JSONScanner(bytes)
    var document = OffsetDocument(id: String(number), text: "", line: line)
    var text: String?
    try scanner.readObject { s, key in
      switch key {
      case "id": document.id = try OffsetJSON.identifier(&s)
      case "text": text = try s.readString()
      case "label", "labels": document.spans += try OffsetJSON.triples(&s, key: key, line: line)
      case "entities": document.spans += try entities(&s, line: line)
      default:
        if DocumentMetadata.owned.contains(key) || key == "tokens" || key == "tags" {
          throw DataError(line: line, "field '\(key)' would clash with the sentences' own '\(key)': rename it")
        }
        document.fields.append(try OffsetJSON.field(&s, key: key))
      }
    }
    scanner.skipWhitespace()
    guard scanner.atEnd else { throw DataError(line: line, "invalid JSON: text after the object") }
    guard let text else { throw DataError(line: line, "missing 'text'") }
    document.text = text
    return document
  }

  /// doccano's `entities`: `[{"id":..,"label":"PER","start_offset":0,"end_offset":3}]`.
  static func entities(_ s: inout JSONScanner, line: Int) throws -> [CharacterSpan] {
    var spans: [CharacterSpan] = []
    try s.readArray { s in
      var start: Int?
      var end: Int?
      var label: String?
      try s.readObject { s, k in
        switch k {
        case "start_offset": start = try s.readRequiredInt("start_offset")
        case "end_offset": end = try s.readRequiredInt("end_offset")
        case "label": label = try s.readString()
        default: try s.skipValue()
        }
      }
      guard let start, let end, let label else {
        throw DataError(line: line, "an entity needs 'start_offset', 'end_offset' and 'label'")
      }
      spans.append(CharacterSpan(start: start, end: end, type: label))
    }
    return spans
  }
}

/// Writes doccano's JSONL: `{"id":...,"text":...,"label":[[start,end,"TYPE"],...]}` and the
/// document's other fields after them; an id of digits only is written as a number.
public final class DoccanoWriter: DocumentSink {
  private let out: OutputBuffer

  public init(_ out: OutputBuffer) { self.out = out }

  public func write(_ d: OffsetDocument) throws {
    var fields: [(String, String)] = [("id", OffsetJSON.identifier(d.id)), ("text", JSONText.quote(d.text))]
    fields.append(("label", JSONText.array(raw: d.spans.map { "[\($0.start),\($0.end),\(JSONText.quote($0.type))]" })))
    fields += OffsetJSON.entries(d.fields)
    try out.write(JSONText.object(fields) + "\n")
  }

  public func finish() throws { try out.flush() }
}
