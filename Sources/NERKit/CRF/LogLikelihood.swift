#if canImport(Glibc)
import Glibc
#endif

/// The conditional log-likelihood of labelled sequences and its gradient.
public enum LogLikelihood {
  /// Adds `weight` × the gradient of the *negative* log-likelihood of `labels` given `x`
  /// to `gradient` (laid out as ``CRFModel/weights``: expected minus observed feature
  /// counts), and returns `weight` × the log-likelihood.
  @discardableResult
  public static func accumulate(
    model: CRFModel, x: AttributeSequence, labels: [Int], weight: Double = 1, into gradient: inout [Double]
  ) -> Double {
    let expTransition = model.transition.map { exp($0) }
    return gradient.withUnsafeMutableBufferPointer { g in
      accumulate(model: model, expTransition: expTransition, x: x, labels: labels, weight: weight, into: g.baseAddress!)
    }
  }

  /// The same with exp(transition weights) computed once by the caller and a raw
  /// gradient buffer: the trainer's inner loop.
  static func accumulate(
    model: CRFModel, expTransition: [Double], x: AttributeSequence, labels: [Int], weight: Double,
    into g: UnsafeMutablePointer<Double>
  ) -> Double {
    let L = model.labelCount
    let T = x.count
    guard T > 0 else { return 0 }
    var scores = [Double](repeating: 0, count: T * L)
    scores.withUnsafeMutableBufferPointer { model.stateScores(x, state: model.state, into: $0.baseAddress!) }
    let lattice = Lattice(stateScores: scores, expTransition: expTransition, labelCount: L)
    var goldScore = 0.0
    for t in 0..<T {
      goldScore += scores[t * L + labels[t]]
      if t > 0 { goldScore += model.transition[labels[t - 1] * L + labels[t]] }
    }
    let A = model.attributeCount
    let transitionBase = model.state.count
    var marginals = [Double](repeating: 0, count: L)
    marginals.withUnsafeMutableBufferPointer { marginals in
      model.featureStart.withUnsafeBufferPointer { start in
        model.featureLabel.withUnsafeBufferPointer { label in
          x.ids.withUnsafeBufferPointer { ids in
            for t in 0..<T {
              for y in 0..<L { marginals[y] = lattice.marginal(t, y) }
              let gold = Int32(labels[t])
              for k in x.range(t) {
                let a = Int(ids[k])
                guard a >= 0 && a < A else { continue }
                let v = x.value(k) * weight
                for f in start[a]..<start[a + 1] {
                  let y = label[f]
                  g[f] += v * marginals[Int(y)]
                  if y == gold { g[f] -= v }
                }
              }
              if t > 0 {
                let edges = g + transitionBase
                lattice.addEdgeMarginals(t, scaledBy: weight, into: edges)
                edges[labels[t - 1] * L + labels[t]] -= weight
              }
            }
          }
        }
      }
    }
    return weight * (goldScore - lattice.logZ)
  }
}
