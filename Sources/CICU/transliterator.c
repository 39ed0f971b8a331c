/* Transliteration with ICU transforms (see cicu.h). */
#include "cicu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/uenum.h>

struct cicu_transliterator {
  UTransliterator *t;
};

/* UTF-8 to a new NUL-terminated UTF-16 buffer (invalid bytes become U+FFFD). */
static UChar *utf16(const char *s, int64_t len, int32_t *out_len) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t need = 0;
  u_strFromUTF8WithSub(NULL, 0, &need, s, (int32_t)len, 0xFFFD, NULL, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
  UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)(need + 1));
  if (!buf) return NULL;
  status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(buf, need + 1, out_len, s, (int32_t)len, 0xFFFD, NULL, &status);
  if (U_FAILURE(status)) { free(buf); return NULL; }
  return buf;
}

cicu_transliterator *cicu_transliterator_open(const char *id, const char *rules,
                                              char *error, size_t error_capacity) {
  int32_t id_len = 0, rules_len = 0;
  UChar *uid = utf16(id ? id : "", id ? (int64_t)strlen(id) : 0, &id_len);
  UChar *urules = rules ? utf16(rules, (int64_t)strlen(rules), &rules_len) : NULL;
  UParseError parse;
  memset(&parse, 0, sizeof parse);
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU(uid, id_len, UTRANS_FORWARD, urules, rules ? rules_len : -1, &parse, &status);
  free(uid);
  free(urules);
  if (U_FAILURE(status) || !t) {
    if (error && error_capacity) {
      if (rules) {
        snprintf(error, error_capacity, "rule syntax error (%s) at rule line %d, offset %d", u_errorName(status),
                 (int)parse.line, (int)parse.offset);
      } else {
        snprintf(error, error_capacity, "unknown transform '%s' (%s)", id ? id : "", u_errorName(status));
      }
    }
    return NULL;
  }
  cicu_transliterator *c = (cicu_transliterator *)malloc(sizeof *c);
  if (!c) { utrans_close(t); return NULL; }
  c->t = t;
  return c;
}

void cicu_transliterator_close(cicu_transliterator *c) {
  if (!c) return;
  utrans_close(c->t);
  free(c);
}

int64_t cicu_transliterate(cicu_transliterator *c, const char *src, int64_t length, char *dst, int64_t capacity) {
  int32_t len = 0;
  UChar *u = utf16(src, length, &len);
  if (!u) return -1;
  /* Transliteration can grow the text: work in a buffer with room, growing on overflow. */
  int32_t room = len * 4 + 16;
  for (;;) {
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)room);
    if (!buf) { free(u); return -1; }
    memcpy(buf, u, sizeof(UChar) * (size_t)len);
    int32_t text_len = len, limit = len;
    UErrorCode status = U_ZERO_ERROR;
    utrans_transUChars(c->t, buf, &text_len, room, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) { free(buf); room *= 2; continue; }
    free(u);
    if (U_FAILURE(status)) { free(buf); return -1; }
    int32_t bytes = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(dst, (int32_t)(capacity > INT32_MAX ? INT32_MAX : capacity), &bytes, buf, text_len, &status);
    free(buf);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status)) return bytes;
    return -1;
  }
}

int32_t cicu_transliterator_count(void) { return utrans_countAvailableIDs(); }

int32_t cicu_transliterator_id(int32_t i, char *buffer, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration *e = utrans_openIDs(&status);
  if (U_FAILURE(status)) return -1;
  int32_t len = -1;
  const char *id = NULL;
  for (int32_t k = 0; k <= i; k++) {
    id = uenum_next(e, &len, &status);
    if (!id || U_FAILURE(status)) { uenum_close(e); return -1; }
  }
  int32_t n = (int32_t)strlen(id);
  if (n + 1 <= capacity) memcpy(buffer, id, (size_t)n + 1);
  uenum_close(e);
  return n;
}
