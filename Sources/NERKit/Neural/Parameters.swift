#if canImport(Glibc)
import Glibc
#endif

/// The sizes and input options of a neural CRF (defaults: Lample et al. 2016).
public struct NeuralConfiguration: Equatable, Sendable {
  /// Character embedding size.
  public var charDim = 25
  /// Character LSTM size per direction.
  public var charHidden = 25
  /// Word embedding size (the pretrained vectors' size when some are given).
  public var wordDim = 100
  /// Sentence LSTM size per direction, and the size of the tanh layer under the tags.
  public var hidden = 100
  /// Language embedding size.
  public var languageDim = 8
  /// Tie the forward and backward LSTMs' weights (order-invariant features).
  public var shareDirections = false
  /// Lowercase words before looking up their embedding (characters keep their case).
  public var lower = false
  /// Replace every decimal digit by 0 before looking up a word's embedding.
  public var maskDigits = false
  /// Stacked sentence BiLSTMs (Cotterell and Duh 2017 use 2 of 200 units).
  public var layers = 1
  /// Read each word's characters with the character BiLSTM (false: the word embedding
  /// alone, the "no char LSTM" model of Bari et al. 2020; the network then has no
  /// character weights).
  public var characterFeatures = true
  /// A sentence BiLSTM of each language's own beside the shared one, its states
  /// concatenated with the shared states under the tag layer (the target encoder of Bari
  /// et al. 2020): the shared encoder learns from every language, each language's from
  /// its own sentences (for a language without training sentences, a copy of the first
  /// language's until self-training trains it).
  public var languageEncoders = false
  /// The columns of the transfer features under the tag layer (``ConverseTransfer``: the
  /// English model's state width; 0 without a transfer source). Set from the model's
  /// transfer source, never written as a field.
  public var transferWidth = 0
  /// Whether the transfer features enter the sentence BiLSTM's input
  /// (``TransferPlacement/input``) rather than the states under the tag layer. Set from
  /// the model's transfer source, as ``transferWidth``.
  public var transferInput = false

  public init() {}

  /// The configuration with `transfer`'s width and placement (none without one).
  func adopting(_ transfer: ConverseTransfer?) -> NeuralConfiguration {
    var c = self
    c.transferWidth = transfer?.width ?? 0
    c.transferInput = transfer?.placement == .input
    return c
  }

  /// The width of a token's state under the tag layer: the shared sentence BiLSTM's
  /// [forward ; backward] states, then its language's encoder's, then the transfer
  /// features (unless they enter the input).
  var stateWidth: Int { (languageEncoders ? 4 : 2) * hidden + transferStateWidth }

  /// The transfer features' columns under the tag layer (0 when they enter the input).
  var transferStateWidth: Int { transferInput ? 0 : transferWidth }

  /// The transfer features' columns in the sentence BiLSTM's input (0 when they join the
  /// states).
  var transferInputWidth: Int { transferInput ? transferWidth : 0 }
}

/// Where each weight matrix of a neural CRF sits in its flat parameter vector (word
/// embeddings are kept apart, one table a language). Matrices are row-major.
struct ParameterLayout: Equatable {
  let configuration: NeuralConfiguration
  let characterCount: Int
  let languageCount: Int
  let labelCount: Int
  /// Character embeddings, (characters + 1) × charDim; row 0 is the unknown character.
  let charEmbedding: Int
  let charLSTM: BiLSTM
  /// The sentence BiLSTMs, bottom first (``NeuralConfiguration/layers``); the first
  /// reads the token input (``NeuralConfiguration/wordInput``), the others the states
  /// below (2 hidden).
  let wordLSTMs: [BiLSTM]
  /// Language embeddings, languages × languageDim.
  let languageEmbedding: Int
  /// W, hidden × (stateWidth + languageDim), over [sentence LSTM states; language].
  let tagHiddenWeights: Int
  let tagHiddenBias: Int
  /// U, labels × hidden, and its bias (labels).
  let tagWeights: Int
  let tagBias: Int
  /// Transition scores, labels × labels (`[i * L + j]`: label i followed by j).
  let transitions: Int
  /// Each language's own sentence BiLSTM over the token input, after the transitions
  /// (none unless ``NeuralConfiguration/languageEncoders``).
  let languageLSTMs: [BiLSTM]
  let count: Int

  init(_ c: NeuralConfiguration, characters: Int, languages: Int, labels: Int) {
    configuration = c
    characterCount = characters
    languageCount = languages
    labelCount = labels
    var at = 0
    charEmbedding = at
    let (charDim, charHidden) = c.characterFeatures ? (c.charDim, c.charHidden) : (0, 0)
    at += (characters + 1) * charDim
    charLSTM = Self.bilstm(input: charDim, hidden: charHidden, shared: c.shareDirections, at: &at)
    wordLSTMs = (0..<max(c.layers, 1)).map { k in
      Self.bilstm(input: k == 0 ? c.wordInput : 2 * c.hidden, hidden: c.hidden, shared: c.shareDirections, at: &at)
    }
    languageEmbedding = at
    at += languages * c.languageDim
    tagHiddenWeights = at
    at += c.hidden * (c.stateWidth + c.languageDim)
    tagHiddenBias = at
    at += c.hidden
    tagWeights = at
    at += labels * c.hidden
    tagBias = at
    at += labels
    transitions = at
    at += labels * labels
    languageLSTMs = (0..<(c.languageEncoders ? languages : 0)).map { _ in
      Self.bilstm(input: c.wordInput, hidden: c.hidden, shared: c.shareDirections, at: &at)
    }
    count = at
  }

  /// A BiLSTM whose weights start at `at` (forward, then backward unless shared); moves
  /// `at` past them.
  private static func bilstm(input: Int, hidden: Int, shared: Bool, at: inout Int) -> BiLSTM {
    let f = LSTMLayer(inputSize: input, hiddenSize: hidden, offset: at)
    at = f.end
    let b = shared ? f : LSTMLayer(inputSize: input, hiddenSize: hidden, offset: at)
    at = b.end
    return BiLSTM(forwardLayer: f, backwardLayer: b)
  }

  /// Named ranges of the vector, for tests and reports.
  var tensors: [(name: String, range: Range<Int>)] {
    let c = configuration
    var t: [(String, Range<Int>)] = []
    func add(_ name: String, _ lstm: BiLSTM) {
      t.append(("\(name)-forward", lstm.forwardLayer.inputWeights..<lstm.forwardLayer.end))
      if !c.shareDirections { t.append(("\(name)-backward", lstm.backwardLayer.inputWeights..<lstm.backwardLayer.end)) }
    }
    if c.characterFeatures {
      t.append(("char-embedding", charEmbedding..<charLSTM.forwardLayer.inputWeights))
      add("char-lstm", charLSTM)
    }
    for (k, lstm) in wordLSTMs.enumerated() { add(k == 0 ? "word-lstm" : "word-lstm-\(k + 1)", lstm) }
    t.append(("language-embedding", languageEmbedding..<tagHiddenWeights))
    t.append(("tag-hidden", tagHiddenWeights..<tagWeights))
    t.append(("tag-output", tagWeights..<transitions))
    t.append(("transitions", transitions..<(transitions + labelCount * labelCount)))
    for (k, lstm) in languageLSTMs.enumerated() { add("language-lstm-\(k + 1)", lstm) }
    return t
  }

  /// Random initial weights: embeddings uniform in ±sqrt(3 / size), matrices Glorot
  /// uniform, biases 0 except the LSTMs' forget gates (1), transitions 0.
  func initialParameters(_ rng: inout SeededRandom) -> [Float] {
    let c = configuration
    var p = [Float](repeating: 0, count: count)
    func fill(_ start: Int, _ n: Int, _ r: Float) {
      for i in start..<(start + n) { p[i] = rng.uniform(r) }
    }
    func glorot(_ start: Int, rows: Int, columns: Int) {
      fill(start, rows * columns, Float((6.0 / Double(rows + columns)).squareRoot()))
    }
    if c.characterFeatures {
      fill(charEmbedding, (characterCount + 1) * c.charDim, Float((3.0 / Double(c.charDim)).squareRoot()))
    }
    for layer in ([charLSTM] + wordLSTMs + languageLSTMs).flatMap({ [$0.forwardLayer, $0.backwardLayer] }) where layer.hiddenSize > 0 {
      let H = layer.hiddenSize
      glorot(layer.inputWeights, rows: 4 * H, columns: layer.inputSize)
      glorot(layer.recurrentWeights, rows: 4 * H, columns: H)
      for k in 0..<(4 * H) { p[layer.bias + k] = (k >= H && k < 2 * H) ? 1 : 0 }
    }
    fill(languageEmbedding, languageCount * c.languageDim, Float((3.0 / Double(max(c.languageDim, 1))).squareRoot()))
    glorot(tagHiddenWeights, rows: c.hidden, columns: c.stateWidth + c.languageDim)
    glorot(tagWeights, rows: labelCount, columns: c.hidden)
    return p
  }
}
