import ArgumentParser
import NERCLI
import NERKit

extension NERTranslate {
  struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Map source embeddings into the target space (Procrustes, adversarial or unsupervised, refined as MUSE does).",
      discussion: """
        Solves the orthogonal map W minimizing ||W X - Y|| over the pairs of a seed \
        dictionary (--dictionary; pairs with a word outside the vocabularies are \
        skipped) or of the words spelled the same in both vocabularies (--identical), by \
        the SVD of Y^T X. Each further round induces a dictionary from the current map \
        (mutual nearest neighbours by CSLS among the --max-rank most frequent words) and \
        solves Procrustes on it again, as MUSE's supervised refinement does. With a seed \
        (and more than one round), every 10th source word of the seed is held out: the \
        rounds start from Procrustes on the rest, each round is scored by its CSLS \
        precision@1 on the held-out words, and the best round is kept (the first solved \
        again on the whole seed), so refinement never ends worse on words it has not \
        seen than it started. MUSE's unsupervised criterion (--criterion-words) is \
        printed for every round and chooses the round without a seed (--keep-round \
        criterion); on small vectors it rises while precision falls (en-es in bench/: \
        8.1% CSLS after Procrustes, 5.6% after five rounds).

        Without a dictionary: --adversarial trains the map against a discriminator \
        (Conneau et al. 2018): an MLP with leaky ReLU, input dropout 0.1 and label \
        smoothing 0.1 tells mapped source vectors from target vectors among the \
        --most-frequent words; W is trained to fool it by SGD (batches of 32) and kept \
        near orthogonal (W <- 1.001 W - 0.001 (W W^T) W); after each epoch the criterion \
        keeps the best W, the learning rate decays by 0.98 and halves when the criterion \
        drops. Defaults are CPU-sized (MUSE's in each option's help): under half a \
        minute an epoch on 100-dimensional vectors on 2 cores. --init similarity \
        (VecMap: the similarity-distribution dictionary, then self-learning with \
        stochastic dictionary induction) is the other unsupervised start. Either start \
        is then refined by --rounds Procrustes rounds from its mapping. Results depend on \
        --seed only, not on --threads. Both unsupervised starts need vectors good enough \
        to be near-isomorphic: on small ones (the 100-dimensional vectors of half a \
        million tokens in bench/) both fail (precision@1 under 0.2%, where a dictionary \
        gives 5-9%) and the unsupervised criterion does not show it; there --identical \
        (--init identical) is the start that works without a dictionary (en-es 7.0%, en-nl 6.6% CSLS, as good \
        as Procrustes on the train dictionary). Check a mapping with 'evaluate' on \
        held-out pairs when there are any. A mapping learned with --normalize maps \
        vectors normalized the same way (give 'evaluate' the same --normalize).

        Writes the \
        mapped source vectors (.vec; standard output without --output) and/or the map \
        itself (--save-mapping) for later --mapping options. A line per round on stderr \
        unless --quiet.

        EXAMPLES:
          ner-translate align --source-embeddings en.vec --target-embeddings es.vec --dictionary en-es.train.txt --output en-mapped.vec --save-mapping en-es.map
          ner-translate align --source-embeddings en.vec --target-embeddings nl.vec --identical --rounds 5 --save-mapping en-nl.map -o en-mapped.vec
          ner-translate align --source-embeddings en.vec --target-embeddings es.vec --init similarity --save-mapping en-es.map
          ner-translate align --source-embeddings en.vec --target-embeddings es.vec --adversarial --seed 3 --save-mapping en-es.map
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

    @Option(help: ArgumentHelp("Induced dictionaries search candidates (and CSLS's neighbourhoods) among the N most frequent words of each side only; 0: the whole vocabularies (MUSE), quadratic in their size.", valueName: "N"))
    var searchRank: Int = 30_000

    @Option(help: ArgumentHelp("Retrieval for induced dictionaries: nn, csls or csls_knn_K.", valueName: "method"))
    var method: String = "csls"

    @Option(help: "Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).")
    var k: Int = 10

    @Option(help: ArgumentHelp("Which pairs an induced dictionary keeps: s2t, t2s, mutual (both directions agree) or union.", valueName: "build"))
    var build: BuildChoice = .mutual

    @Option(help: EmbeddingOptions.normalizeHelp)
    var normalize: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the mapped source vectors (.vec) to this file (atomically).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write the map W to this file (text: 'ROWS COLUMNS', then the rows).", valueName: "file"))
    var saveMapping: String?

    @Option(help: "Digits after the decimal point in the written vectors.")
    var decimals: Int = 5

    @Flag(name: [.short, .long], help: "Print nothing on stderr but errors.")
    var quiet = false

    @Flag(help: "No dictionary: start from an adversarially trained mapping (Conneau et al. 2018, MUSE), then refine.")
    var adversarial = false

    @Option(name: .customLong("init"), help: ArgumentHelp("No dictionary: start from an unsupervised initialization, then refine: 'similarity' (VecMap's similarity-distribution dictionary and stochastic self-learning, Artetxe et al. 2018) or 'identical' (the words spelled the same on both sides as the seed dictionary, as --identical: the start that works on small vectors of one script).", valueName: "method"))
    var initialization: InitChoice?

    @Option(help: ArgumentHelp("The unsupervised criterion: the mean cosine of each of the N most frequent source words and its CSLS translation (r terms among the same N words of each side).", valueName: "N"))
    var criterionWords: Int = 10_000

    @Option(help: ArgumentHelp("How refinement chooses the round it keeps: 'held-out' (CSLS precision@1 on every 10th source word of the seed dictionary, left out of the fit; the default with --dictionary or --identical) or 'criterion' (the unsupervised criterion; the only choice without a seed).", valueName: "how"))
    var keepRound: RoundChoice?

    @Option(help: "Seed of the random draws of --adversarial and --init.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("--adversarial: units of each hidden layer of the discriminator (MUSE: 2048).", valueName: "N"))
    var discriminatorWidth: Int = 256

    @Option(help: ArgumentHelp("--adversarial: hidden layers of the discriminator (MUSE: 2).", valueName: "N"))
    var discriminatorLayers: Int = 2

    @Option(help: ArgumentHelp("--adversarial: discriminator steps per mapping step (MUSE: 5).", valueName: "N"))
    var discriminatorSteps: Int = 5

    @Option(help: ArgumentHelp("--adversarial: epochs; the criterion after each picks the best mapping and drives the learning rate (MUSE: 5).", valueName: "N"))
    var epochs: Int = 5

    @Option(help: ArgumentHelp("--adversarial: vectors drawn per epoch, in batches of 32 (MUSE: 1,000,000).", valueName: "N"))
    var epochSize: Int = 50_000

    @Option(help: ArgumentHelp("--adversarial: batches come from the N most frequent words of each side; 0: all (MUSE: 75,000).", valueName: "N"))
    var mostFrequent: Int = 20_000

    @Option(help: ArgumentHelp("--adversarial: SGD learning rate of the mapping and of the discriminator (MUSE: 0.1).", valueName: "rate"))
    var learningRate: Float = 0.1

    @Option(help: ArgumentHelp("--init similarity: words taking part in self-learning (VecMap: 20,000).", valueName: "N"))
    var initVocabulary: Int = 10_000

    @Option(help: ArgumentHelp("--init similarity: iterations without improvement before the kept share of similarities doubles (VecMap: 50).", valueName: "N"))
    var initPatience: Int = 10

    @OptionGroup var threading: ThreadsOption<AlignThreads>

    func validate() throws {
      let starts = [dictionary != nil, identical, adversarial, initialization != nil].filter { $0 }.count
      if starts != 1 { throw ValidationError("give one start: --dictionary FILE, --identical (or --init identical), --adversarial or --init similarity.") }
      if rounds < 1 { throw ValidationError("--rounds needs a positive number.") }
      if maxRank < 0 || searchRank < 0 { throw ValidationError("--max-rank and --search-rank need numbers >= 0.") }
      if k < 1 { throw ValidationError("--k needs a positive number.") }
      if !(0...12).contains(decimals) { throw ValidationError("--decimals needs a number from 0 to 12.") }
      for (name, value) in [("--criterion-words", criterionWords), ("--discriminator-width", discriminatorWidth),
                            ("--epochs", epochs), ("--epoch-size", epochSize), ("--init-vocabulary", initVocabulary),
                            ("--init-patience", initPatience)] where value < 1 {
        throw ValidationError("\(name) needs a positive number.")
      }
      if discriminatorLayers < 0 || discriminatorSteps < 0 || mostFrequent < 0 {
        throw ValidationError("--discriminator-layers, --discriminator-steps and --most-frequent need numbers >= 0.")
      }
      if !(learningRate > 0 && learningRate.isFinite) { throw ValidationError("--learning-rate needs a positive number.") }
      if keepRound == .heldOut && (adversarial || initialization == .similarity) {
        throw ValidationError("--keep-round held-out needs a seed dictionary (--dictionary or --identical); --adversarial and --init similarity have none.")
      }
      _ = try normalizationSteps()
    }

    func normalizationSteps() throws -> [String] { try EmbeddingOptions.normalizationSteps(normalize) }

    func run() throws {
      try ToolMain.run(tool: "ner-translate") {
        let clock = Clock.now
        let (source, target) = try embeddings.loadBoth(normalizedBy: try normalizationSteps())
        var induction = DictionaryInduction(method: try retrievalMethod(method, k: k), build: build.value, maxRank: maxRank)
        induction.threads = threading.threads
        induction.searchRank = searchRank
        let criterion = UnsupervisedCriterion(words: criterionWords, k: 10, threads: threading.threads)
        var refinement = ProcrustesRefinement(rounds: rounds, induction: induction, criterion: criterion)
        if (keepRound ?? .heldOut) == .heldOut { refinement.holdOut = 10 }
        let result: [ProcrustesRefinement.Round]
        if adversarial || initialization == .similarity {
          let start = adversarial ? adversarialMapping(source, target, criterion) : similarityMapping(source, target)
          result = refinement.run(source: source, target: target, start: start)
        } else {
          let seed = try seedPairs(source, target)
          let heldOut = refinement.split(seed).heldOut
          if !quiet && !heldOut.isEmpty {
            Diagnostics.write("ner-translate: held out \(Set(heldOut.map(\.source)).count) of \(Set(seed.map(\.source)).count) seed source words to choose the round\n")
          }
          result = refinement.run(source: source, target: target, seed: seed)
        }
        let best = ProcrustesRefinement.best(result)
        if !quiet { report(result, best: best) }
        try write(best.mapping, source: source)
        if !quiet { Diagnostics.write("ner-translate: aligned in \(Clock.format(Clock.now - clock))\n") }
      }
    }

    /// The seed dictionary of --dictionary or --identical.
    func seedPairs(_ source: WordEmbeddings, _ target: WordEmbeddings) throws -> [IndexPair] {
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
      return seed.pairs
    }

    /// The mapping of --adversarial, with a line per epoch on stderr.
    func adversarialMapping(_ source: WordEmbeddings, _ target: WordEmbeddings, _ criterion: UnsupervisedCriterion) -> LinearMapping {
      var trainer = AdversarialAlignment()
      trainer.hidden = discriminatorWidth
      trainer.layers = discriminatorLayers
      trainer.discriminatorSteps = discriminatorSteps
      trainer.epochs = epochs
      trainer.epochSize = epochSize
      trainer.mostFrequent = mostFrequent
      trainer.learningRate = learningRate
      trainer.discriminatorLearningRate = learningRate
      trainer.seed = seed
      trainer.criterion = criterion
      let clock = Clock.now
      return trainer.train(source: source, target: target) { epoch, e in
        guard !quiet else { return }
        let line = CFormat.format("criterion %.5f, discriminator loss %.4f, learning rate %.5f", e.criterion, e.discriminatorLoss, Double(e.learningRate))
        Diagnostics.write("ner-translate: adversarial epoch \(epoch + 1): \(line) (\(Clock.format(Clock.now - clock)))\n")
      }.mapping
    }

    /// The mapping of --init similarity, with a line per self-learning iteration on stderr.
    func similarityMapping(_ source: WordEmbeddings, _ target: WordEmbeddings) -> LinearMapping {
      var initialization = SimilarityInitialization()
      initialization.vocabulary = initVocabulary
      initialization.patience = initPatience
      initialization.seed = seed
      initialization.threads = threading.threads
      return initialization.train(source: source, target: target) { it, i in
        guard !quiet else { return }
        let line = CFormat.format("objective %.5f, keep %.3f", i.objective, Double(i.keep))
        Diagnostics.write("ner-translate: self-learning \(it): \(line), \(i.pairs) pairs\n")
      }
    }

    /// A line per refinement round on stderr, and the round kept.
    func report(_ result: [ProcrustesRefinement.Round], best: ProcrustesRefinement.Round) {
      for (i, round) in result.enumerated() {
        let what = round.pairs.isEmpty ? "start mapping" : "Procrustes on \(round.pairs.count) \(i == 0 ? "seed" : "induced") pairs"
        let score = round.criterion.map { CFormat.format(", criterion %.5f", $0) } ?? ""
        let heldOut = round.heldOut.map { CFormat.format(", held-out precision@1 %.2f", $0) } ?? ""
        Diagnostics.write("ner-translate: round \(i + 1): \(what)\(score)\(heldOut)\n")
      }
      if let i = result.firstIndex(where: { $0.mapping == best.mapping }) {
        let by = best.heldOut != nil ? "best held-out precision@1" : "best criterion"
        let again = i == 0 && best.heldOut != nil ? ", solved again on the whole seed" : ""
        Diagnostics.write("ner-translate: kept round \(i + 1) (\(by)\(again))\n")
      }
    }

    /// Writes the mapped vectors and/or the mapping.
    func write(_ mapping: LinearMapping, source: WordEmbeddings) throws {
      if let saveMapping {
        let out = try OutputTarget(path: saveMapping)
        try out.run { try out.buffer.write(MappingFile.text(mapping)) }
      }
      if output != nil || saveMapping == nil {
        let out = try OutputTarget(path: output)
        try out.run { try VecWriter.write(mapping.apply(to: source, threads: threading.threads), to: out.buffer, decimals: decimals) }
      }
    }
  }
}

/// The help of `align --threads`.
enum AlignThreads: ThreadsHelp {
  static let help = "Threads for the similarity passes (results do not depend on it)."
}

/// How refinement keeps a round, by the names `--keep-round` takes.
enum RoundChoice: String, ExpressibleByArgument, CaseIterable {
  case heldOut = "held-out"
  case criterion
}

/// Starts without a dictionary by the names `--init` takes.
enum InitChoice: String, ExpressibleByArgument, CaseIterable {
  case similarity
  /// The same as --identical.
  case identical
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
