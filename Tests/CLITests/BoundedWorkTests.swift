import Foundation
import Testing

/// Issue 17, hangs and lost output: bounded layouts, linear work on adversarial shapes
/// (their behaviour here; their times in bench/linearity.sh), and every record before a
/// bad one written.
struct BoundedWorkTests {
  static let models = ToolRunner.fixtures.appendingPathComponent("models")

  /// Each filter that reads JSONL with the tool's arguments (a dictionary or a model).
  static func filters() throws -> [(String, [String])] {
    let dictionary = ToolRunner.temporaryFile(Data("a x\nb y\n".utf8), suffix: ".txt")
    return [
      ("ner-convert", []), ("ner-romanize", ["-q"]),
      ("ner-tag", ["-m", models.appendingPathComponent("linear.model").path]),
      ("ner-translate", ["--dictionary", dictionary.path]),
    ]
  }

  // MARK: 5. Layout fields are bounded

  @Test(arguments: ["after", "before"])
  func aLayoutAskingForMoreBlankLinesThanTheBoundIsRefused(field: String) throws {
    for huge in ["1001", "1000000000", "9223372036854775807"] {
      let input = #"{"tokens":["a"],"tags":["O"]}"# + "\n" + #"{"tokens":["b"],"tags":["O"],"conll":{"\#(field)":\#(huge)}}"# + "\n"
      for (tool, args) in try Self.filters() {
        let r = try ToolRunner.run(tool, args + ["--to", "conll"], stdin: input)
        #expect(r.status == 65, "\(tool)")
        #expect(r.stderr == "\(tool): <stdin>:2: error: conll.\(field) must be a whole number from 0 to 1000\n", "\(tool)")
        #expect(r.text.hasPrefix(tool == "ner-translate" ? "x" : "a"), "\(tool): \(r.text)")
        #expect(r.stdout.count < 100, "\(tool)")
      }
    }
  }

  @Test func longRunsOfBlankLinesGoToEmptyRecordsAndStillRoundTrip() throws {
    let conll = String(repeating: "\n", count: 2500) + "a\tO\n" + String(repeating: "\n", count: 2300) + "b\tO\n"
    let jsonl = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: conll)
    #expect(jsonl.status == 0)
    #expect(jsonl.text == """
      {"tokens":[],"conll":{"before":1000,"after":1000}}
      {"tokens":[],"conll":{"after":500}}
      {"tokens":["a"],"tags":["O"],"conll":{"after":1000}}
      {"tokens":[],"conll":{"after":1000}}
      {"tokens":[],"conll":{"after":300}}
      {"tokens":["b"],"tags":["O"],"conll":{"after":0}}

      """)
    let back = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: jsonl.stdout)
    #expect(back.status == 0)
    #expect(back.text == conll)
  }

  // MARK: 6-7. Tokenizer and romanizer on long shapes

  @Test func aLongRunOfPeriodsIsOneToken() throws {
    let dots = String(repeating: ".", count: 20_000)
    let r = try ToolRunner.run("ner-tokenize", ["--no-metadata"], stdin: dots + "\n" + dots + " a.\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.text == dots + "\n\n" + dots + "\na\n.\n\n")
  }

  @Test(arguments: [("é", "e"), ("中", "zhong"), ("नमस्ते", "namaste"), ("дж", "dzh"), ("中д", "zhongd"), ("中カ", "zhongka"), ("a中", "azhong"), ("नд", "nad")])
  func oneLongTokenRomanizesAsItsPieces(piece: String, roman: String) throws {
    // Past 4,096 UTF-16 units a token goes through ICU's incremental mode in chunks, and
    // the Any-Latin stage rewrites its many script runs in a gap buffer; the result is
    // the one of a single pass.
    for count in [3, 6_000] {
      let r = try ToolRunner.run("ner-romanize", ["--in-place"], stdin: String(repeating: piece, count: count) + "\tO\n")
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.text == String(repeating: roman, count: count) + "\tO\n", "\(piece) × \(count)")
    }
  }

  // MARK: 8. CSLS neighbours are clamped to the vocabulary

  @Test func cslsKLargerThanTheVocabularyIsTheVocabulary() throws {
    let f = try TranslateTests.Folder([
      "s.vec": "4 2\na 1 0\nb 0 1\nc 0.6 0.8\nd -0.8 0.6\n",
      "t.vec": "3 2\nx 1 0.1\ny 0.1 1\nz -0.7 0.7\n",
    ])
    func induce(_ k: String) throws -> ToolRunner.Result {
      try ToolRunner.run("ner-translate", ["induce", "--source-embeddings", f.path("s.vec"), "--target-embeddings", f.path("t.vec"), "--method", "csls", "--k", k], stdin: "")
    }
    // r_T takes the k nearest of 3 targets, r_S of 4 sources: k = 4 is all of both.
    let vocabulary = try induce("4")
    #expect(vocabulary.status == 0, "\(vocabulary.stderr)")
    #expect(!vocabulary.text.isEmpty)
    for k in ["5", "100000", "1000000000000"] {
      let r = try induce(k)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.text == vocabulary.text, "--k \(k)")
    }
  }

  // MARK: Character cap of the neural tagger

  @Test func theCharacterLSTMReadsTheFirstAndLastThirtyCharactersOfALongWord() throws {
    let model = Self.models.appendingPathComponent("neural.model").path
    let head = String(repeating: "a", count: 30), tail = String(repeating: "z", count: 30)
    func marginals(_ word: String) throws -> String {
      let r = try ToolRunner.run("ner-tag", ["-m", model, "--marginals"], stdin: "El\tO\n\(word)\tO\nvino\tO\n")
      #expect(r.status == 0, "\(r.stderr)")
      return r.text.replacingOccurrences(of: word, with: "WORD")
    }
    // The word embedding is the unknown word's for all three; the characters read differ
    // only in what lies between the first and last 30.
    let capped = try marginals(head + tail)
    #expect(try marginals(head + String(repeating: "m", count: 5_000) + tail) == capped)
    #expect(try marginals(head + String(repeating: "Ж", count: 40) + tail) == capped)
  }

  // MARK: 9-10. Every record before a bad one is written

  static let thousandThenBad: String =
    (1...1000).map { "w\($0)\tO\n\n" }.joined() + "b\tO\nc\tO\tx\n\n"

  @Test(arguments: ["ner-romanize", "ner-tag"])
  func everySentenceBeforeABadOneIsWrittenInOrder(tool: String) throws {
    let args = tool == "ner-tag" ? ["-m", Self.models.appendingPathComponent("linear.model").path] : ["-q"]
    let small = try ToolRunner.run(tool, args, stdin: "a\tO\n\nb\tO\nc\tO\tx\n\n")
    #expect(small.status == 65)
    #expect(small.stderr == "\(tool): <stdin>:4: error: 3 fields where line 3 has 2\n")
    #expect(small.text == (tool == "ner-tag" ? "a\tO\tO\n\n" : "a\ta\tO\n\n"))
    let big = try ToolRunner.run(tool, args, stdin: Self.thousandThenBad)
    #expect(big.status == 65)
    #expect(big.stderr == "\(tool): <stdin>:2002: error: 3 fields where line 2001 has 2\n")
    let firsts = big.text.split(separator: "\n").map { $0.split(separator: "\t")[0] }
    #expect(firsts == (1...1000).map { "w\($0)"[...] })
  }

  @Test func theSentenceBeforeInvalidUTF8OnTheNextOnesFirstLineIsWritten() throws {
    var input = Data("a O\n\nb O\n\n".utf8)
    input.append(contentsOf: [0xFF] + Array(" O\n\n".utf8))
    let convert = try ToolRunner.run("ner-convert", [], stdin: input)
    #expect(convert.status == 65)
    #expect(convert.stderr == "ner-convert: <stdin>:5: error: invalid UTF-8\n")
    #expect(convert.text == "a O\n\nb O\n\n")
    let dictionary = ToolRunner.temporaryFile(Data("a x\nb y\n".utf8), suffix: ".txt")
    let translate = try ToolRunner.run("ner-translate", ["--dictionary", dictionary.path], stdin: input)
    #expect(translate.status == 65)
    #expect(translate.stderr == "ner-translate: <stdin>:5: error: invalid UTF-8\n")
    #expect(translate.text.hasSuffix("x O\n\ny O\n\n"), "\(translate.text)")
    // Before a -DOCSTART- line too.
    var doc = Data("a O\n\n-DOCSTART- O\n\n".utf8)
    doc.append(contentsOf: [0xFF, 0x0A])
    let d = try ToolRunner.run("ner-convert", [], stdin: doc)
    #expect(d.text == "a O\n\n-DOCSTART- O\n\n")
    #expect(d.status == 65)
  }

  // MARK: 11. JSONL that CoNLL cannot hold is refused

  static let unwritable: [(String, String)] = [
    (#"{"tokens":["a\nb"],"tags":["O"]}"#, #"'tokens' value 1 ('a\nb') holds a line break: CoNLL cannot hold it"#),
    (#"{"tokens":["x","a\tb"],"tags":["O","O"]}"#, #"'tokens' value 2 ('a\tb') holds a tab: CoNLL cannot hold it"#),
    (#"{"tokens":["a b"],"tags":["O"],"conll":{"sep":" "}}"#, "'tokens' value 1 ('a b') holds a space, the separator: CoNLL cannot hold it"),
    (#"{"tokens":["a b"]}"#, "'tokens' value 1 ('a b') holds a space, the separator: CoNLL cannot hold it"),
    (#"{"tokens":[""]}"#, "'tokens' value 1 ('') is empty: CoNLL cannot hold it"),
    (#"{"tokens":["a"],"tags":["O\r"]}"#, #"'tags' value 1 ('O\r') ends with a carriage return (read as a CR LF line end): CoNLL cannot hold it"#),
    (##"{"tokens":["#","b"]}"##, "'tokens' value 1 ('#') starts the sentence's first line with '#', which CoNLL reads as a comment here"),
    (#"{"tokens":["x","-DOCSTART-"],"tags":["O","O"]}"#, "'tokens' value 2 is '-DOCSTART-', which CoNLL reads as a document boundary"),
    (#"{"tokens":["x"],"tags":["O"],"comments":["hello"]}"#, "comment 'hello' cannot be written as a CoNLL comment line (it must start with '#' and be one line)"),
    (##"{"tokens":["x"],"tags":["O"],"comments":["# a\nb"]}"##, #"comment '# a\nb' cannot be written as a CoNLL comment line (it must start with '#' and be one line)"#),
    (#"{"docstart":"-DOCSTART-\nx"}"#, #"'docstart' ('-DOCSTART-\nx') is not one '-DOCSTART-' line: CoNLL cannot hold it"#),
    (#"{"tokens":["{\"a\":1}"]}"#, #"token line 1 ('{"a":1}') would read as JSON, which CoNLL refuses"#),
    (#"{"docstart":"hello"}"#, "'docstart' ('hello') is not one '-DOCSTART-' line: CoNLL cannot hold it"),
  ]

  @Test(arguments: unwritable)
  func jsonlThatCoNLLCannotHoldIsRefused(record: String, message: String) throws {
    let input = #"{"tokens":["ok"],"tags":["O"]}"# + "\n" + record + "\n"
    let r = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: input)
    #expect(r.status == 65)
    #expect(r.stderr == "ner-convert: <stdin>:2: error: \(message)\n")
    #expect(r.text == "ok\tO\n\n")
    // JSONL holds them all.
    #expect(try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: input).status == 0)
  }

  @Test func whatCoNLLCanHoldStillRoundTrips() throws {
    // A '#' token line the reader takes for one (the file's width, a tag last), a token
    // with a space in a tab-separated file, a CR inside a field, a CR LF layout whose
    // last field ends with a CR.
    let conll = "a\tO\n\n#\tO\nb c\tO\n\nx\ry\tO\n\n"
    let jsonl = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: conll)
    #expect(jsonl.status == 0)
    let back = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: jsonl.stdout)
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.text == conll)
    let crlfRecord = #"{"tokens":["a\r"],"conll":{"crlf":true}}"# + "\n"
    let crlf = try ToolRunner.run("ner-convert", ["--to", "conll"], stdin: crlfRecord)
    #expect(crlf.status == 0)
    #expect(crlf.text == "a\r\r\n\r\n")
    let again = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: crlf.stdout)
    #expect(again.text == crlfRecord)
  }
}
