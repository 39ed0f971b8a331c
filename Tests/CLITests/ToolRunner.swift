import Foundation

/// Runs a built tool of the suite and captures what it does.
///
/// The binaries are found beside the test bundle (SwiftPM builds the test target's
/// dependencies, the tools, into the same folder), or in `NER_TOOLS_BIN` when set.
enum ToolRunner {
  struct Result {
    var stdout: Data
    var stderr: String
    var status: Int32
    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  static let binDirectory: URL = {
    if let dir = ProcessInfo.processInfo.environment["NER_TOOLS_BIN"] {
      return URL(fileURLWithPath: dir)
    }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("ner-score").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
  }()

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func temporaryFile(_ data: Data, suffix: String = "") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-test-\(UUID().uuidString)\(suffix)")
    FileManager.default.createFile(atPath: url.path, contents: data)
    return url
  }

  /// Runs `tool` with `arguments`, feeding `stdin`.
  static func run(_ tool: String, _ arguments: [String], stdin: Data = Data(), directory: URL? = nil) throws -> Result {
    let input = temporaryFile(stdin)
    let out = temporaryFile(Data())
    let err = temporaryFile(Data())
    defer { for f in [input, out, err] { try? FileManager.default.removeItem(at: f) } }
    let p = Process()
    p.executableURL = binDirectory.appendingPathComponent(tool)
    p.arguments = arguments
    if let directory { p.currentDirectoryURL = directory }
    p.standardInput = try FileHandle(forReadingFrom: input)
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    try p.run()
    p.waitUntilExit()
    return Result(
      stdout: try Data(contentsOf: out),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
      status: p.terminationStatus)
  }

  static func run(_ tool: String, _ arguments: [String], stdin: String) throws -> Result {
    try run(tool, arguments, stdin: Data(stdin.utf8))
  }

  /// Runs a shell pipeline with the tools on PATH (for `| head` and the like).
  static func shell(_ script: String) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-c", script]
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = binDirectory.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    p.environment = env
    let out = temporaryFile(Data())
    let err = temporaryFile(Data())
    defer { for f in [out, err] { try? FileManager.default.removeItem(at: f) } }
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return Result(
      stdout: try Data(contentsOf: out), stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
      status: p.terminationStatus)
  }
}
