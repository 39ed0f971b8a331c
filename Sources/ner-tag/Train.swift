import ArgumentParser
import NERCLI
import NERKit

extension NERTag {
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train a CRF (--kind linear, the default, or neural) on labelled sentences.",
      discussion: """
        Reads labelled CoNLL or JSONL (gold tags in the tag column or 'tags'), or CRFsuite \
        data with --from crfsuite, and writes the model atomically. A sentence's language \
        follows the suite's rule: LANG for an input written LANG=FILE, else its '# lang' \
        or JSONL 'lang', else --lang.

        --kind linear (the default) trains a linear-chain CRF over features: the \
        built-in NER features or CRF++ templates (--template), with a copy conjoined \
        with the language under --language-features. It minimizes -sum(weight x \
        log-likelihood) + c2 |w|^2 + c1 |w|_1 by L-BFGS (OWL-QN when c1 > 0) with \
        CRFsuite's defaults and stopping rules; state features are the (attribute, label) \
        pairs seen in training, as in CRFsuite. Progress: one line per iteration.

        --kind neural trains the character-level neural CRF of Lample et al. (2016) \
        with the cross-lingual sharing of Cotterell and Duh (2017): a character BiLSTM \
        and a word embedding (one table per language) per word, a sentence BiLSTM, a \
        tanh layer over its states and a language embedding, and a CRF; characters, \
        LSTMs and transitions are shared by all languages. It minimizes -sum(weight x \
        log-likelihood) by minibatch SGD or ADADELTA for --epochs passes, scoring --dev \
        after each and keeping the best epoch. Options marked (neural) apply to it only; \
        --template, --token-column, --column, --from crfsuite, --max-iterations and \
        --all-states to the linear CRF only (the other linear options are ignored; \
        --language-features is accepted: the network always has its language \
        embedding). Progress: one line per epoch (loss, seconds, dev F1).

        Zero-resource transfer (Bari et al. 2020): a language given --embeddings \
        LANG=FILE and no training sentence joins the neural model with its vectors \
        (up to --max-pretrained) and the language embedding of the first training \
        language, and 'ner-tag -m MODEL --lang LANG' tags it. With English vectors \
        mapped into the target's space ('ner-translate align ... --output en-L.vec') and \
        --freeze-embeddings, a model trained on English tags L (Cross-Word; \
        --share-directions gives Cross-Shared, --no-char-lstm leaves the character \
        BiLSTM out).

        Converse attention transfer (CAN, neural): with --transfer-model EN.model (a \
        neural model of English, trained by this command) and --transfer-dictionary \
        X-en.txt, each sentence is translated into English word by word (as \
        ner-translate does; --source-embeddings and --target-embeddings choose among \
        several translations), the English model's sentence BiLSTM runs over the \
        translation, and its states R, brought to each word as T = A R, join the model's \
        own states under the tag layer (with --transfer-into input, its sentence \
        BiLSTM's input instead). A, the attention of the words over the English \
        words, is --attention alignment (each word attends to the words its translation \
        gave) or embedding (softmax over the English words within --attention-window of \
        cosine / --attention-temperature minus the distance from the word's translation; \
        the vectors in one space); --transfer-dropout drops T's values while training, \
        as --dropout does the input's, or with --transfer-dropout-unit token (sentence) \
        a token's (a sentence's) English features at once, so the model learns to tag \
        without them too. The English model is not trained; it, the \
        dictionary and the vectors travel in the model, so 'ner-tag -m MODEL' tags as any model \
        does. 'ner-translate --attention' shows what a word attends to.

        Self-training (either kind): with --unlabelled, the trained model (or \
        --start-model) labels the unlabelled sentences; each of --rounds rounds draws a \
        length threshold l, the length of one of them drawn at random (unless \
        --no-length-threshold: Bari et al. draw l between the shortest and the longest \
        length, which keeps nearly every sentence when a few are very long), keeps the sentences of at most l tokens whose \
        confidence reaches --min-confidence, and trains on them (weight \
        --pseudo-weight) together with the labelled data; with \
        --min-token-confidence a label whose marginal probability is below it is left \
        free (the sentence trains on every labelling that agrees with its other \
        labels): the neural CRF goes on \
        training its network for --round-epochs epochs (Bari et al.'s augmented \
        fine-tuning, with one network), the linear CRF trains anew. Labels are made \
        anew each round; with --dev the best round (the starting model included) is \
        kept.

        -m/--model names the model file here as in 'ner-tag tag'. The spellings of \
        earlier versions, --model-file FILE and --model linear|neural for the kind, \
        still work and print a deprecation note.

        EXAMPLES:
          ner-tag train -m es.model es.train
          ner-tag train --c1 0.1 --c2 0.1 --max-iterations 100 --dev es.dev -m es.model es.train
          ner-tag train --language-features --weight ru=0.3 -m uk.model uk=uk.train ru=ru.train
          ner-tag train --template crfpp.template --tag-scheme iobes -m en.model en.train
          ner-tag train --kind neural --epochs 30 --dev es.dev -m es.model es.train
          ner-tag train --kind neural --embeddings uk=uk.vec --weight ru=0.3 -m uk.model uk=uk.train ru=ru.train
          ner-tag train --kind neural --lower --freeze-embeddings --embeddings en=en-mapped.vec --embeddings es=es.vec -m cross.model en=en.train
          ner-tag train --kind neural --lower --freeze-embeddings --embeddings en=en-mapped.vec --embeddings es=es.vec --unlabelled es=es.test -m augmented.model en=en.train
          ner-tag train --start-model es.model --unlabelled es.test --rounds 2 --min-confidence 0.9 -m es.self.model es.train
          ner-tag train --kind neural --transfer-model en.model --transfer-dictionary es-en.txt --dev es.dev -m es-can.model es=es.train
          ner-tag train --kind neural --transfer-model en.model --transfer-dictionary es-en.txt --attention embedding --source-embeddings es-mapped.vec --target-embeddings en.vec -m es-can.model es=es.train
        """)

    @Option(name: [.short, .long], help: ArgumentHelp("The model file to write.", valueName: "file"))
    var model: [String] = []

    @Option(name: .customLong("model-file"), help: .hidden)
    var modelFile: String?

    @Option(help: "The kind of model: linear (a CRF over features) or neural (a character-level BiLSTM-CRF).")
    var kind: ModelKind?

    @Argument(help: ArgumentHelp("Labelled inputs, each FILE or LANG=FILE; none or '-' reads standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Input format: auto, conll, jsonl or crfsuite (CRFsuite's data format, as 'ner-tag features' writes it).")
    var from: LabelledFormat = .auto

    @Option(help: "Language of sentences that give none (after LANG=FILE and '# lang').")
    var lang: String?

    @Option(name: .customLong("weight"), help: ArgumentHelp("Scale the log-likelihood of language LANG by MU; repeatable.", valueName: "LANG=MU"))
    var weights: [String] = []

    @Option(help: "Train in this tag scheme (iob1, iob2, iobes, bilou, io); predictions are converted back to the input's.")
    var tagScheme: TagScheme?

    @Option(help: "Threads to train with (default: all cores); the model is the same for any number.")
    var threads: Int = BatchWorkers<Int>.processorCount

    @Option(help: ArgumentHelp("Labelled development data, scored as training goes; the best model is kept.", valueName: "file"))
    var dev: String?

    @Option(help: "Stop after this many development scores without improvement (default: 3; neural: 5 epochs).")
    var patience: Int?

    @OptionGroup(title: "Linear CRF options") var linear: LinearOptions

    @OptionGroup(title: "Neural CRF options") var neural: NeuralOptions

    @OptionGroup(title: "Converse attention transfer (neural)") var transfer: TransferOptions

    @OptionGroup(title: "Self-training options") var selfTraining: SelfTrainingOptions

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
      if threads < 1 { throw ValidationError("--threads needs a positive number.") }
      if (patience ?? 1) < 1 { throw ValidationError("--patience needs a positive number.") }
      if from == .crfsuite && linear.features.readsColumns {
        throw ValidationError("--from crfsuite reads attributes; --template, --token-column and --column do not apply.")
      }
      _ = try target()
    }

    /// The model file and kind, from -m/--model and the deprecated --model-file and
    /// --model linear|neural.
    func target() throws -> (file: String, kind: ModelKind, deprecated: [String]) {
      var files = model.filter { ModelKind(argument: $0) == nil }
      let kinds = model.compactMap { ModelKind(argument: $0) }
      var notes = kinds.map { "--model \($0.name) is deprecated: use --kind \($0.name)" }
      if let f = modelFile {
        files.append(f)
        notes.append("--model-file is deprecated: use -m/--model")
      }
      guard files.count == 1 else {
        throw ValidationError(files.isEmpty ? "Missing the model file: -m/--model FILE." : "Give one model file (-m/--model), not \(files.count).")
      }
      guard kinds.count + (kind == nil ? 0 : 1) <= 1 else { throw ValidationError("Give the kind once, with --kind.") }
      let chosen = kind ?? kinds.first ?? .linear
      if chosen != .linear, !linear.given.isEmpty {
        throw ValidationError("--kind \(chosen.name) reads tokens: \((linear.given + (from == .crfsuite ? ["--from crfsuite"] : [])).joined(separator: ", ")) do not apply.")
      }
      if chosen != .linear, from == .crfsuite { throw ValidationError("--kind \(chosen.name) reads tokens: --from crfsuite does not apply.") }
      if chosen.name != NeuralCRF.kind, !transfer.given.isEmpty {
        throw ValidationError("\(transfer.given.joined(separator: ", ")): a transfer source is for --kind neural.")
      }
      if selfTraining.startModel != nil, !transfer.given.isEmpty {
        throw ValidationError("\(transfer.given.joined(separator: ", ")): the --start-model keeps its own transfer source.")
      }
      return (files[0], chosen, notes)
    }

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        try LanguageOption.checkModelLanguage(lang)
        let started = Clock.now
        let (file, kind, deprecated) = try target()
        for note in deprecated { Diagnostics.write("ner-tag: warning: \(note)\n") }
        let report = ProgressReport(quiet: quiet, maxIterations: kind == .linear ? linear.maxIterations : neural.epochs)
        var corpus = LabelledCorpus(trainingScheme: tagScheme)
        try LabelledData.read(inputs, format: from, language: lang, weights: try keyedNumbers(weights, option: "--weight"), into: &corpus)
        guard corpus.count > 0 else {
          let names = LabelledInput.arguments(inputs).map { $0.path == "-" ? "<stdin>" : $0.path }
          throw ToolFailure(file: names.joined(separator: ", "), "no labelled sentences to train on", status: ExitStatus.dataError)
        }
        let development = try dev.map { path -> DevelopmentSet in
          var d = LabelledCorpus(trainingScheme: nil)
          try LabelledData.read([path], format: from, language: lang, purpose: "score against", into: &d)
          return DevelopmentSet(d, threads: threads)
        }
        if kind.name == NeuralCRF.kind { try neural.checkLanguages(corpus) }
        let trainer = try self.trainer(kind, note: report.note)
        report.note("read \(corpus.count) sentences in \(Clock.format(Clock.now - started))")
        let log = TrainingLog(step: report.iteration, note: report.note)
        var trained = try startingModel(kind) ?? trainer.train(corpus, development: development, log: log)
        if let rounds = selfTraining.selfTraining(seed: neural.seed, threads: threads) {
          let unlabelled = try LabelledData.readUnlabelled(selfTraining.unlabelled, format: from, language: lang)
          guard !unlabelled.isEmpty else {
            throw ToolFailure(file: selfTraining.unlabelled.joined(separator: ", "), "no sentences to self-train on", status: ExitStatus.dataError)
          }
          trained = try rounds.run(from: trained, trainer: trainer, corpus: corpus, unlabelled: unlabelled, development: development, log: log)
        }
        try ModelIO.save(trained, to: file)
      }
    }

    /// The model of --start-model, checked to be of `kind`.
    func startingModel(_ kind: ModelKind) throws -> TrainedModel? {
      guard let path = selfTraining.startModel else { return nil }
      let m = try ModelIO.load(path)
      guard m.kind == kind.name else {
        throw ToolFailure(file: path, "a \(m.kind) model, but --kind is \(kind.name)", status: ExitStatus.usage)
      }
      return m
    }

    /// The trainer of a kind, from its option group: one case a kind.
    func trainer(_ kind: ModelKind, note: (String) -> Void) throws -> ModelTrainer {
      switch kind.name {
      case LinearCRF.kind: return try linear.trainer(threads: threads, patience: patience)
      case NeuralCRF.kind:
        var t = try neural.trainer(threads: threads, patience: patience, note: note)
        t.transfer = try transfer.source(maxVocab: neural.maxPretrained, note: note)
        t.options.transferDropout = transfer.transferDropout
        t.options.transferDropoutUnit = transfer.transferDropoutUnit
        return t
      default: throw ToolFailure("no trainer for --kind \(kind.name)", status: ExitStatus.usage)
      }
    }
  }
}
