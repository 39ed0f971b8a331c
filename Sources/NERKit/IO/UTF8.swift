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

  /// Whether the bytes are valid UTF-8.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      // Multi-byte sequence: leave the rules (overlongs, surrogates) to the stdlib.
      return String(validating: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self) != nil
    }
    return true
  }
}
