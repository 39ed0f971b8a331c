import Testing

@testable import NERKit

struct TokenizerTests {
  func tokenize(_ line: String, _ configure: (inout TokenizerOptions) -> Void = { _ in }) throws -> [TokenizedSentence] {
    var o = TokenizerOptions()
    configure(&o)
    return try Tokenizer(options: o).tokenize(line: line)
  }

  @Test func offsetsAreUnicodeScalarsIntoTheUntouchedText() throws {
    let s = try tokenize("  Ünïcode\u{301} 👍 ok.  ")
    #expect(s.count == 1)
    #expect(s[0].text == "Ünïcode\u{301} 👍 ok.")
    let scalars = Array(s[0].text.unicodeScalars)
    for (token, range) in zip(s[0].tokens, s[0].offsets) {
      let original = String(String.UnicodeScalarView(scalars[range]))
      #expect(NormalizationForm.nfc.apply(original) == token)
    }
    #expect(s[0].offsets == [0..<8, 9..<10, 11..<13, 13..<14])
  }

  @Test func urlsAndEmailsAreFoundWithoutTrailingPunctuation() {
    let text = "(see https://a.org/x_(y)), mail me@ex.co.uk. www.z.com!"
    let spans = Array(text.utf8).withUnsafeBufferPointer { Tokenizer.protectedSpans($0) }
    let found = spans.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }
    #expect(found == ["https://a.org/x_(y)", "me@ex.co.uk", "www.z.com"])
  }

  @Test func sentenceIdsDependOnTheLineOnly() {
    #expect(SentenceID.make(line: "a", sentence: 1) == SentenceID.make(line: "a", sentence: 1))
    #expect(SentenceID.make(line: "a", sentence: 1) != SentenceID.make(line: "b", sentence: 1))
    #expect(SentenceID.make(line: "a", sentence: 2).hasSuffix("-2"))
    // FNV-1a 64 of "a" is af63dc4c8601ec8c.
    #expect(SentenceID.make(line: "a", sentence: 1) == "af63dc4c8601-1")
  }

  @Test func trimHandlesUnicodeSpaces() {
    let text = "\u{00A0}\u{3000} x \u{2009}"
    let r = Array(text.utf8).withUnsafeBufferPointer { Tokenizer.trim($0, 0..<$0.count) }
    #expect(Array(text.utf8)[r] == Array("x".utf8)[...])
  }

  @Test func breakIteratorGivesKinds() throws {
    let it = try BreakIterator(kind: .word)
    let text = Array("ab 12 東京".utf8)
    let kinds = text.withUnsafeBufferPointer { it.segments($0).map(\.kind) }
    #expect(kinds == [.letter, .none, .number, .none, .ideographic])
  }

  @Test func transliteratorFromIdAndRules() throws {
    #expect(try Transliterator(id: "Any-Latin; Latin-ASCII").apply("Москва") == "Moskva")
    #expect(try Transliterator(id: "x", rules: "a > b; ::Upper;").apply("abc") == "BBC")
    #expect(throws: DataError.self) { try Transliterator(id: "No-Such-Transform") }
    #expect(throws: DataError.self) { try Transliterator(id: "x", rules: "a > ;;; >") }
    #expect(Transliterator.availableIDs.contains("Any-Latin"))
  }
}
