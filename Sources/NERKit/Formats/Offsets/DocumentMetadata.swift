/// The metadata that tie a sentence to the document it was cut from, so that the
/// sentences of a document can be put back together (``DocumentAssembler``): `doc` (the
/// document's id), `doc_offset` (where the sentence's `text` starts in the document, in
/// Unicode scalars), `doc_space` (the whitespace before it, escaped, when it is not all
/// spaces) and `doc_tail` (the whitespace after the document's last sentence, escaped;
/// on the last sentence only, even when empty, so that it marks the document's end).
/// `offsets` holds each token's span in the sentence's `text`, as ner-tokenize writes it.
public enum DocumentMetadata {
  public static let doc = "doc"
  public static let offset = "doc_offset"
  public static let space = "doc_space"
  public static let tail = "doc_tail"
  public static let offsets = "offsets"
  /// The keys a sentence's document owns: not written back as document fields.
  public static let owned: Set<String> = ["id", "text", doc, offset, space, tail, offsets]
}

/// The escape of the whitespace between sentences of a document (`doc_space`,
/// `doc_tail`), so that it fits one CoNLL comment line: `\n`, `\r`, `\t`, `\v`, `\f` and
/// `\\` escaped, everything else as it is.
public enum SpaceEscape {
  /// Each escaped character and the letter after its backslash.
  private static let escapes: [(Unicode.Scalar, Unicode.Scalar)] = [
    ("\n", "n"), ("\r", "r"), ("\t", "t"), ("\u{0B}", "v"), ("\u{0C}", "f"), ("\\", "\\"),
  ]

  public static func escape(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars {
      if let e = escapes.first(where: { $0.0 == c }) {
        out.append("\\")
        out.append(e.1)
      } else {
        out.append(c)
      }
    }
    return String(out)
  }

  /// The text `escape` gave `s` for, or nil when `s` has an unknown escape.
  public static func unescape(_ s: String) -> String? {
    var out = String.UnicodeScalarView()
    var escaped = false
    for c in s.unicodeScalars {
      if escaped {
        guard let e = escapes.first(where: { $0.1 == c }) else { return nil }
        out.append(e.0)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.append(c)
      }
    }
    return escaped ? nil : String(out)
  }
}
