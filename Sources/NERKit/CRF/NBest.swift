/// The N best label sequences under a linear-chain model and a transition mask.
public enum NBest {
  /// The `n` highest-scoring allowed label sequences, best first, with their scores (the
  /// sum of their state scores and transitions), for state scores `scores[t * L + y]`
  /// and transition weights `transition[i * L + j]`, within `mask` when given.
  ///
  /// Exact (list Viterbi: the `n` best partial sequences are kept for every position and
  /// label). Fewer than `n` when fewer sequences are allowed: none when none is, one
  /// empty sequence of score 0 for an empty input. A score of -infinity rules a sequence
  /// out, as in ``Viterbi``. Equal scores come in the order of their labels compared from
  /// the last position backwards, smaller first; so the first result is the one of
  /// ``Viterbi/decode(scores:transition:labelCount:mask:)``.
  public static func decode(
    scores: [Double], transition: [Double], labelCount L: Int, mask: TransitionMask? = nil, n: Int
  ) -> [(labels: [Int], score: Double)] {
    guard n > 0 else { return [] }
    let T = scores.count / max(L, 1)
    guard T > 0 else { return [([], 0)] }
    // No more entries a cell than there are sequences (L^T, saturating).
    var sequences = 1
    for _ in 0..<T where sequences < n {
      let (product, overflow) = sequences.multipliedReportingOverflow(by: L)
      sequences = overflow ? Int.max : product
    }
    let n = min(n, sequences)
    let allowed = mask?.allowed
    // Entry r (r-th best) of cell (t, y) at index (t * L + y) * n + r: its score, and the
    // label and rank of the entry it extends at t - 1.
    var best = [Double](repeating: -.infinity, count: T * L * n)
    var backLabel = [Int](repeating: -1, count: T * L * n)
    var backRank = [Int](repeating: -1, count: T * L * n)
    var count = [Int](repeating: 0, count: T * L)
    for y in 0..<L where (mask?.allowedFirst[y] ?? true) && scores[y] > -.infinity {
      best[y * n] = scores[y]
      count[y] = 1
    }
    var heads = [Int](repeating: 0, count: L)
    for t in 1..<T {
      for j in 0..<L {
        // Merges the lists of the previous cells, each already sorted, best first.
        for i in 0..<L { heads[i] = 0 }
        let cell = t * L + j
        var r = 0
        while r < n {
          var top = -Double.infinity
          var arg = -1
          for i in 0..<L where allowed?[i * L + j] ?? true {
            let previous = (t - 1) * L + i
            guard heads[i] < count[previous] else { continue }
            let v = best[previous * n + heads[i]] + transition[i * L + j]
            if v > top { top = v; arg = i }
          }
          if arg < 0 { break }
          best[cell * n + r] = top + scores[cell]
          backLabel[cell * n + r] = arg
          backRank[cell * n + r] = heads[arg]
          heads[arg] += 1
          r += 1
        }
        count[cell] = r
      }
    }
    // The best ends, merged the same way over the allowed last labels.
    for y in 0..<L { heads[y] = 0 }
    var results: [(labels: [Int], score: Double)] = []
    while results.count < n {
      var top = -Double.infinity
      var arg = -1
      for y in 0..<L where (mask?.allowedLast[y] ?? true) && heads[y] < count[(T - 1) * L + y] {
        let v = best[((T - 1) * L + y) * n + heads[y]]
        if v > top { top = v; arg = y }
      }
      if arg < 0 { break }
      var labels = [Int](repeating: 0, count: T)
      var y = arg
      var rank = heads[arg]
      heads[arg] += 1
      for t in stride(from: T - 1, through: 0, by: -1) {
        labels[t] = y
        let entry = (t * L + y) * n + rank
        (y, rank) = (backLabel[entry], backRank[entry])
      }
      results.append((labels, top))
    }
    return results
  }
}
