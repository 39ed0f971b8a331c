#if canImport(Glibc)
import Glibc
#endif

/// Dropout settings of a training pass: each sentence draws its masks from its own
/// stream (seed, epoch, sentence number), so they do not depend on how the batch is split.
struct Dropout {
  var rate: Float
  var seed: UInt64
  var epoch: UInt64
}

/// The gradient of one batch (or shard): dense for the shared weights, by rows for the
/// word embeddings (only the rows of the batch's words).
final class Gradient {
  let dense: FloatBuffer
  let wordDim: Int
  /// Languages whose embeddings are frozen (all rows but the unknown word's).
  let frozen: [Bool]
  private(set) var slots: [Int: Int] = [:]
  /// `(language << 32) | word` of each row, in order of first use.
  private(set) var keys: [Int] = []
  var rows: [Float] = []

  init(parameterCount: Int, wordDim: Int, frozen: [Bool]) {
    dense = FloatBuffer(parameterCount)
    self.wordDim = wordDim
    self.frozen = frozen
  }

  func reset() {
    dense.zero()
    slots.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
  }

  /// The slot of a word's row (created at zero), or nil when that row is frozen.
  func slot(language: Int, word: Int) -> Int? {
    if word != 0 && language < frozen.count && frozen[language] { return nil }
    let key = language << 32 | word
    if let s = slots[key] { return s }
    let s = keys.count
    slots[key] = s
    keys.append(key)
    rows.append(contentsOf: repeatElement(0, count: wordDim))
    return s
  }

  /// Adds another gradient into this one (rows of `other` new here come after ours).
  func add(_ other: Gradient) {
    let a = dense.pointer, b = other.dense.pointer
    for i in 0..<dense.count { a[i] += b[i] }
    for (k, key) in other.keys.enumerated() {
      let s = slot(language: key >> 32, word: key & 0xFFFF_FFFF)!
      for d in 0..<wordDim { rows[s * wordDim + d] += other.rows[k * wordDim + d] }
    }
  }

  /// The squared Euclidean norm.
  var squaredNorm: Double {
    var s = 0.0
    for i in 0..<dense.count { s += Double(dense.pointer[i]) * Double(dense.pointer[i]) }
    for v in rows { s += Double(v) * Double(v) }
    return s
  }

  func scale(_ f: Float) {
    for i in 0..<dense.count { dense.pointer[i] *= f }
    for i in rows.indices { rows[i] *= f }
  }
}

/// One forward pass of the network over a batch of sentences (each non-empty), keeping
/// what the backward pass needs; ``lossAndGradient(into:)`` adds the CRF on top and
/// backpropagates.
final class NetworkPass {
  let layout: ParameterLayout
  let p: UnsafePointer<Float>
  let sentences: [EncodedSentence]
  /// The first token row of each sentence.
  let sentenceStart: [Int]
  let tokenCount: Int
  let chars: CharEncoder.Run
  /// Each token's embedding row (after unknown-word replacement).
  let wordIDs: [Int]
  /// Word LSTM input (tokens × wordInput), after dropout, and the dropout mask (kept
  /// values are scaled by 1 / (1 - rate)).
  let x0: FloatBuffer
  let mask: FloatBuffer?
  let words: BiLSTM.Run
  /// [forward ; backward] sentence LSTM states, tokens × 2 hidden.
  let states: FloatBuffer
  /// tanh layer, tokens × hidden.
  let z: FloatBuffer
  /// Tag scores without transitions, tokens × labels.
  let emissions: FloatBuffer

  init(model: NeuralCRF, _ p: UnsafePointer<Float>, _ sentences: [EncodedSentence], dropout: Dropout?) {
    let layout = model.layout
    let c = layout.configuration
    self.layout = layout
    self.p = p
    self.sentences = sentences
    var starts: [Int] = []
    var n = 0
    for s in sentences {
      starts.append(n)
      n += s.words.count
    }
    sentenceStart = starts
    tokenCount = n
    let chars = CharEncoder(layout: layout).forward(p, tokens: sentences.flatMap(\.characters))
    self.chars = chars
    let D = c.wordInput, C2 = 2 * c.charHidden, E = c.wordDim
    let x0 = FloatBuffer(n * D)
    self.x0 = x0
    let mask = dropout.map { _ in FloatBuffer(n * D) }
    self.mask = mask
    var ids = [Int](repeating: 0, count: n)
    for (k, s) in sentences.enumerated() {
      var rng = dropout.map { SeededRandom($0.seed, $0.epoch, UInt64(s.id)) }
      let table = model.embeddings[s.language]
      table.withUnsafeBufferPointer { table in
        for i in 0..<s.words.count {
          let r = starts[k] + i
          var w = Int(s.words[i])
          if rng != nil, i < s.singletons.count, s.singletons[i], rng!.unit() < 0.5 { w = 0 }
          ids[r] = w
          let x = x0.pointer + r * D
          x.update(from: chars.output.pointer + chars.formOfToken[r] * C2, count: C2)
          (x + C2).update(from: table.baseAddress! + w * E, count: E)
        }
      }
      if let dropout, let mask {
        let keep = 1 / (1 - dropout.rate)
        let m = mask.pointer + starts[k] * D, x = x0.pointer + starts[k] * D
        for j in 0..<(s.words.count * D) {
          m[j] = rng!.unit() < dropout.rate ? 0 : keep
          x[j] *= m[j]
        }
      }
    }
    wordIDs = ids
    let sequences = sentences.indices.map { k in Array(starts[k]..<(starts[k] + sentences[k].words.count)) }
    let words = layout.wordLSTM.forward(p, input: x0.pointer, sequences: sequences)
    self.words = words
    let H = c.hidden
    let states = FloatBuffer(n * 2 * H)
    self.states = states
    for (k, s) in sentences.enumerated() {
      for i in 0..<s.words.count {
        let r = starts[k] + i
        (states.pointer + r * 2 * H).update(from: words.forward.h.pointer + words.forwardRow(k, i) * H, count: H)
        (states.pointer + r * 2 * H + H).update(from: words.backward.h.pointer + words.backwardRow(k, i) * H, count: H)
      }
    }
    // z = tanh(W [s ; l] + b): the language part is one vector per language.
    let ld = c.languageDim, width = 2 * H + ld
    let z = FloatBuffer(n * H)
    self.z = z
    sgemm(false, true, n, H, 2 * H, states.pointer, 2 * H, p + layout.tagHiddenWeights, width, beta: 0, z.pointer, H)
    let languageTerms = NetworkPass.languageTerms(layout, p)
    for (k, s) in sentences.enumerated() {
      let v = languageTerms.pointer + s.language * H
      for i in 0..<s.words.count {
        let zr = z.pointer + (starts[k] + i) * H
        for h in 0..<H { zr[h] = fastTanh(zr[h] + v[h]) }
      }
    }
    let L = layout.labelCount
    let emissions = FloatBuffer(n * L)
    self.emissions = emissions
    sgemm(false, true, n, L, H, z.pointer, H, p + layout.tagWeights, H, beta: 0, emissions.pointer, L)
    let bias = p + layout.tagBias
    for r in 0..<n {
      for y in 0..<L { emissions.pointer[r * L + y] += bias[y] }
    }
  }

  /// b + W_l l(lang) for every language, languages × hidden.
  static func languageTerms(_ layout: ParameterLayout, _ p: UnsafePointer<Float>) -> FloatBuffer {
    let c = layout.configuration
    let H = c.hidden, ld = c.languageDim, width = 2 * H + ld
    let out = FloatBuffer(layout.languageCount * H)
    for l in 0..<layout.languageCount {
      let e = p + layout.languageEmbedding + l * ld
      for h in 0..<H {
        var v = p[layout.tagHiddenBias + h]
        let w = p + layout.tagHiddenWeights + h * width + 2 * H
        for j in 0..<ld { v += w[j] * e[j] }
        out.pointer[l * H + h] = v
      }
    }
    return out
  }

  /// The weighted negative log-likelihood of the gold labels, with its gradient added
  /// into `grad`.
  func lossAndGradient(into grad: Gradient) -> Double {
    let c = layout.configuration
    let L = layout.labelCount, H = c.hidden, ld = c.languageDim, width = 2 * H + ld
    let n = tokenCount
    let g = grad.dense.pointer
    // CRF: d(-log p) / d(score) = marginal - gold.
    let dE = FloatBuffer(n * L)
    let transition = (0..<(L * L)).map { Double(p[layout.transitions + $0]) }
    let expTransition = transition.map { exp($0) }
    var loss = 0.0
    let gA = g + layout.transitions
    for (k, s) in sentences.enumerated() {
      let T = s.words.count, start = sentenceStart[k]
      let scores = (0..<(T * L)).map { Double(emissions.pointer[start * L + $0]) }
      let lattice = Lattice(stateScores: scores, expTransition: expTransition, labelCount: L)
      let w = Double(s.weight)
      var gold = 0.0
      for t in 0..<T {
        gold += scores[t * L + s.labels[t]]
        if t > 0 { gold += transition[s.labels[t - 1] * L + s.labels[t]] }
      }
      loss += w * (lattice.logZ - gold)
      for t in 0..<T {
        for y in 0..<L {
          dE.pointer[(start + t) * L + y] = Float(w * (lattice.marginal(t, y) - (y == s.labels[t] ? 1 : 0)))
        }
        if t > 0 {
          for i in 0..<L {
            for j in 0..<L { gA[i * L + j] += Float(w * lattice.edgeMarginal(t, i, j)) }
          }
          gA[s.labels[t - 1] * L + s.labels[t]] -= Float(w)
        }
      }
    }
    // Output layer: e = U z + c.
    sgemm(true, false, L, H, n, dE.pointer, L, z.pointer, H, beta: 1, g + layout.tagWeights, H)
    for r in 0..<n {
      for y in 0..<L { g[layout.tagBias + y] += dE.pointer[r * L + y] }
    }
    let dZ = FloatBuffer(n * H)
    sgemm(false, false, n, H, L, dE.pointer, L, p + layout.tagWeights, H, beta: 0, dZ.pointer, H)
    for i in 0..<(n * H) { dZ.pointer[i] *= 1 - z.pointer[i] * z.pointer[i] }
    // tanh layer: W [s ; l] + b.
    sgemm(true, false, H, 2 * H, n, dZ.pointer, H, states.pointer, 2 * H, beta: 1, g + layout.tagHiddenWeights, width)
    let dLanguage = FloatBuffer(layout.languageCount * H)
    for (k, s) in sentences.enumerated() {
      let dv = dLanguage.pointer + s.language * H
      for i in 0..<s.words.count {
        let r = dZ.pointer + (sentenceStart[k] + i) * H
        for h in 0..<H { dv[h] += r[h] }
      }
    }
    for l in 0..<layout.languageCount {
      let dv = dLanguage.pointer + l * H
      let e = p + layout.languageEmbedding + l * ld
      let de = g + layout.languageEmbedding + l * ld
      for h in 0..<H {
        g[layout.tagHiddenBias + h] += dv[h]
        let w = p + layout.tagHiddenWeights + h * width + 2 * H
        let dw = g + layout.tagHiddenWeights + h * width + 2 * H
        for j in 0..<ld {
          dw[j] += dv[h] * e[j]
          de[j] += dv[h] * w[j]
        }
      }
    }
    let dS = FloatBuffer(n * 2 * H)
    sgemm(false, false, n, 2 * H, H, dZ.pointer, H, p + layout.tagHiddenWeights, width, beta: 0, dS.pointer, 2 * H)
    // Sentence BiLSTM.
    let rows = words.packing.rows
    let dHf = FloatBuffer(rows * H), dHb = FloatBuffer(rows * H)
    for (k, s) in sentences.enumerated() {
      for i in 0..<s.words.count {
        let r = sentenceStart[k] + i
        (dHf.pointer + words.forwardRow(k, i) * H).update(from: dS.pointer + r * 2 * H, count: H)
        (dHb.pointer + words.backwardRow(k, i) * H).update(from: dS.pointer + r * 2 * H + H, count: H)
      }
    }
    let D = c.wordInput, C2 = 2 * c.charHidden, E = c.wordDim
    let dX = FloatBuffer(n * D)
    layout.wordLSTM.backward(p, words, dHf: dHf, dHb: dHb, grad: g, dInput: dX.pointer)
    if let mask {
      for i in 0..<(n * D) { dX.pointer[i] *= mask.pointer[i] }
    }
    // Word embeddings and character representations.
    let dChars = FloatBuffer(chars.forms.count * C2)
    for (k, s) in sentences.enumerated() {
      for i in 0..<s.words.count {
        let r = sentenceStart[k] + i
        let x = dX.pointer + r * D
        let dc = dChars.pointer + chars.formOfToken[r] * C2
        for j in 0..<C2 { dc[j] += x[j] }
        if let slot = grad.slot(language: s.language, word: wordIDs[r]) {
          grad.rows.withUnsafeMutableBufferPointer { rows in
            for j in 0..<E { rows[slot * E + j] += x[C2 + j] }
          }
        }
      }
    }
    CharEncoder(layout: layout).backward(p, chars, dOutput: dChars, grad: g)
    return loss
  }
}
