/// The character half of word representations: each distinct form of a batch (its
/// character ids) goes once through the character BiLSTM, and its representation is
/// the final state of each direction, [forward after the last character ; backward
/// after the first].
struct CharEncoder {
  let layout: ParameterLayout

  final class Run {
    /// The distinct forms, and the form of each token of the batch.
    let forms: [[Int32]]
    let formOfToken: [Int]
    let bilstm: BiLSTM.Run
    /// forms × 2 charHidden.
    let output: FloatBuffer

    init(forms: [[Int32]], formOfToken: [Int], bilstm: BiLSTM.Run, output: FloatBuffer) {
      self.forms = forms
      self.formOfToken = formOfToken
      self.bilstm = bilstm
      self.output = output
    }
  }

  /// Encodes the tokens (each non-empty) of a batch.
  func forward(_ p: UnsafePointer<Float>, tokens: [[Int32]]) -> Run {
    var index: [[Int32]: Int] = [:]
    var forms: [[Int32]] = []
    var formOfToken: [Int] = []
    formOfToken.reserveCapacity(tokens.count)
    for t in tokens {
      if let i = index[t] {
        formOfToken.append(i)
      } else {
        index[t] = forms.count
        formOfToken.append(forms.count)
        forms.append(t)
      }
    }
    let run = layout.charLSTM.forward(p, input: p + layout.charEmbedding, sequences: forms.map { $0.map(Int.init) })
    let H = layout.configuration.charHidden
    let output = FloatBuffer(forms.count * 2 * H)
    for (u, form) in forms.enumerated() {
      let last = run.forwardRow(u, form.count - 1), first = run.backwardRow(u, 0)
      (output.pointer + u * 2 * H).update(from: run.forward.h.pointer + last * H, count: H)
      (output.pointer + u * 2 * H + H).update(from: run.backward.h.pointer + first * H, count: H)
    }
    return Run(forms: forms, formOfToken: formOfToken, bilstm: run, output: output)
  }

  /// Adds the gradients of the character embeddings and LSTMs into `grad`, given the
  /// gradient of ``Run/output``.
  func backward(_ p: UnsafePointer<Float>, _ run: Run, dOutput: FloatBuffer, grad: UnsafeMutablePointer<Float>) {
    let H = layout.configuration.charHidden
    let rows = run.bilstm.packing.rows
    let dHf = FloatBuffer(rows * H), dHb = FloatBuffer(rows * H)
    for (u, form) in run.forms.enumerated() {
      let last = run.bilstm.forwardRow(u, form.count - 1), first = run.bilstm.backwardRow(u, 0)
      (dHf.pointer + last * H).update(from: dOutput.pointer + u * 2 * H, count: H)
      (dHb.pointer + first * H).update(from: dOutput.pointer + u * 2 * H + H, count: H)
    }
    layout.charLSTM.backward(p, run.bilstm, dHf: dHf, dHb: dHb, grad: grad, dInput: grad + layout.charEmbedding)
  }
}

/// The character BiLSTM as the first of a token's feature sources.
extension CharEncoder: TokenFeatureSource {
  static func width(_ c: NeuralConfiguration) -> Int { 2 * c.charHidden }

  init(model: NeuralCRF) { self.init(layout: model.layout) }

  func forward(_ p: UnsafePointer<Float>, _ batch: inout TokenBatch, into x: TokenColumns) -> Run {
    let run = forward(p, tokens: batch.sentences.flatMap(\.characters))
    let C2 = 2 * layout.configuration.charHidden
    for r in 0..<batch.tokenCount {
      x.row(r).update(from: run.output.pointer + run.formOfToken[r] * C2, count: C2)
    }
    return run
  }

  /// Sums the tokens' gradients by form, then backpropagates through the BiLSTM.
  func backward(_ p: UnsafePointer<Float>, _ run: Run, _ batch: TokenBatch, dX: TokenColumns, grad: Gradient) {
    let C2 = 2 * layout.configuration.charHidden
    let dForms = FloatBuffer(run.forms.count * C2)
    for r in 0..<batch.tokenCount {
      let d = dForms.pointer + run.formOfToken[r] * C2, x = dX.row(r)
      for j in 0..<C2 { d[j] += x[j] }
    }
    backward(p, run, dOutput: dForms, grad: grad.dense.pointer)
  }
}
