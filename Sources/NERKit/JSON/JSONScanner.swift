/// A small, strict JSON reader over UTF-8 bytes (RFC 8259), made for JSONL records: it
/// walks one top-level object, decodes the fields a tool owns and hands back every other
/// value as its exact source text, so unknown fields pass through untouched.
public struct JSONScanner {
  /// Why a text is not JSON, with the byte offset.
  public struct Failure: Error, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "\(message) at byte \(offset + 1)" }
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  public private(set) var position = 0

  public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private func fail(_ message: String) -> Failure { Failure(offset: position, message: message) }

  public mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  public var atEnd: Bool { position >= bytes.count }

  private mutating func expect(_ byte: UInt8, _ what: String) throws {
    skipWhitespace()
    guard position < bytes.count, bytes[position] == byte else { throw fail("expected \(what)") }
    position += 1
  }

  /// Reads an object's fields: calls `field` with each key, positioned at its value,
  /// which the callback must consume (with ``readString()``, ``readStringArray()``,
  /// ``skipValue()``...).
  public mutating func readObject(_ field: (inout JSONScanner, String) throws -> Void) throws {
    try expect(UInt8(ascii: "{"), "'{'")
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return }
    while true {
      skipWhitespace()
      let key = try readString()
      try expect(UInt8(ascii: ":"), "':'")
      skipWhitespace()
      try field(&self, key)
      skipWhitespace()
      guard position < bytes.count else { throw fail("unterminated object") }
      let c = bytes[position]
      position += 1
      if c == UInt8(ascii: "}") { return }
      if c != UInt8(ascii: ",") { position -= 1; throw fail("expected ',' or '}'") }
    }
  }

  /// The next value's kind, without consuming it.
  public mutating func peek() -> UInt8? {
    skipWhitespace()
    return position < bytes.count ? bytes[position] : nil
  }

  /// Reads a string value.
  public mutating func readString() throws -> String {
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a string") }
    position += 1
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let c = bytes[position]
      if c == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        guard let s = UTF8Text.decode(slice) else { position = start; throw fail("invalid UTF-8 in a string") }
        return s
      }
      if c == UInt8(ascii: "\\") || c < 0x20 { break }
      position += 1
    }
    var out: [UInt8] = Array(bytes[start..<position])
    while position < bytes.count {
      let c = bytes[position]
      if c == UInt8(ascii: "\"") {
        position += 1
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in a string") }
        return s
      }
      if c < 0x20 { throw fail("control character in a string") }
      if c != UInt8(ascii: "\\") { out.append(c); position += 1; continue }
      position += 1
      guard position < bytes.count else { break }
      let e = bytes[position]
      position += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try readHex4()
        if scalar >= 0xD800 && scalar < 0xDC00 {
          guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
          else { throw fail("unpaired surrogate") }
          position += 2
          let low = try readHex4()
          guard low >= 0xDC00 && low < 0xE000 else { throw fail("unpaired surrogate") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
          throw fail("unpaired surrogate")
        }
        out.append(contentsOf: Array(String(UnicodeScalar(scalar)!).utf8))
      default:
        position -= 1
        throw fail("invalid escape")
      }
    }
    throw fail("unterminated string")
  }

  private mutating func readHex4() throws -> UInt32 {
    guard position + 4 <= bytes.count else { throw fail("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[position]
      let d: UInt32
      switch c {
      case 0x30...0x39: d = UInt32(c - 0x30)
      case 0x41...0x46: d = UInt32(c - 0x41 + 10)
      case 0x61...0x66: d = UInt32(c - 0x61 + 10)
      default: throw fail("invalid \\u escape")
      }
      v = v * 16 + d
      position += 1
    }
    return v
  }

  /// Reads an array: calls `element` positioned at each value, which it must consume.
  public mutating func readArray(_ element: (inout JSONScanner) throws -> Void) throws {
    try expect(UInt8(ascii: "["), "'['")
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return }
    while true {
      skipWhitespace()
      try element(&self)
      skipWhitespace()
      guard position < bytes.count else { throw fail("unterminated array") }
      let c = bytes[position]
      position += 1
      if c == UInt8(ascii: "]") { return }
      if c != UInt8(ascii: ",") { position -= 1; throw fail("expected ',' or ']'") }
    }
  }

  /// Reads an integer, or fails naming `what`.
  public mutating func readRequiredInt(_ what: String) throws -> Int {
    guard let v = try readInt() else { throw fail("expected an integer for \(what)") }
    return v
  }

  /// Reads an array whose elements are all strings; nil (consuming nothing) when the
  /// value is not an array of strings.
  public mutating func readStringArray() throws -> [String]? {
    struct NotStrings: Error {}
    guard peek() == UInt8(ascii: "[") else { return nil }
    let save = position
    var result: [String] = []
    do {
      try readArray { s in
        guard s.peek() == UInt8(ascii: "\"") else { throw NotStrings() }
        result.append(try s.readString())
      }
    } catch is NotStrings {
      position = save
      return nil
    }
    return result
  }

  /// Skips any value, validating it, and returns its source text.
  @discardableResult
  public mutating func skipValue() throws -> String {
    skipWhitespace()
    let start = position
    try skipAny(depth: 0)
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
  }

  private mutating func skipAny(depth: Int) throws {
    guard depth < 512 else { throw fail("nesting too deep") }
    skipWhitespace()
    guard position < bytes.count else { throw fail("expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "\""): _ = try readString()
    case UInt8(ascii: "{"):
      try readObject { s, _ in try s.skipAny(depth: depth + 1) }
    case UInt8(ascii: "["):
      try readArray { s in try s.skipAny(depth: depth + 1) }
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: try skipNumber()
    }
  }

  private mutating func literal(_ word: StaticString) throws {
    let n = word.utf8CodeUnitCount
    guard position + n <= bytes.count else { throw fail("invalid literal") }
    for i in 0..<n where bytes[position + i] != word.utf8Start[i] { throw fail("invalid literal") }
    position += n
  }

  private mutating func skipNumber() throws {
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    func digits() -> Int {
      let s = position
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
      return position - s
    }
    let intStart = position
    let n = digits()
    guard n > 0 else { position = start; throw fail("expected a value") }
    if n > 1 && bytes[intStart] == 0x30 { throw fail("leading zero in a number") }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw fail("invalid number") }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
      guard digits() > 0 else { throw fail("invalid number") }
    }
  }

  /// Reads an integer value, or nil when the value is not an integer (nothing consumed).
  public mutating func readInt() throws -> Int? {
    skipWhitespace()
    let save = position
    guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || (bytes[position] >= 0x30 && bytes[position] <= 0x39) else { return nil }
    try skipNumber()
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[save..<position]), as: UTF8.self)
    guard let v = Int(text) else { position = save; return nil }
    return v
  }
}
