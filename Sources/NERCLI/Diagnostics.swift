import ArgumentParser
import NERKit

#if canImport(Glibc)
import Glibc
#endif

/// The exit codes of the suite (from sysexits.h).
public enum ExitStatus {
  public static let usage: Int32 = 64
  public static let dataError: Int32 = 65
  public static let cannotOpen: Int32 = 66
  public static let ioError: Int32 = 74
}

/// An error that ends a tool, with its message and exit code.
public struct ToolFailure: Error {
  public var file: String?
  public var line: Int
  public var message: String
  public var status: Int32

  public init(file: String? = nil, line: Int = 0, _ message: String, status: Int32) {
    self.file = file
    self.line = line
    self.message = message
    self.status = status
  }

  /// Bad data in `file`.
  public static func data(_ e: DataError, file: String?) -> ToolFailure {
    ToolFailure(file: e.file ?? file, line: e.line, e.message, status: ExitStatus.dataError)
  }
}

/// Writes diagnostics to stderr as `tool: FILE:LINE: error: message`.
public enum Diagnostics {
  public static func format(tool: String, file: String?, line: Int, kind: String = "error", _ message: String) -> String {
    var s = "\(tool): "
    if let file {
      s += file
      if line > 0 { s += ":\(line)" }
      s += ": "
    }
    return s + "\(kind): \(message)\n"
  }

  public static func write(_ text: String) {
    var t = text
    t.withUTF8 { b in _ = Glibc.write(2, b.baseAddress, b.count) }
  }

  public static func warning(tool: String, file: String? = nil, line: Int = 0, _ message: String) {
    write(format(tool: tool, file: file, line: line, kind: "warning", message))
  }
}

/// Runs a tool's body, turning every failure into its message and exit code: bad data
/// 65, unreadable input 66, I/O errors 74, and a closed output pipe into a quiet exit.
public enum ToolMain {
  public static func run(tool: String, _ body: () throws -> Void) throws {
    signal(SIGPIPE, SIG_IGN)
    do {
      try body()
    } catch let f as ToolFailure {
      Diagnostics.write(Diagnostics.format(tool: tool, file: f.file, line: f.line, f.message))
      throw ExitCode(f.status)
    } catch let e as DataError {
      Diagnostics.write(Diagnostics.format(tool: tool, file: e.file, line: e.line, e.message))
      throw ExitCode(ExitStatus.dataError)
    } catch is BrokenPipe {
      throw ExitCode.success
    } catch let e as IOFailure {
      Diagnostics.write(Diagnostics.format(tool: tool, file: e.file, line: 0, e.file == nil ? "I/O error: \(e.message)" : e.message))
      throw ExitCode(ExitStatus.ioError)
    }
  }
}
