#if canImport(Glibc)
import Glibc
#endif

/// Forward-backward over one sequence, as CRFsuite does it: potentials are exponentiated
/// once and every forward step is rescaled to sum to 1, so no logarithm is taken inside
/// the loops. State scores are shifted by their maximum at each position first, so large
/// weights cannot overflow; the shifts are added back into ``logZ``.
public struct Lattice {
  public let length: Int
  public let labelCount: Int
  /// exp(state score - max at the position), `[t * L + y]`.
  public private(set) var expState: [Double]
  /// exp(transition weight), `[i * L + j]`.
  public private(set) var expTransition: [Double]
  public private(set) var alpha: [Double]
  public private(set) var beta: [Double]
  /// The scaling factor of each position (1 / the sum of its unscaled forward values).
  public private(set) var scale: [Double]
  /// log of the partition function.
  public private(set) var logZ: Double

  /// Runs forward-backward on the state scores of a sequence (see
  /// ``CRFModel/stateScores(_:)``) and the model's transition weights.
  public init(stateScores: [Double], transition: [Double], labelCount L: Int) {
    self.init(stateScores: stateScores, expTransition: transition.map { exp($0) }, labelCount: L)
  }

  /// The same with exp(transition weights) given.
  public init(stateScores: [Double], expTransition: [Double], labelCount L: Int) {
    let T = stateScores.count / max(L, 1)
    length = T
    labelCount = L
    expState = [Double](repeating: 0, count: T * L)
    self.expTransition = expTransition
    alpha = [Double](repeating: 0, count: T * L)
    beta = [Double](repeating: 0, count: T * L)
    scale = [Double](repeating: 1, count: T)
    logZ = 0
    guard T > 0 else { return }
    var shift = 0.0
    for t in 0..<T {
      var m = -Double.infinity
      for y in 0..<L { m = max(m, stateScores[t * L + y]) }
      shift += m
      for y in 0..<L { expState[t * L + y] = exp(stateScores[t * L + y] - m) }
    }
    // Forward.
    var sum = 0.0
    for y in 0..<L {
      alpha[y] = expState[y]
      sum += alpha[y]
    }
    scale[0] = 1 / sum
    for y in 0..<L { alpha[y] *= scale[0] }
    for t in 1..<max(T, 1) {
      sum = 0
      for j in 0..<L {
        var a = 0.0
        for i in 0..<L { a += alpha[(t - 1) * L + i] * expTransition[i * L + j] }
        a *= expState[t * L + j]
        alpha[t * L + j] = a
        sum += a
      }
      scale[t] = 1 / sum
      for j in 0..<L { alpha[t * L + j] *= scale[t] }
    }
    // Backward, with the same scaling factors.
    for y in 0..<L { beta[(T - 1) * L + y] = scale[T - 1] }
    var t = T - 2
    while t >= 0 {
      for i in 0..<L {
        var b = 0.0
        for j in 0..<L { b += expTransition[i * L + j] * expState[(t + 1) * L + j] * beta[(t + 1) * L + j] }
        beta[t * L + i] = b * scale[t]
      }
      t -= 1
    }
    var logScale = 0.0
    for s in scale { logScale += log(s) }
    logZ = shift - logScale
  }

  /// The probability that position `t` has label `y`.
  @inline(__always)
  public func marginal(_ t: Int, _ y: Int) -> Double {
    alpha[t * labelCount + y] * beta[t * labelCount + y] / scale[t]
  }

  /// The probability that positions `t - 1` and `t` have labels `i` and `j`.
  @inline(__always)
  public func edgeMarginal(_ t: Int, _ i: Int, _ j: Int) -> Double {
    let L = labelCount
    return alpha[(t - 1) * L + i] * expTransition[i * L + j] * expState[t * L + j] * beta[t * L + j]
  }

  /// Adds `scale` × the edge marginals between positions `t - 1` and `t` to
  /// `into[i * L + j]`.
  @inline(__always)
  func addEdgeMarginals(_ t: Int, scaledBy factor: Double, into out: UnsafeMutablePointer<Double>) {
    let L = labelCount
    alpha.withUnsafeBufferPointer { alpha in
      beta.withUnsafeBufferPointer { beta in
        expState.withUnsafeBufferPointer { expState in
          expTransition.withUnsafeBufferPointer { expTransition in
            for i in 0..<L {
              let a = alpha[(t - 1) * L + i] * factor
              for j in 0..<L {
                out[i * L + j] += a * expTransition[i * L + j] * expState[t * L + j] * beta[t * L + j]
              }
            }
          }
        }
      }
    }
  }
}
