/// Bad input data: a message tied to a line of an input (the tools exit 65 on it).
///
/// The library knows line numbers but not file names; the command-line layer adds the
/// name when it prints `tool: FILE:LINE: error: message`.
public struct DataError: Error, CustomStringConvertible, Equatable {
  /// The 1-based line number in the input, or 0 when the error is not about one line.
  public var line: Int
  public var message: String

  public init(line: Int, _ message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { line > 0 ? "\(line): error: \(message)" : "error: \(message)" }
}
