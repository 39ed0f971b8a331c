/// Counts of what happened to the tokens of translated sentences, for a summary on
/// stderr. Every source token is counted once, in exactly one of ``exact``,
/// ``lowercase``, ``fallback``, ``kept`` and ``copied``.
public struct TranslationStatistics: Sendable, Equatable {
  /// Sentences translated.
  public var sentences = 0
  /// Tokens found in the dictionary as written.
  public var exact = 0
  /// Tokens found in the dictionary only in lowercase.
  public var lowercase = 0
  /// Tokens translated by the fallback.
  public var fallback = 0
  /// Tokens left as they were, for want of a translation.
  public var kept = 0
  /// Tokens copied because their entity type is in ``TranslationOptions/copyTypes``.
  public var copied = 0
  /// Translated tokens with more than one dictionary translation.
  public var ambiguous = 0
  /// Of those, the ones where the vectors chose another than the first listed.
  public var reranked = 0
  /// Tokens written (more than the source tokens when translations have several words).
  public var outputTokens = 0

  public init() {}

  /// The source tokens.
  public var tokens: Int { exact + lowercase + fallback + kept + copied }

  /// Adds another batch's counts.
  public mutating func add(_ other: TranslationStatistics) {
    sentences += other.sentences
    exact += other.exact
    lowercase += other.lowercase
    fallback += other.fallback
    kept += other.kept
    copied += other.copied
    ambiguous += other.ambiguous
    reranked += other.reranked
    outputTokens += other.outputTokens
  }

  /// One line such as `120 sentences, 2000 tokens -> 2031: exact 1500 (75.0%),
  /// lowercase 100 (5.0%), fallback 0 (0.0%), kept 380 (19.0%), copied 20 (1.0%);
  /// 300 ambiguous, 41 reranked by vectors`.
  public var summary: String {
    func part(_ name: String, _ n: Int) -> String {
      let pct = tokens == 0 ? 0 : 100 * Double(n) / Double(tokens)
      return "\(name) \(n) (" + CFormat.format("%.1f", pct) + "%)"
    }
    return "\(sentences) sentences, \(tokens) tokens -> \(outputTokens): "
      + [part("exact", exact), part("lowercase", lowercase), part("fallback", fallback),
         part("kept", kept), part("copied", copied)].joined(separator: ", ")
      + "; \(ambiguous) ambiguous, \(reranked) reranked by vectors"
  }
}
