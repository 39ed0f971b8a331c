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
      // Every scalar below U+0300 (UTF-8 bytes below 0xCC) is already in NFC.
      if self == .nfc {
        var below = true
        for b in src where b >= 0xCC { below = false; break }
        if below { return text }
      } else if !src.contains(where: { $0 >= 0x80 }) {
        return text
      }
      let base = src.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
      if cicu_is_normalized(code, base, Int64(src.count)) == 1 { return text }
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

  /// The version of the ICU library in use.
  public static var icuVersion: String { String(cString: cicu_version()) }
}
