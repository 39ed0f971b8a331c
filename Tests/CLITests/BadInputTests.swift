import Foundation
import Testing

/// Every kind of bad input, with the exact message and exit code it must give
/// (in the manner of datamash's error-message table).
struct BadInputTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var tool: String
    var args: [String]
    var stdin: String
    var stderr: String
    var status: Int32
    var testDescription: String { "\(tool) \(args.joined(separator: " ")): \(stderr)" }
  }

  static let cases: [Case] = [
    Case(tool: "ner-score", args: [], stdin: "a B-PER B-PER\nb O\n",
         stderr: "ner-score: <stdin>:2: error: unexpected number of fields: 2 where line 1 has 3\n", status: 65),
    Case(tool: "ner-score", args: [], stdin: "a\nb\n",
         stderr: "ner-score: <stdin>:1: error: unexpected number of fields in line: 1 (conlleval needs a gold and a guessed tag)\n", status: 65),
    Case(tool: "ner-score", args: ["-d", "("], stdin: "",
         stderr: "ner-score: error: delimiter '(': regex syntax '(' is not supported (use a literal, \\t, \\s or a trailing +)\n", status: 64),
    Case(tool: "ner-score", args: ["--strict", "--scheme", "iob2"], stdin: "a O B_PER\n",
         stderr: "ner-score: <stdin>:1: error: 'B_PER' is not a tag (O, or B-, I-, E-, S-, L-, U-, [- or ]- and a type) where ner-score reads the predicted tag (the last field; JSONL: 'pred'); with -r any value is a type\n", status: 65),
    Case(tool: "ner-score", args: [], stdin: "{\"tokens\":[\"a\"],\"tags\":[\"O\"]}\n",
         stderr: "ner-score: <stdin>:1: error: a JSONL sentence needs 'tags' (gold) and 'pred' (guessed) to be scored\n", status: 65),
    Case(tool: "ner-score", args: ["/nonexistent/file"], stdin: "",
         stderr: "ner-score: /nonexistent/file: error: cannot open: No such file or directory\n", status: 66),
    Case(tool: "ner-convert", args: [], stdin: "{\"tokens\":[\"a\"],\"tags\":[\"O\"]}\n{\"tokens\": [\"b\"], \"tags\": [1]}\n",
         stderr: "ner-convert: <stdin>:2: error: 'tags' holds numbers, not tag strings (name them with ner-convert --label-names O,B-PER,...)\n", status: 65),
    Case(tool: "ner-convert", args: [], stdin: "{\"tokens\":[\"a\"],\"tags\":[\"O\"]}\n{\"tokens\": [\"b\"\n",
         stderr: "ner-convert: <stdin>:2: error: invalid JSON: unterminated array at byte 16\n", status: 65),
    Case(tool: "ner-convert", args: [], stdin: "{\"tokens\":[\"a\",\"b\"],\"tags\":[\"O\"]}\n",
         stderr: "ner-convert: <stdin>:1: error: 'tags' has 1 values for 2 tokens\n", status: 65),
    Case(tool: "ner-convert", args: [], stdin: "{\"tags\":[\"O\"]}\n",
         stderr: "ner-convert: <stdin>:1: error: missing 'tokens'\n", status: 65),
    Case(tool: "ner-convert", args: [], stdin: "{\"tokens\":[\"a\"],\"tokens\":[\"b\"]}\n",
         stderr: "ner-convert: <stdin>:1: error: duplicate key 'tokens'\n", status: 65),
    Case(tool: "ner-convert", args: ["--from", "jsonl"], stdin: "[1]\n",
         stderr: "ner-convert: <stdin>:1: error: invalid JSON: expected '{' at byte 1\n", status: 65),
    Case(tool: "ner-convert", args: [], stdin: "a O\nb\u{FFFD} O\n".replacingOccurrences(of: "\u{FFFD}", with: "\u{1}"),
         stderr: "ner-convert: <stdin>:2: error: 2 fields where line 1 has 2\n", status: 0),
    Case(tool: "ner-convert", args: [], stdin: "a O\nb X O\n",
         stderr: "ner-convert: <stdin>:2: error: 3 fields where line 1 has 2\n", status: 65),
    Case(tool: "ner-convert", args: ["--scheme", "iob2"], stdin: "a O\nb B_PER\n",
         stderr: "ner-convert: <stdin>:2: error: no tag column to convert: the last column holds 'B_PER', which is not a tag\n", status: 65),
    Case(tool: "ner-convert", args: ["--input-scheme", "iob2", "--strict"], stdin: "a O\nb I-PER\n",
         stderr: "ner-convert: <stdin>:2: error: invalid IOB2 sequence: 'O' followed by 'I-PER': I- must follow B- or I- of the same type\n", status: 65),
    Case(tool: "ner-convert", args: ["--input-scheme", "iobes", "--strict", "--scheme", "iob2"], stdin: "a B-LOC\nb O\n",
         stderr: "ner-convert: <stdin>:2: error: invalid IOBES sequence: 'B-LOC' followed by 'O': an entity must end with E-\n", status: 65),
    Case(tool: "ner-convert", args: ["/nonexistent/file"], stdin: "",
         stderr: "ner-convert: /nonexistent/file: error: cannot open: No such file or directory\n", status: 66),
    Case(tool: "ner-convert", args: ["/"], stdin: "",
         stderr: "ner-convert: /: error: cannot open: is a directory\n", status: 66),
    Case(tool: "ner-convert", args: ["-o", "/nonexistent/dir/out.conll"], stdin: "a O\n",
         stderr: "ner-convert: /nonexistent/dir/out.conll: error: cannot create: No such file or directory\n", status: 74),
  ].filter { $0.status != 0 }

  @Test(arguments: cases)
  func failsWithMessage(_ c: Case) throws {
    let r = try ToolRunner.run(c.tool, c.args, stdin: c.stdin)
    #expect(r.stderr == c.stderr)
    #expect(r.status == c.status)
  }

  @Test func invalidUTF8IsAnErrorWithItsLine() throws {
    var bad = Data("a O\nb".utf8)
    bad.append(0xFF)
    bad.append(contentsOf: Array(" O\n".utf8))
    let r = try ToolRunner.run("ner-convert", [], stdin: bad)
    #expect(r.stderr == "ner-convert: <stdin>:2: error: invalid UTF-8\n")
    #expect(r.status == 65)
  }

  @Test func usageErrorsExit64() throws {
    let r = try ToolRunner.run("ner-convert", ["--strict"], stdin: "")
    #expect(r.status == 64)
    #expect(r.stderr.contains("--strict needs --input-scheme"))
    let u = try ToolRunner.run("ner-score", ["--bogus"], stdin: "")
    #expect(u.status == 64)
  }

  @Test func goodSentencesBeforeABadOneAreWrittenAndNothingAfter() throws {
    let r = try ToolRunner.run("ner-convert", [], stdin: "a O\n\nb O\nc\n\nd O\n")
    #expect(r.text == "a O\n\n")
    #expect(r.status == 65)
  }

  @Test func aFailedRunLeavesNoOutputFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.conll")
    try Data("old\n".utf8).write(to: out)
    let bad = try ToolRunner.run("ner-convert", ["-o", out.path], stdin: "a O\n\nb O\nc\n")
    #expect(bad.status == 65)
    #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.conll"])
    let good = try ToolRunner.run("ner-convert", ["-o", out.path], stdin: "a O\n")
    #expect(good.status == 0)
    #expect(try String(contentsOf: out, encoding: .utf8) == "a O\n")
  }

  @Test func aClosedPipeEndsQuietly() throws {
    let r = try ToolRunner.shell("set -o pipefail; seq 1 300000 | sed 's/$/ O O/' | ner-convert | head -1; seq 1 300000 | sed 's/$/ O O/' | ner-convert --to jsonl | head -c 10 >/dev/null")
    #expect(r.text == "1 O O\n")
    #expect(r.stderr == "")
    #expect(r.status == 0)
  }
}
