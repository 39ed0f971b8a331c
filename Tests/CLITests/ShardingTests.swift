import Foundation
import Testing

/// GNU parallel on PATH (Debian: `apt-get install parallel`).
private let parallelInstalled: Bool = {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/parallel")
  }
}()

/// The filters are sentence-independent, so a corpus can be cut into shards at
/// sentence boundaries, processed anywhere, and put back together: GNU parallel's
/// `--pipe -k` must give the bytes one process gives.
///
/// Records: CoNLL is cut at blank lines (`--recend '\n\n'`); raw text (ner-tokenize)
/// and JSONL at line ends (`--recend '\n'`, parallel's default), since each raw line
/// is a paragraph the tokenizer handles alone and each JSONL line a sentence.
/// Metadata must survive: ner-tokenize's sentence ids hash the line's text (and
/// number the sentences within the line), so they do not depend on where a shard
/// starts; `# lang` and `# id` travel with their sentence.
///
/// The inputs are a few thousand lines made here; `--block 4k` makes a dozen or more
/// shards of each, on two job slots.
@Suite(.serialized, .enabled(if: parallelInstalled, "GNU parallel is not installed"))
struct ShardingTests {
  static let block = 4096

  /// Runs `command` (a shell command reading standard input; the tools are on PATH)
  /// once on `input`, and sharded by parallel; both must succeed with the same bytes.
  func expectShardedIdentical(
    _ command: String, input: String, recend: String, cut: String = "--block \(ShardingTests.block)",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    #expect(input.utf8.count > 8 * Self.block, "too small to be cut into shards", sourceLocation: sourceLocation)
    let file = ToolRunner.temporaryFile(Data(input.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    // The redirection first, so that it feeds the first command of a pipeline.
    let one = try ToolRunner.shell("set -o pipefail; < '\(file.path)' \(command)")
    let sharded = try ToolRunner.shell(
      "parallel --pipe -k -j 2 \(cut) --recend '\(recend)' \"\(command)\" < '\(file.path)'")
    #expect(one.status == 0, "\(one.stderr)", sourceLocation: sourceLocation)
    #expect(sharded.status == 0, "\(sharded.stderr)", sourceLocation: sourceLocation)
    #expect(!one.stdout.isEmpty, sourceLocation: sourceLocation)
    if one.stdout != sharded.stdout {
      Issue.record("sharded output differs for: \(command)\n\(firstDifference(one.text, sharded.text))", sourceLocation: sourceLocation)
    }
  }

  /// The first line where two outputs differ, for the failure message.
  func firstDifference(_ a: String, _ b: String) -> String {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
      let one = i < x.count ? String(x[i].prefix(300)) : "(end)"
      let sharded = i < y.count ? String(y[i].prefix(300)) : "(end)"
      return "line \(i + 1): one process: \(one)\nsharded:     \(sharded)"
    }
    return "(same lines)"
  }

  // MARK: the tools

  /// Sentence ids count a line's repeats within its file (they are unique in a file), so
  /// a repeated line's id depends on the shard it lands in: the raw text without repeats.
  @Test func tokenize() throws {
    let distinct = Corpus.raw.split(separator: "\n").enumerated().map { "\($0.element) (\($0.offset))\n" }.joined()
    try expectShardedIdentical("ner-tokenize --lang es", input: distinct, recend: "\\n")
    try expectShardedIdentical("ner-tokenize --to jsonl --mask-digits", input: distinct, recend: "\\n")
  }

  @Test func romanize() throws {
    try expectShardedIdentical("ner-romanize", input: Corpus.labelled, recend: "\\n\\n")
    try expectShardedIdentical("ner-romanize --lang uk --in-place", input: Corpus.labelled, recend: "\\n\\n")
  }

  @Test func romanizeJSONL() throws {
    let jsonl = try ToolRunner.run("ner-convert", ["--to", "jsonl"], stdin: Corpus.labelled)
    #expect(jsonl.status == 0, "\(jsonl.stderr)")
    try expectShardedIdentical("ner-romanize", input: jsonl.text, recend: "\\n")
  }

  @Test func translate() throws {
    // A multi-word translation inside an entity (tags expanded) and outside one.
    let dictionary = ToolRunner.temporaryFile(Data("""
      vive mora
      en em
      trabaja trabalha
      para para
      abrió abriu
      una uma
      oficina escritório
      banco banco
      de de
      españa espanha
      onu nações unidas
      juegos jogos
      olímpicos olímpicos
      fueron foram
      desde\tdesde então

      """.utf8), suffix: "-es-pt.txt")
    defer { try? FileManager.default.removeItem(at: dictionary) }
    try expectShardedIdentical(
      "ner-translate --dictionary '\(dictionary.path)' --keep-source", input: Corpus.labelled, recend: "\\n\\n")
  }

  @Test func tag() throws {
    // A tiny model: the first sentences of the corpus, both languages, a few iterations.
    let train = ToolRunner.temporaryFile(Data(Corpus.makeLabelled(sentences: 40).utf8))
    let model = ToolRunner.temporaryFile(Data(), suffix: ".model")
    defer { for f in [train, model] { try? FileManager.default.removeItem(at: f) } }
    let t = try ToolRunner.run(
      "ner-tag", ["train", "-q", "--threads", "1", "--max-iterations", "30", "--language-features", "-m", model.path, train.path])
    #expect(t.status == 0, "\(t.stderr)")
    try expectShardedIdentical("ner-tag -m '\(model.path)' --threads 1 --marginals", input: Corpus.labelled, recend: "\\n\\n")
    // Tokenizer output (no tags, '# text' lines), and a pipeline inside each shard.
    let tokens = try ToolRunner.run("ner-tokenize", ["--lang", "es"], stdin: Corpus.raw)
    #expect(tokens.status == 0, "\(tokens.stderr)")
    try expectShardedIdentical(
      "ner-romanize | ner-tag -m '\(model.path)' --threads 1 --to jsonl", input: tokens.text, recend: "\\n\\n")
  }

  @Test func tagNeural() throws {
    // A neural model scores sentences in groups of 32 records, and a sentence's scores can
    // differ in the last bits with its group: shards of a multiple of 32 records (-N)
    // give the same bytes, whatever -DOCSTART- and other records sit in between. (Here
    // end to end; the last-bit differences are rare in 4-decimal output, so the group
    // positions themselves are TaggingGroupsTests'.)
    let train = ToolRunner.temporaryFile(Data(Corpus.makeLabelled(sentences: 40).utf8))
    let model = ToolRunner.temporaryFile(Data(), suffix: ".model")
    defer { for f in [train, model] { try? FileManager.default.removeItem(at: f) } }
    let t = try ToolRunner.run(
      "ner-tag", ["train", "-q", "--kind", "neural", "--epochs", "2", "-m", model.path, train.path])
    #expect(t.status == 0, "\(t.stderr)")
    try expectShardedIdentical(
      "ner-tag -m '\(model.path)' --threads 1 --marginals", input: Corpus.labelled, recend: "\\n\\n", cut: "-N 64")
  }

  // MARK: the input, made here

  /// Sentences of Spanish and Ukrainian from templates: labelled CoNLL with `# id`
  /// and `# lang` and some `-DOCSTART-` lines, and raw text (some lines holding two
  /// sentences).
  enum Corpus {
    typealias Sentence = (lang: String, tokens: [(String, String)])

    static func entity(_ words: [String], _ type: String) -> [(String, String)] {
      words.enumerated().map { ($0.element, ($0.offset == 0 ? "B-" : "I-") + type) }
    }
    static func plain(_ text: String) -> [(String, String)] {
      text.split(separator: " ").map { (String($0), "O") }
    }

    static let esPeople = [["María", "López"], ["Pedro", "Sánchez"], ["Ana"], ["Juan", "Carlos", "Pérez"], ["Lucía"]]
    static let esPlaces = [["Sevilla"], ["Madrid"], ["Buenos", "Aires"], ["Málaga"], ["Bruselas"], ["Ginebra"]]
    static let esOrgs = [["Telefónica"], ["Banco", "de", "España"], ["ONU"], ["Real", "Madrid"]]
    static let ukPeople = [["Тарас", "Шевченко"], ["Олена"], ["Іван", "Франко"], ["Леся", "Українка"]]
    static let ukPlaces = [["Києві"], ["Львові"], ["Одесі"], ["Харкові"], ["Чорне", "море"]]
    static let ukOrgs = [["Укрзалізниця"], ["Нафтогаз"], ["Національний", "банк", "України"]]

    static func sentence(_ i: Int) -> Sentence {
      let p = i / 2
      if i % 2 == 0 {
        let per = entity(esPeople[p % esPeople.count], "PER")
        let loc = entity(esPlaces[p % esPlaces.count], "LOC")
        let org = entity(esOrgs[p % esOrgs.count], "ORG")
        switch p % 4 {
        case 0: return ("es", per + plain("vive en") + loc + plain("desde \(1900 + p) ."))
        case 1: return ("es", org + plain("abrió una oficina en") + loc + plain("."))
        case 2: return ("es", per + plain("trabaja para la") + org + plain("en") + loc + plain(","))
        default:
          return ("es", plain("Los") + entity(["Juegos", "Olímpicos"], "MISC") + plain("de") + loc + plain("fueron en \(p) ."))
        }
      } else {
        let per = entity(ukPeople[p % ukPeople.count], "PER")
        let loc = entity(ukPlaces[p % ukPlaces.count], "LOC")
        let org = entity(ukOrgs[p % ukOrgs.count], "ORG")
        switch p % 3 {
        case 0: return ("uk", per + plain("живе у") + loc + plain("з \(p) року ."))
        case 1: return ("uk", org + plain("відкрила офіс у") + loc + plain("."))
        default: return ("uk", per + plain("працює в") + org + plain("!"))
        }
      }
    }

    static let count = 480

    static func makeLabelled(sentences n: Int) -> String {
      var s = ""
      for i in 0..<n {
        if i % 150 == 0 { s += "-DOCSTART-\tO\n\n" }
        let (lang, tokens) = sentence(i)
        s += "# id = s-\(i)\n# lang = \(lang)\n"
        for (token, tag) in tokens { s += "\(token)\t\(tag)\n" }
        s += "\n"
      }
      return s
    }

    static let labelled = makeLabelled(sentences: count)

    static func text(_ i: Int) -> String {
      var t = sentence(i).tokens.map(\.0).joined(separator: " ")
      for p in [" .", " ,", " !"] { t = t.replacingOccurrences(of: p, with: String(p.dropFirst())) }
      return t
    }

    /// Raw text: a paragraph a line; every third line two sentences.
    static let raw: String = {
      var s = ""
      var i = 0
      while i < 2 * count {
        if i % 3 == 0 {
          s += text(i) + " " + text(i + 2) + "\n"
          i += 2
        } else {
          s += text(i) + "\n"
          i += 1
        }
      }
      return s
    }()
  }
}
