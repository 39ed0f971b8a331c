/// What ``CorpusTranslator`` does besides translating tokens.
public struct TranslationOptions: Sendable {
  /// The target language code, set as the sentence's `lang` metadata; nil leaves the
  /// metadata alone.
  public var targetLanguage: String?
  /// Give each translation the letter case of its source token (``CasePattern``).
  public var caseRestoration = true
  /// Keep each source token in a column of its own, right after the token column.
  public var keepSource = false
  /// The key of that column (its JSONL field name).
  public var sourceColumnKey = "source"
  /// Entity types whose tokens (by the gold tag) are copied untranslated, e.g. `PER`.
  public var copyTypes: Set<String> = []
  /// Columns (indices in the input sentence) holding tags besides the gold tag column,
  /// such as a prediction or chunk column; their tags are expanded like the gold tags
  /// when a word becomes several.
  public var tagColumns: Set<Int> = []

  public init(
    targetLanguage: String? = nil, caseRestoration: Bool = true, keepSource: Bool = false,
    sourceColumnKey: String = "source", copyTypes: Set<String> = [], tagColumns: Set<Int> = []
  ) {
    self.targetLanguage = targetLanguage
    self.caseRestoration = caseRestoration
    self.keepSource = keepSource
    self.sourceColumnKey = sourceColumnKey
    self.copyTypes = copyTypes
    self.tagColumns = tagColumns
  }
}
