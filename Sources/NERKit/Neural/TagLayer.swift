/// The layers between the sentence BiLSTM and the CRF: a tanh layer over each token's
/// sentence states (the shared encoder's, then its language's own with
/// ``NeuralConfiguration/languageEncoders``) and its sentence's language embedding, z = tanh(W [s ; l(lang)] + b),
/// then the output layer, the tag scores e = U z + c (without transitions).
struct TagLayer {
  let layout: ParameterLayout

  /// What the backward pass needs.
  struct Run {
    /// The input, tokens × state width.
    let states: FloatBuffer
    /// The tanh layer, tokens × hidden.
    let z: FloatBuffer
    /// Tag scores without transitions, tokens × labels.
    let emissions: FloatBuffer
  }

  private var H: Int { layout.configuration.hidden }
  /// The state columns (``NeuralConfiguration/stateWidth``).
  private var S: Int { layout.configuration.stateWidth }
  /// The row width of W: the state columns, then the language embedding's.
  private var width: Int { S + layout.configuration.languageDim }

  func forward(_ p: UnsafePointer<Float>, states: FloatBuffer, _ batch: TokenBatch) -> Run {
    let n = batch.tokenCount, H = H, S = S, L = layout.labelCount
    let z = FloatBuffer(n * H)
    sgemm(false, true, n, H, S, states.pointer, S, p + layout.tagHiddenWeights, width, beta: 0, z.pointer, H)
    // The language part is one vector per language.
    let languageTerms = languageTerms(p)
    for (r, (k, _)) in batch.tokens.enumerated() {
      let v = languageTerms.pointer + batch.sentences[k].language * H, zr = z.pointer + r * H
      for h in 0..<H { zr[h] = fastTanh(zr[h] + v[h]) }
    }
    let emissions = FloatBuffer(n * L)
    sgemm(false, true, n, L, H, z.pointer, H, p + layout.tagWeights, H, beta: 0, emissions.pointer, L)
    let bias = p + layout.tagBias
    for r in 0..<n {
      for y in 0..<L { emissions.pointer[r * L + y] += bias[y] }
    }
    return Run(states: states, z: z, emissions: emissions)
  }

  /// b + W_l l(lang) for every language, languages × hidden.
  func languageTerms(_ p: UnsafePointer<Float>) -> FloatBuffer {
    let H = H, S = S, ld = layout.configuration.languageDim, width = width
    let out = FloatBuffer(layout.languageCount * H)
    for l in 0..<layout.languageCount {
      let e = p + layout.languageEmbedding + l * ld
      for h in 0..<H {
        var v = p[layout.tagHiddenBias + h]
        let w = p + layout.tagHiddenWeights + h * width + S
        for j in 0..<ld { v += w[j] * e[j] }
        out.pointer[l * H + h] = v
      }
    }
    return out
  }

  /// Adds the weights' gradients into `grad` and returns the states', given the tag
  /// scores' (`dEmissions`).
  func backward(_ p: UnsafePointer<Float>, _ run: Run, _ batch: TokenBatch, dEmissions dE: FloatBuffer,
                grad g: UnsafeMutablePointer<Float>) -> FloatBuffer {
    let n = batch.tokenCount, H = H, S = S, L = layout.labelCount, width = width
    // Output layer: e = U z + c.
    sgemm(true, false, L, H, n, dE.pointer, L, run.z.pointer, H, beta: 1, g + layout.tagWeights, H)
    for r in 0..<n {
      for y in 0..<L { g[layout.tagBias + y] += dE.pointer[r * L + y] }
    }
    let dZ = FloatBuffer(n * H)
    sgemm(false, false, n, H, L, dE.pointer, L, p + layout.tagWeights, H, beta: 0, dZ.pointer, H)
    for i in 0..<(n * H) { dZ.pointer[i] *= 1 - run.z.pointer[i] * run.z.pointer[i] }
    // tanh layer: W [s ; l] + b.
    sgemm(true, false, H, S, n, dZ.pointer, H, run.states.pointer, S, beta: 1, g + layout.tagHiddenWeights, width)
    languageBackward(p, batch, dZ: dZ, grad: g)
    let dS = FloatBuffer(n * S)
    sgemm(false, false, n, S, H, dZ.pointer, H, p + layout.tagHiddenWeights, width, beta: 0, dS.pointer, S)
    return dS
  }

  /// The gradients of the language terms: the bias, W_l and the language embeddings.
  private func languageBackward(_ p: UnsafePointer<Float>, _ batch: TokenBatch, dZ: FloatBuffer, grad g: UnsafeMutablePointer<Float>) {
    let H = H, S = S, ld = layout.configuration.languageDim, width = width
    let dLanguage = FloatBuffer(layout.languageCount * H)
    for (r, (k, _)) in batch.tokens.enumerated() {
      let dv = dLanguage.pointer + batch.sentences[k].language * H, d = dZ.pointer + r * H
      for h in 0..<H { dv[h] += d[h] }
    }
    for l in 0..<layout.languageCount {
      let dv = dLanguage.pointer + l * H
      let e = p + layout.languageEmbedding + l * ld
      let de = g + layout.languageEmbedding + l * ld
      for h in 0..<H {
        g[layout.tagHiddenBias + h] += dv[h]
        let w = p + layout.tagHiddenWeights + h * width + S
        let dw = g + layout.tagHiddenWeights + h * width + S
        for j in 0..<ld {
          dw[j] += dv[h] * e[j]
          de[j] += dv[h] * w[j]
        }
      }
    }
  }
}
