import ArgumentParser
import NERCLI
import NERKit

/// The options that choose the features, shared by `ner-tag train` and `ner-tag features`
/// so that both compute the same attributes.
struct FeatureOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Use the CRF++ templates in this file instead of the built-in features.", valueName: "file"))
  var template: String?

  @Option(help: ArgumentHelp("Column the built-in features read tokens from: a key (tokens, roman, col2...) or a 1-based number.", valueName: "column"))
  var tokenColumn: String?

  @Option(name: .customLong("column"), help: ArgumentHelp("A column (key or 1-based number) whose values are extra observations, such as POS tags; repeatable.", valueName: "column"))
  var extraColumns: [String] = []

  @Flag(help: "Add a copy of every feature conjoined with the sentence's language.")
  var languageFeatures = false

  @Flag(help: ArgumentHelp("With --language-features, keep word features (the word, its lowercase, word bigrams and bags) only in their language-conjoined copy: languages then share character, shape and context features and the transitions, not word identities."))
  var languageWordFeatures = false

  /// Whether any option that reads columns was given.
  var readsColumns: Bool { template != nil || tokenColumn != nil || !extraColumns.isEmpty }

  func validate() throws {
    if languageWordFeatures && !languageFeatures {
      throw ValidationError("--language-word-features needs --language-features.")
    }
    if template != nil && (tokenColumn != nil || !extraColumns.isEmpty) {
      throw ValidationError("--template reads columns itself; drop --token-column and --column.")
    }
  }

  /// The feature set these options describe; a bad template file fails with its line.
  func featureSet() throws -> FeatureSet {
    var templateText: String?
    if let path = template {
      let file = try InputFile(path: path)
      templateText = try file.located { try file.lines.readAllText() }
    }
    do {
      return try FeatureSet(templateText: templateText, tokenColumn: tokenColumn, extraColumns: extraColumns,
                            languageFeatures: languageFeatures, sharedWordFeatures: !languageWordFeatures)
    } catch let e as DataError {
      throw ToolFailure(file: template, line: e.line, e.message, status: ExitStatus.dataError)
    }
  }
}
