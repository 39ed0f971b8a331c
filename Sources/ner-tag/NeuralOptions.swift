import ArgumentParser
import NERCLI
import NERKit

/// Which model `ner-tag train` learns: one of ``ModelKinds``.
struct ModelKind: ExpressibleByArgument, Equatable {
  let name: String

  init?(argument: String) {
    guard ModelKinds.named(argument) != nil else { return nil }
    name = argument
  }

  static var allValueStrings: [String] { ModelKinds.names }
  static let linear = ModelKind(argument: LinearCRF.kind)!
}

extension NeuralOptimizerKind: ExpressibleByArgument {}

/// The options of `ner-tag train --kind neural` (defaults: Lample et al. 2016).
struct NeuralOptions: ParsableArguments {
  @Option(help: "(neural) Passes over the training data.")
  var epochs: Int = 50

  @Option(help: "(neural) Sentences per minibatch (each minibatch is split into 2 fixed halves computed in parallel).")
  var batchSize: Int = 10

  @Option(help: "(neural) sgd (with momentum) or adadelta.")
  var optimizer: NeuralOptimizerKind = .sgd

  @Option(help: "(neural) Learning rate (default: 0.01 for sgd, 1 for adadelta).")
  var learningRate: Double?

  @Option(help: "(neural) Momentum of sgd.")
  var momentum: Double = 0.9

  @Option(help: "(neural) Clip each minibatch's gradient to this Euclidean norm (0: no clipping).")
  var clip: Double = 5.0

  @Option(help: "(neural) Learning rate decay: epoch e (from 0) uses lr / (1 + decay x e).")
  var decay: Double = 0.05

  @Option(help: "(neural) Dropout rate on the sentence LSTM's input.")
  var dropout: Double = 0.5

  @Option(help: "(neural) Epochs of each self-training round (--unlabelled), going on from the network so far.")
  var roundEpochs: Int = 5

  @Option(help: "(neural) Random seed (initialization, shuffling, dropout); the model is the same for any --threads.")
  var seed: UInt64 = 1

  @Option(help: "(neural) Character embedding size. The character LSTM reads a word's first and last 30 characters (all of a word of up to 60).")
  var charDim: Int = 25

  @Option(help: "(neural) Character LSTM size per direction.")
  var charHidden: Int = 25

  @Option(help: "(neural) Word embedding size (default 100, or the size of the --embeddings vectors).")
  var wordDim: Int?

  @Option(help: "(neural) Sentence LSTM size per direction (also the size of the tanh layer under the tags).")
  var hidden: Int = 100

  @Option(help: "(neural) Stacked sentence BiLSTM layers (Cotterell and Duh 2017 use 2 of 200 units).")
  var layers: Int = 1

  @Option(help: "(neural) Language embedding size.")
  var languageDim: Int = 8

  @Option(help: ArgumentHelp("(neural) Initialize language LANG's word embeddings from a fastText .vec file; repeatable. A language with vectors and no training sentence is tagged zero-shot ('ner-tag -m MODEL --lang LANG'): with the vectors mapped into one space ('ner-translate align') and --freeze-embeddings, a model trained on one language tags another.", valueName: "LANG=FILE"))
  var embeddings: [String] = []

  @Option(help: "(neural) Words taken from each .vec file besides the training words (the file's first ones).")
  var maxPretrained: Int = 100_000

  @Flag(help: "(neural) Do not train the pretrained embeddings (the vocabulary is then the .vec file's; other words are unknown).")
  var freezeEmbeddings = false

  @Flag(help: "(neural) Tie the forward and backward LSTMs' weights (order-invariant features).")
  var shareDirections = false

  @Flag(help: "(neural) Give each language a sentence BiLSTM of its own beside the shared one (its states join the shared ones under the tag layer); a language without training sentences starts from a copy of the first language's.")
  var languageEncoders = false

  @Flag(name: .customLong("no-char-lstm"), help: "(neural) Leave out the character BiLSTM: a word is its embedding alone.")
  var noCharacterLSTM = false

  @Flag(help: "(neural) Lowercase words before looking up their embedding (characters keep their case).")
  var lower = false

  @Flag(help: "(neural) Replace decimal digits by 0 before looking up a word's embedding.")
  var maskDigits = false

  func validate() throws {
    if epochs < 1 || roundEpochs < 1 || batchSize < 1 || charDim < 1 || charHidden < 1 || hidden < 1 || languageDim < 0 || maxPretrained < 0 {
      throw ValidationError("--epochs, --round-epochs, --batch-size, --char-dim, --char-hidden and --hidden need positive numbers.")
    }
    if !(1...100).contains(layers) { throw ValidationError("--layers must be in 1...100.") }
    if let w = wordDim, w < 1 { throw ValidationError("--word-dim needs a positive number.") }
    if !(0..<1).contains(dropout) { throw ValidationError("--dropout must be in [0, 1).") }
    if let r = learningRate, !(r > 0) { throw ValidationError("--learning-rate must be positive.") }
    if momentum < 0 || momentum >= 1 || clip < 0 || decay < 0 {
      throw ValidationError("--momentum must be in [0, 1); --clip and --decay must be >= 0.")
    }
    if freezeEmbeddings && embeddings.isEmpty { throw ValidationError("--freeze-embeddings needs --embeddings.") }
  }

  var configuration: NeuralConfiguration {
    var c = NeuralConfiguration()
    c.charDim = charDim
    c.charHidden = charHidden
    c.wordDim = wordDim ?? 100
    c.hidden = hidden
    c.layers = layers
    c.languageDim = languageDim
    c.shareDirections = shareDirections
    c.lower = lower
    c.maskDigits = maskDigits
    c.characterFeatures = !noCharacterLSTM
    c.languageEncoders = languageEncoders
    return c
  }

  /// Refuses vectors of a language without training sentences when some sentences have
  /// no language: that language would be tagged zero-shot while the sentences it was
  /// meant for train without vectors.
  func checkLanguages(_ corpus: LabelledCorpus) throws {
    guard corpus.languages.contains("") else { return }
    for item in embeddings {
      guard let language = LabelledInput(item).language, !corpus.languages.contains(language) else { continue }
      throw ToolFailure("--embeddings \(item): no training sentence is in language '\(language)', and some have no language; give the inputs' language (\(language)=FILE or --lang \(language)), or give every input one to tag '\(language)' zero-shot", status: ExitStatus.usage)
    }
  }

  /// The trainer these options describe, with the --embeddings vectors read (each
  /// LANG=FILE; all of one size, which must agree with --word-dim when given).
  func trainer(threads: Int, patience: Int?, note: (String) -> Void) throws -> NeuralModelTrainer {
    var t = NeuralModelTrainer()
    t.configuration = configuration
    t.maxPretrained = maxPretrained
    t.roundEpochs = roundEpochs
    var first: (String, WordEmbeddings)?
    for item in embeddings {
      let argument = LabelledInput(item)
      guard let language = argument.language else {
        throw ToolFailure("--embeddings wants LANG=FILE, not '\(item)'", status: ExitStatus.usage)
      }
      let file = try InputFile(path: argument.path)
      let e = try file.located { try file.readEmbeddings(maxVocab: maxPretrained) }
      if let d = wordDim, d != e.dimension {
        throw ToolFailure(file: file.name, "vectors of \(e.dimension) dimensions, but --word-dim is \(d)", status: ExitStatus.usage)
      }
      if let (otherName, other) = first, other.dimension != e.dimension {
        throw ToolFailure(file: file.name, "vectors of \(e.dimension) dimensions; the --embeddings file \(otherName) has \(other.dimension)", status: ExitStatus.dataError)
      }
      if first == nil { first = (file.name, e) }
      t.pretrained[language] = e
      note("\(file.name): \(e.count) vectors of \(e.dimension) dimensions")
    }
    var o = NeuralTrainer.Options()
    o.epochs = epochs
    o.batchSize = batchSize
    o.optimizer = optimizer
    o.learningRate = learningRate
    o.momentum = momentum
    o.clip = clip
    o.decay = decay
    o.dropout = dropout
    o.seed = seed
    o.threads = threads
    o.patience = patience ?? 5
    o.frozen = freezeEmbeddings ? Set(t.pretrained.keys) : []
    t.options = o
    return t
  }
}
