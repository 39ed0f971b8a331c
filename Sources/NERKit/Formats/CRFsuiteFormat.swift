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
        guard let v = Double(w) else { throw DataError(line: lineNumber, "attribute '\(field)' has a weight that is not a number") }
        value = v
      }
      attributes.append((name, value))
    }
    return (String(first), attributes)
  }
}
