import Foundation

/// Runs a built tool as a subprocess with a time limit, so that a trap is seen as a
/// signal and a hang as a timeout, never as a crash of the test process.
enum FuzzProcess {
  /// How a run ended.
  struct Outcome {
    var stdout: Data
    var stderr: String
    /// The exit status, or the signal's number when `signalled`.
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
  }

  /// The tools: `NER_TOOLS_BIN` when set (bench/fuzz.sh points it at a release build),
  /// else the folder of the test bundle, where SwiftPM builds them.
  static let binDirectory: URL = {
    if let dir = ProcessInfo.processInfo.environment["NER_TOOLS_BIN"] { return URL(fileURLWithPath: dir) }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("ner-tag").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
  }()

  /// Runs `tool` in `directory` with standard input from /dev/null, killing it after
  /// `limit` seconds.
  static func run(_ tool: String, _ arguments: [String], in directory: URL, limit: Double) throws -> Outcome {
    let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
    for f in [out, err] { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
    defer { for f in [out, err] { try? FileManager.default.removeItem(at: f) } }
    let p = Process()
    p.executableURL = binDirectory.appendingPathComponent(tool)
    p.arguments = arguments
    p.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    p.environment = environment
    p.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    // Closed here, on this thread, rather than whenever they are deallocated: a handle
    // closed late on another thread can close a descriptor number a later launch reuses
    // (Foundation's Process then fails with EBADF).
    defer { try? outHandle.close(); try? errHandle.close() }
    p.standardOutput = outHandle
    p.standardError = errHandle
    let done = DispatchSemaphore(value: 0)
    p.terminationHandler = { _ in done.signal() }
    try launch(p)
    var timedOut = false
    if done.wait(timeout: .now() + limit) == .timedOut {
      timedOut = true
      kill(p.processIdentifier, SIGKILL)
      done.wait()
    }
    return Outcome(
      stdout: try Data(contentsOf: out), stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
      status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal, timedOut: timedOut)
  }

  /// Starts `p`, trying again a few times when the launch itself fails with EBADF (a
  /// descriptor race in Foundation's Process, not the tool's doing).
  static func launch(_ p: Process) throws {
    for attempt in 1...3 {
      do {
        try p.run()
        return
      } catch let e as NSError where e.domain == NSPOSIXErrorDomain && e.code == Int(EBADF) && attempt < 3 {
        usleep(10_000)
      }
    }
  }
}
