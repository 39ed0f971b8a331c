import Foundation
import Testing

@testable import NERKit

/// Runs `body` with a scanner over `bytes`.
private func scan<T>(_ bytes: [UInt8], _ body: (inout JSONScanner) throws -> T) throws -> T {
  try bytes.withUnsafeBufferPointer { buffer in
    var s = JSONScanner(buffer)
    return try body(&s)
  }
}

private func scan<T>(_ text: String, _ body: (inout JSONScanner) throws -> T) throws -> T {
  try scan(Array(text.utf8), body)
}

/// The message of the scanner failure `body` throws, or nil.
private func failure(_ text: String, _ body: (inout JSONScanner) throws -> Void) -> String? {
  do {
    try scan(text, body)
    return nil
  } catch let f as JSONScanner.Failure {
    return f.message
  } catch {
    return "other error: \(error)"
  }
}

@Suite struct JSONScannerStringTests {
  @Test(arguments: [
    (#""plain""#, "plain"),
    (#""""#, ""),
    (#""a\"b\\c\/d""#, "a\"b\\c/d"),
    (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
    (#""caf\u00e9 \u00E9""#, "café é"),
    (#""\u0000\u001f""#, "\u{0}\u{1F}"),
    (#""\uD83D\uDE00!""#, "😀!"),
    (#""\ud834\udd1e""#, "𝄞"),
    (#""Zürich 日本""#, "Zürich 日本"),
    (#"  "after whitespace""#, "after whitespace"),
  ])
  func decodes(json: String, expected: String) throws {
    let value = try scan(json) { try $0.readString() }
    #expect(Array(value.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test func positionMovesPastTheString() throws {
    let (value, position, atEnd) = try scan(#""a\nb" "#) { s -> (String, Int, Bool) in
      let v = try s.readString()
      return (v, s.position, s.atEnd)
    }
    #expect(value == "a\nb")
    #expect(position == 6)
    #expect(!atEnd)
  }

  @Test(arguments: [
    (#""\uD83D""#, "unpaired surrogate"),
    (#""\uD83Dx""#, "unpaired surrogate"),
    (#""\uD83D\u0041""#, "unpaired surrogate"),
    (#""\uD83D\uD83D""#, "unpaired surrogate"),
    (#""\uDE00""#, "unpaired surrogate"),
    (#""\uDE00\uD83D""#, "unpaired surrogate"),
    (#""\x""#, "invalid escape"),
    (#""\u12G4""#, "invalid \\u escape"),
    (#""\u12""#, "short \\u escape"),
    ("\"a\nb\"", "control character in a string"),
    ("\"a\tb\"", "control character in a string"),
    (#""abc"#, "unterminated string"),
    (#""abc\"#, "unterminated string"),
    ("abc", "expected a string"),
  ])
  func rejects(json: String, message: String) {
    #expect(failure(json) { _ = try $0.readString() } == message)
  }

  @Test func rejectsInvalidUTF8() {
    for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
      #expect(throws: JSONScanner.Failure.self) { try scan(bytes) { _ = try $0.readString() } }
    }
  }

  @Test func failureDescriptionHasTheByte() {
    do {
      try scan(#"{"a" 1}"#) { try $0.readObject { s, _ in try s.skipValue() } }
      Issue.record("no failure")
    } catch let f as JSONScanner.Failure {
      #expect(f.offset == 5)
      #expect(f.description == "expected ':' at byte 6")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}

@Suite struct JSONScannerValueTests {
  @Test(arguments: ["0", "-0", "42", "-12.5", "1e10", "1E+2", "2.5e-3", "-0.0e0", "123456789012345678901234567890"])
  func numbersAreReturnedVerbatim(number: String) throws {
    let text = try scan("\(number) ") { s -> String in
      let v = try s.skipValue()
      s.skipWhitespace()
      #expect(s.atEnd)
      return v
    }
    #expect(text == number)
  }

  @Test(arguments: ["01", "-", "+1", ".5", "1.", "1e", "1e+", "-a", "--1", "0x10"])
  func badNumbersAreRejected(number: String) {
    // A number followed by more text is not an error of skipValue itself, so check the end too.
    let failed = failure(number) { s in
      try s.skipValue()
      s.skipWhitespace()
      if !s.atEnd { throw JSONScanner.Failure(offset: s.position, message: "trailing") }
    }
    #expect(failed != nil, "\(number)")
  }

  @Test(arguments: ["true", "false", "null"])
  func literals(word: String) throws {
    #expect(try scan(word) { try $0.skipValue() } == word)
  }

  @Test(arguments: ["tru", "nul", "fals", "True", "nothing"])
  func badLiterals(word: String) {
    #expect(failure(word) { try $0.skipValue() } != nil)
  }

  @Test func nestedValuesAreReturnedVerbatim() throws {
    let value = #"{"a": [1, {"b": null}, "x\"y"], "c" : true ,"d":{}}"#
    let (text, atEnd) = try scan("  \(value)  ") { s -> (String, Bool) in
      let t = try s.skipValue()
      s.skipWhitespace()
      return (t, s.atEnd)
    }
    #expect(text == value)
    #expect(atEnd)
    #expect(try scan("[ ]") { try $0.skipValue() } == "[ ]")
    #expect(try scan(#"["é", [[]]]"#) { try $0.skipValue() } == #"["é", [[]]]"#)
  }

  @Test(arguments: [#"[1,]"#, #"[1 2]"#, #"{"a":1,}"#, #"{"a":1 "b":2}"#, #"{a:1}"#, #"[1"#, #"{"a":1"#, #"{"a"}"#, ""])
  func malformedValuesAreRejected(json: String) {
    #expect(failure(json) { try $0.skipValue() } != nil, "\(json)")
  }

  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(failure(deep) { try $0.skipValue() } == "nesting too deep")
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(failure(fine) { try $0.skipValue() } == nil)
  }

  @Test func readIntReadsWholeNumbersOnly() throws {
    #expect(try scan(" 42") { try $0.readInt() } == 42)
    #expect(try scan("-7") { try $0.readInt() } == -7)
    #expect(try scan("0") { try $0.readInt() } == 0)
    // Not an integer: nil, nothing consumed.
    for text in ["4.5", "1e3", "\"3\"", "true", "[1]"] {
      let (v, position) = try scan(text) { s -> (Int?, Int) in (try s.readInt(), s.position) }
      #expect(v == nil, "\(text)")
      #expect(position == 0, "\(text)")
    }
  }

  @Test func readStringArray() throws {
    #expect(try scan(#"["a", "b" ,"c"]"#) { try $0.readStringArray() } == ["a", "b", "c"])
    #expect(try scan("[ ]") { try $0.readStringArray() } == [])
    // Not an array of strings: nil and nothing consumed.
    for text in [#"["a", 1]"#, "[1]", #""a""#, "{}", #"[["a"]]"#] {
      let (v, position) = try scan(text) { s -> ([String]?, Int) in (try s.readStringArray(), s.position) }
      #expect(v == nil, "\(text)")
      #expect(position == 0, "\(text)")
    }
    #expect(failure(#"["a" "b"]"#) { _ = try $0.readStringArray() } == "expected ',' or ']'")
    #expect(failure(#"["a""#) { _ = try $0.readStringArray() } == "unterminated array")
  }

  @Test func readObjectVisitsKeysInOrder() throws {
    let keys = try scan(#" { "b" : 1, "a":"x" ,"c":[true]} "#) { s -> [String] in
      var keys: [String] = []
      try s.readObject { s, k in
        keys.append(k)
        try s.skipValue()
      }
      return keys
    }
    #expect(keys == ["b", "a", "c"])
    #expect(try scan("{}") { s -> Int in
      var n = 0
      try s.readObject { s, _ in n += 1; try s.skipValue() }
      return n
    } == 0)
  }

  @Test func trailingGarbageIsLeftForTheCaller() throws {
    let (atEnd, next) = try scan(#"{"a":1} x"#) { s -> (Bool, UInt8?) in
      try s.readObject { s, _ in try s.skipValue() }
      s.skipWhitespace()
      return (s.atEnd, s.peek())
    }
    #expect(!atEnd)
    #expect(next == UInt8(ascii: "x"))
  }

  @Test func peekSkipsWhitespace() throws {
    #expect(try scan(" \t\r\n[") { $0.peek() } == UInt8(ascii: "["))
    #expect(try scan("   ") { $0.peek() } == nil)
  }
}

@Suite struct JSONTextTests {
  @Test(arguments: [
    ("plain", #""plain""#),
    ("", #""""#),
    ("a\"b", #""a\"b""#),
    ("a\\b", #""a\\b""#),
    ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
    ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
    ("\u{7F}/é😀", "\"\u{7F}/é😀\""),
  ])
  func quote(text: String, expected: String) {
    #expect(JSONText.quote(text) == expected)
  }

  @Test func array() {
    #expect(JSONText.array([]) == "[]")
    #expect(JSONText.array(["a", "b\"c"]) == #"["a","b\"c"]"#)
  }

  @Test(arguments: ["", "plain", "quote \" backslash \\ slash /", "\u{0}\u{1}\u{1F}\u{7F}", "tab\tnl\ncr\r", "é e\u{301} 😀 日本"])
  func quoteReadsBack(text: String) throws {
    let back = try scan(JSONText.quote(text)) { try $0.readString() }
    #expect(Array(back.utf8) == Array(text.utf8))
  }

  @Test func quoteIsValidJSONForFoundation() throws {
    let text = "x\"\\\n\u{1}é😀"
    let data = Data(("[" + JSONText.quote(text) + "]").utf8)
    let parsed = try JSONSerialization.jsonObject(with: data) as? [String]
    #expect(parsed.map { $0.map { Array($0.utf8) } } == [Array(text.utf8)])
  }
}
