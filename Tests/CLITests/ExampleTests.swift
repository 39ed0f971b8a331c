import Foundation
import Testing

private let makeInstalled = ["/usr/bin/make", "/bin/make", "/usr/local/bin/make"].contains {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// The bundled example (`examples/`, what `make example` runs): the whole pipeline
/// over the project's es/pt/uk corpus, run with the tools under test, must give the
/// committed outputs of `examples/expected/` byte for byte.
struct ExampleTests {
  static let examples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples")

  @Test(.enabled(if: makeInstalled, "make is not installed"))
  func examplePipelineMatchesExpectedOutputs() throws {
    // BIN: the tools under test, nothing built; OUT: a temporary folder, so that the
    // run leaves examples/out alone.
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try ToolRunner.shell(
      "make -s -C '\(Self.examples.path)' check BIN='\(ToolRunner.binDirectory.path)' OUT='\(out.path)'")
    #expect(r.status == 0, "\(r.text)\n\(r.stderr)")
    #expect(r.text.contains("example: all outputs match expected/"), "\(r.text)")
    // The pipeline really ran: a model, and the held-out scores.
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("joint.model").path))
    let score = try String(contentsOf: out.appendingPathComponent("test.joint.score.txt"), encoding: .utf8)
    #expect(score.hasPrefix("processed "))
  }

  /// The gold join stops on a token the tokenizer did not produce.
  @Test func addGoldRejectsADifferentTokenization() throws {
    let tokens = ToolRunner.temporaryFile(Data("# id = a-1\nMaría\nLópez\n.\n\n".utf8))
    let gold = ToolRunner.temporaryFile(Data("María López\tB-PER\n.\tO\n\n".utf8))
    let good = ToolRunner.temporaryFile(Data("María\tB-PER\nLópez\tI-PER\n.\tO\n\n".utf8))
    defer { for f in [tokens, gold, good] { try? FileManager.default.removeItem(at: f) } }
    let awk = Self.examples.appendingPathComponent("add-gold.awk").path
    let bad = try ToolRunner.shell("awk -v gold='\(gold.path)' -f '\(awk)' '\(tokens.path)'")
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("token 'María'"), "\(bad.stderr)")
    let ok = try ToolRunner.shell("awk -v gold='\(good.path)' -f '\(awk)' '\(tokens.path)'")
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.text == "# id = a-1\nMaría\tB-PER\nLópez\tI-PER\n.\tO\n\n")
  }
}
