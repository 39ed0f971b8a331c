/// The update rules of neural training.
public enum NeuralOptimizerKind: String, CaseIterable, Sendable {
  /// SGD with momentum: v = m v - lr g, w += v.
  case sgd
  /// ADADELTA (Zeiler 2012), rho 0.95, epsilon 1e-6; the step is multiplied by the
  /// learning rate (1 by default).
  case adadelta
}

/// An optimizer's state for every weight: dense for the shared weights, and for the
/// word embeddings tables of the same shape, updated only on the rows a batch uses
/// (lazy updates: a row's momentum or averages only move when the row has a gradient).
struct Optimizer {
  let kind: NeuralOptimizerKind
  var momentum: Float = 0.9
  var rho: Float = 0.95
  var epsilon: Float = 1e-6
  var dense1: [Float]
  var dense2: [Float]
  var rows1: [[Float]]
  var rows2: [[Float]]

  init(kind: NeuralOptimizerKind, model: NeuralCRF, momentum: Float) {
    self.kind = kind
    self.momentum = momentum
    dense1 = [Float](repeating: 0, count: model.parameters.count)
    rows1 = model.embeddings.map { [Float](repeating: 0, count: $0.count) }
    dense2 = kind == .adadelta ? dense1 : []
    rows2 = kind == .adadelta ? rows1 : []
  }

  /// Applies one step of `grad` to the model.
  mutating func step(_ model: inout NeuralCRF, _ grad: Gradient, learningRate lr: Float) {
    let g = grad.dense.pointer
    let kind = self.kind, m = momentum, rho = rho, eps = epsilon
    model.parameters.withUnsafeMutableBufferPointer { w in
      dense1.withUnsafeMutableBufferPointer { a in
        dense2.withUnsafeMutableBufferPointer { b in
          if kind == .adadelta {
            for i in 0..<w.count { Optimizer.update(kind, &w[i], g[i], &a[i], &b[i], lr, m, rho, eps) }
          } else {
            var unused: Float = 0
            for i in 0..<w.count { Optimizer.update(kind, &w[i], g[i], &a[i], &unused, lr, m, rho, eps) }
          }
        }
      }
    }
    let E = grad.wordDim
    for (slot, key) in grad.keys.enumerated() {
      let l = key >> 32, row = key & 0xFFFF_FFFF
      for d in 0..<E {
        let i = row * E + d
        let gi = grad.rows[slot * E + d]
        if kind == .adadelta {
          Optimizer.update(kind, &model.embeddings[l][i], gi, &rows1[l][i], &rows2[l][i], lr, m, rho, eps)
        } else {
          var unused: Float = 0
          Optimizer.update(kind, &model.embeddings[l][i], gi, &rows1[l][i], &unused, lr, m, rho, eps)
        }
      }
    }
  }

  @inline(__always)
  static func update(_ kind: NeuralOptimizerKind, _ w: inout Float, _ g: Float, _ a: inout Float, _ b: inout Float,
                     _ lr: Float, _ m: Float, _ rho: Float, _ eps: Float) {
    switch kind {
    case .sgd:
      a = m * a - lr * g
      w += a
    case .adadelta:
      a = rho * a + (1 - rho) * g * g
      let delta = -((b + eps).squareRoot() / (a + eps).squareRoot()) * g
      b = rho * b + (1 - rho) * delta * delta
      w += lr * delta
    }
  }
}
