import CLinAlg

/// Single-precision matrix products through the CLinAlg seam (row-major, OpenBLAS on
/// one thread): C = alpha · op(A) · op(B) + beta · C, with op(A) m×k and op(B) k×n.
@inline(__always)
func sgemm(
  _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
  _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
  beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, alpha: Float = 1
) {
  guard m > 0, n > 0 else { return }
  if k == 0 {
    if beta == 0 {
      for i in 0..<m { for j in 0..<n { c[i * ldc + j] = 0 } }
    }
    return
  }
  clinalg_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

/// A zeroed Float buffer that frees itself; the scratch of the neural layers.
final class FloatBuffer {
  let count: Int
  let pointer: UnsafeMutablePointer<Float>

  init(_ count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  deinit { pointer.deallocate() }

  func zero() { pointer.update(repeating: 0, count: count) }

  var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }
}
