/// CRFsuite's data format: one item per line, `LABEL<TAB>attr<TAB>attr:weight...`, a
/// blank line between sequences. In attribute names `:` is written `\:` and `\` is
/// written `\\`; a weight follows the first unescaped `:` (1 when absent).
public enum CRFsuiteFormat {
  /// An attribute name with `:` and `\` escaped.
  public static func escape(_ name: String) -> String {
    guard name.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "\\") }) else { return name }
    var out = ""
    for c in name.unicodeScalars {
      if c == ":" || c == "\\" { out.unicodeScalars.append("\\") }
      out.unicodeScalars.append(c)
    }
    return out
  }

  /// One item's line (without its newline).
  public static func line(label: String, attributes: [String]) -> String {
    ([label] + attributes.map(escape)).joined(separator: "\t")
  }

  /// Parses one item's line into its label and (attribute, weight) pairs.
  public static func parse(_ line: String, lineNumber: Int) throws -> (label: String, attributes: [(String, Double)]) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard let first = fields.first else { return ("", []) }
    var attributes: [(String, Double)] = []
    for field in fields.dropFirst() where !field.isEmpty {
      var name = ""
      var weight: Substring?
      var escaped = false
      var index = field.unicodeScalars.startIndex
      let scalars = field.unicodeScalars
      while index < scalars.endIndex {
        let c = scalars[index]
        if escaped {
          name.unicodeScalars.append(c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == ":" {
          weight = Substring(scalars[scalars.index(after: index)...])
          break
        } else {
          name.unicodeScalars.append(c)
        }
        index = scalars.index(after: index)
      }
      if escaped { throw DataError(line: lineNumber, "attribute '\(field)' ends with a lone backslash") }
      var value = 1.0
      if let w = weight {
        guard let v = Double(w), v.isFinite else {
          throw DataError(line: lineNumber, "attribute '\(field)' has a weight that is not a finite number")
        }
        value = v
      }
      attributes.append((name, value))
    }
    return (String(first), attributes)
  }

  /// Parses one item's line from its bytes (valid UTF-8 is checked; the usual line, with
  /// no `:` and no `\\`, is split without going through Unicode scalars).
  public static func parse(bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws -> (label: String, attributes: [(String, Double)]) {
    let colon = UInt8(ascii: ":"), backslash = UInt8(ascii: "\\"), tab = UInt8(ascii: "\t")
    guard !bytes.contains(where: { $0 == colon || $0 == backslash }) else {
      guard let text = UTF8Text.decode(bytes) else { throw DataError(line: lineNumber, "invalid UTF-8") }
      return try parse(text, lineNumber: lineNumber)
    }
    guard UTF8Text.isValid(bytes) else { throw DataError(line: lineNumber, "invalid UTF-8") }
    var label = ""
    var attributes: [(String, Double)] = []
    var start = 0
    var first = true
    for i in 0...bytes.count where i == bytes.count || bytes[i] == tab {
      let field = UnsafeBufferPointer(rebasing: bytes[start..<i])
      if first {
        label = String(decoding: field, as: UTF8.self)
        first = false
      } else if !field.isEmpty {
        attributes.append((String(decoding: field, as: UTF8.self), 1))
      }
      start = i + 1
    }
    return (label, attributes)
  }
}
