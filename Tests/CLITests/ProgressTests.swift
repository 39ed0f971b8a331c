import Foundation
import Testing

/// Tagging, translating and romanizing show their progress on stderr when it is a
/// terminal (run under `script`, util-linux's pseudo-terminal), erased at the end, and
/// write nothing there otherwise; the output is the same either way.
struct ProgressTests {
  static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  static let corpus = String(repeating: "Ana B-PER\nvive O\nen O\nSevilla B-LOC\n.\tO\n\n".replacingOccurrences(of: " ", with: "\t"), count: 600)

  /// Each tool's arguments (run in a folder holding `in.conll` and `dict.txt`).
  static let commands: [(tool: String, arguments: String)] = [
    ("ner-tag", "-m '\(ToolRunner.fixtures.appendingPathComponent("models/linear.model").path)' in.conll"),
    ("ner-translate", "--dictionary dict.txt in.conll"),
    ("ner-romanize", "--lang uk in.conll"),
  ]

  func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("ner-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: d) }
    try Data(Self.corpus.utf8).write(to: d.appendingPathComponent("in.conll"))
    try Data("vive vive\nen em\n".utf8).write(to: d.appendingPathComponent("dict.txt"))
    return try body(d)
  }

  @Test(.enabled(if: hasScript, "util-linux's script is missing: no pseudo-terminal to test with"), arguments: commands)
  func progressOnATerminalOnly(_ command: (tool: String, arguments: String)) throws {
    try withFolder { d in
      // stdout to a file; stderr is the terminal script records (its own stdout).
      let tty = try ToolRunner.shell("cd \(d.path) && script -qefc \"\(command.tool) \(command.arguments) > tty.out\" /dev/null")
      #expect(tty.status == 0, "\(tty.stderr)")
      let shown = tty.text
      #expect(shown.hasPrefix("\r\u{1B}[K\(command.tool): "), "\(shown.debugDescription)")
      #expect(shown.contains(" sentences, ") && shown.contains(" tokens/s, "))
      // The first batch is drawn at once: 512 sentences for ner-romanize, 256 for the others.
      let first = command.tool == "ner-romanize" ? 512 : 256
      #expect(shown.contains("\(command.tool): \(first) sentences, \(5 * first) tokens, "))
      #expect(shown.hasSuffix("\r\u{1B}[K"), "the progress line is erased at the end")
      let plain = try ToolRunner.shell("cd \(d.path) && \(command.tool) \(command.arguments) > plain.out")
      #expect(plain.status == 0)
      #expect(plain.stderr == "", "nothing on stderr when it is not a terminal")
      let a = try Data(contentsOf: d.appendingPathComponent("tty.out"))
      let b = try Data(contentsOf: d.appendingPathComponent("plain.out"))
      #expect(!a.isEmpty && a == b)
    }
  }

  @Test(.enabled(if: hasScript, "util-linux's script is missing: no pseudo-terminal to test with"))
  func progressIsErasedBeforeAnError() throws {
    try withFolder { d in
      try Data(Self.corpus.utf8 + [0xFF, 0x09, 0x4F, 0x0A]).write(to: d.appendingPathComponent("bad.conll"))
      let tty = try ToolRunner.shell("cd \(d.path) && script -qefc \"ner-romanize --lang uk bad.conll > /dev/null\" /dev/null")
      #expect(tty.status == 65)
      #expect(tty.text.hasPrefix("\r\u{1B}[Kner-romanize: "))
      #expect(tty.text.contains("\r\u{1B}[Kner-romanize: bad.conll:3601: error: "), "\(tty.text.debugDescription)")
    }
  }
}
