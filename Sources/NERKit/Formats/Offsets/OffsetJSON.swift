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
