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

  /// Appends the transformed `token` (valid UTF-8) of kind `kind` to `out`.
  func append(_ token: UnsafeBufferPointer<UInt8>, _ kind: Tokenizer.Kind, to out: inout [UInt8]) {
    if maskURLs {
      switch kind {
      case .url: out.append(contentsOf: "url".utf8); return
      case .email: out.append(contentsOf: "email".utf8); return
      case .number: out.append(contentsOf: "num".utf8); return
      default: break
      }
    }
    if !lowercase && !maskDigits {
      if normalization?.leavesUnchanged(token) ?? true {
        out.append(contentsOf: token)
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
    out.append(contentsOf: t.utf8)
  }
}
