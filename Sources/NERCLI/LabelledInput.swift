#if canImport(Glibc)
import Glibc
#endif
import NERKit

/// An input of a tool: a file, or (as `ner-tag` reads its arguments) `LANG=FILE` for a
/// file in language LANG (`uk=uk.train`). An argument that names an existing file is
/// always a file.
public struct LabelledInput: Equatable, Sendable {
  public var language: String?
  public var path: String

  public init(_ argument: String) {
    if let eq = argument.firstIndex(of: "="), access(argument, F_OK) != 0 {
      let language = argument[..<eq]
      let ok = !language.isEmpty && language.count <= 32
        && language.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
      if ok {
        self.language = String(language)
        path = String(argument[argument.index(after: eq)...])
        return
      }
    }
    language = nil
    path = argument
  }

  /// A file (`-` for standard input) in `language`, or in no language given.
  public init(path: String, language: String? = nil) {
    self.language = language
    self.path = path
  }

  /// The inputs of a tool that reads plain files: its arguments, or standard input.
  public static func files(_ arguments: [String]) -> [LabelledInput] {
    InputFile.paths(arguments).map { LabelledInput(path: $0) }
  }

  /// The inputs of a tool that reads `FILE` or `LANG=FILE`: its arguments, or standard input.
  public static func arguments(_ arguments: [String]) -> [LabelledInput] {
    InputFile.paths(arguments).map { LabelledInput($0) }
  }
}
