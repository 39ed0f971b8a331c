import Foundation
import Testing

/// ner-score's reports beyond conlleval.pl's.
struct ScoreExtrasTests {
  static let input = """
    New B-LOC B-LOC
    York I-LOC I-LOC
    is O O
    Ann B-PER B-ORG
    Lee I-PER I-ORG

    Bob B-PER B-PER
    saw O B-MISC
    Big B-ORG B-ORG
    Co I-ORG O
    Ltd I-ORG O

    """

  @Test func metadataLinesAreSkipped() throws {
    let plain = try ToolRunner.run("ner-score", [], stdin: Self.input)
    let withMetadata = "# id = 1\n# text = New York is Ann Lee\n" + Self.input.replacingOccurrences(of: "\nBob", with: "\n# lang = en\nBob")
    let r = try ToolRunner.run("ner-score", [], stdin: withMetadata)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.text == plain.text)
    // A line for the token '#' is data.
    let hash = try ToolRunner.run("ner-score", [], stdin: "# O O\nA B-PER B-PER\n")
    #expect(hash.text.hasPrefix("processed 2 tokens"))
  }

  @Test func jsonHasEveryFigure() throws {
    let r = try ToolRunner.run("ner-score", ["--format", "json", "--by-length", "--confusion", "--bootstrap", "50"], stdin: Self.input)
    #expect(r.status == 0)
    let j = try JSONSerialization.jsonObject(with: r.stdout) as! [String: Any]
    #expect(j["tokens"] as? Int == 10)
    #expect(j["phrases"] as? Int == 4)
    #expect(j["found"] as? Int == 5)
    #expect(j["correct"] as? Int == 2)
    #expect(j["f1"] as? Double == 44.4444)
    let types = j["types"] as! [String: [String: Any]]
    #expect(Set(types.keys) == ["LOC", "MISC", "ORG", "PER"])
    #expect(types["PER"]!["gold"] as? Int == 2)
    #expect(types["PER"]!["recall"] as? Int == 50)
    let macro = j["macro"] as! [String: Any]
    #expect(macro["precision"] as? Int == 50)
    let byLength = j["by_length"] as! [String: [String: Any]]
    #expect(byLength["3+"]!["gold"] as? Int == 1)
    let confusion = j["confusion"] as! [String: Any]
    #expect(confusion["types"] as? [String] == ["LOC", "MISC", "ORG", "PER"])
    #expect(confusion["matrix"] as? [[Int]] == [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 1]])
    #expect(confusion["missed"] as? [Int] == [0, 0, 1, 0])
    #expect(confusion["spurious"] as? [Int] == [0, 1, 1, 0])
    let boot = j["bootstrap"] as! [String: Any]
    #expect(boot["sentences"] as? Int == 2)
  }

  @Test func textReports() throws {
    let r = try ToolRunner.run("ner-score", ["--by-length", "--confusion"], stdin: Self.input)
    #expect(r.text.hasPrefix("processed 10 tokens with 4 phrases; found: 5 phrases; correct: 2.\n"))
    #expect(r.text.contains("         length 1: precision:  33.33%; recall: 100.00%; FB1:  50.00  gold 1 found 3 correct 1\n"))
    #expect(r.text.contains("        length 3+: precision:   0.00%; recall:   0.00%; FB1:   0.00  gold 1 found 0 correct 0\n"))
    #expect(r.text.contains("PER               0       0       1       1       0\n"))
    #expect(r.text.hasSuffix("spurious          0       1       1       0\n"))
  }

  @Test func bootstrapIsDeterministicForASeed() throws {
    var lines = ""
    for i in 0..<200 {
      lines += i % 3 == 0 ? "A B-PER B-PER\nb O O\n\n" : (i % 3 == 1 ? "A B-LOC B-ORG\n\n" : "A B-ORG B-ORG\nB I-ORG O\n\n")
    }
    let a = try ToolRunner.run("ner-score", ["--bootstrap", "300", "--seed", "7"], stdin: lines)
    let b = try ToolRunner.run("ner-score", ["--bootstrap", "300", "--seed", "7"], stdin: lines)
    let c = try ToolRunner.run("ner-score", ["--bootstrap", "300", "--seed", "8"], stdin: lines)
    #expect(a.text == b.text)
    #expect(a.text != c.text)
    let line = a.text.split(separator: "\n").last!
    #expect(line.hasPrefix("bootstrap: FB1 95% confidence interval ["))
    #expect(line.hasSuffix("(300 samples of 200 sentences, seed 7)"))
  }

  @Test func strictModeCountsOnlyWellFormedEntities() throws {
    // I-PER after O is an entity for conlleval, not for IOB2-strict.
    let input = "a O O\nb I-PER I-PER\n\nc B-LOC B-LOC\n"
    let lenient = try ToolRunner.run("ner-score", [], stdin: input)
    #expect(lenient.text.hasPrefix("processed 3 tokens with 2 phrases; found: 2 phrases; correct: 2."))
    let strict = try ToolRunner.run("ner-score", ["--strict", "--scheme", "iob2"], stdin: input)
    #expect(strict.text.hasPrefix("processed 3 tokens with 1 phrases; found: 1 phrases; correct: 1."))
    #expect(strict.stderr == "ner-score: warning: 1 sentence(s) hold tag sequences invalid in IOB2; their invalid entities were not counted\n")
    // IOBES: S-X S-X are two entities (conlleval merges them).
    let s = "a S-PER S-PER\nb S-PER S-PER\n"
    let c = try ToolRunner.run("ner-score", [], stdin: s)
    #expect(c.text.hasPrefix("processed 2 tokens with 1 phrases;"))
    let i = try ToolRunner.run("ner-score", ["--scheme", "iobes"], stdin: s)
    #expect(i.text.hasPrefix("processed 2 tokens with 2 phrases; found: 2 phrases; correct: 2."))
  }

  @Test func goldFileAlignment() throws {
    let gold = ToolRunner.temporaryFile(Data("# id = 1\nNew B-LOC\nYork I-LOC\n\nAnn B-PER\n".utf8))
    defer { try? FileManager.default.removeItem(at: gold) }
    let pred = #"{"tokens":["New","York"],"pred":["B-LOC","I-LOC"]}"# + "\n" + #"{"tokens":["Ann"],"pred":["O"]}"# + "\n"
    let r = try ToolRunner.run("ner-score", ["--gold", gold.path], stdin: pred)
    #expect(r.text.hasPrefix("processed 3 tokens with 2 phrases; found: 1 phrases; correct: 1.\n"))
    let conll = try ToolRunner.run("ner-score", ["--gold", gold.path], stdin: "New B-LOC\nYork O\n\nAnn B-PER\n")
    #expect(conll.text.hasPrefix("processed 3 tokens with 2 phrases; found: 2 phrases; correct: 1.\n"))
    let bad = try ToolRunner.run("ner-score", ["--gold", gold.path], stdin: "New B-LOC\nyork O\n\nAnn B-PER\n")
    #expect(bad.status == 65)
    #expect(bad.stderr == "ner-score: <stdin>:2: error: token 'york' differs from the gold token 'York' at \(gold.path):3; to score different tokenizations by characters both need the sentence text ('# text' or JSONL 'text'): neither has one\n")
    let short = try ToolRunner.run("ner-score", ["--gold", gold.path], stdin: "New B-LOC\nYork O\n")
    #expect(short.status == 65)
    #expect(short.stderr == "ner-score: \(gold.path):5: error: the gold file has more sentences than the predictions\n")
  }

  @Test func jsonlInputIsScoredFromTagsAndPred() throws {
    let j = #"{"tokens":["New","York","is"],"tags":["B-LOC","I-LOC","O"],"pred":["B-LOC","I-LOC","O"]}"# + "\n"
    let r = try ToolRunner.run("ner-score", [], stdin: j)
    #expect(r.text == "processed 3 tokens with 1 phrases; found: 1 phrases; correct: 1.\naccuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n              LOC: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n")
  }

  @Test func tabSeparatedInputWithoutDelimiterIsSplitOnTabs() throws {
    let r = try ToolRunner.run("ner-score", [], stdin: "a\tB-PER\tB-PER\nb\tO\tO\n")
    #expect(r.text.hasPrefix("processed 2 tokens with 1 phrases; found: 1 phrases; correct: 1."))
  }

  @Test func reportToAFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-score-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("report.txt")
    let r = try ToolRunner.run("ner-score", ["--output", out.path], stdin: "a B-X B-X\n")
    #expect(r.status == 0)
    #expect(r.text == "")
    #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("processed 1 tokens with 1 phrases"))
  }
}
