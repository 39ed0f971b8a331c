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
    var out: [UInt8] = []
    appendPrefix(line.utf8, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the part of the id shared by all sentences of the line `utf8` to `out`.
  public static func appendPrefix<Bytes: Sequence>(_ utf8: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
    let hash = FNV1a.hash(utf8)
    for k in 0..<12 {
      let digit = UInt8((hash >> (60 - 4 * UInt64(k))) & 0xF)
      out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
    }
  }
}
