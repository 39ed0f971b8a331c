import Foundation
import Testing

/// Zero-resource transfer from the command line: a language with vectors and no
/// training sentence is tagged zero-shot, and self-training on unlabelled sentences
/// (`--unlabelled`, `--start-model`) works for both kinds.
struct ZeroResourceTests {
  static let sizes = ["--kind", "neural", "--char-dim", "8", "--char-hidden", "8", "--hidden", "16"]

  /// Every word of ``TagTests/corpus(_:seed:lang:)`` with a seeded vector, spelled by
  /// `spell` (the same vectors for every spelling).
  static func vectors(_ spell: (String) -> String) -> String {
    let words = ["we", "live", "in", "now", "Mr", "Jr", "early", "Corp", "Paris", "Kyiv", "Lima", "Oslo", "Quito",
                 "Accra", "Hanoi", "Smith", "Jones", "Brown", "Garcia", "Novak", "left", "arrived", "spoke", "waited"]
    var out = "\(words.count) 6\n"
    for (i, w) in words.enumerated() {
      out += spell(w) + (0..<6).map { k in String(format: " %.3f", sin(Double(7 * i + k * 3 + 1))) }.joined() + "\n"
    }
    return out
  }

  /// The corpus with every token respelled (tags kept).
  static func respelled(_ text: String, _ spell: (String) -> String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard let tab = line.firstIndex(of: "\t") else { return String(line) }
      return spell(String(line[..<tab])) + String(line[tab...])
    }.joined(separator: "\n")
  }

  static func tagColumn(_ output: String) -> [String] {
    output.split(separator: "\n").compactMap { $0.split(separator: "\t").last.map(String.init) }
  }

  /// With no character BiLSTM and the two languages' words on the same frozen vectors,
  /// the network cannot tell a sentence from its respelling: tagging language xx (no
  /// training sentence) gives what tagging the English original gives.
  @Test func aLanguageWithoutTrainingSentencesIsTaggedThroughItsVectors() throws {
    let spell = { (w: String) in "x" + w.lowercased() + "q" }
    let en = TagTests.file(Self.vectors { $0 }, ".vec"), xx = TagTests.file(Self.vectors(spell), ".vec")
    let model = FileManager.default.temporaryDirectory.appendingPathComponent("zs-\(UUID().uuidString).model").path
    let train = try ToolRunner.run("ner-tag", ["train", "-m", model] + Self.sizes + [
      "--epochs", "15", "--learning-rate", "0.05", "--no-char-lstm", "--freeze-embeddings", "--embeddings", "en=\(en)", "--embeddings", "xx=\(xx)",
      "en=\(TagTests.file(TagTests.corpus(24)))"])
    #expect(train.status == 0, "\(train.stderr)")
    #expect(train.stderr.contains("language 'xx' has vectors and no training sentence: tagged zero-shot"), "\(train.stderr)")
    let test = TagTests.corpus(9, seed: 2)
    let original = try ToolRunner.run("ner-tag", ["-m", model, "--lang", "en"], stdin: test)
    let zeroShot = try ToolRunner.run("ner-tag", ["-m", model, "--lang", "xx"], stdin: Self.respelled(test, spell))
    #expect(original.status == 0 && zeroShot.status == 0, "\(zeroShot.stderr)")
    #expect(Self.tagColumn(zeroShot.text) == Self.tagColumn(original.text))
    // It learned something: the English predictions are mostly right.
    let gold = Self.tagColumn(test), predicted = Self.tagColumn(original.text)
    #expect(zip(gold, predicted).filter { $0 == $1 }.count * 10 >= gold.count * 8)
    let dump = try ToolRunner.run("ner-tag", ["dump", model])
    #expect(dump.text.contains("char-lstm"), "\(dump.text)")
    // A language the model has no vectors for is tagged as the first, with a warning.
    let other = try ToolRunner.run("ner-tag", ["-m", model, "--lang", "yy"], stdin: test)
    #expect(other.status == 0 && other.stderr == "ner-tag: warning: the model has no word vectors for --lang yy (its languages: en xx); its words are looked up as en's\n", "\(other.stderr)")
  }

  /// Vectors for a language no sentence is in, while some sentences have no language:
  /// refused (the vectors were meant for those sentences, which would train without
  /// them).
  @Test func vectorsForSentencesWithoutALanguageAreRefused() throws {
    let en = TagTests.file(Self.vectors { $0 }, ".vec")
    let r = try ToolRunner.run("ner-tag", ["train", "-q", "-m", "/dev/null"] + Self.sizes + [
      "--epochs", "1", "--embeddings", "en=\(en)", TagTests.file(TagTests.corpus(3))])
    #expect(r.status == 64 && r.stderr.contains("give the inputs' language (en=FILE or --lang en)"), "\(r.stderr)")
  }

  /// Self-training for both kinds: each round's selection is reported, the model tags,
  /// and --start-model starts from a saved model of the same kind.
  @Test func selfTrainingOnUnlabelledSentences() throws {
    let unlabelled = TagTests.file(TagTests.corpus(30, seed: 1).split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.split(separator: "\t").first.map(String.init) ?? "" }.joined(separator: "\n"))
    let labelled = TagTests.file(TagTests.corpus(12))
    for kind in [["--kind", "linear"], Self.sizes + ["--epochs", "2", "--round-epochs", "1"]] {
      let model = FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).model").path
      let r = try ToolRunner.run("ner-tag", ["train", "-m", model] + kind + [
        "--unlabelled", "xx=\(unlabelled)", "--rounds", "2", "--min-confidence", "0.2", "--pseudo-weight", "0.5",
        "--dev", TagTests.file(TagTests.corpus(6, seed: 4)), labelled])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.contains("self-training round 1: ") && r.stderr.contains("self-training round 2: dev F1"), "\(r.stderr)")
      #expect(r.stderr.contains("of 30 unlabelled sentences, length threshold 5"), "\(r.stderr)")
      let tagged = try ToolRunner.run("ner-tag", ["-m", model], stdin: TagTests.corpus(3))
      #expect(tagged.status == 0 && Self.tagColumn(tagged.text).count == 15)
      let again = try ToolRunner.run("ner-tag", ["train", "-q", "-m", "/dev/null"] + kind + [
        "--start-model", model, "--unlabelled", unlabelled, "--rounds", "1", labelled])
      #expect(again.status == 0, "\(again.stderr)")
    }
    // Uncertain labels left free, for both kinds: the labels whose marginal ('ner-tag
    // --marginals') is below the threshold, in the sentences with some label above it.
    for kind in [["--kind", "linear"], Self.sizes + ["--epochs", "2", "--round-epochs", "1"]] {
      let model = FileManager.default.temporaryDirectory.appendingPathComponent("tc-\(UUID().uuidString).model").path
      #expect(try ToolRunner.run("ner-tag", ["train", "-q", "-m", model] + kind + [labelled]).status == 0)
      let tagged = try ToolRunner.run("ner-tag", ["-m", model, "--marginals", unlabelled])
      let sentences = tagged.text.components(separatedBy: "\n\n").map { block in
        block.split(separator: "\n").compactMap { line in line.split(separator: "\t").dropFirst().first.flatMap { Double($0) } }
      }.filter { !$0.isEmpty }
      // Halfway between two printed values around the median: no marginal rounds onto it.
      let values = Array(Set(sentences.joined())).sorted()
      try #require(values.count >= 2)
      let k = values.count / 2
      let threshold = (values[k - 1] + values[k]) / 2
      let kept = sentences.filter { $0.contains { $0 >= threshold } }
      #expect(kept.joined().contains { $0 < threshold })
      let expected = "\(kept.count) of \(sentences.count) unlabelled sentences, "
        + "\(kept.joined().filter { $0 < threshold }.count) of \(kept.joined().count) tokens left free"
      let r = try ToolRunner.run("ner-tag", ["train", "-m", "/dev/null"] + kind + [
        "--start-model", model, "--unlabelled", unlabelled, "--rounds", "1", "--no-length-threshold",
        "--min-token-confidence", String(format: "%.5f", threshold), labelled])
      #expect(r.status == 0 && r.stderr.contains("self-training round 1: " + expected), "\(expected)\n\(r.stderr)")
    }
    let range = try ToolRunner.run("ner-tag", ["train", "-q", "-m", "/dev/null", "--unlabelled", unlabelled,
                                               "--min-token-confidence", "1.5", labelled])
    #expect(range.status == 64 && range.stderr.contains("--min-token-confidence must be in [0, 1]"), "\(range.stderr)")
    let linear = try TagTests.train([], TagTests.corpus(6))
    let wrong = try ToolRunner.run("ner-tag", ["train", "-q", "-m", "/dev/null"] + Self.sizes + [
      "--start-model", linear, "--unlabelled", unlabelled, labelled])
    #expect(wrong.status == 64 && wrong.stderr.contains("a linear model, but --kind is neural"), "\(wrong.stderr)")
    let alone = try ToolRunner.run("ner-tag", ["train", "-q", "-m", "/dev/null", "--start-model", linear, labelled])
    #expect(alone.status == 64 && alone.stderr.contains("--start-model needs --unlabelled"), "\(alone.stderr)")
  }
}
