import Foundation
import Testing

/// ner-score's sentence reports: --errors, --partial, --compare, and --gold with
/// several prediction files.
struct ScoreSentenceReportsTests {
  /// nervaluate's documented example (its README, after SemEval-2013 task 9.1): one
  /// entity for each scenario: missed, spurious, overlap with the same type, same
  /// boundaries with another type, exact, overlap with another type.
  static let scenarios = """
    # id = drugs
    In O O
    TIKOSYN B-brand O
    , O O
    healthy O B-brand
    volunteers O O
    of O B-drug
    warfarin B-drug I-drug
    with O O
    propranolol B-drug B-brand
    and O O
    phenytoin B-drug B-drug
    and O O
    oral O B-drug
    contraceptives B-group I-drug

    """

  @Test func errorsListOneLineForEachKindOfError() throws {
    let r = try ToolRunner.run("ner-score", ["--errors"], stdin: Self.scenarios)
    #expect(r.status == 0)
    #expect(r.text == """
      drugs\t1\t2\tFN\tbrand\t-\tTIKOSYN\t-
      drugs\t3\t4\tFP\t-\tbrand\t-\thealthy
      drugs\t5\t7\tBOUNDARY\tdrug\tdrug\twarfarin\tof warfarin
      drugs\t8\t9\tTYPE\tdrug\tbrand\tpropranolol\tpropranolol
      drugs\t12\t14\tBOUNDARY\tgroup\tdrug\tcontraceptives\toral contraceptives

      """)
  }

  @Test func errorsNameSentencesByNumberWithoutAnIDAndReadJSONL() throws {
    let j = #"{"tokens":["Ann","met","Bob"],"tags":["B-PER","O","B-PER"],"pred":["B-PER","O","O"]}"# + "\n"
      + #"{"tokens":["in","Rome"],"tags":["O","B-LOC"],"pred":["B-LOC","I-LOC"]}"# + "\n"
    let r = try ToolRunner.run("ner-score", ["--errors"], stdin: j)
    #expect(r.text == "1\t2\t3\tFN\tPER\t-\tBob\t-\n2\t0\t2\tBOUNDARY\tLOC\tLOC\tRome\tin Rome\n")
  }

  @Test func errorsAgainstAGoldFile() throws {
    let gold = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n\nRome B-LOC\n".utf8))
    defer { try? FileManager.default.removeItem(at: gold) }
    let r = try ToolRunner.run("ner-score", ["--errors", "--gold", gold.path], stdin: "Ann B-ORG\nsaw B-MISC\n\nRome B-LOC\n")
    #expect(r.text == "1\t0\t1\tTYPE\tPER\tORG\tAnn\tAnn\n1\t1\t2\tFP\t-\tMISC\t-\tsaw\n")
  }

  @Test func partialReportsTheFourSchemasOfNervaluatesExample() throws {
    let r = try ToolRunner.run("ner-score", ["--partial"], stdin: Self.scenarios)
    #expect(r.status == 0)
    let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false)
    // conlleval's report first, unchanged.
    #expect(lines[0] == "processed 14 tokens with 5 phrases; found: 5 phrases; correct: 1.")
    #expect(r.text.hasSuffix("""
      partial credit (MUC / SemEval-2013, as nervaluate counts it):
      schema    correct incorrect  partial   missed spurious possible   actual precision   recall     FB1
      strict          1         3        0        1        1        5        5    20.00%   20.00%   20.00
      exact           2         2        0        1        1        5        5    40.00%   40.00%   40.00
      partial         2         0        2        1        1        5        5    60.00%   60.00%   60.00
      type            2         2        0        1        1        5        5    40.00%   40.00%   40.00

      """))
    let json = try ToolRunner.run("ner-score", ["--partial", "--format", "json"], stdin: Self.scenarios)
    let object = try JSONSerialization.jsonObject(with: json.stdout) as! [String: Any]
    let partial = object["partial"] as! [String: [String: Double]]
    #expect(partial["partial"]!["partial"] == 2)
    #expect(partial["partial"]!["precision"] == 60)
    #expect(partial["type"]!["correct"] == 2)
    #expect(partial["strict"]!["possible"] == 5)
  }

  @Test func severalPredictionFilesWithGoldGetOneReportEach() throws {
    let gold = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n".utf8))
    let good = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n".utf8))
    let bad = ToolRunner.temporaryFile(Data("Ann O\nsaw O\n".utf8))
    defer { for f in [gold, good, bad] { try? FileManager.default.removeItem(at: f) } }
    let r = try ToolRunner.run("ner-score", ["--gold", gold.path, good.path, bad.path], stdin: "")
    #expect(r.status == 0)
    #expect(r.text == """
      ==> \(good.path) <==
      processed 2 tokens with 1 phrases; found: 1 phrases; correct: 1.
      accuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00
                    PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1

      ==> \(bad.path) <==
      processed 2 tokens with 1 phrases; found: 0 phrases; correct: 0.
      accuracy:  50.00%; precision:   0.00%; recall:   0.00%; FB1:   0.00
                    PER: precision:   0.00%; recall:   0.00%; FB1:   0.00  0

      """)
  }

  static let compareDirectory = ToolRunner.fixtures.appendingPathComponent("compare")
  static let python3: String? = {
    guard let r = try? ToolRunner.shell("command -v python3"), r.status == 0 else { return nil }
    return r.text.trimmingCharacters(in: .whitespacesAndNewlines)
  }()

  @Test(.enabled(if: python3 != nil, "python3 is not installed: the reference implementation cannot run"))
  func compareAgreesWithTheReferenceImplementation() throws {
    let d = Self.compareDirectory
    let script = d.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("bench/significance_reference.py")
    for (samples, seed) in [("2000", "7"), ("500", "1")] {
      let a = d.appendingPathComponent("a.conll").path, b = d.appendingPathComponent("b.conll").path
      let g = d.appendingPathComponent("gold.conll").path
      let ours = try ToolRunner.run("ner-score", ["--compare", a, b, "--gold", g, "--samples", samples, "--seed", seed], stdin: "")
      #expect(ours.status == 0, "\(ours.stderr)")
      let reference = try ToolRunner.shell("'\(Self.python3!)' '\(script.path)' '\(a)' '\(b)' '\(g)' \(samples) \(seed)")
      #expect(reference.status == 0, "\(reference.stderr)")
      let pLines = ours.text.split(separator: "\n").filter { $0.contains(": p = ") }
      #expect(pLines.count == 2)
      #expect(pLines.joined(separator: "\n") + "\n" == reference.text)
    }
  }

  @Test func compareReportsBothSystemsAndIsDeterministic() throws {
    let d = Self.compareDirectory
    let args = ["--compare", d.appendingPathComponent("a.conll").path, d.appendingPathComponent("b.conll").path,
                "--gold", d.appendingPathComponent("gold.conll").path, "--samples", "300", "--seed", "5"]
    let first = try ToolRunner.run("ner-score", args, stdin: "")
    let second = try ToolRunner.run("ner-score", args, stdin: "")
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(first.text.contains("difference (A - B): "))
    #expect(first.text.contains("(300 samples, seed 5,"))
    // A against itself: no difference, p = 1 for both tests.
    let same = try ToolRunner.run(
      "ner-score", ["--compare", args[1], args[1], "--gold", args[4], "--samples", "100", "--format", "json"], stdin: "")
    let object = try JSONSerialization.jsonObject(with: same.stdout) as! [String: Any]
    #expect((object["bootstrap"] as! [String: Any])["p"] as! Double == 1)
    #expect((object["randomization"] as! [String: Any])["p"] as! Double == 1)
  }

  @Test func compareStopsAtATokenThatDiffersNamingTheFileAndLine() throws {
    let gold = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n\nRome B-LOC\n".utf8))
    let a = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n\nRome O\n".utf8))
    let b = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n\nParis O\n".utf8))
    let short = ToolRunner.temporaryFile(Data("Ann B-PER\nsaw O\n".utf8))
    defer { for f in [gold, a, b, short] { try? FileManager.default.removeItem(at: f) } }
    let r = try ToolRunner.run("ner-score", ["--compare", a.path, b.path, "--gold", gold.path], stdin: "")
    #expect(r.status == 65)
    #expect(r.stderr == "ner-score: \(b.path):4: error: token 'Paris' differs from the gold token 'Rome' at \(gold.path):4; to score different tokenizations by characters both need the sentence text ('# text' or JSONL 'text'): neither has one\n")
    let s = try ToolRunner.run("ner-score", ["--compare", a.path, short.path, "--gold", gold.path], stdin: "")
    #expect(s.status == 65)
    #expect(s.stderr == "ner-score: \(gold.path):4: error: more sentences than in \(short.path)\n")
    let usage = try ToolRunner.run("ner-score", ["--compare", a.path, "--gold", gold.path], stdin: "")
    #expect(usage.status == 64)
  }
}
