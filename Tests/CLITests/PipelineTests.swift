import Foundation
import Testing

/// The tools composed in shell pipelines, as users run them.
struct PipelineTests {
  @Test func tokenizeRomanizeConvert() throws {
    let r = try ToolRunner.shell("""
      set -o pipefail
      printf 'Тарас Шевченко народився в Моринцях.\\n' | ner-tokenize --lang uk | ner-romanize | ner-convert --to jsonl
      """)
    #expect(r.status == 0, "\(r.stderr)")
    let line = r.text.trimmingCharacters(in: .newlines)
    let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    #expect(json["tokens"] as? [String] == ["Тарас", "Шевченко", "народився", "в", "Моринцях", "."])
    // CoNLL without column names: the added column is col1 in JSONL.
    #expect(json["col1"] as? [String] == ["Taras", "Shevchenko", "narodyvsya", "v", "Moryntsyakh", "."])
    #expect(json["lang"] as? String == "uk")
    #expect(json["text"] as? String == "Тарас Шевченко народився в Моринцях.")
  }

  @Test func romanizedGoldScoresLikeTheOriginal() throws {
    let gold = "Київ\tB-LOC\nі\tO\nЛьвів\tB-LOC\n\n"
    let file = ToolRunner.temporaryFile(Data(gold.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let r = try ToolRunner.shell("ner-romanize --lang uk --in-place '\(file.path)' | ner-score --gold '\(file.path)'")
    #expect(r.status == 65)  // romanized tokens differ from the gold file's tokens
    let ok = try ToolRunner.shell("ner-romanize --lang uk '\(file.path)' | cut -f1,3 | ner-score --gold '\(file.path)'")
    #expect(ok.text.hasPrefix("processed 3 tokens with 2 phrases; found: 2 phrases; correct: 2."), "\(ok.stderr)")
  }
}
