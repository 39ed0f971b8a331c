/*
 * Transliteration pipelines (see cicu.h): a sequence of ICU transliterators applied to
 * one text after another, each pass skipped when the text holds none of the characters
 * it can change, and ICU's Any-Latin with a cheaper road for Han.
 *
 * Written against ICU's C++ API (the C API cannot run a transliterator over part of a
 * text with the rest as context, which the Any-Latin stage below needs). Nothing of it
 * crosses cicu.h.
 */
#include "cicu.h"

#include <unicode/translit.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

using icu::Transliterator;
using icu::UnicodeSet;
using icu::UnicodeString;

namespace {

void set_error(char *error, size_t capacity, const char *message) {
  if (error && capacity) snprintf(error, capacity, "%s", message);
}

/* ---------------------------------------------------------------------------------------
 * Long texts in linear time
 *
 * A transliterator rewrites its text in place (Replaceable), and each rewrite of a
 * UnicodeString moves everything after it: over one long token of characters that all
 * change, the passes took time quadratic in its length. A text longer than kLongText
 * code units instead goes through ICU's incremental mode, fed kChunk code units at a
 * time into a new string: what is done stays at the front of that string, and each
 * rewrite moves only the few code units still pending. ICU's incremental mode waits
 * for more text wherever a rule could match differently with it, so the result is the
 * one of a single pass; shorter texts (every real token) take the single pass itself.
 * The Any-Latin stage rewrites a long text's script runs one after another in place:
 * there the text is a gap buffer (GapText), so a token of many short runs (Han and
 * Cyrillic alternating) is linear too.
 * ------------------------------------------------------------------------------------- */

const int32_t kLongText = 4096;
const int32_t kChunk = 256;
/* Context a range of a longer text keeps on each side when it goes through
 * transliterate_range (ICU's script transliterators look a few characters away). */
const int32_t kContext = 256;

/* `t` over the range pos.start..pos.limit of `text`, the rest of pos.contextStart..
 * pos.contextLimit as context (up to kContext code units of it on each side), as
 * t.filteredTransliterate(text, pos, false) does; pos is updated the same way (start =
 * limit = the end of the output). */
void transliterate_range(const Transliterator &t, icu::Replaceable &text, UTransPosition &pos) {
  if (pos.limit - pos.start <= kLongText) {
    t.filteredTransliterate(text, pos, false);
    return;
  }
  int32_t before = std::max(pos.contextStart, pos.start - kContext);
  UnicodeString work, piece;
  text.extractBetween(before, pos.start, work);
  int32_t prefix = work.length();
  UTransPosition w = {0, prefix, prefix, prefix};
  for (int32_t i = pos.start; i < pos.limit;) {
    int32_t end = std::min(pos.limit, i + kChunk);
    if (end < pos.limit && U16_IS_LEAD(text.charAt(end - 1))) end++;  // no surrogate pair split
    text.extractBetween(i, end, piece);
    work.append(piece);
    w.limit = w.contextLimit = work.length();
    t.filteredTransliterate(work, w, true);
    i = end;
  }
  int32_t after = std::min(pos.contextLimit, pos.limit + kContext);
  text.extractBetween(pos.limit, after, piece);
  work.append(piece);
  w.contextLimit = work.length();
  t.filteredTransliterate(work, w, false);
  int32_t produced = w.limit - prefix;
  text.handleReplaceBetween(pos.start, pos.limit, UnicodeString(work, prefix, produced));
  int32_t delta = produced - (pos.limit - pos.start);
  pos.contextLimit += delta;
  pos.limit += delta;
  pos.start = pos.limit;
}

/* A text rewritten in place from front to back, in time linear in its length: a gap
 * buffer. The code units before the gap are `front_`; those after it `back_` from
 * `backStart_` on; rewrites near the gap move only what lies between it and them.
 * Text appended at the very end (where a rule with segments builds its output before
 * copying it back) goes to `end_`, so that it does not move the gap either. */
class GapText : public icu::Replaceable {
 public:
  explicit GapText(const UnicodeString &text) : back_(text) {}

  UnicodeString toString() const {
    UnicodeString s(front_);
    s.append(back_, backStart_, back_.length() - backStart_).append(end_);
    return s;
  }

  void handleReplaceBetween(int32_t start, int32_t limit, const UnicodeString &text) override {
    int32_t body = bodyLength();
    if (start >= body) {
      end_.replace(start - body, limit - start, text);
      return;
    }
    if (limit > body) {  // reaches into end_: make it part of the body
      back_.append(end_);
      end_.remove();
    }
    moveGap(start);
    backStart_ += limit - start;
    front_.append(text);
  }

  void extractBetween(int32_t start, int32_t limit, UnicodeString &target) const override {
    target.remove();
    for (int32_t i = start; i < limit; i++) target.append(getCharAt(i));
  }

  void copy(int32_t start, int32_t limit, int32_t dest) override {
    UnicodeString text;
    extractBetween(start, limit, text);
    handleReplaceBetween(dest, dest, text);
  }

  UBool hasMetaData() const override { return false; }  // as UnicodeString

 protected:
  int32_t getLength() const override { return bodyLength() + end_.length(); }

  char16_t getCharAt(int32_t offset) const override {
    int32_t f = front_.length();
    if (offset < f) return front_.charAt(offset);
    offset -= f;
    int32_t b = back_.length() - backStart_;
    if (offset < b) return back_.charAt(backStart_ + offset);
    return end_.charAt(offset - b);
  }

  UChar32 getChar32At(int32_t offset) const override {
    char16_t c = getCharAt(offset);
    if (U16_IS_LEAD(c) && offset + 1 < getLength()) {
      char16_t d = getCharAt(offset + 1);
      if (U16_IS_TRAIL(d)) return U16_GET_SUPPLEMENTARY(c, d);
    } else if (U16_IS_TRAIL(c) && offset > 0) {
      char16_t d = getCharAt(offset - 1);
      if (U16_IS_LEAD(d)) return U16_GET_SUPPLEMENTARY(d, c);
    }
    return c;
  }

 private:
  UnicodeString front_, back_, end_;
  int32_t backStart_ = 0;

  int32_t bodyLength() const { return front_.length() + back_.length() - backStart_; }

  /* Puts the gap at `offset` (within the body). */
  void moveGap(int32_t offset) {
    int32_t f = front_.length();
    if (offset > f) {
      front_.append(back_, backStart_, offset - f);
      backStart_ += offset - f;
    } else if (offset < f) {
      int32_t k = f - offset;
      if (backStart_ >= k) {
        back_.replace(backStart_ - k, k, front_, offset, k);  // same length: no move
        backStart_ -= k;
      } else {
        back_ = UnicodeString(front_, offset, k).append(back_, backStart_, back_.length() - backStart_);
        backStart_ = 0;
      }
      front_.truncate(offset);
    }
  }
};

/* `t` over all of `text` (Transliterator::transliterate), in time linear in its length
 * (see above). */
void transliterate_all(const Transliterator &t, UnicodeString &text) {
  if (text.length() <= kLongText) {
    t.transliterate(text);
    return;
  }
  UTransPosition pos = {0, text.length(), 0, text.length()};
  transliterate_range(t, text, pos);
}

/* ---------------------------------------------------------------------------------------
 * Any-Latin with Han-Latin built for the characters at hand
 *
 * ICU's Any-Latin (i18n/anytrans.cpp, AnyTransliterator) cuts the text into script runs
 * and hands each run, with the whole text as context, to "<script>-Latin", which it
 * creates the first time it meets the script. For Han that is Han-Latin: one pass of
 * Han-Spacedhan, then about 1,500 rules "[characters] > pinyin" covering 44,000
 * characters, which take ICU some 130 ms to compile, on the first Han character of a
 * process. The stage below does what AnyTransliterator does, with one difference: the
 * Han runs go to a transliterator compiled from Han-Latin's own rules with each
 * character set cut down to the characters this stage has been given so far (a rule
 * "[S] > p" matches one character, with no context: on a text whose characters are all
 * in U it acts exactly as "[S & U] > p"). Every other rule of Han-Latin (its
 * ::Han-Spacedhan, its rules with context) is kept as it is. Once the rebuilds have
 * compiled, in all, several times as many rules as Han-Latin has (a text full of Han),
 * the stage goes back to ICU's own Any-Latin, which gives the same output.
 * ------------------------------------------------------------------------------------- */

/* One top-level rule of Han-Latin: a context-free single-set rule "[S] > output" (set
 * holds S) or any other rule, kept verbatim (set empty, text holds the rule). */
struct HanRule {
  std::unique_ptr<UnicodeSet> set;
  UnicodeString text;  // the output ("> p") for set rules, the whole rule otherwise
};

/* Splits ICU transform rule source at top-level ';' (outside [...] sets, quotes and
 * backslash escapes). */
std::vector<UnicodeString> split_rules(const UnicodeString &source) {
  std::vector<UnicodeString> rules;
  int32_t depth = 0, start = 0;
  bool quoted = false;
  for (int32_t i = 0; i < source.length(); i++) {
    UChar c = source.charAt(i);
    if (c == u'\\') { i++; continue; }
    if (c == u'\'') { quoted = !quoted; continue; }
    if (quoted) continue;
    if (c == u'[') depth++;
    else if (c == u']' && depth > 0) depth--;
    else if (c == u';' && depth == 0) {
      rules.push_back(UnicodeString(source, start, i - start));
      start = i + 1;
    }
  }
  UnicodeString rest(source, start);
  if (!rest.trim().isEmpty()) rules.push_back(rest);
  return rules;
}

/* Reads a set written only as characters and ranges ("[丂-丄万]", Han-Latin's form) into
 * `set` by ranges, much faster than ICU's pattern parser; false for any other syntax
 * (escapes, properties, operators, spaces...), left to the parser. */
bool parse_plain_set(const UnicodeString &pattern, UnicodeSet &set) {
  int32_t n = pattern.length();
  if (n < 2 || pattern.charAt(0) != u'[' || pattern.charAt(n - 1) != u']') return false;
  auto plain = [](UChar32 c) {
    return c > 0x20 && c != u'[' && c != u']' && c != u'\\' && c != u'-' && c != u'&' && c != u'$' &&
           c != u'{' && c != u'}' && c != u'^' && c != u':' && c != u'\'' && c != 0x7F;
  };
  for (int32_t i = 1; i < n - 1;) {
    UChar32 lo = pattern.char32At(i);
    if (!plain(lo)) return false;
    i += U16_LENGTH(lo);
    UChar32 hi = lo;
    if (i < n - 1 && pattern.charAt(i) == u'-') {
      hi = pattern.char32At(i + 1);
      if (i + 1 >= n - 1 || !plain(hi) || hi < lo) return false;
      i += 1 + U16_LENGTH(hi);
    }
    set.add(lo, hi);
  }
  return true;
}

/* Parses one rule: a set rule is "[...]", then only spaces, then a forward operator
 * ("→" or ">", not "<>", "↔", "←" or "<"), with no context on either side. */
HanRule parse_rule(const UnicodeString &rule) {
  HanRule r;
  r.text = rule;
  UnicodeString s(rule);
  s.trim();
  if (s.isEmpty() || s.charAt(0) != u'[') return r;
  int32_t depth = 0, end = -1;
  for (int32_t i = 0; i < s.length(); i++) {
    UChar c = s.charAt(i);
    if (c == u'\\') { i++; continue; }
    if (c == u'[') depth++;
    else if (c == u']' && --depth == 0) { end = i + 1; break; }
  }
  if (end < 0) return r;
  int32_t op = end;
  while (op < s.length() && (s.charAt(op) == u' ' || s.charAt(op) == u'\t' || s.charAt(op) == u'\n')) op++;
  if (op >= s.length()) return r;
  UChar c = s.charAt(op);
  if (c != 0x2192 && c != u'>') return r;  // "<", "<>", "←", "↔", "{", "}": not a plain forward set rule
  UnicodeString pattern(s, 0, end);
  std::unique_ptr<UnicodeSet> set(new UnicodeSet());
  if (!parse_plain_set(pattern, *set)) {
    UErrorCode status = U_ZERO_ERROR;
    set->applyPattern(pattern, status);
    if (U_FAILURE(status)) return r;
  }
  r.set = std::move(set);
  r.text = UnicodeString(s, op);  // "→ pinyin"
  return r;
}

/* Han-Latin's rule source, as ICU's registry reads it: the transliterator data's
 * RuleBasedTransliteratorIDs/<id>/{file|internal}/resource, following aliases. Empty
 * when it cannot be found (then the stage uses ICU's Any-Latin for Han). */
UnicodeString registry_rules(const char *id) {
  UErrorCode status = U_ZERO_ERROR;
  UnicodeString rules;
  UResourceBundle *root = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &status);
  UResourceBundle *ids = ures_getByKey(root, "RuleBasedTransliteratorIDs", nullptr, &status);
  std::string name(id);
  for (int hops = 0; hops < 4 && U_SUCCESS(status); hops++) {
    UResourceBundle *entry = ures_getByKey(ids, name.c_str(), nullptr, &status);
    if (U_FAILURE(status)) { ures_close(entry); break; }
    UErrorCode s2 = U_ZERO_ERROR;
    int32_t length = 0;
    const UChar *alias = ures_getStringByKey(entry, "alias", &length, &s2);
    if (U_SUCCESS(s2)) {
      name.clear();
      for (int32_t i = 0; i < length; i++) name.push_back(static_cast<char>(alias[i]));
      ures_close(entry);
      continue;
    }
    for (const char *kind : {"file", "internal"}) {
      s2 = U_ZERO_ERROR;
      UResourceBundle *file = ures_getByKey(entry, kind, nullptr, &s2);
      if (U_SUCCESS(s2)) {
        const UChar *text = ures_getStringByKey(file, "resource", &length, &s2);
        if (U_SUCCESS(s2)) rules.setTo(text, length);
      }
      ures_close(file);
      if (!rules.isEmpty()) break;
    }
    ures_close(entry);
    break;
  }
  ures_close(ids);
  ures_close(root);
  return rules;
}

/* ICU's ScriptRunIterator (i18n/anytrans.cpp): runs of one script, each taking in the
 * Common and Inherited characters on both sides (so runs overlap). */
struct ScriptRuns {
  const icu::Replaceable &text;
  int32_t textStart, textLimit;
  UScriptCode script = USCRIPT_INVALID_CODE;
  int32_t start = 0, limit;

  ScriptRuns(const icu::Replaceable &t, int32_t from, int32_t to) : text(t), textStart(from), textLimit(to), limit(from) {}

  bool next() {
    UErrorCode ec = U_ZERO_ERROR;
    script = USCRIPT_INVALID_CODE;
    start = limit;
    if (start == textLimit) return false;
    while (start > textStart) {
      UScriptCode s = uscript_getScript(text.char32At(start - 1), &ec);
      if (s == USCRIPT_COMMON || s == USCRIPT_INHERITED) --start;
      else break;
    }
    while (limit < textLimit) {
      UScriptCode s = uscript_getScript(text.char32At(limit), &ec);
      if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED) {
        if (script == USCRIPT_INVALID_CODE) script = s;
        else if (s != script) break;
      }
      ++limit;
    }
    return true;
  }

  void adjustLimit(int32_t delta) {
    limit += delta;
    textLimit += delta;
  }
};

class AnyLatin {
 public:
  bool open(char *error, size_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    any_.reset(Transliterator::createInstance(UNICODE_STRING_SIMPLE("Any-Latin"), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !any_) { set_error(error, capacity, "cannot open Any-Latin"); return false; }
    han_ = UnicodeSet(UNICODE_STRING_SIMPLE("[:sc=Han:]"), status);
    if (U_FAILURE(status)) { set_error(error, capacity, "bad Han set"); return false; }
    han_.freeze();
    return true;
  }

  void apply(UnicodeString &text) {
    if (full_ || han_.span(text, 0, USET_SPAN_NOT_CONTAINED) == text.length() || !prepare(text)) {
      transliterate_all(*any_, text);
      return;
    }
    run(text, subset_.get());
  }

 private:
  std::unique_ptr<Transliterator> any_;     // ICU's Any-Latin
  UnicodeSet han_;                          // [:sc=Han:]: the texts that take the Han road
  bool loaded_ = false, full_ = false;      // rules read; back to ICU's Any-Latin for good
  std::vector<HanRule> rules_;              // Han-Latin's rules
  std::unique_ptr<Transliterator> spaced_;  // Han-Spacedhan: what the pinyin rules see
  UnicodeSet covered_;                      // the characters subset_ is built for
  std::unique_ptr<Transliterator> subset_;  // Han-Latin's rules cut down to covered_
  size_t setRules_ = 0;                     // Han-Latin's rules "[S] > p"
  size_t compiled_ = 0;                     // such rules compiled by all rebuilds so far
  std::map<UScriptCode, std::unique_ptr<Transliterator>> scripts_;  // the other scripts

  /* A cut-down rule compiles much faster than one of Han-Latin's own, whose sets hold
   * some 30 characters each: the rebuilds go on until they have compiled this many times
   * as many rules as Han-Latin has, after which (a text full of Han) ICU's Han-Latin,
   * compiled once, is the cheaper road. */
  static const size_t kRebuildBudget = 4;

  /* Makes subset_ cover every character that Han-Latin's pinyin rules can meet in
   * `text`: the characters of the text and those of its Han runs after Han-Spacedhan
   * (a run of the stage with Han-Spacedhan alone, the pass that precedes the rules).
   * Returns false to use ICU's Any-Latin instead. */
  bool prepare(const UnicodeString &text) {
    if (!loaded_ && !load()) return false;
    if (full_) return false;
    UnicodeString probe(text);
    run(probe, spaced_.get());
    UnicodeSet needed;
    needed.addAll(text).addAll(probe);
    if (subset_ && covered_.containsAll(needed)) return true;
    covered_.addAll(needed);
    UnicodeString source;
    for (const HanRule &r : rules_) {
      if (!r.set) {
        source.append(r.text).append(u';');
        continue;
      }
      UnicodeSet cut(*r.set);
      cut.retainAll(covered_);
      if (cut.isEmpty()) continue;
      UnicodeString pattern;
      cut.toPattern(pattern, true);
      source.append(pattern).append(u' ').append(r.text).append(u';');
      compiled_++;
    }
    if (compiled_ > kRebuildBudget * setRules_) { full_ = true; return false; }
    UParseError parse;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<Transliterator> t(Transliterator::createFromRules(
        UNICODE_STRING_SIMPLE("Han-Latin-subset"), source, UTRANS_FORWARD, parse, status));
    if (U_FAILURE(status) || !t) { full_ = true; return false; }
    subset_ = std::move(t);
    return true;
  }

  /* Reads Han-Latin's rules and opens Han-Spacedhan; false (and full_) on any failure. */
  bool load() {
    loaded_ = true;
    /* AnyTransliterator asks the registry for "Hani-Latin" (the script's short name),
     * which ICU resolves to the same transliterator as Han-Latin. */
    UnicodeString source = registry_rules("Han-Latin");
    if (source.isEmpty()) { full_ = true; return false; }
    bool spacedFirst = false;
    for (const UnicodeString &rule : split_rules(source)) {
      HanRule r = parse_rule(rule);
      if (rules_.empty() && !r.set) {
        UnicodeString t(r.text);
        t.trim();
        spacedFirst = t == UNICODE_STRING_SIMPLE("::Han-Spacedhan()");
      }
      if (r.set) setRules_++;
      rules_.push_back(std::move(r));
    }
    UErrorCode status = U_ZERO_ERROR;
    spaced_.reset(Transliterator::createInstance(UNICODE_STRING_SIMPLE("Han-Spacedhan"), UTRANS_FORWARD, status));
    /* The probe stands for Han-Latin's first pass: it must be ::Han-Spacedhan(), the
     * only rule before the pinyin rules that can change the text's characters. */
    if (!spacedFirst || U_FAILURE(status) || !spaced_) { full_ = true; return false; }
    return true;
  }

  /* AnyTransliterator::getTransliterator for target Latin: "<script>-Latin", else
   * "<script>-Latin;Latin-Latin"; none for Latin itself and for Common text. */
  const Transliterator *for_script(UScriptCode script) {
    if (script == USCRIPT_LATIN || script == USCRIPT_INVALID_CODE) return nullptr;
    auto found = scripts_.find(script);
    if (found != scripts_.end()) return found->second.get();
    UnicodeString name(uscript_getShortName(script), -1, US_INV);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<Transliterator> t(
        Transliterator::createInstance(UnicodeString(name).append(u"-Latin"), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) {
      status = U_ZERO_ERROR;
      UnicodeString pivot = UnicodeString(name).append(u"-Latin;Latin-Latin");
      t.reset(Transliterator::createInstance(pivot, UTRANS_FORWARD, status));
      if (U_FAILURE(status)) t.reset();
    }
    return (scripts_[script] = std::move(t)).get();
  }

  /* AnyTransliterator::handleTransliterate over the whole text (not incremental), with
   * `han` for the runs of Han; a long text as a GapText, so that rewriting its many
   * script runs in place takes time linear in its length. */
  void run(UnicodeString &text, const Transliterator *han) {
    if (text.length() <= kLongText) {
      runs(text, han);
      return;
    }
    GapText gap(text);
    runs(gap, han);
    text = gap.toString();
  }

  void runs(icu::Replaceable &text, const Transliterator *han) {
    UTransPosition pos = {0, text.length(), 0, text.length()};
    int32_t allStart = pos.start, allLimit = pos.limit;
    ScriptRuns it(text, pos.contextStart, pos.contextLimit);
    while (it.next()) {
      if (it.limit <= allStart) continue;
      const Transliterator *t = it.script == USCRIPT_HAN ? han : for_script(it.script);
      if (!t) {
        pos.start = it.limit;
        continue;
      }
      pos.start = std::max(allStart, it.start);
      pos.limit = std::min(allLimit, it.limit);
      int32_t limit = pos.limit;
      transliterate_range(*t, text, pos);
      int32_t delta = pos.limit - limit;
      allLimit += delta;
      it.adjustLimit(delta);
      if (it.limit >= allLimit) break;
    }
  }
};

/* One pass of a pipeline. */
struct Pass {
  std::unique_ptr<Transliterator> t;    // the transliterator, or
  std::unique_ptr<AnyLatin> any;        // the Any-Latin stage
  std::unique_ptr<UnicodeSet> changes;  // frozen: the pass is skipped for texts without them
};

}  // namespace

struct cicu_pipeline {
  std::vector<Pass> passes;
  std::string result;
};

extern "C" {

cicu_pipeline *cicu_pipeline_open(int32_t count) {
  if (count < 0) return nullptr;
  cicu_pipeline *p = new (std::nothrow) cicu_pipeline();
  if (p) p->passes.resize(static_cast<size_t>(count));
  return p;
}

void cicu_pipeline_close(cicu_pipeline *p) { delete p; }

int cicu_pipeline_set_rules(cicu_pipeline *p, int32_t index, const char *rules, char *error, size_t error_capacity) {
  if (index < 0 || static_cast<size_t>(index) >= p->passes.size()) {
    set_error(error, error_capacity, "no such pass");
    return -1;
  }
  UParseError parse;
  memset(&parse, 0, sizeof parse);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<Transliterator> t(Transliterator::createFromRules(
      UNICODE_STRING_SIMPLE("ner-pass"), UnicodeString::fromUTF8(rules), UTRANS_FORWARD, parse, status));
  if (U_FAILURE(status) || !t) {
    if (error && error_capacity) {
      snprintf(error, error_capacity, "rule syntax error (%s) at rule line %d, offset %d", u_errorName(status),
               (int)parse.line, (int)parse.offset);
    }
    return -1;
  }
  Pass &pass = p->passes[static_cast<size_t>(index)];
  pass.changes.reset(new UnicodeSet());
  t->getSourceSet(*pass.changes);
  pass.changes->freeze();
  pass.t = std::move(t);
  return 0;
}

int cicu_pipeline_set_transform(cicu_pipeline *p, int32_t index, const char *id, const char *changes, char *error,
                                size_t error_capacity) {
  if (index < 0 || static_cast<size_t>(index) >= p->passes.size()) {
    set_error(error, error_capacity, "no such pass");
    return -1;
  }
  Pass pass;
  UErrorCode status = U_ZERO_ERROR;
  pass.changes.reset(new UnicodeSet(UnicodeString::fromUTF8(changes), status));
  if (U_FAILURE(status)) {
    if (error && error_capacity) {
      snprintf(error, error_capacity, "bad character set '%s' (%s)", changes, u_errorName(status));
    }
    return -1;
  }
  pass.changes->freeze();
  if (strcmp(id, "Any-Latin") == 0) {
    pass.any.reset(new AnyLatin());
    if (!pass.any->open(error, error_capacity)) return -1;
  } else {
    pass.t.reset(Transliterator::createInstance(UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !pass.t) {
      if (error && error_capacity) {
        snprintf(error, error_capacity, "unknown transform '%s' (%s)", id, u_errorName(status));
      }
      return -1;
    }
  }
  p->passes[static_cast<size_t>(index)] = std::move(pass);
  return 0;
}

int64_t cicu_pipeline_run(cicu_pipeline *p, const char *src, int64_t length) {
  if (length > INT32_MAX) return -1;
  UnicodeString text = UnicodeString::fromUTF8(icu::StringPiece(src, static_cast<int32_t>(length)));
  for (Pass &pass : p->passes) {
    if (!pass.changes) return -1;  // a pass never set
    if (pass.changes->span(text, 0, USET_SPAN_NOT_CONTAINED) == text.length()) continue;
    if (pass.any) pass.any->apply(text);
    else transliterate_all(*pass.t, text);
  }
  p->result.clear();
  text.toUTF8String(p->result);
  return static_cast<int64_t>(p->result.size());
}

const char *cicu_pipeline_result(const cicu_pipeline *p) { return p->result.data(); }

}  // extern "C"
