/// Dropout settings of a training pass: each sentence draws its masks from its own
/// stream (seed, epoch, sentence number), so they do not depend on how the batch is split.
struct Dropout {
  var rate: Float
  var seed: UInt64
  var epoch: UInt64
  /// The rate on the transfer features (``NeuralConfiguration/transferWidth`` columns),
  /// drawn from the same streams: after the input's mask when T joins the states, as a
  /// feature source (before the mask) when it enters the input.
  var transferRate: Float = 0
  /// What one draw of ``transferRate`` drops: a value, a token's features or a
  /// sentence's.
  var transferUnit: TransferDropoutUnit = .value
}

extension Dropout {
  /// Transfer dropout over one sentence's T (`tokens` rows of `width` values, `row(i)`
  /// the first of row i): one draw of `stream` a value, a token or the sentence
  /// (``transferUnit``); a dropped value becomes 0, a kept one is scaled by
  /// 1 / (1 - rate).
  func dropTransfer(tokens n: Int, width: Int, stream: inout SeededRandom, row: (Int) -> UnsafeMutablePointer<Float>) {
    let keep = 1 / (1 - transferRate)
    switch transferUnit {
    case .value:
      for i in 0..<n {
        let t = row(i)
        for c in 0..<width { t[c] = stream.unit() < transferRate ? 0 : t[c] * keep }
      }
    case .token, .sentence:
      var drop = false
      for i in 0..<n {
        if transferUnit == .token || i == 0 { drop = stream.unit() < transferRate }
        let t = row(i)
        for c in 0..<width { t[c] = drop ? 0 : t[c] * keep }
      }
    }
  }
}

/// What transfer dropout drops at once (``NeuralTrainer/Options/transferDropoutUnit``).
public enum TransferDropoutUnit: String, CaseIterable, Sendable {
  /// Each value on its own, as input dropout does.
  case value
  /// All of a token's transfer features.
  case token
  /// All of a sentence's: the tagger then trains on that sentence as if it had no
  /// transfer source, so its own features cannot lean on the English ones.
  case sentence
}

/// The input layer of the sentence BiLSTM: each token's feature sources side by side
/// (tokens × ``NeuralConfiguration/wordInput``), then, while training, dropout (kept
/// values are scaled by 1 / (1 - rate)).
struct TokenInput {
  let sources: [any TokenFeatureSource]
  /// Each source's first column.
  let offsets: [Int]
  let width: Int

  init(model: NeuralCRF) {
    let types = model.configuration.tokenFeatures
    sources = types.map { $0.init(model: model) }
    var offsets: [Int] = []
    var at = 0
    for t in types {
      offsets.append(at)
      at += t.width(model.configuration)
    }
    self.offsets = offsets
    width = at
  }

  /// What the backward pass needs.
  struct Run {
    /// The input after dropout, tokens × width, and the dropout mask.
    let x: FloatBuffer
    let mask: FloatBuffer?
    /// Each source's run.
    let sources: [Any]
  }

  func forward(_ p: UnsafePointer<Float>, _ batch: inout TokenBatch) -> Run {
    let x = FloatBuffer(batch.tokenCount * width)
    var runs: [Any] = []
    for (source, offset) in zip(sources, offsets) {
      runs.append(source.forward(p, &batch, into: TokenColumns(base: x.pointer, stride: width, offset: offset)))
    }
    // (A pass with transfer dropout only has a rate of 0 here: no mask.)
    let mask = batch.dropout.flatMap { $0.rate > 0 ? applyDropout($0, to: x, &batch) : nil }
    return Run(x: x, mask: mask, sources: runs)
  }

  /// Draws each sentence's mask from its stream and applies it to `x`.
  private func applyDropout(_ dropout: Dropout, to x: FloatBuffer, _ batch: inout TokenBatch) -> FloatBuffer {
    let D = width
    let mask = FloatBuffer(batch.tokenCount * D)
    let keep = 1 / (1 - dropout.rate)
    for (k, s) in batch.sentences.enumerated() {
      let m = mask.pointer + batch.sentenceStart[k] * D, xs = x.pointer + batch.sentenceStart[k] * D
      for j in 0..<(s.words.count * D) {
        m[j] = batch.streams![k].unit() < dropout.rate ? 0 : keep
        xs[j] *= m[j]
      }
    }
    return mask
  }

  /// Adds the sources' gradients into `grad`, given the input's (`dX`, overwritten).
  func backward(_ p: UnsafePointer<Float>, _ run: Run, _ batch: TokenBatch, dX: FloatBuffer, grad: Gradient) {
    if let mask = run.mask {
      for i in 0..<dX.count { dX.pointer[i] *= mask.pointer[i] }
    }
    for (k, source) in sources.enumerated() {
      let columns = TokenColumns(base: dX.pointer, stride: width, offset: offsets[k])
      source.backward(p, erased: run.sources[k], batch, dX: columns, grad: grad)
    }
  }
}
