/// What ``Tokenizer`` does besides breaking text.
public struct TokenizerOptions: Sendable {
  /// Language code for ICU's locale rules (sentence-break abbreviations); nil: root.
  public var language: String?
  /// Break lines into sentences (else one line is one sentence).
  public var splitSentences = true
  /// Split `Jean-Pierre` style compounds at their hyphens.
  public var splitHyphens = false
  /// Input is already split on whitespace, one sentence per line.
  public var pretokenized = false
  /// Normalization of the tokens (never of `text`).
  public var normalization: NormalizationForm? = .nfc
  public var lowercase = false
  /// Every decimal digit becomes `0`.
  public var maskDigits = false
  /// URLs become `url`, e-mail addresses `email`, numbers `num`.
  public var maskURLs = false

  public init() {}
}

/// A sentence found by ``Tokenizer``: its text (exactly as in the input), its tokens
/// (normalized and masked as asked) and each token's span in `text`, in Unicode scalars.
public struct TokenizedSentence: Equatable, Sendable {
  public var text: String
  public var tokens: [String]
  public var offsets: [Range<Int>]
}
