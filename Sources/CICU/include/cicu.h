/*
 * cicu.h: the project's seam over system ICU.
 *
 * Only plain C types cross this header: UTF-8 byte buffers in, UTF-8 byte buffers out,
 * int status codes. Every <unicode/...> include stays inside this target's .c files, so
 * Swift code never sees ICU's headers (they clash with the ICU bundled in Foundation)
 * nor ICU's versioned symbol names.
 */
#ifndef CICU_H
#define CICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Normalization forms offered by cicu_normalize. */
enum {
  CICU_NFC = 0,
  CICU_NFD = 1,
  CICU_NFKC = 2,
  CICU_NFKD = 3
};

/**
 * Normalizes UTF-8 text.
 *
 * Reads `len` bytes of UTF-8 at `src` and writes the normalized UTF-8 to `dst` (capacity
 * `cap` bytes). Returns the number of bytes of the result (which may exceed `cap`: then
 * nothing useful was written and the caller retries with a larger buffer), or a negative
 * value on error (invalid UTF-8 or an ICU failure).
 */
int64_t cicu_normalize(int form, const char *src, int64_t len, char *dst, int64_t cap);

/**
 * Returns 1 when the UTF-8 text is already in the given normalization form (a quick
 * check that avoids copying), 0 when it is not, negative on error.
 */
int cicu_is_normalized(int form, const char *src, int64_t len);

/** The version of the ICU library in use, as "major.minor" (static storage). */
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
