import Testing

@testable import NERKit

/// `line` split by `pattern`, as strings.
private func split(_ line: String, _ pattern: String) throws -> [String] {
  let splitter = try FieldSplitter(pattern: pattern)
  let bytes = Array(line.utf8)
  var fields: [Range<Int>] = []
  bytes.withUnsafeBufferPointer { splitter.split($0, into: &fields) }
  return fields.map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite struct FieldSplitterTests {
  // Expected values are what Perl's split(/PATTERN/, LINE) returns.
  @Test(arguments: [
    (" ", "a b c", ["a", "b", "c"]),
    (" ", "a  b c", ["a", "", "b", "c"]),  // empty fields inside are kept
    (" ", "a b c  ", ["a", "b", "c"]),  // trailing empty fields are dropped
    (" ", " a b", ["", "a", "b"]),  // a leading empty field is kept
    (" ", "  a", ["", "", "a"]),
    (" ", "", []),
    (" ", "   ", []),
    (" ", "abc", ["abc"]),
    (" ", "a\tb c", ["a\tb", "c"]),
    ("\\t", "a\tb\t\tc", ["a", "b", "", "c"]),
    ("\\t", "\ta\t\t", ["", "a"]),
    ("\t", "a\tb c", ["a", "b c"]),
    ("\\s+", "a \t b  c", ["a", "b", "c"]),
    ("\\s+", "  a b", ["", "a", "b"]),
    ("\\s+", "a b \t ", ["a", "b"]),
    ("\\s", "a  b", ["a", "", "b"]),
    ("::", "a::b:c::::d", ["a", "b:c", "", "d"]),
    ("ab", "xabyabab", ["x", "y"]),
    (" +", "a   b  c", ["a", "b", "c"]),
    ("\\d+", "a12b3c", ["a", "b", "c"]),
    ("\\w", "-a-", ["-", "-"]),
    ("\\S+", "  x  y ", ["  ", "  ", " "]),
    ("\\.", "a.b", ["a", "b"]),
    (".", "ab", []),
    ("\\|", "a|b||", ["a", "b"]),
    ("x+y", "axxxyb", ["a", "b"]),
    ("\\r", "a\rb", ["a", "b"]),
  ])
  func perlSplitSemantics(pattern: String, line: String, expected: [String]) throws {
    #expect(try split(line, pattern) == expected)
  }

  /// Perl backtracks out of a `+` when the rest of the pattern needs the bytes it took.
  @Test(arguments: [
    ("x+x", "axxb", ["a", "b"]),
    ("\\s+\\t", "a  \tb", ["a", "b"]),
    (" + ", "a   b", ["a", "b"]),
  ])
  func plusGivesBackWhatTheRestNeeds(pattern: String, line: String, expected: [String]) throws {
    #expect(try split(line, pattern) == expected)
  }

  @Test func singleByteFastPath() throws {
    #expect(try FieldSplitter(pattern: " ").singleByte == 0x20)
    #expect(try FieldSplitter(pattern: "\\t").singleByte == 0x09)
    #expect(try FieldSplitter(pattern: "\\|").singleByte == UInt8(ascii: "|"))
    #expect(try FieldSplitter(pattern: " +").singleByte == nil)
    #expect(try FieldSplitter(pattern: "\\s").singleByte == nil)
    #expect(try FieldSplitter(pattern: "ab").singleByte == nil)
  }

  @Test(arguments: ["a|b", "[ ]", "(x)", "a*", "^a", "a$", "a?", "{2}", "+", "\\b", "\\x20", "\\1", "", "a\\"])
  func unsupportedRegexIsRejected(pattern: String) {
    #expect(throws: DataError.self) { try FieldSplitter(pattern: pattern) }
  }

  @Test func rejectionMessages() {
    #expect(throws: DataError(line: 0, "the delimiter is empty")) { try FieldSplitter(pattern: "") }
    #expect(throws: DataError(line: 0, "delimiter 'a\\' ends with a backslash")) { try FieldSplitter(pattern: "a\\") }
    #expect(throws: DataError(line: 0, "delimiter '\\b': unsupported escape \\b")) { try FieldSplitter(pattern: "\\b") }
    #expect(throws: DataError(line: 0, "delimiter 'a|b': regex syntax '|' is not supported (use a literal, \\t, \\s or a trailing +)")) {
      try FieldSplitter(pattern: "a|b")
    }
  }

  @Test func splitReplacesTheFieldList() throws {
    let splitter = try FieldSplitter(pattern: " ")
    var fields: [Range<Int>] = [0..<99]
    Array("x y".utf8).withUnsafeBufferPointer { splitter.split($0, into: &fields) }
    #expect(fields == [0..<1, 2..<3])
  }
}
