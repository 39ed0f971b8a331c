import ArgumentParser
import NERCLI
import NERKit

extension NERTranslate {
  struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Map source embeddings into the target space (Procrustes, refined as MUSE does).",
      discussion: """
        Solves the orthogonal map W minimizing ||W X - Y|| over the pairs of a seed \
        dictionary (--dictionary; pairs with a word outside the vocabularies are \
        skipped) or of the words spelled the same in both vocabularies (--identical), by \
        the SVD of Y^T X. Each further round induces a dictionary from the current map \
        (mutual nearest neighbours by CSLS among the --max-rank most frequent words) and \
        solves Procrustes on it again, as MUSE's supervised refinement does. Writes the \
        mapped source vectors (.vec; standard output without --output) and/or the map \
        itself (--save-mapping) for later --mapping options. A line per round on stderr \
        unless --quiet.

        EXAMPLES:
          ner-translate align --source-embeddings en.vec --target-embeddings es.vec --dictionary en-es.train.txt --output en-mapped.vec --save-mapping en-es.map
          ner-translate align --source-embeddings en.vec --target-embeddings nl.vec --identical --rounds 5 --save-mapping en-nl.map -o en-mapped.vec
        """)

    @OptionGroup var embeddings: EmbeddingOptions

    @Option(help: ArgumentHelp("Seed dictionary, 'source target' a line.", valueName: "file"))
    var dictionary: String?

    @Flag(help: "Seed with the words spelled the same in both vocabularies.")
    var identical = false

    @Option(help: ArgumentHelp("Procrustes solutions in all: the first on the seed, the others on induced dictionaries (MUSE's n_refinement).", valueName: "N"))
    var rounds: Int = 5

    @Option(help: ArgumentHelp("Induced dictionaries use only the N most frequent words of each side.", valueName: "N"))
    var maxRank: Int = 15_000

    @Option(help: ArgumentHelp("Retrieval for induced dictionaries: nn, csls or csls_knn_K.", valueName: "method"))
    var method: String = "csls"

    @Option(help: "Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).")
    var k: Int = 10

    @Option(help: ArgumentHelp("Which pairs an induced dictionary keeps: s2t, t2s, mutual (both directions agree) or union.", valueName: "build"))
    var build: BuildChoice = .mutual

    @Option(help: ArgumentHelp("Normalize both spaces first, steps in order, comma-separated: renorm (unit length), center (subtract the mean); e.g. renorm,center,renorm.", valueName: "steps"))
    var normalize: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the mapped source vectors (.vec) to this file (atomically).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write the map W to this file (text: 'ROWS COLUMNS', then the rows).", valueName: "file"))
    var saveMapping: String?

    @Option(help: "Digits after the decimal point in the written vectors.")
    var decimals: Int = 5

    @Flag(name: [.short, .long], help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
      if (dictionary == nil) == !identical { throw ValidationError("give a seed: --dictionary FILE or --identical (one of them).") }
      if rounds < 1 { throw ValidationError("--rounds needs a positive number.") }
      if maxRank < 0 { throw ValidationError("--max-rank needs a number >= 0.") }
      if k < 1 { throw ValidationError("--k needs a positive number.") }
      if !(0...12).contains(decimals) { throw ValidationError("--decimals needs a number from 0 to 12.") }
      _ = try normalizationSteps()
    }

    func normalizationSteps() throws -> [String] {
      let steps = commaList(normalize)
      for s in steps where s != "renorm" && s != "center" {
        throw ValidationError("--normalize takes renorm and center steps, not '\(s)'.")
      }
      return steps
    }

    func run() throws {
      try ToolMain.run(tool: "ner-translate") {
        let clock = Clock.now
        var (source, target) = try embeddings.loadBoth()
        for step in try normalizationSteps() {
          if step == "center" { source.center(); target.center() } else { source.normalize(); target.normalize() }
        }
        let seed: IndexDictionary
        if let dictionary {
          seed = try EmbeddingFiles.indexDictionary(dictionary, source: source, target: target)
          if !quiet {
            Diagnostics.write("ner-translate: seed: \(seed.pairs.count) of \(seed.pairsRead) pairs in both vocabularies (\(seed.missingSource) without a source vector, \(seed.missingTarget) without a target vector)\n")
          }
        } else {
          seed = IndexDictionary.identicalStrings(source: source, target: target)
          if !quiet { Diagnostics.write("ner-translate: seed: \(seed.pairs.count) identical strings\n") }
        }
        guard !seed.pairs.isEmpty else {
          throw ToolFailure(file: dictionary, "no seed pair has both words in the vocabularies", status: ExitStatus.dataError)
        }
        let induction = DictionaryInduction(method: try retrievalMethod(method, k: k), build: build.value, maxRank: maxRank)
        let refinement = ProcrustesRefinement(rounds: rounds, induction: induction)
        let result = refinement.run(source: source, target: target, seed: seed.pairs)
        if !quiet {
          for (i, round) in result.enumerated() {
            Diagnostics.write("ner-translate: round \(i + 1): Procrustes on \(round.pairs.count) \(i == 0 ? "seed" : "induced") pairs\n")
          }
        }
        let mapping = result.last!.mapping
        if let saveMapping {
          let out = try OutputTarget(path: saveMapping)
          try out.run { try out.buffer.write(MappingFile.text(mapping)) }
        }
        if output != nil || saveMapping == nil {
          let out = try OutputTarget(path: output)
          try out.run { try VecWriter.write(mapping.apply(to: source), to: out.buffer, decimals: decimals) }
        }
        if !quiet { Diagnostics.write("ner-translate: aligned in \(Clock.format(Clock.now - clock))\n") }
      }
    }
  }
}

/// Induced-dictionary builds by the names the options use.
enum BuildChoice: String, ExpressibleByArgument, CaseIterable {
  case s2t, t2s, mutual, union

  var value: DictionaryInduction.Build {
    switch self {
    case .s2t: .sourceToTarget
    case .t2s: .targetToSource
    case .mutual: .mutual
    case .union: .union
    }
  }
}
