import Foundation
import Testing

/// Converse attention transfer from the command line: ner-tag train --transfer-model
/// (training, tagging, dump, threads, bad options) and ner-translate --attention.
struct TransferTests {
  /// A Spanish-looking version of TagTests' toy corpus and its dictionary into English.
  static let words = ["we": "nosotros", "live": "vivimos", "in": "en", "now": "ahora", "left": "salió",
                      "arrived": "llegó", "spoke": "habló", "waited": "esperó", "early": "temprano"]

  static func spanish(_ n: Int, seed: Int = 0) -> String {
    TagTests.corpus(n, seed: seed).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard let token = fields.first, let w = words[String(token)] else { return String(line) }
      return ([w] + fields.dropFirst().map(String.init)).joined(separator: "\t")
    }.joined(separator: "\n")
  }

  static let dictionary = TagTests.file(words.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "\n") + "\npartió went out\n", ".txt")

  /// The English model, trained once.
  static let english: String = try! NeuralTagTests.train(["--epochs", "10"], TagTests.corpus(40))

  static func transfer(_ extra: [String] = []) -> [String] {
    ["--transfer-model", english, "--transfer-dictionary", dictionary] + extra
  }

  @Test func trainsTagsAndDumps() throws {
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("can-\(UUID().uuidString).model").path
    let train = TagTests.file(Self.spanish(60))
    let r = try ToolRunner.run("ner-tag", ["train", "-m", model, "--epochs", "20"] + NeuralTagTests.small + Self.transfer() + ["es=" + train])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("transfer: an English model of") && r.stderr.contains("alignment attention"), "\(r.stderr)")
    // Unseen names in learned contexts, tagged by a model that carries its English model.
    let test = TagTests.file(Self.spanish(9, seed: 4))
    let scored = try ToolRunner.shell("ner-tag -m \(model) \(test) | ner-score")
    #expect(scored.status == 0 && scored.text.contains("FB1: 100.00"), "\(scored.text)\(scored.stderr)")
    let one = try ToolRunner.run("ner-tag", ["-m", model, "--threads", "1", "--marginals", test])
    let two = try ToolRunner.run("ner-tag", ["-m", model, "--threads", "2", "--marginals", test])
    #expect(one.status == 0 && one.text == two.text)
    let dump = try ToolRunner.run("ner-tag", ["dump", model])
    #expect(dump.status == 0 && dump.text.contains("transfer attention = alignment"), "\(dump.text)")
    #expect(dump.text.contains("transfer dictionary = 10 words, 10 pairs") && dump.text.contains("transfer vectors = none"), "\(dump.text)")
  }

  /// --transfer-into input: the English features enter the sentence BiLSTM's input; the
  /// model trains, tags (the same on one thread and two) and says so in dump.
  @Test func transferIntoTheInput() throws {
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("can-\(UUID().uuidString).model").path
    let train = TagTests.file(Self.spanish(60))
    let r = try ToolRunner.run("ner-tag", ["train", "-q", "-m", model, "--epochs", "20"] + NeuralTagTests.small
      + Self.transfer(["--transfer-into", "input", "--transfer-dropout", "0.3", "--transfer-dropout-unit", "token"]) + ["es=" + train])
    #expect(r.status == 0, "\(r.stderr)")
    let test = TagTests.file(Self.spanish(9, seed: 4))
    let scored = try ToolRunner.shell("ner-tag -m \(model) \(test) | ner-score")
    #expect(scored.status == 0 && scored.text.contains("FB1: 100.00"), "\(scored.text)\(scored.stderr)")
    let dump = try ToolRunner.run("ner-tag", ["dump", model])
    #expect(dump.status == 0 && dump.text.contains("transfer attention = alignment; into the sentence BiLSTM's input"), "\(dump.text)")
    let one = try ToolRunner.run("ner-tag", ["-m", model, "--threads", "1", "--marginals", test])
    let two = try ToolRunner.run("ner-tag", ["-m", model, "--threads", "2", "--marginals", test])
    #expect(one.status == 0 && one.text == two.text)
    let bad = try ToolRunner.run("ner-tag", ["train", "-q", "-m", model, "--transfer-into", "output"] + NeuralTagTests.small + Self.transfer() + [train])
    #expect(bad.status == 64 && bad.stderr.contains("--transfer-into"), "\(bad.stderr)")
  }

  /// The same seed gives the same model bytes on one thread and on two, with embedding
  /// attention (vectors travel in the model) and dropout on the English features, by value
  /// and by sentence (which give different models).
  @Test func threadsDoNotChangeTheModel() throws {
    let vectors = ["nosotros 1 0 0", "en 0 1 0", "Lima 0 0 1", "salió 1 1 0"]
    let source = TagTests.file("4 3\n" + vectors.joined(separator: "\n") + "\n", ".vec")
    let target = TagTests.file("4 3\nwe 1 0 0\nin 0 1 0\nLima 0 0 1\nleft 1 1 0\n", ".vec")
    let train = TagTests.file(Self.spanish(30))
    var byUnit: [Data] = []
    for unit in ["value", "sentence"] {
      var models: [Data] = []
      for threads in ["1", "2"] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("can-\(UUID().uuidString).model").path
        let args = ["train", "-q", "-m", path, "--threads", threads, "--epochs", "2"] + NeuralTagTests.small
          + Self.transfer(["--attention", "embedding", "--source-embeddings", source, "--target-embeddings", target,
                           "--transfer-dropout", "0.3", "--transfer-dropout-unit", unit]) + [train]
        let r = try ToolRunner.run("ner-tag", args)
        #expect(r.status == 0, "\(r.stderr)")
        models.append(try Data(contentsOf: URL(fileURLWithPath: path)))
      }
      #expect(models[0] == models[1] && !models[0].isEmpty, "\(unit)")
      byUnit.append(models[0])
    }
    #expect(byUnit[0] != byUnit[1])
  }

  @Test func badOptions() throws {
    let train = TagTests.file(Self.spanish(10))
    func run(_ args: [String]) throws -> ToolRunner.Result {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("can-\(UUID().uuidString).model").path
      return try ToolRunner.run("ner-tag", ["train", "-q", "-m", path, "--epochs", "1"] + args + [train])
    }
    let embedding = try run(NeuralTagTests.small + Self.transfer(["--attention", "embedding"]))
    #expect(embedding.status == 64 && embedding.stderr.contains("--attention embedding needs"), "\(embedding.stderr)")
    let linear = try run(Self.transfer())
    #expect(linear.status == 64 && linear.stderr.contains("a transfer source is for --kind neural"), "\(linear.stderr)")
    let half = try run(NeuralTagTests.small + ["--transfer-model", Self.english])
    #expect(half.status == 64 && half.stderr.contains("needs both --transfer-model and --transfer-dictionary"), "\(half.stderr)")
    let rate = try run(NeuralTagTests.small + Self.transfer(["--transfer-dropout", "1"]))
    #expect(rate.status == 64 && rate.stderr.contains("--transfer-dropout must be in [0, 1)"), "\(rate.stderr)")
    let dropoutAlone = try run(NeuralTagTests.small + ["--transfer-dropout", "0.5"])
    #expect(dropoutAlone.status == 64 && dropoutAlone.stderr.contains("needs both --transfer-model"), "\(dropoutAlone.stderr)")
    let unitAlone = try run(NeuralTagTests.small + Self.transfer(["--transfer-dropout-unit", "sentence"]))
    #expect(unitAlone.status == 64 && unitAlone.stderr.contains("give the rate too"), "\(unitAlone.stderr)")
    let badUnit = try run(NeuralTagTests.small + Self.transfer(["--transfer-dropout", "0.5", "--transfer-dropout-unit", "word"]))
    #expect(badUnit.status == 64 && badUnit.stderr.contains("--transfer-dropout-unit"), "\(badUnit.stderr)")
    let missing = try run(NeuralTagTests.small + ["--transfer-model", Self.english, "--transfer-dictionary", "/nonexistent/es-en.txt"])
    #expect(missing.status == 66, "\(missing.stderr)")
    let linearModel = try TagTests.train([], TagTests.corpus(10))
    let wrongKind = try run(NeuralTagTests.small + ["--transfer-model", linearModel, "--transfer-dictionary", Self.dictionary])
    #expect(wrongKind.status == 64 && wrongKind.stderr.contains("needs a neural one"), "\(wrongKind.stderr)")
    let badDictionary = try run(NeuralTagTests.small + ["--transfer-model", Self.english, "--transfer-dictionary", TagTests.file("solo\n", ".txt")])
    #expect(badDictionary.status == 65 && badDictionary.stderr.contains(":1: error: expected 'source target'"), "\(badDictionary.stderr)")
  }

  /// ner-translate --attention keeps the tokens and adds the translation and the rows.
  @Test func translateWritesAttention() throws {
    let input = "nosotros\tO\npartió\tO\nen\tO\nLima\tB-LOC\n"
    let r = try ToolRunner.run("ner-translate", ["--dictionary", Self.dictionary, "--attention", "alignment", "--to", "jsonl"], stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as! [String: Any]
    #expect(object["tokens"] as? [String] == ["nosotros", "partió", "en", "Lima"])
    #expect(object["translation"] as? [String] == ["we", "went", "out", "in", "Lima"])
    let rows = object["attention"] as! [[[Double]]]
    #expect(rows.count == 4 && rows.allSatisfy { abs($0.reduce(0) { $0 + $1[1] } - 1) < 1e-3 })
    #expect(rows[0] == [[0, 1]] && rows[1] == [[1, 0.5], [2, 0.5]] && rows[3] == [[4, 1]])
    let conll = try ToolRunner.run("ner-translate", ["--dictionary", Self.dictionary, "--attention", "alignment"], stdin: input)
    #expect(conll.status == 0 && conll.text.hasPrefix("# translation = [\"we\",\"went\",\"out\",\"in\",\"Lima\"]\n# attention = [[[0,1.0000]]"), "\(conll.text)")
    let bad = try ToolRunner.run("ner-translate", ["--dictionary", Self.dictionary, "--attention", "embedding"], stdin: input)
    #expect(bad.status == 64, "\(bad.stderr)")
  }
}
