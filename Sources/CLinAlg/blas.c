/* BLAS behind the seam: OpenBLAS held to one thread (see clinalg.h). */
#include "clinalg.h"
#include "single_thread.h"

#include <cblas.h>
#include <pthread.h>

static pthread_once_t single_thread_once = PTHREAD_ONCE_INIT;

static void set_single_thread(void) { openblas_set_num_threads(1); }

/* Called before every BLAS or LAPACK call: OpenBLAS parallelism off, once per process. */
void clinalg_ensure_single_thread(void) { pthread_once(&single_thread_once, set_single_thread); }

void clinalg_sgemm(int trans_a, int trans_b, long m, long n, long k,
                   float alpha, const float *a, long lda,
                   const float *b, long ldb,
                   float beta, float *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  clinalg_ensure_single_thread();
  cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
              (blasint)m, (blasint)n, (blasint)k, alpha, a, (blasint)lda, b, (blasint)ldb, beta, c,
              (blasint)ldc);
}

void clinalg_dgemm(int trans_a, int trans_b, long m, long n, long k,
                   double alpha, const double *a, long lda,
                   const double *b, long ldb,
                   double beta, double *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  clinalg_ensure_single_thread();
  cblas_dgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
              (blasint)m, (blasint)n, (blasint)k, alpha, a, (blasint)lda, b, (blasint)ldb, beta, c,
              (blasint)ldc);
}

int clinalg_blas_threads(void) {
  clinalg_ensure_single_thread();
  return openblas_get_num_threads();
}
