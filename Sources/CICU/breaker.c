/* Word and sentence break iteration over UTF-8 text (see cicu.h). */
#include "cicu.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/*
 * The Latin-1 shortcut. Running text in Latin script is mostly words of letters, digits
 * and punctuation between spaces, and a word breaker breaks such text itself, as ICU
 * would, handing the rest to ICU.
 *
 * The text is cut into pieces: a piece ends where a space (U+0020) is followed by a
 * character that is neither a space (WSegSpace) nor an Extend, Format or ZWJ character.
 * There UAX #29 always breaks (WB3d joins spaces only to spaces, WB4 attaches only those
 * characters to what precedes them, and no other rule has a space before its last
 * character), and no rule reaches across, so each piece breaks as it would alone.
 *
 * A piece made only of Latin-1 characters of the classes below breaks into runs of
 * letters (rule status 200), runs of digits (100), runs of spaces (0) and single other
 * characters (0) -- unless a letter touches a digit, or a MID character stands between
 * two letters or digits (WB6, WB7, WB9 to WB12): then the piece goes to ICU, as do pieces
 * with characters of no class. Each character's class comes from ICU's Word_Break
 * property, and is kept only if the iterator itself breaks test pieces of the character
 * with letters, digits and punctuation as the shortcut does (rule sets differ from the
 * property here and there, and from version to version: ICU 72 joins words at '@').
 */
enum { LATIN_OTHER, LATIN_LETTER, LATIN_DIGIT, LATIN_SPACE, LATIN_MID, LATIN_PUNCT };

/* The text goes to ICU as UTF-16 (its break iterators run faster over UTF-16 than over a
   UTF-8 UText), with the UTF-8 offset of every UTF-16 unit to map boundaries back. */
struct cicu_breaker {
  UBreakIterator *iterator;
  int word;
  UChar *units;       /* a text in UTF-16 */
  int32_t *offsets;   /* offsets[i]: the UTF-8 offset of units[i]; one more for the end */
  int64_t capacity;   /* of units (offsets holds one more) */
  /* The shortcut's class of each Latin-1 character; NULL without the shortcut. */
  uint8_t *latin;
};

/* Where boundaries go: the caller's arrays, counted past their capacity. */
typedef struct {
  int64_t *bounds;
  int32_t *statuses;
  int64_t capacity;
  int64_t count;
} sink;

static inline void put(sink *s, int64_t bound, int32_t status) {
  if (s->count < s->capacity) {
    s->bounds[s->count] = bound;
    if (s->statuses) s->statuses[s->count] = status;
  }
  s->count++;
}

/* ---- ICU ---- */

/* Makes room for `length` UTF-16 units; 0 on success. */
static int reserve(cicu_breaker *b, int64_t length) {
  if (length <= b->capacity) return 0;
  int64_t capacity = length > 2 * b->capacity ? length : 2 * b->capacity;
  UChar *units = (UChar *)realloc(b->units, sizeof(UChar) * (size_t)capacity);
  if (!units) return -1;
  b->units = units;
  int32_t *offsets = (int32_t *)realloc(b->offsets, sizeof(int32_t) * (size_t)(capacity + 1));
  if (!offsets) return -1;
  b->offsets = offsets;
  b->capacity = capacity;
  return 0;
}

/* Breaks s[0, length) with ICU, putting every boundary after 0 (moved by `base`) in
   `out`; returns 0, or -1. */
static int icu_segment(cicu_breaker *b, const uint8_t *s, int32_t length, int64_t base, sink *out) {
  /* UTF-8 never takes fewer bytes than UTF-16 takes units. */
  if (reserve(b, length) != 0) return -1;
  int32_t i = 0, n16 = 0;
  while (i < length) {
    if (s[i] < 0x80) {
      b->offsets[n16] = i;
      b->units[n16++] = s[i++];
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    b->offsets[n16] = start;
    if (U_IS_BMP(c)) {
      b->units[n16++] = (UChar)c;
    } else {
      b->units[n16++] = U16_LEAD(c);
      b->offsets[n16] = start;
      b->units[n16++] = U16_TRAIL(c);
    }
  }
  b->offsets[n16] = length;
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(b->iterator, b->units, n16, &status);
  if (U_FAILURE(status)) return -1;
  ubrk_first(b->iterator);
  for (int32_t p = ubrk_next(b->iterator); p != UBRK_DONE; p = ubrk_next(b->iterator)) {
    put(out, base + b->offsets[p], b->word ? ubrk_getRuleStatus(b->iterator) : 0);
  }
  return 0;
}

/* ---- The Latin-1 shortcut ---- */

/* The shortcut's class of the character at s[i] of s[0, length), and its length in
   bytes in *width (classes of Latin-1 characters; others are LATIN_OTHER). */
static inline uint8_t latin_at(const uint8_t *classes, const uint8_t *s, int32_t i, int32_t length, int32_t *width) {
  uint8_t lead = s[i];
  if (lead < 0x80) {
    *width = 1;
    return classes[lead];
  }
  if ((lead == 0xC2 || lead == 0xC3) && i + 1 < length && (s[i + 1] & 0xC0) == 0x80) {
    *width = 2;
    return classes[((lead & 0x1F) << 6) | (s[i + 1] & 0x3F)];
  }
  *width = 1;
  return LATIN_OTHER;
}

/* Whether a piece may start at s[i] (after a space): not a space of any kind, nor a
   character that clings to the space before it. */
static int piece_starts_at(const uint8_t *s, int32_t i, int32_t length) {
  if (s[i] < 0x80) return s[i] != ' ';
  UChar32 c;
  U8_NEXT(s, i, length, c);
  if (c < 0) return 0;
  int32_t wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  return wb != U_WB_EXTEND && wb != U_WB_FORMAT && wb != U_WB_ZWJ && wb != U_WB_WSEGSPACE;
}

/* The end of the piece of s[0, length) that goes on at `from`. */
static int32_t piece_end(const uint8_t *s, int32_t from, int32_t length) {
  int32_t end = from;
  for (;;) {
    while (end < length && s[end] != ' ') end++;
    while (end < length && s[end] == ' ') end++;
    if (end == length || piece_starts_at(s, end, length)) return end;
  }
}

/* Breaks the piece of s[0, length) that starts at `start` by the shortcut into `out`,
   and sets *end to its end; returns 0, or -1 (leaving `out` as it was) when the piece is
   for ICU. */
static int latin_piece(const uint8_t *classes, const uint8_t *s, int32_t start, int32_t length, sink *out,
                       int32_t *end) {
  int64_t mark = out->count;
  /* The class of the previous character, and of the one before the last MID. */
  uint8_t previous = LATIN_SPACE, before_mid = LATIN_SPACE;
  int32_t i = start, width;
  while (i < length) {
    uint8_t k = latin_at(classes, s, i, length, &width);
    switch (k) {
    case LATIN_LETTER:
    case LATIN_DIGIT: {
      uint8_t other = k == LATIN_LETTER ? LATIN_DIGIT : LATIN_LETTER;
      if (previous == other) goto icu;
      if (previous == LATIN_MID && (before_mid == LATIN_LETTER || before_mid == LATIN_DIGIT)) goto icu;
      /* The whole run. */
      i += width;
      while (i < length) {
        uint8_t next = latin_at(classes, s, i, length, &width);
        if (next == other) goto icu;
        if (next != k) break;
        i += width;
      }
      put(out, i, k == LATIN_LETTER ? 200 : 100);
      break;
    }
    case LATIN_SPACE:
      while (i < length && s[i] == ' ') i++;
      put(out, i, 0);
      if (i == length || piece_starts_at(s, i, length)) {
        *end = i;
        return 0;
      }
      break;
    case LATIN_MID:
      i += width;
      before_mid = previous;
      put(out, i, 0);
      break;
    case LATIN_PUNCT:
      i += width;
      put(out, i, 0);
      break;
    default:
      goto icu;
    }
    previous = k;
  }
  *end = length;
  return 0;
icu:
  out->count = mark;
  *end = piece_end(s, i, length);
  return -1;
}

/* Word breaking by the shortcut, handing runs of pieces it cannot break to ICU. */
static int latin_segment(cicu_breaker *b, const uint8_t *s, int32_t length, sink *out) {
  int32_t pending = -1; /* the start of pieces waiting for ICU */
  for (int32_t start = 0, end; start < length; start = end) {
    int64_t mark = out->count;
    if (latin_piece(b->latin, s, start, length, out, &end) != 0) {
      if (pending < 0) pending = start;
    } else if (pending >= 0) {
      /* The pending pieces' boundaries go first. */
      out->count = mark;
      if (icu_segment(b, s + pending, start - pending, pending, out) != 0) return -1;
      pending = -1;
      latin_piece(b->latin, s, start, length, out, &end);
    }
  }
  if (pending >= 0 && icu_segment(b, s + pending, length - pending, pending, out) != 0) return -1;
  return 0;
}

/* The class that ICU's Word_Break property suggests for a Latin-1 character. */
static uint8_t latin_class(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
  case U_WB_ALETTER: return LATIN_LETTER;
  case U_WB_NUMERIC: return c >= '0' && c <= '9' ? LATIN_DIGIT : LATIN_OTHER;
  case U_WB_WSEGSPACE: return c == ' ' ? LATIN_SPACE : LATIN_OTHER;
  case U_WB_MIDLETTER: case U_WB_MIDNUM: case U_WB_MIDNUMLET:
  case U_WB_SINGLE_QUOTE: case U_WB_DOUBLE_QUOTE: return LATIN_MID;
  case U_WB_OTHER: return u_isprint(c) && !u_isUWhiteSpace(c) ? LATIN_PUNCT : LATIN_OTHER;
  default: return LATIN_OTHER;
  }
}

/* Test pieces for a character X, with letters, digits and punctuation around it. */
static const char *const latin_tests[] = {
  "X", "XX", "aX", "Xa", "\xC3\xA9X", "X\xC3\xA9", "1X", "X1", ".X", "X.", "'X", "X'", "(X", "X(",
  "aXa", "1X1", "aX1", "1Xa", "a.X", "X.a", "1.X", "X.1",
};

/* The test characters' own classes must hold, or the shortcut is off. */
static const UChar32 latin_witnesses[] = {'a', 0xE9, '1', '.', ',', '\'', '('};

/* Appends test piece `t` for character c (UTF-8) and a space to `text`. */
static int32_t append_test(uint8_t *text, int32_t n, const char *t, UChar32 c) {
  for (; *t; t++) {
    if (*t == 'X') {
      U8_APPEND_UNSAFE(text, n, c);
    } else {
      text[n++] = (uint8_t)*t;
    }
  }
  text[n++] = ' ';
  return n;
}

/* Each Latin-1 character's class for the shortcut: the suggested one where this
   iterator breaks every test piece of the character as the shortcut does, else OTHER.
   NULL when a test character fails, or on failure. */
static uint8_t *latin_classes(cicu_breaker *b) {
  enum { TESTS = sizeof latin_tests / sizeof *latin_tests, MAX_PIECE = 5 * 2 + 1 };
  uint8_t *classes = (uint8_t *)malloc(256);
  uint8_t *text = (uint8_t *)malloc(256 * TESTS * MAX_PIECE);
  uint8_t *character = (uint8_t *)malloc(256 * TESTS);   /* the character each piece tests */
  int64_t *bounds = (int64_t *)malloc(sizeof(int64_t) * (256 * TESTS * MAX_PIECE + 1));
  int32_t *statuses = (int32_t *)malloc(sizeof(int32_t) * (256 * TESTS * MAX_PIECE + 1));
  int ok = classes && text && character && bounds && statuses;
  if (ok) {
    for (UChar32 c = 0; c < 256; c++) classes[c] = latin_class(c);
    int32_t n = 0, pieces = 0;
    for (UChar32 c = 0; c < 256; c++) {
      if (classes[c] == LATIN_OTHER || classes[c] == LATIN_SPACE) continue;
      for (int t = 0; t < TESTS; t++) {
        n = append_test(text, n, latin_tests[t], c);
        character[pieces++] = (uint8_t)c;
      }
    }
    sink icu = {bounds, statuses, (int64_t)n + 1, 0};
    put(&icu, 0, 0);
    ok = icu_segment(b, text, n, 0, &icu) == 0;
    int64_t mine_bounds[2 * MAX_PIECE];
    int32_t mine_statuses[2 * MAX_PIECE];
    uint8_t failed[256] = {0};
    int64_t k = 1; /* ICU's boundaries, in step with the pieces */
    for (int32_t start = 0, end, p = 0; ok && start < n; start = end, p++) {
      sink mine = {mine_bounds, mine_statuses, 2 * MAX_PIECE, 0};
      int shortcut = latin_piece(classes, text, start, n, &mine, &end) == 0;
      /* ICU's boundaries in the piece: bounds[first, k), the last one its end. */
      int64_t first = k;
      while (k < icu.count && bounds[k] <= end) k++;
      if (k == first || bounds[k - 1] != end) ok = 0;
      if (shortcut) {
        int agrees = mine.count == k - first;
        for (int64_t j = 0; agrees && j < mine.count; j++) {
          agrees = bounds[first + j] == mine_bounds[j] && statuses[first + j] == mine_statuses[j];
        }
        if (!agrees) failed[character[p]] = 1;
      }
    }
    for (size_t w = 0; w < sizeof latin_witnesses / sizeof *latin_witnesses; w++) {
      if (failed[latin_witnesses[w]]) ok = 0;
    }
    for (int c = 0; c < 256; c++) {
      if (failed[c]) classes[c] = LATIN_OTHER;
    }
  }
  free(text);
  free(character);
  free(bounds);
  free(statuses);
  if (!ok) {
    free(classes);
    return NULL;
  }
  return classes;
}

/* The classes found for each locale name so far (the breakers of one locale share them). */
static struct {
  pthread_mutex_t lock;
  struct { char name[128]; uint8_t *classes; } found[8];
  int count;
} latin_found = {PTHREAD_MUTEX_INITIALIZER, {{{0}, NULL}}, 0};

/* latin_classes(b) for the breaker of locale `name`, found once per name. */
static uint8_t *latin_classes_for(cicu_breaker *b, const char *name) {
  pthread_mutex_lock(&latin_found.lock);
  uint8_t *classes = NULL;
  int i = 0;
  while (i < latin_found.count && strcmp(latin_found.found[i].name, name) != 0) i++;
  if (i < latin_found.count) {
    classes = latin_found.found[i].classes;
  } else {
    classes = latin_classes(b);
    if (i < (int)(sizeof latin_found.found / sizeof *latin_found.found)) {
      snprintf(latin_found.found[i].name, sizeof latin_found.found[i].name, "%s", name);
      latin_found.found[i].classes = classes;
      latin_found.count++;
    }
  }
  uint8_t *copy = classes ? (uint8_t *)malloc(256) : NULL;
  if (copy) memcpy(copy, classes, 256);
  if (i >= (int)(sizeof latin_found.found / sizeof *latin_found.found)) free(classes);
  pthread_mutex_unlock(&latin_found.lock);
  return copy;
}

/* ---- The API ---- */

cicu_breaker *cicu_breaker_open(int kind, const char *locale, int suppress_abbreviations, int shortcut,
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
  cicu_breaker *b = (cicu_breaker *)calloc(1, sizeof *b);
  if (!b) { ubrk_close(it); return NULL; }
  b->iterator = it;
  b->word = kind == CICU_BREAK_WORD;
  if (b->word && shortcut) b->latin = latin_classes_for(b, name);
  return b;
}

void cicu_breaker_close(cicu_breaker *b) {
  if (!b) return;
  ubrk_close(b->iterator);
  free(b->units);
  free(b->offsets);
  free(b->latin);
  free(b);
}

int64_t cicu_breaker_segment(cicu_breaker *b, const char *text, int64_t length,
                             int64_t *bounds, int32_t *statuses, int64_t capacity) {
  if (length > INT32_MAX) return -1;
  sink out = {bounds, statuses, capacity, 0};
  put(&out, 0, 0);
  const uint8_t *s = (const uint8_t *)text;
  /* The shortcut writes statuses, and needs room for every boundary. */
  if (b->latin && statuses && capacity >= length + 1) {
    if (latin_segment(b, s, (int32_t)length, &out) == 0) return out.count;
    out.count = 1;
  }
  if (length > 0 && icu_segment(b, s, (int32_t)length, 0, &out) != 0) return -1;
  return out.count;
}
