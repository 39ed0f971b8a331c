#if canImport(Glibc)
import Glibc
#endif
import NERKit

/// An input argument of `ner-tag`: a file, or `LANG=FILE` for a file in language LANG
/// (`uk=uk.train`). An argument that names an existing file is always a file.
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

/// Parses `KEY=NUMBER` options such as `--weight ru=0.5`.
public func keyedNumbers(_ values: [String], option: String) throws -> [String: Double] {
  var result: [String: Double] = [:]
  for v in values {
    let parts = v.split(separator: "=", maxSplits: 1)
    guard parts.count == 2, let number = Double(parts[1]), number.isFinite, number >= 0 else {
      throw ToolFailure("\(option) wants LANG=NUMBER (a number >= 0), not '\(v)'", status: ExitStatus.usage)
    }
    result[String(parts[0])] = number
  }
  return result
}

/// Reading and writing model files.
public enum ModelIO {
  /// The model in `path`: a missing file exits 66, a damaged one 65.
  public static func load(_ path: String) throws -> ModelFile.Contents {
    let input = try InputFile(path: path)
    var bytes: [UInt8] = []
    if let mapped = input.mapped() {
      bytes = Array(mapped)
    } else {
      while let line = try input.lines.next() {
        bytes += line.bytes
        if line.terminated { bytes.append(0x0A) }
      }
    }
    do {
      return try ModelFile.decode(bytes)
    } catch let e as DataError {
      throw ToolFailure(file: input.name, e.message, status: ExitStatus.dataError)
    }
  }

  /// Writes a model atomically (a temporary file renamed into place).
  public static func save(_ contents: ModelFile.Contents, to path: String) throws {
    let target = try OutputTarget(path: path)
    let bytes = ModelFile.encode(contents)
    try target.run { try bytes.withUnsafeBufferPointer { try target.buffer.write($0) } }
  }
}
