/// The engine under CSLS and nearest-neighbour retrieval: every query row against every
/// base row by dot product (cosine for unit vectors), one block of query rows at a time
/// (one `sgemm` per block), keeping per query row
///
/// - the mean of its `knn` largest similarities (CSLS's r terms), and
/// - its `top` best base rows by `similarity`, or by `2·similarity − penalty[j]` when a
///   penalty per base row is given (CSLS without the query's own constant r term).
///
/// Blocks depend only on the base size, and ties go to the lower base index, so results
/// are the same bits on any number of threads. Memory: one block of scores per thread,
/// at most about 32 MB.
struct SimilarityScan {
  var knn = 0
  var top = 0
  /// Only query positions below this get the `top` selection (the rest only `knn`).
  var topRows = Int.max
  var penalty: [Float]? = nil
  var threads = BatchWorkers<Void>.processorCount

  struct Result {
    /// Mean of the `knn` best similarities per query (empty when `knn == 0`).
    var meanSimilarity: [Float] = []
    /// `top` base rows per query position below `topRows`, best first (-1 past the end
    /// of a base with fewer rows).
    var indices: [Int32] = []
    var scores: [Float] = []
  }

  /// Rows `rows` of `queries` against all of `base` (same dimension).
  func run(queries: WordEmbeddings, rows: [Int], base: WordEmbeddings) -> Result {
    precondition(queries.dimension == base.dimension, "similarity scan: dimensions \(queries.dimension) and \(base.dimension) differ")
    let d = base.dimension, n = base.count, q = rows.count
    let topRows = min(self.topRows, q)
    var result = Result()
    result.meanSimilarity = [Float](repeating: 0, count: knn > 0 ? q : 0)
    result.indices = [Int32](repeating: -1, count: top * topRows)
    result.scores = [Float](repeating: -.infinity, count: top * topRows)
    guard q > 0, n > 0 else { return result }
    let blockRows = max(64, min(2048, (1 << 23) / n))
    let blocks = (q + blockRows - 1) / blockRows
    // No row has more neighbours than the base has rows: a larger k selects the same
    // ones, at a cost that grows with k.
    let knn = min(self.knn, n), top = self.top, selected = min(self.top, n)
    let penalty = self.penalty
    if let penalty { precondition(penalty.count == n) }
    result.meanSimilarity.withUnsafeMutableBufferPointer { mean in
      result.indices.withUnsafeMutableBufferPointer { indices in
        result.scores.withUnsafeMutableBufferPointer { scores in
          queries.vectors.withUnsafeBufferPointer { qv in
            base.vectors.withUnsafeBufferPointer { bv in
              let shared = UnsafeSendable((mean, indices, scores, qv, bv, rows, penalty))
              parallelBlocks(blocks, threads: threads, state: { ScanBuffers(rows: blockRows, d: d, n: n, k: max(knn, selected)) }) {
                buffers, block in
                let (mean, indices, scores, qv, bv, rows, penalty) = shared.value
                let lo = block * blockRows, hi = min(q, lo + blockRows)
                for r in lo..<hi {
                  let src = qv.baseAddress! + rows[r] * d
                  (buffers.queries + (r - lo) * d).update(from: src, count: d)
                }
                MatrixProduct.timesTransposed(
                  UnsafeBufferPointer(start: buffers.queries, count: (hi - lo) * d), rows: hi - lo, bv, rows: n, columns: d,
                  into: UnsafeMutableBufferPointer(start: buffers.scores, count: (hi - lo) * n))
                for r in lo..<hi {
                  let row = UnsafeBufferPointer(start: buffers.scores + (r - lo) * n, count: n)
                  if knn > 0 {
                    buffers.selection.select(row, k: knn)
                    mean[r] = buffers.selection.mean()
                  }
                  if top > 0, r < topRows {
                    if let penalty {
                      penalty.withUnsafeBufferPointer { buffers.selection.select(row, k: selected, penalty: $0) }
                    } else {
                      buffers.selection.select(row, k: selected)
                    }
                    for t in 0..<selected {
                      indices[r * top + t] = Int32(buffers.selection.indices[t])
                      scores[r * top + t] = buffers.selection.values[t]
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return result
  }
}

/// One thread's buffers for ``SimilarityScan``.
private final class ScanBuffers {
  let queries: UnsafeMutablePointer<Float>
  let scores: UnsafeMutablePointer<Float>
  var selection: TopSelection

  init(rows: Int, d: Int, n: Int, k: Int) {
    queries = .allocate(capacity: rows * d)
    scores = .allocate(capacity: rows * n)
    selection = TopSelection(capacity: k)
  }

  deinit {
    queries.deallocate()
    scores.deallocate()
  }
}

/// The `k` largest values of a row and their positions, best first; among equal values
/// the lower position comes first. NaN is never selected.
struct TopSelection {
  private(set) var values: [Float]
  private(set) var indices: [Int]
  private(set) var k = 0

  init(capacity: Int) {
    values = [Float](repeating: -.infinity, count: max(1, capacity))
    indices = [Int](repeating: -1, count: max(1, capacity))
  }

  /// Selects the `k` largest of `row`.
  mutating func select(_ row: UnsafeBufferPointer<Float>, k: Int) {
    begin(k)
    values.withUnsafeMutableBufferPointer { v in
      indices.withUnsafeMutableBufferPointer { ix in
        var threshold = -Float.infinity
        for j in 0..<row.count {
          let s = row[j]
          if s > threshold || (ix[k - 1] < 0 && s == -.infinity) { threshold = Self.insert(s, j, v, ix, k) }
        }
      }
    }
  }

  /// Selects the `k` largest of `2·row[j] − penalty[j]`.
  mutating func select(_ row: UnsafeBufferPointer<Float>, k: Int, penalty: UnsafeBufferPointer<Float>) {
    begin(k)
    values.withUnsafeMutableBufferPointer { v in
      indices.withUnsafeMutableBufferPointer { ix in
        var threshold = -Float.infinity
        for j in 0..<row.count {
          let s = 2 * row[j] - penalty[j]
          if s > threshold || (ix[k - 1] < 0 && s == -.infinity) { threshold = Self.insert(s, j, v, ix, k) }
        }
      }
    }
  }

  /// The mean of the selected values (over at most as many as were available), summed
  /// in Double from the best down.
  func mean() -> Float {
    var sum = 0.0
    var n = 0
    for t in 0..<k where indices[t] >= 0 {
      sum += Double(values[t])
      n += 1
    }
    return n == 0 ? 0 : Float(sum / Double(n))
  }

  private mutating func begin(_ k: Int) {
    precondition(k >= 1)
    if values.count < k {
      values = [Float](repeating: -.infinity, count: k)
      indices = [Int](repeating: -1, count: k)
    }
    self.k = k
    for t in 0..<k {
      values[t] = -.infinity
      indices[t] = -1
    }
  }

  /// Inserts `s` at `j` after every value not below it; returns the new threshold (the
  /// k-th value).
  @inline(__always)
  private static func insert(
    _ s: Float, _ j: Int, _ v: UnsafeMutableBufferPointer<Float>, _ ix: UnsafeMutableBufferPointer<Int>, _ k: Int
  ) -> Float {
    var p = k - 1
    while p > 0, v[p - 1] < s || ix[p - 1] < 0 {
      v[p] = v[p - 1]
      ix[p] = ix[p - 1]
      p -= 1
    }
    v[p] = s
    ix[p] = j
    return v[k - 1]
  }
}
