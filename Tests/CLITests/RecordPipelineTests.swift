import Foundation
import Testing

/// The record pipeline the filters share (NERCLI's RecordPipeline), through the tools.
struct RecordPipelineTests {
  /// 300 good sentences (more than a batch) and a bad one: every good one is written
  /// (ner-romanize, which read 512 records before writing any, wrote none before).
  @Test func aBadSentenceAfterABatchStopsTheOutputAfterTheGoodOnes() throws {
    let good = (1...300).map { "w\($0) O\n\n" }.joined()
    for tool in [("ner-convert", [String]()), ("ner-romanize", ["--in-place"])] {
      let r = try ToolRunner.run(tool.0, tool.1, stdin: good + "x O\ny\n\nz O\n")
      #expect(r.status == 65, "\(tool.0)")
      #expect(r.text == good, "\(tool.0)")
      #expect(r.stderr.contains("<stdin>:602: error"), "\(tool.0): \(r.stderr)")
    }
  }

  /// The output format is the first input's; later inputs may be in another format, and
  /// errors name their file.
  @Test func theFirstInputChoosesTheOutputFormatAndErrorsNameTheirFile() throws {
    let conll = ToolRunner.temporaryFile(Data("a B-PER\n\nb O\n\n".utf8), suffix: ".conll")
    let jsonl = ToolRunner.temporaryFile(Data((#"{"tokens":["c"],"tags":["O"]}"# + "\n").utf8), suffix: ".jsonl")
    let bad = ToolRunner.temporaryFile(Data("d O\ne\n".utf8), suffix: ".conll")
    defer { for f in [conll, jsonl, bad] { try? FileManager.default.removeItem(at: f) } }
    let r = try ToolRunner.run("ner-convert", [conll.path, jsonl.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.text == "a B-PER\n\nb O\n\nc\tO\n\n")
    let j = try ToolRunner.run("ner-convert", [jsonl.path, conll.path])
    #expect(j.text.split(separator: "\n").count == 3)
    let e = try ToolRunner.run("ner-convert", [conll.path, bad.path])
    #expect(e.status == 65)
    #expect(e.stderr.hasPrefix("ner-convert: \(bad.path):2: error"), "\(e.stderr)")
  }
}
