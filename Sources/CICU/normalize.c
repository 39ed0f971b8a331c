/* Unicode normalization through ICU's unorm2 API (see cicu.h). */
#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

static const UNormalizer2 *normalizer_for(int form, UErrorCode *status) {
  switch (form) {
  case CICU_NFC: return unorm2_getNFCInstance(status);
  case CICU_NFD: return unorm2_getNFDInstance(status);
  case CICU_NFKC: return unorm2_getNFKCInstance(status);
  case CICU_NFKD: return unorm2_getNFKDInstance(status);
  default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
}

/* UTF-8 to a freshly allocated UTF-16 buffer; returns NULL on error. */
static UChar *to_utf16(const char *src, int64_t len, int32_t *outLen) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t need = 0;
  u_strFromUTF8WithSub(NULL, 0, &need, src, (int32_t)len, -1, NULL, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
  UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)(need + 1));
  if (!buf) return NULL;
  status = U_ZERO_ERROR;
  int32_t subs = 0;
  u_strFromUTF8WithSub(buf, need + 1, outLen, src, (int32_t)len, -1, &subs, &status);
  if (U_FAILURE(status) || subs > 0) { free(buf); return NULL; }
  return buf;
}

/* The normalizer for `form` and the UTF-16 copy of the text; NULL on error. */
static UChar *prepare(int form, const char *src, int64_t len, const UNormalizer2 **n, int32_t *ulen) {
  UErrorCode status = U_ZERO_ERROR;
  *n = normalizer_for(form, &status);
  if (U_FAILURE(status)) return NULL;
  return to_utf16(src, len, ulen);
}

int cicu_is_normalized(int form, const char *src, int64_t len) {
  const UNormalizer2 *n;
  int32_t ulen = 0;
  UChar *u = prepare(form, src, len, &n, &ulen);
  if (!u) return -1;
  UErrorCode status = U_ZERO_ERROR;
  UBool yes = unorm2_isNormalized(n, u, ulen, &status);
  free(u);
  if (U_FAILURE(status)) return -1;
  return yes ? 1 : 0;
}

int64_t cicu_normalize(int form, const char *src, int64_t len, char *dst, int64_t cap) {
  const UNormalizer2 *n;
  int32_t ulen = 0;
  UChar *u = prepare(form, src, len, &n, &ulen);
  if (!u) return -1;
  UErrorCode status = U_ZERO_ERROR;
  int32_t need = unorm2_normalize(n, u, ulen, NULL, 0, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { free(u); return -1; }
  UChar *out = (UChar *)malloc(sizeof(UChar) * (size_t)(need + 1));
  if (!out) { free(u); return -1; }
  status = U_ZERO_ERROR;
  int32_t got = unorm2_normalize(n, u, ulen, out, need + 1, &status);
  free(u);
  if (U_FAILURE(status)) { free(out); return -1; }
  int32_t bytes = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(dst, (int32_t)(cap > INT32_MAX ? INT32_MAX : cap), &bytes, out, got, &status);
  free(out);
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return bytes;
  if (U_FAILURE(status)) return -1;
  return bytes;
}

const char *cicu_version(void) {
  static char text[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo v;
  u_getVersion(v);
  u_versionToString(v, text);
  return text;
}
