import ArgumentParser
import NERKit

/// Checking a `--lang` value, so that a code no rule knows is a usage error rather than a
/// silent fallback.
public enum LanguageOption {
  /// `code` when it is one of `known` (compared without case); otherwise a usage error
  /// listing them.
  public static func check(_ code: String?, known: [String], option: String = "--lang") throws {
    guard let code, !known.contains(code.lowercased()) else { return }
    throw ValidationError("\(option) '\(code)' is not a language code this tool knows; known: \(known.joined(separator: " ")).")
  }

  /// The codes of ner-tokenize and ner-romanize: the languages with rules of their own,
  /// then the ISO 639-1 codes system ICU knows.
  public static func withRules(_ rules: [String]) -> [String] {
    rules + LanguageCodes.iso639_1.filter { !rules.contains($0) }
  }

  /// A language code for a model (ner-tag): one the model lists, or one that looks like a
  /// code (2-3 letters, or a BCP-47 tag).
  public static func checkModelLanguage(_ code: String?, modelLanguages: [String] = []) throws {
    guard let code, !modelLanguages.contains(code), !LanguageCodes.looksLikeCode(code) else { return }
    let listed = modelLanguages.isEmpty ? "" : "; the model's: \(modelLanguages.joined(separator: " "))"
    throw ToolFailure(
      "--lang '\(code)' is not a language code (2 or 3 letters, or a BCP-47 tag such as pt-BR)\(listed)",
      status: ExitStatus.usage)
  }
}
