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
    decode(bytes) != nil
  }
}
