/// The conditional log-likelihood of labelled sequences and its gradient.
public enum LogLikelihood {
  /// Adds `weight` × the gradient of the *negative* log-likelihood of `labels` given `x`
  /// to `gradient` (laid out as ``CRFModel/weights``: expected minus observed feature
  /// counts), and returns `weight` × the log-likelihood.
  @discardableResult
  public static func accumulate(
    model: CRFModel, x: AttributeSequence, labels: [Int], weight: Double = 1, into gradient: inout [Double]
  ) -> Double {
    let L = model.labelCount
    let T = x.count
    guard T > 0 else { return 0 }
    let scores = model.stateScores(x)
    let lattice = Lattice(stateScores: scores, transition: model.transition, labelCount: L)
    var goldScore = 0.0
    for t in 0..<T {
      goldScore += scores[t * L + labels[t]]
      if t > 0 { goldScore += model.transition[labels[t - 1] * L + labels[t]] }
    }
    let transitionBase = model.state.count
    gradient.withUnsafeMutableBufferPointer { g in
      var marginals = [Double](repeating: 0, count: L)
      for t in 0..<T {
        for y in 0..<L { marginals[y] = lattice.marginal(t, y) }
        let gold = labels[t]
        for k in x.offsets[t]..<x.offsets[t + 1] {
          let a = Int(x.ids[k])
          guard a >= 0 && a < model.attributeCount else { continue }
          let v = x.values[k] * weight
          let row = a * L
          for y in 0..<L { g[row + y] += v * marginals[y] }
          g[row + gold] -= v
        }
        if t > 0 {
          for i in 0..<L {
            for j in 0..<L { g[transitionBase + i * L + j] += weight * lattice.edgeMarginal(t, i, j) }
          }
          g[transitionBase + labels[t - 1] * L + gold] -= weight
        }
      }
    }
    return weight * (goldScore - lattice.logZ)
  }
}
