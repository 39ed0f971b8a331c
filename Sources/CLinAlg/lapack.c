/* LAPACK behind the seam (see clinalg.h). */
#include "clinalg.h"
#include "single_thread.h"

#include <lapacke.h>

int clinalg_dgesdd(long m, long n, double *a, double *s, double *u, double *vt) {
  if (m <= 0 || n <= 0) return -1;
  clinalg_ensure_single_thread();
  return (int)LAPACKE_dgesdd(LAPACK_ROW_MAJOR, 'A', (lapack_int)m, (lapack_int)n, a, (lapack_int)n, s, u,
                             (lapack_int)m, vt, (lapack_int)n);
}
