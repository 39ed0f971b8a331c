/// Bad input data: a message tied to a line of an input (the tools exit 65 on it).
///
/// The library knows line numbers but not file names; the command-line layer adds the
/// name when it prints `tool: FILE:LINE: error: message`.
public struct DataError: Error, CustomStringConvertible, Equatable {
  /// The 1-based line number in the input, or 0 when the error is not about one line.
  public var line: Int
  public var message: String
  /// The input's name, when the library knows it (a sentence read earlier and
  /// processed later, such as a training sentence whose features fail).
  public var file: String?

  public init(line: Int, _ message: String, file: String? = nil) {
    self.line = line
    self.message = message
    self.file = file
  }

  /// Runs `body`, naming `file` in a ``DataError`` that names no file yet.
  public static func naming<T>(_ file: String?, _ body: () throws -> T) throws -> T {
    do { return try body() } catch var e as DataError {
      if e.file == nil { e.file = file }
      throw e
    }
  }

  public var description: String { line > 0 ? "\(line): error: \(message)" : "error: \(message)" }
}
