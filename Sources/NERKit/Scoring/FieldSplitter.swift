/// Splits a line into fields the way conlleval.pl's `split(/$delimiter/, $line)` does:
/// every match of the delimiter separates two fields (so two delimiters in a row give an
/// empty field, and a leading one an empty first field) and empty fields at the end are
/// dropped.
///
/// The delimiter is Perl regex text. Supported: literal characters, the escapes `\t`,
/// `\n`, `\r`, `\f`, `\s`, `\S`, `\d`, `\w` and backslash before any punctuation, `.`, and
/// a `+` after any of these. Other regex syntax is refused, since it would change the
/// meaning silently.
public struct FieldSplitter: Sendable {
  enum Atom: Sendable, Equatable {
    case byte(UInt8)
    case space, nonSpace, digit, word, any

    func matches(_ b: UInt8) -> Bool {
      switch self {
      case .byte(let x): return b == x
      case .space: return b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B
      case .nonSpace: return !Atom.space.matches(b)
      case .digit: return b >= 0x30 && b <= 0x39
      case .word: return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
      case .any: return b != 0x0A
      }
    }
  }

  private var atoms: [(atom: Atom, repeated: Bool)] = []
  /// The single byte of a one-byte literal delimiter (the fast path), if it is one.
  public let singleByte: UInt8?

  /// A splitter for the Perl regex text `pattern`; throws a message when unsupported.
  public init(pattern: String) throws {
    let p = Array(pattern.utf8)
    guard !p.isEmpty else { throw DataError(line: 0, "the delimiter is empty") }
    var i = 0
    while i < p.count {
      var atom: Atom
      let c = p[i]
      if c == UInt8(ascii: "\\") {
        guard i + 1 < p.count else { throw DataError(line: 0, "delimiter '\(pattern)' ends with a backslash") }
        let e = p[i + 1]
        switch e {
        case UInt8(ascii: "t"): atom = .byte(0x09)
        case UInt8(ascii: "n"): atom = .byte(0x0A)
        case UInt8(ascii: "r"): atom = .byte(0x0D)
        case UInt8(ascii: "f"): atom = .byte(0x0C)
        case UInt8(ascii: "s"): atom = .space
        case UInt8(ascii: "S"): atom = .nonSpace
        case UInt8(ascii: "d"): atom = .digit
        case UInt8(ascii: "w"): atom = .word
        default:
          let isAlnum = (e >= 0x30 && e <= 0x39) || (e >= 0x41 && e <= 0x5A) || (e >= 0x61 && e <= 0x7A)
          guard !isAlnum else { throw DataError(line: 0, "delimiter '\(pattern)': unsupported escape \\\(UnicodeScalar(e))") }
          atom = .byte(e)
        }
        i += 2
      } else if c == UInt8(ascii: ".") {
        atom = .any
        i += 1
      } else if "|()[]{}?*^$+".utf8.contains(c) {
        throw DataError(line: 0, "delimiter '\(pattern)': regex syntax '\(UnicodeScalar(c))' is not supported (use a literal, \\t, \\s or a trailing +)")
      } else {
        atom = .byte(c)
        i += 1
      }
      var repeated = false
      if i < p.count && p[i] == UInt8(ascii: "+") {
        repeated = true
        i += 1
      }
      atoms.append((atom, repeated))
    }
    if atoms.count == 1, !atoms[0].repeated, case .byte(let b) = atoms[0].atom { singleByte = b } else { singleByte = nil }
  }

  /// The length of a delimiter match at `start`, or 0 when none: `+` is greedy and
  /// gives back what the rest of the pattern needs, as in Perl.
  private func match(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
    func from(_ k: Int, _ i: Int) -> Int? {
      if k == atoms.count { return i }
      let (atom, repeated) = atoms[k]
      guard i < line.count, atom.matches(line[i]) else { return nil }
      var longest = i + 1
      if repeated { while longest < line.count && atom.matches(line[longest]) { longest += 1 } }
      var end = longest
      while end > i {
        if let e = from(k + 1, end) { return e }
        end -= 1
      }
      return nil
    }
    return from(0, start).map { $0 - start } ?? 0
  }

  /// Splits `line` into `fields` (ranges of byte offsets), replacing its contents.
  public func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout [Range<Int>]) {
    fields.removeAll(keepingCapacity: true)
    var fieldStart = 0
    if let d = singleByte {
      var i = 0
      let n = line.count
      while i < n {
        if line[i] == d {
          fields.append(fieldStart..<i)
          fieldStart = i + 1
        }
        i += 1
      }
    } else {
      var i = 0
      while i < line.count {
        let m = match(line, at: i)
        if m > 0 {
          fields.append(fieldStart..<i)
          i += m
          fieldStart = i
        } else {
          i += 1
        }
      }
    }
    fields.append(fieldStart..<line.count)
    while let last = fields.last, last.isEmpty { fields.removeLast() }
  }
}
