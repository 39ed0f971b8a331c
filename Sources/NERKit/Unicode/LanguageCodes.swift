import CICU

/// Language codes, for checking a `--lang` before it silently selects nothing.
public enum LanguageCodes {
  /// The ISO 639-1 (two-letter) codes system ICU knows, sorted.
  public static let iso639_1: [String] = (0..<cicu_language_count()).compactMap { i in
    cicu_language(i).map { String(cString: $0) }.flatMap { $0.utf8.count == 2 ? $0 : nil }
  }.sorted()

  /// Whether `code` looks like a language code: 2 or 3 ASCII letters, then any BCP-47
  /// subtags of 1 to 8 letters or digits after a hyphen (`pt`, `pt-BR`, `zh-Hant-TW`).
  public static func looksLikeCode(_ code: String) -> Bool {
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.utf8.count),
      first.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") })
    else { return false }
    return parts.dropFirst().allSatisfy { p in
      (1...8).contains(p.utf8.count) && p.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
    }
  }
}
