/// Sentence ids that depend only on the text of the line a sentence comes from and on its
/// position in that line, so that any cut of the input into shards gives the same ids.
///
/// The id is the first 12 hexadecimal digits of the 64-bit FNV-1a hash of the line's
/// UTF-8 bytes, a hyphen, and the sentence's number in the line (from 1): `3f9a0c12be47-2`.
/// Identical lines give identical ids.
public enum SentenceID {
  public static func make(line: String, sentence: Int) -> String {
    "\(prefix(line: line))-\(sentence)"
  }

  /// The part of the id shared by all sentences of `line`.
  public static func prefix(line: String) -> String {
    let hex = String(FNV1a.hash(line.utf8), radix: 16)
    let padded = String(repeating: "0", count: 16 - hex.count) + hex
    return String(padded.prefix(12))
  }
}
