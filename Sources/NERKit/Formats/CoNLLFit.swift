/// What CoNLL can hold: ``CoNLLWriter`` checks each record against it, so that what it
/// writes reads back (``CoNLLReader``) as the same record, and refuses a record (a
/// ``DataError`` naming its line and field) rather than write one that would not:
///
/// - a value holding a line feed, a tab, or the sentence's separator (a space when it is
///   one, or when the sentence has one column: its lines then hold no tab, and the reader
///   would split them at spaces), or ending its line with a CR in a layout of LF line
///   ends (the reader takes it for a CR LF line end);
/// - an empty value in a sentence of one column (a blank line ends a sentence);
/// - a token line that would read as something else: a first line starting with `#`
///   (metadata, unless it looks like a token line of the file, as the reader judges), or
///   any line starting with the `-DOCSTART-` field (a document boundary), or a line
///   that looks like JSON (which the reader refuses);
/// - a comment line that does not start with `#` or holds a line feed (or ends with a CR
///   in a layout of LF line ends);
/// - a `-DOCSTART-` record whose text is not one `-DOCSTART-` line.
///
/// Memory: none beyond the record; one pass over its values.
struct CoNLLFit {
  /// The width of the last sentence with tokens, as the reader keeps it to tell a `#`
  /// token line from a comment.
  private(set) var lastColumnCount = 0

  /// Throws if CoNLL cannot hold `s` as it stands (its comment lines too, unless they
  /// are left out); else notes its width.
  mutating func check(_ s: Sentence, comments: Bool) throws {
    for h in s.header where comments {
      guard case .comment(let text) = h else { continue }
      if !text.hasPrefix("#") || text.utf8.contains(0x0A) || !s.layout.crlf && text.utf8.last == 0x0D {
        throw DataError(line: s.line, "comment '\(Self.shown(text))' cannot be written as a CoNLL comment line (it must start with '#' and be one line)")
      }
    }
    let width = s.columns.count
    guard s.count > 0 else { return }
    let separator = s.layout.separator
    let spaceSplits = separator == 0x20 || width == 1
    for (j, c) in s.columns.enumerated() {
      let endsLine = j == width - 1 && !s.layout.crlf
      for (i, value) in c.values.enumerated() {
        if let problem = Self.problem(value, spaceSplits: spaceSplits, alone: width == 1, endsLine: endsLine) {
          throw DataError(line: s.lineOfToken(i), "'\(c.key)' value \(i + 1) ('\(Self.shown(value))') \(problem): CoNLL cannot hold it")
        }
      }
    }
    let first = s.columns[0]
    let sep = String(UnicodeScalar(separator))
    for (i, value) in first.values.enumerated() {
      if Self.isDocStart(value) {
        throw DataError(line: s.lineOfToken(i), "'\(first.key)' value \(i + 1) is '-DOCSTART-', which CoNLL reads as a document boundary")
      }
      guard let start = value.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), start == UInt8(ascii: "{") || start == UInt8(ascii: "[") else {
        continue
      }
      var line = s.columns.map { $0.values[i] }.joined(separator: sep)
      if line.withUTF8({ CoNLLReader.looksLikeJSON($0) }) {
        throw DataError(line: s.lineOfToken(i), "token line \(i + 1) ('\(Self.shown(line))') would read as JSON, which CoNLL refuses")
      }
    }
    if first.values[0].hasPrefix("#") {
      let line = s.columns.map { $0.values[0] }.joined(separator: String(UnicodeScalar(separator)))
      guard CoNLLReader.looksLikeTokenLine(line, columns: lastColumnCount) else {
        throw DataError(
          line: s.lineOfToken(0),
          "'\(first.key)' value 1 ('\(Self.shown(first.values[0]))') starts the sentence's first line with '#', which CoNLL reads as a comment here")
      }
    }
    lastColumnCount = width
  }

  /// Throws if CoNLL cannot hold `d` as one `-DOCSTART-` line.
  func check(_ d: DocumentStart) throws {
    let text = d.text
    if text.utf8.contains(0x0A) || !d.layout.crlf && text.utf8.last == 0x0D || !Self.isDocStart(text) {
      throw DataError(line: d.line, "'docstart' ('\(Self.shown(text))') is not one '-DOCSTART-' line: CoNLL cannot hold it")
    }
  }

  /// What keeps `value` out of a CoNLL field, if anything; `endsLine`: the field ends
  /// its line, where a CR would read as the CR of a CR LF line end.
  private static func problem(_ value: String, spaceSplits: Bool, alone: Bool, endsLine: Bool) -> String? {
    if alone && value.isEmpty { return "is empty" }
    if endsLine && value.utf8.last == 0x0D { return "ends with a carriage return (read as a CR LF line end)" }
    for b in value.utf8 {
      switch b {
      case 0x0A: return "holds a line break"
      case 0x09: return "holds a tab"
      case 0x20 where spaceSplits: return "holds a space, the separator"
      default: continue
      }
    }
    return nil
  }

  /// Whether a line starting with `text` is a `-DOCSTART-` line.
  private static func isDocStart(_ text: String) -> Bool {
    guard text.hasPrefix("-DOCSTART-") else { return false }
    let rest = text.utf8.dropFirst(10)
    return rest.first == nil || rest.first == 0x20 || rest.first == 0x09
  }

  /// A value for a message: line breaks and tabs escaped, at most 40 characters.
  private static func shown(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars.prefix(40) {
      switch c {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out.unicodeScalars.append(c)
      }
    }
    return text.unicodeScalars.count > 40 ? out + "..." : out
  }
}
