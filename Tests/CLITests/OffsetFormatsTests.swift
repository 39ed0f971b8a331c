import Foundation
import Testing

/// ner-convert's formats with character offsets (doccano, Label Studio, spaCy, brat), end
/// to end: round trips through CoNLL and JSONL, misaligned spans, errors.
struct OffsetFormatsCLITests {
  /// Documents with several sentences, CRLF line ends, characters outside the BMP, an
  /// empty document and surrounding whitespace.
  static let doccano = [
    #"{"id":1,"text":"Ana García vive en Madrid. Trabaja en Google.","label":[[0,10,"PER"],[19,25,"LOC"],[38,44,"ORG"]]}"#,
    #"{"id":2,"text":"😀 Bob está\r\nen París 🇫🇷.\r\n","label":[[2,5,"PER"],[15,20,"LOC"]]}"#,
    #"{"id":3,"text":"","label":[]}"#,
    #"{"id":"a/b","text":"  \tΚύριε Νίκο  ","label":[[9,13,"PER"]]}"#,
  ].joined(separator: "\n") + "\n"

  static func convert(_ args: [String], _ input: String) throws -> ToolRunner.Result {
    try ToolRunner.run("ner-convert", args, stdin: input)
  }

  @Test(arguments: ["conll", "jsonl"])
  func doccanoRoundTripsThroughSentences(_ via: String) throws {
    let sentences = try Self.convert(["--from", "doccano", "--to", via], Self.doccano)
    #expect(sentences.status == 0, "\(sentences.stderr)")
    let back = try Self.convert(["--to", "doccano"], sentences.text)
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.text == Self.doccano)
  }

  @Test func doccanoSentencesAreTaggedWithTheirDocument() throws {
    let r = try Self.convert(["--from", "doccano", "--to", "conll"], Self.doccano)
    #expect(r.text.hasPrefix("# id = 1-1\n# doc = 1\n# doc_offset = 0\n# text = Ana García vive en Madrid.\n# offsets = [[0,3],[4,10],[11,15],[16,18],[19,25],[25,26]]\nAna\tB-PER\nGarcía\tI-PER\n"))
    #expect(r.text.contains("# id = 3-0\n# doc = 3\n# doc_tail = \n\n"))
    // A flag is two code points.
    #expect(r.text.contains("# id = 2-2\n# doc = 2\n# doc_offset = 12\n# doc_space = \\r\\n\n# doc_tail = \\r\\n\n# text = en París 🇫🇷.\n# offsets = [[0,2],[3,8],[9,11],[11,12]]\n"))
  }

  @Test(arguments: ["label-studio", "spacy", "brat"])
  func everyFormatRoundTrips(_ format: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-brat-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = format == "brat" ? ["-o", dir.path] : []
    let written = try Self.convert(["--from", "doccano", "--to", format] + out, Self.doccano)
    #expect(written.status == 0, "\(written.stderr)")
    let input = format == "brat" ? [dir.path] : []
    let conll = try ToolRunner.run("ner-convert", ["--from", format, "--to", "conll"] + input, stdin: written.stdout)
    #expect(conll.status == 0, "\(conll.stderr)")
    let back = try Self.convert(["--from", format] + input, format == "brat" ? "" : written.text)
    let again = format == "brat" ? back : try ToolRunner.run("ner-convert", ["--from", format], stdin: written.stdout)
    #expect(again.text == written.text || format == "brat")
    // Back to doccano: the same texts and spans (spaCy numbers its documents, brat names them by file).
    let doccano = try ToolRunner.run("ner-convert", ["--to", "doccano"], stdin: conll.stdout)
    var expected = Self.doccano
    if format == "spacy" { expected = expected.replacingOccurrences(of: #"{"id":"a/b""#, with: #"{"id":4"#) }
    if format == "brat" {
      // Files are read in the order of their names; ids are the names.
      let lines = Set(doccano.text.split(separator: "\n").map(String.init))
      #expect(lines == Set(expected.replacingOccurrences(of: #""a/b""#, with: #""a_b""#).split(separator: "\n").map(String.init)))
      return
    }
    #expect(doccano.text == expected)
  }

  @Test func bratFilesHoldTextAndTLines() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-brat-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.convert(["--from", "doccano", "--to", "brat", "-o", dir.path], Self.doccano)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try String(contentsOf: dir.appendingPathComponent("2.ann"), encoding: .utf8) == "T1\tPER 2 5\tBob\nT2\tLOC 15 20\tParís\n")
    #expect(try Data(contentsOf: dir.appendingPathComponent("2.txt")) == Data("😀 Bob está\r\nen París 🇫🇷.\r\n".utf8))
    let back = try ToolRunner.run("ner-convert", ["--from", "brat", "--to", "doccano", dir.appendingPathComponent("2.ann").path])
    #expect(back.text == #"{"id":2,"text":"😀 Bob está\r\nen París 🇫🇷.\r\n","label":[[2,5,"PER"],[15,20,"LOC"]]}"# + "\n")
  }

  @Test func bratDiscontinuousSpansAreReportedAndOtherLinesCounted() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-tools-brat-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("New big York\n".utf8).write(to: dir.appendingPathComponent("d.txt"))
    try Data("T1\tLOC 0 3;8 12\tNew York\nR1\tRel Arg1:T1 Arg2:T1\n".utf8).write(to: dir.appendingPathComponent("d.ann"))
    let ann = dir.appendingPathComponent("d.ann").path
    let strict = try ToolRunner.run("ner-convert", ["--from", "brat", dir.path])
    #expect(strict.status == 65)
    #expect(strict.stderr.hasSuffix("ner-convert: \(ann):1: error: document d: span 0-12 LOC \"New big York\" is discontinuous (0-3;8-12) (--misaligned expand or drop goes on)\n"))
    let expand = try ToolRunner.run("ner-convert", ["--from", "brat", "--misaligned", "expand", "--to", "conll", dir.path])
    #expect(expand.status == 0)
    #expect(expand.text.hasSuffix("New\tB-LOC\nbig\tI-LOC\nYork\tI-LOC\n\n"))
    #expect(expand.stderr.contains("ner-convert: \(ann): warning: 1 lines other than T lines (relations, events, attributes, notes) are not converted\n"))
    try Data("T1\tLOC 0 3\tNow\n".utf8).write(to: dir.appendingPathComponent("d.ann"))
    let wrong = try ToolRunner.run("ner-convert", ["--from", "brat", dir.path])
    #expect(wrong.stderr == "ner-convert: \(ann):1: error: document d: span 0-3 LOC says it covers \"Now\" but the text there is \"New\"\n")
  }

  @Test func misalignedSpanStopsAfterTheDocumentsBefore() throws {
    let input = Self.doccano + #"{"id":9,"text":"Ana García","label":[[0,6,"PER"]]}"# + "\n"
    let r = try Self.convert(["--from", "doccano"], input)
    #expect(r.status == 65)
    #expect(r.stderr == "ner-convert: <stdin>:5: error: document 9: span 0-6 PER \"Ana Ga\" does not fall on token boundaries (tokens 'Ana' 0-3, 'García' 4-10) (--misaligned expand or drop goes on)\n")
    #expect(r.text == Self.doccano)
    let expand = try Self.convert(["--from", "doccano", "--misaligned", "expand"], input)
    #expect(expand.status == 0)
    #expect(expand.text.hasSuffix(#"{"id":9,"text":"Ana García","label":[[0,10,"PER"]]}"# + "\n"))
    #expect(expand.stderr == "ner-convert: <stdin>:5: warning: document 9: span 0-6 PER \"Ana Ga\" does not fall on token boundaries (tokens 'Ana' 0-3, 'García' 4-10); expanded to 0-10\n")
    let drop = try Self.convert(["--from", "doccano", "--misaligned", "drop"], input)
    #expect(drop.text.hasSuffix(#"{"id":9,"text":"Ana García","label":[]}"# + "\n"))
  }

  @Test func overlappingAndEmptySpansAreReported() throws {
    let input = #"{"id":1,"text":"New York City","label":[[0,8,"LOC"],[4,13,"LOC"],[3,3,"X"]]}"# + "\n"
    let r = try Self.convert(["--from", "doccano"], input)
    #expect(r.stderr == "ner-convert: <stdin>:1: error: document 1: span 3-3 X \"\" is empty (--misaligned expand or drop goes on)\n")
    let drop = try Self.convert(["--from", "doccano", "--misaligned", "drop"], input)
    #expect(drop.text == #"{"id":1,"text":"New York City","label":[[0,8,"LOC"]]}"# + "\n")
    #expect(drop.stderr.contains("document 1: span 4-13 LOC \"York City\" overlaps the span 0-8 LOC \"New York\"; dropped"))
  }

  @Test func labelStudioChecksTheTextOfEachResult() throws {
    // Offsets in UTF-16 units (as old exports had them) put "Bob" one character off.
    let input = #"[{"id":5,"data":{"text":"😀 Bob vive"},"annotations":[{"result":[{"value":{"start":3,"end":6,"text":"Bob","labels":["PER"]}}]}]}]"#
    let r = try Self.convert(["--from", "label-studio"], input)
    #expect(r.status == 65)
    #expect(r.stderr == "ner-convert: <stdin>:1: error: task 5: span 3-6 PER says it covers \"Bob\" but the text there is \"ob \" (offsets not in code points?)\n")
  }

  @Test func ner_tokenizeOutputBecomesDocuments() throws {
    let tokenized = try ToolRunner.run("ner-tokenize", ["--to", "jsonl", "--lang", "es"], stdin: "Ana vive en Madrid. Bob no.\n")
    let doccano = try ToolRunner.run("ner-convert", ["--to", "doccano"], stdin: tokenized.stdout)
    #expect(doccano.status == 0, "\(doccano.stderr)")
    #expect(doccano.text.contains(#""text":"Ana vive en Madrid.","label":[]"#))
    let noText = try Self.convert(["--to", "doccano"], "Ana B-PER\nvive O\n")
    #expect(noText.status == 65)
    #expect(noText.stderr == "ner-convert: <stdin>:1: error: sentence has no 'text' to place its tokens in (tokenize raw text with ner-tokenize, which writes '# text' and JSONL 'offsets'; or --join-tokens to join the tokens with spaces)\n")
    let joined = try Self.convert(["--to", "spacy", "--join-tokens"], "Ana B-PER\nvive O\n")
    #expect(joined.text == "[\n[\"Ana vive\",{\"entities\":[[0,3,\"PER\"]]}]\n]\n")
  }

  @Test func normalizedTokensNeedOffsets() throws {
    let r = try Self.convert(["--to", "doccano"], "# text = Cafe\u{301}\nCaf\u{E9} B-LOC\n")
    #expect(r.stderr == "ner-convert: <stdin>:1: error: token 1 'Caf\u{E9}' is not at character 0 of its text, and the sentence has no 'offsets' (normalized or masked tokens need them: ner-tokenize --to jsonl writes them, and ner-convert keeps them)\n")
  }

  @Test func spansGainCharacterOffsets() throws {
    let r = try Self.convert(["--from", "doccano", "--to", "spans"], Self.doccano)
    #expect(r.text.hasPrefix("1-1\t0\t2\tPER\tAna García\t0\t10\n1-1\t4\t5\tLOC\tMadrid\t19\t25\n1-2\t2\t3\tORG\tGoogle\t38\t44\n2-1\t1\t2\tPER\tBob\t2\t5\n"))
    let plain = try Self.convert(["--to", "spans"], "# text = Ana  vive\nAna B-PER\nvive O\n\nBob B-PER\n")
    #expect(plain.text == "1\t0\t1\tPER\tAna\t0\t3\n2\t0\t1\tPER\tBob\n")
  }

  @Test func integerTagsAreNamedByLabelNames() throws {
    let input = #"{"tokens":["Ana","vive"],"ner_tags":[1,0]}"# + "\n"
    let r = try Self.convert(["--label-names", "O,B-PER,I-PER", "--to", "conll"], input)
    #expect(r.text == "Ana\tB-PER\nvive\tO\n\n")
    let file = ToolRunner.temporaryFile(Data("O\nB-PER\n".utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(try Self.convert(["--label-names", file.path, "--to", "conll"], input).text == "Ana\tB-PER\nvive\tO\n\n")
    let bad = try Self.convert(["--label-names", "O", "--to", "conll"], input)
    #expect(bad.stderr == "ner-convert: <stdin>:1: error: 'ner_tags' holds 1, which has no name: the label names number 0 to 0\n")
  }

  @Test func usageErrors() throws {
    let brat = try Self.convert(["--from", "doccano", "--to", "brat"], Self.doccano)
    #expect(brat.status == 64)
    #expect(brat.stderr == "ner-convert: error: --to brat writes a folder of NAME.txt and NAME.ann files: give it with -o FOLDER\n")
    let stdin = try Self.convert(["--from", "brat"], "")
    #expect(stdin.status == 64)
    let lang = try Self.convert(["--lang", "es"], "a O\n")
    #expect(lang.status == 64)
  }
}
