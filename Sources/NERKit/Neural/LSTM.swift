#if canImport(Glibc)
import Glibc
#endif

/// One direction of an LSTM (gates input, forget, cell, output; no peepholes), its
/// weights at fixed offsets of a flat parameter vector:
///
/// - `Wx` (4H × D) at ``inputWeights``, `Wh` (4H × H) at ``recurrentWeights``, `b` (4H)
///   at ``bias``; the gate rows come in the order i, f, g, o.
///
/// Works on packed batches (``Packing``): the input projections of all steps are one
/// matrix product, then each step one product with `Wh` over the running sequences.
struct LSTMLayer: Equatable {
  let inputSize: Int
  let hiddenSize: Int
  let inputWeights: Int
  let recurrentWeights: Int
  let bias: Int

  /// The layer's weights starting at `offset`.
  init(inputSize: Int, hiddenSize: Int, offset: Int) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    inputWeights = offset
    recurrentWeights = offset + 4 * hiddenSize * inputSize
    bias = recurrentWeights + 4 * hiddenSize * hiddenSize
  }

  static func parameterCount(inputSize: Int, hiddenSize: Int) -> Int {
    4 * hiddenSize * (inputSize + hiddenSize + 1)
  }

  var end: Int { bias + 4 * hiddenSize }

  /// What the forward pass keeps for the backward pass.
  final class Run {
    let packing: Packing
    /// The input, packed (rows × D).
    let x: FloatBuffer
    /// Activated gates (rows × 4H), then in the backward pass their pre-activation gradients.
    let gates: FloatBuffer
    let c: FloatBuffer
    let tanhC: FloatBuffer
    /// Outputs (rows × H).
    let h: FloatBuffer
    /// The previous step's output of each row (zero at step 0), rows × H.
    let hPrevious: FloatBuffer

    init(packing: Packing, x: FloatBuffer, hidden H: Int) {
      self.packing = packing
      self.x = x
      let n = packing.rows
      gates = FloatBuffer(n * 4 * H)
      c = FloatBuffer(n * H)
      tanhC = FloatBuffer(n * H)
      h = FloatBuffer(n * H)
      hPrevious = FloatBuffer(n * H)
    }
  }

  /// Runs the layer over packed input `x` (rows × D).
  func forward(_ p: UnsafePointer<Float>, x: FloatBuffer, packing: Packing) -> Run {
    let H = hiddenSize, D = inputSize, G = 4 * H
    let run = Run(packing: packing, x: x, hidden: H)
    let rows = packing.rows
    let gates = run.gates.pointer, c = run.c.pointer, tc = run.tanhC.pointer
    let h = run.h.pointer, hp = run.hPrevious.pointer
    sgemm(false, true, rows, G, D, x.pointer, D, p + inputWeights, D, beta: 0, gates, G)
    let b = p + bias
    for r in 0..<rows {
      let g = gates + r * G
      for k in 0..<G { g[k] += b[k] }
    }
    for t in 0..<packing.steps {
      let n = packing.batchSizes[t], o = packing.offsets[t]
      if t > 0 {
        let prev = packing.offsets[t - 1]
        (hp + o * H).update(from: h + prev * H, count: n * H)
        sgemm(false, true, n, G, H, hp + o * H, H, p + recurrentWeights, H, beta: 1, gates + o * G, G)
      }
      for j in 0..<n {
        let r = o + j
        let g = gates + r * G
        for k in 0..<(2 * H) { g[k] = sigmoid(g[k]) }
        for k in (2 * H)..<(3 * H) { g[k] = fastTanh(g[k]) }
        for k in (3 * H)..<G { g[k] = sigmoid(g[k]) }
        let cr = c + r * H
        if t > 0 {
          let cp = c + (packing.offsets[t - 1] + j) * H
          for k in 0..<H { cr[k] = g[H + k] * cp[k] + g[k] * g[2 * H + k] }
        } else {
          for k in 0..<H { cr[k] = g[k] * g[2 * H + k] }
        }
        let tr = tc + r * H, hr = h + r * H
        for k in 0..<H {
          let v = fastTanh(cr[k])
          tr[k] = v
          hr[k] = g[3 * H + k] * v
        }
      }
    }
    return run
  }

  /// The backward pass: `dH` (rows × H, packed, overwritten) holds the loss's gradient
  /// with respect to every output; adds the weights' gradients into `grad` (laid out as
  /// the parameters) and writes the input's gradient into `dX` (rows × D) when given.
  func backward(_ p: UnsafePointer<Float>, _ run: Run, dH: FloatBuffer, grad: UnsafeMutablePointer<Float>, dX: FloatBuffer?) {
    let H = hiddenSize, D = inputSize, G = 4 * H
    let packing = run.packing
    let rows = packing.rows
    let dC = FloatBuffer(rows * H)
    let gates = run.gates.pointer, c = run.c.pointer, tc = run.tanhC.pointer
    let dh = dH.pointer, dc = dC.pointer
    var t = packing.steps - 1
    while t >= 0 {
      let n = packing.batchSizes[t], o = packing.offsets[t]
      let prevOffset = t > 0 ? packing.offsets[t - 1] : 0
      for j in 0..<n {
        let r = o + j
        let g = gates + r * G
        let dhr = dh + r * H, tcr = tc + r * H, dcr = dc + r * H
        let cp: UnsafeMutablePointer<Float>? = t > 0 ? c + (prevOffset + j) * H : nil
        let dcp: UnsafeMutablePointer<Float>? = t > 0 ? dc + (prevOffset + j) * H : nil
        for k in 0..<H {
          let out = g[3 * H + k], tck = tcr[k], dhk = dhr[k]
          // dc now holds the cell's whole gradient; the output gate's goes in place.
          dcr[k] += dhk * out * (1 - tck * tck)
          g[3 * H + k] = dhk * tck * out * (1 - out)
        }
        if let cp, let dcp {
          for k in 0..<H {
            let f = g[H + k]
            g[H + k] = dcr[k] * cp[k] * f * (1 - f)
            dcp[k] += dcr[k] * f
          }
        } else {
          for k in 0..<H { g[H + k] = 0 }
        }
        for k in 0..<H {
          let i = g[k], z = g[2 * H + k], d = dcr[k]
          g[k] = d * z * i * (1 - i)
          g[2 * H + k] = d * i * (1 - z * z)
        }
      }
      if t > 0 {
        sgemm(false, false, n, H, G, gates + o * G, G, p + recurrentWeights, H, beta: 1, dh + prevOffset * H, H)
      }
      t -= 1
    }
    sgemm(true, false, G, D, rows, gates, G, run.x.pointer, D, beta: 1, grad + inputWeights, D)
    sgemm(true, false, G, H, rows, gates, G, run.hPrevious.pointer, H, beta: 1, grad + recurrentWeights, H)
    let gb = grad + bias
    for r in 0..<rows {
      let g = gates + r * G
      for k in 0..<G { gb[k] += g[k] }
    }
    if let dX {
      sgemm(false, false, rows, D, G, gates, G, p + inputWeights, D, beta: 0, dX.pointer, D)
    }
  }
}

