/// Romanizes tokens: any script to case-preserving ASCII Latin by default (ICU's
/// `Any-Latin; Latin-ASCII` plus the project's rules in ``RomanizationRules``, specialised
/// by language), or through any ICU transform ID.
///
/// Each distinct token is romanized once and remembered (up to ``cacheLimit`` tokens,
/// then the memory is cleared), so repeated names cost a dictionary lookup.
/// Not thread-safe (ICU transliterators): use one per thread.
public final class Romanizer {
  /// What to romanize with.
  public enum Scheme: Equatable, Sendable {
    /// The project's rules for a language (nil: for any language).
    case standard(language: String?)
    /// An ICU transform or compound ID, such as `Any-Latin; Latin-ASCII` or `Cyrillic-Latin`.
    case transform(String)
  }

  public let scheme: Scheme
  /// Leave tokens written in Latin script (with digits, punctuation and marks) as they are,
  /// diacritics included.
  public let keepLatin: Bool
  public static let cacheLimit = 1 << 20

  private let transliterator: Transliterator
  private var cache: [String: String] = [:]

  public init(_ scheme: Scheme, keepLatin: Bool = false) throws {
    self.scheme = scheme
    self.keepLatin = keepLatin
    switch scheme {
    case .standard(let language):
      transliterator = try Transliterator(
        id: "ner-romanize-\(language ?? "any")", rules: RomanizationRules.rules(language: language))
    case .transform(let id):
      transliterator = try Transliterator(id: id)
    }
  }

  /// The romanization of one token.
  public func romanize(_ token: String) -> String {
    if let hit = cache[token] { return hit }
    var ascii = true
    for b in token.utf8 where b >= 0x80 { ascii = false; break }
    let result: String
    if case .standard = scheme, ascii {
      result = token  // ASCII is its own romanization (a transform ID may differ)
    } else if keepLatin && Self.isLatin(token) {
      result = token
    } else {
      result = transliterator.apply(token)
    }
    if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
    cache[token] = result
    return result
  }

  /// The romanizations of `tokens`: tokens not yet seen are transliterated together, in
  /// one ICU call over their newline-separated text (a newline is outside every rule's
  /// letters, so each token is romanized as if alone), and remembered.
  public func romanize(_ tokens: [String]) -> [String] {
    prefetch(tokens)
    return tokens.map(romanize)
  }

  /// Romanizes the tokens not yet seen, together, and remembers them (see
  /// ``romanize(_:)-([String])``); for batches of sentences.
  public func prefetch(_ tokens: [String]) {
    var pending: [String] = []
    var seen = Set<String>()
    for t in tokens where cache[t] == nil && !t.isEmpty && !t.utf8.contains(0x0A) {
      if needsTransliteration(t), seen.insert(t).inserted { pending.append(t) }
    }
    guard pending.count > 1 else { return }
    let joined = transliterator.apply(pending.joined(separator: "\n"))
    let parts = joined.split(separator: "\n", omittingEmptySubsequences: false)
    guard parts.count == pending.count else { return }  // then one token at a time
    if cache.count + pending.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
    for (t, r) in zip(pending, parts) { cache[t] = String(r) }
  }

  /// Whether a token goes through the transliterator (not ASCII under the project's
  /// rules, not Latin kept as it is).
  private func needsTransliteration(_ token: String) -> Bool {
    if case .standard = scheme, !token.utf8.contains(where: { $0 >= 0x80 }) { return false }
    if keepLatin && Self.isLatin(token) { return false }
    return true
  }

  /// Whether every letter of `token` is in the Latin script.
  static func isLatin(_ token: String) -> Bool {
    for scalar in token.unicodeScalars where scalar.properties.isAlphabetic {
      let v = scalar.value
      let latin = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F)
        || (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x2C60 && v <= 0x2C7F) || (v >= 0xA720 && v <= 0xA7FF)
        || (v >= 0xAB30 && v <= 0xAB6F) || (v >= 0xFF21 && v <= 0xFF5A) || v == 0xAA || v == 0xBA
      if !latin { return false }
    }
    return true
  }
}
