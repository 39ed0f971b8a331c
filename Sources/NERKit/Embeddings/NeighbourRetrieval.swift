/// Retrieval of target rows for source rows by cosine or CSLS (``RetrievalMethod``),
/// between embeddings of one dimension whose vectors are unit length
/// (``WordEmbeddings/normalize()``; MUSE normalizes both sides before retrieving).
///
/// Setting up for CSLS computes `r_S(y)` for every target row, one pass of all targets
/// against all sources; each ``nearest(_:count:)`` is then one pass of its queries against
/// all targets, which also gives the queries' `r_T(x)`. Everything runs as blocked
/// `sgemm` on several threads with a partial top-k per row; results are the same bits on
/// any number of threads, ties going to the lower index. Cost: `O(rows × rows × dim)`.
///
/// ```swift
/// let retrieval = NeighbourRetrieval(source: mapped, target: target, method: .csls(k: 10))
/// let best = retrieval.nearest(Array(0..<mapped.count), count: 1)   // best[i][0].index
/// ```
public struct NeighbourRetrieval: Sendable {
  public let source: WordEmbeddings
  public let target: WordEmbeddings
  public let method: RetrievalMethod
  /// `r_S(y)`: the mean cosine of each target row to its `k` nearest source rows (CSLS;
  /// empty for nearest neighbours).
  public let targetMeanSimilarity: [Float]
  /// Threads for the passes.
  public var threads: Int

  /// Sets up retrieval from `source` rows to `target` rows (unit vectors, same dimension).
  /// For CSLS, `targetMeanSimilarity` may be given (from
  /// ``meanNearestSimilarity(of:rows:among:k:threads:)``) to skip computing it.
  public init(
    source: WordEmbeddings, target: WordEmbeddings, method: RetrievalMethod,
    targetMeanSimilarity: [Float]? = nil, threads: Int = BatchWorkers<Void>.processorCount
  ) {
    precondition(source.dimension == target.dimension, "retrieval: dimensions \(source.dimension) and \(target.dimension) differ")
    self.source = source
    self.target = target
    self.method = method
    self.threads = threads
    switch method {
    case .nearestNeighbour:
      self.targetMeanSimilarity = []
    case .csls(let k):
      precondition(k > 0, "CSLS needs k > 0")
      if let given = targetMeanSimilarity {
        precondition(given.count == target.count)
        self.targetMeanSimilarity = given
      } else {
        self.targetMeanSimilarity = Self.meanNearestSimilarity(of: target, among: source, k: k, threads: threads)
      }
    }
  }

  /// The `count` best target rows for each source row of `queries`, best first, with
  /// their cosine (nearest neighbours) or CSLS scores. Fewer than `count` only when the
  /// target has fewer rows.
  public func nearest(_ queries: [Int], count: Int) -> [[Neighbour]] {
    search(queries, count: count).neighbours
  }

  /// ``nearest(_:count:)``, with `r_T(x)` of every query (CSLS; empty for nearest
  /// neighbours).
  public func search(_ queries: [Int], count: Int) -> (neighbours: [[Neighbour]], sourceMeanSimilarity: [Float]) {
    precondition(count >= 1)
    precondition(queries.allSatisfy { $0 >= 0 && $0 < source.count }, "retrieval: query row out of range")
    var scan = SimilarityScan()
    scan.top = count
    scan.threads = threads
    if case .csls(let k) = method {
      scan.knn = k
      scan.penalty = targetMeanSimilarity
    }
    let result = scan.run(queries: source, rows: queries, base: target)
    var neighbours: [[Neighbour]] = []
    neighbours.reserveCapacity(queries.count)
    for r in queries.indices {
      var list: [Neighbour] = []
      list.reserveCapacity(count)
      for t in 0..<count {
        let j = Int(result.indices[r * count + t])
        guard j >= 0 else { break }
        let s = result.scores[r * count + t]
        list.append(Neighbour(index: j, score: result.meanSimilarity.isEmpty ? s : s - result.meanSimilarity[r]))
      }
      neighbours.append(list)
    }
    return (neighbours, result.meanSimilarity)
  }

  /// The CSLS score of source row `i` and target row `j`, or their cosine for nearest
  /// neighbours (one dot product, plus one pass of row `i` for `r_T`).
  public func score(source i: Int, target j: Int) -> Float {
    let cosine = Self.dot(source.vector(at: i), target.vector(at: j))
    guard case .csls(let k) = method else { return cosine }
    let rT = Self.meanNearestSimilarity(of: source, rows: [i], among: target, k: k, threads: 1)[0]
    return 2 * cosine - targetMeanSimilarity[j] - rT
  }

  /// For each row in `rows` of `queries` (all rows when nil), the mean cosine similarity
  /// to its `k` most similar rows of `base` (fewer when `base` is smaller): CSLS's
  /// `r_T` (queries = mapped sources, base = targets) or `r_S` (the other way round).
  public static func meanNearestSimilarity(
    of queries: WordEmbeddings, rows: [Int]? = nil, among base: WordEmbeddings, k: Int,
    threads: Int = BatchWorkers<Void>.processorCount
  ) -> [Float] {
    precondition(k > 0)
    var scan = SimilarityScan()
    scan.knn = k
    scan.threads = threads
    return scan.run(queries: queries, rows: rows ?? Array(0..<queries.count), base: base).meanSimilarity
  }

  /// The dot product of two vectors, summed in Float in order (as a 1×1 sgemm may not be).
  static func dot(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
    var s: Float = 0
    for (x, y) in zip(a, b) { s += x * y }
    return s
  }
}
