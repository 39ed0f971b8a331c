/// A bidirectional LSTM over sequences whose steps are rows of an input matrix: the
/// forward layer reads each sequence left to right, the backward layer right to left
/// (both packed, see ``Packing``). With shared directions both layers are the same
/// weights.
struct BiLSTM: Equatable {
  let forwardLayer: LSTMLayer
  let backwardLayer: LSTMLayer

  final class Run {
    let packing: Packing
    let lengths: [Int]
    let sequences: [[Int]]
    let forward: LSTMLayer.Run
    let backward: LSTMLayer.Run

    init(packing: Packing, lengths: [Int], sequences: [[Int]], forward: LSTMLayer.Run, backward: LSTMLayer.Run) {
      self.packing = packing
      self.lengths = lengths
      self.sequences = sequences
      self.forward = forward
      self.backward = backward
    }

    /// The forward layer's packed row for position `t` of the caller's sequence `i`.
    @inline(__always) func forwardRow(_ i: Int, _ t: Int) -> Int { packing.row(packing.rank[i], t) }
    /// The backward layer's packed row for position `t` of the caller's sequence `i`.
    @inline(__always) func backwardRow(_ i: Int, _ t: Int) -> Int { packing.row(packing.rank[i], lengths[i] - 1 - t) }
  }

  /// Runs both directions; `sequences[i]` lists the input rows (of width `D`) of
  /// sequence `i`'s steps. Every sequence must be non-empty.
  func forward(_ p: UnsafePointer<Float>, input: UnsafePointer<Float>, sequences: [[Int]]) -> Run {
    let D = forwardLayer.inputSize
    let lengths = sequences.map(\.count)
    let packing = Packing(lengths: lengths)
    let xf = FloatBuffer(packing.rows * D), xb = FloatBuffer(packing.rows * D)
    for (s, i) in packing.order.enumerated() {
      let seq = sequences[i], n = seq.count
      for t in 0..<n {
        let r = packing.row(s, t)
        (xf.pointer + r * D).update(from: input + seq[t] * D, count: D)
        (xb.pointer + r * D).update(from: input + seq[n - 1 - t] * D, count: D)
      }
    }
    let f = forwardLayer.forward(p, x: xf, packing: packing)
    let b = backwardLayer.forward(p, x: xb, packing: packing)
    return Run(packing: packing, lengths: lengths, sequences: sequences, forward: f, backward: b)
  }

  /// The backward pass from the gradients of the outputs (`dHf`, `dHb`: packed as the
  /// runs, overwritten); adds the weights' gradients into `grad` and, when `dInput` is
  /// given, the input rows' gradients into it.
  func backward(_ p: UnsafePointer<Float>, _ run: Run, dHf: FloatBuffer, dHb: FloatBuffer,
                grad: UnsafeMutablePointer<Float>, dInput: UnsafeMutablePointer<Float>?) {
    let D = forwardLayer.inputSize
    let packing = run.packing
    let dxf = dInput == nil ? nil : FloatBuffer(packing.rows * D)
    let dxb = dInput == nil ? nil : FloatBuffer(packing.rows * D)
    forwardLayer.backward(p, run.forward, dH: dHf, grad: grad, dX: dxf)
    backwardLayer.backward(p, run.backward, dH: dHb, grad: grad, dX: dxb)
    guard let dInput, let dxf, let dxb else { return }
    for (s, i) in packing.order.enumerated() {
      let seq = run.sequences[i], n = seq.count
      for t in 0..<n {
        let r = packing.row(s, t)
        let a = dInput + seq[t] * D, fa = dxf.pointer + r * D
        for k in 0..<D { a[k] += fa[k] }
        let b = dInput + seq[n - 1 - t] * D, fb = dxb.pointer + r * D
        for k in 0..<D { b[k] += fb[k] }
      }
    }
  }

  /// Each step's [forward ; backward] output at the row of its input (`rows` × 2H; rows
  /// no sequence uses stay 0).
  func output(_ run: Run, rows: Int) -> FloatBuffer {
    let out = FloatBuffer(rows * 2 * forwardLayer.hiddenSize)
    write(run, into: out)
    return out
  }

  /// Writes the [forward ; backward] states of the run's token rows into `out` (rows ×
  /// 2 hidden), leaving the other rows as they are.
  func write(_ run: Run, into out: FloatBuffer) {
    let H = forwardLayer.hiddenSize
    for (i, seq) in run.sequences.enumerated() {
      for (t, r) in seq.enumerated() {
        (out.pointer + r * 2 * H).update(from: run.forward.h.pointer + run.forwardRow(i, t) * H, count: H)
        (out.pointer + r * 2 * H + H).update(from: run.backward.h.pointer + run.backwardRow(i, t) * H, count: H)
      }
    }
  }

  /// The backward pass from the gradient of ``output(_:rows:)``.
  func backward(_ p: UnsafePointer<Float>, _ run: Run, dOutput: FloatBuffer, grad: UnsafeMutablePointer<Float>,
                dInput: UnsafeMutablePointer<Float>?) {
    let H = forwardLayer.hiddenSize
    let dHf = FloatBuffer(run.packing.rows * H), dHb = FloatBuffer(run.packing.rows * H)
    for (i, seq) in run.sequences.enumerated() {
      for (t, r) in seq.enumerated() {
        (dHf.pointer + run.forwardRow(i, t) * H).update(from: dOutput.pointer + r * 2 * H, count: H)
        (dHb.pointer + run.backwardRow(i, t) * H).update(from: dOutput.pointer + r * 2 * H + H, count: H)
      }
    }
    backward(p, run, dHf: dHf, dHb: dHb, grad: grad, dInput: dInput)
  }
}
