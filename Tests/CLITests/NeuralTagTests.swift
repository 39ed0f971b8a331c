import Foundation
import Testing

/// ner-tag train --kind neural end to end on TagTests' toy corpus: learning, tagging
/// options, the model container, thread-independence and bad input.
struct NeuralTagTests {
  /// Small sizes so that a few epochs take a fraction of a second in debug builds.
  static let small = ["--kind", "neural", "--char-dim", "8", "--char-hidden", "8", "--word-dim", "16", "--hidden", "16"]

  static func train(_ args: [String], _ input: String) throws -> String {
    try TagTests.train(small + args, input)
  }

  @Test func learnsTheToyCorpus() throws {
    let model = try Self.train(["--epochs", "30"], TagTests.corpus(60))
    // Unseen names in the learned contexts (their characters are known).
    let test = "we\tO\nlive\tO\nin\tO\nLima\tB-LOC\nnow\tO\n\nMr\tO\nNovak\tB-PER\nJr\tI-PER\nleft\tO\nearly\tO\n\nJones\tB-ORG\nCorp\tI-ORG\nspoke\tO\nin\tO\nOslo\tB-LOC\n"
    let scored = try ToolRunner.shell("ner-tag -m \(model) \(TagTests.file(test)) | ner-score")
    #expect(scored.status == 0 && scored.text.contains("FB1: 100.00"), "\(scored.text)\(scored.stderr)")
  }

  @Test func marginalsNbestAndSpans() throws {
    let model = try Self.train(["--epochs", "20"], TagTests.corpus(60))
    let input = "we\tO\nlive\tO\nin\tO\nLima\tB-LOC\nnow\tO\n"
    let m = try ToolRunner.run("ner-tag", ["-m", model, "--marginals"], stdin: input)
    #expect(m.status == 0)
    let fields = m.text.split(separator: "\n")[3].split(separator: "\t")
    // token, probability, gold, prediction: the prediction last.
    #expect(fields.count == 4 && fields[3] == "B-LOC" && Double(fields[1])! > 0.5, "\(m.text)")
    let n = try ToolRunner.run("ner-tag", ["-m", model, "--nbest", "2", "--to", "jsonl"], stdin: input)
    #expect(n.status == 0 && n.text.contains(#""nbest":[{"pred":["O","O","O","B-LOC","O"],"prob":0."#), "\(n.text)")
    let s = try ToolRunner.run("ner-tag", ["-m", model, "--to", "spans"], stdin: input)
    #expect(s.status == 0 && s.text.hasPrefix("1\t3\t4\tLOC\tLima\t0."), "\(s.text)")
  }

  /// The same seed gives the same model bytes on one thread and on two; a second
  /// language with a weight and a dev set on the way.
  @Test func threadsDoNotChangeTheModel() throws {
    let dev = TagTests.file(TagTests.corpus(9, seed: 1))
    let args = ["--epochs", "3", "--dev", dev, "--weight", "xx=0.5"]
    let en = TagTests.file(TagTests.corpus(30)), xx = TagTests.file(TagTests.corpus(20, seed: 2))
    var models: [Data] = []
    for threads in ["1", "2"] {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tag-nn-\(UUID().uuidString).model").path
      let r = try ToolRunner.run("ner-tag", ["train", "-m", path, "--threads", threads] + Self.small + args + ["en=" + en, "xx=" + xx])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.contains("epoch 3: loss ") && r.stderr.contains("dev F1"), "\(r.stderr)")
      models.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(models[0] == models[1] && !models[0].isEmpty)
  }

  /// A model tags the same after being written and read (tagging twice gives the same
  /// bytes), and a damaged or truncated model is a data error.
  @Test func modelFileRoundTripAndDamage() throws {
    let model = try Self.train(["--epochs", "2", "--share-directions", "--lower", "--mask-digits"], TagTests.corpus(30))
    let input = TagTests.corpus(6, seed: 3)
    let a = try ToolRunner.run("ner-tag", ["-m", model, "--marginals"], stdin: input)
    let b = try ToolRunner.run("ner-tag", ["-m", model, "--marginals", "--threads", "1"], stdin: input)
    #expect(a.status == 0 && a.text == b.text && !a.text.isEmpty)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: model))
    #expect(bytes.count > 100 && bytes[8] == 3)  // format version 3
    bytes[bytes.count / 2] ^= 0x55
    let damaged = TagTests.file("", ".model")
    try bytes.write(to: URL(fileURLWithPath: damaged))
    let d = try ToolRunner.run("ner-tag", ["-m", damaged], stdin: "a O\n")
    #expect(d.status == 65 && d.stderr == "ner-tag: \(damaged): error: damaged model: checksum mismatch\n", "\(d.stderr)")
    let truncated = TagTests.file("", ".model")
    try bytes.prefix(bytes.count - 9).write(to: URL(fileURLWithPath: truncated))
    let t = try ToolRunner.run("ner-tag", ["-m", truncated], stdin: "a O\n")
    #expect(t.status == 65 && t.stderr.contains("damaged model"), "\(t.stderr)")
  }

  @Test func usageErrors() throws {
    let input = TagTests.file(TagTests.corpus(3))
    for args in [["--template", input], ["--freeze-embeddings"], ["--dropout", "1"], ["--from", "crfsuite"]] {
      let r = try ToolRunner.run("ner-tag", ["train", "-m", "/dev/null", "--kind", "neural"] + args + [input])
      #expect(r.status == 64, "\(args): \(r.stderr)")
    }
    let model = try Self.train(["--epochs", "1"], TagTests.corpus(6))
    let c = try ToolRunner.run("ner-tag", ["-m", model, "--from", "crfsuite"], stdin: "O\tw=a\n")
    #expect(c.status == 64 && c.stderr.contains("neural model"), "\(c.stderr)")
  }

  /// Pretrained vectors set the embedding size; frozen, they still train the rest.
  @Test func pretrainedEmbeddings() throws {
    var vec = "5 4\n"
    for (i, w) in ["in", "Mr", "Corp", "Lima", "we"].enumerated() { vec += "\(w) \(i) 0.5 -0.25 1\n" }
    let path = TagTests.file(vec, ".vec")
    let sizes = ["--kind", "neural", "--char-dim", "8", "--char-hidden", "8", "--hidden", "16"]
    let model = try TagTests.train(sizes + ["--epochs", "2", "--lang", "en", "--embeddings", "en=\(path)", "--freeze-embeddings"], TagTests.corpus(12))
    let r = try ToolRunner.run("ner-tag", ["-m", model], stdin: TagTests.corpus(3))
    #expect(r.status == 0)
    let bad = try ToolRunner.run("ner-tag", ["train", "-q", "-m", "/dev/null", "--kind", "neural", "--word-dim", "7", "--lang", "en", "--embeddings", "en=\(path)", TagTests.file(TagTests.corpus(3))])
    #expect(bad.status == 64 && bad.stderr.contains("--word-dim"), "\(bad.stderr)")
  }

  /// `--layers 2`: two stacked sentence BiLSTMs learn the toy corpus and the model
  /// records its layer count (ner-tag dump).
  @Test func twoLayersTrainAndTag() throws {
    let model = try Self.train(["--epochs", "30", "--layers", "2"], TagTests.corpus(60))
    let test = "we\tO\nlive\tO\nin\tO\nLima\tB-LOC\nnow\tO\n\nMr\tO\nNovak\tB-PER\nJr\tI-PER\nleft\tO\nearly\tO\n"
    let scored = try ToolRunner.shell("ner-tag -m \(model) \(TagTests.file(test)) | ner-score")
    #expect(scored.status == 0 && scored.text.contains("FB1: 100.00"), "\(scored.text)\(scored.stderr)")
    let dump = try ToolRunner.run("ner-tag", ["dump", model])
    #expect(dump.status == 0 && dump.text.contains("  layers = 2\n"), "\(dump.text)")
    let one = try Self.train(["--epochs", "1"], TagTests.corpus(6))
    #expect(try ToolRunner.run("ner-tag", ["dump", one]).text.contains("  layers = 1\n"))
    let bad = try ToolRunner.run("ner-tag", ["train", "-m", "/dev/null", "--kind", "neural", "--layers", "0", TagTests.file(TagTests.corpus(3))])
    #expect(bad.status == 64 && bad.stderr.contains("--layers"), "\(bad.stderr)")
  }
}
