import Foundation
import Testing

/// ner-score --gold when the prediction is tokenized otherwise than the gold file:
/// sentences paired in order with the same text, entities scored by character extent.
struct ScoreAlignmentTests {
  static let text = "# text = Ana García trabaja en el Banco Santander en Valencia.\n"
  /// The gold file's tokenization keeps the final period on "Valencia.".
  static let gold = text + """
    Ana\tB-PER
    García\tI-PER
    trabaja\tO
    en\tO
    el\tO
    Banco\tB-ORG
    Santander\tI-ORG
    en\tO
    Valencia.\tB-LOC

    # text = El Barcelona perdió.
    El\tO
    Barcelona\tB-ORG
    perdió.\tO

    """
  static let prediction = text + """
    Ana\tB-PER
    García\tI-PER
    trabaja\tO
    en\tO
    el\tO
    Banco\tB-MISC
    Santander\tI-MISC
    en\tO
    Valencia\tB-LOC
    .\tO

    # text = El Barcelona perdió.
    El\tO
    Barcelona\tB-ORG
    perdió\tO
    .\tO

    """

  func withFiles<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("ner-score-align-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: d) }
    for (name, text) in files { try Data(text.utf8).write(to: d.appendingPathComponent(name)) }
    return try body(d)
  }

  @Test func scoresDifferentTokenizationsByCharacterExtent() throws {
    try withFiles(["gold.conll": Self.gold, "pred.conll": Self.prediction]) { d in
      let r = try ToolRunner.run("ner-score", ["--gold", "gold.conll", "pred.conll"], directory: d)
      #expect(r.status == 0)
      // Pieces: the first sentence's 10 tokens ("Valencia" and "." both pieces), the second's 4.
      #expect(r.text == """
        processed 14 tokens with 4 phrases; found: 4 phrases; correct: 2.
        accuracy:  78.57%; precision:  50.00%; recall:  50.00%; FB1:  50.00
                      LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                     MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                      ORG: precision: 100.00%; recall:  50.00%; FB1:  66.67  1
                      PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1

        """)
      #expect(r.stderr == "ner-score: pred.conll: 2 of 2 sentences tokenized differently from the gold file, scored by character extent; entities on no token boundary of the other side: 0 of 4 gold, 1 of 4 predicted\n")
      let errors = try ToolRunner.run("ner-score", ["--gold", "gold.conll", "--errors", "pred.conll"], directory: d)
      #expect(errors.text == """
        1\t25\t40\tTYPE\tORG\tMISC\tBanco Santander\tBanco Santander
        1\t44\t53\tBOUNDARY\tLOC\tLOC\tValencia.\tValencia

        """)
      let json = try ToolRunner.run("ner-score", ["--gold", "gold.conll", "--format", "json", "pred.conll"], directory: d)
      #expect(json.text.hasSuffix(#","character_alignment":{"sentences":2,"aligned_by_characters":2,"gold":4,"gold_off_boundary":0,"found":4,"found_off_boundary":1}}"# + "\n"))
    }
  }

  @Test func sameTokensKeepTheReportAndAddNoNote() throws {
    try withFiles(["gold.conll": Self.gold]) { d in
      let pred = Self.gold.replacingOccurrences(of: "\tO\n", with: "\tO\tO\n").replacingOccurrences(of: "-PER\n", with: "-PER\tO\n")
        .replacingOccurrences(of: "-ORG\n", with: "-ORG\tB-ORG\n").replacingOccurrences(of: "-LOC\n", with: "-LOC\tB-LOC\n")
      let r = try ToolRunner.run("ner-score", ["--gold", "gold.conll"], stdin: Data(pred.utf8), directory: d)
      let own = try ToolRunner.run("ner-score", [], stdin: Data(pred.utf8), directory: d)
      #expect(r.status == 0 && r.stderr == "")
      #expect(r.text == own.text)
    }
  }

  @Test func refusesPairsThatCannotBeAligned() throws {
    let otherText = Self.prediction.replacingOccurrences(of: "# text = El Barcelona perdió.", with: "# text = El Barcelona ganó.")
    let notFound = Self.prediction.replacingOccurrences(of: "Santander\t", with: "Santandr\t")
    try withFiles(["gold.conll": Self.gold, "other.conll": otherText, "typo.conll": notFound]) { d in
      let r = try ToolRunner.run("ner-score", ["--gold", "gold.conll", "other.conll"], directory: d)
      #expect(r.status == 65)
      #expect(r.stderr == "ner-score: other.conll:13: error: the sentence text differs from the text of the gold sentence at gold.conll:12 (sentences are paired in order)\n")
      #expect(r.text == "")
      let t = try ToolRunner.run("ner-score", ["--gold", "gold.conll", "typo.conll"], directory: d)
      #expect(t.status == 65)
      #expect(t.stderr == "ner-score: typo.conll:8: error: token 6 ('Santandr') is not the next word of the sentence text at character 31 ('Santander en Valen'); give 'offsets' or a text its tokens are cut from\n")
    }
  }

  /// The pipeline of the issue: raw text tokenized and tagged, scored against a gold
  /// file tokenized otherwise (here: the tagged output with every outside word of four
  /// letters or more cut in two, the last two tokens joined, and one outside word made
  /// an entity), so the figures are known whatever the model tags.
  @Test func tokenizeTagScorePipelineAgainstGoldWithText() throws {
    let model = ToolRunner.fixtures.appendingPathComponent("models/linear.model").path
    let raw = "Ana García trabaja en el Banco Santander en Valencia.\nEl Barcelona perdió contra el Sevilla.\nLa ONU celebró una cumbre en Madrid.\n"
    try withFiles(["raw.txt": raw]) { d in
      let tagged = try ToolRunner.shell("cd \(d.path) && ner-tokenize --lang es raw.txt | ner-tag -m \(model) | tee pred.conll")
      #expect(tagged.status == 0)
      var gold = ""
      var predicted = 0
      for block in tagged.text.components(separatedBy: "\n\n") where !block.isEmpty {
        let lines = block.split(separator: "\n").map(String.init)
        var rows = lines.filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        predicted += rows.filter { $0.last!.hasPrefix("B-") }.count
        if rows.count >= 2, rows[rows.count - 1][1] == "O", rows[rows.count - 2][1] == "O" {
          rows[rows.count - 2][0] += rows.removeLast()[0]
        }
        gold += lines.filter { $0.hasPrefix("#") }.map { $0 + "\n" }.joined()
        var madeOne = false
        for row in rows {
          let word = Array(row[0])
          if row[1] == "O" && word.count >= 4 {
            let tags = madeOne ? ["O", "O"] : ["B-MISC", "I-MISC"]
            madeOne = true
            gold += "\(String(word[..<2]))\t\(tags[0])\n\(String(word[2...]))\t\(tags[1])\n"
          } else {
            gold += "\(row[0])\t\(row[1])\n"
          }
        }
        gold += "\n"
      }
      try Data(gold.utf8).write(to: d.appendingPathComponent("gold.conll"))
      let r = try ToolRunner.shell("cd \(d.path) && ner-tokenize --lang es raw.txt | ner-tag -m \(model) | ner-score --gold gold.conll")
      #expect(r.status == 0)
      #expect(r.text.hasPrefix("processed "))
      #expect(r.text.contains(" tokens with \(predicted + 3) phrases; found: \(predicted) phrases; correct: \(predicted).\n"))
      #expect(r.stderr == "ner-score: <stdin>: 3 of 3 sentences tokenized differently from the gold file, scored by character extent; entities on no token boundary of the other side: 0 of \(predicted + 3) gold, 0 of \(predicted) predicted\n")
    }
  }
}
