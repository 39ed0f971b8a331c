/// UTF-8 helpers shared by the readers.
public enum UTF8Text {
  /// Decodes bytes that must be valid UTF-8, or nil when they are not.
  @inlinable
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var ascii = true
    for b in bytes where b >= 0x80 { ascii = false; break }
    if ascii { return String(decoding: bytes, as: UTF8.self) }
    return String(validating: bytes, as: UTF8.self)
  }

  /// Whether the bytes are valid UTF-8 (shortest forms, no surrogates, at most U+10FFFF).
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    let base = UnsafeRawPointer(bytes.baseAddress)
    while i < n {
      // ASCII eight bytes at a time.
      if let base, i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      // The allowed range of the second byte depends on the first (Unicode table 3-7).
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return false
      }
      guard i + length <= n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
      i += length
    }
    return true
  }
}
