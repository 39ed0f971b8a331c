/// The sentence BiLSTMs: ``NeuralConfiguration/layers`` BiLSTMs stacked over each
/// sentence's token rows, layer k > 1 reading layer k - 1's [forward ; backward] states
/// (Cotterell and Duh 2017 use two). The output is the top layer's states, tokens ×
/// 2 hidden.
struct SentenceEncoder {
  let layers: [BiLSTM]

  /// What the backward pass needs.
  struct Run {
    /// Each layer's run, bottom first.
    let layers: [BiLSTM.Run]
    /// The top layer's [forward ; backward] states, tokens × 2 hidden.
    let output: FloatBuffer
    let tokenCount: Int
  }

  /// Runs the layers over `input` (tokens × the first layer's input size).
  func forward(_ p: UnsafePointer<Float>, input: FloatBuffer, _ batch: TokenBatch) -> Run {
    let sequences = batch.sequences
    var x = input
    var runs: [BiLSTM.Run] = []
    for layer in layers {
      let run = layer.forward(p, input: x.pointer, sequences: sequences)
      runs.append(run)
      x = layer.output(run, rows: batch.tokenCount)
    }
    return Run(layers: runs, output: x, tokenCount: batch.tokenCount)
  }

  /// Adds the layers' gradients into `grad` and returns the input's, given the output's
  /// (`dOutput`).
  func backward(_ p: UnsafePointer<Float>, _ run: Run, dOutput: FloatBuffer, grad: UnsafeMutablePointer<Float>) -> FloatBuffer {
    var d = dOutput
    for k in layers.indices.reversed() {
      let dX = FloatBuffer(run.tokenCount * layers[k].forwardLayer.inputSize)
      layers[k].backward(p, run.layers[k], dOutput: d, grad: grad, dInput: dX.pointer)
      d = dX
    }
    return d
  }
}
