/// The layout of a batch of sequences of different lengths for a recurrent layer, time
/// step by time step ("packed" sequences).
///
/// Sequences are sorted by decreasing length (stably), so the sequences still running at
/// step `t` are the first ``batchSizes``[t] of that order, and the rows of step `t` are
/// `offsets[t] ..< offsets[t] + batchSizes[t]`: one matrix product per step covers every
/// running sequence, and the previous step's state of row `offsets[t] + s` is row
/// `offsets[t - 1] + s`.
struct Packing {
  /// The lengths in sorted order.
  let lengths: [Int]
  /// `order[s]`: the index (in the caller's order) of the `s`-th sequence in sorted order.
  let order: [Int]
  /// `rank[i]`: the sorted position of the caller's sequence `i`.
  let rank: [Int]
  /// The number of sequences running at each step.
  let batchSizes: [Int]
  /// The first row of each step; `offsets[steps]` is the number of rows.
  let offsets: [Int]

  init(lengths original: [Int]) {
    order = original.indices.sorted { original[$0] != original[$1] ? original[$0] > original[$1] : $0 < $1 }
    lengths = order.map { original[$0] }
    var rank = [Int](repeating: 0, count: original.count)
    for (s, i) in order.enumerated() { rank[i] = s }
    self.rank = rank
    let steps = lengths.first ?? 0
    var sizes = [Int](repeating: 0, count: steps)
    for n in lengths {
      for t in 0..<n { sizes[t] += 1 }
    }
    batchSizes = sizes
    var offsets = [0]
    for n in sizes { offsets.append(offsets.last! + n) }
    self.offsets = offsets
  }

  var steps: Int { batchSizes.count }
  var rows: Int { offsets.last! }

  /// The row of sorted sequence `s` at step `t`.
  @inline(__always) func row(_ s: Int, _ t: Int) -> Int { offsets[t] + s }
}
