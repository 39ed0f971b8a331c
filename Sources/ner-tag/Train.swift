import ArgumentParser
import NERCLI
import NERKit

#if canImport(Glibc)
import Glibc
#endif

extension NERTag {
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train a CRF (linear, or neural with --model neural) on labelled sentences.",
      discussion: """
        Reads labelled CoNLL or JSONL (gold tags in the tag column or 'tags'), or CRFsuite \
        data with --from crfsuite, and writes the model atomically. Each input's language \
        is LANG for an input written LANG=FILE, else each sentence's '# lang' or JSONL \
        'lang', else --lang. Training minimizes -sum(weight x log-likelihood) + c2 |w|^2 \
        + c1 |w|_1 by L-BFGS (OWL-QN when c1 > 0) with CRFsuite's defaults and stopping \
        rules; state features are the (attribute, label) pairs seen in training, as in \
        CRFsuite. Progress goes to stderr, one line per iteration.

        --model neural trains the character-level neural CRF of Lample et al. (2016) \
        with the cross-lingual sharing of Cotterell and Duh (2017): a character BiLSTM \
        and a word embedding (one table per language) per word, a sentence BiLSTM, a \
        tanh layer over its states and a language embedding, and a CRF; characters, \
        LSTMs and transitions are shared by all languages. It minimizes -sum(weight x \
        log-likelihood) by minibatch SGD or ADADELTA for --epochs passes, scoring --dev \
        after each and keeping the best epoch; options marked (neural) apply to it only, \
        and --template, --column, --token-column, --from crfsuite, --c1, --c2 and the \
        L-BFGS options to the linear CRF only (--language-features is accepted: the \
        network always has its language embedding). Progress: one line per epoch (loss, \
        seconds, dev F1).

        EXAMPLES:
          ner-tag train -m es.model es.train
          ner-tag train --c1 0.1 --c2 0.1 --max-iterations 100 --dev es.dev -m es.model es.train
          ner-tag train --language-features --weight ru=0.3 -m uk.model uk=uk.train ru=ru.train
          ner-tag train --template crfpp.template --tag-scheme iobes -m en.model en.train
          ner-tag train --model neural --epochs 30 --dev es.dev -m es.model es.train
          ner-tag train --model neural --embeddings uk=uk.vec --weight ru=0.3 -m uk.model uk=uk.train ru=ru.train
        """)

    @Option(name: [.short, .customLong("model-file")], help: ArgumentHelp("The model file to write.", valueName: "file"))
    var model: String

    @Option(name: .customLong("model"), help: "The kind of model: linear (a CRF over features) or neural (a character-level BiLSTM-CRF).")
    var kind: ModelKind = .linear

    @Argument(help: ArgumentHelp("Labelled inputs, each FILE or LANG=FILE; none or '-' reads standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Input format: auto, conll, jsonl or crfsuite (CRFsuite's data format, as 'ner-tag features' writes it).")
    var from: DataFormat = .auto

    @Option(help: "Language of inputs and sentences that give none.")
    var lang: String?

    @OptionGroup var features: FeatureOptions

    @Option(name: .customLong("weight"), help: ArgumentHelp("Scale the log-likelihood of language LANG by MU; repeatable.", valueName: "LANG=MU"))
    var weights: [String] = []

    @Option(help: "Train in this tag scheme (iob1, iob2, iobes, bilou, io); predictions are converted back to the input's.")
    var tagScheme: TagScheme?

    @Option(help: "Coefficient of the L1 term (OWL-QN when positive).")
    var c1: Double = 0

    @Option(help: "Coefficient of the L2 term.")
    var c2: Double = 1

    @Option(help: "Stop after this many iterations.")
    var maxIterations: Int?

    @Option(help: "Stop when |gradient| / max(1, |w|) falls below this.")
    var epsilon: Double = 1e-5

    @Option(help: "Iterations over which the objective must improve by --delta.")
    var period: Int = 10

    @Option(help: "Stop when the objective improved by less than this fraction over --period iterations.")
    var delta: Double = 1e-5

    @Option(help: "Corrections L-BFGS keeps.")
    var memories: Int = 6

    @Option(help: "Drop features seen fewer times than this.")
    var minFreq: Int = 1

    @Flag(help: "State features for every (attribute, label) pair, not only those seen in training.")
    var allStates = false

    @Option(help: "Threads to compute the gradient with (default: all cores); the model is the same for any number.")
    var threads: Int = BatchWorkers<Int>.processorCount

    @Option(help: ArgumentHelp("Labelled development data, scored every --dev-every iterations; the best model is kept.", valueName: "file"))
    var dev: String?

    @Option(help: "Iterations between development scores.")
    var devEvery: Int = 10

    @Option(help: "Stop after this many development scores without improvement (default: 3; neural: 5 epochs).")
    var patience: Int?

    @OptionGroup(title: "Neural CRF options") var neural: NeuralOptions

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
      if c1 < 0 || c2 < 0 { throw ValidationError("--c1 and --c2 must be >= 0.") }
      if threads < 1 { throw ValidationError("--threads needs a positive number.") }
      if memories < 1 || period < 0 || minFreq < 1 || devEvery < 1 || (patience ?? 1) < 1 {
        throw ValidationError("--memories, --min-freq, --dev-every and --patience need positive numbers.")
      }
      if let m = maxIterations, m < 1 { throw ValidationError("--max-iterations needs a positive number.") }
      if from == .crfsuite && features.readsColumns {
        throw ValidationError("--from crfsuite reads attributes; --template, --token-column and --column do not apply.")
      }
      if kind == .neural {
        if from == .crfsuite || features.readsColumns || maxIterations != nil || allStates {
          throw ValidationError("--model neural reads tokens: --from crfsuite, --template, --token-column, --column, --max-iterations and --all-states do not apply.")
        }
      }
    }

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        let started = Clock.now
        if kind == .neural { return try trainNeural(started: started) }
        let patience = self.patience ?? 3
        let muByLanguage = try keyedNumbers(weights, option: "--weight")
        let featureSet = try features.featureSet()
        var corpus = TrainingCorpus(featureSet: featureSet, trainingScheme: tagScheme)
        let workers = BatchWorkers(threads: threads) { featureSet }
        for argument in InputFile.paths(inputs) {
          let input = LabelledInput(argument)
          let file = try InputFile(path: input.path)
          if from == .crfsuite {
            try readCRFsuite(file) { labels, items, line in
              let language = input.language ?? lang
              try corpus.add(attributes: items, labels: labels, language: language,
                             weight: muByLanguage[language ?? ""] ?? 1, line: line)
            }
            continue
          }
          let reader = try file.recordReader(try file.detect(from.inputFormat))
          try file.located {
            var batch: [(Sentence, String?)] = []
            var done = false
            while !done {
              batch.removeAll(keepingCapacity: true)
              while batch.count < 256 {
                guard let record = try reader.next() else { done = true; break }
                if case .sentence(let s) = record, s.count > 0 {
                  batch.append((s, input.language ?? s.metadata("lang") ?? lang))
                }
              }
              let computed = workers.map(batch) { fs, item in Result { try fs.features(item.0, language: item.1) } }
              for ((s, language), f) in zip(batch, computed) {
                try corpus.add(s, features: try f.get(), language: language, weight: muByLanguage[language ?? ""] ?? 1)
              }
            }
          }
        }
        guard corpus.set.count > 0 else { throw ToolFailure("no labelled sentences to train on", status: ExitStatus.dataError) }
        let devSet = try dev.map { path in
          try DevelopmentSet(readLabelled(path: path, from: from, language: lang, featureSet: featureSet, workers: workers))
        }
        let report = ProgressReport(quiet: quiet, maxIterations: maxIterations)
        report.note("\(corpus.set.count) sentences, \(corpus.tokenCount) tokens, \(corpus.set.attributeNames.count) attributes, \(corpus.set.labels.count) labels; read in \(Clock.format(Clock.now - started))")

        var options = CRFTrainer.Options()
        options.c1 = c1
        options.c2 = c2
        options.minFrequency = minFreq
        options.allStates = allStates
        options.threads = threads
        options.optimizer.epsilon = epsilon
        options.optimizer.period = period
        options.optimizer.delta = delta
        options.optimizer.memories = memories
        options.optimizer.maxIterations = maxIterations ?? Int.max
        let metadata = corpus.metadata
        var best: (f1: Double, iteration: Int, tagger: CRFTagger)?
        var sinceBest = 0
        let trainStart = Clock.now
        let (tagger, stop) = CRFTrainer.train(corpus.set, options: options) { p, current in
          var line = "iteration \(p.iteration): loss \(Clock.number(p.objective)), active \(p.activeWeights), |g| \(Clock.number(p.gradientNorm)), \(Clock.format(Clock.now - trainStart))"
          var keepGoing = true
          if let devSet, p.iteration % devEvery == 0 {
            let snapshot = current()
            let f1 = devSet.f1(SequenceTagger(ModelFile.Contents(metadata: metadata, tagger: snapshot), featureSet: featureSet))
            line += ", dev F1 \(CFormat.format("%.2f", f1))"
            if best == nil || f1 > best!.f1 {
              best = (f1, p.iteration, snapshot)
              sinceBest = 0
            } else {
              sinceBest += 1
              if sinceBest >= patience { keepGoing = false }
            }
          }
          report.iteration(p.iteration, line)
          return keepGoing
        }
        var final = tagger
        if let devSet {
          let f1 = devSet.f1(SequenceTagger(ModelFile.Contents(metadata: metadata, tagger: tagger), featureSet: featureSet))
          if best == nil || f1 > best!.f1 { best = (f1, -1, tagger) }
          final = best!.tagger
          report.note("kept the model of \(best!.iteration < 0 ? "the last iteration" : "iteration \(best!.iteration)"): dev F1 \(CFormat.format("%.2f", best!.f1))")
        }
        report.note("stopped: \(Self.describe(stop)); trained in \(Clock.format(Clock.now - trainStart))")
        try ModelIO.save(ModelFile.Contents(metadata: metadata, tagger: final), to: model)
      }
    }

    static func describe(_ stop: LBFGS.Stop) -> String {
      switch stop {
      case .converged: return "converged (gradient below --epsilon)"
      case .noImprovement: return "no improvement over --period iterations (--delta)"
      case .maxIterations: return "--max-iterations reached"
      case .lineSearchFailed: return "line search failed (the model so far is kept)"
      case .stopped: return "early stopping on the development data"
      }
    }
  }
}
