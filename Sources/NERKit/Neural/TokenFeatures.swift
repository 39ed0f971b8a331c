/// A batch of sentences (each non-empty) laid out as token rows, sentence after
/// sentence, with each sentence's random stream while training with dropout.
struct TokenBatch {
  let sentences: [EncodedSentence]
  /// The first token row of each sentence.
  let sentenceStart: [Int]
  /// The sentence and the position in it of each token row.
  let tokens: [(sentence: Int, position: Int)]
  let dropout: Dropout?
  /// Each sentence's stream (seed, epoch, sentence number) when training with dropout,
  /// so that the draws do not depend on how the batch is split. The feature sources
  /// draw first, in list order, then the dropout mask.
  var streams: [SeededRandom]?

  init(_ sentences: [EncodedSentence], dropout: Dropout?) {
    self.sentences = sentences
    self.dropout = dropout
    var starts: [Int] = []
    var tokens: [(sentence: Int, position: Int)] = []
    for (k, s) in sentences.enumerated() {
      starts.append(tokens.count)
      for i in 0..<s.words.count { tokens.append((k, i)) }
    }
    sentenceStart = starts
    self.tokens = tokens
    streams = dropout.map { d in sentences.map { SeededRandom(d.seed, d.epoch, UInt64($0.id)) } }
  }

  var tokenCount: Int { tokens.count }

  /// The token rows of each sentence.
  var sequences: [[Int]] {
    sentences.indices.map { k in Array(sentenceStart[k]..<(sentenceStart[k] + sentences[k].words.count)) }
  }
}

/// Columns `offset..<(offset + width)` of a tokens × `stride` matrix: one feature
/// source's part of the token input (or of its gradient).
struct TokenColumns {
  let base: UnsafeMutablePointer<Float>
  let stride: Int
  let offset: Int

  /// Token row `r`'s first column.
  @inline(__always) func row(_ r: Int) -> UnsafeMutablePointer<Float> { base + r * stride + offset }
}

/// One source of a token's input to the sentence BiLSTM (its characters, its word
/// embedding, ...), a layer of the forward / run / backward convention: ``forward``
/// fills the source's columns of the token input and returns what ``backward`` needs;
/// ``backward`` adds the gradient of its weights, given that of its columns.
///
/// A new source is a conforming type plus an entry in
/// ``NeuralConfiguration/tokenFeatures``; its width enters the sentence BiLSTM's input
/// size (and so the parameter layout).
protocol TokenFeatureSource {
  associatedtype Run

  /// The number of columns the source fills in a network of configuration `c`.
  static func width(_ c: NeuralConfiguration) -> Int

  /// The source of a model's network.
  init(model: NeuralCRF)

  func forward(_ p: UnsafePointer<Float>, _ batch: inout TokenBatch, into x: TokenColumns) -> Run

  func backward(_ p: UnsafePointer<Float>, _ run: Run, _ batch: TokenBatch, dX: TokenColumns, grad: Gradient)
}

extension TokenFeatureSource {
  /// ``backward`` for a run kept without its type (as ``TokenInput`` keeps them).
  func backward(_ p: UnsafePointer<Float>, erased run: Any, _ batch: TokenBatch, dX: TokenColumns, grad: Gradient) {
    backward(p, run as! Run, batch, dX: dX, grad: grad)
  }
}

extension NeuralConfiguration {
  /// The sources of a token's input to the sentence BiLSTM, in column order: the final
  /// states of the character BiLSTM (unless ``characterFeatures`` is off), then the
  /// word embedding, then the transfer features when they enter the input. (The language
  /// embedding enters the tag layer.)
  var tokenFeatures: [any TokenFeatureSource.Type] {
    let own: [any TokenFeatureSource.Type] = characterFeatures ? [CharEncoder.self, WordEmbeddingFeatures.self] : [WordEmbeddingFeatures.self]
    return transferInputWidth > 0 ? own + [TransferFeatures.self] : own
  }

  /// The size of a token's input to the sentence BiLSTM: the sources' widths.
  var wordInput: Int { tokenFeatures.reduce(0) { $0 + $1.width(self) } }
}
