/// Sentence ids that depend only on the text of the line a sentence comes from and on its
/// position in that line, so that any cut of the input into shards gives the same ids.
///
/// The id is the first 12 hexadecimal digits of the 64-bit FNV-1a hash of the line's
/// UTF-8 bytes, a hyphen, and the sentence's number in the line (from 1): `3f9a0c12be47-2`.
/// Ids are unique within a file: the second and later lines of a file with the same 12
/// digits (identical lines) add their occurrence after a dot, `3f9a0c12be47.2-1`, so the
/// first occurrence keeps the id that a shard holding it alone gives.
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

  /// Appends the part of the id shared by all sentences of the line `utf8` to `out`; the
  /// line is the `occurrence`th of its file with this key (see ``key(_:)``).
  public static func appendPrefix<Bytes: Sequence>(_ utf8: Bytes, occurrence: Int = 1, to out: inout [UInt8]) where Bytes.Element == UInt8 {
    let hash = FNV1a.hash(utf8)
    for k in 0..<12 {
      let digit = UInt8((hash >> (60 - 4 * UInt64(k))) & 0xF)
      out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
    }
    if occurrence > 1 {
      out.append(UInt8(ascii: "."))
      out.append(contentsOf: String(occurrence).utf8)
    }
  }

  /// What the ids of a line's sentences are made of: the 48 bits of its hash they show.
  public static func key<Bytes: Sequence>(_ utf8: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    FNV1a.hash(utf8) >> 16
  }
}
