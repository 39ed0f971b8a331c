import Foundation
import Testing

/// Every example command the documentation shows must work as written:
///
/// - the EXAMPLES block of each tool's `--help` and of each subcommand's (the man
///   pages are generated from the same text; `manPagesShowTheHelpExamples` checks
///   that they show exactly these lines), and
/// - every command line in the code blocks of the README, bench/README.md,
///   repro/README.md and docs/architecture.md (`documents`): a line of an
///   indented or fenced block, `\`-continued lines joined, `#` comment lines skipped; a
///   line written `$ command` is followed by the output it must print, byte for byte.
///   The commands of one block run in order in one folder (a block may train a model
///   and then use it). Not commands: the synopsis block that opens a section named
///   `## ner-...` and blocks that list folders (first word ending in `/`).
///
/// The commands run with bash (`-o pipefail`), the tools under test first on PATH,
/// each in a fresh copy of a folder of small files under the names the examples use
/// (es.train, en-es.txt, en.vec, news.txt...), written here, with the models and
/// mapped vectors the examples expect made by the tools first. A command passes when
/// it exits 0 and writes something: to stdout, or to the file its last `> FILE`
/// names (commands that write only with -o/--output or train a model need exit 0).
/// Commands that cannot run here are listed in `notRun` with the reason; every entry
/// must still match a documented command, so the list cannot go stale.
@Suite(.serialized)
struct DocExamplesTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Programs on PATH.
  static func installed(_ program: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
  }

  /// Documented commands not run, by the start of the command, with the reason.
  static var notRun: [(prefix: String, reason: String)] {
    var list: [(String, String)] = [
      ("make example", "ExampleTests runs the example pipeline (make -C examples check)"),
      ("swift test", "the test suite itself"),
      ("apt-get install", "installs system packages"),
      ("make release", "a release build takes minutes; `make install` is checked by hand (make -n install, and one install into a DESTDIR)"),
      ("make install", "installs into the system; see make release"),
      ("make -C repro", "runs the benchmarks on ../shared/data (hours)"),
      ("make -n -C repro", "a dry run of the benchmarks, from the repository (checked by hand)"),
      ("ner-convert --to jsonl big.conll > big.jsonl && hdfs", "needs a Hadoop cluster (hdfs)"),
      ("hadoop jar", "needs a Hadoop cluster"),
      ("hdfs dfs -cat", "needs a Hadoop cluster"),
      ("sc.textFile", "Spark (PySpark code, not a shell command)"),
      ("parallel --pipe -k --block 10M --recend '\\n\\n' -S 8/node1", "needs the machines node1 and node2 over ssh"),
      ("ner-translate align --source-embeddings en.vec --target-embeddings es.vec --adversarial",
       "adversarial training with its default sizes takes minutes of CPU; TranslateTests runs it with small sizes"),
    ]
    if !installed("crfsuite") {
      list.append(("crfsuite learn", "needs CRFsuite's command-line program `crfsuite`, not installed"))
    }
    if !installed("parallel") {
      list.append(("parallel", "GNU parallel is not installed"))
    }
    return list
  }

  struct Example {
    var source: String
    var command: String
    var expected: String? = nil
    /// The block the command is in: the commands of a block share one folder.
    var block: String? = nil
  }

  /// The documents whose code blocks are run, from the repository's root.
  static let documents = ["README.md", "bench/README.md", "repro/README.md", "docs/architecture.md"]

  // MARK: where the examples are

  static var tools: [String] {
    get throws {
      let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
      guard let line = package.split(separator: "\n").first(where: { $0.hasPrefix("let tools") }) else { return [] }
      return line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
  }

  /// `--help` of a command, unwrapped (COLUMNS wide enough for any example line).
  static func help(_ command: String) throws -> String {
    let r = try run("COLUMNS=10000 \(command) --help", in: nil)
    #expect(r.status == 0, "\(command) --help: \(r.stderr)")
    return r.text
  }

  /// The lines of the EXAMPLES block of a help text.
  static func exampleLines(_ help: String) -> [String] {
    var lines: [String] = []
    var inside = false
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "EXAMPLES:" { inside = true; continue }
      if inside {
        if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
        lines.append(line.trimmingCharacters(in: .whitespaces))
      }
    }
    return lines
  }

  /// The subcommands a help text lists.
  static func subcommands(_ help: String) -> [String] {
    var names: [String] = []
    var inside = false
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "SUBCOMMANDS:" { inside = true; continue }
      if inside {
        if line.isEmpty { break }
        // "  name (default)   abstract"; continuation lines are indented further.
        if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
          names.append(String(name))
        }
      }
    }
    return names
  }

  /// Every help text of the suite: tool and subcommands, with the command that prints it.
  static func helpTexts() throws -> [(command: String, text: String)] {
    var texts: [(String, String)] = []
    for tool in try tools {
      let text = try help(tool)
      texts.append((tool, text))
      for sub in subcommands(text) where sub != "help" {
        texts.append(("\(tool) \(sub)", try help("\(tool) \(sub)")))
      }
    }
    return texts
  }

  static func helpExamples() throws -> [Example] {
    try helpTexts().flatMap { help in
      exampleLines(help.text).map { Example(source: "\(help.command) --help", command: $0) }
    }
  }

  static func readmeExamples() throws -> [Example] {
    try documents.flatMap { try examples(in: $0) }
  }

  static func examples(in document: String) throws -> [Example] {
    let readme = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
    var blocks: [(heading: String, lines: [String], synopsis: Bool)] = []
    var heading = ""
    var firstBlockOfSection = false
    var current: [String]? = nil
    var fenced = false
    var previousBlank = true
    func close() {
      if let lines = current {
        blocks.append((heading, lines, firstBlockOfSection && heading.hasPrefix("## ner-")))
        firstBlockOfSection = false
      }
      current = nil
    }
    for raw in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if fenced {
        if line.hasPrefix("```") { fenced = false; close() } else { current?.append(line) }
        continue
      }
      if line.hasPrefix("```") { close(); fenced = true; current = []; continue }
      if line.hasPrefix("    ") && (current != nil || previousBlank) {
        if current == nil { current = [] }
        current?.append(String(line.dropFirst(4)))
      } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
        if current != nil { current?.append("") }
      } else {
        close()
        if line.hasPrefix("#") { heading = line; firstBlockOfSection = true }
      }
      previousBlank = line.trimmingCharacters(in: .whitespaces).isEmpty
    }
    close()

    var examples: [Example] = []
    for (number, block) in blocks.enumerated() where !block.synopsis {
      let source = "\(document) \(block.heading)", group = "\(document) block \(number)"
      if let first = block.lines.first(where: { !$0.isEmpty }), first.split(separator: " ").first?.hasSuffix("/") == true {
        continue  // a list of folders
      }
      var i = 0
      let lines = block.lines
      while i < lines.count {
        var line = lines[i]
        i += 1
        if line.isEmpty || line.hasPrefix("#") { continue }
        while line.hasSuffix("\\"), i < lines.count {
          line = String(line.dropLast()).trimmingCharacters(in: .whitespaces) + " " + lines[i].trimmingCharacters(in: .whitespaces)
          i += 1
        }
        if line.hasPrefix("$ ") {
          var output: [String] = []
          while i < lines.count, !lines[i].isEmpty, !lines[i].hasPrefix("$ ") {
            output.append(lines[i])
            i += 1
          }
          examples.append(Example(source: source, command: String(line.dropFirst(2)), expected: output.joined(separator: "\n") + "\n", block: group))
        } else {
          examples.append(Example(source: source, command: line, block: group))
        }
      }
    }
    return examples
  }

  // MARK: running

  struct Result {
    var stdout: Data
    var stderr: String
    var status: Int32
    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// Runs a bash command line (pipefail) with the tools first on PATH, in `directory`.
  static func run(_ command: String, in directory: URL?, timeout: TimeInterval = 120) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-o", "pipefail", "-c", command]
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = ToolRunner.binDirectory.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    p.environment = env
    if let directory { p.currentDirectoryURL = directory }
    let out = ToolRunner.temporaryFile(Data())
    let err = ToolRunner.temporaryFile(Data())
    defer { for f in [out, err] { try? FileManager.default.removeItem(at: f) } }
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(timeout)
    while p.isRunning {
      if Date() > deadline {
        p.terminate()
        p.waitUntilExit()
        return Result(stdout: Data(), stderr: "timed out after \(Int(timeout)) s", status: -1)
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    p.waitUntilExit()
    return Result(
      stdout: try Data(contentsOf: out), stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
      status: p.terminationStatus)
  }

  /// The file the command's last `> FILE` writes, unless /dev/null.
  static func redirectTarget(_ command: String) -> String? {
    let words = command.split(separator: " ")
    guard let i = words.lastIndex(of: ">"), i + 1 < words.count else { return nil }
    let target = String(words[i + 1])
    return target == "/dev/null" ? nil : target
  }

  /// Runs `examples` (each command once; a block's commands in order in one folder) in
  /// fresh copies of `fixtures`.
  static func runAll(_ examples: [Example], fixtures: URL) throws {
    let excuses = notRun
    var ran: Set<String> = []
    var excused = 0
    var folders: [String: URL] = [:]
    defer { for dir in folders.values { try? FileManager.default.removeItem(at: dir) } }
    for example in examples where !ran.contains((example.block ?? "") + example.command) {
      if let excuse = excuses.first(where: { example.command.hasPrefix($0.prefix) }) {
        print("not run (\(excuse.reason)): \(example.command)")
        excused += 1
        continue
      }
      let key = example.block ?? UUID().uuidString
      let dir: URL
      if let existing = folders[key] {
        dir = existing
      } else {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-doc-example-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures, to: dir)
        folders[key] = dir
      }
      defer { if example.block == nil { try? FileManager.default.removeItem(at: dir); folders[key] = nil } }
      let r = try run(example.command, in: dir)
      ran.insert((example.block ?? "") + example.command)
      let what = "\(example.source): \(example.command)"
      guard r.status == 0 else {
        Issue.record("exit \(r.status): \(what)\n\(r.stderr.prefix(2000))")
        continue
      }
      if let expected = example.expected {
        #expect(r.text == expected, "\(what)\nprinted:\n\(r.text)\ndocumented:\n\(expected)")
      } else if let target = redirectTarget(example.command) {
        let size = (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(target).path)[.size] as? Int) ?? 0
        #expect(size > 0, "wrote nothing to \(target): \(what)\n\(r.stderr.prefix(2000))")
      } else {
        let writesFiles = ["> /dev/null", " -o ", "--output ", "--save-mapping ", " train "].contains { example.command.contains($0) }
        if !writesFiles {
          #expect(!r.stdout.isEmpty, "printed nothing: \(what)\n\(r.stderr.prefix(2000))")
        }
        // A jq filter naming a field that is not there prints null.
        if example.command.contains("| jq") {
          #expect(!r.text.contains("null"), "jq printed null: \(what)\n\(r.text.prefix(500))")
        }
      }
    }
    print("documented examples: \(ran.count) run, \(excused) not run")
  }

  // MARK: the tests

  @Test func helpExamplesRunAsWritten() throws {
    let examples = try Self.helpExamples()
    // Every tool and subcommand shows examples.
    for help in try Self.helpTexts() {
      #expect(!Self.exampleLines(help.text).isEmpty, "no EXAMPLES in \(help.command) --help")
    }
    let fixtures = try Fixtures.make()
    defer { try? FileManager.default.removeItem(at: fixtures) }
    try Self.runAll(examples, fixtures: fixtures)
  }

  @Test func readmeExamplesRunAsWritten() throws {
    let examples = try Self.readmeExamples()
    #expect(examples.count >= 10, "found only \(examples.map(\.command))")
    let fixtures = try Fixtures.make()
    defer { try? FileManager.default.removeItem(at: fixtures) }
    try Self.runAll(examples, fixtures: fixtures)
  }

  /// Every entry of `notRun` still matches a documented command.
  @Test func everyExcuseMatchesADocumentedCommand() throws {
    let commands = try (Self.helpExamples() + Self.readmeExamples()).map(\.command)
    for excuse in Self.notRun {
      #expect(commands.contains { $0.hasPrefix(excuse.prefix) }, "no documented command starts with \(excuse.prefix)")
    }
  }

  /// The man pages (generated from the help) show the same examples as --help.
  @Test func manPagesShowTheHelpExamples() throws {
    for tool in try Self.tools {
      let page = try String(contentsOf: Self.root.appendingPathComponent("man/\(tool).1"), encoding: .utf8)
        .replacingOccurrences(of: "\\e", with: "\\")
      let manLines = Set(page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
      for help in try Self.helpTexts() where help.command.split(separator: " ").first.map(String.init) == tool {
        for line in Self.exampleLines(help.text) {
          #expect(manLines.contains(line), "man/\(tool).1 lacks the example of \(help.command) --help: \(line) (run make man)")
        }
      }
    }
  }

  // MARK: the files the examples name

  enum Fixtures {
    typealias Token = (String, String)

    static func entity(_ words: String, _ type: String) -> [Token] {
      words.split(separator: " ").enumerated().map { (String($0.element), ($0.offset == 0 ? "B-" : "I-") + type) }
    }
    static func plain(_ text: String) -> [Token] { text.split(separator: " ").map { (String($0), "O") } }

    static let esPeople = ["María López", "Pedro Sánchez", "Ana", "Juan Carlos Pérez", "Lucía"]
    static let esPlaces = ["Sevilla", "Madrid", "Buenos Aires", "Málaga", "Bruselas"]
    static let esOrgs = ["Telefónica", "Banco de España", "ONU", "Real Madrid"]

    static func spanish(_ i: Int) -> [Token] {
      let per = entity(esPeople[i % esPeople.count], "PER")
      let loc = entity(esPlaces[(i / 2) % esPlaces.count], "LOC")
      let org = entity(esOrgs[(i / 3) % esOrgs.count], "ORG")
      switch i % 4 {
      case 0: return per + plain("vive en") + loc + plain("desde \(1990 + i) .")
      case 1: return org + plain("abrió una oficina en") + loc + plain(".")
      case 2: return per + plain("trabaja para") + org + plain(",")
      default: return plain("Los") + entity("Juegos Olímpicos", "MISC") + plain("de") + loc + plain("fueron en \(i) .")
      }
    }

    static let ukPeople = ["Тарас Шевченко", "Олена", "Іван Франко", "Леся Українка"]
    static let ukPlaces = ["Києві", "Львові", "Одесі", "Харкові"]
    static func ukrainian(_ i: Int) -> [Token] {
      let per = entity(ukPeople[i % ukPeople.count], "PER"), loc = entity(ukPlaces[(i / 2) % ukPlaces.count], "LOC")
      return i % 2 == 0 ? per + plain("живе у") + loc : plain("У") + loc + plain("працює") + per
    }
    static let ruPeople = ["Лев Толстой", "Анна", "Пётр Чайковский"]
    static let ruPlaces = ["Москве", "Казани", "Санкт-Петербурге"]
    static func russian(_ i: Int) -> [Token] {
      let per = entity(ruPeople[i % ruPeople.count], "PER"), loc = entity(ruPlaces[(i / 2) % ruPlaces.count], "LOC")
      return i % 2 == 0 ? per + plain("живёт в") + loc : plain("В") + loc + plain("работает") + per
    }
    static func english(_ i: Int) -> [Token] {
      switch i % 3 {
      case 0: return entity("John Smith", "PER") + plain("lives in") + entity("London", "LOC") + plain(".")
      case 1: return entity("Google", "ORG") + plain("opened an office in") + entity("Paris", "LOC") + plain(".")
      default: return entity("Mary", "PER") + plain("works for the bank in") + entity("London", "LOC") + plain(",")
      }
    }

    static func conll(_ sentences: [[Token]], separator: String = " ") -> String {
      sentences.map { $0.map { "\($0.0)\(separator)\($0.1)\n" }.joined() }.joined(separator: "\n") + "\n"
    }

    /// IOB2 to IOBES.
    static func iobes(_ tokens: [Token]) -> [Token] {
      tokens.enumerated().map { i, t in
        let next = i + 1 < tokens.count ? tokens[i + 1].1 : "O"
        let continues = next.hasPrefix("I-")
        if t.1.hasPrefix("B-") { return (t.0, (continues ? "B-" : "S-") + t.1.dropFirst(2)) }
        if t.1.hasPrefix("I-") { return (t.0, (continues ? "I-" : "E-") + t.1.dropFirst(2)) }
        return t
      }
    }

    /// Words of en, es and nl with the same meaning; identical en/nl strings serve
    /// `align --identical`.
    static let concepts: [(en: String, es: String, nl: String)] = [
      ("the", "el", "de"), ("lives", "vive", "woont"), ("in", "en", "in"), ("works", "trabaja", "werkt"),
      ("for", "para", "voor"), ("bank", "banco", "bank"), ("shore", "orilla", "oever"), ("office", "oficina", "kantoor"),
      ("opened", "abrió", "opende"), ("an", "una", "een"), ("city", "ciudad", "stad"), ("river", "río", "rivier"),
      ("money", "dinero", "geld"), ("John", "Juan", "John"), ("Smith", "Smith", "Smith"), ("Mary", "María", "Mary"),
      ("London", "Londres", "Londen"), ("Paris", "París", "Parijs"), ("Google", "Google", "Google"),
      (".", ".", "."), (",", ",", ","),
    ]

    /// A .vec file: `vector(i)` for each concept's word, mapped by `map`.
    static func vec(_ words: [String], _ map: ([Double]) -> [Double]) -> String {
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) * 2 - 1
      }
      var text = "\(words.count) 4\n"
      for word in words {
        let v = map((0..<4).map { _ in next() })
        text += word + " " + v.map { String(format: "%.5f", $0) }.joined(separator: " ") + "\n"
      }
      return text
    }

    static var files: [String: String] {
      let es = (0..<40).map(spanish)
      let test = (40..<52).map(spanish)
      let dev = (52..<60).map(spanish)
      var files: [String: String] = [
        "es.train": conll(es), "es.test": conll(test), "es.dev": conll(dev),
        "train.conll": conll(es, separator: "\t"), "dev.conll": conll(dev, separator: "\t"),
        "big.conll": conll((0..<200).map(spanish), separator: "\t"),
        "uk.train": conll((0..<10).map(ukrainian), separator: "\t"),
        "ru.train": conll((0..<10).map(russian), separator: "\t"),
        "uk.conll": conll((10..<30).map(ukrainian), separator: "\t"),
        "ru.conll": conll((0..<6).map(russian), separator: "\t"),
        "en.train": conll((0..<12).map(english)),
        "crfpp.template": "# unigrams\nU00:%x[-1,0]\nU01:%x[0,0]\nU02:%x[1,0]\nU03:%x[-1,0]/%x[0,0]\n\nB\n",
      ]
      // CoNLL-2003's layout and IOB1 tags.
      files["eng.train"] = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n. . O O\n\n"
        + "Peter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP B-NP I-LOC\n1996-08-22 CD I-NP O\n\n"
      // Gold and guess in IOBES; every third sentence's first entity gets another type.
      files["pred.conll"] = test.enumerated().map { n, s in
        var state = n % 3 == 0 ? 0 : 2  // 0: before the first entity, 1: inside it, 2: done
        return iobes(s).map { token, tag -> String in
          var guess = tag
          if state == 0, tag.hasPrefix("B-") || tag.hasPrefix("S-") { state = 1 }
          if state == 1 {
            guess = String(tag.prefix(2)) + (tag.hasSuffix("PER") ? "ORG" : "PER")
            if tag.hasPrefix("E-") || tag.hasPrefix("S-") { state = 2 }
          }
          return "\(token) \(tag) \(guess)\n"
        }.joined()
      }.joined(separator: "\n")
      files["wikiann.pred"] = (0..<8).map(ukrainian).enumerated().map { n, s in
        s.map { "\($0.0)\t\($0.1)\t\(n % 4 == 0 ? "O" : $0.1)\n" }.joined()
      }.joined(separator: "\n")
      let raw = [
        "María López vive en Sevilla desde 1998. El Sr. Pérez trabaja para Telefónica en Madrid.",
        "La ONU abrió una oficina en Buenos Aires el 12 de mayo; costó 1.234,5 euros (un 70% más).",
        "Pedro Sánchez visitó Málaga con Ana. Más en https://example.org/noticias o info@example.org.",
      ]
      files["noticias.txt"] = raw.joined(separator: "\n") + "\n"
      files["text.txt"] = raw.joined(separator: "\n") + "\n"
      files["big.txt"] = Array(repeating: raw, count: 30).flatMap { $0 }.joined(separator: "\n") + "\n"
      files["news.txt"] = raw.joined(separator: "\n") + "\nТарас Шевченко народився в Моринцях. Олена живе у Львові.\n"
      files["news.hi.txt"] = "नरेंद्र मोदी ने दिल्ली में भाषण दिया। मुंबई में बारिश हुई।\nकमला ने पुणे की यात्रा की।\n"
      files["admin.jsonl"] = #"{"id":1,"text":"María López vive en Sevilla.\r\nTrabaja en Telefónica.","label":[[0,11,"PER"],[20,27,"LOC"],[41,51,"ORG"]]}"# + "\n"
      files["doc1.txt"] = "El Sr. Pérez trabaja en Madrid.\n"
      files["doc1.ann"] = "T1\tPER 7 12\tPérez\nT2\tLOC 24 30\tMadrid\n"
      files["tokens.txt"] = "María López vive en Sevilla .\nLa ONU abrió una oficina en Buenos Aires .\n"
      // Embeddings: es and nl share the concepts' vectors; en's are rotated (a signed
      // permutation), so that align has something to find.
      files["es.vec"] = vec(concepts.map(\.es)) { $0 }
      files["nl.vec"] = vec(concepts.map(\.nl)) { $0 }
      files["en.vec"] = vec(concepts.map(\.en)) { [$0[2], -$0[0], $0[3], -$0[1]] }
      files["uk.vec"] = vec(["Тарас", "Шевченко", "Олена", "живе", "у", "Києві", "Львові", "працює", "Іван", "Франко", "Одесі"]) { $0 }
      let dictionary = concepts.filter { !["city", "river", "money"].contains($0.en) }.map { "\($0.en) \($0.es)\n" }.joined()
      files["en-es.txt"] = dictionary + "bank orilla\n"
      files["en-es.train.txt"] = dictionary
      files["en-es.test.txt"] = "city ciudad\nriver río\nmoney dinero\n"
      files["en-es.dev.txt"] = "city ciudad\nriver río\nmoney dinero\n"
      files["es-en.txt"] = concepts.map { "\($0.es) \($0.en)\n" }.joined()
      return files
    }

    /// Files made by the tools before the examples run, as the examples expect them.
    static let prepared = [
      "ner-tag train -q -m es.model es.train",
      "ner-tag train -q -m uk.model uk=uk.train",
      "ner-tag -m es.model --to jsonl es.test > pred.jsonl",
      "ner-tag features es.train > es.train.crfsuite",
      "ner-translate align -q --source-embeddings en.vec --target-embeddings es.vec --dictionary en-es.train.txt --output en-mapped.vec --save-mapping en-es.map",
      "ner-translate --dictionary en-es.train.txt --source-embeddings en-mapped.vec --target-embeddings es.vec en.train > en2es.chosen.conll",
      "ner-translate --dictionary en-es.train.txt en.train > en2es.first.conll",
      "ner-tag train -q --kind neural --epochs 3 -m en.model en=en.train",
      "ner-translate align -q --source-embeddings es.vec --target-embeddings en.vec --dictionary es-en.txt --output es-mapped.vec",
    ]

    /// A folder of the files, with `examples` linked to the repository's examples/.
    static func make() throws -> URL {
      let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ner-doc-fixtures-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
      try FileManager.default.createSymbolicLink(
        at: dir.appendingPathComponent("examples"), withDestinationURL: DocExamplesTests.root.appendingPathComponent("examples"))
      for command in prepared {
        let r = try DocExamplesTests.run(command, in: dir)
        #expect(r.status == 0, "fixture: \(command)\n\(r.stderr)")
      }
      return dir
    }
  }
}
