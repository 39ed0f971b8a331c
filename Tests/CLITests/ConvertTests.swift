import Foundation
import Testing

/// ner-convert: formats, passthrough and tag schemes, end to end.
struct ConvertTests {
  /// Inputs whose CoNLL → CoNLL and CoNLL → JSONL → CoNLL conversions must give the
  /// same bytes back.
  static let passthrough: [String] = [
    "EU B-ORG\nrejects O\n\nPeter B-PER\n",  // spaces, no final blank line
    "EU\tB-ORG\nrejects\tO\n\nPeter\tB-PER\n\n",  // tabs
    "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n",  // CoNLL-2003
    "-DOCSTART- -DOCSTART- O\nDe Art O\ntekst N O\n\n-DOCSTART- -DOCSTART- O\nZe Pron O\n\n",  // CoNLL-2002 Dutch
    "# id = s1\n# text = EU rejects\nEU\tB-ORG\nrejects\tO\n\n# id = s2\nX\tO\n",  // metadata
    "# newdoc\n# id = 1\n# id = 2\nA O\n\n",  // comments and duplicate keys
    "# global.columns = FORM ROMAN NER\nМосква\tMoskva\tB-LOC\n\n",  // named columns
    "a O\r\nb B-LOC\r\n\r\nc O\r\n",  // CRLF
    "\n\na O\n\n\n\nb O",  // leading and repeated blank lines, no final newline
    "a O\n\n# trailing comment\n",  // a comment with no sentence after it
    "tok\n\ntok2\n",  // one column: no tags
    "Jean-Pierre NOUN B-PER\n, PUNCT O\n\n",  // middle column
  ]

  @Test(arguments: passthrough)
  func conllToConllIsExact(_ input: String) throws {
    let r = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.text == input)
  }

  @Test(arguments: passthrough)
  func conllToJSONLAndBackIsExact(_ input: String) throws {
    let json = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: input)
    #expect(json.status == 0, "\(json.stderr)")
    let back = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: json.stdout)
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.text == input, "via \(json.text)")
  }

  @Test func jsonlFieldsAreReadable() throws {
    let r = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: "# id = s1\n# text = EU rejects\nEU\tNNP\tB-ORG\nrejects\tVBZ\tO\n")
    #expect(r.text == #"{"id":"s1","text":"EU rejects","tokens":["EU","rejects"],"col1":["NNP","VBZ"],"tags":["B-ORG","O"],"conll":{"after":0}}"# + "\n")
  }

  @Test func huggingFaceJSONLBecomesCoNLL() throws {
    let input = #"{"id": "7", "tokens": ["Paris", "is", "nice"], "ner_tags": ["B-LOC", "O", "O"], "spans": [[0, 1]]}"# + "\n"
    let r = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: input)
    #expect(r.text == "# id = 7\n# spans = [[0, 1]]\nParis\tB-LOC\nis\tO\nnice\tO\n\n")
    let j = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: input)
    #expect(j.text == #"{"id":"7","tokens":["Paris","is","nice"],"ner_tags":["B-LOC","O","O"],"spans":[[0, 1]]}"# + "\n")
  }

  @Test func unknownJSONFieldsKeepTheirOrderThroughSchemeConversion() throws {
    let input = #"{"z":1,"tokens":["New","York"],"tags":["B-LOC","I-LOC"],"meta":{"a":[1,2]},"pred":["B-LOC","B-LOC"]}"# + "\n"
    let r = try ToolRunner.run("ner-convert", ["--scheme", "iobes"], stdin: input)
    #expect(r.text == #"{"z":1,"tokens":["New","York"],"tags":["B-LOC","E-LOC"],"meta":{"a":[1,2]},"pred":["S-LOC","S-LOC"]}"# + "\n")
  }

  static let schemes: [(String, String)] = [
    ("iob1", "A I-PER\nB I-PER\nC B-PER\nD O\nE I-LOC\n"),
    ("iob2", "A B-PER\nB I-PER\nC B-PER\nD O\nE B-LOC\n"),
    ("iobes", "A B-PER\nB E-PER\nC S-PER\nD O\nE S-LOC\n"),
    ("bilou", "A B-PER\nB L-PER\nC U-PER\nD O\nE U-LOC\n"),
    ("io", "A I-PER\nB I-PER\nC I-PER\nD O\nE I-LOC\n"),
  ]

  @Test func everySchemeConvertsToEveryOther() throws {
    for (from, input) in Self.schemes {
      for (to, expected) in Self.schemes where from != "io" {
        let r = try ToolRunner.run("ner-convert", ["--scheme", to], stdin: input)
        #expect(r.text == expected, "\(from) -> \(to)")
      }
    }
  }

  @Test func hyphenatedTypesSurvive() throws {
    let r = try ToolRunner.run("ner-convert", ["--scheme", "iobes"], stdin: "a B-ORG-GOV\nb I-ORG-GOV\n")
    #expect(r.text == "a B-ORG-GOV\nb E-ORG-GOV\n")
  }

  @Test func docstartLinesPassThroughSchemeConversion() throws {
    let input = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
    let r = try ToolRunner.run("ner-convert", ["--scheme", "iob2"], stdin: input)
    #expect(r.text == "-DOCSTART- -X- O O\n\nEU NNP I-NP B-ORG\nrejects VBZ I-VP O\n\n")
  }

  @Test func spansOutput() throws {
    let input = "# id = a1\nNew B-LOC\nYork I-LOC\nis O\nbig O\n\nAnn B-PER\nsaw O\nBob B-PER\n"
    let r = try ToolRunner.run("ner-convert", ["--to", "spans"], stdin: input)
    #expect(r.text == "a1\t0\t2\tLOC\tNew York\n2\t0\t1\tPER\tAnn\n2\t2\t3\tPER\tBob\n")
  }

  @Test func normalizationUsesICU() throws {
    let r = try ToolRunner.run("ner-convert", ["--normalize", "nfc"], stdin: "Cafe\u{301} B-LOC\n\u{FB01}n O\n")
    #expect(r.text == "Caf\u{E9} B-LOC\n\u{FB01}n O\n")
    let k = try ToolRunner.run("ner-convert", ["--normalize", "nfkc"], stdin: "Cafe\u{301} B-LOC\n\u{FB01}n O\n")
    #expect(k.text == "Caf\u{E9} B-LOC\nfin O\n")
  }

  @Test func noMetadataDropsComments() throws {
    let r = try ToolRunner.run("ner-convert", ["--no-metadata"], stdin: "# id = 1\na O\n\n# x\nb O\n")
    #expect(r.text == "a O\n\nb O\n")
  }

  @Test func severalFilesAndStdinDash() throws {
    let f = ToolRunner.temporaryFile(Data("a O\n\n".utf8))
    defer { try? FileManager.default.removeItem(at: f) }
    let r = try ToolRunner.run("ner-convert", [f.path, "-", f.path], stdin: "b O\n\n")
    #expect(r.text == "a O\n\nb O\n\na O\n\n")
  }
}
