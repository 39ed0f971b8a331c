/// Which label sequences decoding may produce: the transitions, first labels and last
/// labels a tag scheme allows (everything when nil).
public struct TransitionMask: Equatable, Sendable {
  public var labelCount: Int
  /// `allowed[i * labelCount + j]`: label `j` may follow label `i`.
  public var allowed: [Bool]
  public var allowedFirst: [Bool]
  public var allowedLast: [Bool]

  /// Everything allowed.
  public init(labelCount: Int) {
    self.labelCount = labelCount
    allowed = [Bool](repeating: true, count: labelCount * labelCount)
    allowedFirst = [Bool](repeating: true, count: labelCount)
    allowedLast = [Bool](repeating: true, count: labelCount)
  }

  /// The transitions `scheme` allows between these labels (tags such as `B-PER`; a
  /// label that is not a tag is allowed anywhere).
  public init(labels: [String], scheme: TagScheme) {
    self.init(labelCount: labels.count)
    let tags = labels.map { Tag(parsing: $0) }
    func canStart(_ t: Tag) -> Bool {
      switch (scheme, t.prefix) {
      case (_, .outside): return true
      case (.iob2, .inside), (.iobes, .inside), (.iobes, .end), (.bilou, .inside), (.bilou, .last): return false
      case (.iob1, .begin): return false
      default: return true
      }
    }
    func canEnd(_ t: Tag) -> Bool {
      switch (scheme, t.prefix) {
      case (.iobes, .begin), (.iobes, .inside), (.bilou, .begin), (.bilou, .inside): return false
      default: return true
      }
    }
    func follows(_ a: Tag, _ b: Tag) -> Bool {
      let same = a.prefix != .outside && a.type == b.type
      switch scheme {
      case .io: return true
      case .iob2:
        return b.prefix == .inside ? same : true
      case .iob1:
        return b.prefix == .begin ? same : true
      case .iobes, .bilou:
        let open = a.prefix == .begin || a.prefix == .inside
        let continues = b.prefix == .inside || b.prefix == (scheme == .iobes ? .end : .last)
        return open ? (continues && same) : !continues
      }
    }
    for (i, a) in tags.enumerated() {
      if let a {
        allowedFirst[i] = canStart(a)
        allowedLast[i] = canEnd(a)
      }
      for (j, b) in tags.enumerated() {
        if let a, let b { allowed[i * labelCount + j] = follows(a, b) }
      }
    }
  }
}

/// The best label sequence under a model and a transition mask.
public enum Viterbi {
  /// The highest-scoring allowed labels for the state scores `scores` (`[t * L + y]`)
  /// and transition weights, with their score; empty for an empty sequence.
  public static func decode(
    scores: [Double], transition: [Double], labelCount L: Int, mask: TransitionMask? = nil
  ) -> (labels: [Int], score: Double) {
    let T = scores.count / max(L, 1)
    guard T > 0 else { return ([], 0) }
    var best = [Double](repeating: -.infinity, count: T * L)
    var back = [Int](repeating: -1, count: T * L)
    for y in 0..<L where mask?.allowedFirst[y] ?? true { best[y] = scores[y] }
    for t in 1..<max(T, 1) {
      for j in 0..<L {
        var m = -Double.infinity
        var arg = -1
        for i in 0..<L where best[(t - 1) * L + i] > -.infinity && (mask?.allowed[i * L + j] ?? true) {
          let v = best[(t - 1) * L + i] + transition[i * L + j]
          if v > m { m = v; arg = i }
        }
        if arg >= 0 {
          best[t * L + j] = m + scores[t * L + j]
          back[t * L + j] = arg
        }
      }
    }
    var last = -1
    var top = -Double.infinity
    for y in 0..<L where (mask?.allowedLast[y] ?? true) && best[(T - 1) * L + y] > top {
      top = best[(T - 1) * L + y]
      last = y
    }
    guard last >= 0 else { return ([], -.infinity) }  // no allowed sequence
    var labels = [Int](repeating: 0, count: T)
    labels[T - 1] = last
    var t = T - 1
    while t > 0 {
      labels[t - 1] = back[t * L + labels[t]]
      t -= 1
    }
    return (labels, top)
  }
}
