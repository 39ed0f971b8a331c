/* Word and sentence break iteration over UTF-8 text (see cicu.h). */
#include "cicu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct cicu_breaker {
  UBreakIterator *iterator;
  /* The UText over the caller's bytes, reopened in place for every text (no allocation). */
  UText text;
};

cicu_breaker *cicu_breaker_open(int kind, const char *locale, int suppress_abbreviations,
                                char *error, size_t error_capacity) {
  char name[128];
  const char *base = locale ? locale : "";
  if (kind == CICU_BREAK_SENTENCE && suppress_abbreviations) {
    snprintf(name, sizeof name, "%s@ss=standard", base);
  } else {
    snprintf(name, sizeof name, "%s", base);
  }
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *it = ubrk_open(kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, name, NULL, 0, &status);
  if (U_FAILURE(status) || !it) {
    if (error && error_capacity) snprintf(error, error_capacity, "cannot open a break iterator for '%s': %s", name, u_errorName(status));
    return NULL;
  }
  cicu_breaker *b = (cicu_breaker *)malloc(sizeof *b);
  if (!b) { ubrk_close(it); return NULL; }
  b->iterator = it;
  UText initial = UTEXT_INITIALIZER;
  b->text = initial;
  return b;
}

void cicu_breaker_close(cicu_breaker *b) {
  if (!b) return;
  ubrk_close(b->iterator);
  utext_close(&b->text);
  free(b);
}

int64_t cicu_breaker_segment(cicu_breaker *b, const char *text, int64_t length,
                             int64_t *bounds, int32_t *statuses, int64_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&b->text, text, length, &status);
  if (U_FAILURE(status)) return -1;
  /* The iterator keeps a shallow clone of the UText, pointing at the caller's bytes until
     the next call; it is never used in between. */
  ubrk_setUText(b->iterator, &b->text, &status);
  if (U_FAILURE(status)) return -1;
  int64_t n = 0;
  for (int32_t p = ubrk_first(b->iterator); p != UBRK_DONE; p = ubrk_next(b->iterator)) {
    if (n < capacity) {
      bounds[n] = p;
      if (statuses) statuses[n] = n == 0 ? 0 : ubrk_getRuleStatus(b->iterator);
    }
    n++;
  }
  return n;
}
