import Foundation
import Testing

@testable import NERKit

/// Every layer's gradient against central finite differences (single precision
/// weights, so a step of 1e-2 and a tolerance of a few percent).
struct NeuralGradientTests {
  static func close(_ analytic: Double, _ numeric: Double) -> Bool {
    abs(analytic - numeric) <= 3e-3 + 3e-2 * max(abs(analytic), abs(numeric))
  }

  /// Random values in ±r.
  static func random(_ n: Int, _ rng: inout SeededRandom, _ r: Float = 1) -> [Float] { (0..<n).map { _ in rng.uniform(r) } }

  /// Σ r · h over every output of one LSTM direction on a packed batch.
  @Test func lstmLayer() {
    var rng = SeededRandom(seed: 7)
    let D = 3, H = 2
    let layer = LSTMLayer(inputSize: D, hiddenSize: H, offset: 5)
    var p = Self.random(layer.end, &rng, 0.8)
    let packing = Packing(lengths: [2, 3, 1])
    var x = Self.random(packing.rows * D, &rng)
    let r = Self.random(packing.rows * H, &rng)
    func loss(_ p: [Float], _ x: [Float]) -> Double {
      let xb = FloatBuffer(x.count)
      for i in x.indices { xb.pointer[i] = x[i] }
      let run = p.withUnsafeBufferPointer { layer.forward($0.baseAddress!, x: xb, packing: packing) }
      return (0..<r.count).reduce(0.0) { $0 + Double(r[$1] * run.h.pointer[$1]) }
    }
    let xb = FloatBuffer(x.count)
    for i in x.indices { xb.pointer[i] = x[i] }
    let grad = FloatBuffer(p.count), dX = FloatBuffer(x.count), dH = FloatBuffer(r.count)
    for i in r.indices { dH.pointer[i] = r[i] }
    p.withUnsafeBufferPointer { pp in
      let run = layer.forward(pp.baseAddress!, x: xb, packing: packing)
      layer.backward(pp.baseAddress!, run, dH: dH, grad: grad.pointer, dX: dX)
    }
    let eps: Float = 1e-2
    for i in 5..<p.count {
      let saved = p[i]
      p[i] = saved + eps
      let up = loss(p, x)
      p[i] = saved - eps
      let down = loss(p, x)
      p[i] = saved
      let numeric = (up - down) / Double(2 * eps)
      #expect(Self.close(Double(grad.pointer[i]), numeric), "weight \(i): \(grad.pointer[i]) vs \(numeric)")
    }
    for i in 0..<5 { #expect(grad.pointer[i] == 0) }
    for i in x.indices {
      let saved = x[i]
      x[i] = saved + eps
      let up = loss(p, x)
      x[i] = saved - eps
      let down = loss(p, x)
      x[i] = saved
      let numeric = (up - down) / Double(2 * eps)
      #expect(Self.close(Double(dX.pointer[i]), numeric), "input \(i): \(dX.pointer[i]) vs \(numeric)")
    }
  }

  /// The toy network's sizes.
  static func smallConfiguration(shareDirections: Bool = false, layers: Int = 1, characters: Bool = true,
                                 languageEncoders: Bool = false) -> NeuralConfiguration {
    var c = NeuralConfiguration()
    (c.charDim, c.charHidden, c.wordDim, c.hidden, c.languageDim) = (3, 2, 4, 3, 2)
    c.shareDirections = shareDirections
    c.layers = layers
    c.characterFeatures = characters
    c.languageEncoders = languageEncoders
    return c
  }

  /// A small two-language model and corpus.
  static func toy(shareDirections: Bool = false, layers: Int = 1, characters: Bool = true,
                  languageEncoders: Bool = false, transfer: ConverseTransfer? = nil) -> (NeuralCRF, [EncodedSentence]) {
    var corpus = NeuralCorpus(labels: ["O", "B-PER", "I-PER", "B-LOC"])
    corpus.add(tokens: ["Mr", "Smith", "Jr", "left"], labels: [0, 1, 2, 0], language: "en", weight: 1)
    corpus.add(tokens: ["in", "Oslo"], labels: [0, 3], language: "en", weight: 1)
    corpus.add(tokens: ["en", "Lima", "ayer"], labels: [0, 3, 0], language: "es", weight: 0.5)
    corpus.add(tokens: ["Sr", "Ruiz"], labels: [0, 1], language: "es", weight: 0.5)
    let c = smallConfiguration(shareDirections: shareDirections, layers: layers, characters: characters,
                               languageEncoders: languageEncoders)
    var model = corpus.makeModel(configuration: c, transfer: transfer, seed: 3)
    // Non-zero transitions and biases, so their gradients are exercised fully.
    var rng = SeededRandom(seed: 11)
    for i in model.layout.tagHiddenBias..<(model.layout.transitions + 16) where model.parameters[i] == 0 {
      model.parameters[i] = rng.uniform(0.5)
    }
    return (model, corpus.encoded(for: model))
  }

  static func loss(_ model: NeuralCRF, _ data: [EncodedSentence], _ dropout: Dropout?) -> Double {
    let g = Gradient(parameterCount: model.parameters.count, wordDim: model.configuration.wordDim, frozen: [])
    return model.parameters.withUnsafeBufferPointer { NetworkPass(model: model, $0.baseAddress!, data, dropout: dropout).lossAndGradient(into: g) }
  }

  func checkNetwork(shareDirections: Bool, dropout: Dropout?, layers: Int = 1, characters: Bool = true,
                    languageEncoders: Bool = false, transfer: ConverseTransfer? = nil) {
    var (model, data) = Self.toy(shareDirections: shareDirections, layers: layers, characters: characters,
                                 languageEncoders: languageEncoders, transfer: transfer)
    let g = Gradient(parameterCount: model.parameters.count, wordDim: model.configuration.wordDim, frozen: [])
    _ = model.parameters.withUnsafeBufferPointer { NetworkPass(model: model, $0.baseAddress!, data, dropout: dropout).lossAndGradient(into: g) }
    let eps: Float = 1e-2
    var checked = 0
    for (name, range) in model.layout.tensors {
      // Every weight of the small tensors, a stride through the large ones.
      let stride = max(1, range.count / 40)
      for i in Swift.stride(from: range.lowerBound, to: range.upperBound, by: stride) {
        let saved = model.parameters[i]
        model.parameters[i] = saved + eps
        let up = Self.loss(model, data, dropout)
        model.parameters[i] = saved - eps
        let down = Self.loss(model, data, dropout)
        model.parameters[i] = saved
        let numeric = (up - down) / Double(2 * eps)
        #expect(Self.close(Double(g.dense.pointer[i]), numeric), "\(name) [\(i - range.lowerBound)]: \(g.dense.pointer[i]) vs \(numeric)")
        checked += 1
      }
    }
    // Word embeddings, by rows (only the rows the batch used have a gradient).
    for (slot, key) in g.keys.enumerated() {
      let l = key >> 32, row = key & 0xFFFF_FFFF
      let E = model.configuration.wordDim
      for d in 0..<E {
        let i = row * E + d
        let saved = model.embeddings[l][i]
        model.embeddings[l][i] = saved + eps
        let up = Self.loss(model, data, dropout)
        model.embeddings[l][i] = saved - eps
        let down = Self.loss(model, data, dropout)
        model.embeddings[l][i] = saved
        let numeric = (up - down) / Double(2 * eps)
        #expect(Self.close(Double(g.rows[slot * E + d]), numeric), "embedding \(l):\(row)[\(d)]: \(g.rows[slot * E + d]) vs \(numeric)")
      }
    }
    #expect(checked > (characters ? 100 : 60))
    #expect(g.keys.count >= 8)
  }

  @Test func wholeNetwork() { checkNetwork(shareDirections: false, dropout: nil) }

  @Test func sharedDirections() { checkNetwork(shareDirections: true, dropout: nil) }

  /// With dropout and unknown-word replacement drawn from a fixed stream.
  @Test func withDropout() { checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2)) }

  /// Two stacked sentence BiLSTMs (the second reads the first's states), with dropout.
  @Test func twoLayers() {
    checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2), layers: 2)
    checkNetwork(shareDirections: true, dropout: nil, layers: 2)
  }

  /// Without the character BiLSTM (`--no-char-lstm`): a word is its embedding alone, and
  /// the network has no character weights.
  @Test func withoutCharacters() {
    checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2), characters: false)
    let (model, _) = Self.toy(characters: false)
    #expect(!model.layout.tensors.contains { $0.name.hasPrefix("char") })
    #expect(model.configuration.wordInput == model.configuration.wordDim)
  }

  /// Each language's own sentence BiLSTM beside the shared one (`--language-encoders`),
  /// with and without tied directions; the layout before it is a plain model's.
  @Test func languageEncoders() {
    checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2), languageEncoders: true)
    checkNetwork(shareDirections: true, dropout: nil, languageEncoders: true)
    let (plain, _) = Self.toy(), (own, _) = Self.toy(languageEncoders: true)
    #expect(own.layout.languageLSTMs.count == 2 && own.layout.tensors.contains { $0.name == "language-lstm-2-backward" })
    #expect(own.layout.transitions - own.layout.tagHiddenWeights == plain.layout.transitions - plain.layout.tagHiddenWeights + 3 * 6)
  }

  /// The loss is the weighted negative log-likelihood: exp(-loss) of a one-sentence batch
  /// summed over all label sequences is 1.
  @Test func lossIsNormalized() {
    let (model, data) = Self.toy()
    let s = data[1]  // two tokens, four labels
    var total = 0.0
    for a in 0..<4 {
      for b in 0..<4 {
        var e = s
        e.labels = [a, b]
        total += exp(-Self.loss(model, [e], nil) / Double(e.weight))
      }
    }
    #expect(abs(total - 1) < 1e-4)
  }
}

/// The fast activations against the library functions.
struct NeuralActivationTests {
  @Test func tanhAndSigmoid() {
    var worstTanh: Float = 0, worstSigmoid: Float = 0
    var x: Float = -20
    while x <= 20 {
      worstTanh = max(worstTanh, abs(fastTanh(x) - Float(tanh(Double(x)))))
      worstSigmoid = max(worstSigmoid, abs(sigmoid(x) - Float(1 / (1 + exp(-Double(x))))))
      x += 0.001
    }
    #expect(worstTanh < 2e-6 && worstSigmoid < 2e-6, "\(worstTanh) \(worstSigmoid)")
    #expect(fastTanh(0) == 0 && fastTanh(1e-5) > 0 && fastTanh(-1e-5) < 0)
  }
}
