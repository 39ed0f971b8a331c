import Foundation
import Testing

/// The formats contract across tools (issue 16, "no silent wrong answers"): a pipeline
/// gives the right result or stops with a message.
struct ContractTests {
  static let models = ModelFixtureTests.directory
  static let model = ModelFixtureTests.path("linear.model")
  static let test = ModelFixtureTests.path("es.test.conll")

  static func file(_ text: String, _ suffix: String = ".conll") -> String {
    ToolRunner.temporaryFile(Data(text.utf8), suffix: suffix).path
  }

  /// The conlleval report's overall FB1 of `text`.
  static func f1(_ text: String) -> String? {
    text.split(separator: "\n").dropFirst().first.flatMap { $0.components(separatedBy: "FB1:").last }?
      .trimmingCharacters(in: .whitespaces)
  }

  // MARK: 1. The prediction is the last column; ner-score stops at a value that is no tag.

  @Test(arguments: [["--marginals"], ["--nbest", "2"], ["--marginals", "--nbest", "3"]])
  func taggedOutputScoresAsThePlainOne(options: [String]) throws {
    let plain = try ToolRunner.shell("ner-tag -m '\(Self.model)' '\(Self.test)' | ner-score")
    let extra = try ToolRunner.shell("ner-tag -m '\(Self.model)' \(options.joined(separator: " ")) '\(Self.test)' | ner-score")
    #expect(plain.status == 0 && extra.status == 0, "\(extra.stderr)")
    #expect(extra.text == plain.text && Self.f1(plain.text) != "0.00", "\(extra.text)")
    // Every line's last field is the prediction: the same as without the options.
    let a = try ToolRunner.run("ner-tag", ["-m", Self.model, Self.test])
    let b = try ToolRunner.run("ner-tag", ["-m", Self.model] + options + [Self.test])
    let lastFields = { (t: String) in t.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").last! } }
    #expect(lastFields(a.text) == lastFields(b.text))
  }

  @Test(arguments: ["Ana B-PER 0.9194\nGarcía I-PER 0.8008\n", "Ana B-PER B-PER 0.9194\n", "Ana 0.91 B-PER\n"])
  func scoreStopsAtAValueThatIsNoTag(input: String) throws {
    for options in [[String](), ["--strict", "--scheme", "iob2"], ["--format", "json"]] {
      let r = try ToolRunner.run("ner-score", options, stdin: input)
      #expect(r.status == 65 && r.stderr.hasPrefix("ner-score: <stdin>:1: error: '0.9") && r.stdout.isEmpty, "\(r.stderr)")
    }
    // With -r any value is a type.
    #expect(try ToolRunner.run("ner-score", ["-r"], stdin: input).status == 0)
  }

  @Test func scoreAcceptsEveryTagOfTheSuite() throws {
    let input = "a O O\nb B-X B-X\nc I-X I-X\nd E-X E-X\n\ne S-Y U-Y\nf L-Y [\ng [-Z ]-Z\nh ] ]\n"
    let r = try ToolRunner.run("ner-score", [], stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test func scoreReadsTheJSONLPredictionToo() throws {
    let r = try ToolRunner.run("ner-score", [], stdin: #"{"tokens":["a"],"tags":["B-X"],"pred":["0.5"]}"# + "\n")
    #expect(r.status == 65 && r.stderr.contains("'0.5' is not a tag"), "\(r.stderr)")
  }

  // MARK: 2. A file without a prediction column.

  @Test func goldOnlyInputIsAnErrorNamingTheFile() throws {
    let path = Self.test
    let r = try ToolRunner.run("ner-score", [path])
    #expect(r.status == 65, "\(r.text)")
    #expect(r.stderr.hasPrefix("ner-score: \(path):1: error: 'Ana' is not a tag"), "\(r.stderr)")
    #expect(r.stderr.contains("gold tags and the predicted tags as the last two fields") && r.stderr.contains("prediction column missing"))
    #expect(r.stdout.isEmpty)
  }

  // MARK: 4. Every added column is named in # global.columns.

  @Test func tagNamesItsColumns() throws {
    let named = Self.file("# global.columns = FORM NER\n" + (try String(contentsOfFile: Self.test, encoding: .utf8)))
    let r = try ToolRunner.run("ner-tag", ["-m", Self.model, "--marginals", "--nbest", "2", named])
    #expect(r.status == 0 && r.text.hasPrefix("# global.columns = FORM PRED_PROB PRED2 NER PRED\n"), "\(r.text)")
    let j = try ToolRunner.shell("ner-tag -m '\(Self.model)' '\(named)' | ner-convert --to jsonl | head -1")
    #expect(j.text.contains(#""tokens":["Ana","García","#) && j.text.contains(#""tags":["B-PER","I-PER","#), "\(j.text)")
    #expect(j.text.contains(#""pred":["#) && !j.text.contains(#""col"#), "\(j.text)")
  }

  // MARK: 5. Tagged CoNLL without a header: the last two tag columns are tags and pred.

  @Test func unnamedTaggedCoNLLHasGoldAndPrediction() throws {
    let tagged = Self.file("Ana\tB-PER\tB-ORG\nvive\tO\tO\n\n")
    let j = try ToolRunner.run("ner-convert", ["--to", "jsonl", tagged])
    #expect(j.text == #"{"tokens":["Ana","vive"],"tags":["B-PER","O"],"pred":["B-ORG","O"]}"# + "\n", "\(j.text)")
    let s = try ToolRunner.run("ner-convert", ["--to", "spans", tagged])
    #expect(s.text == "1\t0\t1\tPER\tAna\n", "\(s.text)")
    // CoNLL-2003's layout (token, POS, chunk, NER) keeps its last column as the gold.
    let conll2003 = Self.file("EU\tNNP\tI-NP\tI-ORG\nrejects\tVBZ\tI-VP\tO\n\nPeter\tNNP\tI-NP\tI-PER\n\nIt\tPRP\tI-NP\tO\n\n")
    let c = try ToolRunner.run("ner-convert", ["--to", "jsonl", conll2003])
    #expect(c.status == 0 && !c.text.contains("pred") && c.text.contains(#""tags":["I-ORG","O"]"#), "\(c.text)")
    #expect(c.text.contains(#""tags":["O"]"#), "\(c.text)")
  }

  // MARK: 6. JSON read as CoNLL.

  @Test(arguments: [
    #"{"tokens":["a","b"]}"# + "\n", #"[{"tokens":["a","b"]}]"# + "\n", "[\n  {\"tokens\": [\"a\"]},\n  {\"tokens\": [\"b\"]}\n]\n",
  ])
  func jsonReadAsCoNLLIsAnError(input: String) throws {
    for (tool, args) in [("ner-tag", ["-m", Self.model, "--from", "conll"]), ("ner-convert", ["--from", "conll"])] {
      let r = try ToolRunner.run(tool, args, stdin: input)
      #expect(r.status == 65 && r.stderr.contains("a JSON object or array where CoNLL has a token line"), "\(tool): \(r.text)\(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
  }

  @Test func bracketsAloneAreTokens() throws {
    let r = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: "[\tO\n{\tO\n]\tO\n")
    #expect(r.status == 0 && r.text.contains(#""tokens":["[","{","]"]"#), "\(r.stderr)")
  }

  // MARK: 7. A column added to a one-column sentence goes after a tab.

  @Test func addedColumnOfOneColumnInputIsTabSeparated() throws {
    let r = try ToolRunner.shell("printf 'Київ є столиця.\\n' | ner-tokenize --lang uk | ner-romanize --lang uk | cut -f2")
    #expect(r.status == 0 && r.text.contains("\nKyiv\nie\nstolytsya\n.\n"), "\(r.text)\(r.stderr)")
    let t = try ToolRunner.run("ner-tag", ["-m", Self.model], stdin: "Ana\nvive\n")
    #expect(t.text == "Ana\tB-PER\nvive\tO\n" || t.text.split(separator: "\n").allSatisfy { $0.split(separator: "\t").count == 2 }, "\(t.text)")
    // A space-separated file keeps its spaces.
    let s = try ToolRunner.run("ner-romanize", [], stdin: "Київ B-LOC\n")
    #expect(s.text == "Київ Kyiv B-LOC\n", "\(s.text)")
  }

  // MARK: 11. Sentence ids are unique within a file.

  @Test func identicalLinesGetDistinctIds() throws {
    let r = try ToolRunner.run("ner-tokenize", [], stdin: "Hola. Adiós.\nOtra.\nHola. Adiós.\nHola. Adiós.\n")
    let ids = r.text.split(separator: "\n").filter { $0.hasPrefix("# id = ") }
    #expect(ids.count == 7 && Set(ids).count == 7, "\(ids)")
    // The first occurrence keeps the id a file holding the line alone gives.
    let alone = try ToolRunner.run("ner-tokenize", [], stdin: "Hola. Adiós.\n")
    #expect(alone.text.split(separator: "\n").first == ids.first)
    #expect(ids[3].hasSuffix(".2-1") && ids[4].hasSuffix(".2-2") && ids[5].hasSuffix(".3-1"), "\(ids)")
    let j = try ToolRunner.run("ner-tokenize", ["--to", "jsonl", "--threads", "2"], stdin: String(repeating: "Hola.\n", count: 3))
    #expect(j.text.contains(#".3-1""#), "\(j.text)")
  }

  // MARK: 3. Predictions in the scheme of the input's gold tags.

  /// TagTests' corpus in IOB1: every entity starts with I-.
  static let iob1Corpus = TagTests.corpus(60).replacingOccurrences(of: "B-", with: "I-")

  @Test func predictionsFollowTheGoldScheme() throws {
    let model = try TagTests.train(["--max-iterations", "30"], Self.iob1Corpus)
    let test = Self.file("we\tO\nlive\tO\nin\tO\nLima\tB-LOC\nnow\tO\n\nMr\tO\nNovak\tB-PER\nJr\tI-PER\nleft\tO\n")
    let r = try ToolRunner.shell("ner-tag -m '\(model)' '\(test)' | ner-score --strict --scheme iob2")
    #expect(r.status == 0 && r.text.hasPrefix("processed 9 tokens with 2 phrases; found: 2 phrases; correct: 2."), "\(r.text)\(r.stderr)")
    let last = { (t: String) in t.split(separator: "\n").map { String($0.split(separator: "\t").last!) } }
    #expect(last(try ToolRunner.run("ner-tag", ["-m", model, test]).text) == ["O", "O", "O", "B-LOC", "O", "O", "B-PER", "I-PER", "O"])
    // --scheme chooses; without gold tags, the model's scheme.
    #expect(last(try ToolRunner.run("ner-tag", ["-m", model, "--scheme", "iobes", test]).text)[6...7] == ["B-PER", "E-PER"])
    #expect(last(try ToolRunner.run("ner-tag", ["-m", model], stdin: "in\nLima\n").text) == ["O", "I-LOC"])
  }

  // MARK: 8. --lang takes known codes only.

  @Test(arguments: ["xx", "Ukrainian"])
  func unknownLanguageIsAUsageError(code: String) throws {
    for tool in ["ner-tokenize", "ner-romanize"] {
      let r = try ToolRunner.run(tool, ["--lang", code], stdin: "a\n")
      #expect(r.status == 64 && r.stderr.contains("--lang '\(code)' is not a language code") && r.stderr.contains(" uk "), "\(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
  }

  @Test func tagTakesCodesAndTheModelsLanguages() throws {
    let bad = try ToolRunner.run("ner-tag", ["-m", Self.model, "--lang", "Ukrainian", Self.test])
    #expect(bad.status == 64 && bad.stderr.contains("the model's: es pt") && bad.stdout.isEmpty, "\(bad.stderr)")
    for code in ["pt", "pt-BR", "ukr"] {
      #expect(try ToolRunner.run("ner-tag", ["-m", Self.model, "--lang", code, Self.test]).status == 0)
    }
    let model = try TagTests.train(["--max-iterations", "5"], "# lang = Toki_Pona\n" + TagTests.corpus(9))
    let r = try ToolRunner.run("ner-tag", ["-m", model, "--lang", "Toki_Pona"], stdin: "we\n")
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test func romanizeWarnsOnceAboutTheGenericRules() throws {
    let r = try ToolRunner.run("ner-romanize", [], stdin: "Київ\n\nє\n")
    #expect(r.status == 0 && r.stderr.components(separatedBy: "generic rules").count == 2, "\(r.stderr)")
    for args in [["-q"], ["--lang", "uk"], ["--lang", "ukr"], ["--lang", "es"]] {
      let quiet = try ToolRunner.run("ner-romanize", args, stdin: "Київ\n")
      #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(args): \(quiet.stderr)")
    }
    let tagged = try ToolRunner.run("ner-romanize", [], stdin: "# lang = uk\nКиїв\n")
    #expect(tagged.stderr.isEmpty)
  }

  // MARK: 10. Help offers only values that work.

  @Test(arguments: ["ner-tokenize", "ner-romanize", "ner-translate translate"])
  func noSpansWhereTheToolCannotWriteThem(command: String) throws {
    let parts = command.split(separator: " ").map(String.init)
    let help = try ToolRunner.run(parts[0], Array(parts.dropFirst()) + ["--help"])
    let to = help.text.split(separator: "\n").drop { !$0.contains("--to <to>") }.prefix(2).joined()
    #expect(!to.isEmpty && !to.contains("spans"), "\(to)")
    let r = try ToolRunner.run(parts[0], Array(parts.dropFirst()) + ["--to", "spans"], stdin: "a\n")
    #expect(r.status == 64)
    let bash = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../completions/bash/\(parts[0])").standardized, encoding: .utf8)
    #expect(!bash.contains("'spans'"))
  }

  // Also: the dump of a neural model shows what it holds.

  @Test func neuralDumpShowsWhatTheModelHolds() throws {
    let r = try ToolRunner.run("ner-tag", ["dump", ModelFixtureTests.path("neural.model")])
    #expect(r.status == 0)
    for part in ["languages = es pt", "vocabulary 'es' = 135 words", "TRANSITIONS (from row to column)", "WEIGHTS", "word-lstm-forward"] {
      #expect(r.text.contains(part), "\(part)")
    }
    #expect(!r.text.contains("FEATURES"))
  }
}
