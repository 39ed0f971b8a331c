/// What becomes of a token's text on its way out, as ``TokenizerOptions`` asks, in this
/// order: URLs, e-mail addresses and numbers masked (`url`, `email`, `num`), Unicode
/// normalization, lowercase, decimal digits masked (`0`). Works on UTF-8 bytes; tokens
/// that nothing changes (ASCII, or already normalized, without lowercase or digit masking)
/// are copied as they are.
public struct TokenTransform {
  private let normalization: NormalizationForm?
  private let lowercase: Bool
  private let maskDigits: Bool
  private let maskURLs: Bool

  public init(_ options: TokenizerOptions) {
    normalization = options.normalization
    lowercase = options.lowercase
    maskDigits = options.maskDigits
    maskURLs = options.maskURLs
  }

  /// True when every token in `text` comes out as it is, as a quick look at the bytes
  /// shows: nothing but normalization asked, and `text` below U+0300 for NFC, or ASCII.
  func leavesTokensUnchanged(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !maskURLs && !lowercase && !maskDigits else { return false }
    guard let form = normalization else { return true }
    let limit: UInt8 = form == .nfc ? 0xCC : 0x80
    return !text.contains { $0 >= limit }
  }

  /// Appends the transformed `token` (valid UTF-8) of kind `kind` to `out`.
  func append(_ token: UnsafeBufferPointer<UInt8>, _ kind: Tokenizer.Kind, to out: inout ByteBuffer) {
    if maskURLs {
      switch kind {
      case .url: out.append("url"); return
      case .email: out.append("email"); return
      case .number: out.append("num"); return
      default: break
      }
    }
    if !lowercase && !maskDigits {
      if normalization?.leavesUnchanged(token) ?? true {
        out.append(token)
        return
      }
    } else if !token.contains(where: { $0 >= 0x80 }) {
      // ASCII: in every normalization form; lowercase and digits are ASCII too.
      for var b in token {
        if lowercase && b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
        if maskDigits && b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { b = UInt8(ascii: "0") }
        out.append(b)
      }
      return
    }
    var t = String(decoding: token, as: UTF8.self)
    if let form = normalization { t = form.apply(t) }
    if lowercase { t = t.lowercased() }
    if maskDigits {
      t = String(String.UnicodeScalarView(t.unicodeScalars.map { $0.properties.numericType == .decimal ? "0" : $0 }))
    }
    t.withUTF8 { out.append($0) }
  }
}
