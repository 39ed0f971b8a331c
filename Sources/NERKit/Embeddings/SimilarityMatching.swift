import CLinAlg

extension SimilarityInitialization {
  /// VecMap's initial dictionary: the first `words` rows of each side matched by their
  /// sorted, normalized rows of `√(XXᵀ)`, CSLS, in both directions (union).
  func initialPairs(_ x: WordEmbeddings, _ z: WordEmbeddings) -> [IndexPair] {
    let m = min(words, x.count, z.count)
    let xs = Self.similarityDistribution(x, rows: m), zs = Self.similarityDistribution(z, rows: m)
    let all = Array(0..<m)
    let forward = NeighbourRetrieval(source: xs, target: zs, method: .csls(k: k), threads: threads).nearest(all, count: 1)
    let backward = NeighbourRetrieval(source: zs, target: xs, method: .csls(k: k), threads: threads).nearest(all, count: 1)
    return forward.enumerated().map { IndexPair(source: $0.offset, target: $0.element[0].index) }
      + backward.enumerated().map { IndexPair(source: $0.element[0].index, target: $0.offset) }
  }

  /// The rows of `√(XXᵀ)` for the first `rows` rows X, each sorted ascending, then the
  /// rows normalized unit, center, unit: `rows` vectors of `rows` values.
  /// `√(XXᵀ) = X (XᵀX)^(-1/2) Xᵀ`, the inverse square root from the SVD of the `d × d`
  /// matrix XᵀX (directions with a singular value under 1e-9 of the largest dropped).
  static func similarityDistribution(_ e: WordEmbeddings, rows m: Int) -> WordEmbeddings {
    let d = e.dimension
    let x = Array(e.vectors[..<(m * d)])
    var g = [Float](repeating: 0, count: d * d)
    sgemm(true, false, d, d, m, x, d, x, d, beta: 0, &g, d)
    var a = g.map(Double.init)
    var s = [Double](repeating: 0, count: d), u = [Double](repeating: 0, count: d * d), vt = u
    let info = clinalg_dgesdd(d, d, &a, &s, &u, &vt)
    precondition(info == 0, "similarity initialization: LAPACK dgesdd failed (info \(info))")
    let floor = (s.first ?? 0) * 1e-9
    var root = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in 0..<d {
        var sum = 0.0
        for t in 0..<d where s[t] > floor { sum += u[i * d + t] * u[j * d + t] / s[t].squareRoot() }
        root[i * d + j] = sum
      }
    }
    var p = [Float](repeating: 0, count: m * d)
    sgemm(false, false, m, d, d, x, d, root.map(Float.init), d, beta: 0, &p, d)
    var sim = [Float](repeating: 0, count: m * m)
    sgemm(false, true, m, m, d, p, d, x, d, beta: 0, &sim, m)
    for r in 0..<m { sim[(r * m)..<((r + 1) * m)].sort() }
    let names = (0..<m).map(String.init)
    let rowOfWord = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return prepared(WordEmbeddings(uniqueWords: names, dimension: m, vectors: sim, rowOfWord: rowOfWord))
  }

  /// For every row of `queries`, its best row of `base` by CSLS (`cos − r(base row)/2`,
  /// r over `k` nearest queries) after dropping each score (to 0) with probability
  /// `1 − keep`, as VecMap's stochastic induction does; and the mean of each query's
  /// largest plain cosine.
  func stochasticMatches(
    _ queries: WordEmbeddings, _ base: WordEmbeddings, keep: Float, random: (UInt64, UInt64)
  ) -> (best: [Int], meanSimilarity: Double) {
    let penalty = NeighbourRetrieval.meanNearestSimilarity(of: base, among: queries, k: k, threads: threads)
    let d = queries.dimension, q = queries.count, n = base.count, block = 256
    var best = [Int](repeating: 0, count: q), top = [Float](repeating: 0, count: q)
    let seed = self.seed
    best.withUnsafeMutableBufferPointer { bestOut in
      top.withUnsafeMutableBufferPointer { topOut in
        queries.vectors.withUnsafeBufferPointer { qv in
          base.vectors.withUnsafeBufferPointer { bv in
            let shared = UnsafeSendable((bestOut, topOut, qv, bv))
            parallelBlocks((q + block - 1) / block, threads: threads, state: { FloatBuffer(block * n) }) { scores, b in
              let (bestOut, topOut, qv, bv) = shared.value
              let lo = b * block, hi = min(q, lo + block)
              MatrixProduct.timesTransposed(
                UnsafeBufferPointer(rebasing: qv[(lo * d)..<(hi * d)]), rows: hi - lo, bv, rows: n, columns: d,
                into: scores.buffer)
              for r in lo..<hi {
                var rng = SeededRandom(seed, random.0, random.1, UInt64(r))
                let row = scores.pointer + (r - lo) * n
                var bestScore = -Float.infinity, bestIndex = 0, maxCos = -Float.infinity
                for j in 0..<n {
                  maxCos = max(maxCos, row[j])
                  var s = row[j] - penalty[j] / 2
                  if keep < 1, rng.unit() >= keep { s = 0 }
                  if s > bestScore { bestScore = s; bestIndex = j }
                }
                bestOut[r] = bestIndex
                topOut[r] = maxCos
              }
            }
          }
        }
      }
    }
    return (best, top.reduce(0.0) { $0 + Double($1) } / Double(max(1, q)))
  }
}
