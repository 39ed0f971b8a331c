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
  /// gradient buffer: the trainer's inner loop. The transitions' gradient is
  /// ``CRFLoss``'s; the state scores' gradient goes to the features that make them.
  static func accumulate(
    model: CRFModel, expTransition: [Double], x: AttributeSequence, labels: [Int], weight: Double,
    into g: UnsafeMutablePointer<Double>
  ) -> Double {
    let L = model.labelCount
    let T = x.count
    guard T > 0 else { return 0 }
    var scores = [Double](repeating: 0, count: T * L)
    scores.withUnsafeMutableBufferPointer { model.stateScores(x, state: model.state, into: $0.baseAddress!) }
    let transitionBase = model.state.count
    let (loss, lattice, restricted) = CRFLoss.negativeLogLikelihood(
      stateScores: scores, transition: model.transition, expTransition: expTransition, labelCount: L, labels: labels,
      weight: weight, dScores: nil, dTransitions: g + transitionBase)
    let A = model.attributeCount
    var marginals = [Double](repeating: 0, count: L)
    // A free position (label -1, in a partial labelling) has for observed counts its
    // marginals over the label sequences that agree with the labelling.
    var observed = [Double](repeating: 0, count: L)
    marginals.withUnsafeMutableBufferPointer { marginals in
      model.featureStart.withUnsafeBufferPointer { start in
        model.featureLabel.withUnsafeBufferPointer { label in
          x.ids.withUnsafeBufferPointer { ids in
            for t in 0..<T {
              for y in 0..<L { marginals[y] = lattice.marginal(t, y) }
              let free = labels[t] < 0
              if free, let restricted { for y in 0..<L { observed[y] = restricted.marginal(t, y) } }
              let gold = Int32(labels[t])
              for k in x.range(t) {
                let a = Int(ids[k])
                guard a >= 0 && a < A else { continue }
                let v = x.value(k) * weight
                for f in start[a]..<start[a + 1] {
                  let y = label[f]
                  g[f] += v * marginals[Int(y)]
                  if free { g[f] -= v * observed[Int(y)] } else if y == gold { g[f] -= v }
                }
              }
            }
          }
        }
      }
    }
    return -loss
  }
}
