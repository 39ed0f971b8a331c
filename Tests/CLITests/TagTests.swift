import Foundation
import Testing

/// ner-tag end to end: training, tagging, CRFsuite interchange, models and bad input.
struct TagTests {
  /// A toy corpus in CoNLL: places follow "in", people follow "Mr", organizations end in
  /// "Corp"; written by the project for these tests.
  static func corpus(_ n: Int, seed: Int = 0, lang: String? = nil) -> String {
    let places = ["Paris", "Kyiv", "Lima", "Oslo", "Quito", "Accra", "Hanoi"]
    let people = ["Smith", "Jones", "Brown", "Garcia", "Novak"]
    let verbs = ["left", "arrived", "spoke", "waited"]
    var out = lang.map { "# lang = \($0)\n" } ?? ""
    for i in 0..<n {
      let k = i + seed
      var rows: [(String, String)]
      switch k % 3 {
      case 0: rows = [("we", "O"), ("live", "O"), ("in", "O"), (places[k % places.count], "B-LOC"), ("now", "O")]
      case 1: rows = [("Mr", "O"), (people[k % people.count], "B-PER"), ("Jr", "I-PER"), (verbs[k % verbs.count], "O"), ("early", "O")]
      default: rows = [(people[k % people.count], "B-ORG"), ("Corp", "I-ORG"), (verbs[k % verbs.count], "O"), ("in", "O"), (places[(k + 1) % places.count], "B-LOC")]
      }
      out += rows.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n") + "\n\n"
    }
    return out
  }

  static func file(_ text: String, _ suffix: String = ".conll") -> String {
    ToolRunner.temporaryFile(Data(text.utf8), suffix: suffix).path
  }

  /// Trains a model on `input` and returns its path.
  static func train(_ args: [String], _ input: String) throws -> String {
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tag-test-\(UUID().uuidString).model").path
    let r = try ToolRunner.run("ner-tag", ["train", "-q", "-m", model] + args + [file(input)])
    #expect(r.status == 0, "\(r.stderr)")
    return model
  }

  func tag(_ args: [String], _ input: String) throws -> ToolRunner.Result {
    let r = try ToolRunner.run("ner-tag", args, stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    return r
  }

  /// The last column of every token line.
  static func lastColumn(_ text: String) -> [String] {
    text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t").last!) }
  }

  @Test func learnsTheToyCorpusAndPassesEverythingThrough() throws {
    let model = try Self.train(["--max-iterations", "50"], Self.corpus(60))
    let test = "# id = s1\nwe\tx\tO\nlive\tx\tO\nin\tx\tO\nRome\tx\tB-LOC\nnow\tx\tO\n\n# a comment\nMr\tx\tO\nWhite\tx\tB-PER\nJr\tx\tI-PER\nleft\tx\tO\nearly\tx\tO\n"
    let r = try tag(["-m", model], test)
    let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "# id = s1")
    #expect(lines[4] == "Rome\tx\tB-LOC\tB-LOC")
    #expect(lines.contains("# a comment"))
    #expect(lines.contains("White\tx\tB-PER\tB-PER") && lines.contains("Jr\tx\tI-PER\tI-PER"))
    // Scored by ner-score (comments are data to conlleval, so none here): all right.
    let plain = test.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
    let scored = try ToolRunner.shell("ner-tag -m \(model) \(Self.file(plain)) | ner-score")
    #expect(scored.text.contains("FB1: 100.00"), "\(scored.text)")
  }

  @Test func jsonlGetsAPredArrayAndMarginals() throws {
    let model = try Self.train(["--max-iterations", "50"], Self.corpus(60))
    let r = try tag(["-m", model, "--marginals"], #"{"id":"a","tokens":["we","live","in","Lima","now"],"x":1}"# + "\n")
    #expect(r.text.hasPrefix(#"{"id":"a","tokens":["we","live","in","Lima","now"],"x":1,"#), "\(r.text)")
    #expect(r.text.contains(#""pred":["O","O","O","B-LOC","O"]"#), "\(r.text)")
    #expect(r.text.contains(#""pred_prob":[0."#) || r.text.contains(#""pred_prob":[1.0000"#), "\(r.text)")
    let conll = try tag(["-m", model, "--marginals"], "we O\nlive O\nin O\nLima B-LOC\nnow O\n")
    let fields = conll.text.split(separator: "\n")[3].split(separator: " ")
    #expect(fields.count == 4 && fields[3] == "B-LOC")  // token, probability, gold, prediction
    #expect(Double(fields[1])! > 0.5 && Double(fields[1])! <= 1)
  }

  @Test func nbestAndSpansCarryProbabilities() throws {
    let model = try Self.train(["--max-iterations", "50"], Self.corpus(60))
    let input = "we\tO\nlive\tO\nin\tO\nLima\tB-LOC\nnow\tO\n"
    let r = try tag(["-m", model, "--nbest", "3"], input)
    let probs = r.text.split(separator: "\n").first { $0.hasPrefix("# nbest_prob = ") }!.dropFirst(15).split(separator: " ").map { Double($0)! }
    #expect(probs.count == 3 && probs[0] >= probs[1] && probs[1] >= probs[2] && probs.reduce(0, +) <= 1.0001)
    #expect(r.text.split(separator: "\n")[4].split(separator: "\t").count == 5)  // token, pred2, pred3, gold, pred
    let spans = try tag(["-m", model, "--to", "spans"], input)
    let f = spans.text.split(separator: "\n")[0].split(separator: "\t")
    #expect(f[0] == "1" && f[1] == "3" && f[2] == "4" && f[3] == "LOC" && f[4] == "Lima")
    #expect(Double(f[5])! > 0.5 && Double(f[5])! <= 1)
  }

  @Test func sameModelForAnyThreadCountAndFromCRFsuiteData() throws {
    let data = Self.corpus(90)
    let one = try Self.train(["--max-iterations", "20", "--threads", "1"], data)
    let two = try Self.train(["--max-iterations", "20", "--threads", "2"], data)
    #expect(try Data(contentsOf: URL(fileURLWithPath: one)) == Data(contentsOf: URL(fileURLWithPath: two)))
    // The same attributes through CRFsuite's format give the same predictions.
    let features = try ToolRunner.run("ner-tag", ["features", Self.file(data)])
    #expect(features.status == 0)
    #expect(features.text.hasPrefix("O\tw[0]=we\tw[1]=live\tw[2]=in\t"))
    let crfsuiteData = Self.file(features.text, ".crfsuite")
    let viaCRFsuite = try Self.train(["--max-iterations", "20", "--from", "crfsuite"], features.text)
    let labels = try tag(["-m", viaCRFsuite, "--from", "crfsuite", crfsuiteData], "")
    let tagged = try tag(["-m", one, Self.file(data)], "")
    #expect(labels.text.split(separator: "\n") == Self.lastColumn(tagged.text).map { Substring($0) })
    #expect(labels.text.hasSuffix("\n\n"))
    // Development data in CRFsuite's format, with attribute values.
    let weighted = Self.file(features.text.replacingOccurrences(of: "\tw[0]=", with: "\tw[0]\\:x:0.5\tw[0]="), ".crfsuite")
    let devModel = viaCRFsuite + ".dev"
    let dev = try ToolRunner.run("ner-tag", ["train", "--from", "crfsuite", "--max-iterations", "10", "--dev", weighted, "--dev-every", "5", "-m", devModel, crfsuiteData])
    #expect(dev.status == 0 && dev.stderr.contains("iteration 5: ") && dev.stderr.contains(", dev F1 100.00"), "\(dev.stderr)")
  }

  @Test func iobesTrainingWritesTheInputScheme() throws {
    let model = try Self.train(["--max-iterations", "50", "--tag-scheme", "iobes"], Self.corpus(60))
    let dump = try tag(["dump", model], "")
    #expect(dump.text.contains("E-PER") && dump.text.contains("S-LOC"))
    let r = try tag(["-m", model], "Mr\tO\nWhite\tB-PER\nJr\tI-PER\nleft\tO\n")
    #expect(Self.lastColumn(r.text) == ["O", "B-PER", "I-PER", "O"])
  }

  @Test func languageFeaturesAndWeights() throws {
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tag-test-\(UUID().uuidString).model").path
    let uk = Self.file(Self.corpus(30)), ru = Self.file(Self.corpus(30, seed: 1))
    let r = try ToolRunner.run("ner-tag", ["train", "-m", model, "--max-iterations", "30", "--language-features", "--weight", "ru=0.5", "uk=\(uk)", "ru=\(ru)"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("iteration 1: loss"))
    let dump = try tag(["dump", "--top", "100000", model], "")
    #expect(dump.text.contains("languages = uk ru"))
    #expect(dump.text.contains("\tuk|w[0]=") && dump.text.contains("\tru|w[0]="))
    let bad = try ToolRunner.run("ner-tag", ["train", "-m", model, "--weight", "ru=x", uk])
    #expect(bad.status == 64 && bad.stderr.contains("--weight wants LANG=NUMBER"))
    // --language-word-features: word features only in their conjoined copies.
    let w = try ToolRunner.run("ner-tag", ["train", "-q", "-m", model, "--max-iterations", "30", "--language-features", "--language-word-features", "uk=\(uk)", "ru=\(ru)"])
    #expect(w.status == 0, "\(w.stderr)")
    let wordDump = try tag(["dump", "--top", "100000", model], "")
    #expect(wordDump.text.contains("\tuk|w[0]=") && !wordDump.text.contains("\tw[0]=") && wordDump.text.contains("\ts1[0]="))
    #expect(try tag(["-m", model], "Kyiv\n").status == 0)
    let alone = try ToolRunner.run("ner-tag", ["train", "-m", model, "--language-word-features", uk])
    #expect(alone.status == 64 && alone.stderr.contains("--language-word-features needs --language-features"))
  }

  @Test func templatesAndDevelopmentScores() throws {
    let template = Self.file("# CRF++ templates\nU00:%x[0,0]\nU01:%x[-1,0]\nU02:%x[-1,0]/%x[0,0]\n\nB\n", ".template")
    let dev = Self.file(Self.corpus(12, seed: 5))
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tag-test-\(UUID().uuidString).model").path
    let r = try ToolRunner.run("ner-tag", ["train", "-m", model, "--template", template, "--max-iterations", "20", "--dev", dev, "--dev-every", "5", Self.file(Self.corpus(60))])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains(", dev F1 "), "\(r.stderr)")
    #expect(r.stderr.contains("kept the model of"))
    let dump = try tag(["dump", "--top", "1000", model], "")
    #expect(dump.text.contains("\tU02:in/Lima") || dump.text.contains("U02:in/"))
    let badTemplate = Self.file("U00:%x[0]\n", ".template")
    let bad = try ToolRunner.run("ner-tag", ["train", "-m", model, "--template", badTemplate, Self.file(Self.corpus(3))])
    #expect(bad.status == 65 && bad.stderr.hasPrefix("ner-tag: \(badTemplate):1: error:"), "\(bad.stderr)")
  }

  @Test func badInputAndDamagedModels() throws {
    let model = try Self.train(["--max-iterations", "5"], Self.corpus(10))
    // No tags to learn from.
    let untagged = Self.file("we\nlive\n")
    let r = try ToolRunner.run("ner-tag", ["train", "-m", model + ".2", untagged])
    #expect(r.status == 65 && r.stderr == "ner-tag: \(untagged):1: error: no gold tag column to train on\n", "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: model + ".2"))
    // Missing and damaged models.
    let missing = try ToolRunner.run("ner-tag", ["-m", "/nonexistent/m"], stdin: "a O\n")
    #expect(missing.status == 66 && missing.stderr.hasPrefix("ner-tag: /nonexistent/m: error: cannot open"))
    var bytes = try Data(contentsOf: URL(fileURLWithPath: model))
    bytes[bytes.count / 2] ^= 0x40
    let damaged = Self.file(String(decoding: [UInt8](), as: UTF8.self), ".model")
    try bytes.write(to: URL(fileURLWithPath: damaged))
    let d = try ToolRunner.run("ner-tag", ["-m", damaged], stdin: "a O\n")
    #expect(d.status == 65 && d.stderr == "ner-tag: \(damaged): error: damaged model: checksum mismatch\n", "\(d.stderr)")
    let notModel = try ToolRunner.run("ner-tag", ["-m", untagged], stdin: "a O\n")
    #expect(notModel.status == 65 && notModel.stderr.contains("not a ner-tag model"))
    // A bad column name in tagging input.
    let colModel = try Self.train(["--max-iterations", "5", "--token-column", "2"], "x\tParis\tB-LOC\n")
    let c = try ToolRunner.run("ner-tag", ["-m", colModel], stdin: "Paris\n")
    #expect(c.status == 65 && c.stderr.contains("no column 2"), "\(c.stderr)")
  }

  @Test func docstartLinesGetTheNewColumn() throws {
    let model = try Self.train(["--max-iterations", "20"], Self.corpus(30))
    let r = try tag(["-m", model], "-DOCSTART- -X- O\n\nwe x O\nlive x O\n")
    #expect(r.text.hasPrefix("-DOCSTART- -X- O O\n\nwe x O O\n"), "\(r.text)")
  }

  @Test func endsQuietlyIntoHead() throws {
    let model = try Self.train(["--max-iterations", "5"], Self.corpus(10))
    let big = Self.file(Self.corpus(3000))
    let r = try ToolRunner.shell("ner-tag -m \(model) \(big) | head -2")
    #expect(r.status == 0 && r.stderr.isEmpty && r.text.split(separator: "\n").count == 2, "\(r.stderr)")
  }

  /// -m/--model is the model file in train as in tag, and --kind the kind; the spellings
  /// of earlier versions (--model-file FILE, --model linear|neural) still work, with a
  /// deprecation note, and give the same model.
  @Test func modelOptionNamesAndTheirOldSpellings() throws {
    let data = Self.file(Self.corpus(20))
    func train(_ args: [String]) throws -> (ToolRunner.Result, Data) {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-test-\(UUID().uuidString).model").path
      let r = try ToolRunner.run("ner-tag", ["train", "--max-iterations", "5", "--threads", "1"] + args.map { $0 == "M" ? path : $0 } + [data])
      return (r, (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
    }
    let (new, a) = try train(["-q", "--model", "M", "--kind", "linear"])
    #expect(new.status == 0 && new.stderr.isEmpty && !a.isEmpty, "\(new.stderr)")
    let (old, b) = try train(["-q", "--model-file", "M", "--model", "linear"])
    #expect(old.status == 0 && a == b, "\(old.stderr)")
    #expect(old.stderr.contains("warning: --model linear is deprecated: use --kind linear"))
    #expect(old.stderr.contains("warning: --model-file is deprecated: use -m/--model"))
    let (two, _) = try train(["-m", "M", "--model", "M"])
    #expect(two.status == 64 && two.stderr.contains("Give one model file"), "\(two.stderr)")
    let (none, _) = try train(["--kind", "neural"])
    #expect(none.status == 64 && none.stderr.contains("Missing the model file"), "\(none.stderr)")
    let (wrong, _) = try train(["-m", "M", "--kind", "quantum"])
    #expect(wrong.status == 64, "\(wrong.stderr)")
  }
}
