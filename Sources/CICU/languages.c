/* The ISO 639 language codes ICU knows (see cicu.h). */
#include "cicu.h"

#include <unicode/uloc.h>

int32_t cicu_language_count(void) {
  const char *const *codes = uloc_getISOLanguages();
  int32_t n = 0;
  while (codes[n] != NULL) n++;
  return n;
}

const char *cicu_language(int32_t i) {
  if (i < 0 || i >= cicu_language_count()) return NULL;
  return uloc_getISOLanguages()[i];
}
