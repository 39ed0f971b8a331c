/// JSON helpers the offset formats share.
enum OffsetJSON {
  /// An id: a string, or any other value as its JSON text (a number).
  static func identifier(_ s: inout JSONScanner) throws -> String {
    s.peek() == 0x22 ? try s.readString() : try s.skipValue()
  }

  /// An integer, or nil (the value skipped) when the value is something else.
  static func int(_ s: inout JSONScanner) throws -> Int? {
    if let v = try s.readInt() { return v }
    try s.skipValue()
    return nil
  }

  /// A string, or nil (the value skipped) when the value is something else.
  static func string(_ s: inout JSONScanner) throws -> String? {
    if s.peek() == 0x22 { return try s.readString() }
    try s.skipValue()
    return nil
  }

  /// An array of strings, or nil (the value skipped) when the value is something else.
  static func strings(_ s: inout JSONScanner) throws -> [String]? {
    if let v = try s.readStringArray() { return v }
    try s.skipValue()
    return nil
  }

  /// An id as JSON: a number when it is digits only (without a leading zero), else a string.
  static func identifier(_ id: String) -> String {
    let digits = !id.isEmpty && id.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (id == "0" || !id.hasPrefix("0")) && id.utf8.count < 16
    return digits ? id : JSONText.quote(id)
  }

  /// A field kept as a header line: a string as a pair, anything else as its JSON text.
  static func field(_ s: inout JSONScanner, key: String) throws -> HeaderLine {
    s.peek() == 0x22 ? .pair(key: key, value: try s.readString()) : .json(key: key, raw: try s.skipValue())
  }

  /// Header lines as JSON fields.
  static func entries(_ header: [HeaderLine]) -> [(String, String)] {
    header.compactMap {
      switch $0 {
      case .pair(let k, let v): return (k, JSONText.quote(v))
      case .json(let k, let raw): return (k, raw)
      case .comment: return nil
      }
    }
  }

  /// `[[start, end, "TYPE"], ...]` (doccano's `label`, spaCy's `entities`).
  static func triples(_ s: inout JSONScanner, key: String, line: Int) throws -> [CharacterSpan] {
    var spans: [CharacterSpan] = []
    try s.readArray { s in
      var start: Int?
      var end: Int?
      var type: String?
      var n = 0
      try s.readArray { s in
        switch n {
        case 0: start = try s.readInt()
        case 1: end = try s.readInt()
        case 2: type = s.peek() == 0x22 ? try s.readString() : nil
        default: break
        }
        if n > 2 || (n < 2 && (n == 0 ? start : end) == nil) || (n == 2 && type == nil) {
          throw DataError(line: line, "'\(key)' must hold [start, end, \"LABEL\"] triples")
        }
        n += 1
      }
      guard let start, let end, let type, n == 3 else {
        throw DataError(line: line, "'\(key)' must hold [start, end, \"LABEL\"] triples")
      }
      spans.append(CharacterSpan(start: start, end: end, type: type))
    }
    return spans
  }
}

/// Writes a JSON array one element a line: `[`, the elements separated by `,` and a line
/// end, `]` (an empty array `[]`), as Label Studio and spaCy files are written.
final class JSONArrayOutput {
  private let out: OutputBuffer
  private var count = 0

  init(_ out: OutputBuffer) { self.out = out }

  /// Writes one element, given as JSON text.
  func append(_ element: String) throws {
    try out.write((count == 0 ? "[\n" : ",\n") + element)
    count += 1
  }

  /// Closes the array and flushes.
  func finish() throws {
    try out.write(count == 0 ? "[]\n" : "\n]\n")
    try out.flush()
  }
}

/// The documents of a JSON array (or of JSON values one after the other), one value at a
/// time (``JSONValueStream``), each made a document by `parse` (its bytes, the line it
/// starts on, its number from 1).
final class JSONDocumentReader: DocumentSource {
  private let values: JSONValueStream
  private let parse: (UnsafeBufferPointer<UInt8>, Int, Int) throws -> OffsetDocument
  private var number = 0

  init(lines: LineReader, parse: @escaping (UnsafeBufferPointer<UInt8>, _ line: Int, _ number: Int) throws -> OffsetDocument) {
    values = JSONValueStream(lines: lines)
    self.parse = parse
  }

  func nextDocument() throws -> OffsetDocument? {
    guard let value = try values.next() else { return nil }
    number += 1
    do {
      return try value.bytes.withUnsafeBufferPointer { try parse($0, value.line, number) }
    } catch let f as JSONScanner.Failure {
      throw DataError(line: value.line, "invalid JSON: \(f)")
    }
  }
}
