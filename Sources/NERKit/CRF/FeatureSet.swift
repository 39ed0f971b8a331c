/// How the features of a sentence are computed: the built-in templates of
/// ``FeatureExtractor`` over a chosen token column (and extra columns), or CRF++
/// templates over the sentence's columns, optionally doubled with copies conjoined with
/// the sentence's language. Saved in the model's metadata so that tagging computes
/// exactly the features training saw.
public struct FeatureSet: Sendable {
  /// The CRF++ template text, or nil for the built-in templates.
  public var templateText: String?
  /// The column the built-in templates read tokens from: a column key (`tokens`,
  /// `roman`, `col2`...) or a 1-based column number; nil for the sentence's token column.
  public var tokenColumn: String?
  /// Columns that feed the built-in templates as extra observations (keys or numbers).
  public var extraColumns: [String] = []
  /// Adds a language-conjoined copy of every feature (Daumé 2007).
  public var languageFeatures = false
  /// With ``languageFeatures``, whether the built-in word features (``FeatureExtractor/isWordFeature(_:)``)
  /// keep their shared copy (the default) or exist only conjoined with the language, so that
  /// languages share character, shape and context-shape features and the transitions but
  /// not word identities.
  public var sharedWordFeatures = true

  private var template: FeatureTemplate?

  public init(templateText: String? = nil, tokenColumn: String? = nil, extraColumns: [String] = [],
              languageFeatures: Bool = false, sharedWordFeatures: Bool = true) throws {
    self.templateText = templateText
    self.tokenColumn = tokenColumn
    self.extraColumns = extraColumns
    self.languageFeatures = languageFeatures
    self.sharedWordFeatures = sharedWordFeatures
    if let text = templateText { template = try FeatureTemplate(parsing: text) }
  }

  /// The metadata entries that describe this feature set.
  public var metadata: [(String, String)] {
    var m: [(String, String)] = []
    if let t = templateText { m.append(("template", t)) }
    if let c = tokenColumn { m.append(("token-column", c)) }
    if !extraColumns.isEmpty { m.append(("extra-columns", extraColumns.joined(separator: " "))) }
    m.append(("language-features", languageFeatures ? "yes" : "no"))
    if !sharedWordFeatures { m.append(("shared-word-features", "no")) }
    return m
  }

  /// The names of ``metadata``'s fields.
  public static let keys: Set<String> = ["template", "token-column", "extra-columns", "language-features", "shared-word-features"]

  /// The feature set a model's configuration fields describe.
  public init(fields: inout ModelFields) throws {
    let template = fields.string("template")
    let languageFeatures = try fields.bool("language-features", default: false)
    let sharedWordFeatures = try fields.bool("shared-word-features", default: true)
    do {
      try self.init(
        templateText: template, tokenColumn: fields.string("token-column"),
        extraColumns: fields.string("extra-columns")?.split(separator: " ").map(String.init) ?? [],
        languageFeatures: languageFeatures, sharedWordFeatures: sharedWordFeatures)
    } catch let e as DataError {
      throw DataError(line: 0, "bad template in model: line \(e.line): \(e.message)")
    }
  }

  /// The features of every token of `s`; `language` conjoins the copies when
  /// ``languageFeatures`` is on.
  public func features(_ s: Sentence, language: String?) throws -> [[String]] {
    var f: [[String]]
    if let template {
      let columns = Self.templateColumns(s)
      guard template.maxColumn < columns.count else {
        throw DataError(line: s.line, "the template uses column \(template.maxColumn) but the sentence has \(columns.count) (columns count from 0, tag columns excluded)")
      }
      f = template.features(columns: columns.map { s.columns[$0].values })
    } else {
      let tokens = try tokenColumn.map { try Self.column($0, of: s) } ?? s.columns[s.tokenColumn].values
      let extra = try extraColumns.map { try Self.column($0, of: s) }
      f = FeatureExtractor(extraColumns: extraColumns).features(tokens: tokens, extra: extra)
    }
    if languageFeatures {
      f = FeatureExtractor.withLanguage(f, language: language ?? "", sharingWords: sharedWordFeatures)
    }
    return f
  }

  /// The attributes of CRFsuite data under this feature set: as given, with the
  /// language-conjoined copies when ``languageFeatures`` is on.
  public func attributes(_ items: [[(String, Double)]], language: String?) -> [[(String, Double)]] {
    languageFeatures
      ? FeatureExtractor.withLanguage(items, language: language ?? "", sharingWords: sharedWordFeatures) : items
  }

  /// The columns CRF++ templates index: all but the gold and predicted tag columns.
  public static func templateColumns(_ s: Sentence) -> [Int] {
    s.columns.indices.filter { $0 != s.tagColumn && s.columns[$0].key != "pred" }
  }

  /// The values of a column given by key or 1-based number.
  public static func column(_ name: String, of s: Sentence) throws -> [String] {
    if let n = Int(name) {
      guard n >= 1 && n <= s.columns.count else {
        throw DataError(line: s.line, "no column \(n): the sentence has \(s.columns.count)")
      }
      return s.columns[n - 1].values
    }
    guard let i = s.columnIndex(name) else {
      let keys = s.columns.map(\.key).joined(separator: ", ")
      throw DataError(line: s.line, "no column '\(name)' (columns: \(keys))")
    }
    return s.columns[i].values
  }
}
