/// The letter case of a source token, given to its translation (dictionaries are
/// lowercase, so `Paris` → `paris` → `Paris`).
///
/// Only cased letters count (`Character.isUppercase` / `isLowercase`); digits and
/// punctuation are ignored.
public enum CasePattern: Sendable, Equatable {
  /// No uppercase letter, or an uppercase letter after a lowercase one as the first
  /// cased letter (`iPhone`): the translation stays as the dictionary writes it.
  case lower
  /// The first cased letter is uppercase and the token is not ``upper`` (`Paris`,
  /// `McDonald`, and one-letter words such as `I` or `A`).
  case title
  /// At least two cased letters, all uppercase (`NATO`, `UK`, `H2O`).
  case upper

  /// The pattern of a token.
  public init(of token: String) {
    var upper = 0
    var lower = 0
    var firstIsUpper: Bool?
    for c in token {
      if c.isUppercase {
        upper += 1
        if firstIsUpper == nil { firstIsUpper = true }
      } else if c.isLowercase {
        lower += 1
        if firstIsUpper == nil { firstIsUpper = false }
      }
    }
    if upper == 0 {
      self = .lower
    } else if lower == 0 && upper >= 2 {
      self = .upper
    } else {
      self = firstIsUpper == true ? .title : .lower
    }
  }

  /// The words of a translation in this pattern: unchanged for ``lower``, the first
  /// character of the first word uppercased for ``title`` (`l'homme` → `L'homme`; the
  /// other words are left alone), every word uppercased for ``upper``.
  public func apply(to words: [String]) -> [String] {
    switch self {
    case .lower:
      return words
    case .title:
      guard var first = words.first, let c = first.first else { return words }
      first = c.uppercased() + first.dropFirst()
      var out = words
      out[0] = first
      return out
    case .upper:
      return words.map { $0.uppercased() }
    }
  }
}
