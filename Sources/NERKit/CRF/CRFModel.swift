/// The parameters of a linear-chain CRF, laid out as CRFsuite's first-order model: state
/// features pair an attribute with a label, transition features a label with the next
/// label; no implicit start or end features.
///
/// State features are sparse: each attribute has weights only for the labels it was seen
/// with in training (CRFsuite's default), or for every label in a dense model. The state
/// features of attribute `a` are `featureStart[a]..<featureStart[a + 1]`, their labels
/// in ascending order in ``featureLabel``.
public struct CRFModel: Equatable, Sendable {
  public let labelCount: Int
  public let attributeCount: Int
  /// Where each attribute's state features start (`attributeCount + 1` entries).
  public let featureStart: [Int]
  /// The label of each state feature.
  public let featureLabel: [Int32]
  /// The weight of each state feature.
  public var state: [Double]
  /// `transition[i * labelCount + j]`: the weight of label `i` followed by label `j`.
  public var transition: [Double]

  /// A dense model: every attribute with every label, so that `state[a * labelCount + y]`
  /// is the weight of attribute `a` with label `y`.
  public init(labelCount: Int, attributeCount: Int) {
    self.labelCount = labelCount
    self.attributeCount = attributeCount
    featureStart = (0...attributeCount).map { $0 * labelCount }
    featureLabel = (0..<(attributeCount * labelCount)).map { Int32($0 % max(labelCount, 1)) }
    state = [Double](repeating: 0, count: labelCount * attributeCount)
    transition = [Double](repeating: 0, count: labelCount * labelCount)
  }

  /// A sparse model with zero weights: attribute `a` has a state feature for each label of
  /// `labels(a)` (ascending, no repeats).
  public init(labelCount: Int, attributeCount: Int, labels: (Int) -> [Int]) {
    self.labelCount = labelCount
    self.attributeCount = attributeCount
    var start = [0]
    var label: [Int32] = []
    start.reserveCapacity(attributeCount + 1)
    for a in 0..<attributeCount {
      for y in labels(a) {
        precondition(y >= 0 && y < labelCount && (label.count == start[a] || Int(label.last!) < y))
        label.append(Int32(y))
      }
      start.append(label.count)
    }
    featureStart = start
    featureLabel = label
    state = [Double](repeating: 0, count: label.count)
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

  /// The index of the state feature of attribute `a` with label `y`, if it has one.
  @inline(__always)
  public func feature(_ a: Int, _ y: Int) -> Int? {
    for k in featureStart[a]..<featureStart[a + 1] where featureLabel[k] == Int32(truncatingIfNeeded: y) { return k }
    return nil
  }

  /// The weight of attribute `a` with label `y` (0 without such a feature).
  public func weight(_ a: Int, _ y: Int) -> Double { feature(a, y).map { state[$0] } ?? 0 }

  /// The state scores of a sequence: `scores[t * labelCount + y]` = Σ over the
  /// attributes `a` of position `t` of value(a) · weight(a, y).
  public func stateScores(_ x: AttributeSequence) -> [Double] {
    var scores = [Double](repeating: 0, count: x.count * labelCount)
    scores.withUnsafeMutableBufferPointer { stateScores(x, state: state, into: $0.baseAddress!) }
    return scores
  }

  /// Adds the state scores of `x` under the state weights `w` into `s`.
  @inline(__always)
  func stateScores(_ x: AttributeSequence, state w: [Double], into s: UnsafeMutablePointer<Double>) {
    let L = labelCount
    let A = attributeCount
    w.withUnsafeBufferPointer { w in
      featureStart.withUnsafeBufferPointer { start in
        featureLabel.withUnsafeBufferPointer { label in
          x.ids.withUnsafeBufferPointer { ids in
            for t in 0..<x.count {
              let row = s + t * L
              for k in x.range(t) {
                let a = Int(ids[k])
                guard a >= 0 && a < A else { continue }  // unknown attributes score nothing
                let v = x.value(k)
                for f in start[a]..<start[a + 1] { row[Int(label[f])] += v * w[f] }
              }
            }
          }
        }
      }
    }
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
