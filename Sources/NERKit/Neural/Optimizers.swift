/// The update rules of neural training.
public enum NeuralOptimizerKind: String, CaseIterable, Sendable {
  /// SGD with momentum: v = m v - lr g, w += v.
  case sgd
  /// ADADELTA (Zeiler 2012), rho 0.95, epsilon 1e-6; the step is multiplied by the
  /// learning rate (1 by default).
  case adadelta
}

/// An optimizer's per-weight state over one flat vector: the momentum (SGD) or the
/// running averages of squared gradients and of squared steps (ADADELTA).
struct OptimizerState {
  var first: [Float]
  var second: [Float]

  /// Zero state for a vector of `count` weights.
  init(kind: NeuralOptimizerKind, count: Int) {
    first = [Float](repeating: 0, count: count)
    second = kind == .adadelta ? first : []
  }
}

/// An update rule with its settings, applied to flat `[Float]` weight vectors: every
/// weight of a dense vector, or only some rows of a table (lazy updates: a row's state
/// only moves when the row has a gradient). Any model can keep an ``OptimizerState`` per
/// vector and step them.
struct Optimizer {
  let kind: NeuralOptimizerKind
  var momentum: Float = 0.9
  var rho: Float = 0.95
  var epsilon: Float = 1e-6

  init(kind: NeuralOptimizerKind, momentum: Float) {
    self.kind = kind
    self.momentum = momentum
  }

  /// Updates every weight of `w` by the gradient `g` (as many values).
  func step(_ w: inout [Float], gradient g: UnsafePointer<Float>, state: inout OptimizerState, learningRate lr: Float) {
    step(&w, range: 0..<w.count, gradient: g, state: &state, learningRate: lr)
  }

  /// Updates row `row` (of `width` weights) of the table `w` by the gradient row `g`.
  func step(_ w: inout [Float], row: Int, width: Int, gradient g: UnsafePointer<Float>, state: inout OptimizerState,
            learningRate lr: Float) {
    step(&w, range: (row * width)..<((row + 1) * width), gradient: g, state: &state, learningRate: lr)
  }

  /// Updates `w[range]`, `g[0]` being the gradient of `w[range.lowerBound]`.
  private func step(_ w: inout [Float], range: Range<Int>, gradient g: UnsafePointer<Float>, state: inout OptimizerState,
                    learningRate lr: Float) {
    let kind = self.kind, m = momentum, rho = rho, eps = epsilon
    let start = range.lowerBound
    w.withUnsafeMutableBufferPointer { w in
      state.first.withUnsafeMutableBufferPointer { a in
        state.second.withUnsafeMutableBufferPointer { b in
          for i in range {
            let gi = g[i - start]
            switch kind {
            case .sgd:
              a[i] = m * a[i] - lr * gi
              w[i] += a[i]
            case .adadelta:
              a[i] = rho * a[i] + (1 - rho) * gi * gi
              let delta = -((b[i] + eps).squareRoot() / (a[i] + eps).squareRoot()) * gi
              b[i] = rho * b[i] + (1 - rho) * delta * delta
              w[i] += lr * delta
            }
          }
        }
      }
    }
  }
}
