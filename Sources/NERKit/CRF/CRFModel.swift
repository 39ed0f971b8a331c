/// The parameters of a linear-chain CRF: a weight for every (attribute, label) pair (state
/// features) and for every (label, label) pair (transitions), as in CRFsuite's first-order
/// model without implicit start or end features.
public struct CRFModel: Equatable, Sendable {
  public var labelCount: Int
  public var attributeCount: Int
  /// `state[a * labelCount + y]`: the weight of attribute `a` with label `y`.
  public var state: [Double]
  /// `transition[i * labelCount + j]`: the weight of label `i` followed by label `j`.
  public var transition: [Double]

  public init(labelCount: Int, attributeCount: Int) {
    self.labelCount = labelCount
    self.attributeCount = attributeCount
    state = [Double](repeating: 0, count: labelCount * attributeCount)
    transition = [Double](repeating: 0, count: labelCount * labelCount)
  }

  /// The number of weights: state weights first, then transitions (the layout of
  /// ``weights`` and of gradients).
  public var weightCount: Int { state.count + transition.count }

  /// All weights in one vector, state weights first.
  public var weights: [Double] {
    get { state + transition }
    set {
      precondition(newValue.count == weightCount)
      state = Array(newValue[0..<state.count])
      transition = Array(newValue[state.count...])
    }
  }

  /// The state scores of a sequence: `scores[t * labelCount + y]` = Σ over the
  /// attributes `a` of position `t` of value(a) · weight(a, y).
  public func stateScores(_ x: AttributeSequence) -> [Double] {
    let L = labelCount
    var scores = [Double](repeating: 0, count: x.count * L)
    state.withUnsafeBufferPointer { w in
      scores.withUnsafeMutableBufferPointer { s in
        for t in 0..<x.count {
          for k in x.offsets[t]..<x.offsets[t + 1] {
            let a = Int(x.ids[k])
            guard a >= 0 && a < attributeCount else { continue }  // unknown attributes score nothing
            let v = x.values[k]
            let row = a * L
            for y in 0..<L { s[t * L + y] += v * w[row + y] }
          }
        }
      }
    }
    return scores
  }

  /// The score of a label sequence: its state scores plus its transitions.
  public func score(_ x: AttributeSequence, labels: [Int]) -> Double {
    let s = stateScores(x)
    var total = 0.0
    for t in 0..<labels.count {
      total += s[t * labelCount + labels[t]]
      if t > 0 { total += transition[labels[t - 1] * labelCount + labels[t]] }
    }
    return total
  }
}
