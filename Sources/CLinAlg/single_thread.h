/* Internal to CLinAlg: holds OpenBLAS to one thread, once per process. */
#ifndef CLINALG_SINGLE_THREAD_H
#define CLINALG_SINGLE_THREAD_H
void clinalg_ensure_single_thread(void);
#endif
