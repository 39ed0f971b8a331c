import CICU

/// Unicode normalization forms, through system ICU.
public enum NormalizationForm: String, CaseIterable, Sendable {
  case nfc, nfd, nfkc, nfkd

  var code: Int32 {
    switch self {
    case .nfc: return Int32(CICU_NFC)
    case .nfd: return Int32(CICU_NFD)
    case .nfkc: return Int32(CICU_NFKC)
    case .nfkd: return Int32(CICU_NFKD)
    }
  }

  /// `text` in this form. ASCII text is returned as is without calling ICU.
  public func apply(_ text: String) -> String {
    var s = text
    return s.withUTF8 { src -> String in
      if leavesUnchanged(src) { return text }
      let base = src.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
      var capacity = src.count * 3 + 16
      while true {
        var out = [CChar](repeating: 0, count: capacity)
        let n = cicu_normalize(code, base, Int64(src.count), &out, Int64(capacity))
        if n < 0 { return text }
        if n <= capacity {
          return String(decoding: out.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        capacity = Int(n) + 1
      }
    }
  }

  /// Whether the UTF-8 text is already in this form (ASCII is in every form; ICU decides
  /// the rest).
  public func leavesUnchanged(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every scalar below U+0300 (UTF-8 bytes below 0xCC) is already in NFC.
    if self == .nfc {
      if !utf8.contains(where: { $0 >= 0xCC }) { return true }
    } else if !utf8.contains(where: { $0 >= 0x80 }) {
      return true
    }
    let base = utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
    return cicu_is_normalized(code, base, Int64(utf8.count)) == 1
  }

  /// The version of the ICU library in use.
  public static var icuVersion: String { String(cString: cicu_version()) }
}
