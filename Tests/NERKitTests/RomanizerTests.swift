import Testing

@testable import NERKit

/// The bytes of a string (`==` on `String` compares canonical equivalence).
private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A string of the given scalars (Swift literals refuse noncharacters).
private func scalars(_ values: UInt32...) -> String {
  String(String.UnicodeScalarView(values.map { Unicode.Scalar($0)! }))
}

/// The language codes with rules of their own, and none.
private let languages: [String?] = [nil, "ru", "uk", "hi", "mr", "fa", "ar", "ur", "bn"]

/// Tokens of every script the rules handle, with the characters they treat specially:
/// digits, separators, zero-width characters, nukta and virama, marks out of order.
private let samples: [String] = [
  "Москва", "Київ", "Зеленський", "Юрий", "Ельцин", "объект", "ЖКХ", "Шевченко-Київ", "Андрій", "Їжак",
  "Ґанок", "аме\u{AD}риканских", "Ђорђе", "Қазақстан", "Ўзбек", "Ӏ", "Երևան", "Չարենց", "Թումանյան", "Ոսկան",
  "שָׁלוֹם", "ירושלים", "בּית", "אברהם", "ایران", "محمد", "الدورات", "کتاب", "ریلوے", "چوہدری", "مؤتة",
  "رئيس", "١٩٩٨-٢٠٠٩", "۱۰", "كم²", "افغانستان\u{200E}", "حسين\u{200C}آباد", "कमला", "मुंबई", "हिंदी",
  "संघ", "एवं", "तुर्क", "विश्\u{200D}वविद्यालय", "अ\u{200D}ॅडॉल्फ", "क\u{200C}", "क\u{200C}ख", "क़िला",
  "फ़िल्म", "४२", "করেছেন।", "কলকাতা", "মিত্র", "ফ্রিড\u{200C}রিশ", "ভোল্\u{200C}ফ", "বাংলা", "১৯০৬–১৯৯২",
  "শ্রী", "ශ්‍රී", "ලංකා", "සිංහල", "ਸਿੱਖ", "ਪੰਜਾਬ", "ગુજરાત", "ଟଙ୍କା", "பூலா", "తెలుగు", "ಕನ್ನಡ",
  "മലയാളം", "കോഴിക്കോട്", "Ελλάδα", "Τζαβέλας", "ነገሥት", "ቤንሻንጉል-ጉምዝ", "ქართული", "กรุงเทพฯ",
  "ๆ", "서울특별시", "ㅇ", "「キャント・バイ・ミー・ラヴ」", "ひらがな", "París", "Starożytnemi", "Daşoguz",
  "Shī‘ah", "Imām]]", "Harmony’s", "«Челсі»", "„Самопоміч“»", "1976—1988", "°С", "№", "⅛", "I²", "★",
  "1ª", "2º", "ǝə", "ʷ", "Ə", "e\u{301}", "a\u{323}\u{302}", "a\u{302}\u{323}", "\u{212A}", "\u{37E}",
  scalars(0xFDD4), scalars(0x78, 0xFDD1, 0x79), "\u{E000}", scalars(0x10FFFD), "-", "'", "~", "ʻokina",
  "it's", "O'Brien", "a b", "abc", "123", "",
]

/// Tokens with Han characters: ideographs, compatibility and parenthesized ideographs,
/// Han-Latin's words with context (藏文, 重庆...), fullwidth punctuation, other scripts
/// around them.
private let hanSamples: [String] = [
  "全羅北道", "東照大権現", "дайґонґен（東照大権現）", "'万里长城", "田中耕一", "栃木県", "藏文", "藏 文",
  "重庆", "沈阳", "秘鲁", "（東京）", "㈠", "丽", "abc東", "東abc", "Ελ東", "東Ελ", "キャ東京", "東京。",
  "東京，大阪", "北京\u{200C}", "\u{F900}\u{F901}", "𠀀𠀁", "〇々〆", "一二三", "한국中国", "中-国", "中'国",
]

@Suite struct RomanizerTests {
  /// The pipeline gives the bytes of the complete rule text compiled as one compound
  /// transliterator, token by token.
  @Test(arguments: languages) func passesMatchTheCompleteRules(language: String?) throws {
    let compound = try Transliterator(id: "compound", rules: RomanizationRules.rules(language: language))
    let romanizer = try Romanizer(.standard(language: language))
    var tokens = samples + hanSamples
    // Every character the rules name, alone and between letters of other scripts.
    let named = Set(RomanizationRules.rules(language: language).unicodeScalars.filter { $0.value >= 0x80 })
    for c in named.sorted(by: { $0.value < $1.value }) {
      let s = String(c)
      tokens += [s, "a" + s, s + "a", "к" + s + "а", "क" + s, s + "क", "ব" + s + "ন", "ب" + s]
    }
    // (The romanizer returns ASCII tokens as they are: the compound must agree.)
    for token in tokens {
      #expect(bytes(romanizer.romanize(token)) == bytes(compound.apply(token)), "\(token)")
    }
  }

  /// Han goes through Han-Latin's rules cut down to the characters met so far, rebuilt as
  /// new ones come, then (after a few rebuilds) through ICU's Han-Latin: the same bytes
  /// all along.
  @Test func hanThroughCutDownRules() throws {
    let compound = try Transliterator(id: "compound", rules: RomanizationRules.rules(language: "uk"))
    let romanizer = try Romanizer(.standard(language: "uk"))
    var tokens = hanSamples
    // Enough new characters, token after token, to use up the rebuilds.
    var code: UInt32 = 0x4E00
    for n in 1...48 {
      tokens.append(String(String.UnicodeScalarView((0..<n).map { _ in code += 7; return Unicode.Scalar(code)! })))
    }
    tokens += hanSamples.reversed()
    for token in tokens {
      #expect(bytes(romanizer.romanize(token)) == bytes(compound.apply(token)), "\(token)")
    }
  }

  /// Sentences of a prefetched batch: the same romanizations as without the prefetch.
  @Test(arguments: [nil, "hi"] as [String?]) func prefetchedSentences(language: String?) throws {
    let plain = try Romanizer(.standard(language: language))
    let batched = try Romanizer(.standard(language: language))
    let sentences = stride(from: 0, to: samples.count, by: 7).map { Array(samples[$0..<min($0 + 7, samples.count)]) }
    for round in 0..<3 {
      let batch = sentences.map { $0.map { round == 0 ? $0 : $0 + "\(round)" } }
      batched.prefetch(batch.flatMap { $0 })
      for sentence in batch {
        #expect(batched.romanize(prefetched: sentence).map(bytes) == plain.romanize(sentence).map(bytes))
      }
    }
  }

  /// No conversion rule has an empty key (an insertion rule would change a text that
  /// holds none of the characters of its pass's keys, which the pipeline skips).
  @Test func everyRuleHasAKey() {
    var keys = 0
    for language in languages {
      for pass in RomanizationRules.passes(language: language) {
        guard let text = RomanizationRules.text(of: pass) else { continue }
        for rule in Self.rules(text) {
          guard let key = Self.key(rule) else { continue }
          #expect(!key.isEmpty, "empty key in \(String(String.UnicodeScalarView(rule)))")
          keys += 1
        }
      }
    }
    #expect(keys > 3000)  // the rules were read
  }

  /// The characters a system transform can change: any other text comes out unchanged.
  @Test func transformsLeaveOtherTextAlone() throws {
    let latinASCII = try Transliterator(id: "Latin-ASCII")
    let ascii = String(String.UnicodeScalarView((1..<128).map { Unicode.Scalar(UInt8($0)) }))
    #expect(bytes(latinASCII.apply(ascii)) == bytes(ascii))
    for c in 1..<128 {
      let s = String(Unicode.Scalar(UInt8(c)))
      #expect(bytes(latinASCII.apply(s)) == bytes(s))
    }
    // Latin, Common, Inherited and Unknown (noncharacters, private use, unassigned).
    let anyLatin = try Transliterator(id: "Any-Latin")
    for s in [
      "Paris-Žižek «ok» — 1ª", scalars(0xFDD4, 0x61, 0xFDD5, 0x62, 0xFDD7), "e\u{301}\u{323}", "\u{E000}\u{F8FF}",
      scalars(0x50000), scalars(0xFDD1, 0xFDD2), "ǝəʷ", "x\u{200C}y\u{200D}", scalars(0xFDD0, 0xFDEF, 0xFFFE),
    ] {
      #expect(bytes(anyLatin.apply(s)) == bytes(s), "\(s)")
    }
    // ICU has no transliterator for Unknown, which Any-Latin would use.
    #expect(throws: DataError.self) { try Transliterator(id: "Zzzz-Latin") }
    #expect(throws: DataError.self) { try Transliterator(id: "Zzzz-Latin;Latin-Latin") }
  }

  /// The complete rule text writes every pass once, with `::Null;` between passes of rules.
  @Test func completeRulesListThePasses() {
    for language in languages {
      let passes = RomanizationRules.passes(language: language)
      let text = RomanizationRules.rules(language: language)
      let ids = text.split(separator: "\n").filter { $0.hasPrefix("::") && $0 != "::Null;" }
      let transforms = passes.compactMap { pass -> String? in
        if case .transform(let id, _) = pass { "::\(id);" } else { nil }
      }
      #expect(ids.map(String.init) == transforms)
      #expect(text.components(separatedBy: "$dvC =").count == 2)  // a shared definition, once
    }
  }

  // MARK: - Reading rule texts (by scalars: a mark after a space is no character of its own)

  /// The rules of a rule text: split at `;` outside quotes, sets and escapes, comments
  /// dropped.
  static func rules(_ text: String) -> [[Unicode.Scalar]] {
    var rules: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    var depth = 0
    var quoted = false
    var comment = false
    var escaped = false
    for c in text.unicodeScalars {
      if comment {
        if c == "\n" { comment = false }
        continue
      }
      if escaped {
        current.append(c)
        escaped = false
        continue
      }
      switch c {
      case "\\": escaped = true
      case "'": quoted.toggle()
      case "[" where !quoted: depth += 1
      case "]" where !quoted: depth -= 1
      case "#" where !quoted && depth == 0:
        comment = true
        continue
      case ";" where !quoted && depth == 0:
        rules.append(current)
        current = []
        continue
      default: break
      }
      current.append(c)
    }
    rules.append(current)
    return rules.map(Self.trimmed).filter { !$0.isEmpty }
  }

  /// The key of a conversion rule (between `{` and `}` of the left side, if any), or nil
  /// for a variable definition.
  static func key(_ rule: [Unicode.Scalar]) -> [Unicode.Scalar]? {
    var depth = 0
    var quoted = false
    var escaped = false
    var left: [Unicode.Scalar] = []
    for c in rule {
      if escaped {
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "'" {
        quoted.toggle()
      } else if !quoted && c == "[" {
        depth += 1
      } else if !quoted && c == "]" {
        depth -= 1
      } else if !quoted && depth == 0 && c == "=" {
        return nil
      } else if !quoted && depth == 0 && c == ">" {
        break
      }
      left.append(c)
    }
    var key = left[...]
    if let open = Self.topLevel("{", in: key) { key = key[(open + 1)...] }
    if let close = Self.topLevel("}", in: key) { key = key[..<close] }
    return Self.trimmed(key)
  }

  /// The index of the first `c` outside quotes, sets and escapes.
  static func topLevel(_ c: Unicode.Scalar, in s: ArraySlice<Unicode.Scalar>) -> Int? {
    var depth = 0
    var quoted = false
    var escaped = false
    for i in s.indices {
      let x = s[i]
      if escaped {
        escaped = false
      } else if x == "\\" {
        escaped = true
      } else if x == "'" {
        quoted.toggle()
      } else if !quoted && x == "[" {
        depth += 1
      } else if !quoted && x == "]" {
        depth -= 1
      } else if !quoted && depth == 0 && x == c {
        return i
      }
    }
    return nil
  }

  /// `s` without white space at either end.
  static func trimmed<C: BidirectionalCollection>(_ s: C) -> [Unicode.Scalar] where C.Element == Unicode.Scalar {
    Array(s.drop(while: \.properties.isWhitespace).reversed().drop(while: \.properties.isWhitespace).reversed())
  }
}
