import Foundation
import Testing

/// Gzip-compressed input is read transparently (files and pipes, concatenated members),
/// `-o FILE.gz` writes gzip, and damaged compressed data is bad data naming the file.
struct GzipTests {
  static let conll = "María B-PER\nvive O\nen O\nSevilla B-LOC\n\nEl O\nReal B-ORG\nMadrid I-ORG\n\n"

  static func gzip(_ text: String) throws -> URL {
    let plain = ToolRunner.temporaryFile(Data(text.utf8), suffix: ".conll")
    let r = try ToolRunner.shell("gzip -c \(plain.path) > \(plain.path).gz")
    #expect(r.status == 0)
    return URL(fileURLWithPath: plain.path + ".gz")
  }

  @Test func compressedFilesAndPipesReadAsPlainText() throws {
    let gz = try Self.gzip(Self.conll)
    let plain = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: Self.conll)
    let file = try ToolRunner.run("ner-convert", ["--to", "jsonl", gz.path])
    #expect(file.status == 0 && file.stdout == plain.stdout, "\(file.stderr)")
    let piped = try ToolRunner.shell("cat \(gz.path) \(gz.path) | ner-convert --to jsonl")
    #expect(piped.status == 0 && piped.text == plain.text + plain.text, "\(piped.stderr)")
    let tokens = try ToolRunner.shell("printf 'hola mundo\\n' | gzip | ner-tokenize --lang es --no-metadata")
    #expect(tokens.text == "hola\nmundo\n\n", "\(tokens.text)\(tokens.stderr)")
  }

  @Test func outputEndingInGzIsCompressed() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-test-\(UUID().uuidString).jsonl.gz")
    let r = try ToolRunner.run("ner-convert", ["--to", "jsonl", "-o", out.path], stdin: Self.conll)
    #expect(r.status == 0, "\(r.stderr)")
    let bytes = try Data(contentsOf: out)
    #expect(bytes.starts(with: [0x1F, 0x8B]))
    let back = try ToolRunner.shell("zcat \(out.path) | ner-convert --to conll")
    #expect(back.text == Self.conll.replacingOccurrences(of: " ", with: "\t") || back.text == Self.conll, "\(back.text)")
  }

  @Test func damagedCompressedDataIsBadData() throws {
    let gz = try Self.gzip(String(repeating: Self.conll, count: 200))
    let cut = ToolRunner.temporaryFile(try Data(contentsOf: gz).prefix(200), suffix: ".gz")
    let r = try ToolRunner.run("ner-convert", [cut.path])
    #expect(r.status == 65 && r.stderr.contains("\(cut.path):") && r.stderr.contains("error: truncated gzip data"), "\(r.stderr)")
    let bad = try ToolRunner.run("ner-convert", [], stdin: Data([0x1F, 0x8B, 0x41, 0x42, 0x43]))
    #expect(bad.status == 65 && bad.stderr.contains("<stdin>:1: error: corrupt gzip data"), "\(bad.stderr)")
  }
}
