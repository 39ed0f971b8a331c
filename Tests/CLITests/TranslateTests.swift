import Foundation
import Testing

/// ner-translate end to end, on dictionaries and vectors the tests write.
struct TranslateTests {
  /// A folder of named files for one test.
  final class Folder {
    let url: URL
    init(_ files: [String: String]) throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("ner-translate-test-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }
    deinit { try? FileManager.default.removeItem(at: url) }
  }

  func run(_ args: [String], _ input: String = "", status: Int32 = 0) throws -> ToolRunner.Result {
    let r = try ToolRunner.run("ner-translate", args, stdin: input)
    #expect(r.status == status, "\(r.stderr)")
    return r
  }

  // Source vectors already in the target space: "river" and "money" point two ways, and
  // "bank" between them, so only its context can choose between banco and orilla.
  static let files = [
    "en-es.txt": "bank banco\nbank orilla\nthe el\nriver río\nmoney dinero\nuk reino unido\nrejects rechaza\n",
    "en.vec": "5 2\nbank 0.7 0.7\nriver 1 0\nmoney 0 1\nthe 0.5 -0.5\nstream -1 0.1\n",
    "es.vec": "6 2\nbanco 0 1\norilla 1 0\nrío 1 0.05\ndinero 0 1\nel 0.5 -0.5\narroyo -1 0\n",
  ]

  @Test func translatesWordByWordKeepingColumnsAndTags() throws {
    let f = try Folder(Self.files)
    let r = try run(["--dictionary", f.path("en-es.txt")], "# text = UK rejects\n# id = 7\nUK NNP B-LOC\nrejects VBZ O\n")
    // '# lang' from the dictionary's name, '# text' dropped; UK is UPPER, so is its
    // translation; a translation of two words makes two tokens of one entity.
    #expect(r.text == "# id = 7\n# lang = es\nREINO NNP B-LOC\nUNIDO NNP I-LOC\nrechaza VBZ O\n")
  }

  @Test func caseRestorationCanBeTurnedOffAndKeepSourceAddsAColumn() throws {
    let f = try Folder(Self.files)
    let r = try run(["--dictionary", f.path("en-es.txt"), "--no-case-restoration", "--keep-source", "--target-lang", "xx"], "The O\nRiver B-LOC\n")
    #expect(r.text == "# lang = xx\nel The O\nrío River B-LOC\n")
    let j = try run(["--dictionary", f.path("en-es.txt"), "--to", "jsonl"], "The\tO\nUK\tB-ORG\n\n")
    #expect(j.text == #"{"lang":"es","tokens":["El","REINO","UNIDO"],"tags":["O","B-ORG","I-ORG"]}"# + "\n")
  }

  @Test func copyTypesKeepsNamesAndIOB1Expands() throws {
    let f = try Folder(Self.files)
    let r = try run(["--dictionary", f.path("en-es.txt"), "--copy-types", "PER"], "River I-PER\nUK I-LOC\n")
    #expect(r.text == "# lang = es\nRiver I-PER\nREINO I-LOC\nUNIDO I-LOC\n")
  }

  @Test func embeddingsChooseATranslationByContext() throws {
    let f = try Folder(Self.files)
    let args = ["--dictionary", f.path("en-es.txt"), "--source-embeddings", f.path("en.vec"), "--target-embeddings", f.path("es.vec"), "--stats"]
    let river = try run(args, "the O\nriver O\nbank O\n")
    #expect(river.text == "# lang = es\nel O\nrío O\norilla O\n")
    #expect(river.stderr.contains("1 reranked by vectors"))
    let money = try run(args, "money O\nbank O\n")
    #expect(money.text == "# lang = es\ndinero O\nbanco O\n")
    // Without vectors, the first listed.
    #expect(try run(["--dictionary", f.path("en-es.txt")], "river O\nbank O\n").text == "# lang = es\nrío O\nbanco O\n")
  }

  @Test func cslsFallbackTranslatesUnknownWords() throws {
    let f = try Folder(Self.files)
    let args = ["--dictionary", f.path("en-es.txt"), "--source-embeddings", f.path("en.vec"), "--target-embeddings", f.path("es.vec"), "--k", "1"]
    #expect(try run(args + ["--fallback", "csls"], "Stream O\nzzz O\n").text == "# lang = es\nArroyo O\nzzz O\n")
    #expect(try run(args, "Stream O\n").text == "# lang = es\nStream O\n")
  }

  @Test func alignRecoversARotationAndEvaluateCountsHits() throws {
    // Source vectors are the target's rotated by 90 degrees; words pair with themselves.
    let target = ["a 1 0", "b 0 1", "c 0.6 0.8", "d -0.8 0.6", "e 0.28 -0.96"]
    let source = target.map { line -> String in
      let p = line.split(separator: " ")
      let (x, y) = (Double(p[1])!, Double(p[2])!)
      return "\(p[0]) \(-y) \(x)"
    }
    let f = try Folder([
      "s.vec": "5 2\n" + source.joined(separator: "\n") + "\n",
      "t.vec": "5 2\n" + target.joined(separator: "\n") + "\n",
      "seed.txt": "a a\nb b\nc c\nzz a\n",
      "test.txt": "d d\ne e\na a\n",
    ])
    let r = try run([
      "align", "--source-embeddings", f.path("s.vec"), "--target-embeddings", f.path("t.vec"),
      "--dictionary", f.path("seed.txt"), "--rounds", "1", "--output", f.path("mapped.vec"), "--save-mapping", f.path("w.map"),
    ])
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("seed: 3 of 4 pairs"))
    let mapped = try f.read("mapped.vec").split(separator: "\n")
    #expect(mapped.first == "5 2")
    for (line, expected) in zip(mapped.dropFirst(), target) {
      let got = line.split(separator: " "), want = expected.split(separator: " ")
      #expect(got[0] == want[0])
      for i in 1...2 { #expect(abs(Double(got[i])! - Double(want[i])!) < 1e-4, "\(line) vs \(expected)") }
    }
    let e = try run(["evaluate", "--source-embeddings", f.path("s.vec"), "--mapping", f.path("w.map"), "--target-embeddings", f.path("t.vec"), "--dictionary", f.path("test.txt")])
    #expect(e.text == "nn: precision@1 100.00  precision@5 100.00  precision@10 100.00  (3 source words)\ncsls_knn_10: precision@1 100.00  precision@5 100.00  precision@10 100.00  (3 source words)\n")
    let d = try run(["induce", "--source-embeddings", f.path("mapped.vec"), "--target-embeddings", f.path("t.vec"), "--method", "nn"])
    let pairs = d.text.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: " ") }
    #expect(Set(pairs) == ["a a", "b b", "c c", "d d", "e e"])
  }

  /// Vectors of 300 words in 6 dimensions from a fixed formula, and the same words with
  /// their vectors rotated in two planes.
  static func unsupervisedFiles() -> [String: String] {
    var source = "300 6\n", target = "300 6\n"
    for w in 0..<300 {
      let v = (0..<6).map { j in sin(Double(w * (j + 3) + j * j)) * Double(1 + j % 3) }
      let (c, s) = (cos(0.7), sin(0.7))
      let r = [c * v[0] - s * v[1], s * v[0] + c * v[1], c * v[2] + s * v[3], -s * v[2] + c * v[3], v[4], v[5]]
      source += "w\(w) " + v.map { String(format: "%.5f", $0) }.joined(separator: " ") + "\n"
      target += "w\(w) " + r.map { String(format: "%.5f", $0) }.joined(separator: " ") + "\n"
    }
    return ["s.vec": source, "t.vec": target]
  }

  /// --adversarial and --init give the same mapping bytes on 1 and 2 threads, report a
  /// criterion per epoch and per round, and keep a round; a start is required.
  @Test func unsupervisedAlignmentIsDeterministicAcrossThreads() throws {
    let f = try Folder(Self.unsupervisedFiles())
    let base = ["align", "--source-embeddings", f.path("s.vec"), "--target-embeddings", f.path("t.vec"), "--rounds", "2", "--criterion-words", "200"]
    let adversarial = ["--adversarial", "--epochs", "2", "--epoch-size", "640", "--discriminator-width", "16", "--seed", "4"]
    for (name, start) in [("adv", adversarial), ("init", ["--init", "similarity", "--init-patience", "2"])] {
      var maps: [String] = []
      for threads in ["1", "2"] {
        let r = try run(base + start + ["--threads", threads, "--save-mapping", f.path("\(name)\(threads).map")])
        #expect(r.stderr.contains("round 1: start mapping, criterion ") && r.stderr.contains("kept round "), "\(r.stderr)")
        if name == "adv" { #expect(r.stderr.contains("adversarial epoch 2: criterion ")) }
        if name == "init" { #expect(r.stderr.contains("self-learning 1: objective ")) }
        maps.append(try f.read("\(name)\(threads).map"))
      }
      #expect(maps[0] == maps[1] && !maps[0].isEmpty, "\(name)")
    }
    let e = try run(base, status: 64)
    #expect(e.stderr.contains("give one start"))
  }

  /// With a seed, refinement holds out every 10th source word and keeps the round that
  /// translates them best; --keep-round criterion goes back to the criterion; held-out
  /// needs a seed.
  @Test func refinementKeepsTheRoundBestOnHeldOutSeedWords() throws {
    let f = try Folder(Self.unsupervisedFiles())
    let base = ["align", "--source-embeddings", f.path("s.vec"), "--target-embeddings", f.path("t.vec"), "--identical", "--rounds", "3", "--criterion-words", "200", "--save-mapping", f.path("w.map")]
    let r = try run(base)
    #expect(r.stderr.contains("held out 30 of 300 seed source words to choose the round"), "\(r.stderr)")
    #expect(r.stderr.contains("round 1: Procrustes on 300 seed pairs, criterion ") && r.stderr.contains(", held-out precision@1 "), "\(r.stderr)")
    let kept = try f.read("w.map")
    #expect(r.stderr.contains("kept round 1 (best held-out precision@1, solved again on the whole seed)"), "\(r.stderr)")
    let c = try run(base + ["--keep-round", "criterion"])
    #expect(!c.stderr.contains("held-out") && c.stderr.contains("(best criterion)"), "\(c.stderr)")
    let one = try run(Array(base.prefix(6)) + ["--rounds", "1", "--save-mapping", f.path("w1.map")])
    #expect(!one.stderr.contains("held-out"), "\(one.stderr)")
    #expect(try kept == f.read("w1.map"))
    // --init identical is --identical.
    _ = try run(["align", "--source-embeddings", f.path("s.vec"), "--target-embeddings", f.path("t.vec"), "--init", "identical", "--rounds", "3", "--criterion-words", "200", "--save-mapping", f.path("w2.map")])
    #expect(try kept == f.read("w2.map"))
    let e = try run(["align", "--source-embeddings", f.path("s.vec"), "--target-embeddings", f.path("t.vec"), "--adversarial", "--keep-round", "held-out"], status: 64)
    #expect(e.stderr.contains("--keep-round held-out needs a seed dictionary"), "\(e.stderr)")
  }

  @Test func badInputGivesFileLineAndExitCodes() throws {
    let f = try Folder(Self.files.merging(["bad.txt": "ok fine\nlonely\n", "bad.vec": "2 2\nx 1 0\ny 1\n"]) { a, _ in a })
    let d = try run(["--dictionary", f.path("bad.txt")], "a O\n", status: 65)
    #expect(d.stderr.hasPrefix("ner-translate: \(f.path("bad.txt")):2: error: expected 'source target'"))
    let v = try run(["--dictionary", f.path("en-es.txt"), "--source-embeddings", f.path("bad.vec"), "--target-embeddings", f.path("es.vec")], "a O\n", status: 65)
    #expect(v.stderr.hasPrefix("ner-translate: \(f.path("bad.vec")):3: error:"), "\(v.stderr)")
    let m = try run(["--dictionary", f.path("none.txt")], "a O\n", status: 66)
    #expect(m.stderr.contains("none.txt: error: cannot open"))
    _ = try run(["--dictionary", f.path("en-es.txt"), "--fallback", "csls"], "a O\n", status: 64)
    _ = try run(["align", "--source-embeddings", f.path("en.vec"), "--target-embeddings", f.path("es.vec")], status: 64)
    let dims = try Folder(["a.vec": "1 3\nx 1 0 0\n", "b.vec": "1 2\nx 1 0\n", "d.txt": "x x\n"])
    let a = try run(["align", "--source-embeddings", dims.path("a.vec"), "--target-embeddings", dims.path("b.vec"), "--dictionary", dims.path("d.txt")], status: 65)
    // A dimension mismatch names both files.
    #expect(a.stderr == "ner-translate: \(dims.path("b.vec")): error: vectors of 2 dimensions; the source embeddings \(dims.path("a.vec")) have 3\n")
  }

  @Test func streamsAndEndsQuietlyIntoHead() throws {
    let f = try Folder(Self.files)
    let r = try ToolRunner.shell("yes $'the O\\nriver B-LOC\\n' | head -n 200000 | ner-translate --dictionary '\(f.path("en-es.txt"))' | head -n 3")
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.text == "# lang = es\nel O\nrío B-LOC\n")
  }
}
