import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Labelled sentences for a neural CRF: tokens, label ids, language and weight, and the
/// vocabularies a model is built from.
public struct NeuralCorpus: Sendable {
  public let labels: [String]
  public private(set) var languages: [String] = []
  private var languageIndex: [String: Int] = [:]
  var sentences: [(tokens: [String], labels: [Int], language: Int, weight: Double)] = []

  /// An empty corpus over these labels (label ids index it).
  public init(labels: [String]) { self.labels = labels }

  public var count: Int { sentences.count }

  /// Adds a sentence; `labels` are ids into ``labels``.
  public mutating func add(tokens: [String], labels: [Int], language: String, weight: Double) {
    guard !tokens.isEmpty else { return }
    let l: Int
    if let i = languageIndex[language] {
      l = i
    } else {
      l = languages.count
      languageIndex[language] = l
      languages.append(language)
    }
    sentences.append((tokens, labels, l, weight))
  }

  /// The languages of pretrained vectors without a training sentence, in name order:
  /// a model built with them tags them zero-shot, through their vectors alone.
  public func zeroShotLanguages(_ pretrained: [String: WordEmbeddings]) -> [String] {
    pretrained.keys.filter { languageIndex[$0] == nil }.sorted()
  }

  /// A model over this corpus's characters and labels, its languages the corpus's
  /// followed by ``zeroShotLanguages(_:)``, its vocabulary per language the training
  /// words (normalized as `configuration` says) plus, with pretrained vectors, their
  /// first `maxPretrained` words; with a language frozen, its vocabulary is the
  /// pretrained words only; with `transfer`, English features join the states under
  /// the tag layer (``ConverseTransfer``).
  public func makeModel(configuration: NeuralConfiguration, pretrained: [String: WordEmbeddings] = [:],
                        frozen: Set<String> = [], maxPretrained: Int = 100_000, transfer: ConverseTransfer? = nil,
                        seed: UInt64) -> NeuralCRF {
    var chars: [UInt32] = []
    var seenChars = Set<UInt32>()
    let languages = self.languages + zeroShotLanguages(pretrained)
    var vocab = [[String]](repeating: [], count: languages.count)
    var seenWords = [Set<String>](repeating: [], count: languages.count)
    for (l, language) in languages.enumerated() {
      if let e = pretrained[language] {
        for i in 0..<min(e.count, maxPretrained) where seenWords[l].insert(e.words[i]).inserted { vocab[l].append(e.words[i]) }
      }
    }
    for s in sentences {
      for t in s.tokens {
        for c in NeuralCRF.readCharacters(of: t) where seenChars.insert(c.value).inserted { chars.append(c.value) }
        guard !(frozen.contains(languages[s.language]) && pretrained[languages[s.language]] != nil) else { continue }
        let w = NeuralCRF.normalize(t, lower: configuration.lower, maskDigits: configuration.maskDigits)
        if seenWords[s.language].insert(w).inserted { vocab[s.language].append(w) }
      }
    }
    return NeuralCRF(configuration: configuration, labels: labels, languages: languages, characters: chars,
                     vocabularies: vocab, pretrained: pretrained, transfer: transfer, seed: seed)
  }

  /// The sentences as a model reads them, with singletons marked (and their transfer
  /// features, computed once here, on the cores when `threads` > 1).
  func encoded(for model: NeuralCRF, threads: Int = 1) -> [EncodedSentence] {
    var counts = [[String: Int]](repeating: [:], count: languages.count)
    for s in sentences {
      for t in s.tokens { counts[s.language][model.normalizedWord(t), default: 0] += 1 }
    }
    var encoded = sentences.enumerated().map { (k, s) in
      var e = model.encode(s.tokens, language: languages[s.language])
      e.labels = s.labels
      e.weight = Float(s.weight)
      e.singletons = s.tokens.map { counts[s.language][model.normalizedWord($0)] == 1 }
      e.id = k
      return e
    }
    model.attachTransfer(&encoded, sentences.map(\.tokens), threads: threads)
    return encoded
  }
}

/// Trains a ``NeuralCRF`` by minibatch gradient descent on the weighted negative
/// log-likelihood.
///
/// Each minibatch is cut into ``shardCount`` fixed shards (contiguous, sizes differing by
/// at most one); each shard's gradient is computed on its own (on its own thread when
/// there are two), and the shards' gradients are summed in shard order, so training
/// gives the same model bits for any number of threads. The gradient is clipped to a
/// Euclidean norm of at most `clip`, then the optimizer steps with learning rate
/// lr / (1 + decay × epoch) (epoch counted from 0).
public enum NeuralTrainer {
  public static let shardCount = 2

  public struct Options: Sendable {
    public var epochs = 50
    public var batchSize = 10
    public var optimizer = NeuralOptimizerKind.sgd
    /// nil: 0.01 for SGD, 1 for ADADELTA.
    public var learningRate: Double?
    public var momentum = 0.9
    public var clip = 5.0
    public var decay = 0.05
    public var dropout = 0.5
    /// Dropout on the transfer features (a ``ConverseTransfer``'s columns), 0 for none.
    public var transferDropout = 0.0
    /// What one draw of ``transferDropout`` drops.
    public var transferDropoutUnit = TransferDropoutUnit.value
    public var seed: UInt64 = 1
    public var threads = 2
    /// Epochs without a better development score before stopping.
    public var patience = 5
    /// Languages whose pretrained embeddings are not trained.
    public var frozen: Set<String> = []

    public init() {}

    var rate: Double { learningRate ?? (optimizer == .sgd ? 0.01 : 1) }
  }

  /// What an epoch gave.
  public struct Progress: Sendable {
    public var epoch: Int
    /// The mean weighted negative log-likelihood per sentence, with dropout.
    public var loss: Double
    public var seconds: Double
    public var devF1: Double?
  }

  /// Trains `model` on `corpus`; after each epoch `evaluate` (if given) scores the model
  /// on development data, and the best-scoring epoch's model is the result, training
  /// stopping after `patience` epochs without improvement. `report` sees every epoch
  /// and may stop training by returning false.
  public static func train(_ model: NeuralCRF, corpus: NeuralCorpus, options: Options,
                           evaluate: ((NeuralCRF) -> Double)? = nil,
                           report: (Progress) -> Bool = { _ in true }) -> (model: NeuralCRF, bestEpoch: Int?) {
    var model = model
    let data = corpus.encoded(for: model, threads: options.threads)
    let frozen = model.languages.map { options.frozen.contains($0) }
    var optimizer = ModelOptimizer(kind: options.optimizer, model: model, momentum: Float(options.momentum))
    let grads = (0..<shardCount).map { _ in
      Gradient(parameterCount: model.parameters.count, wordDim: model.configuration.wordDim, frozen: frozen)
    }
    var stopping = EarlyStopping<NeuralCRF>(patience: options.patience)
    var goOnScoring = true
    for epoch in 0..<options.epochs {
      let started = DispatchTime.now().uptimeNanoseconds
      var rng = SeededRandom(options.seed, 2, UInt64(epoch))
      var order = Array(data.indices)
      order.shuffle(using: &rng)
      let dropout = options.dropout > 0 || options.transferDropout > 0
        ? Dropout(rate: Float(options.dropout), seed: options.seed, epoch: UInt64(epoch), transferRate: Float(options.transferDropout),
                  transferUnit: options.transferDropoutUnit) : nil
      let lr = Float(options.rate / (1 + options.decay * Double(epoch)))
      var total = 0.0
      var start = 0
      while start < order.count {
        let batch = order[start..<min(order.count, start + options.batchSize)].map { data[$0] }
        start += options.batchSize
        total += gradient(model, batch, dropout: dropout, grads: grads, threads: options.threads)
        let g = grads[0]
        for k in 1..<shardCount { g.add(grads[k]) }
        let norm = g.squaredNorm.squareRoot()
        if options.clip > 0 && norm > options.clip { g.scale(Float(options.clip / norm)) }
        optimizer.step(&model, g, learningRate: lr)
      }
      var progress = Progress(epoch: epoch + 1, loss: total / Double(max(data.count, 1)), seconds: 0)
      if let evaluate {
        let f1 = evaluate(model)
        progress.devF1 = f1
        goOnScoring = stopping.observe(f1, step: epoch + 1) { model }
      }
      progress.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      let goOn = report(progress)
      if !goOn || !goOnScoring { break }
    }
    if let best = stopping.best { return (best.model, best.step) }
    return (model, nil)
  }

  /// Computes the loss and per-shard gradients (reset first) of one minibatch.
  static func gradient(_ model: NeuralCRF, _ batch: [EncodedSentence], dropout: Dropout?, grads: [Gradient], threads: Int) -> Double {
    let n = batch.count
    let losses = UnsafeMutableBufferPointer<Double>.allocate(capacity: shardCount)
    losses.initialize(repeating: 0)
    defer { losses.deallocate() }
    model.parameters.withUnsafeBufferPointer { p in
      let base = UnsafeSendable(p.baseAddress!)
      let shards = FixedPartition.shares(n, parts: shardCount).map { Array(batch[$0]) }
      let work = UnsafeSendable(losses)
      let modelBox = UnsafeSendable(model)
      let gradsBox = UnsafeSendable(grads)
      let run: @Sendable (Int) -> Void = { k in
        let g = gradsBox.value[k]
        g.reset()
        guard !shards[k].isEmpty else { return }
        let pass = NetworkPass(model: modelBox.value, base.value, shards[k], dropout: dropout)
        work.value[k] = pass.lossAndGradient(into: g)
      }
      if threads > 1 {
        DispatchQueue.concurrentPerform(iterations: shardCount, execute: run)
      } else {
        for k in 0..<shardCount { run(k) }
      }
    }
    return losses.reduce(0, +)
  }
}

/// An ``Optimizer`` over a ``NeuralCRF``: one state for the shared weights, one per
/// language's embedding table (stepped only on the rows a gradient has).
struct ModelOptimizer {
  let rule: Optimizer
  var dense: OptimizerState
  var tables: [OptimizerState]

  init(kind: NeuralOptimizerKind, model: NeuralCRF, momentum: Float) {
    rule = Optimizer(kind: kind, momentum: momentum)
    dense = OptimizerState(kind: kind, count: model.parameters.count)
    tables = model.embeddings.map { OptimizerState(kind: kind, count: $0.count) }
  }

  /// Applies one step of `grad` to the model.
  mutating func step(_ model: inout NeuralCRF, _ grad: Gradient, learningRate lr: Float) {
    rule.step(&model.parameters, gradient: grad.dense.pointer, state: &dense, learningRate: lr)
    let E = grad.wordDim
    grad.rows.withUnsafeBufferPointer { rows in
      for (slot, key) in grad.keys.enumerated() {
        let l = key >> 32, row = key & 0xFFFF_FFFF
        rule.step(&model.embeddings[l], row: row, width: E, gradient: rows.baseAddress! + slot * E,
                  state: &tables[l], learningRate: lr)
      }
    }
  }
}
