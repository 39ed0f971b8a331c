/// Romanizes tokens: any script to case-preserving ASCII Latin by default (ICU's
/// `Any-Latin; Latin-ASCII` plus the project's rules in ``RomanizationRules``, specialised
/// by language), or through any ICU transform ID.
///
/// Each distinct token is romanized once and remembered (up to ``cacheLimit`` tokens,
/// then the memory is cleared), so repeated names cost a dictionary lookup. Under the
/// project's rules each token is romanized on its own, through the passes that can
/// change it (``TransliterationPipeline``); an ICU transform ID runs as one
/// transliterator.
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

  /// What romanizes: the project's passes, or an ICU transform.
  private enum Engine {
    case pipeline(TransliterationPipeline)
    case transliterator(Transliterator)

    func apply(_ text: String) -> String {
      switch self {
      case .pipeline(let p): return p.apply(text)
      case .transliterator(let t): return t.apply(text)
      }
    }
  }

  private let engine: Engine
  private var cache: [String: String] = [:]
  /// How many times `cache` was cleared, and how many when the last ``prefetch(_:)``
  /// began (nil if it left new tokens out of `cache`).
  private var clears = 0
  private var clearsAtPrefetch: Int?

  public init(_ scheme: Scheme, keepLatin: Bool = false) throws {
    self.scheme = scheme
    self.keepLatin = keepLatin
    switch scheme {
    case .standard(let language):
      engine = .pipeline(try TransliterationPipeline(passes: RomanizationRules.passes(language: language)))
    case .transform(let id):
      engine = .transliterator(try Transliterator(id: id))
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
      result = engine.apply(token)
    }
    if cache.count >= Self.cacheLimit { forgetAll() }
    cache[token] = result
    return result
  }

  /// The romanizations of `tokens`: tokens not yet seen are romanized (see
  /// ``prefetch(_:)``) and remembered.
  public func romanize(_ tokens: [String]) -> [String] {
    fetchNew(tokens)
    return tokens.map(romanize)
  }

  /// The romanizations of `tokens`, which must all be among the tokens of the last call
  /// to ``prefetch(_:)``: the same as ``romanize(_:)-([String])``, with less work. That
  /// prefetch remembered all the tokens to transliterate but at most one; as long as
  /// nothing was forgotten since (see ``cacheLimit``), searching `tokens` for new ones
  /// again would find at most that one, which ``romanize(_:)-([String])`` leaves to
  /// ``romanize(_:)-(String)`` anyway, so the search is skipped.
  public func romanize(prefetched tokens: [String]) -> [String] {
    guard clearsAtPrefetch == clears else { return romanize(tokens) }
    return tokens.map(romanize)
  }

  /// Romanizes the tokens not yet seen and remembers them; for batches of sentences.
  /// Under the project's rules each token goes through the passes on its own (exactly
  /// as ``romanize(_:)-(String)`` would); an ICU transform gets the new tokens in one
  /// call over their newline-separated text (a newline is outside the letters of ICU's
  /// script transliterators, so each token is romanized as if alone).
  public func prefetch(_ tokens: [String]) {
    let before = clears
    clearsAtPrefetch = fetchNew(tokens) ? before : nil
  }

  /// Romanizes and remembers the tokens not yet seen (see ``prefetch(_:)``), if there
  /// are two or more. False if some were left out (a transform's output that did not
  /// split back into as many tokens).
  @discardableResult
  private func fetchNew(_ tokens: [String]) -> Bool {
    var pending: [String] = []
    var seen = Set<String>()
    for t in tokens where cache[t] == nil && !t.isEmpty && !t.utf8.contains(0x0A) {
      if needsTransliteration(t), seen.insert(t).inserted { pending.append(t) }
    }
    guard pending.count > 1 else { return true }
    let results: [String]
    switch engine {
    case .pipeline(let p):
      results = pending.map(p.apply)
    case .transliterator(let t):
      let parts = t.apply(pending.joined(separator: "\n")).split(separator: "\n", omittingEmptySubsequences: false)
      guard parts.count == pending.count else { return false }  // then one token at a time
      results = parts.map(String.init)
    }
    if cache.count + pending.count >= Self.cacheLimit { forgetAll() }
    for (t, r) in zip(pending, results) { cache[t] = r }
    return true
  }

  private func forgetAll() {
    cache.removeAll(keepingCapacity: true)
    clears += 1
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
