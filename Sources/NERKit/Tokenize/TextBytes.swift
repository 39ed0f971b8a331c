/// Byte-level helpers of ``Tokenizer`` over valid UTF-8: whitespace, trimming, sentence
/// terminators, Unicode scalar offsets.
extension Tokenizer {
  /// The length of the whitespace character at `i`, or 0 when there is none.
  @inline(__always)
  static func isSpaceScalarStart(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b = text[i]
    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { return 1 }
    if b < 0xC2 { return 0 }
    if b == 0xC2 && i + 1 < text.count && (text[i + 1] == 0xA0 || text[i + 1] == 0x85) { return 2 }  // NBSP, NEL
    if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 {
      let c = text[i + 2]
      if (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF { return 3 }  // U+2000-200A, 2028, 2029, 202F
    }
    if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x81 && text[i + 2] == 0x9F { return 3 }  // U+205F
    if b == 0xE3 && i + 2 < text.count && text[i + 1] == 0x80 && text[i + 2] == 0x80 { return 3 }  // U+3000
    if b == 0xE1 && i + 2 < text.count && text[i + 1] == 0x9A && text[i + 2] == 0x80 { return 3 }  // U+1680
    return 0
  }

  /// False when a character starting with byte `b` cannot be whitespace.
  @inline(__always)
  static func mayStartSpace(_ b: UInt8) -> Bool {
    b == 0x20 || (b >= 0x09 && b <= 0x0D) || b == 0xC2 || (b >= 0xE1 && b <= 0xE3)
  }

  /// Whether `range` of `text` is all whitespace.
  static func isSpace(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      let n = isSpaceScalarStart(text, i)
      if n == 0 { return false }
      i += n
    }
    return true
  }

  /// `range` without whitespace at either end.
  static func trim(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    while lo < range.upperBound {
      let n = isSpaceScalarStart(text, lo)
      if n == 0 { break }
      lo += n
    }
    var hi = range.upperBound
    while hi > lo {
      // Step back one scalar.
      var s = hi - 1
      while s > lo && text[s] & 0xC0 == 0x80 { s -= 1 }
      if isSpaceScalarStart(text, s) == hi - s { hi = s } else { break }
    }
    return lo..<hi
  }

  /// False when no sentence can end before the end of `text`: no sentence terminator nor
  /// paragraph separator stands before its final run of terminators, closing punctuation
  /// and spaces. Then ICU's sentence pass would find one sentence, and is skipped.
  static func mayHoldSeveralSentences(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    // The end of the text without its trailing terminators, closers and spaces.
    var end = text.count
    while end > 0 {
      let b = text[end - 1]
      if b == 0x20 || b == 0x09 || b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
        || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
      {
        end -= 1
      } else {
        break
      }
    }
    let raw = UnsafeRawPointer(text.baseAddress)
    var i = 0
    while i < end {
      // Eight ASCII bytes at a time, none of them a terminator.
      if let raw, i + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 && !hasByte(word, UInt8(ascii: ".")) && !hasByte(word, UInt8(ascii: "!"))
          && !hasByte(word, UInt8(ascii: "?"))
        {
          i += 8
          continue
        }
      }
      let b = text[i]
      if b < 0x80 {
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return true }
        i += 1
        continue
      }
      // U+0080-057F (Latin, Greek, Cyrillic...) holds no sentence terminator; NEL is a
      // line separator.
      if b >= 0xC2 && b <= 0xD5 && i + 1 < text.count {
        if b == 0xC2 && text[i + 1] == 0x85 { return true }
        i += 2
        continue
      }
      // Decode one scalar: a terminator of another script, or a line or paragraph
      // separator, leaves the decision to ICU.
      var length = 2
      var v = UInt32(b & 0x1F)
      if b >= 0xF0 { length = 4; v = UInt32(b & 0x07) } else if b >= 0xE0 { length = 3; v = UInt32(b & 0x0F) }
      guard i + length <= text.count else { return true }
      for k in 1..<length { v = v << 6 | UInt32(text[i + k] & 0x3F) }
      guard let scalar = Unicode.Scalar(v) else { return true }
      if scalar.properties.isSentenceTerminal || v == 0x2028 || v == 0x2029 || v == 0x85 { return true }
      i += length
    }
    return false
  }

  /// Whether one of the eight bytes of `word` is `byte`.
  @inline(__always)
  static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
  }

  /// The number of Unicode scalars in `range` of `text` (which starts and ends on scalar
  /// boundaries).
  @inline(__always)
  static func scalarCount(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var n = 0
    for i in range where text[i] & 0xC0 != 0x80 { n += 1 }
    return n
  }
}

/// Converts increasing UTF-8 byte offsets of a text to Unicode scalar offsets, counting
/// as it goes.
struct ScalarOffsets {
  private let text: UnsafeBufferPointer<UInt8>
  private let origin: Int
  private var byte: Int
  private var scalar = 0

  /// Offsets into `text` from byte `origin` on (scalar 0).
  init(_ text: UnsafeBufferPointer<UInt8>, origin: Int) {
    self.text = text
    self.origin = origin
    byte = origin
  }

  /// The scalar offset of byte `offset` (a scalar boundary at or after `origin`).
  mutating func scalars(at offset: Int) -> Int {
    if offset < byte { byte = origin; scalar = 0 }
    scalar += Tokenizer.scalarCount(text, byte..<offset)
    byte = offset
    return scalar
  }
}
