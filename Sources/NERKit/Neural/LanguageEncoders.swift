/// Each language's own sentence BiLSTM (``NeuralConfiguration/languageEncoders``): it
/// reads the token input of its language's sentences, and its [forward ; backward]
/// states join the shared encoder's under the tag layer (tokens × 2 hidden, the rows of
/// each sentence filled by its language's BiLSTM).
struct LanguageEncoders {
  let lstms: [BiLSTM]

  /// What the backward pass needs: each language's run (languages without a sentence in
  /// the batch have none) and the output.
  struct Run {
    let runs: [(language: Int, run: BiLSTM.Run)]
    let output: FloatBuffer
  }

  var isEmpty: Bool { lstms.isEmpty }

  func forward(_ p: UnsafePointer<Float>, input: FloatBuffer, _ batch: TokenBatch) -> Run {
    let sequences = batch.sequences
    var byLanguage = [[[Int]]](repeating: [], count: lstms.count)
    for (k, s) in batch.sentences.enumerated() { byLanguage[s.language].append(sequences[k]) }
    var runs: [(Int, BiLSTM.Run)] = []
    let H = lstms.first?.forwardLayer.hiddenSize ?? 0
    let output = FloatBuffer(batch.tokenCount * 2 * H)
    for (l, seqs) in byLanguage.enumerated() where !seqs.isEmpty {
      let run = lstms[l].forward(p, input: input.pointer, sequences: seqs)
      lstms[l].write(run, into: output)
      runs.append((l, run))
    }
    return Run(runs: runs, output: output)
  }

  /// Adds the BiLSTMs' gradients into `grad` and their input's into `dInput`, given
  /// the output's.
  func backward(_ p: UnsafePointer<Float>, _ run: Run, dOutput: FloatBuffer, grad: UnsafeMutablePointer<Float>,
                dInput: UnsafeMutablePointer<Float>) {
    for (l, r) in run.runs { lstms[l].backward(p, r, dOutput: dOutput, grad: grad, dInput: dInput) }
  }

  /// Token rows side by side: `a` (tokens × `wa`) then `b` (tokens × `wb`).
  static func concatenate(_ a: FloatBuffer, _ wa: Int, _ b: FloatBuffer, _ wb: Int, rows: Int) -> FloatBuffer {
    let out = FloatBuffer(rows * (wa + wb))
    for r in 0..<rows {
      (out.pointer + r * (wa + wb)).update(from: a.pointer + r * wa, count: wa)
      (out.pointer + r * (wa + wb) + wa).update(from: b.pointer + r * wb, count: wb)
    }
    return out
  }

  /// Columns `from..<(from + width)` of a tokens × `stride` matrix.
  static func columns(_ m: FloatBuffer, stride: Int, from: Int, width: Int, rows: Int) -> FloatBuffer {
    let out = FloatBuffer(rows * width)
    for r in 0..<rows { (out.pointer + r * width).update(from: m.pointer + r * stride + from, count: width) }
    return out
  }
}
