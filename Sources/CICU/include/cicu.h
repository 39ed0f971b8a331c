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

/* ---- Break iteration (UAX #29 words and sentences, with ICU's dictionaries) ---- */

/** Kinds of break iterator. */
enum {
  CICU_BREAK_WORD = 0,
  CICU_BREAK_SENTENCE = 1
};

/** An opaque break iterator. */
typedef struct cicu_breaker cicu_breaker;

/**
 * Opens a break iterator of `kind` for `locale` ("" for the root locale). With
 * `suppress_abbreviations`, a sentence iterator does not break after the locale's known
 * abbreviations ("Sr.", "Dr."), where ICU has a list for it. With `shortcut`, a word
 * iterator with ICU's root rules breaks the words of Latin-1 letters, digits and
 * punctuation between spaces itself (the same boundaries and statuses as ICU's, much
 * faster) and hands the rest of the text to ICU. On failure returns NULL and writes a
 * message to `error` (capacity `error_capacity`).
 */
cicu_breaker *cicu_breaker_open(int kind, const char *locale, int suppress_abbreviations, int shortcut,
                                char *error, size_t error_capacity);

void cicu_breaker_close(cicu_breaker *breaker);

/**
 * Segments UTF-8 text. Writes up to `capacity` boundaries (byte offsets into `text`,
 * the first 0 and the last `length`) to `bounds` and, for each segment that ends at
 * bounds[i] (i >= 1), ICU's rule status to `statuses[i]` (word iterators: 0-99 none,
 * 100-199 number, 200-299 letter, 300-399 kana, 400-499 ideographic), unless `statuses`
 * is NULL. Returns the number of boundaries, which may exceed `capacity` (call again with
 * more room; `length + 1` is always enough), or -1. The breaker reuses its memory from
 * call to call.
 */
int64_t cicu_breaker_segment(cicu_breaker *breaker, const char *text, int64_t length,
                             int64_t *bounds, int32_t *statuses, int64_t capacity);

/* ---- Transliteration ---- */

/** An opaque transliterator. */
typedef struct cicu_transliterator cicu_transliterator;

/**
 * Opens a transliterator: from rule text `rules` (ICU transform rule syntax, UTF-8) when
 * it is not NULL, naming it `id`; otherwise the system transform or compound ID `id`
 * ("Any-Latin; Latin-ASCII"). On failure returns NULL and writes a message (with the
 * line of a rule syntax error) to `error`.
 */
cicu_transliterator *cicu_transliterator_open(const char *id, const char *rules,
                                              char *error, size_t error_capacity);

void cicu_transliterator_close(cicu_transliterator *t);

/**
 * Transliterates UTF-8 text into `dst` (capacity `capacity` bytes). Returns the length of
 * the result, which may exceed `capacity` (call again with more room), or -1.
 */
int64_t cicu_transliterate(cicu_transliterator *t, const char *src, int64_t length,
                           char *dst, int64_t capacity);

/* ---- Transliteration pipelines (romanization) ---- */

/**
 * An opaque pipeline: transliterators applied one after another to each text, as the
 * passes of one compound transliterator would be, except that a pass is skipped for a
 * text that holds none of the characters it can change (which leaves that text as it
 * is). Running is not thread-safe (one pipeline per thread); setting different passes
 * of one pipeline from different threads is (so they can compile in parallel).
 */
typedef struct cicu_pipeline cicu_pipeline;

/** Opens a pipeline of `count` passes, to be set before the first run (NULL when out of memory). */
cicu_pipeline *cicu_pipeline_open(int32_t count);

void cicu_pipeline_close(cicu_pipeline *p);

/**
 * Sets pass `index` to ICU transform rules (UTF-8): conversion rules and the variables
 * they use, no `::` lines. The pass runs only on texts holding a character of its rules'
 * keys (ICU's source set), so no rule may have an empty key (insertion rules such as
 * `a { } b > c;`). Returns 0, or -1 with a message (with the line of a syntax error) in
 * `error`.
 */
int cicu_pipeline_set_rules(cicu_pipeline *p, int32_t index, const char *rules, char *error,
                            size_t error_capacity);

/**
 * Sets pass `index` to the system transform `id` (optionally with a leading filter,
 * "[...] ID"). It runs only on texts holding a character of `changes` (a UnicodeSet
 * pattern, UTF-8): the caller vouches that the transform leaves every other text
 * unchanged.
 *
 * `Any-Latin` (exactly that ID) gives the same output as ICU's Any-Latin, but romanizes
 * Han without compiling all of Han-Latin (some 130 ms): from Han-Latin's own rules, their
 * character sets cut down to the characters met so far (rebuilt as new ones come; once
 * the rebuilds have compiled several times as many rules as Han-Latin has, ICU's
 * Han-Latin itself).
 *
 * Returns 0, or -1 with a message in `error` (unknown ID, bad pattern).
 */
int cicu_pipeline_set_transform(cicu_pipeline *p, int32_t index, const char *id, const char *changes,
                                char *error, size_t error_capacity);

/**
 * Runs `length` bytes of UTF-8 at `src` through the passes. Returns the length in bytes
 * of the result, which cicu_pipeline_result then points to, or -1 (also when a pass was
 * never set).
 */
int64_t cicu_pipeline_run(cicu_pipeline *p, const char *src, int64_t length);

/**
 * The UTF-8 result of the last cicu_pipeline_run (not NUL-terminated; valid until the next
 * run or close).
 */
const char *cicu_pipeline_result(const cicu_pipeline *p);

/** The number of transform IDs ICU offers. */
int32_t cicu_transliterator_count(void);

/** Writes the i-th transform ID (UTF-8, NUL-terminated) to `buffer`; returns its length or -1. */
int32_t cicu_transliterator_id(int32_t i, char *buffer, int32_t capacity);

/** The number of ISO 639 language codes ICU knows (two- and three-letter). */
int32_t cicu_language_count(void);

/** The i-th ISO 639 language code ICU knows (static storage), or NULL. */
const char *cicu_language(int32_t i);

/** The version of the ICU library in use, as "major.minor" (static storage). */
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
