import Testing

@testable import NERKit

/// ``BreakIterator``: reusable segments, and the Latin-1 shortcut of word iterators, which
/// must break exactly as ICU does.
struct BreakIteratorTests {
  @Test func segmentsAreReusedFromTextToText() throws {
    let it = try BreakIterator(kind: .word)
    var segments = BreakIterator.Segments()
    for text in ["a long first text, with words", "ab 12", ""] {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { b in
        it.segment(b, into: &segments)
        let ranges = (0..<segments.count).map { segments[$0] }
        #expect(ranges == it.segments(b).map(\.range))
      }
    }
    #expect(segments.count == 0)
  }

  /// Letters, digits and punctuation of Latin-1 (with '@', '_' and ':', which ICU's rules
  /// treat in their own ways), spaces of several kinds, and characters the shortcut leaves
  /// to ICU: combining marks, joiners, emoji, regional indicators, CJK, Thai.
  static let alphabet: [String] = [
    "a", "Z", "é", "ñ", "ß", "ª", "µ", "0", "7", ".", ",", ";", ":", "'", "\"", "·", "(", ")", "-", "/", "%",
    "¿", "¡", "«", "»", "§", "©", "®", "²", "×", "@", "_", "#", "*", " ", " ", " ", "\t", "\u{A0}", "\u{AD}",
    "\u{301}", "\u{200D}", "\u{200B}", "👍", "🏽", "🇪", "🇸", "東", "京", "ก", "ไ", "\u{2019}", "\u{3000}", "\r", "\n",
  ]

  @Test(arguments: ["", "es", "fi", "en_US_POSIX", "ja"])
  func shortcutBreaksLikeICU(locale: String) throws {
    let shortcut = try BreakIterator(kind: .word, locale: locale, shortcut: true)
    let icu = try BreakIterator(kind: .word, locale: locale, shortcut: false)
    var generator = SystemRandomNumberGenerator()
    var mismatches: [String] = []
    for _ in 0..<20_000 {
      // Mostly Latin, as the shortcut sees it, with the odd other character.
      let length = Int.random(in: 0...24, using: &generator)
      let text = (0..<length).map { _ in
        Int.random(in: 0..<4, using: &generator) == 0
          ? Self.alphabet.randomElement(using: &generator)! : Self.alphabet[Int.random(in: 0..<38, using: &generator)]
      }.joined()
      let bytes = Array(text.utf8)
      let (a, b) = bytes.withUnsafeBufferPointer { b in
        (shortcut.segments(b).map { "\($0.range)\($0.kind)" }, icu.segments(b).map { "\($0.range)\($0.kind)" })
      }
      if a != b { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { Array($0.unicodeScalars).map { String($0.value, radix: 16) } })")
  }
}
