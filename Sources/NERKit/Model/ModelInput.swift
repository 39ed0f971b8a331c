/// A sentence to tag or to train on, as a model kind reads it, with its language.
public struct ModelInput: Sendable {
  /// What the sentence is given as.
  public enum Observation: Sendable {
    /// A sentence of the suite's formats (CoNLL or JSONL), with all its columns.
    case sentence(Sentence)
    /// Feature names of each token (value 1), computed from a sentence already.
    case features([[String]])
    /// CRFsuite attributes with values (`ner-tag --from crfsuite`).
    case attributes([[(String, Double)]])
  }

  public var observation: Observation
  /// The sentence's language (see the README's language rule), or nil.
  public var language: String?
  /// The input and line the sentence starts on, for messages.
  public var source: String?
  public var line: Int

  public init(_ observation: Observation, language: String?, source: String? = nil, line: Int = 0) {
    self.observation = observation
    self.language = language
    self.source = source
    self.line = line
  }

  /// A sentence of the suite's formats.
  public init(_ sentence: Sentence, language: String?, source: String? = nil) {
    self.init(.sentence(sentence), language: language, source: source, line: sentence.line)
  }

  /// The number of tokens.
  public var count: Int {
    switch observation {
    case .sentence(let s): return s.count
    case .features(let f): return f.count
    case .attributes(let a): return a.count
    }
  }

  /// The tokens of a sentence, for kinds that read words; nil for features or attributes.
  public var tokens: [String]? {
    if case .sentence(let s) = observation { return s.tokens }
    return nil
  }
}
