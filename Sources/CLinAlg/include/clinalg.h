/*
 * clinalg.h: the project's seam over BLAS and LAPACK (OpenBLAS, LAPACKE).
 *
 * Only plain C types cross this header: float and double pointers, int and long.
 * Every <cblas.h> and <lapacke.h> include stays inside this target's .c files, so Swift
 * code never sees those headers. Matrices are dense and row-major; a leading dimension
 * is the distance in elements between the starts of two rows.
 *
 * OpenBLAS runs on one thread inside this seam (set once, on first use): callers
 * parallelize over fixed row blocks themselves, so results are the same bits whatever
 * the number of threads and from run to run.
 */
#ifndef CLINALG_H
#define CLINALG_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * C = alpha * op(A) * op(B) + beta * C, single precision, row-major (cblas_sgemm).
 *
 * op(A) is m x k and op(B) is k x n; op(X) is X, or X transposed when `trans_x` is
 * non-zero. C is m x n. `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored.
 * Safe to call from several threads at once on disjoint outputs.
 */
void clinalg_sgemm(int trans_a, int trans_b, long m, long n, long k,
                   float alpha, const float *a, long lda,
                   const float *b, long ldb,
                   float beta, float *c, long ldc);

/**
 * C = alpha * op(A) * op(B) + beta * C, double precision, row-major (cblas_dgemm).
 * Same conventions as clinalg_sgemm.
 */
void clinalg_dgemm(int trans_a, int trans_b, long m, long n, long k,
                   double alpha, const double *a, long lda,
                   const double *b, long ldb,
                   double beta, double *c, long ldc);

/**
 * Singular value decomposition A = U diag(S) Vt of an m x n row-major matrix, double
 * precision (LAPACKE_dgesdd, all columns: U is m x m, Vt is n x n, S has min(m, n)
 * values in decreasing order). A is overwritten. Returns LAPACK's info: 0 on success,
 * < 0 for a bad argument, > 0 when the iteration did not converge, -1010 when out of
 * memory.
 */
int clinalg_dgesdd(long m, long n, double *a, double *s, double *u, double *vt);

/** The number of threads OpenBLAS uses (1 once the seam is in use). */
int clinalg_blas_threads(void);

#ifdef __cplusplus
}
#endif

#endif
