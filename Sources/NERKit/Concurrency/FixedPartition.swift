/// How the suite cuts work so that results do not depend on the number of threads: the
/// pieces are fixed by position alone, computed each on its own and combined in piece
/// order. Every parallel path takes its pieces from here.
///
/// - ``shares(_:parts:)``: `parts` contiguous pieces of near-equal size (sizes differ by
///   at most one), as threads take a batch (``BatchWorkers``) and a minibatch is split
///   into the neural trainer's fixed shards.
/// - ``chunks(_:size:)``: consecutive pieces of `size` (the last may be shorter), as the
///   linear CRF's gradient is summed (chunks of 64 sentences into fixed accumulators),
///   a development set is tagged (groups of 64) and CRFsuite data is tagged (groups of
///   32). Records a tagging stream is scored in are grouped by ``TaggingGroups``, which
///   counts positions across batches the same way.
public enum FixedPartition {
  /// `parts` contiguous ranges covering `0..<count`, sizes differing by at most one.
  public static func shares(_ count: Int, parts: Int) -> [Range<Int>] {
    (0..<parts).map { k in (count * k / parts)..<(count * (k + 1) / parts) }
  }

  /// Consecutive ranges of `size` covering `0..<count`.
  public static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
  }

  /// The elements of `items` in consecutive groups of `size`.
  public static func groups<T>(_ items: [T], size: Int) -> [[T]] {
    chunks(items.count, size: size).map { Array(items[$0]) }
  }
}
