import CLinAlg

/// Dense row-major matrix products over the CLinAlg seam (OpenBLAS on one thread), with
/// this layer's own parallelism over fixed row blocks.
///
/// Block boundaries depend only on the matrix sizes, never on the thread count, so every
/// product is the same bits on any number of threads and from run to run.
enum MatrixProduct {
  /// C (m×n) = A (m×k) · Bᵀ, where B is n×k: every row of A against every row of B.
  static func timesTransposed(
    _ a: UnsafeBufferPointer<Float>, rows m: Int, _ b: UnsafeBufferPointer<Float>, rows n: Int, columns k: Int,
    into c: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(a.count >= m * k && b.count >= n * k && c.count >= m * n)
    guard m > 0, n > 0 else { return }
    clinalg_sgemm(0, 1, m, n, k, 1, a.baseAddress, k, b.baseAddress, k, 0, c.baseAddress, n)
  }

  /// C (m×n) = A · Bᵀ as ``timesTransposed(_:rows:_:rows:columns:into:)``, on up to
  /// `threads` threads over blocks of `blockRows` rows of A.
  static func timesTransposedInBlocks(
    _ a: UnsafeBufferPointer<Float>, rows m: Int, _ b: UnsafeBufferPointer<Float>, rows n: Int, columns k: Int,
    into c: UnsafeMutableBufferPointer<Float>, blockRows: Int = 4096, threads: Int = BatchWorkers<Void>.processorCount
  ) {
    precondition(a.count >= m * k && b.count >= n * k && c.count >= m * n)
    let blocks = (m + blockRows - 1) / blockRows
    let pa = UnsafeSendable(a), pb = UnsafeSendable(b), pc = UnsafeSendable(c)
    parallelBlocks(blocks, threads: threads) { block in
      let lo = block * blockRows, hi = min(m, lo + blockRows)
      clinalg_sgemm(
        0, 1, hi - lo, n, k, 1, pa.value.baseAddress! + lo * k, k, pb.value.baseAddress, k, 0,
        pc.value.baseAddress! + lo * n, n)
    }
  }

  /// C (m×n) = Aᵀ · B, where A is k×m and B is k×n (sums over rows: Yᵀ X).
  static func transposedTimes(
    _ a: UnsafeBufferPointer<Float>, columns m: Int, _ b: UnsafeBufferPointer<Float>, columns n: Int, rows k: Int,
    into c: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(a.count >= m * k && b.count >= n * k && c.count >= m * n)
    guard m > 0, n > 0 else { return }
    if k == 0 {
      for i in 0..<(m * n) { c[i] = 0 }
      return
    }
    clinalg_sgemm(1, 0, m, n, k, 1, a.baseAddress, m, b.baseAddress, n, 0, c.baseAddress, n)
  }
}
