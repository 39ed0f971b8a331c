/// Writes JSON text.
public enum JSONText {
  /// A JSON string literal for `s`: quotes, backslashes and control characters escaped,
  /// everything else as UTF-8.
  public static func quote(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { needs = true; break }
    if !needs { return "\"" + s + "\"" }
    var out = ByteBuffer()
    out.append(0x22)
    var copy = s
    copy.withUTF8 { appendEscaped($0, to: &out) }
    out.append(0x22)
    return out.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends UTF-8 text to `out` as the inside of a JSON string literal: quotes,
  /// backslashes and control characters escaped, everything else as it is.
  public static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
    var start = 0  // of the bytes that need no escape, not yet appended
    for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
      out.append(UnsafeBufferPointer(rebasing: utf8[start..<i]))
      start = i + 1
      switch b {
      case 0x22: out.append("\\\"")
      case 0x5C: out.append("\\\\")
      case 0x0A: out.append("\\n")
      case 0x0D: out.append("\\r")
      case 0x09: out.append("\\t")
      case 0x08: out.append("\\b")
      case 0x0C: out.append("\\f")
      default:
        let hex: StaticString = "0123456789abcdef"
        out.append("\\u00")
        out.append(hex.utf8Start[Int(b >> 4)])
        out.append(hex.utf8Start[Int(b & 0xF)])
      }
    }
    out.append(UnsafeBufferPointer(rebasing: utf8[start...]))
  }

  /// A JSON array of strings.
  public static func array(_ values: [String]) -> String {
    var out = "["
    for (i, v) in values.enumerated() {
      if i > 0 { out += "," }
      out += quote(v)
    }
    out += "]"
    return out
  }

  /// A JSON array of values already written as JSON.
  public static func array(raw values: [String]) -> String { "[" + values.joined(separator: ",") + "]" }

  /// A JSON object of keys and values already written as JSON, in order.
  public static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}
