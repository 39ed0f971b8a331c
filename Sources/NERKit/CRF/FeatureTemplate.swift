/// CRF++-style feature templates.
///
/// A template file holds one template a line:
///
/// - `U01:%x[-1,0]/%x[0,0]` is a unigram template. For token `t`, every macro
///   `%x[row,col]` is replaced by the value of column `col` at token `t + row`, and the
///   whole line with its macros replaced is the feature (`U01:the/cat`), as CRF++ builds
///   it. Rows before the sentence give CRF++'s placeholders `_B-1`, `_B-2`, ... and rows
///   after it `_B+1`, `_B+2`, ... Rows are limited to -8...8 and columns start at 0, as
///   in CRF++. A `U` line without a macro is a constant feature (a bias) on every token.
/// - `B` (or `B` with an identifier and no macro, `B01`) asks for label-bigram
///   transitions, which the CRF always has: accepted and ignored. A `B` line with a
///   macro (transitions conditioned on observations) is an error: the CRF is first-order
///   with transitions independent of the input.
/// - Empty or blank lines and lines starting with `#` are skipped; any other line is an
///   error. A `%` must start a macro (CRF++ has no escape for it).
///
/// Which columns exist is known only with the data: callers check ``maxColumn`` against
/// their column count (CRF++ refuses such a template).
public struct FeatureTemplate: Sendable {
  /// A `%x[row,col]` reference followed by the literal text up to the next macro.
  struct Macro: Sendable {
    var row: Int
    var column: Int
    var tail: String
  }

  /// One unigram template: literal `head`, then its macros each with their tail.
  struct Unigram: Sendable {
    var head: String
    var macros: [Macro]
  }

  /// CRF++'s limit on row offsets (`kMaxContextSize`).
  static let maxRowOffset = 8
  static let before = (1...maxRowOffset).map { "_B-\($0)" }
  static let after = (1...maxRowOffset).map { "_B+\($0)" }

  var unigrams: [Unigram] = []

  /// The highest column index the templates use, or -1 when they use none. Every input
  /// to ``features(columns:)`` should have more columns than this.
  public private(set) var maxColumn = -1

  /// Whether the file has a (bare) `B` template. CRF++ has label transitions only with
  /// one; this CRF always has them.
  public private(set) var hasBigramTemplate = false

  /// The number of unigram templates: the number of features of every token.
  public var count: Int { unigrams.count }

  /// Parses a CRF++ template file's text. Errors are `DataError`s with the 1-based line.
  public init(parsing text: String) throws {
    var number = 0
    for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      number += 1
      var line = Array(raw)
      if line.last == UInt8(ascii: "\r") { line.removeLast() }
      if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
      switch line[0] {
      case UInt8(ascii: "U"):
        let u = try Self.parse(line, number: number)
        for m in u.macros { maxColumn = max(maxColumn, m.column) }
        unigrams.append(u)
      case UInt8(ascii: "B"):
        if try !Self.parse(line, number: number).macros.isEmpty {
          throw DataError(
            line: number,
            "bigram template with a macro (labels conditioned on observations) is not supported: "
              + "the CRF is first-order; use a bare B")
        }
        hasBigramTemplate = true
      case UInt8(ascii: "#"):
        continue
      default:
        throw DataError(line: number, "unknown template type '\(Self.text(line))': a template starts with U or B")
      }
    }
  }

  /// One template line split into literals and macros.
  static func parse(_ line: [UInt8], number: Int) throws -> Unigram {
    var pieces: [String] = []
    var macros: [Macro] = []
    var literalStart = 0
    var i = 0
    func fail(_ why: String) -> DataError {
      DataError(line: number, "malformed macro in '\(text(line))': \(why); a macro is %x[row,col]")
    }
    /// An unsigned decimal number at `i`, at least one digit.
    func digits() throws -> Int {
      var value = 0
      let start = i
      while i < line.count, line[i] >= UInt8(ascii: "0"), line[i] <= UInt8(ascii: "9") {
        value = value * 10 + Int(line[i] - UInt8(ascii: "0"))
        if value > 1_000_000 { throw fail("number too large") }
        i += 1
      }
      if i == start { throw fail("a row and a column must be integers") }
      return value
    }
    func expect(_ c: Unicode.Scalar) throws {
      guard i < line.count, line[i] == UInt8(ascii: c) else {
        throw fail(i < line.count ? "'\(c)' expected" : "'\(c)' expected before the end of the line")
      }
      i += 1
    }
    while i < line.count {
      guard line[i] == UInt8(ascii: "%") else {
        i += 1
        continue
      }
      pieces.append(text(line[literalStart..<i]))
      i += 1
      try expect("x")
      try expect("[")
      let negative = i < line.count && line[i] == UInt8(ascii: "-")
      if negative { i += 1 }
      let row = try digits() * (negative ? -1 : 1)
      try expect(",")
      let column = try digits()
      try expect("]")
      guard abs(row) <= maxRowOffset else {
        throw DataError(line: number, "row \(row) in '\(text(line))' is beyond CRF++'s limit of ±\(maxRowOffset)")
      }
      macros.append(Macro(row: row, column: column, tail: ""))
      literalStart = i
    }
    pieces.append(text(line[literalStart...]))
    for k in macros.indices { macros[k].tail = pieces[k + 1] }
    return Unigram(head: pieces[0], macros: macros)
  }

  static func text<C: Collection<UInt8>>(_ bytes: C) -> String { String(decoding: bytes, as: UTF8.self) }

  /// The features of every token of a sentence, one list a token in template order:
  /// `columns[c][t]` is the value of column `c` at token `t` (column 0 first, as the
  /// caller lays them out; the number of tokens is that of column 0). A column missing
  /// from `columns`, or shorter than column 0, reads as the empty string (CRF++ refuses
  /// such input: check ``maxColumn``).
  public func features(columns: [[String]]) -> [[String]] {
    let n = columns.first?.count ?? 0
    func value(_ row: Int, _ column: Int, _ t: Int) -> String {
      let i = t + row
      if i < 0 { return Self.before[-i - 1] }
      if i >= n { return Self.after[i - n] }
      guard column < columns.count, i < columns[column].count else { return "" }
      return columns[column][i]
    }
    var result: [[String]] = []
    result.reserveCapacity(n)
    for t in 0..<n {
      var features: [String] = []
      features.reserveCapacity(unigrams.count)
      for u in unigrams {
        var f = u.head
        for m in u.macros {
          f += value(m.row, m.column, t)
          f += m.tail
        }
        features.append(f)
      }
      result.append(features)
    }
    return result
  }
}
