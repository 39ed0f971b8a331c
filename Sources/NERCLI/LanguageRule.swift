import NERKit

/// The one rule by which every tool decides the language of a sentence: the language of
/// its input when written `LANG=FILE`, else the sentence's own (`# lang = xx` in CoNLL,
/// `"lang"` in JSONL), else `--lang`, else the tool's default (e.g. a model's first
/// training language; nil when the tool has none).
public struct LanguageRule: Sendable {
  /// The `--lang` option.
  public var option: String?
  /// The tool's default, for sentences that nothing else gives a language.
  public var fallback: String?

  public init(option: String?, fallback: String? = nil) {
    self.option = option
    self.fallback = fallback
  }

  /// The language of `sentence`, read from an input whose `LANG=` prefix is `input`.
  public func language(of sentence: Sentence, input: String? = nil) -> String? {
    input ?? sentence.metadata("lang") ?? option ?? fallback
  }
}
