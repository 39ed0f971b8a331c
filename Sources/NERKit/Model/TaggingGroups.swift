/// How tagging cuts a stream of records into the groups a neural model scores together.
///
/// A sentence's scores can differ in the last bits with the group it is computed in
/// (BLAS takes other kernels for other matrix sizes), so groups are fixed by position:
/// group `k` holds the sentences among the stream's records `size·k ..< size·(k + 1)`,
/// however the stream is read in batches. A stream cut into shards of a multiple of
/// `size` records (`parallel --pipe -N 3200`) therefore gives the same groups, and the
/// same bytes, as the whole.
public struct TaggingGroups: Sendable {
  /// Records per group.
  public let size: Int
  /// The records seen before the next batch.
  public private(set) var seen = 0

  public init(size: Int = 32) {
    precondition(size > 0)
    self.size = size
  }

  /// The groups of the next batch of records: indices into `isSentence` (true for the
  /// records to tag), in order, no group empty.
  public mutating func next(_ isSentence: [Bool]) -> [[Int]] {
    var groups: [[Int]] = []
    var current = -1
    for (i, tag) in isSentence.enumerated() where tag {
      if (seen + i) / size != current {
        current = (seen + i) / size
        groups.append([])
      }
      groups[groups.count - 1].append(i)
    }
    seen += isSentence.count
    return groups
  }
}
